import {
  ADMINS,
  badUserInput,
  conflict,
  DateTimeFilter,
  findOrFail,
  IDFilter,
  NotBlank,
  orderBy,
  publishChange,
  rateLimited,
  readResolver,
  requireTenant,
  Role,
  scopeToTenant,
  StringFilter,
  unauthenticated,
  type SubgraphContext,
} from '@atelier/kit';
import { IsEmail, IsEnum, IsOptional, Length, MaxLength } from 'class-validator';
import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, ObjectType, Resolver } from 'type-graphql';
import { identityEvents } from '../contract.ts';
import { joinOrganization } from '../memberships/join.ts';
import { Membership } from '../memberships/membership.entity.ts';
import { RoleFilter } from '../memberships/role-filter.ts';
import { Organization } from '../organizations/organization.entity.ts';
import { accountLink, requestAccountEmail } from '../users/account-email.ts';
import { hashOneTimeToken, newOneTimeToken } from '../users/one-time-token.ts';
import { hashPassword, UNKNOWN_USER_HASH, verifyPassword } from '../users/password.ts';
import { IsPresentedPassword, passwordProblem } from '../users/password-policy.ts';
import { User } from '../users/user.entity.ts';
import { Invitation, InvitationStatus } from './invitation.entity.ts';
import { invitationSnapshot } from './invitation.snapshot.ts';

/** How long an invitation link works. */
const INVITATION_DAYS = 7;
/** Invitations an organization may send per hour: plenty for onboarding a team, too few to spam strangers. */
export const INVITATIONS_PER_HOUR = 50;

@InputType()
class InviteMemberInput {
  @Field(() => String)
  @MaxLength(320, { message: 'must be at most 320 characters' })
  @IsEmail({}, { message: 'must be an email address' })
  email!: string;

  @Field(() => Role)
  @IsEnum(Role)
  role!: Role;
}

@InputType({ description: 'A person new to Atelier gives a name and a password; someone with an account gives their password' })
class AcceptInvitationInput {
  @Field(() => String)
  @Length(1, 200, { message: 'is not a valid invitation' })
  token!: string;

  @Field(() => String, { nullable: true, description: 'Your name, if you have no account yet' })
  @IsOptional()
  @NotBlank()
  @Length(1, 200, { message: 'must be between 1 and 200 characters' })
  name?: string;

  @Field(() => String, { description: 'A new password (no account yet) or your current one' })
  @IsPresentedPassword()
  password!: string;
}

@ObjectType({ description: 'You joined an organization: sign in to it with `login(organizationId)`' })
class AcceptedInvitation {
  @Field(() => Organization) organization!: Organization;
  @Field(() => Role) role!: Role;
  @Field(() => String) email!: string;
}

@InputType()
class InvitationFilter {
  @Field(() => IDFilter, { nullable: true }) id?: IDFilter;
  @Field(() => StringFilter, { nullable: true }) email?: StringFilter;
  @Field(() => RoleFilter, { nullable: true }) role?: InstanceType<typeof RoleFilter>;
  @Field(() => DateTimeFilter, { nullable: true }) expiresAt?: DateTimeFilter;
  @Field(() => DateTimeFilter, { nullable: true }) acceptedAt?: DateTimeFilter;
  @Field(() => DateTimeFilter, { nullable: true }) createdAt?: DateTimeFilter;
}

const INVALID_TOKEN = 'This invitation link is not valid any more; ask for a new one';
const ROLE_LABEL = (role: Role) => role.toLowerCase().replace('_', ' ');

