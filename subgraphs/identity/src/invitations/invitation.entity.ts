import { type Opt } from '@mikro-orm/core';
import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Role, TenantOwned } from '@atelier/kit';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum InvitationStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(InvitationStatus, { name: 'InvitationStatus' });

/**
 * An invitation to join an organization with a role, sent by email as a one-time link. Only the link
 * token's hash is stored. The person becomes a member only by accepting it.
 */
@ObjectType({ description: 'An invitation to join your organization; the person becomes a member when they accept it' })
@Entity({ tableName: 'invitations' })
@Index({ properties: ['tenantId', 'email'] })
export class Invitation extends TenantOwned {
  @Field(() => String)
  @Property({ type: 'string', length: 320 })
  email!: string;

  @Field(() => Role)
  @Enum({ items: () => Role })
  role!: Role;

  @Property({ type: 'string', length: 64, hidden: true })
  @Unique()
  tokenHash!: string;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  invitedById?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  acceptedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;

  @Field(() => InvitationStatus)
  get status(): Opt<InvitationStatus> {
    if (this.acceptedAt) return InvitationStatus.ACCEPTED;
    if (this.revokedAt) return InvitationStatus.REVOKED;
    return this.expiresAt > new Date() ? InvitationStatus.PENDING : InvitationStatus.EXPIRED;
  }
}
