import { Migration } from '@mikro-orm/migrations';

export class Migration20261123163623_signature_requests extends Migration {
  override name = 'Migration20261123163623_signature_requests';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "integrations"."signature_requests" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "tenant_id" uuid not null, "work_order_id" uuid not null, "work_order_number" varchar(20) not null, "connection_id" uuid not null, "envelope_id" varchar(100) not null, "status" text not null default 'SENT', "signer_name" varchar(200) not null, "signer_email" varchar(320) not null, "total" int not null, "currency" varchar(3) not null, "sent_at" timestamptz not null, "delivered_at" timestamptz null, "completed_at" timestamptz null, "declined_at" timestamptz null, "decline_reason" text null, "voided_at" timestamptz null, "void_reason" text null, "estimate_terms" jsonb not null, "estimate_as_of" timestamptz not null, "estimate_pdf" bytea not null, "signed_pdf" bytea null, "signed_pdf_size" int null, primary key ("id"));`,
    );
    this.addSql(`create index "signature_requests_tenant_id_index" on "integrations"."signature_requests" ("tenant_id");`);
    this.addSql(`create index "signature_requests_tenant_id_work_order_id_index" on "integrations"."signature_requests" ("tenant_id", "work_order_id");`);
    this.addSql(`alter table "integrations"."signature_requests" add constraint "signature_requests_envelope_id_unique" unique ("envelope_id");`);

    this.addSql(
      `alter table "integrations"."signature_requests" add constraint "signature_requests_status_check" check ("status" in ('SENT', 'DELIVERED', 'COMPLETED', 'DECLINED', 'VOIDED'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "integrations"."signature_requests" cascade;`);
  }
}
