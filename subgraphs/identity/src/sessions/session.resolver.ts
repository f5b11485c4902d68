import { Role, STAFF, unauthenticated, type SubgraphContext } from '@atelier/kit';
import { IsEmail, IsOptional, IsUUID } from 'class-validator';
import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Membership } from '../memberships/membership.entity.ts';
import { Organization } from '../organizations/organization.entity.ts';
import { emailNotVerified } from '../signup/email-not-verified.ts';
import { IsPresentedPassword } from '../users/password-policy.ts';
import { UNKNOWN_USER_HASH, verifyPassword } from '../users/password.ts';
import { User } from '../users/user.entity.ts';
import { beginLoginAttempt, loginSucceeded } from './login-throttle.ts';
import { revokeSession, revokeSessionsOfUser, startSession } from './session.service.ts';

@InputType()
class LoginInput {
  @Field(() => String)
  @IsEmail({}, { message: 'must be an email address' })
  email!: string;

  @Field(() => String)
  @IsPresentedPassword()
  password!: string;

  @Field(() => ID, { nullable: true, description: 'Which organization to sign in to, for members of several' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

@ObjectType('Session', { description: 'A signed-in session: send the token as `Authorization: Bearer <token>`' })
class SignedIn {
  @Field(() => String) token!: string;
  @Field(() => Date) expiresAt!: Date;
  @Field(() => User) user!: User;
  @Field(() => Organization) organization!: Organization;
  @Field(() => Role) role!: Role;
}

@ObjectType({ description: 'Who is calling: a member (with a user) or a partner app (API key)' })
class Viewer {
  @Field(() => User, { nullable: true }) user!: User | null;
  @Field(() => Organization) organization!: Organization;
  @Field(() => [Role]) roles!: Role[];
  @Field(() => String, { description: '`user` or `apiKey`' }) actorType!: string;
}

const WRONG_CREDENTIALS = 'Email or password is wrong';

@Resolver()
export class SessionResolver {
  @Mutation(() => SignedIn, {
    description: 'Signs in with email and password; too many failures from one account or address are refused for a while (RATE_LIMITED)',
  })
  async login(@Arg('input', () => LoginInput) input: LoginInput, @Ctx() context: SubgraphContext): Promise<SignedIn> {
    const email = input.email.trim().toLowerCase();
    const attempt = { email, clientAddress: context.caller.clientAddress };
    await beginLoginAttempt(context.em, attempt);
    const user = await context.em.findOne(User, { email });
    // compare against a dummy hash when the user is unknown, so response time does not reveal accounts
    const passwordMatches = await verifyPassword(input.password, user?.passwordHash ?? UNKNOWN_USER_HASH);
    if (!user || !passwordMatches) throw unauthenticated(WRONG_CREDENTIALS); // the attempt stays counted as a failure
    await loginSucceeded(context.em, attempt);
    if (!user.emailVerifiedAt) throw emailNotVerified();

    const memberships = await context.em.find(Membership, { userId: user.id }, { filters: false, orderBy: { createdAt: 'asc' } });
    const membership = input.organizationId ? memberships.find((m) => m.tenantId === input.organizationId) : memberships[0];
    if (!membership) throw unauthenticated(input.organizationId ? 'You are not a member of that organization' : 'You are not a member of any organization');
    const organization = await context.em.findOneOrFail(Organization, { id: membership.tenantId });

    const { token, expiresAt } = await startSession(context.em, { userId: user.id, tenantId: organization.id, role: membership.role });
    context.log.info({ userId: user.id, tenantId: organization.id }, 'signed in');
    return { token, expiresAt, user, organization, role: membership.role };
  }

  @Authorized(STAFF)
  @Mutation(() => Boolean, { description: 'Signs out: the session token is refused from now on and its subscriptions end' })
  async logout(
    @Arg('everywhere', () => Boolean, { defaultValue: false, description: 'Also end every other session of yours, in every organization' }) everywhere: boolean,
    @Ctx() context: SubgraphContext,
  ): Promise<boolean> {
    const { sessionId, actorId } = context.caller;
    if (context.caller.actorType !== 'user' || !sessionId || !actorId) throw unauthenticated('Only a signed-in session can sign out');
    if (everywhere) await revokeSessionsOfUser(context.em, actorId);
    else await revokeSession(context.em, sessionId);
    context.log.info({ userId: actorId, everywhere }, 'signed out');
    return true;
  }

  @Authorized(STAFF)
  @Query(() => Viewer, { description: 'The caller' })
  async me(@Ctx() context: SubgraphContext): Promise<Viewer> {
    const { caller } = context;
    const organization = await context.em.findOneOrFail(Organization, { id: caller.tenantId as string });
    const user = caller.actorType === 'user' ? await context.em.findOne(User, { id: caller.actorId as string }) : null;
    return { user, organization, roles: caller.roles, actorType: caller.actorType };
  }
}
