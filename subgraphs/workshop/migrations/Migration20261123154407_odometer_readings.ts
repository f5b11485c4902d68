import { Migration } from '@mikro-orm/migrations';

export class Migration20261123154407_odometer_readings extends Migration {
  override name = 'Migration20261123154407_odometer_readings';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "workshop"."odometer_readings" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "tenant_id" uuid not null, "vehicle_id" uuid not null, "reading" int not null, "recorded_at" timestamptz not null, "source" text not null, "note" text null, primary key ("id"));`,
    );
    this.addSql(`create index "odometer_readings_tenant_id_index" on "workshop"."odometer_readings" ("tenant_id");`);
    this.addSql(
      `create index "odometer_readings_tenant_id_vehicle_id_recorded_at_index" on "workshop"."odometer_readings" ("tenant_id", "vehicle_id", "recorded_at");`,
    );

    this.addSql(
      `alter table "workshop"."odometer_readings" add constraint "odometer_readings_source_check" check ("source" in ('VEHICLE_CREATED', 'VEHICLE_UPDATED', 'CORRECTION'));`,
    );

    // Written by hand: vehicles that already have a mileage start their history with it.
    this.addSql(
      `insert into "workshop"."odometer_readings" ("id", "created_at", "updated_at", "tenant_id", "vehicle_id", "reading", "recorded_at", "source", "note") select gen_random_uuid(), now(), now(), "tenant_id", "id", "mileage", "updated_at", 'VEHICLE_UPDATED', 'Mileage recorded before the history began' from "workshop"."vehicles" where "mileage" is not null;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "workshop"."odometer_readings" cascade;`);
  }
}
