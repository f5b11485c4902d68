import { badUserInput, forbidden, NotBlank, rateLimited, type EntityManager, type SubgraphContext } from '@atelier/kit';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';
import { Arg, Ctx, Field, InputType, Mutation, ObjectType, Resolver } from 'type-graphql';
import { Membership } from '../memberships/membership.entity.ts';
import { Organization } from '../organizations/organization.entity.ts';
import { provisionOrganizationIn } from '../organizations/provision.ts';
import { accountLink, requestAccountEmail } from '../users/account-email.ts';
import { hashOneTimeToken, newOneTimeToken } from '../users/one-time-token.ts';
import { IsAcceptablePassword } from '../users/password-policy.ts';
import { User } from '../users/user.entity.ts';
import { publicSignupEnabled, signupRetryAfterSeconds } from './signup-policy.ts';

/** How long an email-verification link works. */
const VERIFICATION_HOURS = 48;

@InputType({ description: 'A new organization and its owner' })
class SignUpInput {
  @Field(() => String)
  @IsString()
  @NotBlank()
  @Length(1, 200, { message: 'must be between 1 and 200 characters' })
  organizationName!: string;

  @Field(() => String, { description: 'Your name' })
  @IsString()
  @NotBlank()
  @Length(1, 200, { message: 'must be between 1 and 200 characters' })
  name!: string;

  @Field(() => String)
  @MaxLength(320, { message: 'must be at most 320 characters' })
  @IsEmail({}, { message: 'must be an email address' })
  email!: string;

  @Field(() => String, { description: 'At least 10 characters, not a common password, not your email address' })
  @IsAcceptablePassword({ emailField: 'email' })
  password!: string;
}

@ObjectType({ description: 'What happens next: a link is on its way to the address' })
class SignUpResult {
  @Field(() => String) email!: string;
  @Field(() => String) message!: string;
}

const NEXT_STEP = 'Check your inbox: follow the link we sent to confirm your address, then sign in.';
const INVALID_LINK = 'This confirmation link is not valid any more; sign up again to get a new one';

/** A new one-time link to confirm the owner's address (replacing any earlier one), emailed with the change. */
async function sendVerificationLink(em: EntityManager, owner: User, organization: Organization): Promise<void> {
  const { token, tokenHash } = newOneTimeToken();
  owner.emailVerificationHash = tokenHash;
  owner.emailVerificationExpiresAt = new Date(Date.now() + VERIFICATION_HOURS * 3_600_000);
  await em.flush();
  await requestAccountEmail(
    em,
    {
      kind: 'email-verification',
      to: owner.email,
      subject: `Confirm your email address for ${organization.name} on Atelier`,
      text: [
        `Welcome to Atelier. Confirm that this address is yours to start using ${organization.name}:`,
        '',
        accountLink('verify-email', token),
        '',
        `The link works for ${VERIFICATION_HOURS} hours. If you did not sign up, ignore this email.`,
      ].join('\n'),
    },
    { tenantId: organization.id, entityId: owner.id },
  );
}

@Resolver()
export class SignUpResolver {
  @Mutation(() => SignUpResult, {
    description:
      'Creates an organization with you as its owner and emails a link to confirm your address (sign-in works once it is confirmed). The answer is the same whether or not the address already has an account.',
  })
  async signUp(@Arg('input', () => SignUpInput) input: SignUpInput, @Ctx() context: SubgraphContext): Promise<SignUpResult> {
    if (!publicSignupEnabled()) throw forbidden('Public sign-up is turned off on this server: ask its operator for an invitation');
    const email = input.email.trim().toLowerCase();
    const { organizationName, name } = input; // trimmed by NotBlank
    const retryAfterSeconds = await signupRetryAfterSeconds(context.em, email, context.caller.clientAddress);
    if (retryAfterSeconds) throw rateLimited(`Too many sign-ups from here; try again in ${Math.ceil(retryAfterSeconds / 60)} minutes`, retryAfterSeconds);

    try {
      await context.em.fork({ clear: true }).transactional(async (em) => {
        const existing = await em.findOne(User, { email });
        if (existing && !existing.emailVerifiedAt) {
          // signed up before and never confirmed (the link may have expired): a fresh link, nothing new created
          const membership = await em.findOne(Membership, { userId: existing.id }, { filters: false, orderBy: { createdAt: 'asc' } });
          const organization = membership && (await em.findOne(Organization, { id: membership.tenantId }));
          if (organization) await sendVerificationLink(em, existing, organization);
          return;
        }
        if (existing) {
          // no error that would tell a stranger the address is registered: its owner hears of it instead
          await requestAccountEmail(
            em,
            {
              kind: 'signup-existing-account',
              to: email,
              subject: 'You already have an Atelier account',
              text: [
                'Someone (perhaps you) tried to sign up to Atelier with this address, which already has an account.',
                'Nothing was created. If it was you, sign in with your password instead. If not, you can ignore this email.',
              ].join('\n'),
            },
            { entityId: existing.id },
          );
          return;
        }
        const { organization, owner } = await provisionOrganizationIn(em, {
          name: organizationName,
          owner: { email, name, password: input.password },
          unverified: true,
        });
        await sendVerificationLink(em, owner, organization);
        context.log.info({ tenantId: organization.id, userId: owner.id }, 'signed up');
      });
    } catch (error) {
      // the same address signing up twice at once: the second finds the first's account, as above
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
    }
    return { email, message: NEXT_STEP };
  }

  @Mutation(() => Boolean, { description: "Confirms an email address with the emailed link's token; sign-in works from then on" })
  async verifyEmail(@Arg('token', () => String) token: string, @Ctx() context: SubgraphContext): Promise<boolean> {
    if (token.length > 200) throw badUserInput([{ field: 'token', message: INVALID_LINK }], INVALID_LINK);
    const user = await context.em.findOne(User, { emailVerificationHash: hashOneTimeToken(token) });
    if (!user || !user.emailVerificationExpiresAt || user.emailVerificationExpiresAt <= new Date())
      throw badUserInput([{ field: 'token', message: INVALID_LINK }], INVALID_LINK);
    user.emailVerifiedAt ??= new Date();
    user.emailVerificationHash = null;
    user.emailVerificationExpiresAt = null;
    await context.em.flush();
    context.log.info({ userId: user.id }, 'email address confirmed');
    return true;
  }
}
