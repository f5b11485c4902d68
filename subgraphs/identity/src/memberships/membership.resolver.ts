import {
  ADMINS, badUserInput, byKey, conflict, DateTimeFilter, enumFilter, findOrFail, IDFilter, isUuid, loader, orderBy, publishChange, readResolver,
  requireTenant, Role, type SubgraphContext,
} from '@atelier/kit';
import { IsEmail, IsEnum, IsOptional, Length } from 'class-validator';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, Resolver, Root } from 'type-graphql';
import { revokeSessionsOf } from '../sessions/session.service.ts';
import { hashPassword } from '../users/password.ts';
import { User } from '../users/user.entity.ts';
import { Membership } from './membership.entity.ts';

const RoleFilter = enumFilter(Role, 'Role');

@InputType()
class MembershipFilter {
  @Field(() => IDFilter, { nullable: true }) id?: IDFilter;
  @Field(() => IDFilter, { nullable: true }) userId?: IDFilter;
  @Field(() => RoleFilter, { nullable: true }) role?: InstanceType<typeof RoleFilter>;
  @Field(() => DateTimeFilter, { nullable: true }) createdAt?: DateTimeFilter;
}

@InputType({ description: 'Adds a member; a new email creates the user with the given password' })
class AddMemberInput {
  @Field(() => String)
  @IsEmail({}, { message: 'must be an email address' })
  email!: string;

  @Field(() => String)
  @Length(1, 200, { message: 'must be between 1 and 200 characters' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Required when the email has no account yet' })
  @IsOptional()
  @Length(10, 200, { message: 'must be at least 10 characters' })
  password?: string;

  @Field(() => Role)
  @IsEnum(Role)
  role!: Role;
}

const MembershipOrderBy = orderBy('Membership', ['role', 'createdAt']);

@Resolver(() => Membership)
export class MembershipResolver extends readResolver({
  entity: Membership,
  typeName: 'Membership',
  events: 'identity.membership',
  filter: MembershipFilter,
  orderBy: MembershipOrderBy,
  roles: { read: ADMINS },
}) {
  @FieldResolver(() => User)
  user(@Root() membership: Membership, @Ctx() context: SubgraphContext) {
    return loader<string, User | null>(context, 'userById', async (ids) =>
      byKey(ids, await context.em.find(User, { id: { $in: ids.filter(isUuid) } }), (user) => user.id),
    ).load(membership.userId);
  }

  @Authorized(ADMINS)
  @Mutation(() => Membership, { description: 'Adds a person to your organization with a role' })
  async addMember(@Arg('input', () => AddMemberInput) input: AddMemberInput, @Ctx() context: SubgraphContext): Promise<Membership> {
    requireTenant(context);
    if (input.role === Role.OWNER && !context.caller.roles.includes(Role.OWNER)) throw badUserInput([{ field: 'role', message: 'only an owner can add an owner' }]);
    return context.em.transactional(async (em) => {
      const email = input.email.trim().toLowerCase();
      let user = await em.findOne(User, { email });
      if (!user) {
        if (!input.password) throw badUserInput([{ field: 'password', message: 'is required for a new account' }]);
        user = em.create(User, { email, name: input.name.trim(), passwordHash: await hashPassword(input.password) });
        await em.flush();
      }
      if (await em.count(Membership, { userId: user.id })) throw conflict(`${email} is already a member`, { fields: [{ field: 'email', message: 'is already a member' }] });
      const membership = em.create(Membership, { tenantId: context.caller.tenantId as string, userId: user.id, role: input.role });
      await em.flush();
      await publishChange(context, em, 'identity.membership.created', membership.id, { userId: user.id, role: input.role });
      return membership;
    });
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
      await publishChange(context, em, 'identity.membership.updated', membership.id, { userId: membership.userId, role });
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
      await publishChange(context, em, 'identity.membership.deleted', id, { userId: membership.userId });
    });
    return id;
  }
}

/** An organization always keeps an owner. */
async function assertAnotherOwner(em: SubgraphContext['em'], membership: Membership) {
  const owners = await em.count(Membership, { role: Role.OWNER, id: { $ne: membership.id } });
  if (!owners) throw badUserInput([{ field: 'id', message: 'is the last owner; make someone else owner first' }]);
}
