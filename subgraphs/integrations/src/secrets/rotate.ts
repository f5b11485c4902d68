import { type EntityManager } from '@atelier/kit';
import { keyRing, open, seal, sealedKeyId, type KeyRing } from './secret-box.ts';

/** Every column that holds sealed secrets. A new one must be listed here to take part in rotation. */
export const SEALED_COLUMNS = [
  { table: 'connections', column: 'sealed_secrets' },
  { table: 'oauth_states', column: 'sealed_code_verifier' },
  { table: 'webhook_endpoints', column: 'sealed_secret' },
] as const;

/**
 * Re-seals every secret that is not under the active key, in batches, each row in its own short
 * update: old keys can be retired once this reports nothing left to do.
 */
export async function rotateSecrets(em: EntityManager, keys: KeyRing = keyRing()): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const connection = em.getConnection();
  for (const { table, column } of SEALED_COLUMNS) {
    counts[table] = 0;
    for (;;) {
      const rows = await connection.execute<{ id: string; value: string }[]>(
        `select ctid::text as id, "${column}" as value from "integrations"."${table}" where "${column}" is not null and split_part("${column}", '.', 2) <> ? limit 500`,
        [keys.activeId],
      );
      if (!rows.length) break;
      for (const row of rows) {
        if (sealedKeyId(row.value) === keys.activeId) continue;
        const resealed = seal(open(row.value, keys), keys);
        // compare-and-set: a concurrent writer's newer value is never overwritten with an old one
        await connection.execute(`update "integrations"."${table}" set "${column}" = ? where ctid = ?::tid and "${column}" = ?`, [resealed, row.id, row.value]);
        counts[table] += 1;
      }
    }
  }
  return counts;
}
