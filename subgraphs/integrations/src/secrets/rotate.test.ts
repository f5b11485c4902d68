import { randomBytes, randomUUID } from 'node:crypto';
import { createOrm, type Orm } from '@atelier/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIsolatedDatabase, type IsolatedDatabase } from '../../../../test/support/isolated-database.ts';
import { integrations } from '../subgraph.ts';
import { rotateSecrets } from './rotate.ts';
import { open, parseKeyRing, seal, sealedKeyId } from './secret-box.ts';

let orm: Orm;
let database: IsolatedDatabase;
const tenantId = randomUUID();
const key = () => randomBytes(32).toString('base64');

// rotation re-seals every row: on a database of its own, so no other test file's secrets are touched
beforeAll(async () => {
  database = await createIsolatedDatabase('rotation');
  const { name, migrations } = integrations.definition;
  const { entities } = integrations.parts;
  orm = await createOrm({ databaseUrl: database.databaseUrl, schema: name, entities, migrations });
});
afterAll(async () => {
  await orm?.close();
  await database?.drop();
});

describe('secret rotation', () => {
  it('re-seals every secret under the active key; the old key can then be retired', async () => {
    const k1 = key();
    const old = parseKeyRing(`k1:${k1}`, 'k1');
    const both = parseKeyRing(`k1:${k1},k2:${key()}`, 'k2');
    const connection = orm.em.getConnection();
    const plaintexts = ['{"credentials":{"secretKey":"sk_one"}}', '{"credentials":{"secretKey":"sk_two"}}'];
    const ids = plaintexts.map(() => randomUUID());
    for (const [index, provider] of ['STRIPE', 'TWILIO'].entries()) {
      await connection.execute(
        `insert into integrations.connections (id, tenant_id, provider, status, scopes, sealed_secrets, created_at, updated_at) values (?, ?, ?, 'CONNECTED', '{}', ?, now(), now())`,
        [ids[index], tenantId, provider, seal(plaintexts[index] as string, index === 0 ? old : both)],
      );
    }

    const counts = await rotateSecrets(orm.em.fork(), both);
    expect(counts).toMatchObject({ connections: 1 }); // only the row sealed under the old key

    const rows = await connection.execute<{ id: string; sealed_secrets: string }[]>(
      'select id, sealed_secrets from integrations.connections where tenant_id = ? order by provider',
      [tenantId],
    );
    expect(rows.map((row) => sealedKeyId(row.sealed_secrets))).toEqual(['k2', 'k2']);
    const onlyK2 = parseKeyRing(`k2:${both.keys.get('k2')?.toString('base64')}`, 'k2');
    expect(rows.map((row) => open(row.sealed_secrets, onlyK2))).toEqual(plaintexts);
    expect(await rotateSecrets(orm.em.fork(), both)).toMatchObject({ connections: 0 });
  });
});