@Resolver(() => Invitation)
export class InvitationResolver extends readResolver({
  entity: Invitation,
  typeName: 'Invitation',
  events: 'identity.invitation',
  filter: InvitationFilter,
  orderBy: orderBy('Invitation', ['email', 'createdAt', 'expiresAt']),
  roles: { read: ADMINS },
}) {
  @Authorized(ADMINS)
  @Mutation(() => Invitation, {
    description:
      'Invites a person by email to join with a role; they become a member when they accept. The answer is the same whether or not they have an account.',
  })
  async inviteMember(@Arg('input', () => InviteMemberInput) input: InviteMemberInput, @Ctx() context: SubgraphContext): Promise<Invitation> {
    const tenantId = requireTenant(context);
    if (input.role === Role.OWNER && !context.caller.roles.includes(Role.OWNER))
      throw badUserInput([{ field: 'role', message: 'only an owner can invite an owner' }]);
    const email = input.email.trim().toLowerCase();
    return context.em.transactional(async (em) => {
      const lastHour = await em.find(
        Invitation,
        { createdAt: { $gt: new Date(Date.now() - 3_600_000) } },
        { orderBy: { createdAt: 'asc' }, limit: INVITATIONS_PER_HOUR },
      );
      if (lastHour.length >= INVITATIONS_PER_HOUR) {
        const retryAfterSeconds = Math.ceil(((lastHour[0] as Invitation).createdAt.getTime() + 3_600_000 - Date.now()) / 1000);
        throw rateLimited(`Your organization sent ${INVITATIONS_PER_HOUR} invitations in the last hour; try again later`, retryAfterSeconds);
      }
      // your own organization's members are yours to know; whether the email has an account elsewhere is not
      const user = await em.findOne(User, { email });
      if (user && (await em.count(Membership, { userId: user.id })))
        throw conflict(`${email} is already a member`, { fields: [{ field: 'email', message: 'is already a member' }] });
      for (const pending of await em.find(Invitation, { email, acceptedAt: null, revokedAt: null })) {
        pending.revokedAt = new Date(); // the newest link is the one that works
        await publishChange(context, em, identityEvents['invitation.revoked'], pending.id, { ...invitationSnapshot(pending), replaced: true });
      }
      const { token, tokenHash } = newOneTimeToken();
      const invitation = em.create(Invitation, {
        tenantId,
        email,
        role: input.role,
        tokenHash,
        invitedById: context.caller.actorId,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
      });
      await em.flush();
      const organization = await em.findOneOrFail(Organization, { id: tenantId });
      await publishChange(context, em, identityEvents['invitation.created'], invitation.id, invitationSnapshot(invitation));
      await requestAccountEmail(
        em,
        {
          kind: 'invitation',
          to: email,
          subject: `You are invited to join ${organization.name} on Atelier`,
          text: [
            `You are invited to join ${organization.name} on Atelier as ${ROLE_LABEL(invitation.role)}.`,
            '',
            `Accept the invitation: ${accountLink('accept-invitation', token)}`,
            '',
            `The link works for ${INVITATION_DAYS} days. If you did not expect this, ignore this email.`,
          ].join('\n'),
        },
        { tenantId, entityId: invitation.id },
      );
      return invitation;
    });
  }

  @Authorized(ADMINS)
  @Mutation(() => Invitation, { description: 'Withdraws a pending invitation: its link stops working' })
  async revokeInvitation(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext): Promise<Invitation> {
    return context.em.transactional(async (em) => {
      const invitation = await findOrFail(em, Invitation, 'Invitation', id, { lock: true });
      if (invitation.status === InvitationStatus.PENDING) {
        invitation.revokedAt = new Date();
        await em.flush();
        await publishChange(context, em, identityEvents['invitation.revoked'], invitation.id, { ...invitationSnapshot(invitation), replaced: false });
      }
      return invitation;
    });
  }

  @Mutation(() => AcceptedInvitation, { description: 'Accepts an invitation from its emailed link, creating your account if you have none' })
  async acceptInvitation(
    @Arg('input', () => AcceptInvitationInput) input: AcceptInvitationInput,
    @Ctx() context: SubgraphContext,
  ): Promise<AcceptedInvitation> {
    const found = await context.em.findOne(Invitation, { tokenHash: hashOneTimeToken(input.token) }, { filters: false });
    if (!found || found.status !== InvitationStatus.PENDING) throw badUserInput([{ field: 'token', message: INVALID_TOKEN }], INVALID_TOKEN);
    const em = scopeToTenant(context.em.fork({ clear: true }), found.tenantId);
    return em.transactional(async (tx) => {
      const invitation = await findOrFail(tx, Invitation, 'Invitation', found.id, { lock: true }); // one acceptance per link
      if (invitation.status !== InvitationStatus.PENDING) throw badUserInput([{ field: 'token', message: INVALID_TOKEN }], INVALID_TOKEN);
      let user = await tx.findOne(User, { email: invitation.email });
      if (user) {
        // someone with an account proves it is them with their password, as when signing in
        if (!(await verifyPassword(input.password, user.passwordHash))) throw unauthenticated('Email or password is wrong');
      } else {
        await verifyPassword(input.password, UNKNOWN_USER_HASH); // the same cost either way
        const fields = [
          ...(input.name?.trim() ? [] : [{ field: 'name', message: 'is required for a new account' }]),
          ...((problem) => (problem ? [{ field: 'password', message: problem }] : []))(passwordProblem(input.password, invitation.email)),
        ];
        if (fields.length) throw badUserInput(fields);
        user = tx.create(User, {
          email: invitation.email,
          name: (input.name as string).trim(),
          passwordHash: await hashPassword(input.password),
          emailVerifiedAt: new Date(),
        });
        await tx.flush();
      }
      user.emailVerifiedAt ??= new Date(); // whoever opened the emailed link owns the address
      await joinOrganization(tx, { userId: user.id, role: invitation.role, actorId: user.id });
      invitation.acceptedAt = new Date();
      await tx.flush();
      await publishChange(
        { ...context, caller: { ...context.caller, tenantId: invitation.tenantId, actorId: user.id } },
        tx,
        identityEvents['invitation.accepted'],
        invitation.id,
        { ...invitationSnapshot(invitation), userId: user.id },
      );
      const organization = await tx.findOneOrFail(Organization, { id: invitation.tenantId });
      context.log.info({ userId: user.id, tenantId: invitation.tenantId, invitationId: invitation.id }, 'invitation accepted');
      return { organization, role: invitation.role, email: invitation.email };
    });
  }
}
