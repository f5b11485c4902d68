import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** identity's User as workshop sees it: only the key, so a technician can point at the user they are. */
@Directive('@key(fields: "id")')
@ObjectType('User')
export class UserRef {
  @Field(() => ID)
  id!: string;
}

export const userRefReference = {
  __resolveReference: (reference: { id: string }): UserRef => ({ id: reference.id }),
};
