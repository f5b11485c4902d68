import { createHash, randomUUID } from 'node:crypto';
import { defineConsumer, requireTenant, type EntityManager, type EventConsumer, type EventEnvelope, type Static, type SubgraphContext } from '@atelier/kit';
import { workshopEventsAbout, type InspectionSnapshot } from '@atelier/workshop/contract';
import { SyncedRecord } from '../sync/synced-record.entity.ts';
import { driveOf } from './drive.ts';
import { InspectionPhoto, InspectionPhotoStatus } from './inspection-photo.entity.ts';
import { downloadPhoto, PhotoUnavailable, type Photo } from './photo-download.ts';
import { WorkOrderDocument, WorkOrderDocumentKind } from './work-order-document.entity.ts';
import { WorkOrderFolder } from './work-order-folder.entity.ts';
import { lockWorkOrder } from './work-order-lock.ts';

export const PHOTOS_QUEUE = 'integrations.inspection-photos';
/** Our own job on the same queue as the inspection events: "file what is due for this work order". */
const FILE_JOB = 'integrations.inspectionPhotos.file';

/**
 * The waits after a download failed for a reason that may pass (network, timeout, server error): four
 * attempts in about 71 minutes, then the photo is FAILED. INSPECTION_PHOTOS_RETRY_SCALE multiplies them
 * (tests run the schedule faster); a refusal (address, content type, size) is final at once.
 */
const RETRY_DELAYS_MS = [60_000, 10 * 60_000, 60 * 60_000];
const retryScale = () => Number(process.env.INSPECTION_PHOTOS_RETRY_SCALE || 1);

/** What of an inspection the photos come from (as workshop's events carry it, or its projection holds it). */
type InspectionPhotos = Partial<Pick<Static<typeof InspectionSnapshot>, 'workOrderId' | 'items'>>;
interface WantedPhoto {
  inspectionId: string;
  itemId: string;
  name: string;
  url: string;
}

/** Each photo of an inspection, named after its item and its place there ("Brake pads and discs 1"). */
function photosOf(inspectionId: string, data: InspectionPhotos): WantedPhoto[] {
  return (data.items ?? []).flatMap((item) =>
    item.photos.map((url, index) => ({ inspectionId, itemId: item.id, name: `${item.name.slice(0, 230)} ${index + 1}`, url })),
  );
}

/** The Drive tag of a photo: the same for the same URL of the same work order, so a lost mapping finds the file again. */
const driveTag = (workOrderId: string, url: string) => ({
  key: 'atelierDocument',
  value: `photo:${createHash('sha256').update(`${workOrderId}\n${url}`).digest('hex').slice(0, 48)}`,
});

/** Records the photos the work order does not know yet (the caller holds the work order's lock). */
async function notePhotos(context: SubgraphContext, em: EntityManager, workOrderId: string, wanted: WantedPhoto[]): Promise<void> {
  const known = new Set((await em.find(InspectionPhoto, { workOrderId })).map((photo) => photo.url));
  for (const photo of wanted) {
    if (known.has(photo.url)) continue;
    known.add(photo.url);
    em.create(InspectionPhoto, { tenantId: requireTenant(context), workOrderId, ...photo });
  }
  await em.flush();
}

/** Queues a filing run for the work order, on the caller's transaction, `delayMs` from now. */
async function queueFiling(context: SubgraphContext, em: EntityManager, workOrderId: string, delayMs = 0): Promise<void> {
  const job: EventEnvelope = {
    id: randomUUID(),
    name: FILE_JOB,
    tenantId: requireTenant(context),
    entityId: workOrderId,
    occurredAt: new Date().toISOString(),
  };
  await context.bus.sendJob(PHOTOS_QUEUE, job, { em, startAfterSeconds: delayMs / 1000 });
}

/**
 * When a work order's folder is made (or asked for again): the photos of every inspection of it that
 * integrations has heard of are noted, and downloaded by a job, never inside the request.
 */
export async function notePhotosOfWorkOrder(context: SubgraphContext, em: EntityManager, workOrderId: string): Promise<void> {
  const inspections = await em.find(SyncedRecord, { entityType: 'inspection', deleted: false, data: { workOrderId } });
  await notePhotos(
    context,
    em,
    workOrderId,
    inspections.flatMap((record) => photosOf(record.internalId, record.data as InspectionPhotos)),
  );
  if (await em.count(InspectionPhoto, { workOrderId, status: InspectionPhotoStatus.PENDING })) await queueFiling(context, em, workOrderId);
}

