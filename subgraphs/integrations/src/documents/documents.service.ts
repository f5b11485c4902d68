import { badUserInput, requireTenant, type EntityManager, type SubgraphContext } from '@atelier/kit';
import { loadEstimate } from '../signatures/estimate.ts';
import { SignatureRequest, SignatureRequestStatus } from '../signatures/signature-request.entity.ts';
import { driveOf, googleDriveConnection } from './drive.ts';
import { notePhotosOfWorkOrder } from './inspection-photos.ts';
import { WorkOrderDocument, WorkOrderDocumentKind } from './work-order-document.entity.ts';
import { WorkOrderFolder } from './work-order-folder.entity.ts';
import { lockWorkOrder } from './work-order-lock.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Puts the work order's documents that are not in its folder yet there: each estimate sent for signature
 * and each signed PDF, once (the mapping, and Drive's own appProperties if a crash lost the mapping).
 */
async function uploadMissing(context: SubgraphContext, em: EntityManager, folder: WorkOrderFolder, drive: Awaited<ReturnType<typeof driveOf>>) {
  const requests = await em.find(SignatureRequest, { workOrderId: folder.workOrderId }, { orderBy: { sentAt: 'asc' } });
  const existing = await em.find(WorkOrderDocument, { workOrderId: folder.workOrderId });
  const has = (sourceId: string, kind: WorkOrderDocumentKind) => existing.some((document) => document.sourceId === sourceId && document.kind === kind);
  for (const request of requests) {
    const wanted: [WorkOrderDocumentKind, 'estimatePdf' | 'signedPdf', string][] = [
      [WorkOrderDocumentKind.ESTIMATE, 'estimatePdf', `${request.workOrderNumber} estimate (${request.sentAt.toISOString().slice(0, 10)}).pdf`],
    ];
    if (request.status === SignatureRequestStatus.COMPLETED)
      wanted.push([WorkOrderDocumentKind.SIGNED_ESTIMATE, 'signedPdf', `${request.workOrderNumber} estimate signed by ${request.signerName}.pdf`]);
    for (const [kind, column, name] of wanted) {
      if (has(request.id, kind)) continue;
      await em.populate(request, [column] as never);
      const bytes = request[column];
      if (!bytes) continue;
      const file = await drive.upload(folder.driveFolderId, { key: 'atelierDocument', value: `${request.id}:${kind}` }, name, bytes, 'application/pdf');
      em.create(WorkOrderDocument, {
        tenantId: requireTenant(context),
        workOrderId: folder.workOrderId,
        kind,
        sourceId: request.id,
        name: file.name ?? name,
        driveFileId: file.id as string,
        webViewLink: file.webViewLink ?? '',
        size: Number(file.size ?? bytes.length),
      });
    }
  }
  await em.flush();
}

/**
 * The work order's Drive folder, made on the first call (named after the number and customer) and
 * filled with the documents it has (inspection photos follow by a job); later calls return the same
 * folder and add what is new.
 */
export async function createWorkOrderFolder(context: SubgraphContext, workOrderId: string): Promise<WorkOrderFolder> {
  const estimate = await loadEstimate(context.em, workOrderId);
  const connection = await googleDriveConnection(context.em, 'workOrderId');
  const drive = await driveOf(context, connection.id);
  return context.em.transactional(async (em) => {
    await lockWorkOrder(em, workOrderId);
    let folder = await em.findOne(WorkOrderFolder, { workOrderId });
    if (!folder) {
      const name = `${estimate.number} ${estimate.customer.name}`.slice(0, 300);
      const made = await drive.folder({ key: 'atelierWorkOrderId', value: workOrderId }, name);
      folder = em.create(WorkOrderFolder, {
        tenantId: requireTenant(context),
        workOrderId,
        connectionId: connection.id,
        driveFolderId: made.id as string,
        name: made.name ?? name,
        webViewLink: made.webViewLink ?? '',
      });
      await em.flush();
    }
    await uploadMissing(context, em, folder, drive);
    await notePhotosOfWorkOrder(context, em, workOrderId);
    return folder;
  });
}

/** Shares the work order's folder (made if needed) with `email`, by default its customer's, as a reader. */
export async function shareWorkOrderFolder(context: SubgraphContext, workOrderId: string, email?: string | null): Promise<WorkOrderFolder> {
  const estimate = await loadEstimate(context.em, workOrderId);
  const to = (email ?? estimate.customer.email ?? '').trim().toLowerCase();
  if (!to) throw badUserInput([{ field: 'email', message: `is required: the customer ${estimate.customer.name} has no email address` }]);
  if (!EMAIL.test(to)) throw badUserInput([{ field: 'email', message: 'is not an email address' }]);
  const connection = await googleDriveConnection(context.em, 'workOrderId');
  const folder = await createWorkOrderFolder(context, workOrderId);
  if (folder.sharedWith.includes(to)) return folder;
  const drive = await driveOf(context, connection.id);
  await drive.share(folder.driveFolderId, to);
  return context.em.transactional(async (em) => {
    await lockWorkOrder(em, workOrderId);
    const locked = await em.findOneOrFail(WorkOrderFolder, { id: folder.id }, { refresh: true });
    if (!locked.sharedWith.includes(to)) locked.sharedWith = [...locked.sharedWith, to];
    await em.flush();
    return locked;
  });
}

/** When a document arrives for a work order that has a folder, it goes in (nothing happens without a folder). */
export async function fileNewDocuments(context: SubgraphContext, workOrderId: string): Promise<void> {
  const folder = await context.em.findOne(WorkOrderFolder, { workOrderId });
  if (!folder) return;
  const drive = await driveOf(context, folder.connectionId);
  await context.em.transactional(async (em) => {
    await lockWorkOrder(em, workOrderId);
    const locked = await em.findOneOrFail(WorkOrderFolder, { id: folder.id });
    await uploadMissing(context, em, locked, drive);
  });
}
