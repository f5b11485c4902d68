import { Index } from '@mikro-orm/decorators/legacy';

/**
 * The SQL of a migration that gives a list's searchable columns trigram indexes, so a search (`q`, ILIKE
 * '%word%' on each column) reads an index instead of every row. `pg_trgm` ships with PostgreSQL and is a
 * trusted extension; it lives in a schema of its own so any subgraph (or one created earlier elsewhere)
 * can use it, and the operator class is looked up where the extension really is.
 */
export function createTrigramIndexes(schema: string, table: string, columns: readonly string[]): string[] {
  return [
    `do $$ declare ext text; begin
  begin
    create schema if not exists "extensions";
    create extension if not exists pg_trgm with schema "extensions";
  exception when unique_violation or duplicate_object then null; -- another subgraph's migration got there first
  end;
  select n.nspname into ext from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm';
${columns.map((column) => `  execute format('create index if not exists %I on %I.%I using gin (%I %I.gin_trgm_ops)', '${trigramIndexName(table, column)}', '${schema}', '${table}', '${column}', ext);`).join('\n')}
end $$;`,
  ];
}

export function dropTrigramIndexes(schema: string, table: string, columns: readonly string[]): string[] {
  return columns.map((column) => `drop index if exists "${schema}"."${trigramIndexName(table, column)}";`);
}

export const trigramIndexName = (table: string, column: string) => `${table}_${column}_trgm`;

/**
 * Declares the trigram indexes of `createTrigramIndexes` on the entity too, so the schema diff behind
 * `npm run migration:create` knows them and never writes a migration that drops them.
 */
export const TrigramIndexed =
  (schema: string, table: string, columns: readonly string[]): ClassDecorator =>
  (target) => {
    for (const column of columns) {
      const name = trigramIndexName(table, column);
      Index({ name, expression: `create index "${name}" on "${schema}"."${table}" using gin ("${column}" extensions.gin_trgm_ops)` })(target as never);
    }
  };
