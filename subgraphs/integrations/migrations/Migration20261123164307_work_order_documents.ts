import { Migration } from '@mikro-orm/migrations';

export class Migration20261123164307_work_order_documents extends Migration {
  override name = 'Migration20261123164307_work_order_documents';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "integrations"."work_order_documents" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "tenant_id" uuid not null, "work_order_id" uuid not null, "kind" text not null, "source_id" uuid not null, "name" varchar(300) not null, "drive_file_id" varchar(200) not null, "web_view_link" text not null, "size" int not null, primary key ("id"));`,
    );
    this.addSql(`create index "work_order_documents_tenant_id_index" on "integrations"."work_order_documents" ("tenant_id");`);
    this.addSql(`create index "work_order_documents_tenant_id_work_order_id_index" on "integrations"."work_order_documents" ("tenant_id", "work_order_id");`);
    this.addSql(`alter table "integrations"."work_order_documents" add constraint "work_order_documents_source_id_kind_unique" unique ("source_id", "kind");`);

    this.addSql(
      `create table "integrations"."work_order_folders" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "tenant_id" uuid not null, "work_order_id" uuid not null, "connection_id" uuid not null, "drive_folder_id" varchar(200) not null, "name" varchar(300) not null, "web_view_link" text not null, "shared_with" text[] not null default '{}', primary key ("id"));`,
    );
    this.addSql(`create index "work_order_folders_tenant_id_index" on "integrations"."work_order_folders" ("tenant_id");`);
    this.addSql(
      `alter table "integrations"."work_order_folders" add constraint "work_order_folders_tenant_id_work_order_id_unique" unique ("tenant_id", "work_order_id");`,
    );

    this.addSql(
      `alter table "integrations"."work_order_documents" add constraint "work_order_documents_kind_check" check ("kind" in ('ESTIMATE', 'SIGNED_ESTIMATE'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "integrations"."work_order_documents" cascade;`);
    this.addSql(`drop table if exists "integrations"."work_order_folders" cascade;`);
  }
}
