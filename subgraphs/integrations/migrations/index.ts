import { type MigrationDefinition } from '@atelier/kit';
import { Migration20261123141649_initial } from './Migration20261123141649_initial.ts';
import { Migration20261123142109_sync } from './Migration20261123142109_sync.ts';
import { Migration20261123145706_outgoing_webhooks } from './Migration20261123145706_outgoing_webhooks.ts';
import { Migration20261123150738_inbox_per_connection } from './Migration20261123150738_inbox_per_connection.ts';
import { Migration20261123152724_vin_cache } from './Migration20261123152724_vin_cache.ts';
import { Migration20261123161926_calendar_sync } from './Migration20261123161926_calendar_sync.ts';
import { Migration20261123162404_appointment_reminders } from './Migration20261123162404_appointment_reminders.ts';
import { Migration20261123163623_signature_requests } from './Migration20261123163623_signature_requests.ts';
import { Migration20261123164307_work_order_documents } from './Migration20261123164307_work_order_documents.ts';
import { Migration20261123171517_inspection_photos } from './Migration20261123171517_inspection_photos.ts';
import { Migration20261204190000_search_indexes } from './Migration20261204190000_search_indexes.ts';

/** Every migration of the integrations schema, in order. New ones come from `npm run migration:create -- integrations`. */
export const migrations: MigrationDefinition[] = [
  { name: 'Migration20261123141649_initial', class: Migration20261123141649_initial },
  { name: 'Migration20261123142109_sync', class: Migration20261123142109_sync },
  { name: 'Migration20261123145706_outgoing_webhooks', class: Migration20261123145706_outgoing_webhooks },
  { name: 'Migration20261123150738_inbox_per_connection', class: Migration20261123150738_inbox_per_connection },
  { name: 'Migration20261123152724_vin_cache', class: Migration20261123152724_vin_cache },
  { name: 'Migration20261123161926_calendar_sync', class: Migration20261123161926_calendar_sync },
  { name: 'Migration20261123162404_appointment_reminders', class: Migration20261123162404_appointment_reminders },
  { name: 'Migration20261123163623_signature_requests', class: Migration20261123163623_signature_requests },
  { name: 'Migration20261123164307_work_order_documents', class: Migration20261123164307_work_order_documents },
  { name: 'Migration20261123171517_inspection_photos', class: Migration20261123171517_inspection_photos },
  { name: 'Migration20261204190000_search_indexes', class: Migration20261204190000_search_indexes },
];
