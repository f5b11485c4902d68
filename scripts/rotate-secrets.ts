/**
 * `npm run secrets:rotate`: re-seals every stored provider secret under SECRET_KEY_ACTIVE. Run it after
 * adding a new key to SECRET_KEYS and making it active; once it reports nothing left, retire the old key.
 */
import 'reflect-metadata';
import { createOrm } from '@atelier/kit';
import { rotateSecrets } from '../subgraphs/integrations/src/secrets/rotate.ts';
import { keyRing } from '../subgraphs/integrations/src/secrets/secret-box.ts';
import { integrations } from '../subgraphs/integrations/src/subgraph.ts';

const databaseUrl = process.env.DATABASE_URL ?? `postgresql://postgres:postgres@127.0.0.1:${process.env.EMBEDDED_PG_PORT ?? 5499}/atelier`;
const { name, migrations } = integrations.definition;
const { entities } = integrations.parts;
const orm = await createOrm({ databaseUrl, schema: name, entities, migrations });
try {
  const counts = await rotateSecrets(orm.em.fork(), keyRing());
  console.log(
    `re-sealed under key "${keyRing().activeId}": ${Object.entries(counts)
      .map(([table, n]) => `${table} ${n}`)
      .join(', ')}`,
  );
} finally {
  await orm.close();
}
