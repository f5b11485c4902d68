import { Migration } from '@mikro-orm/migrations';

/**
 * The tables of `referenceHolds` in a subgraph's schema: one migration per owner subgraph, written as
 * `export class Migration…_reference_holds extends referenceHoldsMigration('crm') {}`.
 */
export function referenceHoldsMigration(schema: string) {
  return class ReferenceHoldsMigration extends Migration {
    override up(): void {
      // what points at the owner's records: one row per holder, field (`via`) and target
      this.addSql(`create table "${schema}"."reference_holds" (
        "tenant_id" uuid not null, "target_type" text not null, "target_id" uuid not null,
        "holder_type" text not null, "holder_id" uuid not null, "via" text not null,
        primary key ("tenant_id", "target_type", "target_id", "holder_type", "holder_id", "via"));`);
      this.addSql(`create index "reference_holds_holder_index" on "${schema}"."reference_holds" ("tenant_id", "holder_type", "holder_id");`);
      // each holder's newest event applied (kept after its delete), so an older one arriving late changes nothing
      this.addSql(`create table "${schema}"."reference_holders" (
        "tenant_id" uuid not null, "holder_type" text not null, "holder_id" uuid not null, "occurred_at" timestamptz not null,
        primary key ("tenant_id", "holder_type", "holder_id"));`);
    }

    override down(): void {
      this.addSql(`drop table if exists "${schema}"."reference_holders";`);
      this.addSql(`drop table if exists "${schema}"."reference_holds";`);
    }
  };
}
