import { Migration } from '@mikro-orm/migrations';

export class Migration20261123141649_initial extends Migration {
  override name = 'Migration20261123141649_initial';

  override up(): void | Promise<void> {
    this.addSql(`create schema if not exists "integrations";`);
    this.addSql(
      `create table "integrations"."connections" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "tenant_id" uuid not null, "provider" text not null, "status" text not null default 'PENDING', "account_name" varchar(300) null, "external_account_id" varchar(200) null, "scopes" text[] not null default '{}', "last_sync_at" timestamptz null, "last_error" text null, "connected_at" timestamptz null, "connected_by_id" uuid null, "token_expires_at" timestamptz null, "sealed_secrets" text null, primary key ("id"));`,
    );
    this.addSql(`create index "connections_tenant_id_index" on "integrations"."connections" ("tenant_id");`);
    this.addSql(`alter table "integrations"."connections" add constraint "connections_tenant_id_provider_unique" unique ("tenant_id", "provider");`);

    this.addSql(
      `create table "integrations"."inbound_events" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "tenant_id" uuid not null, "provider" text not null, "connection_id" uuid null, "external_event_id" varchar(255) not null, "type" varchar(200) not null, "payload" jsonb not null, "status" text not null default 'RECEIVED', "attempts" int not null default 0, "last_error" text null, "received_at" timestamptz not null, "processed_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "inbound_events_tenant_id_index" on "integrations"."inbound_events" ("tenant_id");`);
    this.addSql(`create index "inbound_events_tenant_id_received_at_index" on "integrations"."inbound_events" ("tenant_id", "received_at");`);
    this.addSql(
      `alter table "integrations"."inbound_events" add constraint "inbound_events_provider_external_event_id_unique" unique ("provider", "external_event_id");`,
    );

    this.addSql(
      `create table "integrations"."oauth_states" ("state_hash" varchar(64) not null, "tenant_id" uuid not null, "user_id" uuid not null, "provider" text not null, "sealed_code_verifier" text null, "redirect_uri" varchar(500) not null, "return_to" varchar(500) null, "expires_at" timestamptz not null, "created_at" timestamptz not null, primary key ("state_hash"));`,
    );

    this.addSql(
      `alter table "integrations"."connections" add constraint "connections_provider_check" check ("provider" in ('STRIPE', 'GOOGLE', 'DOCUSIGN', 'QUICKBOOKS', 'TWILIO', 'WHATSAPP', 'RESEND', 'MPESA'));`,
    );
    this.addSql(
      `alter table "integrations"."connections" add constraint "connections_status_check" check ("status" in ('PENDING', 'CONNECTED', 'NEEDS_REAUTH', 'ERROR', 'DISCONNECTED'));`,
    );

    this.addSql(
      `alter table "integrations"."inbound_events" add constraint "inbound_events_provider_check" check ("provider" in ('STRIPE', 'GOOGLE', 'DOCUSIGN', 'QUICKBOOKS', 'TWILIO', 'WHATSAPP', 'RESEND', 'MPESA'));`,
    );
    this.addSql(
      `alter table "integrations"."inbound_events" add constraint "inbound_events_status_check" check ("status" in ('RECEIVED', 'PROCESSED', 'IGNORED', 'FAILED'));`,
    );

    this.addSql(
      `alter table "integrations"."oauth_states" add constraint "oauth_states_provider_check" check ("provider" in ('STRIPE', 'GOOGLE', 'DOCUSIGN', 'QUICKBOOKS', 'TWILIO', 'WHATSAPP', 'RESEND', 'MPESA'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "integrations"."connections" cascade;`);
    this.addSql(`drop table if exists "integrations"."inbound_events" cascade;`);
    this.addSql(`drop table if exists "integrations"."oauth_states" cascade;`);

    this.addSql(`drop schema if exists "integrations";`);
  }
}
