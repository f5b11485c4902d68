/**
 * A day in the life of the demo shop, written through the public API as a service advisor would: so a
 * first `npm start` shows a job board with work in every column, a calendar with bookings and a
 * catalogue to build estimates from, and so this stays in step with the API (its test runs it).
 */

type Run = (query: string, variables?: Record<string, unknown>) => Promise<Record<string, any>>;

/** A GraphQL client for the gateway, signed in as the given user. */
export async function gatewayClient(gatewayUrl: string, credentials: { email: string; password: string }): Promise<Run> {
  const post = async (query: string, variables: Record<string, unknown>, token?: string) => {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Record<string, any>; errors?: { message: string }[] };
    if (body.errors?.length || !body.data) throw new Error(`demo data: ${body.errors?.map((e) => e.message).join('; ') ?? response.status}`);
    return body.data;
  };
  const { login } = await post(`mutation($input: LoginInput!) { login(input: $input) { token } }`, {
    input: { email: credentials.email, password: credentials.password },
  });
  return (query, variables = {}) => post(query, variables, login.token as string);
}

const day = (offsetDays: number, hour: number, minute = 0) => {
  const date = new Date();
  date.setUTCHours(hour, minute, 0, 0);
  date.setUTCDate(date.getUTCDate() + offsetDays);
  return date.toISOString();
};

