// The kit every Atelier subgraph is built with. Import from '@atelier/kit' only.
import 'reflect-metadata';

// contracts are written with TypeBox's builder; a subgraph needs no import of its own for it
export { Type, type Static, type TSchema } from '@sinclair/typebox';

export * from './auth/auth-checker.ts';
export * from './auth/roles.ts';
export * from './auth/session-token.ts';
export * from './auth/signed-context.ts';
export * from './config.ts';
export * from './database/base-entity.ts';
export * from './database/orm.ts';
export * from './database/search-index.ts';
export * from './database/tenant.ts';
export * from './database/read-only.ts';
export * from './errors.ts';
export * from './events/compatibility.ts';
export * from './events/contract.ts';
export * from './events/consumer.ts';
export * from './events/event-bus.ts';
export * from './events/live-signal.ts';
export * from './graphql/connection.ts';
export * from './graphql/crud.ts';
export * from './graphql/entity-reference.ts';
export * from './graphql/federation.ts';
export * from './graphql/filters.ts';
export * from './graphql/input-fields.ts';
export * from './graphql/int-range.ts';
export * from './graphql/order-by.ts';
export * from './graphql/storable-text.ts';
export * from './graphql/status-flow.ts';
export * from './graphql/validation.ts';
export * from './graphql/variable-errors.ts';
export * from './logger.ts';
export * from './references/archivable.ts';
export * from './references/holds-migration.ts';
export * from './references/reference-holds.ts';
export * from './server/context.ts';
export * from './server/feature.ts';
export * from './server/listen.ts';
export * from './server/sdl.ts';
export * from './server/subgraph.ts';
export * from './server/standalone.ts';
export * from './vin/vin-standard.ts';
export * from './lifecycle.ts';
export * from './startup-error.ts';
