import { createTrigramIndexes, dropTrigramIndexes } from '@atelier/kit';
import { Migration } from '@mikro-orm/migrations';

/** Trigram indexes on the columns the lists' search (`q`) reads. */
export class Migration20261204190000_search_indexes extends Migration {
  override name = 'Migration20261204190000_search_indexes';

  override up(): void | Promise<void> {
    for (const sql of createTrigramIndexes('crm', 'customers', ['name', 'email', 'phone'])) this.addSql(sql);
  }

  override down(): void | Promise<void> {
    for (const sql of dropTrigramIndexes('crm', 'customers', ['name', 'email', 'phone'])) this.addSql(sql);
  }
}
