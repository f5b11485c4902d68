import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';

// The products subgraph of Apollo's subgraph-compatibility suite, grown to every Federation v2 directive
// (v2.9): each one is written with type-graphql's @Directive, as a subgraph of ours would.

@Directive('@shareable') // inventory resolves dimensions too
@ObjectType()
export class ProductDimension {
  @Field(() => String, { nullable: true })
  size?: string;

  @Field(() => Float, { nullable: true })
  weight?: number;
}

/** users' User, extended here: products knows how many each created and may answer `name` instead. */
@Directive('@extends')
@Directive('@key(fields: "email")')
@ObjectType()
export class User {
  @Directive('@external')
  @Field(() => ID)
  email!: string;

  @Directive('@external')
  @Field(() => Int, { nullable: true })
  totalProductsCreated?: number;

  @Directive('@external')
  @Field(() => Int)
  yearsOfEmployment!: number;

  @Directive('@requires(fields: "totalProductsCreated yearsOfEmployment")')
  @Field(() => Int, { nullable: true })
  averageProductsCreatedPerYear?: number;

  @Directive('@override(from: "users", label: "percent(50)")')
  @Field(() => String, { nullable: true })
  name?: string;
}

/** A variant reads its product's name from the enclosing product (`@context` / `@fromContext`). */
@Directive('@key(fields: "id")')
@ObjectType()
export class ProductVariant {
  @Field(() => ID)
  id!: string;
}

@Directive('@audited(reason: "prices change")') // the custom directive the supergraph keeps (@composeDirective)
@Directive('@context(name: "productContext")')
@Directive('@key(fields: "id")')
@Directive('@tag(name: "catalogue")')
@ObjectType()
export class Product {
  @Field(() => ID)
  id!: string;

  @Directive('@tag(name: "public")')
  @Field(() => String)
  name!: string;

  @Directive('@inaccessible')
  @Field(() => String, { nullable: true })
  internalCode?: string;

  @Field(() => ProductDimension, { nullable: true })
  dimensions?: ProductDimension;

  @Directive('@provides(fields: "totalProductsCreated")')
  @Field(() => User, { nullable: true })
  createdBy?: User;

  @Directive('@authenticated')
  @Directive('@requiresScopes(scopes: [["read:cost"]])')
  @Field(() => Int, { nullable: true })
  costPrice?: number;

  @Directive('@policy(policies: [["finance"]])')
  @Directive('@cost(weight: 5)')
  @Field(() => Int, { nullable: true })
  margin?: number;

  @Field(() => ProductVariant)
  variant!: ProductVariant;
}

/** inventory's Inventory interface, seen here as one object type (`@interfaceObject`). */
@Directive('@interfaceObject')
@Directive('@key(fields: "id")')
@ObjectType()
export class Inventory {
  @Field(() => ID)
  id!: string;

  @Field(() => [Product])
  products!: Product[];
}
