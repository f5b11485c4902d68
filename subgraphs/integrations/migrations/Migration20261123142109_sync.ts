import { Migration } from '@mikro-orm/migrations';

export class Migration20261123142109_sync extends Migration {
  override name = 'Migration20261123142109_sync';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "integrations"."entity_mappings" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "tenant_id" uuid not null, "connection_id" uuid not null, "entity_type" varchar(80) not null, "internal_id" uuid not null, "external_id" varchar(255) not null, "last_sent_hash" varchar(64) not null, "last_synced_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "entity_mappings_tenant_id_index" on "integrations"."entity_mappings" ("tenant_id");`);
    this.addSql(
      `alter table "integrations"."entity_mappings" add constraint "entity_mappings_connection_id_entity_type_external_id_unique" unique ("connection_id", "entity_type", "external_id");`,
    );
    this.addSql(
      `alter table "integrations"."entity_mappings" add constraint "entity_mappings_connection_id_entity_type_internal_id_unique" unique ("connection_id", "entity_type", "internal_id");`,
    );

    this.addSql(
      `create table "integrations"."synced_records" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "tenant_id" uuid not null, "entity_type" varchar(80) not null, "internal_id" uuid not null, "data" jsonb not null, "deleted" boolean not null default false, "changed_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "synced_records_tenant_id_index" on "integrations"."synced_records" ("tenant_id");`);
    this.addSql(
      `create index "synced_records_tenant_id_entity_type_changed_at_index" on "integrations"."synced_records" ("tenant_id", "entity_type", "changed_at");`,
    );
    this.addSql(
      `alter table "integrations"."synced_records" add constraint "synced_records_entity_type_internal_id_unique" unique ("entity_type", "internal_id");`,
    );

    this.addSql(
      `create table "integrations"."sync_runs" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "tenant_id" uuid not null, "connection_id" uuid not null, "provider" text not null, "subject" varchar(80) not null, "kind" text not null, "direction" text not null, "status" text not null default 'QUEUED', "processed" int not null default 0, "created" int not null default 0, "updated" int not null default 0, "skipped" int not null default 0, "failed" int not null default 0, "errors" jsonb not null, "cursor" text null, "started_at" timestamptz null, "finished_at" timestamptz null, "resume_at" timestamptz null, "last_error" text null, primary key ("id"));`,
    );
    this.addSql(`create index "sync_runs_tenant_id_index" on "integrations"."sync_runs" ("tenant_id");`);
    this.addSql(
      `create index "sync_runs_tenant_id_connection_id_created_at_index" on "integrations"."sync_runs" ("tenant_id", "connection_id", "created_at");`,
    );

    this.addSql(`alter table "integrations"."connections" add "sync_schedule" varchar(120) null;`);

    this.addSql(
      `alter table "integrations"."sync_runs" add constraint "sync_runs_provider_check" check ("provider" in ('STRIPE', 'GOOGLE', 'DOCUSIGN', 'QUICKBOOKS', 'TWILIO', 'WHATSAPP', 'RESEND', 'MPESA'));`,
    );
    this.addSql(`alter table "integrations"."sync_runs" add constraint "sync_runs_kind_check" check ("kind" in ('FULL', 'INCREMENTAL'));`);
    this.addSql(`alter table "integrations"."sync_runs" add constraint "sync_runs_direction_check" check ("direction" in ('PUSH', 'PULL'));`);
    this.addSql(
      `alter table "integrations"."sync_runs" add constraint "sync_runs_status_check" check ("status" in ('QUEUED', 'RUNNING', 'WAITING', 'SUCCEEDED', 'PARTIAL', 'FAILED'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "integrations"."entity_mappings" cascade;`);
    this.addSql(`drop table if exists "integrations"."synced_records" cascade;`);
    this.addSql(`drop table if exists "integrations"."sync_runs" cascade;`);

    this.addSql(`alter table "integrations"."connections" drop column "sync_schedule";`);
  }
}
