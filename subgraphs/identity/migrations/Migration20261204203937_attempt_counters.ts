import { Migration } from '@mikro-orm/migrations';

export class Migration20261204203937_attempt_counters extends Migration {
  override name = 'Migration20261204203937_attempt_counters';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "identity"."attempt_counters" ("key" varchar(64) not null, "attempts" int not null, "window_started_at" timestamptz not null, primary key ("key"));`,
    );
    this.addSql(`create index "attempt_counters_window_started_at_index" on "identity"."attempt_counters" ("window_started_at");`);

    this.addSql(`drop table if exists "identity"."login_throttles" cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(
      `create table "identity"."login_throttles" ("key" varchar(64) not null, "failures" int4 not null, "window_started_at" timestamptz(6) not null, primary key ("key"));`,
    );
    this.addSql(`create index "login_throttles_window_started_at_index" on "identity"."login_throttles" ("window_started_at");`);

    this.addSql(`drop table if exists "identity"."attempt_counters" cascade;`);
  }
}
