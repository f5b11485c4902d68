import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { describeResources, describeSettings } from '../../admin/src/schema/resources.ts';

const apiSchema = buildSchema(readFileSync(new URL('../../schema/api.graphql', import.meta.url), 'utf8'));
const catalog = describeResources(apiSchema);
const actionsOf = (resource: string) => catalog.get(resource)?.actions.map((action) => action.mutation) ?? [];
const actionOf = (resource: string, mutation: string) => catalog.get(resource)?.actions.find((action) => action.mutation === mutation);

/** A small API of its own, for the cases the real one does not have (yet). */
const sketch = (sdl: string) =>
  buildSchema(`
    scalar DateTime
    type Vehicle { id: ID! make: String! }
    type VehicleConnection { nodes: [Vehicle!]! totalCount: Int! }
    ${sdl}
  `);

describe('the admin generated from the API schema', () => {
  it("offers a record's verbs as its buttons, and not the verbs of its parts that return it", () => {
    expect(actionsOf('WorkOrder')).toEqual(expect.arrayContaining(['sendEstimate', 'startWorkOrder', 'markWorkOrderReady']));
    // these take a line's or an item's ID although they answer with the work order or inspection
    expect(actionsOf('WorkOrder')).not.toContain('removeWorkOrderLine');
    expect(actionsOf('Inspection')).not.toContain('removeInspectionItem');
    expect(actionsOf('Inspection')).toContain('sendInspection');
    expect(actionsOf('Vehicle')).toContain('decodeVehicleVin');
  });

  it('offers a verb answering with something that is no resource when its argument names the record, with the link of the answer', () => {
    const folder = actionOf('WorkOrder', 'createWorkOrderFolder');
    expect(folder).toMatchObject({ argument: 'workOrderId', result: { type: 'WorkOrderFolder', link: 'webViewLink' } });
    expect(folder?.returns).toBeUndefined(); // nothing to open in the admin: the button links to Drive instead
    // it takes an email besides the work order: no one-click button
    expect(actionsOf('WorkOrder')).not.toContain('shareWorkOrderFolder');
    // a verb answering with a resource keeps opening that resource
    const signature = actionOf('WorkOrder', 'requestEstimateSignature');
    expect(signature?.returns).toBe('SignatureRequest');
    expect(signature?.result).toBeUndefined();
  });

  it('takes no verb answering with something else unless its argument names the record, nor one answering a list', () => {
    const sketched = describeResources(
      sketch(`
        type Report { url: String! pages: Int! }
        type Note { text: String! }
        type Query { vehicle(id: ID!): Vehicle vehicles(first: Int): VehicleConnection! }
        type Mutation {
          printVehicleReport(vehicleId: ID!): Report!
          summarise(id: ID!): Report!
          annotateVehicle(vehicleId: ID!): Note!
          listVehicleNotes(vehicleId: ID!): [Note!]!
          checkVehicle(vehicleId: ID!): Boolean!
        }
      `),
    );
    expect(sketched.get('Vehicle')?.actions).toEqual([
      { mutation: 'printVehicleReport', argument: 'vehicleId', result: { type: 'Report', link: 'url' }, description: undefined },
      { mutation: 'annotateVehicle', argument: 'vehicleId', result: { type: 'Note', link: undefined }, description: undefined },
    ]);
  });

  it('makes a settings page of `xSettings` with its `updateXSettings(input)`, its form of the input and its required fields of the settings', () => {
    const [reminders, ...others] = describeSettings(apiSchema);
    expect(others).toEqual([]);
    expect(reminders).toMatchObject({
      name: 'AppointmentReminderSettings',
      query: 'appointmentReminderSettings',
      inputType: 'UpdateAppointmentReminderSettingsInput',
      update: { mutation: 'updateAppointmentReminderSettings' },
    });
    expect(reminders?.update.fields.map((field) => [field.name, field.kind])).toEqual([
      ['enabled', 'boolean'],
      ['leadTimeMinutes', 'integer'],
      ['shopName', 'text'],
      ['timeZone', 'text'],
      ['smsFrom', 'text'],
      ['emailFrom', 'text'],
    ]);
    expect(reminders?.fields.filter((field) => field.required).map((field) => field.name)).toEqual(['enabled', 'leadTimeMinutes', 'timeZone']);
  });

  it('makes no settings page of a settings query without its update, nor of an update answering something else', () => {
    const settings = describeSettings(
      sketch(`
        type InvoiceSettings { prefix: String! }
        type LabelSettings { size: Int! }
        type ThemeSettings { dark: Boolean! }
        input UpdateInvoiceSettingsInput { prefix: String }
        input UpdateLabelSettingsInput { size: Int }
        type Query { vehicle(id: ID!): Vehicle invoiceSettings: InvoiceSettings! labelSettings: LabelSettings! themeSettings: ThemeSettings! }
        type Mutation {
          updateInvoiceSettings(input: UpdateInvoiceSettingsInput!): InvoiceSettings!
          updateLabelSettings(input: UpdateLabelSettingsInput!): Boolean!
        }
      `),
    );
    expect(settings.map((each) => [each.name, each.update.mutation, each.update.fields.map((field) => field.name)])).toEqual([
      ['InvoiceSettings', 'updateInvoiceSettings', ['prefix']],
    ]);
  });
  it("starts a create form's fields at the defaults the input declares", () => {
    const sketched = describeResources(
      sketch(`
        enum Fuel { PETROL DIESEL }
        type Query { vehicle(id: ID!): Vehicle vehicles(first: Int): VehicleConnection! }
        input CreateVehicleInput { make: String! active: Boolean = true fuel: Fuel = DIESEL seats: Int = 5 tags: [String!] = ["fleet"] notes: String }
        type Mutation { createVehicle(input: CreateVehicleInput!): Vehicle! }
      `),
    );
    const defaults = sketched.get('Vehicle')?.create?.fields.map((field) => [field.name, field.defaultValue]);
    expect(defaults).toEqual([
      ['make', undefined],
      ['active', true],
      ['fuel', 'DIESEL'],
      ['seats', 5],
      ['tags', ['fleet']],
      ['notes', undefined],
    ]);
  });
});
