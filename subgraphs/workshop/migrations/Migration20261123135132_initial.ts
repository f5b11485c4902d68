import { Migration } from '@mikro-orm/migrations';

export class Migration20261123135132_initial extends Migration {
  override name = 'Migration20261123135132_initial';

  override up(): void | Promise<void> {
    this.addSql(`create schema if not exists "workshop";`);
    this.addSql(
      `create table "workshop"."vehicles" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "tenant_id" uuid not null, "vin" varchar(17) null, "make" varchar(80) not null, "model" varchar(80) not null, "year" int null, "plate" varchar(20) null, "mileage" int null, "owner_id" uuid null, primary key ("id"));`,
    );
    this.addSql(`create index "vehicles_tenant_id_index" on "workshop"."vehicles" ("tenant_id");`);
    this.addSql(`create index "vehicles_tenant_id_owner_id_index" on "workshop"."vehicles" ("tenant_id", "owner_id");`);
    this.addSql(`alter table "workshop"."vehicles" add constraint "vehicles_tenant_id_vin_unique" unique ("tenant_id", "vin");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "workshop"."vehicles" cascade;`);

    this.addSql(`drop schema if exists "workshop";`);
  }
}
