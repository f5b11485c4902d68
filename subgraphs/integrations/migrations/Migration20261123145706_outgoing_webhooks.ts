import { Migration } from '@mikro-orm/migrations';

export class Migration20261123145706_outgoing_webhooks extends Migration {
  override name = 'Migration20261123145706_outgoing_webhooks';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "integrations"."webhook_endpoints" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "tenant_id" uuid not null, "url" varchar(2000) not null, "description" varchar(500) null, "event_types" text[] not null default '{}', "enabled" boolean not null default true, "disabled_at" timestamptz null, "disabled_reason" text null, "consecutive_failures" int not null default 0, "last_success_at" timestamptz null, "last_failure_at" timestamptz null, "sealed_secret" text not null, primary key ("id"));`,
    );
    this.addSql(`create index "webhook_endpoints_tenant_id_index" on "integrations"."webhook_endpoints" ("tenant_id");`);
    this.addSql(`create index "webhook_endpoints_tenant_id_created_at_index" on "integrations"."webhook_endpoints" ("tenant_id", "created_at");`);

    this.addSql(
      `create table "integrations"."webhook_deliveries" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "tenant_id" uuid not null, "endpoint_id" uuid not null, "event_id" varchar(100) not null, "event_type" varchar(200) not null, "body" text not null, "status" text not null default 'PENDING', "attempt_count" int not null default 0, "next_attempt_at" timestamptz null, "last_attempt_at" timestamptz null, "last_status_code" int null, "last_error" text null, "succeeded_at" timestamptz null, "in_flight_until" timestamptz null, "in_flight_job" uuid null, primary key ("id"));`,
    );
    this.addSql(`create index "webhook_deliveries_tenant_id_index" on "integrations"."webhook_deliveries" ("tenant_id");`);
    this.addSql(`create index "webhook_deliveries_tenant_id_status_index" on "integrations"."webhook_deliveries" ("tenant_id", "status");`);
    this.addSql(`create index "webhook_deliveries_tenant_id_created_at_index" on "integrations"."webhook_deliveries" ("tenant_id", "created_at");`);
    this.addSql(
      `alter table "integrations"."webhook_deliveries" add constraint "webhook_deliveries_endpoint_id_event_id_unique" unique ("endpoint_id", "event_id");`,
    );

    this.addSql(
      `create table "integrations"."webhook_delivery_attempts" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "tenant_id" uuid not null, "delivery_id" uuid not null, "number" int not null, "trigger" text not null, "status" text not null, "status_code" int null, "duration_ms" int null, "response_excerpt" text null, "error" text null, "signed_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "webhook_delivery_attempts_tenant_id_index" on "integrations"."webhook_delivery_attempts" ("tenant_id");`);
    this.addSql(
      `alter table "integrations"."webhook_delivery_attempts" add constraint "webhook_delivery_attempts_delivery_id_number_unique" unique ("delivery_id", "number");`,
    );

    this.addSql(
      `alter table "integrations"."webhook_deliveries" add constraint "webhook_deliveries_endpoint_id_foreign" foreign key ("endpoint_id") references "integrations"."webhook_endpoints" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "integrations"."webhook_deliveries" add constraint "webhook_deliveries_status_check" check ("status" in ('PENDING', 'SUCCEEDED', 'FAILED'));`,
    );

    this.addSql(
      `alter table "integrations"."webhook_delivery_attempts" add constraint "webhook_delivery_attempts_delivery_id_foreign" foreign key ("delivery_id") references "integrations"."webhook_deliveries" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "integrations"."webhook_delivery_attempts" add constraint "webhook_delivery_attempts_trigger_check" check ("trigger" in ('SCHEDULED', 'MANUAL'));`,
    );
    this.addSql(
      `alter table "integrations"."webhook_delivery_attempts" add constraint "webhook_delivery_attempts_status_check" check ("status" in ('IN_FLIGHT', 'SUCCEEDED', 'FAILED', 'INTERRUPTED'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "integrations"."webhook_deliveries" drop constraint "webhook_deliveries_endpoint_id_foreign";`);
    this.addSql(`alter table "integrations"."webhook_delivery_attempts" drop constraint "webhook_delivery_attempts_delivery_id_foreign";`);

    this.addSql(`drop table if exists "integrations"."webhook_endpoints" cascade;`);
    this.addSql(`drop table if exists "integrations"."webhook_deliveries" cascade;`);
    this.addSql(`drop table if exists "integrations"."webhook_delivery_attempts" cascade;`);
  }
}
