import { Migration } from '@mikro-orm/migrations';

export class Migration20261204190522_known_members extends Migration {
  override name = 'Migration20261204190522_known_members';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "workshop"."known_members" ("id" uuid not null, "tenant_id" uuid not null, "user_id" uuid not null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "known_members_tenant_id_user_id_index" on "workshop"."known_members" ("tenant_id", "user_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "workshop"."known_members" cascade;`);
  }
}
