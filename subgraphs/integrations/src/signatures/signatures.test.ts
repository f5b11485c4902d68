import { type DocuSignFake } from '@atelier/fakes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, expectData, graphql } from '../../../../test/support/graphql.ts';
import { startSystem, type TestOrganization, type TestSystem } from '../../../../test/support/system.ts';
import { setUpShop, workOrderApi, type Shop } from '../../../workshop/test-support/work-orders.ts';
import { addConnectKey, docusignConnector, docusignTestEnvironment, pdfText, projected as projectedIn } from '../../test-support/signatures.ts';

let system: TestSystem;
let fake: DocuSignFake;
let restore: () => Promise<void>;
let shop: Shop;
let api: ReturnType<typeof workOrderApi>;
let connectionId: string;

const docusign = docusignConnector(
  () => system,
  () => shop.org,
  () => fake,
);
const { db } = docusign;

const REQUEST_FIELDS = `id workOrderId workOrderNumber envelopeId status signerName signerEmail total currency sentAt deliveredAt completedAt
  declinedAt declineReason voidedAt voidReason signedPdfSize signedDocumentUrl estimateDocumentUrl`;
const REQUEST = `mutation($id: ID!) { requestEstimateSignature(workOrderId: $id) { ${REQUEST_FIELDS} } }`;
const ORDER_WITH_SIGNATURES = `query($id: ID!) { workOrder(id: $id) { id number status approvedBy signatureRequests { ${REQUEST_FIELDS} } } }`;

const request = (workOrderId: string, as: TestOrganization = shop.org) => graphql(system.gatewayUrl, REQUEST, { id: workOrderId }, as);
const sent = async (workOrderId: string) => (await expectData(system.gatewayUrl, REQUEST, { id: workOrderId }, shop.org)).requestEstimateSignature;
const withSignatures = async (workOrderId: string, as: TestOrganization = shop.org) =>
  (await expectData(system.gatewayUrl, ORDER_WITH_SIGNATURES, { id: workOrderId }, as)).workOrder;
const count = async (sql: string, params: unknown[] = []) => (await db().execute(sql, params))[0].n as number;
const signatureRows = () => count('select count(*)::int as n from integrations.signature_requests');
const envelopesCreated = () => fake.requests.filter((r) => r.method === 'POST' && /\/envelopes$/.test(r.path)).length;
const combinedDownloads = () => fake.requests.filter((r) => r.method === 'GET' && r.path.includes('/documents/combined')).length;
const projected = (workOrderId: string, total: number, status?: string) => projectedIn(system, workOrderId, total, status);
const fromDocuSign = (envelopeId: string, documentId: string) => docusign.documentAtDocuSign(connectionId, envelopeId, documentId);

/** A DRAFT work order with labour, a part and an untaxed fee, once integrations' projection has caught up with it. */
async function workOrderWithLines(forShop: Shop = shop) {
  const kit = workOrderApi(system, forShop);
  const order = await kit.create({ taxRate: 16 });
  await kit.addLine(order.id, { kind: 'LABOUR', serviceItemId: forShop.labourItemId, technicianId: forShop.technicianId });
  await kit.addLine(order.id, { kind: 'PART', productId: forShop.productId, quantity: 2 });
  const { data } = await kit.addLine(order.id, { kind: 'FEE', serviceItemId: forShop.feeItemId });
  const complete = data?.addWorkOrderLine;
  await projected(complete.id, complete.total);
  return complete;
}

const statusOf = async (workOrderId: string) => (await api.get(workOrderId)).status;
const requestOf = async (workOrderId: string, envelopeId: string) =>
  (await withSignatures(workOrderId)).signatureRequests.find((candidate: { envelopeId: string }) => candidate.envelopeId === envelopeId);

beforeAll(async () => {
  ({ fake, restore } = await docusignTestEnvironment());
  system = await startSystem({ isolated: true }); // its Connect processing calls this file's fake
  process.env.PUBLIC_URL = new URL(system.gatewayUrl).origin;
  shop = await setUpShop(system);
  api = workOrderApi(system, shop);
});
afterAll(async () => {
  await system?.stop();
  await restore?.();
});

