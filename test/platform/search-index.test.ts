import { type EntityManager } from '@atelier/kit';
import { toWhere } from '@atelier/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Customer } from '../../subgraphs/crm/src/customers/customer.entity.ts';
import { Vehicle } from '../../subgraphs/workshop/src/vehicles/vehicle.entity.ts';
import { startSystem, type TestSystem } from '../support/system.ts';

let system: TestSystem;

beforeAll(async () => {
  system = await startSystem();
});
afterAll(() => system?.stop());

/** The plan of the statement a list's search runs, with sequential scans priced out so an index shows if there is one. */
async function searchPlan(em: EntityManager, entity: typeof Customer | typeof Vehicle, columns: string[], q: string): Promise<string> {
  const sql = em
    .createQueryBuilder(entity as never)
    .select('*')
    .where(toWhere({ q }, columns) as never)
    .getFormattedQuery();
  return em.transactional(async (tx) => {
    await tx.execute('set local enable_seqscan = off');
    const rows = await tx.execute<{ 'QUERY PLAN': string }[]>(`explain ${sql}`);
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  });
}

describe('search indexes', () => {
  it("reads trigram indexes for a search's words in every searched column", async () => {
    const crm = system.product.subgraphs.crm.orm.em.fork();
    const customers = await searchPlan(crm, Customer, ['name', 'email', 'phone'], 'ada london');
    for (const column of ['name', 'email', 'phone']) expect(customers).toContain(`customers_${column}_trgm`);

    const workshop = system.product.subgraphs.workshop.orm.em.fork();
    const vehicles = await searchPlan(workshop, Vehicle, ['vin', 'plate', 'make', 'model'], 'honda accord');
    for (const column of ['vin', 'plate', 'make', 'model']) expect(vehicles).toContain(`vehicles_${column}_trgm`);
    expect(vehicles).not.toContain('Seq Scan');
  });
});
