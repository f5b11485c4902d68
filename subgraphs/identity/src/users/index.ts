import { defineFeature } from '@atelier/kit';
import { userReference } from './member-users.ts';
import { PasswordResolver } from './password.resolver.ts';
import { User } from './user.entity.ts';

/** People's accounts: passwords, and the references other subgraphs resolve (members only). */
export const users = defineFeature({ name: 'users', entities: [User], resolvers: [PasswordResolver], referenceResolvers: { User: userReference as never } });
