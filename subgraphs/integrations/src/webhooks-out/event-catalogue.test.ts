import { readdirSync, readFileSync } from 'node:fs';
import { checkEventSchemas } from '@atelier/kit';
import { describe, expect, it } from 'vitest';
import { eventCatalogue, publishedEventFiles } from './event-catalogue.ts';

const eventsDir = new URL('../../../../schema/events/', import.meta.url);
const published = () => new Map(readdirSync(eventsDir).map((file) => [file, readFileSync(new URL(file, eventsDir), 'utf8')]));

describe('the published event schemas (schema/events/, as npm run check:schema compares them)', () => {
  it('hold one file per declared event, each what its contract produces now', () => {
    expect([...published().keys()].sort()).toEqual(eventCatalogue.types.map((type) => `${type.name}.json`).sort());
    expect(checkEventSchemas(published(), publishedEventFiles())).toEqual({ stale: [], refused: [] });
  });

  it('are stale when a file drifts from its contract, and refused when the drift breaks a published promise', () => {
    const drifted = published();
    const file = 'crm.customer.created.json';
    const schema = JSON.parse(drifted.get(file) as string) as { properties: Record<string, unknown>; required: string[] };
    drifted.set(file, `${JSON.stringify({ ...schema, description: 'edited by hand' }, null, 2)}\n`);
    expect(checkEventSchemas(drifted, publishedEventFiles())).toEqual({ stale: [file], refused: [] });

    // as if the code had dropped a published field: the published file still has one the code no longer produces
    const { properties, required } = schema;
    drifted.set(
      file,
      `${JSON.stringify({ ...schema, properties: { ...properties, loyaltyTier: { type: 'string' } }, required: [...required, 'loyaltyTier'] }, null, 2)}\n`,
    );
    expect(checkEventSchemas(drifted, publishedEventFiles()).refused).toEqual(['crm.customer.created (version 1): loyaltyTier: removed']);
  });
});
