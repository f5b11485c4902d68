import { ArchivedAt, crudEvents, defineContract, Id, Instant, MinorUnits, Nullable, Payload, Type } from '@atelier/kit';

/**
 * commerce's contract: the events it publishes and what they carry. Other subgraphs import this module (it
 * is declarations only) to consume them; partners see the webhook ones in `webhookEventTypes`.
 */

/** A product as commerce publishes it (v1). */
export const ProductSnapshot = Payload(
  {
    id: Id(),
    partNumber: Type.String({ description: "The shop's or manufacturer's part number, unique in the organization (upper case)" }),
    name: Type.String(),
    description: Nullable(Type.String()),
    price: MinorUnits('Selling price of one unit, in minor units of `currency` (cents)'),
    currency: Type.String({ description: 'ISO 4217 currency code', minLength: 3, maxLength: 3 }),
    stockOnHand: Type.Integer({ description: 'Units in stock' }),
    taxable: Type.Boolean({ description: 'Whether tax applies to it' }),
    active: Type.Boolean({ description: 'Inactive products stay on old documents but are not offered for new ones' }),
    createdAt: Instant(),
    updatedAt: Instant(),
    archivedAt: ArchivedAt(),
  },
  'A part or stock item the shop sells or fits',
);

export const commerceContract = defineContract('commerce', {
  ...crudEvents('product', 'product', ProductSnapshot, { webhook: true }),
});

export const commerceEvents = commerceContract.events;
