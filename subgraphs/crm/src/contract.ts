import { ArchivedAt, crudEvents, defineContract, Id, Instant, Nullable, OneOf, Payload, Type } from '@atelier/kit';

/**
 * crm's contract: the events it publishes and what they carry. Other subgraphs import this module (it
 * is declarations only) to consume them; partners see the webhook ones in `webhookEventTypes`.
 */

/** A customer as crm publishes it (v1). */
export const CustomerSnapshot = Payload(
  {
    id: Id(),
    kind: OneOf(['PERSON', 'COMPANY']),
    name: Type.String(),
    email: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    preferredChannel: Nullable(OneOf(['SMS', 'EMAIL'], 'Unset means SMS when there is a phone number, else email')),
    status: OneOf(['LEAD', 'CUSTOMER', 'INACTIVE']),
    score: Type.Integer({ minimum: 0, maximum: 100 }),
    tags: Type.Array(Type.String()),
    createdAt: Instant(),
    updatedAt: Instant(),
    archivedAt: ArchivedAt(),
  },
  'A person or company the business serves, or a lead',
);

export const crmContract = defineContract('crm', {
  ...crudEvents('customer', 'customer', CustomerSnapshot, { webhook: true }),
});

export const crmEvents = crmContract.events;
