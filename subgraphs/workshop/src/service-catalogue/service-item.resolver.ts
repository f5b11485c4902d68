import { ADMINS, crudEventsOf, crudResolver, orderBy, Role, STAFF } from '@atelier/kit';
import { Resolver } from 'type-graphql';
import { workshopEvents } from '../contract.ts';
import { ServiceItem } from './service-item.entity.ts';
import { checkHours, CreateServiceItemInput, ServiceItemFilter, UpdateServiceItemInput } from './service-item.inputs.ts';
import { serviceItemSnapshot } from './service-item.snapshot.ts';

const ServiceItemOrderBy = orderBy('ServiceItem', ['code', 'name', 'kind', 'rate', 'createdAt'], ['CODE_ASC']);

@Resolver(() => ServiceItem)
export class ServiceItemResolver extends crudResolver({
  entity: ServiceItem,
  typeName: 'ServiceItem',
  referencedAs: 'ServiceItem',
  events: crudEventsOf(workshopEvents, 'serviceItem'),
  snapshot: serviceItemSnapshot,
  filter: ServiceItemFilter,
  orderBy: ServiceItemOrderBy,
  createInput: CreateServiceItemInput,
  updateInput: UpdateServiceItemInput,
  searchColumns: ['code', 'name', 'description'],
  roles: { read: STAFF, write: [...ADMINS, Role.SERVICE_ADVISOR] },
  toCreateData: (input) => {
    checkHours(input.kind, input.standardHours);
    return { ...input, code: input.code.trim().toUpperCase() };
  },
  toUpdateData: (input, current) => {
    checkHours(input.kind ?? current.kind, input.standardHours === undefined ? current.standardHours : input.standardHours);
    return { ...input, ...(input.code && { code: input.code.trim().toUpperCase() }) };
  },
}) {}
