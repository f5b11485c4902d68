import { Migration } from '@mikro-orm/migrations';

export class Migration20261123164326_inspections extends Migration {
  override name = 'Migration20261123164326_inspections';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "workshop"."inspections" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "tenant_id" uuid not null, "work_order_id" uuid not null, "vehicle_id" uuid not null, "technician_id" uuid null, "status" text not null default 'IN_PROGRESS', "notes" text null, "sent_at" timestamptz null, "decided_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "inspections_tenant_id_index" on "workshop"."inspections" ("tenant_id");`);
    this.addSql(`create index "inspections_tenant_id_status_index" on "workshop"."inspections" ("tenant_id", "status");`);

    this.addSql(
      `create table "workshop"."inspection_items" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "tenant_id" uuid not null, "inspection_id" uuid not null, "position" int not null, "name" varchar(200) not null, "condition" text null, "notes" text null, "photos" text[] not null default '{}', "recommendation_data" jsonb null, "decision" text null, "decided_at" timestamptz null, "decided_by" varchar(200) null, primary key ("id"));`,
    );
    this.addSql(`create index "inspection_items_tenant_id_index" on "workshop"."inspection_items" ("tenant_id");`);
    this.addSql(`create index "inspection_items_inspection_id_position_index" on "workshop"."inspection_items" ("inspection_id", "position");`);

    this.addSql(
      `alter table "workshop"."inspections" add constraint "inspections_work_order_id_foreign" foreign key ("work_order_id") references "workshop"."work_orders" ("id") on delete cascade;`,
    );
    this.addSql(`alter table "workshop"."inspections" add constraint "inspections_status_check" check ("status" in ('IN_PROGRESS', 'SENT', 'DECIDED'));`);

    this.addSql(
      `alter table "workshop"."inspection_items" add constraint "inspection_items_inspection_id_foreign" foreign key ("inspection_id") references "workshop"."inspections" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "workshop"."inspection_items" add constraint "inspection_items_condition_check" check ("condition" in ('GOOD', 'ATTENTION', 'URGENT'));`,
    );
    this.addSql(
      `alter table "workshop"."inspection_items" add constraint "inspection_items_decision_check" check ("decision" in ('PENDING', 'APPROVED', 'DECLINED'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "workshop"."inspection_items" drop constraint "inspection_items_inspection_id_foreign";`);

    this.addSql(`drop table if exists "workshop"."inspections" cascade;`);
    this.addSql(`drop table if exists "workshop"."inspection_items" cascade;`);
  }
}
