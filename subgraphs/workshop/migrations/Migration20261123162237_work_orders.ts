import { Migration } from '@mikro-orm/migrations';

export class Migration20261123162237_work_orders extends Migration {
  override name = 'Migration20261123162237_work_orders';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "workshop"."known_products" ("id" uuid not null, "tenant_id" uuid not null, "part_number" varchar(60) not null, "name" varchar(200) not null, "price" int not null, "currency" varchar(3) not null, "taxable" boolean not null, "active" boolean not null, "changed_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "known_products_tenant_id_index" on "workshop"."known_products" ("tenant_id");`);

    this.addSql(
      `create table "workshop"."work_orders" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "tenant_id" uuid not null, "number" varchar(20) not null, "status" text not null default 'DRAFT', "customer_id" uuid not null, "vehicle_id" uuid not null, "appointment_id" uuid null, "complaint" text null, "notes" text null, "odometer_in" int null, "odometer_out" int null, "promised_at" timestamptz null, "currency" varchar(3) not null, "tax_rate_basis_points" int not null default 0, "labour_total" int not null default 0, "parts_total" int not null default 0, "fees_total" int not null default 0, "subtotal" int not null default 0, "tax_total" int not null default 0, "total" int not null default 0, "estimate_sent_at" timestamptz null, "approved_at" timestamptz null, "approved_by" varchar(200) null, "started_at" timestamptz null, "ready_at" timestamptz null, "completed_at" timestamptz null, "cancelled_at" timestamptz null, "cancellation_reason" text null, primary key ("id"));`,
    );
    this.addSql(`create index "work_orders_tenant_id_index" on "workshop"."work_orders" ("tenant_id");`);
    this.addSql(`create index "work_orders_tenant_id_vehicle_id_index" on "workshop"."work_orders" ("tenant_id", "vehicle_id");`);
    this.addSql(`create index "work_orders_tenant_id_customer_id_index" on "workshop"."work_orders" ("tenant_id", "customer_id");`);
    this.addSql(`create index "work_orders_tenant_id_status_index" on "workshop"."work_orders" ("tenant_id", "status");`);
    this.addSql(`alter table "workshop"."work_orders" add constraint "work_orders_tenant_id_number_unique" unique ("tenant_id", "number");`);

    this.addSql(`create table "workshop"."work_order_counters" ("tenant_id" uuid not null, "last_number" int not null, primary key ("tenant_id"));`);

    this.addSql(
      `create table "workshop"."work_order_lines" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "tenant_id" uuid not null, "work_order_id" uuid not null, "position" int not null, "kind" text not null, "description" varchar(300) not null, "service_item_id" uuid null, "product_id" uuid null, "part_number" varchar(60) null, "technician_id" uuid null, "quantity" double precision not null, "unit_price" int null, "total" int not null default 0, "taxable" boolean not null default true, "inspection_item_id" uuid null, primary key ("id"));`,
    );
    this.addSql(`create index "work_order_lines_tenant_id_index" on "workshop"."work_order_lines" ("tenant_id");`);
    this.addSql(`create index "work_order_lines_work_order_id_position_index" on "workshop"."work_order_lines" ("work_order_id", "position");`);

    this.addSql(`alter table "workshop"."odometer_readings" drop constraint "odometer_readings_source_check";`);
    this.addSql(
      `alter table "workshop"."odometer_readings" add constraint "odometer_readings_source_check" check ("source" in ('VEHICLE_CREATED', 'VEHICLE_UPDATED', 'WORK_ORDER', 'CORRECTION'));`,
    );

    this.addSql(
      `alter table "workshop"."work_orders" add constraint "work_orders_status_check" check ("status" in ('DRAFT', 'ESTIMATE_SENT', 'APPROVED', 'IN_PROGRESS', 'READY', 'COMPLETED', 'CANCELLED'));`,
    );

    this.addSql(
      `alter table "workshop"."work_order_lines" add constraint "work_order_lines_work_order_id_foreign" foreign key ("work_order_id") references "workshop"."work_orders" ("id") on delete cascade;`,
    );
    this.addSql(`alter table "workshop"."work_order_lines" add constraint "work_order_lines_kind_check" check ("kind" in ('LABOUR', 'PART', 'FEE'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "workshop"."work_order_lines" drop constraint "work_order_lines_work_order_id_foreign";`);

    this.addSql(`drop table if exists "workshop"."known_products" cascade;`);
    this.addSql(`drop table if exists "workshop"."work_orders" cascade;`);
    this.addSql(`drop table if exists "workshop"."work_order_counters" cascade;`);
    this.addSql(`drop table if exists "workshop"."work_order_lines" cascade;`);

    this.addSql(`alter table "workshop"."odometer_readings" drop constraint "odometer_readings_source_check";`);
    this.addSql(
      `alter table "workshop"."odometer_readings" add constraint "odometer_readings_source_check" check ("source" in ('VEHICLE_CREATED', 'VEHICLE_UPDATED', 'CORRECTION'));`,
    );
  }
}
