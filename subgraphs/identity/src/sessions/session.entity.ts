import { Entity, Enum, Index, Property } from '@mikro-orm/decorators/legacy';
import { Role, TenantOwned } from '@atelier/kit';

/**
 * A signed-in session: its ID is the `jti` of the session token. The gateway asks identity on every
 * request whether the session is still live, so revoking it (sign-out, removal, role change) takes
 * effect at once rather than when the token expires.
 */
@Entity({ tableName: 'sessions' })
@Index({ properties: ['tenantId', 'userId'] })
export class Session extends TenantOwned {
  @Property({ type: 'uuid' })
  userId!: string;

  /** The role at sign-in, for the record; the gateway is told the member's role as it is now. */
  @Enum({ items: () => Role })
  role!: Role;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;
}
