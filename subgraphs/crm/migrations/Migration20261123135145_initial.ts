import { Migration } from '@mikro-orm/migrations';

export class Migration20261123135145_initial extends Migration {
  override name = 'Migration20261123135145_initial';

  override up(): void | Promise<void> {
    this.addSql(`create schema if not exists "crm";`);
    this.addSql(
      `create table "crm"."customers" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "tenant_id" uuid not null, "kind" text not null default 'PERSON', "name" varchar(200) not null, "email" varchar(320) null, "phone" varchar(40) null, "status" text not null default 'CUSTOMER', "score" int not null default 0, "tags" text[] not null default '{}', primary key ("id"));`,
    );
    this.addSql(`create index "customers_tenant_id_index" on "crm"."customers" ("tenant_id");`);
    this.addSql(`create index "customers_tenant_id_name_index" on "crm"."customers" ("tenant_id", "name");`);

    this.addSql(`alter table "crm"."customers" add constraint "customers_kind_check" check ("kind" in ('PERSON', 'COMPANY'));`);
    this.addSql(`alter table "crm"."customers" add constraint "customers_status_check" check ("status" in ('LEAD', 'CUSTOMER', 'INACTIVE'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "crm"."customers" cascade;`);

    this.addSql(`drop schema if exists "crm";`);
  }
}
