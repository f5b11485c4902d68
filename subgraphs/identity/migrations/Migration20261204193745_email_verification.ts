import { Migration } from '@mikro-orm/migrations';

export class Migration20261204193745_email_verification extends Migration {
  override name = 'Migration20261204193745_email_verification';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table "identity"."users" add "email_verified_at" timestamptz null, add "email_verification_hash" varchar(64) null, add "email_verification_expires_at" timestamptz null;`,
    );
    this.addSql(`alter table "identity"."users" add constraint "users_email_verification_hash_unique" unique ("email_verification_hash");`);
    // everyone before sign-up existed was created by an operator or an admin, who vouched for the address
    this.addSql(`update "identity"."users" set "email_verified_at" = "created_at";`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "identity"."users" drop constraint "users_email_verification_hash_unique";`);
    this.addSql(
      `alter table "identity"."users" drop column "email_verified_at", drop column "email_verification_hash", drop column "email_verification_expires_at";`,
    );
  }
}
