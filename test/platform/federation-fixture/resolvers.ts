import { Arg, Directive, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { Product, ProductVariant } from './types.ts';

export const catalogue: Product[] = [
  { id: 'p1', name: 'Brake pad', internalCode: 'BP-7', dimensions: { size: 'M', weight: 0.4 }, costPrice: 12, margin: 30, variant: { id: 'v1' } },
  { id: 'p2', name: 'Oil filter', internalCode: 'OF-2', costPrice: 4, margin: 50, variant: { id: 'v2' } },
];

@Resolver(() => Product)
export class ProductResolver {
  @Query(() => Product, { nullable: true })
  product(@Arg('id', () => ID) id: string): Product | undefined {
    return catalogue.find((product) => product.id === id);
  }

  @Directive('@listSize(slicingArguments: ["first"], requireOneSlicingArgument: false)')
  @Query(() => [Product])
  products(@Directive('@tag(name: "paging")') @Arg('first', () => Int, { nullable: true }) first?: number): Product[] {
    return catalogue.slice(0, first ?? undefined);
  }
}

@Resolver(() => ProductVariant)
export class ProductVariantResolver {
  @FieldResolver(() => String)
  label(
    @Root() variant: ProductVariant,
    @Directive('@fromContext(field: "$productContext { name }")') @Arg('productName', () => String, { nullable: true }) productName?: string,
  ): string {
    return `${productName ?? 'A product'}, variant ${variant.id}`;
  }
}
