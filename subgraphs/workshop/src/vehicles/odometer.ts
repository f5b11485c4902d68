import { badUserInput, requireTenant, type EntityManager, type SubgraphContext } from '@atelier/kit';
import { LockMode } from '@mikro-orm/core';
import { OdometerReading, OdometerSource } from './odometer-reading.entity.ts';
import { Vehicle } from './vehicle.entity.ts';

/**
 * The mileage rule: an odometer never goes backwards. A create or update may only raise the mileage
 * (each new value is recorded as a reading); going back takes `correctMileage` with a reason.
 */
export function assertNotBackwards(lastReading: number | null | undefined, reading: number | null | undefined, field = 'mileage'): void {
  if (lastReading === null || lastReading === undefined) return;
  if (reading === null)
    throw badUserInput([{ field, message: `cannot be cleared once recorded (last reading ${lastReading} km); use correctMileage to correct it` }]);
  if (reading !== undefined && reading < lastReading) {
    throw badUserInput([{ field, message: `is lower than the last reading (${lastReading} km); use correctMileage to correct it` }]);
  }
}

/** Adds a reading to the write's unit of work (flushed, and committed, with the change that made it). */
export function recordReading(
  em: EntityManager,
  context: SubgraphContext,
  reading: { vehicleId: string; reading: number; source: OdometerSource; note?: string | null },
): OdometerReading {
  return em.create(OdometerReading, { ...reading, note: reading.note ?? null, tenantId: requireTenant(context), recordedAt: new Date() });
}

/**
 * Locks the vehicle for the rest of the transaction and reloads it, so two concurrent writes compare
 * against the same last reading instead of both passing the check.
 */
export async function lockVehicle(em: EntityManager, id: string): Promise<Vehicle | null> {
  return em.findOne(Vehicle, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
}
