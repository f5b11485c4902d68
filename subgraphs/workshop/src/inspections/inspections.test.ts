import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, expectData, graphql } from '../../../../test/support/graphql.ts';
import { startSystem, type TestSystem } from '../../../../test/support/system.ts';
import { setUpShop, workOrderApi, type Shop } from '../../test-support/work-orders.ts';

const INSPECTION = `id status sentAt decidedAt items { id name condition notes photos decision decidedBy recommendedTotal recommendation { kind description partNumber quantity unitPrice total } }`;

let system: TestSystem;
let shop: Shop;
let orders: ReturnType<typeof workOrderApi>;

const call = (query: string, variables: Record<string, unknown> = {}) => graphql(system.gatewayUrl, query, variables, shop.org);
const data = (query: string, variables: Record<string, unknown> = {}) => expectData(system.gatewayUrl, query, variables, shop.org);
const createInspection = async (workOrderId: string, standardChecklist?: boolean) =>
  (
    await data(`mutation($input: CreateInspectionInput!) { createInspection(input: $input) { ${INSPECTION} } }`, {
      input: { workOrderId, technicianId: shop.technicianId, standardChecklist },
    })
  ).createInspection;
const updateItem = (id: string, input: Record<string, unknown>) =>
  call(`mutation($id: ID!, $input: UpdateInspectionItemInput!) { updateInspectionItem(id: $id, input: $input) { ${INSPECTION} } }`, { id, input });
const send = (id: string) => call(`mutation($id: ID!) { sendInspection(id: $id) { ${INSPECTION} } }`, { id });
const decide = (id: string, decision: string) =>
  call(
    `mutation($id: ID!, $decision: RecommendationDecision!) { decideRecommendation(id: $id, decision: $decision, decidedBy: "Grace Hopper by phone") { ${INSPECTION} } }`,
    { id, decision },
  );
const getInspection = async (id: string) => (await data(`query($id: ID!) { inspection(id: $id) { ${INSPECTION} } }`, { id })).inspection;

beforeAll(async () => {
  system = await startSystem();
  shop = await setUpShop(system);
  orders = workOrderApi(system, shop);
});
afterAll(() => system?.stop());

