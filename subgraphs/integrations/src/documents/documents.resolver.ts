import { byKey, groupBy, isUuid, loader, Role, STAFF, type SubgraphContext } from '@atelier/kit';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { WorkOrderRef } from '../federation/work-order.ref.ts';
import { createWorkOrderFolder, shareWorkOrderFolder } from './documents.service.ts';
import { InspectionPhoto } from './inspection-photo.entity.ts';
import { WorkOrderDocument } from './work-order-document.entity.ts';
import { WorkOrderFolder } from './work-order-folder.entity.ts';

const ADVISORS = [Role.OWNER, Role.MANAGER, Role.SERVICE_ADVISOR];

@Resolver(() => WorkOrderFolder)
export class WorkOrderFolderResolver {
  @Authorized(ADVISORS)
  @Mutation(() => WorkOrderFolder, {
    description:
      "The work order's folder in the organization's Google Drive, made on the first call, with its estimates and signed PDFs uploaded and its inspection photos following in the background (see `WorkOrder.inspectionPhotos`); calling it again returns the same folder and adds what is new. Needs a Google connection with Drive.",
  })
  createWorkOrderFolder(@Arg('workOrderId', () => ID) workOrderId: string, @Ctx() context: SubgraphContext): Promise<WorkOrderFolder> {
    return createWorkOrderFolder(context, workOrderId);
  }

  @Authorized(ADVISORS)
  @Mutation(() => WorkOrderFolder, {
    description: "Shares the work order's Drive folder (made if needed) as read-only with `email`, by default the customer's email",
  })
  shareWorkOrderFolder(
    @Arg('workOrderId', () => ID) workOrderId: string,
    @Arg('email', () => String, { nullable: true }) email: string | null,
    @Ctx() context: SubgraphContext,
  ): Promise<WorkOrderFolder> {
    return shareWorkOrderFolder(context, workOrderId, email);
  }
}

/** `WorkOrder.documentFolder` and `WorkOrder.documents`: one query each for all the work orders of a page. */
@Resolver(() => WorkOrderRef)
export class WorkOrderDocumentsResolver {
  @Authorized(STAFF)
  @FieldResolver(() => WorkOrderFolder, { nullable: true, description: "The work order's Google Drive folder, once made" })
  documentFolder(@Root() workOrder: WorkOrderRef, @Ctx() context: SubgraphContext): Promise<WorkOrderFolder | null> {
    return loader<string, WorkOrderFolder | null>(context, 'folderByWorkOrder', async (ids) =>
      byKey(ids, await context.em.find(WorkOrderFolder, { workOrderId: { $in: ids.filter(isUuid) } }), (folder) => folder.workOrderId),
    ).load(workOrder.id);
  }

  @Authorized(STAFF)
  @FieldResolver(() => [WorkOrderDocument], { description: "What Atelier put in the work order's Drive folder, with links" })
  documents(@Root() workOrder: WorkOrderRef, @Ctx() context: SubgraphContext): Promise<WorkOrderDocument[]> {
    return loader<string, WorkOrderDocument[]>(context, 'documentsByWorkOrder', async (ids) =>
      groupBy(
        ids,
        await context.em.find(WorkOrderDocument, { workOrderId: { $in: ids.filter(isUuid) } }, { orderBy: { createdAt: 'asc', id: 'asc' } }),
        (document) => document.workOrderId,
      ),
    ).load(workOrder.id);
  }

  @Authorized(STAFF)
  @FieldResolver(() => [InspectionPhoto], {
    description: "The photos of the work order's inspections on their way to its Drive folder: filed, waiting, or failed with the reason",
  })
  inspectionPhotos(@Root() workOrder: WorkOrderRef, @Ctx() context: SubgraphContext): Promise<InspectionPhoto[]> {
    return loader<string, InspectionPhoto[]>(context, 'inspectionPhotosByWorkOrder', async (ids) =>
      groupBy(
        ids,
        await context.em.find(InspectionPhoto, { workOrderId: { $in: ids.filter(isUuid) } }, { orderBy: { createdAt: 'asc', name: 'asc' } }),
        (photo) => photo.workOrderId,
      ),
    ).load(workOrder.id);
  }
}
