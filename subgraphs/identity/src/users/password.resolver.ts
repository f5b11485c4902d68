import { badUserInput, forbidden, STAFF, type SubgraphContext } from '@atelier/kit';
import { Arg, Authorized, Ctx, Field, InputType, Mutation, Resolver } from 'type-graphql';
import { hashPassword, verifyPassword } from './password.ts';
import { IsAcceptablePassword, IsPresentedPassword, passwordProblem } from './password-policy.ts';
import { User } from './user.entity.ts';

@InputType()
class ChangePasswordInput {
  @Field(() => String)
  @IsPresentedPassword()
  currentPassword!: string;

  @Field(() => String, { description: 'At least 10 characters, not a common password, not your email address' })
  @IsAcceptablePassword()
  newPassword!: string;
}

@Resolver()
export class PasswordResolver {
  @Authorized(STAFF)
  @Mutation(() => Boolean, { description: 'Changes your password; the current one must be given' })
  async changePassword(@Arg('input', () => ChangePasswordInput) input: ChangePasswordInput, @Ctx() context: SubgraphContext): Promise<boolean> {
    if (context.caller.actorType !== 'user' || !context.caller.actorId) throw forbidden('Only a person signed in has a password');
    const user = await context.em.findOneOrFail(User, { id: context.caller.actorId });
    const problem = passwordProblem(input.newPassword, user.email);
    if (problem) throw badUserInput([{ field: 'newPassword', message: problem }]);
    if (!(await verifyPassword(input.currentPassword, user.passwordHash))) throw badUserInput([{ field: 'currentPassword', message: 'is wrong' }]);
    user.passwordHash = await hashPassword(input.newPassword);
    await context.em.flush();
    context.log.info({ userId: user.id }, 'password changed');
    return true;
  }
}
