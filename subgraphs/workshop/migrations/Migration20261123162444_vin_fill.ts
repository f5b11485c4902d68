import { Migration } from '@mikro-orm/migrations';

export class Migration20261123162444_vin_fill extends Migration {
  override name = 'Migration20261123162444_vin_fill';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table "workshop"."vehicles" add "engine" varchar(120) null, add "body_class" varchar(120) null, add "fuel_type" varchar(120) null, add "vin_decode_status" text null, add "vin_decode_note" text null;`,
    );
    this.addSql(`alter table "workshop"."vehicles" alter column "make" drop not null;`);
    this.addSql(`alter table "workshop"."vehicles" alter column "model" drop not null;`);
    this.addSql(
      `alter table "workshop"."vehicles" add constraint "vehicles_vin_decode_status_check" check ("vin_decode_status" in ('PENDING', 'DECODED', 'PARTIAL', 'FAILED'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "workshop"."vehicles" drop constraint "vehicles_vin_decode_status_check";`);
    this.addSql(
      `alter table "workshop"."vehicles" drop column "engine", drop column "body_class", drop column "fuel_type", drop column "vin_decode_status", drop column "vin_decode_note";`,
    );
    this.addSql(`alter table "workshop"."vehicles" alter column "make" set not null;`);
    this.addSql(`alter table "workshop"."vehicles" alter column "model" set not null;`);
  }
}
