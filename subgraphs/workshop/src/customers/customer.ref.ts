import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** crm's Customer as workshop sees it: only the key, so workshop can add `vehicles` to it. */
@Directive('@key(fields: "id")')
@ObjectType('Customer')
export class CustomerRef {
  @Field(() => ID)
  id!: string;
}

export const customerRefReference = {
  __resolveReference: (reference: { id: string }): CustomerRef => ({ id: reference.id }),
};
