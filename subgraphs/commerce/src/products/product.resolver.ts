import { ADMINS, crudEventsOf, crudResolver, orderBy, Role, STAFF, entityReference } from '@atelier/kit';
import { Resolver } from 'type-graphql';
import { commerceEvents } from '../contract.ts';
import { Product } from './product.entity.ts';
import { CreateProductInput, ProductFilter, UpdateProductInput } from './product.inputs.ts';
import { productSnapshot } from './product.snapshot.ts';

const ProductOrderBy = orderBy('Product', ['partNumber', 'name', 'price', 'stockOnHand', 'createdAt'], ['PART_NUMBER_ASC']);

/** Part numbers compare without case or surrounding spaces: "bp-1234 " and "BP-1234" are one part. */
const normalisePartNumber = (partNumber: string) => partNumber.trim().toUpperCase();

@Resolver(() => Product)
export class ProductResolver extends crudResolver({
  entity: Product,
  typeName: 'Product',
  referencedAs: 'Product',
  events: crudEventsOf(commerceEvents, 'product'),
  snapshot: productSnapshot,
  filter: ProductFilter,
  orderBy: ProductOrderBy,
  createInput: CreateProductInput,
  updateInput: UpdateProductInput,
  searchColumns: ['partNumber', 'name', 'description'],
  roles: { read: STAFF, write: [...ADMINS, Role.SERVICE_ADVISOR, Role.CASHIER, Role.INTEGRATION] },
  toCreateData: (input) => ({ ...input, partNumber: normalisePartNumber(input.partNumber) }),
  toUpdateData: (input) => ({ ...input, ...(input.partNumber && { partNumber: normalisePartNumber(input.partNumber) }) }),
}) {}

/** Work-order lines point at products by ID; the gateway resolves a whole page of them here in one batch. */
export const productReference = entityReference(Product);
