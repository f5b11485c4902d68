import { type MigrationDefinition } from '@atelier/kit';
import { Migration20261123135132_initial } from './Migration20261123135132_initial.ts';
import { Migration20261123135806_known_customers } from './Migration20261123135806_known_customers.ts';
import { Migration20261123152631_service_catalogue } from './Migration20261123152631_service_catalogue.ts';
import { Migration20261123153431_appointments } from './Migration20261123153431_appointments.ts';
import { Migration20261123154407_odometer_readings } from './Migration20261123154407_odometer_readings.ts';
import { Migration20261123162237_work_orders } from './Migration20261123162237_work_orders.ts';
import { Migration20261123162444_vin_fill } from './Migration20261123162444_vin_fill.ts';
import { Migration20261123164326_inspections } from './Migration20261123164326_inspections.ts';
import { Migration20261204190000_search_indexes } from './Migration20261204190000_search_indexes.ts';
import { Migration20261204190522_known_members } from './Migration20261204190522_known_members.ts';
import { Migration20261207140000_reference_holds } from './Migration20261207140000_reference_holds.ts';
import { Migration20261207150000_archived_at } from './Migration20261207150000_archived_at.ts';

/** Every migration of the workshop schema, in order. New ones come from `npm run migration:create -- workshop`. */
export const migrations: MigrationDefinition[] = [
  { name: 'Migration20261123135132_initial', class: Migration20261123135132_initial },
  { name: 'Migration20261123135806_known_customers', class: Migration20261123135806_known_customers },
  { name: 'Migration20261123152631_service_catalogue', class: Migration20261123152631_service_catalogue },
  { name: 'Migration20261123153431_appointments', class: Migration20261123153431_appointments },
  { name: 'Migration20261123154407_odometer_readings', class: Migration20261123154407_odometer_readings },
  { name: 'Migration20261123162237_work_orders', class: Migration20261123162237_work_orders },
  { name: 'Migration20261123162444_vin_fill', class: Migration20261123162444_vin_fill },
  { name: 'Migration20261123164326_inspections', class: Migration20261123164326_inspections },
  { name: 'Migration20261204190000_search_indexes', class: Migration20261204190000_search_indexes },
  { name: 'Migration20261204190522_known_members', class: Migration20261204190522_known_members },
  { name: 'Migration20261207140000_reference_holds', class: Migration20261207140000_reference_holds },
  { name: 'Migration20261207150000_archived_at', class: Migration20261207150000_archived_at },
];
