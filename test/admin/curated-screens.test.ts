import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { pickerContextsOf, representationOf } from '../../admin/src/resources/presentation.ts';
import { describeResources } from '../../admin/src/schema/resources.ts';

const apiSchema = buildSchema(readFileSync(new URL('../../schema/api.graphql', import.meta.url), 'utf8'));
const catalog = describeResources(apiSchema);
const resources = [...catalog.values()];
const fieldOf = (resource: string, name: string) => catalog.get(resource)?.fields.find((field) => field.name === name);

describe('the curated generated screens', () => {
  it('names every record by something a person reads: never only an ID, a status or another enum', () => {
    expect(resources.length).toBeGreaterThan(15);
    for (const resource of resources) {
      const parts = resource.representation.map((name) => resource.fields.find((field) => field.name === name));
      expect(parts, resource.name).not.toEqual([]);
      expect(parts.every(Boolean), `${resource.name}: ${resource.representation.join(', ')}`).toBe(true);
      // an ID part is a reference read by its record's name, loaded with the record
      for (const part of parts) if (part?.kind === 'id') expect(part.embedded?.representation.length, `${resource.name}.${part.name}`).toBeGreaterThan(0);
      expect(
        parts.some((part) => part?.kind !== 'enum'),
        `${resource.name} is named by an enum alone`,
      ).toBe(true);
    }
  });

  it('names a work order by its number and vehicle, an appointment by its time and customer, an inspection by its work order', () => {
    expect(catalog.get('WorkOrder')?.representation).toEqual(['number', 'vehicleId']);
    expect(catalog.get('Appointment')?.representation).toEqual(['startsAt', 'customerId']);
    expect(catalog.get('Inspection')?.representation).toEqual(['workOrderId']);
    expect(fieldOf('Inspection', 'workOrderId')?.embedded).toEqual({ name: 'workOrder', representation: ['number'] });
    const workOrder = catalog.get('WorkOrder')!;
    expect(
      representationOf(workOrder)({ id: 'a3c1', number: 'WO-000001', vehicleId: 'b2', vehicle: { displayName: '2019 Toyota Corolla' }, currency: 'EUR' }),
    ).toBe('WO-000001 · 2019 Toyota Corolla');
    const appointment = representationOf(catalog.get('Appointment')!)({
      id: 'c4',
      startsAt: '2026-12-07T14:00:00Z',
      status: 'BOOKED',
      customer: { name: 'Ada Lovelace' },
    });
    expect(appointment).toMatch(/^\S.* · Ada Lovelace$/);
    expect(appointment).not.toContain('Booked');
  });

  it('follows the conventions for a type without a hint: a code or time with its first reference, a choice with its text', () => {
    const sketched = describeResources(
      buildSchema(`
        scalar DateTime
        enum Status { OPEN DONE }
        enum Channel { SMS EMAIL }
        type Member { id: ID! name: String! }
        type Shift { id: ID! createdAt: DateTime! startsAt: DateTime! status: Status! memberId: ID! member: Member notes: String }
        type Ticket { id: ID! number: String! status: Status! memberId: ID member: Member }
        type Channelled { id: ID! channel: Channel! label: String }
        type MemberConnection { nodes: [Member!]! }
        type ShiftConnection { nodes: [Shift!]! }
        type TicketConnection { nodes: [Ticket!]! }
        type ChannelledConnection { nodes: [Channelled!]! }
        type Query {
          member(id: ID!): Member members: MemberConnection!
          shift(id: ID!): Shift shifts: ShiftConnection!
          ticket(id: ID!): Ticket tickets: TicketConnection!
          channelled(id: ID!): Channelled channelleds: ChannelledConnection!
        }
      `),
    );
    expect(sketched.get('Shift')?.representation).toEqual(['startsAt', 'memberId']);
    expect(sketched.get('Ticket')?.representation).toEqual(['number', 'memberId']);
    expect(sketched.get('Channelled')?.representation).toEqual(['channel', 'label']);
    // a few columns by default: name, references and required values; optional texts behind "Columns"
    expect(sketched.get('Shift')).toMatchObject({ columns: ['startsAt', 'memberId', 'status', 'createdAt'], optionalColumns: ['notes'] });
  });

  it('shows a few columns by default and never an ID column that names nothing', () => {
    for (const resource of resources) {
      const all = [...resource.columns, ...resource.optionalColumns];
      expect(resource.columns.length, resource.name).toBeGreaterThan(0);
      expect(resource.columns.length, resource.name).toBeLessThanOrEqual(6);
      expect(new Set(all).size, resource.name).toBe(all.length);
      for (const name of all) {
        const field = resource.fields.find((candidate) => candidate.name === name);
        expect(name, resource.name).not.toBe('id');
        expect(name, resource.name).not.toBe('__typename');
        if (field?.kind === 'id') expect(field.reference ?? field.embedded, `${resource.name}.${name} is a raw ID column`).toBeTruthy();
        expect(field?.kind, `${resource.name}.${name}`).not.toBe('json');
      }
    }
    expect(catalog.get('WorkOrder')?.columns).toEqual(['number', 'status', 'customerId', 'vehicleId', 'promisedAt', 'total']);
    expect(catalog.get('ScheduledMessage')?.optionalColumns).not.toContain('customerId'); // no `customer` beside it: a bare UUID
  });

  it("adds a customer's vehicles, work orders and appointments from the customer, and narrows a vehicle picker to the chosen customer's", () => {
    expect(catalog.get('Customer')?.relatedLists).toEqual([
      { name: 'vehicles', resource: 'Vehicle', target: 'ownerId' },
      { name: 'appointments', resource: 'Appointment', target: 'customerId' },
      { name: 'workOrders', resource: 'WorkOrder', target: 'customerId' },
    ]);
    const contexts = pickerContextsOf(catalog.get('WorkOrder')!.create!.fields, catalog);
    expect(contexts.get('vehicleId')).toEqual({ filter: 'ownerId', by: 'customerId' });
    expect(contexts.get('customerId')).toBeUndefined();
    expect(pickerContextsOf(catalog.get('Appointment')!.create!.fields, catalog).get('vehicleId')).toEqual({ filter: 'ownerId', by: 'customerId' });
  });

  it('offers no row actions on the lists of types whose status decides their actions', () => {
    expect(resources.filter((resource) => resource.hasStatusFlow).map((resource) => resource.name)).toEqual(
      expect.arrayContaining(['WorkOrder', 'Appointment', 'Inspection']),
    );
    expect(catalog.get('InboundEvent')?.hasStatusFlow).toBe(false);
  });
});
