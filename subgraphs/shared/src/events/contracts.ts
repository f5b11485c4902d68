/**
 * The data of events one subgraph publishes and another consumes, typed once here so both sides agree
 * (events whose data is just the entity need no contract: `eventData()` of it).
 */

/** `integrations.vin.decoded`: the decoded values (null where unknown) for the vehicle that asked. */
export type VinDecodedData = {
  vehicleId: string;
  vin: string;
  make: string | null;
  model: string | null;
  modelYear: number | null;
  engine: string | null;
  bodyClass: string | null;
  fuelType: string | null;
  /** Only part of the VIN was decoded (vPIC does not know it, or was unavailable). */
  partial: boolean;
  /** Why the VIN could not be decoded at all (a North American check digit that does not match); null otherwise. */
  refused: string | null;
  messages: string[];
};

/** `integrations.signatureRequest.*`: which work order's estimate, signed by whom, in which envelope. */
export type SignatureRequestEventData = {
  workOrderId: string;
  envelopeId: string;
  signerName: string;
  status: string;
  /** The estimate total the customer was sent, in minor units of `currency`. */
  total: number;
  currency: string;
};

/**
 * `identity.accountEmail.requested`: an email to one person about their account, written by identity and
 * sent by integrations from the platform's own address (not a tenant's connection). `text` may hold a
 * one-time link: consumers never log it.
 */
export type AccountEmailData = {
  to: string;
  subject: string;
  text: string;
  /** What it is about, for logs: `invitation`, `email-verification`, `signup-existing-account`. */
  kind: string;
};
