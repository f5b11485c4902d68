import { type MigrationDefinition } from '@atelier/kit';
import { Migration20261123161726_initial } from './Migration20261123161726_initial.ts';
import { Migration20261204190000_search_indexes } from './Migration20261204190000_search_indexes.ts';
import { Migration20261207140000_reference_holds } from './Migration20261207140000_reference_holds.ts';
import { Migration20261207150000_archived_at } from './Migration20261207150000_archived_at.ts';

/** Every migration of the commerce schema, in order. New ones come from `npm run migration:create -- commerce`. */
export const migrations: MigrationDefinition[] = [
  { name: 'Migration20261123161726_initial', class: Migration20261123161726_initial },
  { name: 'Migration20261204190000_search_indexes', class: Migration20261204190000_search_indexes },
  { name: 'Migration20261207140000_reference_holds', class: Migration20261207140000_reference_holds },
  { name: 'Migration20261207150000_archived_at', class: Migration20261207150000_archived_at },
];
