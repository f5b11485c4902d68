import { type Vehicle } from './vehicle.entity.ts';

type Naming = Pick<Vehicle, 'year' | 'make' | 'model' | 'vin' | 'plate'>;

const known = (value: string | number | null | undefined) => (value === null || value === undefined || value === '' ? undefined : String(value));

/**
 * How people name a vehicle: "2019 Toyota Corolla". Until its make or model is known (a VIN still being
 * decoded), its VIN, else its plate, so a title or a link is never empty.
 */
export function displayNameOf(vehicle: Naming): string {
  const [year, make, model] = [known(vehicle.year), known(vehicle.make), known(vehicle.model)];
  if (make || model) return [year, make, model].filter(Boolean).join(' ');
  return known(vehicle.vin) ?? known(vehicle.plate) ?? 'Unidentified vehicle';
}
