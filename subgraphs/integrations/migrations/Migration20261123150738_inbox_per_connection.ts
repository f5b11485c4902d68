import { Migration } from '@mikro-orm/migrations';

export class Migration20261123150738_inbox_per_connection extends Migration {
  override name = 'Migration20261123150738_inbox_per_connection';

  override up(): void | Promise<void> {
    this.addSql(`alter table "integrations"."inbound_events" drop constraint "inbound_events_provider_external_event_id_unique";`);
    this.addSql(`alter table "integrations"."inbound_events" alter column "connection_id" set not null;`);
    this.addSql(
      `alter table "integrations"."inbound_events" add constraint "inbound_events_connection_id_external_event_id_unique" unique ("connection_id", "external_event_id");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "integrations"."inbound_events" drop constraint "inbound_events_connection_id_external_event_id_unique";`);
    this.addSql(`alter table "integrations"."inbound_events" alter column "connection_id" drop not null;`);
    this.addSql(
      `alter table "integrations"."inbound_events" add constraint "inbound_events_provider_external_event_id_unique" unique ("provider", "external_event_id");`,
    );
  }
}
