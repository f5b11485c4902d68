import {
  ADMINS,
  badUserInput,
  crudEventsOf,
  DateTimeFilter,
  findOrFail,
  IDFilter,
  orderBy,
  publishChange,
  readResolver,
  Role,
  type SubgraphContext,
} from '@atelier/kit';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, Resolver, Root } from 'type-graphql';
import { memberUserById } from '../users/member-users.ts';
import { revokeSessionsOf } from '../sessions/session.service.ts';
import { User } from '../users/user.entity.ts';
import { identityEvents } from '../contract.ts';
import { Membership } from './membership.entity.ts';
import { membershipSnapshot } from './membership.snapshot.ts';
import { RoleFilter } from './role-filter.ts';

@InputType()
class MembershipFilter {
  @Field(() => IDFilter, { nullable: true }) id?: IDFilter;
  @Field(() => IDFilter, { nullable: true }) userId?: IDFilter;
  @Field(() => RoleFilter, { nullable: true }) role?: InstanceType<typeof RoleFilter>;
  @Field(() => DateTimeFilter, { nullable: true }) createdAt?: DateTimeFilter;
}

const MembershipOrderBy = orderBy('Membership', ['role', 'createdAt']);

@Resolver(() => Membership)
export class MembershipResolver extends readResolver({
  entity: Membership,
  typeName: 'Membership',
  events: crudEventsOf(identityEvents, 'membership'),
  filter: MembershipFilter,
  orderBy: MembershipOrderBy,
  roles: { read: ADMINS },
}) {
  @FieldResolver(() => User)
  user(@Root() membership: Membership, @Ctx() context: SubgraphContext) {
    return memberUserById(context).load(membership.userId);
  }

  @Authorized(ADMINS)
  @Mutation(() => Membership)
  async changeMemberRole(@Arg('id', () => ID) id: string, @Arg('role', () => Role) role: Role, @Ctx() context: SubgraphContext): Promise<Membership> {
    return context.em.transactional(async (em) => {
      const membership = await findOrFail(em, Membership, 'Membership', id);
      if (membership.role === Role.OWNER || role === Role.OWNER) {
        if (!context.caller.roles.includes(Role.OWNER)) throw badUserInput([{ field: 'role', message: 'only an owner can grant or take the owner role' }]);
        if (membership.role === Role.OWNER && role !== Role.OWNER) await assertAnotherOwner(em, membership);
      }
      if (membership.role !== role) await revokeSessionsOf(em, membership); // their open sessions carry the old role's permissions
      membership.role = role;
      await em.flush();
      await publishChange(context, em, identityEvents['membership.updated'], membership.id, { ...membershipSnapshot(membership), changed: ['role'] });
      return membership;
    });
  }

  @Authorized(ADMINS)
  @Mutation(() => ID, { description: 'Removes a person from your organization' })
  async removeMember(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext): Promise<string> {
    await context.em.transactional(async (em) => {
      const membership = await findOrFail(em, Membership, 'Membership', id);
      if (membership.role === Role.OWNER) await assertAnotherOwner(em, membership);
      em.remove(membership);
      await revokeSessionsOf(em, membership);
      await em.flush();
      await publishChange(context, em, identityEvents['membership.deleted'], id, membershipSnapshot(membership));
    });
    return id;
  }
}

/** An organization always keeps an owner. */
async function assertAnotherOwner(em: SubgraphContext['em'], membership: Membership) {
  const owners = await em.count(Membership, { role: Role.OWNER, id: { $ne: membership.id } });
  if (!owners) throw badUserInput([{ field: 'id', message: 'is the last owner; make someone else owner first' }]);
}
