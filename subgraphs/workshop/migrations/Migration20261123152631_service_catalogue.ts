import { Migration } from '@mikro-orm/migrations';

export class Migration20261123152631_service_catalogue extends Migration {
  override name = 'Migration20261123152631_service_catalogue';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "workshop"."service_items" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "tenant_id" uuid not null, "code" varchar(40) not null, "name" varchar(200) not null, "kind" text not null, "description" text null, "standard_hours" double precision null, "rate" int not null, "currency" varchar(3) not null, "taxable" boolean not null default true, "active" boolean not null default true, primary key ("id"));`,
    );
    this.addSql(`create index "service_items_tenant_id_index" on "workshop"."service_items" ("tenant_id");`);
    this.addSql(`alter table "workshop"."service_items" add constraint "service_items_tenant_id_code_unique" unique ("tenant_id", "code");`);

    this.addSql(`alter table "workshop"."service_items" add constraint "service_items_kind_check" check ("kind" in ('LABOUR', 'FEE'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "workshop"."service_items" cascade;`);
  }
}
