import { Migration } from '@mikro-orm/migrations';

export class Migration20261123161726_initial extends Migration {
  override name = 'Migration20261123161726_initial';

  override up(): void | Promise<void> {
    this.addSql(`create schema if not exists "commerce";`);
    this.addSql(
      `create table "commerce"."products" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "tenant_id" uuid not null, "part_number" varchar(60) not null, "name" varchar(200) not null, "description" text null, "price" int not null, "currency" varchar(3) not null, "stock_on_hand" int not null default 0, "taxable" boolean not null default true, "active" boolean not null default true, primary key ("id"));`,
    );
    this.addSql(`create index "products_tenant_id_index" on "commerce"."products" ("tenant_id");`);
    this.addSql(`alter table "commerce"."products" add constraint "products_tenant_id_part_number_unique" unique ("tenant_id", "part_number");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "commerce"."products" cascade;`);

    this.addSql(`drop schema if exists "commerce";`);
  }
}
