import { Migration } from '@mikro-orm/migrations';

export class Migration20261123171517_inspection_photos extends Migration {
  override name = 'Migration20261123171517_inspection_photos';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "integrations"."inspection_photos" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "tenant_id" uuid not null, "work_order_id" uuid not null, "inspection_id" uuid not null, "item_id" uuid not null, "name" varchar(250) not null, "url" text not null, "status" text not null default 'PENDING', "attempts" int not null default 0, "error" text null, "retry_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "inspection_photos_tenant_id_index" on "integrations"."inspection_photos" ("tenant_id");`);
    this.addSql(
      `create index "inspection_photos_tenant_id_work_order_id_status_index" on "integrations"."inspection_photos" ("tenant_id", "work_order_id", "status");`,
    );
    this.addSql(
      `alter table "integrations"."inspection_photos" add constraint "inspection_photos_tenant_id_work_order_id_url_unique" unique ("tenant_id", "work_order_id", "url");`,
    );

    this.addSql(`alter table "integrations"."work_order_documents" drop constraint "work_order_documents_kind_check";`);
    this.addSql(
      `alter table "integrations"."work_order_documents" add constraint "work_order_documents_kind_check" check ("kind" in ('ESTIMATE', 'SIGNED_ESTIMATE', 'INSPECTION_PHOTO'));`,
    );

    this.addSql(
      `alter table "integrations"."inspection_photos" add constraint "inspection_photos_status_check" check ("status" in ('PENDING', 'FILED', 'FAILED'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "integrations"."inspection_photos" cascade;`);

    this.addSql(`alter table "integrations"."work_order_documents" drop constraint "work_order_documents_kind_check";`);
    this.addSql(
      `alter table "integrations"."work_order_documents" add constraint "work_order_documents_kind_check" check ("kind" in ('ESTIMATE', 'SIGNED_ESTIMATE'));`,
    );
  }
}
