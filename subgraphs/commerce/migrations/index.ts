import { type MigrationDefinition } from '@atelier/kit';
import { Migration20261123161726_initial } from './Migration20261123161726_initial.ts';

/** Every migration of the commerce schema, in order. New ones come from `npm run migration:create -- commerce`. */
export const migrations: MigrationDefinition[] = [
  { name: 'Migration20261123161726_initial', class: Migration20261123161726_initial },
];
