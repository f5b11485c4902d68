import { DateTimeFilter, enumFilter, groupBy, IDFilter, isUuid, loader, orderBy, readResolver, Role, STAFF, type SubgraphContext } from '@atelier/kit';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, Resolver, Root } from 'type-graphql';
import { SignatureRequest, SignatureRequestStatus } from './signature-request.entity.ts';
import { requestEstimateSignature } from './signature.service.ts';
import { signatureFileUrl } from './signed-links.ts';
import { WorkOrderRef } from '../federation/work-order.ref.ts';

/** Who may send an estimate for signature: the people who talk to customers about their work orders. */
const ADVISORS = [Role.OWNER, Role.MANAGER, Role.SERVICE_ADVISOR];

const StatusFilter = enumFilter(SignatureRequestStatus, 'SignatureRequestStatus');

@InputType()
class SignatureRequestFilter {
  @Field(() => IDFilter, { nullable: true }) id?: IDFilter;
  @Field(() => IDFilter, { nullable: true }) workOrderId?: IDFilter;
  @Field(() => StatusFilter, { nullable: true }) status?: InstanceType<typeof StatusFilter>;
  @Field(() => DateTimeFilter, { nullable: true }) sentAt?: DateTimeFilter;
}

const SignatureRequestOrderBy = orderBy('SignatureRequest', ['sentAt', 'status', 'workOrderNumber'], ['SENT_AT_DESC']);

@Resolver(() => SignatureRequest)
export class SignatureRequestResolver extends readResolver({
  entity: SignatureRequest,
  typeName: 'SignatureRequest',
  events: 'integrations.signatureRequest',
  filter: SignatureRequestFilter,
  orderBy: SignatureRequestOrderBy,
  roles: { read: STAFF },
}) {
  @Authorized(ADVISORS)
  @Mutation(() => SignatureRequest, {
    description:
      "Sends the work order's estimate (a PDF) to its customer for e-signature through DocuSign. The work order must be DRAFT or ESTIMATE_SENT, have lines, and its customer an email; the organization needs a DocuSign connection with its Connect key. An envelope still pending for the work order is voided first. Signing moves the work order to APPROVED.",
  })
  requestEstimateSignature(@Arg('workOrderId', () => ID) workOrderId: string, @Ctx() context: SubgraphContext): Promise<SignatureRequest> {
    return requestEstimateSignature(context, workOrderId);
  }

  @FieldResolver(() => WorkOrderRef)
  workOrder(@Root() request: SignatureRequest): WorkOrderRef {
    return { id: request.workOrderId };
  }

  @FieldResolver(() => String, { description: 'A link (valid 15 minutes) to the estimate PDF as it was sent' })
  estimateDocumentUrl(@Root() request: SignatureRequest): string {
    return signatureFileUrl(request, 'estimate');
  }

  @FieldResolver(() => String, { nullable: true, description: 'A link (valid 15 minutes) to the signed PDF from DocuSign, once completed' })
  signedDocumentUrl(@Root() request: SignatureRequest): string | null {
    return request.status === SignatureRequestStatus.COMPLETED && request.signedPdfSize ? signatureFileUrl(request, 'signed') : null;
  }
}

/** `WorkOrder.signatureRequests`: one query for all the work orders of a page. */
@Resolver(() => WorkOrderRef)
export class WorkOrderSignaturesResolver {
  @Authorized(STAFF)
  @FieldResolver(() => [SignatureRequest], { description: "The estimate's e-signature requests, latest first" })
  signatureRequests(@Root() workOrder: WorkOrderRef, @Ctx() context: SubgraphContext): Promise<SignatureRequest[]> {
    return loader<string, SignatureRequest[]>(context, 'signatureRequestsByWorkOrder', async (ids) => {
      const rows = await context.em.find(SignatureRequest, { workOrderId: { $in: ids.filter(isUuid) } }, { orderBy: { sentAt: 'desc', id: 'asc' } });
      return groupBy(ids, rows, (row) => row.workOrderId);
    }).load(workOrder.id);
  }
}