describe('estimates signed through DocuSign', () => {
  it('refuses while the organization has no DocuSign connection, or one without its Connect key, and writes nothing', async () => {
    const order = await workOrderWithLines();
    expect(errorOf(await request(order.id))).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['workOrderId'],
      message: expect.stringContaining('DocuSign is not connected'),
    });

    connectionId = await docusign.connect({ connectKey: false });
    expect(errorOf(await request(order.id))).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['workOrderId'],
      message: expect.stringContaining('Connect HMAC key'),
    });
    expect(await signatureRows()).toBe(0);
    expect(envelopesCreated()).toBe(0);
    expect(await statusOf(order.id)).toBe('DRAFT');

    await addConnectKey(system, shop.org);
  });

  it('sends the estimate as a PDF to the customer; their signature approves the work order and the signed PDF is stored', async () => {
    const order = await workOrderWithLines();
    const signature = await sent(order.id);
    expect(signature).toMatchObject({
      workOrderId: order.id,
      workOrderNumber: order.number,
      status: 'SENT',
      signerName: 'Grace Hopper',
      signerEmail: 'grace@example.test',
      total: order.total,
      currency: 'EUR',
      completedAt: null,
      signedDocumentUrl: null,
    });

    // the envelope at DocuSign: the customer signs, its Connect messages come to this connection's webhook, signed
    const envelope = fake.envelopes.get(signature.envelopeId) as Record<string, any>;
    expect(envelope).toMatchObject({ status: 'sent', recipients: { signers: [{ email: 'grace@example.test', name: 'Grace Hopper', status: 'sent' }] } });
    const creation = JSON.parse(fake.requests.find((r) => r.method === 'POST' && /\/envelopes$/.test(r.path))?.body as string);
    expect(creation.eventNotification).toMatchObject({
      url: `${process.env.PUBLIC_URL}/webhooks/docusign/${connectionId}`,
      includeHMAC: 'true',
      events: expect.arrayContaining(['envelope-completed', 'envelope-declined', 'envelope-voided']),
    });

    // the document is the estimate: shop, number, customer, vehicle, lines and totals with tax
    const estimatePdf = await fromDocuSign(signature.envelopeId, '1');
    const text = await pdfText(estimatePdf);
    expect(text).toContain(fake.account.name);
    expect(text).toContain(`Estimate ${order.number}`);
    expect(text).toContain('Customer: Grace Hopper <grace@example.test>');
    expect(text).toContain('Vehicle: 2019 Toyota Corolla');
    expect(text).toContain('Replace front brake pads');
    expect(text).toContain('Front brake pads (BP-1234)');
    expect(text).toContain('Tax (16%)');
    // 1.5 h x 95.00 + 2 x 42.50 + 4.50 untaxed = 147.50 + 85.00 + 4.50; tax 16% of 227.50 = 36.40
    expect(order).toMatchObject({ labourTotal: 14250, partsTotal: 8500, feesTotal: 450, subtotal: 23200, taxTotal: 3640, total: 26840 });
    expect(text).toMatch(/Total\n268\.40 EUR/);
    expect(text).toContain('36.40 EUR');
    // what Atelier shows as sent is what DocuSign holds
    const estimateLink = await fetch(signature.estimateDocumentUrl);
    expect(Buffer.from(await estimateLink.arrayBuffer()).equals(estimatePdf)).toBe(true);

    await expect.poll(() => statusOf(order.id), { timeout: 10_000 }).toBe('ESTIMATE_SENT');

    const delivered = await fake.envelopes.signerSigns(signature.envelopeId);
    expect(delivered.map((webhook) => webhook.status)).toEqual([200, 200]); // envelope-delivered, envelope-completed
    await expect.poll(() => statusOf(order.id), { timeout: 15_000 }).toBe('APPROVED');
    const approved = await withSignatures(order.id);
    expect(approved.approvedBy).toBe(`e-signature of Grace Hopper (envelope ${signature.envelopeId})`);
    const [completed] = approved.signatureRequests;
    expect(completed).toMatchObject({
      id: signature.id,
      status: 'COMPLETED',
      completedAt: expect.any(String),
      deliveredAt: expect.any(String),
      signedDocumentUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/files\//),
    });

    // the signed PDF, through the gateway, is exactly DocuSign's combined document
    const download = await fetch(completed.signedDocumentUrl);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="${order.number}-signed.pdf"`);
    const signedPdf = Buffer.from(await download.arrayBuffer());
    expect(signedPdf.equals(await fromDocuSign(signature.envelopeId, 'combined'))).toBe(true);
    expect(completed.signedPdfSize).toBe(signedPdf.length);
    expect(await pdfText(signedPdf)).toContain('Signed by Grace Hopper <grace@example.test>');
  });

  it('handles a repeated Connect message once: copies are stored once, a replayed one changes nothing', async () => {
    const order = await workOrderWithLines();
    const signature = await sent(order.id);
    const downloadsBefore = combinedDownloads();
    // DocuSign retries: every message arrives twice, concurrently
    const deliveries = await fake.envelopes.signerSigns(signature.envelopeId, { copies: 2, concurrently: true });
    expect(deliveries.every((webhook) => webhook.status === 200)).toBe(true);
    await expect.poll(() => statusOf(order.id), { timeout: 15_000 }).toBe('APPROVED');
    await expect.poll(async () => (await requestOf(order.id, signature.envelopeId)).status, { timeout: 10_000 }).toBe('COMPLETED');
    const first = await requestOf(order.id, signature.envelopeId);
    const inbox = await count(`select count(*)::int as n from integrations.inbound_events where type = 'envelope-completed' and external_event_id like ?`, [
      `${signature.envelopeId}:%`,
    ]);
    expect(inbox).toBe(1);
    expect(combinedDownloads()).toBe(downloadsBefore + 1);

    // an admin replays the stored message: already COMPLETED, so no second download, event or change
    const [completedEvent] = await db().execute(`select id from integrations.inbound_events where type = 'envelope-completed' and external_event_id like ?`, [
      `${signature.envelopeId}:%`,
    ]);
    await expectData(system.gatewayUrl, `mutation($id: ID!) { replayInboundEvent(id: $id) { id } }`, { id: completedEvent.id }, shop.org);
    await expect
      .poll(async () => (await db().execute(`select status from integrations.inbound_events where id = ?`, [completedEvent.id]))[0].status, { timeout: 10_000 })
      .toBe('PROCESSED');
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // the processed event's consumer runs next
    expect(combinedDownloads()).toBe(downloadsBefore + 1);
    expect(await requestOf(order.id, signature.envelopeId)).toMatchObject({
      status: 'COMPLETED',
      completedAt: first.completedAt,
      signedPdfSize: first.signedPdfSize,
    });
  });

  it('shows a declined estimate with the reason; the work order waits in ESTIMATE_SENT', async () => {
    const order = await workOrderWithLines();
    const signature = await sent(order.id);
    await fake.envelopes.signerDeclines(signature.envelopeId, 'Too expensive, I will think about it');
    await expect.poll(async () => (await requestOf(order.id, signature.envelopeId)).status, { timeout: 10_000 }).toBe('DECLINED');
    expect(await requestOf(order.id, signature.envelopeId)).toMatchObject({
      declineReason: 'Too expensive, I will think about it',
      declinedAt: expect.any(String),
      signedDocumentUrl: null,
      completedAt: null,
    });
    expect(await statusOf(order.id)).toBe('ESTIMATE_SENT');
  });

  it('shows an envelope voided in DocuSign with the reason; the work order waits in ESTIMATE_SENT', async () => {
    const order = await workOrderWithLines();
    const signature = await sent(order.id);
    await fake.envelopes.senderVoids(signature.envelopeId, 'Customer called: wrong vehicle');
    await expect.poll(async () => (await requestOf(order.id, signature.envelopeId)).status, { timeout: 10_000 }).toBe('VOIDED');
    expect(await requestOf(order.id, signature.envelopeId)).toMatchObject({ voidReason: 'Customer called: wrong vehicle', voidedAt: expect.any(String) });
    expect(await statusOf(order.id)).toBe('ESTIMATE_SENT');
  });

  it('voids the pending envelope when the estimate is sent again, so only the newest can be signed', async () => {
    const order = await workOrderWithLines();
    const first = await sent(order.id);
    await projected(order.id, order.total, 'ESTIMATE_SENT');
    const second = await sent(order.id);
    expect(fake.envelopes.get(first.envelopeId)).toMatchObject({ status: 'voided', voidedReason: 'Replaced by a newer estimate sent from Atelier' });
    expect(fake.envelopes.get(second.envelopeId)).toMatchObject({ status: 'sent' });
    const requests = (await withSignatures(order.id)).signatureRequests;
    expect(requests.map((r: { envelopeId: string; status: string }) => [r.envelopeId, r.status]).sort()).toEqual(
      [
        [first.envelopeId, 'VOIDED'],
        [second.envelopeId, 'SENT'],
      ].sort(),
    );
  });

  it('voids a pending envelope once the estimate changes or the work order is cancelled; edits not on the estimate leave it', async () => {
    const order = await workOrderWithLines();
    const first = await sent(order.id);
    const update = (input: Record<string, unknown>) =>
      expectData(
        system.gatewayUrl,
        `mutation($id: ID!, $input: UpdateWorkOrderInput!) { updateWorkOrder(id: $id, input: $input) { total } }`,
        { id: order.id, input },
        shop.org,
      );
    const projectedField = async (field: string) =>
      (
        await db().execute(`select data->>? as value from integrations.synced_records where entity_type = 'workOrder' and internal_id = ?`, [field, order.id])
      )[0].value;
    const voidedAtDocuSign = (envelopeId: string) => (fake.envelopes.get(envelopeId) as { status: string }).status === 'voided';

    // the odometer is not on the estimate: the envelope stays open
    await update({ odometerIn: 50500 });
    await expect.poll(() => projectedField('odometerIn'), { timeout: 10_000 }).toBe('50500');
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // the same event's turn in the stale-estimate queue
    expect((await requestOf(order.id, first.envelopeId)).status).toBe('SENT');
    expect(voidedAtDocuSign(first.envelopeId)).toBe(false);

    // the tax rate is: voided here and at DocuSign, with the reason
    const { updateWorkOrder: retaxed } = await update({ taxRate: 7.5 });
    await expect.poll(async () => (await requestOf(order.id, first.envelopeId)).status, { timeout: 10_000 }).toBe('VOIDED');
    expect((await requestOf(order.id, first.envelopeId)).voidReason).toBe('The estimate changed after it was sent; send the new one for signature');
    expect(voidedAtDocuSign(first.envelopeId)).toBe(true);

    // sent again, the estimate has the new rate and still every line (the plain update carried none)
    await projected(order.id, retaxed.total, 'ESTIMATE_SENT');
    const second = await sent(order.id);
    const text = await pdfText(await fromDocuSign(second.envelopeId, '1'));
    expect(text).toContain('Tax (7.5%)');
    for (const line of ['Replace front brake pads', 'Front brake pads (BP-1234)', 'Waste disposal *']) expect(text).toContain(line);

    // a new line changes it too
    const { data } = await api.addLine(order.id, { kind: 'FEE', description: 'Brake fluid check', quantity: 1, unitPrice: 1500 });
    await expect.poll(async () => (await requestOf(order.id, second.envelopeId)).status, { timeout: 10_000 }).toBe('VOIDED');

    // and a cancelled work order leaves nothing to sign
    await projected(order.id, data?.addWorkOrderLine.total, 'ESTIMATE_SENT');
    const third = await sent(order.id);
    expect((await api.verb('cancelWorkOrder', order.id, { reason: 'Customer sold the car' })).errors).toBeUndefined();
    await expect.poll(async () => (await requestOf(order.id, third.envelopeId)).status, { timeout: 10_000 }).toBe('VOIDED');
    expect((await requestOf(order.id, third.envelopeId)).voidReason).toBe('The work order was cancelled');
    expect(voidedAtDocuSign(third.envelopeId)).toBe(true);
  });

  it('refuses a work order past its estimate, one without lines, a customer without email, or an unknown work order, writing nothing', async () => {
    const approved = await workOrderWithLines();
    for (const verb of ['sendEstimate', 'approveWorkOrder']) expect((await api.verb(verb, approved.id)).errors).toBeUndefined();
    await projected(approved.id, approved.total, 'APPROVED');

    const empty = await api.create();
    await projected(empty.id, 0);

    const { createCustomer } = await expectData(
      system.gatewayUrl,
      `mutation { createCustomer(input: { name: "Walk-in Without Email" }) { id } }`,
      {},
      shop.org,
    );
    const noEmail = await workOrderWithLines({
      ...shop,
      customerId: createCustomer.id,
      vehicleId: (await expectData(system.gatewayUrl, `mutation { createVehicle(input: { make: "Ford", model: "Focus" }) { id } }`, {}, shop.org)).createVehicle
        .id,
    });

    const rowsBefore = await signatureRows();
    const envelopesBefore = envelopesCreated();
    const refusals = [
      [approved.id, /is APPROVED: only a DRAFT or ESTIMATE_SENT/],
      [empty.id, /has no lines/],
      [noEmail.id, /Walk-in Without Email has no email address/],
      ['6f0c4c1e-0000-4000-8000-000000000000', /is not a work order of your organization/],
    ] as const;
    for (const [id, message] of refusals)
      expect(errorOf(await request(id))).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['workOrderId'], message: expect.stringMatching(message) });
    expect(await signatureRows()).toBe(rowsBefore);
    expect(envelopesCreated()).toBe(envelopesBefore);
    expect(await statusOf(noEmail.id)).toBe('DRAFT');
  });

  it('lets a service advisor send an estimate for signature; a technician may only look', async () => {
    const member = (role: string) => system.addMember(shop.org, role);
    const order = await workOrderWithLines();
    const technician = await member('TECHNICIAN');
    const rowsBefore = await signatureRows();
    expect(errorOf(await graphql(system.gatewayUrl, REQUEST, { id: order.id }, technician)).code).toBe('FORBIDDEN');
    expect(await signatureRows()).toBe(rowsBefore);

    const advisor = await member('SERVICE_ADVISOR');
    const { requestEstimateSignature } = await expectData(system.gatewayUrl, REQUEST, { id: order.id }, advisor);
    expect(requestEstimateSignature.status).toBe('SENT');
    const seen = await expectData(
      system.gatewayUrl,
      `query($id: ID!) { signatureRequests(filter: { workOrderId: { eq: $id } }) { nodes { id status } } }`,
      { id: order.id },
      technician,
    );
    expect(seen.signatureRequests.nodes).toEqual([{ id: requestEstimateSignature.id, status: 'SENT' }]);
  });

  it("keeps each organization's signature requests and documents to itself", async () => {
    const order = await workOrderWithLines();
    const signature = await sent(order.id);
    await fake.envelopes.signerSigns(signature.envelopeId);
    await expect.poll(async () => (await requestOf(order.id, signature.envelopeId)).status, { timeout: 15_000 }).toBe('COMPLETED');
    const { signedDocumentUrl, estimateDocumentUrl } = await requestOf(order.id, signature.envelopeId);

    const otherShop = await setUpShop(system);
    const other = otherShop.org;
    const seen = await expectData(
      system.gatewayUrl,
      `query($id: ID!) { signatureRequest(id: $id) { id } signatureRequests { totalCount } }`,
      { id: signature.id },
      other,
    );
    expect(seen).toEqual({ signatureRequest: null, signatureRequests: { totalCount: 0 } });
    // not its work order: refused, and no DocuSign of its own either
    const rowsBefore = await signatureRows();
    expect(errorOf(await request(order.id, other))).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['workOrderId'],
      message: expect.stringMatching(/not a work order of your organization/),
    });
    const own = await workOrderWithLines(otherShop);
    expect(errorOf(await request(own.id, other))).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('DocuSign is not connected') });
    expect(await signatureRows()).toBe(rowsBefore);

    // links only open what they were made for, and only unaltered
    const signedLink = new URL(signedDocumentUrl);
    expect((await fetch(signedLink)).status).toBe(200);
    const forged = new URL(signedLink);
    forged.searchParams.set('token', `${Date.now() + 3_600_000}.${signedLink.searchParams.get('token')?.split('.')[1]}`);
    expect((await fetch(forged)).status).toBe(404);
    const otherFile = new URL(estimateDocumentUrl);
    otherFile.searchParams.set('token', signedLink.searchParams.get('token') as string);
    expect((await fetch(otherFile)).status).toBe(404);
    expect((await fetch(`${signedLink.origin}${signedLink.pathname}`)).status).toBe(404);
    const expired = new URL(signedLink);
    expired.searchParams.set('token', `${Date.now() - 1}.${signedLink.searchParams.get('token')?.split('.')[1]}`);
    expect((await fetch(expired)).status).toBe(404);
  });
});
