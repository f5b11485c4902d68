import { Migration } from '@mikro-orm/migrations';

export class Migration20261123162404_appointment_reminders extends Migration {
  override name = 'Migration20261123162404_appointment_reminders';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "integrations"."reminder_settings" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "tenant_id" uuid not null, "enabled" boolean not null default false, "lead_time_minutes" int not null default 1440, "shop_name" varchar(100) null, "time_zone" varchar(64) not null default 'UTC', "sms_from" varchar(20) null, "email_from" varchar(320) null, primary key ("id"));`,
    );
    this.addSql(`create index "reminder_settings_tenant_id_index" on "integrations"."reminder_settings" ("tenant_id");`);
    this.addSql(`alter table "integrations"."reminder_settings" add constraint "reminder_settings_tenant_id_unique" unique ("tenant_id");`);

    this.addSql(
      `create table "integrations"."scheduled_messages" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "tenant_id" uuid not null, "appointment_id" uuid not null, "customer_id" uuid not null, "vehicle_id" uuid null, "appointment_starts_at" timestamptz not null, "appointment_status" varchar(20) not null, "appointment_changed_at" timestamptz not null, "send_at" timestamptz not null, "status" text not null, "channel" text null, "sender" varchar(320) null, "recipient" varchar(320) null, "subject" varchar(200) null, "body" text null, "sent_at" timestamptz null, "provider_message_id" varchar(100) null, "error" text null, "attempts" int not null default 0, primary key ("id"));`,
    );
    this.addSql(`create index "scheduled_messages_tenant_id_index" on "integrations"."scheduled_messages" ("tenant_id");`);
    this.addSql(`create index "scheduled_messages_tenant_id_status_send_at_index" on "integrations"."scheduled_messages" ("tenant_id", "status", "send_at");`);
    this.addSql(
      `alter table "integrations"."scheduled_messages" add constraint "scheduled_messages_tenant_id_appointment_id_unique" unique ("tenant_id", "appointment_id");`,
    );

    this.addSql(
      `alter table "integrations"."scheduled_messages" add constraint "scheduled_messages_status_check" check ("status" in ('PENDING', 'SENDING', 'SENT', 'CANCELLED', 'SKIPPED', 'FAILED'));`,
    );
    this.addSql(`alter table "integrations"."scheduled_messages" add constraint "scheduled_messages_channel_check" check ("channel" in ('SMS', 'EMAIL'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "integrations"."reminder_settings" cascade;`);
    this.addSql(`drop table if exists "integrations"."scheduled_messages" cascade;`);
  }
}
