import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { describeResources } from '../../admin/src/schema/resources.ts';

const catalog = describeResources(buildSchema(readFileSync(new URL('../../schema/api.graphql', import.meta.url), 'utf8')));
const actionsOf = (resource: string) => catalog.get(resource)?.actions.map((action) => action.mutation) ?? [];

describe('the admin generated from the API schema', () => {
  it("offers a record's verbs as its buttons, and not the verbs of its parts that return it", () => {
    expect(actionsOf('WorkOrder')).toEqual(expect.arrayContaining(['sendEstimate', 'startWorkOrder', 'markWorkOrderReady']));
    // these take a line's or an item's ID although they answer with the work order or inspection
    expect(actionsOf('WorkOrder')).not.toContain('removeWorkOrderLine');
    expect(actionsOf('Inspection')).not.toContain('removeInspectionItem');
    expect(actionsOf('Inspection')).toContain('sendInspection');
    expect(actionsOf('Vehicle')).toContain('decodeVehicleVin');
  });
});
