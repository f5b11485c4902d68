import { createTrigramIndexes, dropTrigramIndexes } from '@atelier/kit';
import { Migration } from '@mikro-orm/migrations';

/** Trigram indexes on the columns the lists' search (`q`) reads. */
export class Migration20261204190000_search_indexes extends Migration {
  override name = 'Migration20261204190000_search_indexes';

  override up(): void | Promise<void> {
    for (const sql of createTrigramIndexes('integrations', 'scheduled_messages', ['recipient'])) this.addSql(sql);
    for (const sql of createTrigramIndexes('integrations', 'webhook_endpoints', ['url', 'description'])) this.addSql(sql);
  }

  override down(): void | Promise<void> {
    for (const sql of dropTrigramIndexes('integrations', 'scheduled_messages', ['recipient'])) this.addSql(sql);
    for (const sql of dropTrigramIndexes('integrations', 'webhook_endpoints', ['url', 'description'])) this.addSql(sql);
  }
}
