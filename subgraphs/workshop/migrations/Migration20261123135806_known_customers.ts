import { Migration } from '@mikro-orm/migrations';

export class Migration20261123135806_known_customers extends Migration {
  override name = 'Migration20261123135806_known_customers';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "workshop"."known_customers" ("id" uuid not null, "tenant_id" uuid not null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "known_customers_tenant_id_index" on "workshop"."known_customers" ("tenant_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "workshop"."known_customers" cascade;`);
  }
}