/**
 * Downloads the work order's photos that are due and puts each in its folder, once. A photo that cannot be
 * had is recorded with the reason and, when it may pass, tried again later; it never holds the others up.
 * One photo per transaction, under the work order's lock: what is filed stays filed if a later one fails.
 */
async function fileDuePhotos(context: SubgraphContext, workOrderId: string): Promise<void> {
  const folder = await context.em.findOne(WorkOrderFolder, { workOrderId });
  if (!folder) return;
  const drive = await driveOf(context, folder.connectionId);
  const startedAt = new Date();
  const tried: string[] = []; // each photo once per run, however short its retry delay
  for (;;) {
    const more = await context.freshEm().transactional(async (em) => {
      await lockWorkOrder(em, workOrderId);
      const photo = await em.findOne(
        InspectionPhoto,
        { workOrderId, status: InspectionPhotoStatus.PENDING, id: { $nin: tried }, $or: [{ retryAt: null }, { retryAt: { $lte: startedAt } }] },
        { orderBy: { createdAt: 'asc', id: 'asc' } },
      );
      if (!photo) return false;
      tried.push(photo.id);
      photo.attempts += 1;
      let downloaded: Photo;
      try {
        downloaded = await downloadPhoto(photo.url);
      } catch (error) {
        photo.error = error instanceof Error ? error.message : String(error);
        const delay = error instanceof PhotoUnavailable ? RETRY_DELAYS_MS[photo.attempts - 1] : undefined;
        photo.status = delay === undefined ? InspectionPhotoStatus.FAILED : InspectionPhotoStatus.PENDING;
        photo.retryAt = delay === undefined ? null : new Date(Date.now() + delay * retryScale());
        await em.flush();
        if (delay !== undefined) await queueFiling(context, em, workOrderId, delay * retryScale());
        return true;
      }
      const name = `${photo.name}${downloaded.extension}`;
      const file = await drive.upload(folder.driveFolderId, driveTag(workOrderId, photo.url), name, downloaded.bytes, downloaded.contentType);
      em.create(WorkOrderDocument, {
        tenantId: photo.tenantId,
        workOrderId,
        kind: WorkOrderDocumentKind.INSPECTION_PHOTO,
        sourceId: photo.id,
        name: file.name ?? name,
        driveFileId: file.id as string,
        webViewLink: file.webViewLink ?? '',
        size: Number(file.size ?? downloaded.bytes.length),
      });
      Object.assign(photo, { status: InspectionPhotoStatus.FILED, error: null, retryAt: null });
      await em.flush();
      return true;
    });
    if (!more) return;
  }
}

/**
 * Each inspection change notes the photos not seen yet and files them (every event carries the whole
 * inspection with its items); a deleted inspection takes back what is not filed yet.
 */
const inspectionChanges = defineConsumer({
  queue: PHOTOS_QUEUE,
  events: workshopEventsAbout('inspection'),
  // a run downloads a few photos, each bounded by its timeout: one active far longer lost its worker
  expireInSeconds: 600,
  async handle(event, context: SubgraphContext) {
    const data = event.data;
    const workOrderId = data.workOrderId;
    // the folder is looked for under the lock its creation holds: made now, it sees these photos either way
    const noted = await context.em.transactional(async (em) => {
      await lockWorkOrder(em, workOrderId);
      if (event.name.endsWith('.deleted') || (await em.findOne(SyncedRecord, { entityType: 'inspection', internalId: event.entityId, deleted: true }))) {
        // a deleted inspection's photos that are not in the folder yet never go there (a late redelivery included)
        await em.nativeDelete(InspectionPhoto, { inspectionId: event.entityId, status: { $ne: InspectionPhotoStatus.FILED } });
        return false;
      }
      if (!(await em.findOne(WorkOrderFolder, { workOrderId }))) return false;
      await notePhotos(context, em, workOrderId, photosOf(event.entityId, data));
      return true;
    });
    if (noted) await fileDuePhotos(context, workOrderId);
  },
});

/**
 * Inspection photos into the work order's Drive folder, when it has one: workshop's inspection changes,
 * and our own jobs on the same queue that file what a folder's creation noted and the retries.
 */
export const inspectionPhotosFiling: EventConsumer<SubgraphContext> = {
  ...inspectionChanges,
  handle: (event, context) => (event.name === FILE_JOB ? fileDuePhotos(context, event.entityId) : inspectionChanges.handle(event, context)),
};
