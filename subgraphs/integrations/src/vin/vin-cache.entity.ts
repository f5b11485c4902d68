import { type Opt } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * vPIC's answer for one VIN, kept so a VIN is decoded once every 90 days. Not tenant-owned: a VIN's facts are
 * the same for every organization. The raw record (non-empty fields only) is kept rather than our mapping of
 * it, so a better mapping applies to cached VINs too. Never exposed through GraphQL.
 */
@Entity({ tableName: 'vin_decodings' })
export class VinCacheEntry {
  @PrimaryKey({ type: 'string', length: 17 })
  vin!: string;

  @Property({ type: 'json' })
  values!: Record<string, string>;

  @Property({ type: 'datetime' })
  fetchedAt: Opt<Date> = new Date();
}
