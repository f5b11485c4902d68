import { registerEnumType } from 'type-graphql';

/** How far a vehicle's blank fields were filled from its VIN (integrations decodes it after the vehicle is created). */
export enum VinDecodeStatus {
  PENDING = 'PENDING',
  DECODED = 'DECODED',
  PARTIAL = 'PARTIAL',
  FAILED = 'FAILED',
}

registerEnumType(VinDecodeStatus, {
  name: 'VinDecodeStatus',
  description: "How far a vehicle's blank fields were filled from its VIN; null when the vehicle had no VIN or nothing blank",
  valuesConfig: {
    PENDING: { description: 'The VIN is being decoded; blank fields fill in shortly' },
    DECODED: { description: 'NHTSA vPIC decoded the VIN fully; blank fields were filled from it' },
    PARTIAL: { description: 'Only part of the VIN could be decoded (vPIC does not know it, or was unavailable): what it tells was filled' },
    FAILED: { description: 'Nothing could be decoded from the VIN' },
  },
});
