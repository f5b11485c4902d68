/**
 * Where the schema's conventions (README, "The admin's generated screens") do not pick what a person would,
 * a type names its list's default columns or its record name here. Field names are the type's own;
 * a reference is named by its ID field (`vehicleId`). Types without a hint follow the conventions.
 */
export interface ScreenHint {
  /** The list's columns shown by default, in order; every other column stays behind "Columns". */
  columns?: string[];
  /** The fields naming a record, joined by " · "; a reference (`vehicleId`) reads as the referenced record's name. */
  name?: string[];
}

export const SCREEN_HINTS: Readonly<Record<string, ScreenHint>> = {
  WorkOrder: { name: ['number', 'vehicleId'], columns: ['number', 'status', 'customerId', 'vehicleId', 'promisedAt', 'total'] },
  Customer: { columns: ['name', 'email', 'phone', 'status', 'tags', 'createdAt'] },
  Vehicle: { columns: ['make', 'model', 'year', 'plate', 'ownerId', 'mileage'] },
  Connection: { name: ['provider', 'accountName'] },
  // operators match the provider's own event ID against its dashboard
  InboundEvent: { columns: ['type', 'connectionId', 'externalEventId', 'status', 'attempts', 'receivedAt'] },
  SignatureRequest: { name: ['signerName', 'workOrderId'] },
  Appointment: { columns: ['startsAt', 'customerId', 'vehicleId', 'technicianId', 'status'] },
};
