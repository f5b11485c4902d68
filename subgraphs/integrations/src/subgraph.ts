import { defineSubgraph } from '@atelier/kit';
import { migrations } from '../migrations/index.ts';
import { accountEmail } from './account-email/index.ts';
import { calendarSync } from './calendar/index.ts';
import { connections } from './connections/index.ts';
import { integrationsContract } from './contract.ts';
import { workshopReferences } from './federation/index.ts';
import { integrationHealth } from './health/index.ts';
import { appointmentReminders } from './reminders/index.ts';
import { sync } from './sync/index.ts';
import { incomingWebhooks } from './webhooks-in/index.ts';
import { vinDecoding } from './vin/index.ts';
import { outgoingWebhooks } from './webhooks-out/index.ts';
import { documents } from './documents/index.ts';
import { signatures } from './signatures/index.ts';

/** integrations: the only door to the outside world (connections, webhooks in and out, syncs). */
export const integrations = defineSubgraph({
  name: 'integrations',
  contract: integrationsContract,
  migrations,
  features: [
    connections,
    incomingWebhooks,
    sync,
    integrationHealth,
    vinDecoding,
    signatures,
    documents,
    workshopReferences,
    outgoingWebhooks,
    appointmentReminders,
    calendarSync,
    accountEmail,
  ],
});
