import { type Constructor, type MigrationObject } from '@mikro-orm/core';
import { Migrator, type Migration } from '@mikro-orm/migrations';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { envInt } from '../config.ts';
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
  /** Defaults to `statementTimeoutMs()`. */
  statementTimeoutMs?: number;
}

/**
 * How long one SQL statement may run before PostgreSQL cancels it (`DATABASE_STATEMENT_TIMEOUT_MS`, default
 * 5 s), so no request can hold a backend, a lock or a pooled connection for long; the API answers QUERY_TIMEOUT.
 */
export const statementTimeoutMs = () => envInt('DATABASE_STATEMENT_TIMEOUT_MS', 5_000);

export type MigrationDefinition = MigrationObject & { class: Constructor<Migration> };

export type Orm = MikroORM;
export type { EntityManager };

export async function createOrm(options: OrmOptions): Promise<MikroORM> {
  return MikroORM.init({
    clientUrl: options.databaseUrl,
    schema: options.schema,
    entities: options.entities,
    discovery: { warnWhenNoEntities: false }, // a subgraph may own no table (the federation test's products)
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
    driverOptions: { statement_timeout: options.statementTimeoutMs ?? statementTimeoutMs() },
    debug: false,
    ensureDatabase: false,
    onQuery: (sql: string) => {
      options.onQuery?.(sql);
      return sql;
    },
    logger: (message: string) => logger.debug({ orm: options.schema }, message),
  } as never);
}

/**
 * Creates the subgraph's schema if needed and applies its pending migrations, in one transaction without the
 * statement timeout: building an index on a large table may rightly take longer than any request.
 */
export async function migrate(orm: MikroORM, schema: string): Promise<void> {
  await orm.em.getConnection().execute(`create schema if not exists "${schema}"`);
  await orm.em.fork().transactional(async (em) => {
    await em.execute('set local statement_timeout = 0');
    await orm.migrator.up({ transaction: em.getTransactionContext() });
  });
}
