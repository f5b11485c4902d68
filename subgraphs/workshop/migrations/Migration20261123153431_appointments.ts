import { Migration } from '@mikro-orm/migrations';

export class Migration20261123153431_appointments extends Migration {
  override name = 'Migration20261123153431_appointments';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "workshop"."appointments" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "tenant_id" uuid not null, "customer_id" uuid not null, "vehicle_id" uuid null, "technician_id" uuid null, "bay" varchar(40) null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "status" text not null default 'BOOKED', "notes" text null, "cancellation_reason" text null, primary key ("id"));`,
    );
    this.addSql(`create index "appointments_tenant_id_index" on "workshop"."appointments" ("tenant_id");`);
    this.addSql(`create index "appointments_tenant_id_customer_id_index" on "workshop"."appointments" ("tenant_id", "customer_id");`);
    this.addSql(`create index "appointments_tenant_id_starts_at_index" on "workshop"."appointments" ("tenant_id", "starts_at");`);

    this.addSql(
      `create table "workshop"."technicians" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "tenant_id" uuid not null, "name" varchar(200) not null, "user_id" uuid null, "skills" text[] not null default '{}', "active" boolean not null default true, primary key ("id"));`,
    );
    this.addSql(`create index "technicians_tenant_id_index" on "workshop"."technicians" ("tenant_id");`);
    this.addSql(`create index "technicians_tenant_id_name_index" on "workshop"."technicians" ("tenant_id", "name");`);

    this.addSql(
      `alter table "workshop"."appointments" add constraint "appointments_status_check" check ("status" in ('BOOKED', 'CANCELLED', 'COMPLETED', 'NO_SHOW'));`,
    );

    // Written by hand (the entity declares them as @Check too, so later diffs agree): booked appointments of
    // one organization never overlap for the same technician or the same bay, even when two bookings race.
    // Ranges are half-open, so back-to-back appointments (one ends when the next starts) are fine.
    this.addSql(`create extension if not exists btree_gist with schema public;`);
    this.addSql(
      `alter table "workshop"."appointments" add constraint "appointments_technician_no_overlap" exclude using gist ("tenant_id" with =, "technician_id" with =, tstzrange("starts_at", "ends_at") with &&) where ("status" = 'BOOKED' and "technician_id" is not null);`,
    );
    this.addSql(
      `alter table "workshop"."appointments" add constraint "appointments_bay_no_overlap" exclude using gist ("tenant_id" with =, "bay" with =, tstzrange("starts_at", "ends_at") with &&) where ("status" = 'BOOKED' and "bay" is not null);`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table if exists "workshop"."appointments" drop constraint if exists "appointments_bay_no_overlap";`);
    this.addSql(`alter table if exists "workshop"."appointments" drop constraint if exists "appointments_technician_no_overlap";`);
    this.addSql(`drop table if exists "workshop"."appointments" cascade;`);
    this.addSql(`drop table if exists "workshop"."technicians" cascade;`);
  }
}