describe('digital vehicle inspections through the gateway', () => {
  it('rates a checklist, recommends priced repairs, and turns what the customer approves into work-order lines', async () => {
    const order = await orders.create({ taxRate: 16 });
    const inspection = await createInspection(order.id);
    expect(inspection.items).toHaveLength(12);
    expect(inspection.items.every((item: { condition: unknown }) => item.condition === null)).toBe(true);

    const [tyres, brakes, , , , lights] = inspection.items;
    // every item rated; brakes urgent with a repair of labour and parts; lights need attention, a bulb by hand
    for (const item of inspection.items) expect((await updateItem(item.id, { condition: 'GOOD' })).errors).toBeUndefined();
    const brakeRepair = await updateItem(brakes.id, {
      condition: 'URGENT',
      notes: 'Pads at 2 mm, disc scored',
      photos: ['https://photos.example.test/brakes-1.jpg'],
      recommendation: [
        { kind: 'LABOUR', serviceItemId: shop.labourItemId, technicianId: shop.technicianId },
        { kind: 'PART', productId: shop.productId, quantity: 2 },
      ],
    });
    expect(brakeRepair.errors).toBeUndefined();
    const bulb = await updateItem(lights.id, {
      condition: 'ATTENTION',
      recommendation: [{ kind: 'PART', description: 'H7 bulb, left dipped beam', unitPrice: 1250 }],
    });
    const rated = bulb.data?.updateInspectionItem;
    const brakesRated = rated.items.find((item: { id: string }) => item.id === brakes.id);
    expect(brakesRated).toMatchObject({ condition: 'URGENT', photos: ['https://photos.example.test/brakes-1.jpg'], recommendedTotal: 14250 + 8500 });
    expect(brakesRated.recommendation).toEqual([
      { kind: 'LABOUR', description: 'Replace front brake pads', partNumber: null, quantity: 1.5, unitPrice: 9500, total: 14250 },
      { kind: 'PART', description: 'Front brake pads', partNumber: 'BP-1234', quantity: 2, unitPrice: 4250, total: 8500 },
    ]);

    const sent = (await send(inspection.id)).data?.sendInspection;
    expect(sent.status).toBe('SENT');
    expect(
      sent.items.filter((item: { decision: string | null }) => item.decision).map((item: { id: string; decision: string }) => [item.id, item.decision]),
    ).toEqual([
      [brakes.id, 'PENDING'],
      [lights.id, 'PENDING'],
    ]);
    expect(errorOf(await updateItem(tyres.id, { notes: 'too late' }))).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['status'] });

    expect((await decide(brakes.id, 'APPROVED')).errors).toBeUndefined();
    const afterBrakes = await orders.get(order.id);
    expect(afterBrakes.lines.map((line: { description: string; total: number }) => [line.description, line.total])).toEqual([
      ['Replace front brake pads', 14250],
      ['Front brake pads', 8500],
    ]);
    expect(afterBrakes).toMatchObject({ subtotal: 22750, taxTotal: 3640, total: 26390 });

    const declined = (await decide(lights.id, 'DECLINED')).data?.decideRecommendation;
    expect(declined.status).toBe('DECIDED');
    expect(declined.items.find((item: { id: string }) => item.id === lights.id)).toMatchObject({ decision: 'DECLINED', decidedBy: 'Grace Hopper by phone' });
    expect((await orders.get(order.id)).lines).toHaveLength(2); // the declined bulb is not billed

    // an answer is final: approving again does not add the lines twice
    expect(errorOf(await decide(brakes.id, 'APPROVED'))).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['decision'] });
    expect((await orders.get(order.id)).lines).toHaveLength(2);

    const { workOrder } = await data(`query($id: ID!) { workOrder(id: $id) { inspections { id status } } }`, { id: order.id });
    expect(workOrder.inspections).toEqual([{ id: inspection.id, status: 'DECIDED' }]);
  });

  it('refuses bad items and unrated sends, naming each field, and writes nothing', async () => {
    const order = await orders.create();
    const inspection = await createInspection(order.id, false);
    expect(inspection.items).toEqual([]);
    expect(errorOf(await send(inspection.id))).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['items'] });

    const add = (input: Record<string, unknown>) =>
      call(`mutation($id: ID!, $input: AddInspectionItemInput!) { addInspectionItem(inspectionId: $id, input: $input) { ${INSPECTION} } }`, {
        id: inspection.id,
        input,
      });
    expect(errorOf(await add({ name: 'Tyres', photos: ['http://insecure.example.test/a.jpg'] }))).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['photos'] });
    expect(errorOf(await add({ name: 'Tyres', condition: 'GOOD', recommendation: [{ kind: 'FEE', description: 'Nothing', unitPrice: 100 }] }))).toMatchObject({
      fields: ['recommendation'],
    });
    expect(errorOf(await add({ name: 'Brakes', condition: 'URGENT', recommendation: [{ kind: 'LABOUR', description: 'Brakes', quantity: 1 }] }))).toMatchObject(
      { fields: ['recommendation.0.unitPrice'] },
    );
    expect(errorOf(await add({ name: 'Brakes', condition: 'URGENT', recommendation: [{ kind: 'PART', description: 'Pads', quantity: -2 }] }))).toMatchObject({
      fields: ['recommendation.0.quantity'],
    });
    expect((await getInspection(inspection.id)).items).toEqual([]);

    expect((await add({ name: 'Wipers' })).errors).toBeUndefined();
    const unrated = await send(inspection.id);
    expect(errorOf(unrated)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['items.0.condition'] });
    expect((await getInspection(inspection.id)).status).toBe('IN_PROGRESS');

    const closed = await orders.create();
    await orders.verb('cancelWorkOrder', closed.id, { reason: 'Customer went elsewhere' });
    const onCancelled = await call(`mutation($input: CreateInspectionInput!) { createInspection(input: $input) { id } }`, {
      input: { workOrderId: closed.id },
    });
    expect(errorOf(onCancelled)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['workOrderId'] });
  });

  it('lists SEND with the reasons sendInspection refuses with, until every item is rated, and blocked once sent', async () => {
    const order = await orders.create();
    const inspection = await createInspection(order.id, false);
    const actionsOf = async () =>
      (
        await data(`query($id: ID!) { inspection(id: $id) { availableActions { action mutation next allowed reasons { field message } } } }`, {
          id: inspection.id,
        })
      ).inspection.availableActions;
    const refusalOf = async () => (await send(inspection.id)).errors?.[0]?.extensions?.fields;
    expect(await actionsOf()).toEqual([
      {
        action: 'SEND',
        mutation: 'sendInspection',
        next: true,
        allowed: false,
        reasons: [{ field: 'items', message: 'an inspection without items cannot be sent' }],
      },
    ]);
    expect(await refusalOf()).toEqual((await actionsOf())[0].reasons);

    const add = (input: Record<string, unknown>) =>
      call(`mutation($id: ID!, $input: AddInspectionItemInput!) { addInspectionItem(inspectionId: $id, input: $input) { ${INSPECTION} } }`, {
        id: inspection.id,
        input,
      });
    expect((await add({ name: 'Wipers', condition: 'GOOD' })).errors).toBeUndefined();
    expect((await add({ name: 'Horn' })).errors).toBeUndefined();
    const [unrated] = await actionsOf();
    expect(unrated).toMatchObject({ allowed: false, reasons: [{ field: 'items.1.condition', message: '"Horn" is not rated yet' }] });
    expect(await refusalOf()).toEqual(unrated.reasons);

    const horn = (await getInspection(inspection.id)).items[1];
    expect((await updateItem(horn.id, { condition: 'GOOD' })).errors).toBeUndefined();
    expect(await actionsOf()).toEqual([{ action: 'SEND', mutation: 'sendInspection', next: true, allowed: true, reasons: [] }]);
    expect((await send(inspection.id)).errors).toBeUndefined();
    const [sent] = await actionsOf();
    expect(sent).toEqual({
      action: 'SEND',
      mutation: 'sendInspection',
      next: false,
      allowed: false,
      reasons: [{ field: 'status', message: 'the inspection was already sent to the customer (DECIDED)' }],
    });
    expect(await refusalOf()).toEqual(sent.reasons);
  });

  it("adds and removes the lines of an item's recommended repair one at a time, priced as typed or from the catalogue", async () => {
    const order = await orders.create();
    const inspection = await createInspection(order.id);
    const [tyres, brakes] = inspection.items;
    const addLine = (id: string, input: Record<string, unknown>) =>
      call(`mutation($id: ID!, $input: AddWorkOrderLineInput!) { addRecommendedLine(id: $id, input: $input) { ${INSPECTION} } }`, { id, input });
    const removeLine = (id: string, index: number) =>
      call(`mutation($id: ID!, $index: Int!) { removeRecommendedLine(id: $id, index: $index) { ${INSPECTION} } }`, { id, index });
    const itemOf = (inspectionData: { items: { id: string }[] }, id: string) => inspectionData.items.find((item) => item.id === id);

    expect((await updateItem(tyres.id, { condition: 'GOOD' })).errors).toBeUndefined();
    expect(errorOf(await addLine(tyres.id, { kind: 'PART', description: 'Tyre', unitPrice: 8000 }))).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['id'] });
    expect(errorOf(await addLine(brakes.id, { kind: 'LABOUR', description: 'Brakes' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['quantity', 'unitPrice'],
    });
    expect(itemOf(await getInspection(inspection.id), brakes.id)).toMatchObject({ recommendation: [], recommendedTotal: 0 });

    expect((await updateItem(brakes.id, { condition: 'URGENT' })).errors).toBeUndefined();
    const typed = await addLine(brakes.id, { kind: 'PART', description: 'Brake cleaner', quantity: 2, unitPrice: 1990 });
    expect(typed.errors).toBeUndefined();
    const both = (await addLine(brakes.id, { kind: 'LABOUR', serviceItemId: shop.labourItemId, technicianId: shop.technicianId })).data?.addRecommendedLine;
    expect(itemOf(both, brakes.id)).toMatchObject({
      recommendedTotal: 3980 + 14250,
      recommendation: [
        { kind: 'PART', description: 'Brake cleaner', quantity: 2, unitPrice: 1990, total: 3980 },
        { kind: 'LABOUR', description: 'Replace front brake pads', quantity: 1.5, unitPrice: 9500, total: 14250 },
      ],
    });

    expect(errorOf(await removeLine(brakes.id, 2))).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['index'] });
    const labourOnly = (await removeLine(brakes.id, 0)).data?.removeRecommendedLine;
    expect(itemOf(labourOnly, brakes.id)).toMatchObject({ recommendedTotal: 14250, recommendation: [{ description: 'Replace front brake pads' }] });
    const none = (await removeLine(brakes.id, 0)).data?.removeRecommendedLine;
    expect(itemOf(none, brakes.id)).toMatchObject({ recommendation: [], recommendedTotal: 0 });

    expect((await addLine(brakes.id, { kind: 'FEE', description: 'Disposal', unitPrice: 500 })).errors).toBeUndefined();
    for (const item of inspection.items.slice(2)) expect((await updateItem(item.id, { condition: 'GOOD' })).errors).toBeUndefined();
    expect((await send(inspection.id)).errors).toBeUndefined();
    expect(errorOf(await addLine(brakes.id, { kind: 'FEE', description: 'Late fee', unitPrice: 500 }))).toMatchObject({ fields: ['status'] });
    expect(errorOf(await removeLine(brakes.id, 0))).toMatchObject({ fields: ['status'] });
    expect(itemOf(await getInspection(inspection.id), brakes.id)).toMatchObject({ decision: 'PENDING', recommendation: [{ description: 'Disposal' }] });
  });

  it("keeps one organization's inspections from another", async () => {
    const order = await orders.create();
    const inspection = await createInspection(order.id);
    const other = await system.createOrganization();
    expect((await expectData(system.gatewayUrl, `query($id: ID!) { inspection(id: $id) { id } }`, { id: inspection.id }, other)).inspection).toBeNull();
    const foreign = await graphql(
      system.gatewayUrl,
      `
        mutation ($id: ID!) {
          updateInspectionItem(id: $id, input: { condition: URGENT }) {
            id
          }
        }
      `,
      { id: inspection.items[0].id },
      other,
    );
    expect(errorOf(foreign).code).toBe('NOT_FOUND');
    const foreignLine = await graphql(
      system.gatewayUrl,
      `
        mutation ($id: ID!) {
          addRecommendedLine(id: $id, input: { kind: FEE, description: "Theirs", unitPrice: 100 }) {
            id
          }
        }
      `,
      { id: inspection.items[0].id },
      other,
    );
    expect(errorOf(foreignLine).code).toBe('NOT_FOUND');
    expect(
      errorOf(
        await graphql(
          system.gatewayUrl,
          `
            mutation ($id: ID!) {
              removeRecommendedLine(id: $id, index: 0) {
                id
              }
            }
          `,
          { id: inspection.items[0].id },
          other,
        ),
      ).code,
    ).toBe('NOT_FOUND');
    const onForeignOrder = await graphql(
      system.gatewayUrl,
      `
        mutation ($input: CreateInspectionInput!) {
          createInspection(input: $input) {
            id
          }
        }
      `,
      { input: { workOrderId: order.id } },
      other,
    );
    expect(errorOf(onForeignOrder)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['workOrderId'] });
  });
});
