import { Migration } from '@mikro-orm/migrations';

export class Migration20261204190727_sessions extends Migration {
  override name = 'Migration20261204190727_sessions';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "identity"."sessions" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "tenant_id" uuid not null, "user_id" uuid not null, "role" text not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "sessions_tenant_id_index" on "identity"."sessions" ("tenant_id");`);
    this.addSql(`create index "sessions_tenant_id_user_id_index" on "identity"."sessions" ("tenant_id", "user_id");`);

    this.addSql(
      `alter table "identity"."sessions" add constraint "sessions_role_check" check ("role" in ('OWNER', 'MANAGER', 'SERVICE_ADVISOR', 'TECHNICIAN', 'CASHIER', 'MARKETING', 'INTEGRATION'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "identity"."sessions" cascade;`);
  }
}
