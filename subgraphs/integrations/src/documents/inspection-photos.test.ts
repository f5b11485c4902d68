import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { GOOGLE_FAKE_CLIENT, startGoogleFake, type GoogleFake } from '@atelier/fakes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loopbackCertificate } from '../../../../fakes/src/docusign/certificate.ts';
import { expectData } from '../../../../test/support/graphql.ts';
import { startSystem, type TestSystem } from '../../../../test/support/system.ts';
import { setUpShop, workOrderApi, type Shop } from '../../../workshop/test-support/work-orders.ts';
import { oauthTestKit } from '../../test-support/oauth.ts';
import { projected } from '../../test-support/signatures.ts';
import { MAX_PHOTO_BYTES } from './photo-download.ts';

const ENV = [
  'GOOGLE_OAUTH_URL',
  'GOOGLE_API_URL',
  'GOOGLE_CLIENT_ID',
  'GOOGLE_CLIENT_SECRET',
  'INSPECTION_PHOTOS_CA_FILE',
  'INSPECTION_PHOTOS_RETRY_SCALE',
  'WEBHOOKS_ALLOW_PRIVATE_TARGETS',
  'PUBLIC_URL',
] as const;
const previousEnv = Object.fromEntries(ENV.map((name) => [name, process.env[name]]));

let system: TestSystem;
let google: GoogleFake;
let shop: Shop;
let caDirectory: string;

/** The pictures the technicians took, on a loopback HTTPS server that counts every download. */
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(2000)]);
const PNG = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), randomBytes(1500)]);
const served = new Map<string, number>();
let photoServer: Server;
let photoOrigin: string;
let flakyFailures = 0;

function servePhotos(request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse) {
  const path = new URL(request.url ?? '/', 'https://x').pathname;
  served.set(path, (served.get(path) ?? 0) + 1);
  if (path.endsWith('.png')) return response.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
  if (path === '/page.jpg') return response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html>Sign in</html>');
  if (path === '/huge.jpg') {
    // no content-length: only counting the bytes as they come can stop it
    response.writeHead(200, { 'content-type': 'image/jpeg' });
    const chunk = Buffer.alloc(1024 * 1024);
    let sent = 0;
    const more = () => {
      while (sent <= MAX_PHOTO_BYTES + chunk.length) {
        sent += chunk.length;
        if (!response.write(chunk)) return response.once('drain', more);
      }
      response.end();
    };
    response.on('error', () => {});
    return more();
  }
  if (path === '/flaky.jpg' && flakyFailures-- > 0) return response.writeHead(503).end();
  if (path.startsWith('/down/')) return response.writeHead(503).end();
  if (path === '/gone.jpg') return response.writeHead(404).end();
  if (path.endsWith('.jpg')) return response.writeHead(200, { 'content-type': 'image/jpeg' }).end(JPEG);
  response.writeHead(404).end();
}
const photo = (name: string) => `${photoOrigin}/${name}`;

const googleKit = oauthTestKit(
  () => system,
  () => shop.org,
  'GOOGLE',
);
const data = (query: string, variables: Record<string, unknown> = {}) => expectData(system.gatewayUrl, query, variables, shop.org);
const db = () => system.product.subgraphs.integrations.orm.em.getConnection();

const PHOTOS = `query($id: ID!) { workOrder(id: $id) { documentFolder { driveFolderId } documents { kind name driveFileId size sourceId } inspectionPhotos { id name url status attempts error } } }`;
const documentsOf = async (workOrderId: string) => (await data(PHOTOS, { id: workOrderId })).workOrder;
const createFolder = async (workOrderId: string) =>
  (await data(`mutation($id: ID!) { createWorkOrderFolder(workOrderId: $id) { driveFolderId } }`, { id: workOrderId })).createWorkOrderFolder
    .driveFolderId as string;
const inFolder = (folderId: string) => google.drive.files().filter((file) => file.parents.includes(folderId));

async function workOrder() {
  const order = await workOrderApi(system, shop).create();
  await projected(system, order.id, 0);
  return order;
}
async function inspect(workOrderId: string, items: { name: string; photos: string[] }[]) {
  const { createInspection } = await data(`mutation($input: CreateInspectionInput!) { createInspection(input: $input) { id } }`, {
    input: { workOrderId, technicianId: shop.technicianId, standardChecklist: false },
  });
  const itemIds: string[] = [];
  for (const item of items) {
    const added = await data(`mutation($id: ID!, $input: AddInspectionItemInput!) { addInspectionItem(inspectionId: $id, input: $input) { items { id } } }`, {
      id: createInspection.id,
      input: item,
    });
    itemIds.push(added.addInspectionItem.items.at(-1).id);
  }
  return { id: createInspection.id as string, itemIds };
}
const updateItem = (id: string, input: Record<string, unknown>) =>
  data(`mutation($id: ID!, $input: UpdateInspectionItemInput!) { updateInspectionItem(id: $id, input: $input) { id } }`, { id, input });
