import { Migration } from '@mikro-orm/migrations';

export class Migration20261123135125_initial extends Migration {
  override name = 'Migration20261123135125_initial';

  override up(): void | Promise<void> {
    this.addSql(`create schema if not exists "identity";`);
    this.addSql(
      `create table "identity"."api_keys" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "tenant_id" uuid not null, "name" varchar(120) not null, "prefix" varchar(24) not null, "key_hash" varchar(64) not null, "roles" text[] not null, "created_by_id" uuid null, "last_used_at" timestamptz null, "expires_at" timestamptz null, "revoked_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "api_keys_tenant_id_index" on "identity"."api_keys" ("tenant_id");`);
    this.addSql(`alter table "identity"."api_keys" add constraint "api_keys_key_hash_unique" unique ("key_hash");`);

    this.addSql(
      `create table "identity"."memberships" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "tenant_id" uuid not null, "user_id" uuid not null, "role" text not null, primary key ("id"));`,
    );
    this.addSql(`create index "memberships_tenant_id_index" on "identity"."memberships" ("tenant_id");`);
    this.addSql(`alter table "identity"."memberships" add constraint "memberships_tenant_id_user_id_unique" unique ("tenant_id", "user_id");`);

    this.addSql(
      `create table "identity"."organizations" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(200) not null, "slug" varchar(80) not null, primary key ("id"));`,
    );
    this.addSql(`alter table "identity"."organizations" add constraint "organizations_slug_unique" unique ("slug");`);

    this.addSql(
      `create table "identity"."users" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "email" varchar(320) not null, "name" varchar(200) not null, "password_hash" varchar(255) not null, primary key ("id"));`,
    );
    this.addSql(`alter table "identity"."users" add constraint "users_email_unique" unique ("email");`);

    this.addSql(
      `alter table "identity"."memberships" add constraint "memberships_role_check" check ("role" in ('OWNER', 'MANAGER', 'SERVICE_ADVISOR', 'TECHNICIAN', 'CASHIER', 'MARKETING', 'INTEGRATION'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "identity"."api_keys" cascade;`);
    this.addSql(`drop table if exists "identity"."memberships" cascade;`);
    this.addSql(`drop table if exists "identity"."organizations" cascade;`);
    this.addSql(`drop table if exists "identity"."users" cascade;`);

    this.addSql(`drop schema if exists "identity";`);
  }
}
