import { badUserInput, NotBlank, requireTenant, Role, STAFF, type SubgraphContext } from '@atelier/kit';
import { Length } from 'class-validator';
import { Arg, Authorized, Ctx, Field, InputType, Mutation, Query, Resolver } from 'type-graphql';
import { Organization } from './organization.entity.ts';

@InputType()
class UpdateOrganizationInput {
  @Field(() => String)
  @NotBlank()
  @Length(1, 200, { message: 'must be between 1 and 200 characters' })
  name!: string;
}

@Resolver(() => Organization)
export class OrganizationResolver {
  @Authorized(STAFF)
  @Query(() => Organization, { description: 'Your organization' })
  async organization(@Ctx() context: SubgraphContext): Promise<Organization> {
    return context.em.findOneOrFail(Organization, { id: requireTenant(context) });
  }

  @Authorized([Role.OWNER])
  @Mutation(() => Organization)
  async updateOrganization(@Arg('input', () => UpdateOrganizationInput) input: UpdateOrganizationInput, @Ctx() context: SubgraphContext) {
    const organization = await context.em.findOneOrFail(Organization, { id: requireTenant(context) });
    if (!input.name.trim()) throw badUserInput([{ field: 'name', message: 'must not be blank' }]);
    organization.name = input.name.trim();
    await context.em.flush();
    return organization;
  }
}

/** Other subgraphs may point at an organization; only your own resolves. */
export const organizationReference = {
  __resolveReference: (reference: { id: string }, context: SubgraphContext) =>
    reference.id === context.caller.tenantId ? context.em.findOne(Organization, { id: reference.id }) : null,
};
