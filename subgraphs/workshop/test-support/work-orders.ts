import { expectData, graphql, type GraphQLResponse } from '../../../test/support/graphql.ts';
import { type TestOrganization, type TestSystem } from '../../../test/support/system.ts';

export const WORK_ORDER_FIELDS = `id number status customerId vehicleId currency taxRate labourTotal partsTotal feesTotal subtotal taxTotal total
  odometerIn odometerOut approvedBy cancellationReason updatedAt
  lines { id kind description partNumber quantity unitPrice total taxable technicianId productId serviceItemId }`;

/** A shop with what a work order needs: a customer, their vehicle, a technician, catalogue entries and a part. */
export interface Shop {
  org: TestOrganization;
  customerId: string;
  vehicleId: string;
  technicianId: string;
  labourItemId: string;
  feeItemId: string;
  productId: string;
}

export async function setUpShop(system: TestSystem, org?: TestOrganization): Promise<Shop> {
  const as = org ?? (await system.createOrganization());
  const run = (query: string, variables: Record<string, unknown> = {}) => expectData(system.gatewayUrl, query, variables, as);
  const { createCustomer } = await run(`mutation { createCustomer(input: { name: "Grace Hopper", email: "grace@example.test" }) { id } }`);
  const { createVehicle } = await run(
    `mutation($owner: ID) { createVehicle(input: { make: "Toyota", model: "Corolla", year: 2019, mileage: 50000, ownerId: $owner }) { id } }`,
    { owner: createCustomer.id },
  );
  const { createTechnician } = await run(`mutation { createTechnician(input: { name: "Rosa Parks" }) { id } }`);
  const { createServiceItem: labour } = await run(
    `mutation { createServiceItem(input: { code: "BRK-F", name: "Replace front brake pads", kind: LABOUR, standardHours: 1.5, rate: 9500, currency: "EUR" }) { id } }`,
  );
  const { createServiceItem: fee } = await run(
    `mutation { createServiceItem(input: { code: "DISP", name: "Waste disposal", kind: FEE, rate: 450, currency: "EUR", taxable: false }) { id } }`,
  );
  const { createProduct } = await run(
    `mutation { createProduct(input: { partNumber: "BP-1234", name: "Front brake pads", price: 4250, currency: "EUR", stockOnHand: 8 }) { id } }`,
  );
  return {
    org: as,
    customerId: createCustomer.id,
    vehicleId: createVehicle.id,
    technicianId: createTechnician.id,
    labourItemId: labour.id,
    feeItemId: fee.id,
    productId: createProduct.id,
  };
}

export function workOrderApi(system: TestSystem, shop: Shop) {
  const call = (query: string, variables: Record<string, unknown> = {}, as: TestOrganization = shop.org): Promise<GraphQLResponse> =>
    graphql(system.gatewayUrl, query, variables, as);
  const data = async (query: string, variables: Record<string, unknown> = {}, as: TestOrganization = shop.org) =>
    expectData(system.gatewayUrl, query, variables, as);
  return {
    call,
    create: async (input: Record<string, unknown> = {}) =>
      (
        await data(`mutation($input: CreateWorkOrderInput!) { createWorkOrder(input: $input) { ${WORK_ORDER_FIELDS} } }`, {
          input: { customerId: shop.customerId, vehicleId: shop.vehicleId, currency: 'EUR', complaint: 'Grinding noise when braking', ...input },
        })
      ).createWorkOrder,
    addLine: (workOrderId: string, input: Record<string, unknown>, as?: TestOrganization) =>
      call(
        `mutation($workOrderId: ID!, $input: AddWorkOrderLineInput!) { addWorkOrderLine(workOrderId: $workOrderId, input: $input) { ${WORK_ORDER_FIELDS} } }`,
        { workOrderId, input },
        as,
      ),
    updateLine: (id: string, input: Record<string, unknown>) =>
      call(`mutation($id: ID!, $input: UpdateWorkOrderLineInput!) { updateWorkOrderLine(id: $id, input: $input) { ${WORK_ORDER_FIELDS} } }`, { id, input }),
    get: async (id: string) => (await data(`query($id: ID!) { workOrder(id: $id) { ${WORK_ORDER_FIELDS} } }`, { id })).workOrder,
    /** Calls a status verb (`sendEstimate`, `completeWorkOrder`, ...) with its arguments. */
    verb: (name: string, id: string, args: Record<string, unknown> = {}) => {
      const declared = Object.entries(args).map(([key, value]) => `$${key}: ${typeof value === 'number' ? 'Int' : 'String!'}`);
      const passed = Object.keys(args).map((key) => `${key}: $${key}`);
      return call(
        `mutation($id: ID!${declared.map((d) => `, ${d}`).join('')}) { ${name}(id: $id${passed.map((p) => `, ${p}`).join('')}) { ${WORK_ORDER_FIELDS} } }`,
        { id, ...args },
      );
    },
  };
}
