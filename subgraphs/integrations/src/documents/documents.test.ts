import { GOOGLE_FAKE_CLIENT, startGoogleFake, type DocuSignFake, type GoogleFake } from '@atelier/fakes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, expectData, graphql } from '../../../../test/support/graphql.ts';
import { startSystem, type TestSystem } from '../../../../test/support/system.ts';
import { setUpShop, workOrderApi, type Shop } from '../../../workshop/test-support/work-orders.ts';
import { oauthTestKit } from '../../test-support/oauth.ts';
import { docusignConnector, docusignTestEnvironment, projected } from '../../test-support/signatures.ts';

const GOOGLE_ENV = ['GOOGLE_OAUTH_URL', 'GOOGLE_API_URL', 'GOOGLE_CLIENT_ID', 'GOOGLE_CLIENT_SECRET'] as const;
const previousGoogleEnv = Object.fromEntries(GOOGLE_ENV.map((name) => [name, process.env[name]]));
const FOLDER_MIME_TYPE = 'application/vnd.google-apps.folder';

let system: TestSystem;
let docusignFake: DocuSignFake;
let restoreDocuSign: () => Promise<void>;
let google: GoogleFake;
let shop: Shop;
let docusignConnectionId: string;

const docusign = docusignConnector(
  () => system,
  () => shop.org,
  () => docusignFake,
);
const googleKit = oauthTestKit(
  () => system,
  () => shop.org,
  'GOOGLE',
);
const { db } = docusign;

const FOLDER_FIELDS = 'id workOrderId driveFolderId name webViewLink sharedWith';
const WITH_DOCUMENTS = `query($id: ID!) { workOrder(id: $id) { id number documentFolder { ${FOLDER_FIELDS} } documents { kind name driveFileId webViewLink size sourceId } } }`;
const CREATE = `mutation($id: ID!) { createWorkOrderFolder(workOrderId: $id) { ${FOLDER_FIELDS} } }`;
const SHARE = `mutation($id: ID!, $email: String) { shareWorkOrderFolder(workOrderId: $id, email: $email) { ${FOLDER_FIELDS} } }`;

const documentsOf = async (workOrderId: string) => (await expectData(system.gatewayUrl, WITH_DOCUMENTS, { id: workOrderId }, shop.org)).workOrder;
const createFolder = (workOrderId: string, as = shop.org) => graphql(system.gatewayUrl, CREATE, { id: workOrderId }, as);
const driveFiles = () => google.drive.files();
const rows = async (table: string) => (await db().execute(`select count(*)::int as n from integrations.${table}`))[0].n as number;

async function signableWorkOrder() {
  const kit = workOrderApi(system, shop);
  const order = await kit.create({ taxRate: 16 });
  const { data } = await kit.addLine(order.id, { kind: 'LABOUR', description: 'Diagnose brake noise', quantity: 1, unitPrice: 9500 });
  await projected(system, order.id, data?.addWorkOrderLine.total);
  return data?.addWorkOrderLine;
}
const sendForSignature = async (workOrderId: string) =>
  (await expectData(system.gatewayUrl, `mutation($id: ID!) { requestEstimateSignature(workOrderId: $id) { id envelopeId } }`, { id: workOrderId }, shop.org))
    .requestEstimateSignature;

beforeAll(async () => {
  ({ fake: docusignFake, restore: restoreDocuSign } = await docusignTestEnvironment());
  google = await startGoogleFake();
  Object.assign(process.env, {
    GOOGLE_OAUTH_URL: google.url,
    GOOGLE_API_URL: google.rootUrl,
    GOOGLE_CLIENT_ID: GOOGLE_FAKE_CLIENT.id,
    GOOGLE_CLIENT_SECRET: GOOGLE_FAKE_CLIENT.secret,
  });
  system = await startSystem({ isolated: true }); // its filing jobs call this file's fakes
  process.env.PUBLIC_URL = new URL(system.gatewayUrl).origin;
  shop = await setUpShop(system);
  docusignConnectionId = await docusign.connect();
});
afterAll(async () => {
  for (const name of GOOGLE_ENV)
    if (previousGoogleEnv[name] === undefined) delete process.env[name];
    else process.env[name] = previousGoogleEnv[name];
  await system?.stop();
  await google?.stop();
  await restoreDocuSign?.();
});

