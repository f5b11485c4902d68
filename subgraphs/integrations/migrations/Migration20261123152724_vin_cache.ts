import { Migration } from '@mikro-orm/migrations';

export class Migration20261123152724_vin_cache extends Migration {
  override name = 'Migration20261123152724_vin_cache';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "integrations"."vin_decodings" ("vin" varchar(17) not null, "values" jsonb not null, "fetched_at" timestamptz not null, primary key ("vin"));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "integrations"."vin_decodings" cascade;`);
  }
}
