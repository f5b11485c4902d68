import { Entity, Enum, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Role, TenantOwned } from '@atelier/kit';
import { Field, ID, ObjectType } from 'type-graphql';

/** A user's place in an organization: the role decides what they may do there. */
@ObjectType({ description: "A user's role in your organization" })
@Entity({ tableName: 'memberships' })
@Unique({ properties: ['tenantId', 'userId'] })
export class Membership extends TenantOwned {
  @Field(() => ID)
  @Property({ type: 'uuid' })
  userId!: string;

  @Field(() => Role)
  @Enum({ items: () => Role })
  role!: Role;
}
