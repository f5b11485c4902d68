import { defineFeature } from '@atelier/kit';
import { connectEvents } from './connect-events.ts';
import { SignatureRequest } from './signature-request.entity.ts';
import { SignatureRequestResolver, WorkOrderSignaturesResolver } from './signature-request.resolver.ts';
import { signatureFileRoute } from './signed-links.ts';
import { staleEstimates } from './stale-estimates.ts';

/** Estimates signed through DocuSign: sending, DocuSign Connect's status events, the signed PDF behind a signed link. */
export const signatures = defineFeature({
  name: 'signatures',
  entities: [SignatureRequest],
  resolvers: [SignatureRequestResolver, WorkOrderSignaturesResolver],
  routes: [signatureFileRoute],
  consumers: [connectEvents, staleEstimates],
});