/** Waits until integrations' projection of the inspection holds `photoCount` photos. */
const inspectionProjected = (inspectionId: string, photoCount: number) =>
  expect
    .poll(
      async () => {
        const [row] = await db().execute(`select data from integrations.synced_records where entity_type = 'inspection' and internal_id = ?`, [inspectionId]);
        const items = (row?.data as { items?: { photos: string[] }[] })?.items ?? [];
        return items.flatMap((item) => item.photos).length;
      },
      { timeout: 10_000 },
    )
    .toBe(photoCount);
const PHOTOS_QUEUE = 'integrations.inspection-photos';
/** Waits until the photo filing has handled every inspection event and job of these entities. */
const drained = async (inspectionId: string, workOrderId: string) => {
  const jobs = async (state: string) =>
    (
      await db().execute(`select count(*)::int as n from pgboss.job where name = ? and data->>'entityId' in (?, ?) and state ${state}`, [
        PHOTOS_QUEUE,
        inspectionId,
        workOrderId,
      ])
    )[0].n;
  await expect.poll(() => jobs("<> 'completed'"), { timeout: 15_000 }).toBe(0);
  expect(await jobs("= 'completed'")).toBeGreaterThan(0);
};
/** Hands the photo filing the very envelope it already consumed (the latest of that name), as an at-least-once redelivery would. */
async function redeliver(inspectionId: string, eventName: string) {
  const [job] = await db().execute(
    `select data from pgboss.job where name = ? and data->>'entityId' = ? and data->>'name' = ? order by created_on desc limit 1`,
    [PHOTOS_QUEUE, inspectionId, eventName],
  );
  expect(job).toBeDefined();
  await system.product.subgraphs.integrations.bus.sendJob(PHOTOS_QUEUE, job!.data);
}
/** Waits until every photo of the work order is filed or failed (nothing is waiting), and returns them. */
async function settled(workOrderId: string, count: number) {
  await expect
    .poll(async () => (await documentsOf(workOrderId)).inspectionPhotos.filter((p: { status: string }) => p.status !== 'PENDING').length, { timeout: 20_000 })
    .toBe(count);
  return documentsOf(workOrderId);
}

beforeAll(async () => {
  google = await startGoogleFake();
  const tls = await loopbackCertificate();
  caDirectory = mkdtempSync(join(tmpdir(), 'atelier-photos-'));
  writeFileSync(join(caDirectory, 'ca.pem'), tls.cert);
  photoServer = createServer(tls, servePhotos);
  await new Promise<void>((resolve) => photoServer.listen(0, '127.0.0.1', resolve));
  photoOrigin = `https://127.0.0.1:${(photoServer.address() as AddressInfo).port}`;
  Object.assign(process.env, {
    GOOGLE_OAUTH_URL: google.url,
    GOOGLE_API_URL: google.rootUrl,
    GOOGLE_CLIENT_ID: GOOGLE_FAKE_CLIENT.id,
    GOOGLE_CLIENT_SECRET: GOOGLE_FAKE_CLIENT.secret,
    INSPECTION_PHOTOS_CA_FILE: join(caDirectory, 'ca.pem'), // trusts the loopback server's certificate, as a public one is trusted
    INSPECTION_PHOTOS_RETRY_SCALE: '0.0001', // the real retry schedule, in milliseconds
  });
  delete process.env.WEBHOOKS_ALLOW_PRIVATE_TARGETS; // the test default: loopback allowed, as in development
  system = await startSystem({ isolated: true }); // its filing jobs call this file's fakes
  process.env.PUBLIC_URL = new URL(system.gatewayUrl).origin; // Google sends the browser back here
  shop = await setUpShop(system);
  expect((await fetch(google.approve(await googleKit.startConnection()), { redirect: 'manual' })).status).toBe(302);
  expect((await googleKit.connection()).status).toBe('CONNECTED');
});
afterAll(async () => {
  for (const name of ENV)
    if (previousEnv[name] === undefined) delete process.env[name];
    else process.env[name] = previousEnv[name];
  await system?.stop();
  await google?.stop();
  await new Promise((resolve) => photoServer?.close(resolve));
  if (caDirectory) rmSync(caDirectory, { recursive: true, force: true });
});

