import { type MigrationDefinition } from '@atelier/kit';
import { Migration20261123141649_initial } from './Migration20261123141649_initial.ts';
import { Migration20261123142109_sync } from './Migration20261123142109_sync.ts';

/** Every migration of the integrations schema, in order. New ones come from `npm run migration:create -- integrations`. */
export const migrations: MigrationDefinition[] = [
  { name: 'Migration20261123141649_initial', class: Migration20261123141649_initial },
  { name: 'Migration20261123142109_sync', class: Migration20261123142109_sync },
];