export async function seedDemoWorkshop(run: Run): Promise<{ workOrders: number }> {
  const id = async (query: string, variables: Record<string, unknown> = {}) => Object.values(await run(query, variables))[0].id as string;

  const technicians = {
    rosa: await id(`mutation { createTechnician(input: { name: "Rosa Diaz", skills: ["brakes", "diagnostics"] }) { id } }`),
    ken: await id(`mutation { createTechnician(input: { name: "Ken Adams", skills: ["engines", "electrical"] }) { id } }`),
  };
  const service = {
    oil: await id(
      `mutation { createServiceItem(input: { code: "OIL", name: "Oil and filter change", kind: LABOUR, standardHours: 0.5, rate: 9000, currency: "EUR" }) { id } }`,
    ),
    brakes: await id(
      `mutation { createServiceItem(input: { code: "BRK-F", name: "Replace front brake pads", kind: LABOUR, standardHours: 1.5, rate: 9000, currency: "EUR" }) { id } }`,
    ),
    diagnosis: await id(
      `mutation { createServiceItem(input: { code: "DIAG", name: "Diagnosis", kind: LABOUR, standardHours: 1, rate: 9000, currency: "EUR" }) { id } }`,
    ),
    disposal: await id(
      `mutation { createServiceItem(input: { code: "DISP", name: "Waste disposal", kind: FEE, rate: 450, currency: "EUR", taxable: false }) { id } }`,
    ),
  };
  const parts = {
    oil: await id(
      `mutation { createProduct(input: { partNumber: "OIL-5W30-5L", name: "Engine oil 5W-30, 5 l", price: 4290, currency: "EUR", stockOnHand: 12 }) { id } }`,
    ),
    filter: await id(`mutation { createProduct(input: { partNumber: "OF-77", name: "Oil filter", price: 890, currency: "EUR", stockOnHand: 20 }) { id } }`),
    pads: await id(
      `mutation { createProduct(input: { partNumber: "BP-1234", name: "Front brake pads", price: 4250, currency: "EUR", stockOnHand: 6 }) { id } }`,
    ),
  };

  const people = [
    {
      name: 'Grace Hopper',
      email: 'grace@example.com',
      phone: '+15550100001',
      make: 'Toyota',
      model: 'Corolla',
      year: 2019,
      plate: 'GH-2019',
      mileage: 48_210,
    },
    {
      name: 'Alan Turing',
      email: 'alan@example.com',
      phone: '+15550100002',
      make: 'Volkswagen',
      model: 'Golf',
      year: 2016,
      plate: 'AT-1912',
      mileage: 112_400,
    },
    { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+15550100003', make: 'Honda', model: 'Jazz', year: 2021, plate: 'AL-1815', mileage: 21_050 },
    {
      name: 'Katherine Johnson',
      email: 'katherine@example.com',
      phone: '+15550100004',
      make: 'Ford',
      model: 'Focus',
      year: 2018,
      plate: 'KJ-1918',
      mileage: 77_300,
    },
  ];
  const customers: { customerId: string; vehicleId: string; mileage: number }[] = [];
  for (const person of people) {
    const customerId = await id(`mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`, {
      input: { name: person.name, email: person.email, phone: person.phone },
    });
    const vehicleId = await id(`mutation($input: CreateVehicleInput!) { createVehicle(input: $input) { id } }`, {
      input: { make: person.make, model: person.model, year: person.year, plate: person.plate, mileage: person.mileage, ownerId: customerId },
    });
    customers.push({ customerId, vehicleId, mileage: person.mileage });
  }

  const bookings = [
    { who: 0, technicianId: technicians.rosa, bay: 'Bay 1', startsAt: day(0, 8), endsAt: day(0, 10), notes: 'Brakes grinding' },
    { who: 1, technicianId: technicians.ken, bay: 'Bay 2', startsAt: day(0, 9), endsAt: day(0, 11), notes: 'Engine warning light' },
    { who: 2, technicianId: technicians.ken, bay: 'Bay 2', startsAt: day(1, 9), endsAt: day(1, 10), notes: 'Annual service' },
    { who: 3, technicianId: technicians.rosa, bay: 'Bay 1', startsAt: day(1, 13), endsAt: day(1, 14, 30), notes: 'Oil change' },
  ];
  for (const { who, ...booking } of bookings) {
    await run(`mutation($input: CreateAppointmentInput!) { createAppointment(input: $input) { id } }`, {
      input: { ...booking, customerId: customers[who]?.customerId, vehicleId: customers[who]?.vehicleId },
    });
  }

  /** Work orders along the flow, so every column of the job board has a card. */
  const path = ['sendEstimate', 'approveWorkOrder', 'startWorkOrder', 'markWorkOrderReady'];
  const jobs: { who: number; complaint: string; lines: Record<string, unknown>[]; steps: number }[] = [
    {
      who: 0,
      complaint: 'Grinding noise when braking',
      lines: [
        { kind: 'LABOUR', serviceItemId: service.brakes, technicianId: technicians.rosa },
        { kind: 'PART', productId: parts.pads },
        { kind: 'FEE', serviceItemId: service.disposal },
      ],
      steps: 3,
    },
    { who: 1, complaint: 'Engine warning light on', lines: [{ kind: 'LABOUR', serviceItemId: service.diagnosis, technicianId: technicians.ken }], steps: 1 },
    {
      who: 2,
      complaint: 'Annual service',
      lines: [
        { kind: 'LABOUR', serviceItemId: service.oil, technicianId: technicians.ken },
        { kind: 'PART', productId: parts.oil },
        { kind: 'PART', productId: parts.filter },
      ],
      steps: 0,
    },
    {
      who: 3,
      complaint: 'Oil change',
      lines: [
        { kind: 'LABOUR', serviceItemId: service.oil, technicianId: technicians.rosa },
        { kind: 'PART', productId: parts.oil },
        { kind: 'PART', productId: parts.filter },
      ],
      steps: 4,
    },
    { who: 0, complaint: 'Wiper blades', lines: [{ kind: 'PART', description: 'Wiper blade set', unitPrice: 2400 }], steps: 2 },
  ];
  for (const job of jobs) {
    const customer = customers[job.who] as (typeof customers)[number];
    const workOrderId = await id(`mutation($input: CreateWorkOrderInput!) { createWorkOrder(input: $input) { id } }`, {
      input: {
        customerId: customer.customerId,
        vehicleId: customer.vehicleId,
        currency: 'EUR',
        taxRate: 19,
        complaint: job.complaint,
        odometerIn: customer.mileage + 5,
      },
    });
    for (const line of job.lines)
      await run(`mutation($id: ID!, $input: AddWorkOrderLineInput!) { addWorkOrderLine(workOrderId: $id, input: $input) { id } }`, {
        id: workOrderId,
        input: line,
      });
    for (const verb of path.slice(0, job.steps)) await run(`mutation($id: ID!) { ${verb}(id: $id) { id } }`, { id: workOrderId });
  }
  return { workOrders: jobs.length };
}