describe("inspection photos in the work order's Drive folder", () => {
  it('files every photo once, named after its item, when the folder is made and as photos are added later', async () => {
    const order = await workOrder();
    const urls = { brakes1: photo('wo1/brakes-1.jpg'), brakes2: photo('wo1/brakes-2.png'), tyres: photo('wo1/tyres.jpg'), later: photo('wo1/brakes-3.jpg') };
    const inspection = await inspect(order.id, [
      { name: 'Brake pads and discs', photos: [urls.brakes1, urls.brakes2] },
      { name: 'Tyres', photos: [urls.tyres] },
    ]);
    await inspectionProjected(inspection.id, 3);
    // no folder, nothing filed
    expect(served.get('/wo1/brakes-1.jpg')).toBeUndefined();

    const folderId = await createFolder(order.id);
    const filed = await settled(order.id, 3);
    expect(filed.inspectionPhotos.map(({ name, url, status, attempts, error }: Record<string, unknown>) => ({ name, url, status, attempts, error }))).toEqual([
      { name: 'Brake pads and discs 1', url: urls.brakes1, status: 'FILED', attempts: 1, error: null },
      { name: 'Brake pads and discs 2', url: urls.brakes2, status: 'FILED', attempts: 1, error: null },
      { name: 'Tyres 1', url: urls.tyres, status: 'FILED', attempts: 1, error: null },
    ]);
    const photoDocuments = filed.documents
      .filter((document: { kind: string }) => document.kind === 'INSPECTION_PHOTO')
      .sort((a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name));
    expect(photoDocuments.map(({ name, size }: { name: string; size: number }) => [name, size])).toEqual([
      ['Brake pads and discs 1.jpg', JPEG.length],
      ['Brake pads and discs 2.png', PNG.length],
      ['Tyres 1.jpg', JPEG.length],
    ]);
    const drive = () => inFolder(folderId).sort((a, b) => a.name.localeCompare(b.name));
    expect(drive().map((file) => [file.name, file.mimeType, file.content?.equals(file.name.endsWith('.png') ? PNG : JPEG)])).toEqual([
      ['Brake pads and discs 1.jpg', 'image/jpeg', true],
      ['Brake pads and discs 2.png', 'image/png', true],
      ['Tyres 1.jpg', 'image/jpeg', true],
    ]);
    expect(
      drive()
        .map((file) => file.id)
        .sort(),
    ).toEqual(photoDocuments.map((document: { driveFileId: string }) => document.driveFileId).sort());

    // the technician adds a third brake photo: it follows into the folder
    await updateItem(inspection.itemIds[0]!, { photos: [urls.brakes1, urls.brakes2, urls.later] });
    const withLater = await settled(order.id, 4);
    expect(withLater.documents.map((document: { name: string }) => document.name)).toContain('Brake pads and discs 3.jpg');
    expect(
      drive()
        .find((file) => file.name === 'Brake pads and discs 3.jpg')
        ?.content?.equals(JPEG),
    ).toBe(true);
    expect(drive()).toHaveLength(4);

    // later announcements of the same photos, a redelivered event and asking for the folder again file nothing twice
    await updateItem(inspection.itemIds[1]!, { notes: 'Tread 5 mm all round' });
    await createFolder(order.id);
    await drained(inspection.id, order.id);
    await redeliver(inspection.id, 'workshop.inspection.updated');
    await drained(inspection.id, order.id);
    expect(drive()).toHaveLength(4);
    expect((await documentsOf(order.id)).documents).toHaveLength(4);
    expect((await documentsOf(order.id)).inspectionPhotos).toHaveLength(4);
    for (const path of ['/wo1/brakes-1.jpg', '/wo1/brakes-2.png', '/wo1/tyres.jpg', '/wo1/brakes-3.jpg']) expect(served.get(path)).toBe(1);
  });

  it('finds the photos in Drive again when its records were lost, instead of uploading copies', async () => {
    const order = await workOrder();
    await inspectionProjected((await inspect(order.id, [{ name: 'Wipers', photos: [photo('wo2/wipers.jpg')] }])).id, 1);
    const folderId = await createFolder(order.id);
    await settled(order.id, 1);
    expect(inFolder(folderId)).toHaveLength(1);

    await db().execute('delete from integrations.work_order_documents where work_order_id = ?', [order.id]);
    await db().execute('delete from integrations.inspection_photos where work_order_id = ?', [order.id]);
    await createFolder(order.id);
    const again = await settled(order.id, 1);
    expect(again.inspectionPhotos).toMatchObject([{ name: 'Wipers 1', status: 'FILED' }]);
    expect(again.documents).toMatchObject([{ kind: 'INSPECTION_PHOTO', name: 'Wipers 1.jpg', driveFileId: inFolder(folderId)[0]?.id }]);
    expect(inFolder(folderId)).toHaveLength(1);
  });

  it('records a photo that is not a picture, too big, or failing, with the reason; it retries what may pass and never holds up the others', async () => {
    flakyFailures = 2;
    const order = await workOrder();
    const urls = { page: photo('page.jpg'), huge: photo('huge.jpg'), flaky: photo('flaky.jpg'), gone: photo('gone.jpg'), good: photo('wo3/good.jpg') };
    const inspection = await inspect(order.id, [{ name: 'Lights', photos: [urls.page, urls.huge, urls.flaky, urls.gone, urls.good] }]);
    await inspectionProjected(inspection.id, 5);
    const folderId = await createFolder(order.id);

    const result = await settled(order.id, 5);
    const byUrl = Object.fromEntries(result.inspectionPhotos.map((p: { url: string }) => [p.url, p]));
    expect(byUrl[urls.page]).toMatchObject({ status: 'FAILED', attempts: 1, error: 'not a picture (content type text/html)' });
    expect(byUrl[urls.huge]).toMatchObject({ status: 'FAILED', attempts: 1, error: 'larger than 15 MB' });
    expect(byUrl[urls.flaky]).toMatchObject({ status: 'FILED', attempts: 3, error: null }); // two 503s, then the picture
    expect(byUrl[urls.gone]).toMatchObject({ status: 'FAILED', attempts: 4, error: 'HTTP 404' }); // the whole schedule, then given up
    expect(byUrl[urls.good]).toMatchObject({ status: 'FILED', attempts: 1 });
    expect(served.get('/page.jpg')).toBe(1);
    expect(served.get('/gone.jpg')).toBe(4);
    expect(
      inFolder(folderId)
        .map((file) => file.name)
        .sort(),
    ).toEqual(['Lights 3.jpg', 'Lights 5.jpg']);
    expect(result.documents.map((document: { name: string }) => document.name).sort()).toEqual(['Lights 3.jpg', 'Lights 5.jpg']);
  });

  it('drops the photos of a deleted inspection that are not filed yet', async () => {
    const order = await workOrder();
    const inspection = await inspect(order.id, [{ name: 'Exhaust', photos: [photo('wo5/exhaust.jpg'), photo('down/exhaust-2.jpg')] }]);
    await inspectionProjected(inspection.id, 2);
    const folderId = await createFolder(order.id);
    await expect
      .poll(async () => (await documentsOf(order.id)).inspectionPhotos.map(({ name, status, error }: Record<string, unknown>) => [name, status, error]), {
        timeout: 15_000,
      })
      .toEqual([
        ['Exhaust 1', 'FILED', null],
        ['Exhaust 2', 'PENDING', 'HTTP 503'],
      ]);

    await data(`mutation($id: ID!) { deleteInspection(id: $id) }`, { id: inspection.id });
    await expect
      .poll(async () => (await documentsOf(order.id)).inspectionPhotos.map((p: { name: string }) => p.name), { timeout: 15_000 })
      .toEqual(['Exhaust 1']);
    await expect
      .poll(
        async () =>
          (await db().execute(`select deleted from integrations.synced_records where entity_type = 'inspection' and internal_id = ?`, [inspection.id]))[0]
            ?.deleted,
        { timeout: 10_000 },
      )
      .toBe(true);
    await redeliver(inspection.id, 'workshop.inspection.created'); // a late copy of an older announcement brings nothing back
    await drained(inspection.id, order.id);
    expect((await documentsOf(order.id)).inspectionPhotos.map((p: { name: string }) => p.name)).toEqual(['Exhaust 1']);
    expect(inFolder(folderId).map((file) => file.name)).toEqual(['Exhaust 1.jpg']);
  });

  it('outside development refuses a photo on a loopback address without fetching it, and records why', async () => {
    process.env.WEBHOOKS_ALLOW_PRIVATE_TARGETS = 'false'; // what production runs with (its default there)
    try {
      const order = await workOrder();
      const inspection = await inspect(order.id, [{ name: 'Battery', photos: [photo('wo4/battery.jpg')] }]);
      await inspectionProjected(inspection.id, 1);
      const folderId = await createFolder(order.id);
      const result = await settled(order.id, 1);
      expect(result.inspectionPhotos).toMatchObject([
        { name: 'Battery 1', status: 'FAILED', attempts: 1, error: 'refused: 127.0.0.1 is a loopback, private or link-local address' },
      ]);
      expect(result.documents).toEqual([]);
      expect(served.get('/wo4/battery.jpg')).toBeUndefined();
      expect(inFolder(folderId)).toEqual([]);
    } finally {
      delete process.env.WEBHOOKS_ALLOW_PRIVATE_TARGETS;
    }
  });
});
