import { ADMINS, crudEventsOf, crudResolver, orderBy, Role, STAFF, entityReference } from '@atelier/kit';
import { Resolver } from 'type-graphql';
import { crmEvents } from '../contract.ts';
import { Customer } from './customer.entity.ts';
import { CreateCustomerInput, CustomerFilter, UpdateCustomerInput } from './customer.inputs.ts';
import { customerSnapshot } from './customer.snapshot.ts';

const CustomerOrderBy = orderBy('Customer', ['name', 'email', 'status', 'score', 'createdAt', 'updatedAt']);

@Resolver(() => Customer)
export class CustomerResolver extends crudResolver({
  entity: Customer,
  typeName: 'Customer',
  referencedAs: 'Customer',
  events: crudEventsOf(crmEvents, 'customer'),
  snapshot: customerSnapshot,
  filter: CustomerFilter,
  orderBy: CustomerOrderBy,
  createInput: CreateCustomerInput,
  updateInput: UpdateCustomerInput,
  searchColumns: ['name', 'email', 'phone'],
  roles: { read: STAFF, write: [...ADMINS, Role.SERVICE_ADVISOR, Role.CASHIER, Role.MARKETING, Role.INTEGRATION] },
}) {}

/** Other subgraphs point at customers by ID; the gateway resolves them here in one batch. */
export const customerReference = entityReference(Customer);
