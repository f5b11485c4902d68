import { Migration } from '@mikro-orm/migrations';

export class Migration20261123161911_customer_preferred_channel extends Migration {
  override name = 'Migration20261123161911_customer_preferred_channel';

  override up(): void | Promise<void> {
    this.addSql(`alter table "crm"."customers" add "preferred_channel" text null;`);
    this.addSql(`alter table "crm"."customers" add constraint "customers_preferred_channel_check" check ("preferred_channel" in ('SMS', 'EMAIL'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "crm"."customers" drop constraint "customers_preferred_channel_check";`);
    this.addSql(`alter table "crm"."customers" drop column "preferred_channel";`);
  }
}
