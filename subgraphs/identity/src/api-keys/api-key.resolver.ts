import {
  ADMINS,
  badUserInput,
  DateTimeFilter,
  findOrFail,
  IDFilter,
  NotBlank,
  orderBy,
  publishChange,
  readResolver,
  requireTenant,
  Role,
  StringFilter,
  type SubgraphContext,
} from '@atelier/kit';
import { ArrayMinSize, IsEnum, IsOptional, Length } from 'class-validator';
import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, ObjectType, Resolver } from 'type-graphql';
import { identityEvents } from '../contract.ts';
import { ApiKey } from './api-key.entity.ts';
import { generateApiKey } from './api-key.service.ts';
import { apiKeySnapshot } from './api-key.snapshot.ts';

@InputType()
class CreateApiKeyInput {
  @Field(() => String)
  @NotBlank()
  @Length(1, 120, { message: 'must be between 1 and 120 characters' })
  name!: string;

  @Field(() => [Role], { description: 'What the key may do; INTEGRATION for most partner apps' })
  @ArrayMinSize(1, { message: 'needs at least one role' })
  @IsEnum(Role, { each: true })
  roles!: Role[];

  @Field(() => Date, { nullable: true })
  @IsOptional()
  expiresAt?: Date;
}

@InputType()
class ApiKeyFilter {
  @Field(() => IDFilter, { nullable: true }) id?: IDFilter;
  @Field(() => StringFilter, { nullable: true }) name?: StringFilter;
  @Field(() => DateTimeFilter, { nullable: true }) revokedAt?: DateTimeFilter;
  @Field(() => DateTimeFilter, { nullable: true }) createdAt?: DateTimeFilter;
}

@ObjectType({ description: 'A new API key. `key` is shown this once and cannot be retrieved later.' })
class CreatedApiKey {
  @Field(() => ApiKey) apiKey!: ApiKey;
  @Field(() => String) key!: string;
}

const ApiKeyOrderBy = orderBy('ApiKey', ['name', 'createdAt', 'lastUsedAt']);

@Resolver(() => ApiKey)
export class ApiKeyResolver extends readResolver({
  entity: ApiKey,
  typeName: 'ApiKey',
  events: 'identity.apiKey',
  filter: ApiKeyFilter,
  orderBy: ApiKeyOrderBy,
  roles: { read: ADMINS },
}) {
  @Authorized(ADMINS)
  @Mutation(() => CreatedApiKey)
  async createApiKey(@Arg('input', () => CreateApiKeyInput) input: CreateApiKeyInput, @Ctx() context: SubgraphContext): Promise<CreatedApiKey> {
    const tenantId = requireTenant(context);
    if (input.roles.includes(Role.OWNER)) throw badUserInput([{ field: 'roles', message: 'an API key cannot be an owner' }]);
    if (input.expiresAt && input.expiresAt <= new Date()) throw badUserInput([{ field: 'expiresAt', message: 'must be in the future' }]);
    const { key, prefix, keyHash } = generateApiKey();
    const apiKey = await context.em.transactional(async (em) => {
      const created = em.create(ApiKey, {
        tenantId,
        name: input.name.trim(),
        prefix,
        keyHash,
        roles: [...new Set(input.roles)],
        createdById: context.caller.actorId,
        expiresAt: input.expiresAt ?? null,
      });
      await em.flush();
      await publishChange(context, em, identityEvents['apiKey.created'], created.id, apiKeySnapshot(created));
      return created;
    });
    return { apiKey, key };
  }

  @Authorized(ADMINS)
  @Mutation(() => ApiKey, { description: 'Revokes a key at once; requests with it are refused from then on' })
  async revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext): Promise<ApiKey> {
    return context.em.transactional(async (em) => {
      const apiKey = await findOrFail(em, ApiKey, 'ApiKey', id);
      if (!apiKey.revokedAt) {
        apiKey.revokedAt = new Date();
        await em.flush();
        await publishChange(context, em, identityEvents['apiKey.revoked'], apiKey.id, apiKeySnapshot(apiKey));
      }
      return apiKey;
    });
  }
}
