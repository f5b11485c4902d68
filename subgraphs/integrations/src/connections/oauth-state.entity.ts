import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { type Opt } from '@mikro-orm/core';
import { Provider } from '../providers/provider.ts';

/**
 * One OAuth authorization in flight: the `state` sent to the provider, bound to the organization and the
 * person who started it, with the PKCE verifier (sealed). Single use, short-lived.
 */
@Entity({ tableName: 'oauth_states' })
export class OAuthState {
  /** SHA-256 of the state sent to the provider: a leaked table does not let anyone complete a flow. */
  @PrimaryKey({ type: 'string', length: 64 })
  stateHash!: string;

  @Property({ type: 'uuid' })
  tenantId!: string;

  @Property({ type: 'uuid' })
  userId!: string;

  @Enum({ items: () => Provider })
  provider!: Provider;

  @Property({ type: 'text', nullable: true })
  sealedCodeVerifier?: string | null;

  @Property({ type: 'string', length: 500 })
  redirectUri!: string;

  /** Where the admin wants the person back afterwards. */
  @Property({ type: 'string', length: 500, nullable: true })
  returnTo?: string | null;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();
}
