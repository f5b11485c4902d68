import { Migration } from '@mikro-orm/migrations';

/** Records others point at are archived rather than deleted once held (kit `ArchivableEntity`). */
export class Migration20261207150000_archived_at extends Migration {
  override name = 'Migration20261207150000_archived_at';

  override up(): void {
    this.addSql(`alter table "workshop"."vehicles" add "archived_at" timestamptz null;`);
    this.addSql(`alter table "workshop"."technicians" add "archived_at" timestamptz null;`);
    this.addSql(`alter table "workshop"."service_items" add "archived_at" timestamptz null;`);
  }

  override down(): void {
    this.addSql(`alter table "workshop"."vehicles" drop column "archived_at";`);
    this.addSql(`alter table "workshop"."technicians" drop column "archived_at";`);
    this.addSql(`alter table "workshop"."service_items" drop column "archived_at";`);
  }
}
