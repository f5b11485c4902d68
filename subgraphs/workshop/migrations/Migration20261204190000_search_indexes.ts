import { createTrigramIndexes, dropTrigramIndexes } from '@atelier/kit';
import { Migration } from '@mikro-orm/migrations';

/** Trigram indexes on the columns the lists' search (`q`) reads. */
export class Migration20261204190000_search_indexes extends Migration {
  override name = 'Migration20261204190000_search_indexes';

  override up(): void | Promise<void> {
    for (const sql of createTrigramIndexes('workshop', 'technicians', ['name'])) this.addSql(sql);
    for (const sql of createTrigramIndexes('workshop', 'inspections', ['notes'])) this.addSql(sql);
    for (const sql of createTrigramIndexes('workshop', 'appointments', ['notes', 'bay'])) this.addSql(sql);
    for (const sql of createTrigramIndexes('workshop', 'work_orders', ['number', 'complaint', 'notes'])) this.addSql(sql);
    for (const sql of createTrigramIndexes('workshop', 'service_items', ['code', 'name', 'description'])) this.addSql(sql);
    for (const sql of createTrigramIndexes('workshop', 'vehicles', ['vin', 'plate', 'make', 'model'])) this.addSql(sql);
  }

  override down(): void | Promise<void> {
    for (const sql of dropTrigramIndexes('workshop', 'technicians', ['name'])) this.addSql(sql);
    for (const sql of dropTrigramIndexes('workshop', 'inspections', ['notes'])) this.addSql(sql);
    for (const sql of dropTrigramIndexes('workshop', 'appointments', ['notes', 'bay'])) this.addSql(sql);
    for (const sql of dropTrigramIndexes('workshop', 'work_orders', ['number', 'complaint', 'notes'])) this.addSql(sql);
    for (const sql of dropTrigramIndexes('workshop', 'service_items', ['code', 'name', 'description'])) this.addSql(sql);
    for (const sql of dropTrigramIndexes('workshop', 'vehicles', ['vin', 'plate', 'make', 'model'])) this.addSql(sql);
  }
}
