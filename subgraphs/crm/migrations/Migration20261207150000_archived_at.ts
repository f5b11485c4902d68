import { Migration } from '@mikro-orm/migrations';

/** Records others point at are archived rather than deleted once held (kit `ArchivableEntity`). */
export class Migration20261207150000_archived_at extends Migration {
  override name = 'Migration20261207150000_archived_at';

  override up(): void {
    this.addSql(`alter table "crm"."customers" add "archived_at" timestamptz null;`);
  }

  override down(): void {
    this.addSql(`alter table "crm"."customers" drop column "archived_at";`);
  }
}
