import { Migration } from '@mikro-orm/migrations';

export class Migration20261123161926_calendar_sync extends Migration {
  override name = 'Migration20261123161926_calendar_sync';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "integrations"."calendar_events" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "tenant_id" uuid not null, "appointment_id" uuid not null, "connection_id" uuid not null, "calendar_id" varchar(255) not null default 'primary', "event_id" varchar(255) not null, "html_link" text null, "state" text not null default 'PENDING', "last_error" text null, "synced_at" timestamptz null, "appointment" jsonb not null, "appointment_version" timestamptz not null, "appointment_deleted" boolean not null default false, "google_starts_at" timestamptz null, "google_ends_at" timestamptz null, "google_cancelled" boolean not null default false, "google_hash" varchar(64) null, primary key ("id"));`,
    );
    this.addSql(`create index "calendar_events_tenant_id_index" on "integrations"."calendar_events" ("tenant_id");`);
    this.addSql(
      `alter table "integrations"."calendar_events" add constraint "calendar_events_connection_id_event_id_unique" unique ("connection_id", "event_id");`,
    );
    this.addSql(`alter table "integrations"."calendar_events" add constraint "calendar_events_appointment_id_unique" unique ("appointment_id");`);

    this.addSql(
      `create table "integrations"."calendar_watches" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "tenant_id" uuid not null, "connection_id" uuid not null, "calendar_id" varchar(255) not null default 'primary', "channel_id" varchar(64) null, "resource_id" varchar(255) null, "channel_expires_at" timestamptz null, "sync_token" text null, "last_synced_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "calendar_watches_tenant_id_index" on "integrations"."calendar_watches" ("tenant_id");`);
    this.addSql(`alter table "integrations"."calendar_watches" add constraint "calendar_watches_connection_id_unique" unique ("connection_id");`);

    this.addSql(
      `alter table "integrations"."calendar_events" add constraint "calendar_events_state_check" check ("state" in ('PENDING', 'SYNCED', 'CONFLICT', 'FAILED', 'REMOVED'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "integrations"."calendar_events" cascade;`);
    this.addSql(`drop table if exists "integrations"."calendar_watches" cascade;`);
  }
}
