import { Migration } from '@mikro-orm/migrations';

export class Migration20261204195026_login_throttles extends Migration {
  override name = 'Migration20261204195026_login_throttles';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "identity"."login_throttles" ("key" varchar(64) not null, "failures" int not null, "window_started_at" timestamptz not null, primary key ("key"));`,
    );
    this.addSql(`create index "login_throttles_window_started_at_index" on "identity"."login_throttles" ("window_started_at");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "identity"."login_throttles" cascade;`);
  }
}