describe('work order documents on Google Drive', () => {
  it('refuses without a Google connection, writing nothing here or in Drive', async () => {
    const order = await signableWorkOrder();
    expect(errorOf(await createFolder(order.id))).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['workOrderId'],
      message: expect.stringContaining('Google is not connected'),
    });
    expect(errorOf(await graphql(system.gatewayUrl, SHARE, { id: order.id }, shop.org))).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['workOrderId'] });
    expect(await rows('work_order_folders')).toBe(0);
    expect(driveFiles()).toEqual([]);

    const connected = await fetch(google.approve(await googleKit.startConnection()), { redirect: 'manual' });
    expect(connected.status).toBe(302);
    expect((await googleKit.connection()).status).toBe('CONNECTED');
  });

  it('makes one folder per work order holding its estimate; the signed PDF joins it when the customer signs', async () => {
    const order = await signableWorkOrder();
    const signature = await sendForSignature(order.id);
    const estimatePdf = await docusign.documentAtDocuSign(docusignConnectionId, signature.envelopeId, '1');

    const { createWorkOrderFolder: folder } = await expectData(system.gatewayUrl, CREATE, { id: order.id }, shop.org);
    expect(folder).toMatchObject({
      workOrderId: order.id,
      name: `${order.number} Grace Hopper`,
      webViewLink: `https://drive.google.com/drive/folders/${folder.driveFolderId}`,
      sharedWith: [],
    });
    const inDrive = driveFiles().find((file) => file.id === folder.driveFolderId);
    expect(inDrive).toMatchObject({ name: `${order.number} Grace Hopper`, mimeType: FOLDER_MIME_TYPE, appProperties: { atelierWorkOrderId: order.id } });
    const inFolder = () => driveFiles().filter((file) => file.parents.includes(folder.driveFolderId));
    expect(inFolder()).toHaveLength(1);
    expect(inFolder()[0]?.content?.equals(estimatePdf)).toBe(true);

    // again: the same folder, nothing uploaded twice
    const filesBefore = driveFiles().length;
    expect((await expectData(system.gatewayUrl, CREATE, { id: order.id }, shop.org)).createWorkOrderFolder).toEqual(folder);
    expect(driveFiles()).toHaveLength(filesBefore);

    await docusignFake.envelopes.signerSigns(signature.envelopeId);
    await expect.poll(async () => (await documentsOf(order.id)).documents.length, { timeout: 15_000 }).toBe(2);
    const listed = await documentsOf(order.id);
    expect(listed.documentFolder).toEqual(folder);
    expect(listed.documents).toEqual([
      {
        kind: 'ESTIMATE',
        name: expect.stringMatching(new RegExp(`^${order.number} estimate \\(\\d{4}-\\d\\d-\\d\\d\\)\\.pdf$`)),
        driveFileId: expect.any(String),
        webViewLink: expect.stringMatching(/^https:\/\/drive\.google\.com\/file\/d\//),
        size: estimatePdf.length,
        sourceId: signature.id,
      },
      {
        kind: 'SIGNED_ESTIMATE',
        name: `${order.number} estimate signed by Grace Hopper.pdf`,
        driveFileId: expect.any(String),
        webViewLink: expect.any(String),
        size: expect.any(Number),
        sourceId: signature.id,
      },
    ]);
    const signedInDrive = inFolder().find((file) => file.id === listed.documents[1].driveFileId);
    expect(signedInDrive?.content?.equals(await docusign.documentAtDocuSign(docusignConnectionId, signature.envelopeId, 'combined'))).toBe(true);
  });

  it('finds its folder and files in Drive again when the mapping was lost, instead of making copies', async () => {
    const order = await signableWorkOrder();
    await sendForSignature(order.id);
    const { createWorkOrderFolder: folder } = await expectData(system.gatewayUrl, CREATE, { id: order.id }, shop.org);
    const filesBefore = driveFiles().length;
    await db().execute('delete from integrations.work_order_documents where work_order_id = ?', [order.id]);
    await db().execute('delete from integrations.work_order_folders where work_order_id = ?', [order.id]);

    const again = (await expectData(system.gatewayUrl, CREATE, { id: order.id }, shop.org)).createWorkOrderFolder;
    expect(again.driveFolderId).toBe(folder.driveFolderId);
    expect(driveFiles()).toHaveLength(filesBefore);
    expect((await documentsOf(order.id)).documents).toHaveLength(1);
  });

  it("shares the folder with the customer's email, or another address, once each; a bad address changes nothing", async () => {
    const order = await signableWorkOrder();
    const { shareWorkOrderFolder: shared } = await expectData(system.gatewayUrl, SHARE, { id: order.id }, shop.org);
    expect(shared.sharedWith).toEqual(['grace@example.test']);
    const permissionsOf = () =>
      driveFiles()
        .find((file) => file.id === shared.driveFolderId)
        ?.permissions.map(({ emailAddress, role }) => ({ emailAddress, role }));
    expect(permissionsOf()).toEqual([
      { emailAddress: 'owner@atelier.test', role: 'owner' },
      { emailAddress: 'grace@example.test', role: 'reader' },
    ]);

    expect(errorOf(await graphql(system.gatewayUrl, SHARE, { id: order.id, email: 'not an address' }, shop.org))).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['email'],
    });
    const sharesBefore = google.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/permissions')).length;
    expect((await expectData(system.gatewayUrl, SHARE, { id: order.id }, shop.org)).shareWorkOrderFolder.sharedWith).toEqual(['grace@example.test']);
    expect(google.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/permissions')).length).toBe(sharesBefore);

    const spouse = (await expectData(system.gatewayUrl, SHARE, { id: order.id, email: 'Alan@Example.test' }, shop.org)).shareWorkOrderFolder;
    expect(spouse.sharedWith).toEqual(['grace@example.test', 'alan@example.test']);
    expect(permissionsOf()).toContainEqual({ emailAddress: 'alan@example.test', role: 'reader' });
  });

  it('files nothing for a work order without a folder, and keeps folders to their organization', async () => {
    const order = await signableWorkOrder();
    const filesBefore = driveFiles().length;
    const signature = await sendForSignature(order.id);
    await docusignFake.envelopes.signerSigns(signature.envelopeId);
    await expect
      .poll(
        async () => (await expectData(system.gatewayUrl, `query($id: ID!) { workOrder(id: $id) { status } }`, { id: order.id }, shop.org)).workOrder.status,
        { timeout: 15_000 },
      )
      .toBe('APPROVED');
    expect(driveFiles()).toHaveLength(filesBefore);
    expect(await documentsOf(order.id)).toMatchObject({ documentFolder: null, documents: [] });

    const other = await system.createOrganization();
    const foldersBefore = await rows('work_order_folders');
    expect(errorOf(await createFolder(order.id, other))).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['workOrderId'],
      message: expect.stringMatching(/not a work order of your organization/),
    });
    expect(await rows('work_order_folders')).toBe(foldersBefore);
  });
});
