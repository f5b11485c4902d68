import { Migration } from '@mikro-orm/migrations';

export class Migration20261204192225_invitations extends Migration {
  override name = 'Migration20261204192225_invitations';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "identity"."invitations" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "tenant_id" uuid not null, "email" varchar(320) not null, "role" text not null, "token_hash" varchar(64) not null, "expires_at" timestamptz not null, "invited_by_id" uuid null, "accepted_at" timestamptz null, "revoked_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "invitations_tenant_id_index" on "identity"."invitations" ("tenant_id");`);
    this.addSql(`alter table "identity"."invitations" add constraint "invitations_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "invitations_tenant_id_email_index" on "identity"."invitations" ("tenant_id", "email");`);

    this.addSql(
      `alter table "identity"."invitations" add constraint "invitations_role_check" check ("role" in ('OWNER', 'MANAGER', 'SERVICE_ADVISOR', 'TECHNICIAN', 'CASHIER', 'MARKETING', 'INTEGRATION'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "identity"."invitations" cascade;`);
  }
}
