import { defineFeature } from '@atelier/kit';
import { documentsFiling } from './documents-filing.ts';
import { WorkOrderDocumentsResolver, WorkOrderFolderResolver } from './documents.resolver.ts';
import { InspectionPhoto } from './inspection-photo.entity.ts';
import { inspectionPhotosFiling } from './inspection-photos.ts';
import { WorkOrderDocument } from './work-order-document.entity.ts';
import { WorkOrderFolder } from './work-order-folder.entity.ts';

/** A Google Drive folder per work order with its signed estimate and inspection photos. */
export const documents = defineFeature({
  name: 'documents',
  entities: [WorkOrderFolder, WorkOrderDocument, InspectionPhoto],
  resolvers: [WorkOrderFolderResolver, WorkOrderDocumentsResolver],
  consumers: [documentsFiling, inspectionPhotosFiling],
});
