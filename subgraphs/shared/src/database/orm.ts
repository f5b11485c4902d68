import { type Constructor, type MigrationObject } from '@mikro-orm/core';
import { Migrator, type Migration } from '@mikro-orm/migrations';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { logger } from '../logger.ts';
import { TenantGuard, tenantFilter } from './tenant.ts';

export interface OrmOptions {
  databaseUrl: string;
  /** The subgraph's own Postgres schema: no table of it lives anywhere else. */
  schema: string;
  entities: Function[];
  migrations: MigrationDefinition[];
  /** Called with each SQL statement; tests count statements with it. */
  onQuery?: (sql: string) => void;
  poolSize?: number;
}

export type MigrationDefinition = MigrationObject & { class: Constructor<Migration> };

export type Orm = MikroORM;
export type { EntityManager };

export async function createOrm(options: OrmOptions): Promise<MikroORM> {
  return MikroORM.init({
    clientUrl: options.databaseUrl,
    schema: options.schema,
    entities: options.entities,
    extensions: [Migrator],
    subscribers: [new TenantGuard()],
    filters: { tenant: tenantFilter(options.entities) },
    migrations: {
      schema: options.schema,
      tableName: 'mikro_orm_migrations',
      migrationsList: options.migrations,
      snapshot: false,
      silent: true,
    },
    pool: { min: 0, max: options.poolSize ?? 10 },
    debug: false,
    ensureDatabase: false,
    onQuery: (sql: string) => {
      options.onQuery?.(sql);
      return sql;
    },
    logger: (message: string) => logger.debug({ orm: options.schema }, message),
  } as never);
}

/** Creates the subgraph's schema if needed and applies its pending migrations. */
export async function migrate(orm: MikroORM, schema: string): Promise<void> {
  await orm.em.getConnection().execute(`create schema if not exists "${schema}"`);
  await orm.migrator.up();
}
