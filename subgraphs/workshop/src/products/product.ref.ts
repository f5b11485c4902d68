import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** commerce's Product as workshop sees it: only the key, so a part line can point at its product. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Product')
export class ProductRef {
  @Field(() => ID)
  id!: string;
}
