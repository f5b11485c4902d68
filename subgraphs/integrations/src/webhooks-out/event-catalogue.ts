import { commerceContract } from '@atelier/commerce/contract';
import { crmContract } from '@atelier/crm/contract';
import { identityContract } from '@atelier/identity/contract';
import { assembleContracts, payloadJsonSchema, type EventType } from '@atelier/kit';
import { workshopContract } from '@atelier/workshop/contract';
import { integrationsContract } from '../contract.ts';

/**
 * Every subgraph's contract, assembled once: what partners may subscribe to by webhook (and the fan-out
 * follows), and what `npm run schema` publishes in schema/events/. A new subgraph's contract goes here.
 */
export const eventCatalogue = assembleContracts([crmContract, identityContract, workshopContract, commerceContract, integrationsContract]);

/** The event types partners may receive by webhook, by name. */
export const webhookEventTypeNames = () => eventCatalogue.webhookTypes().map((type) => type.name);

/** An event's payload as published (schema/events/<name>.json) and served by `webhookEventTypes`. */
export const publishedEventSchema = (type: EventType): Record<string, unknown> => ({ ...payloadJsonSchema(type), 'x-webhook': type.webhook });

/** schema/events/: one file per declared event, file name -> text. */
export const publishedEventFiles = (): Map<string, string> =>
  new Map(eventCatalogue.types.map((type) => [`${type.name}.json`, `${JSON.stringify(publishedEventSchema(type), null, 2)}\n`]));
