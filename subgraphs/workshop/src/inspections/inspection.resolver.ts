import { randomUUID } from 'node:crypto';
import {
  ADMINS,
  badUserInput,
  crudEventsOf,
  crudResolver,
  findOrFail,
  groupBy,
  isUuid,
  loader,
  readMany,
  orderBy,
  Role,
  STAFF,
  publishChange,
  type EntityManager,
  type SubgraphContext,
  entityReference,
} from '@atelier/kit';
import { workshopEvents } from '../contract.ts';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { AddWorkOrderLineInput } from '../work-orders/work-order.inputs.ts';
import { Technician } from '../technicians/technician.entity.ts';
import { technicianById } from '../technicians/technician.resolver.ts';
import { assertEditable, isFinal } from '../work-orders/work-order-flow.ts';
import { appendLines } from '../work-orders/work-order-lines.ts';
import { WorkOrder } from '../work-orders/work-order.entity.ts';
import { workOrderReference } from '../work-orders/work-order.resolver.ts';
import { checkTechnician, lockWorkOrder } from '../work-orders/work-order.service.ts';
import { InspectionCondition, InspectionItem, RecommendationDecision } from './inspection-item.entity.ts';
import { ADVISE, inspectionFlow, InspectionAvailableAction } from './inspection-flow.ts';
import { Inspection, InspectionStatus } from './inspection.entity.ts';
import {
  AddInspectionItemInput,
  CreateInspectionInput,
  DecideRecommendationArgs,
  InspectionFilter,
  MAX_RECOMMENDED_LINES,
  UpdateInspectionInput,
  UpdateInspectionItemInput,
} from './inspection.inputs.ts';
import {
  assertInProgress,
  checkRecommendation,
  itemsOf,
  loadInspectionSnapshot,
  lockInspection,
  newItem,
  priceLine,
  priceRecommendation,
  publishInspectionUpdated,
  STANDARD_CHECKLIST,
} from './inspection.service.ts';

const InspectionOrderBy = orderBy('Inspection', ['status', 'createdAt', 'updatedAt'], ['CREATED_AT_DESC']);
/** Technicians inspect; advisors send and record the customer's answers. */
const INSPECT = [...ADMINS, Role.SERVICE_ADVISOR, Role.TECHNICIAN, Role.INTEGRATION];

async function createData(input: CreateInspectionInput, em: EntityManager, context: SubgraphContext) {
  const workOrder = await em.findOne(WorkOrder, { id: input.workOrderId });
  if (!workOrder) throw badUserInput([{ field: 'workOrderId', message: 'is not a work order of your organization' }]);
  if (isFinal(workOrder.status)) throw badUserInput([{ field: 'workOrderId', message: `is ${workOrder.status}: a closed work order gets no new inspection` }]);
  if (input.technicianId) await checkTechnician(em, input.technicianId);
  const { standardChecklist, ...fields } = input;
  // the kit creates the inspection from the data returned; its items, created here, already point at its ID
  const id = randomUUID();
  if (standardChecklist !== false) STANDARD_CHECKLIST.forEach((name, index) => em.create(InspectionItem, newItem(context, id, index + 1, { name })));
  return { ...fields, id, vehicleId: workOrder.vehicleId };
}

@Resolver(() => Inspection)
export class InspectionResolver extends crudResolver({
  entity: Inspection,
  typeName: 'Inspection',
  events: crudEventsOf(workshopEvents, 'inspection'),
  snapshot: (inspection, em) => loadInspectionSnapshot(em, inspection),
  filter: InspectionFilter,
  orderBy: InspectionOrderBy,
  createInput: CreateInspectionInput,
  updateInput: UpdateInspectionInput,
  searchColumns: ['notes'],
  roles: { read: STAFF, write: INSPECT },
  toCreateData: createData,
  toUpdateData: async (input, _current, em) => {
    if (input.technicianId) await checkTechnician(em, input.technicianId);
    return input;
  },
}) {
  @Authorized(INSPECT)
  @Mutation(() => Inspection, { description: 'Adds a checklist item (with its condition, notes, photos and a recommended repair if any)' })
  addInspectionItem(
    @Arg('inspectionId', () => ID) inspectionId: string,
    @Arg('input', () => AddInspectionItemInput) input: AddInspectionItemInput,
    @Ctx() context: SubgraphContext,
  ): Promise<Inspection> {
    return context.em.transactional(async (em) => {
      const inspection = await lockInspection(em, inspectionId);
      assertInProgress(inspection);
      checkRecommendation(input.condition, input.recommendation);
      const { recommendation, ...fields } = input;
      const recommendationData = recommendation?.length ? await priceRecommendation(em, context, inspection.workOrderId, recommendation) : null;
      const position = (await itemsOf(em, inspection.id)).reduce((last, item) => Math.max(last, item.position), 0) + 1;
      em.create(
        InspectionItem,
        newItem(context, inspection.id, position, { ...fields, name: fields.name.trim(), photos: fields.photos ?? [], recommendationData }),
      );
      await publishInspectionUpdated(context, em, inspection, ['items']);
      return inspection;
    });
  }

  @Authorized(INSPECT)
  @Mutation(() => Inspection, { description: 'Rates an item, adds notes or photos, recommends (or withdraws) a repair' })
  updateInspectionItem(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateInspectionItemInput) input: UpdateInspectionItemInput,
    @Ctx() context: SubgraphContext,
  ): Promise<Inspection> {
    return context.em.transactional(async (em) => {
      const item = await findOrFail(em, InspectionItem, 'InspectionItem', id);
      const inspection = await lockInspection(em, item.inspectionId);
      assertInProgress(inspection);
      const { recommendation, ...fields } = input;
      const condition = fields.condition === undefined ? item.condition : fields.condition;
      checkRecommendation(condition, recommendation === undefined ? item.recommendationData : recommendation);
      if (recommendation !== undefined)
        item.recommendationData = recommendation?.length ? await priceRecommendation(em, context, inspection.workOrderId, recommendation) : null;
      em.assign(
        item,
        Object.fromEntries(
          Object.entries({ ...fields, name: fields.name?.trim(), photos: fields.photos === null ? [] : fields.photos }).filter(([, v]) => v !== undefined),
        ),
      );
      await publishInspectionUpdated(context, em, inspection, ['items']);
      return inspection;
    });
  }

  @Authorized(INSPECT)
  @Mutation(() => Inspection, {
    description: "Adds a line (from the catalogue, a product or typed with its price) to an item's recommended repair, priced as the customer will see it",
  })
  addRecommendedLine(
    @Arg('id', () => ID, { description: 'The inspection item' }) id: string,
    @Arg('input', () => AddWorkOrderLineInput) input: AddWorkOrderLineInput,
    @Ctx() context: SubgraphContext,
  ): Promise<Inspection> {
    return context.em.transactional(async (em) => {
      const item = await findOrFail(em, InspectionItem, 'InspectionItem', id);
      const inspection = await lockInspection(em, item.inspectionId);
      assertInProgress(inspection);
      if (item.condition === InspectionCondition.GOOD) throw badUserInput([{ field: 'id', message: 'the item is in good condition: it needs no repair' }]);
      const lines = item.recommendationData ?? [];
      if (lines.length >= MAX_RECOMMENDED_LINES)
        throw badUserInput([{ field: 'id', message: `the repair already has ${MAX_RECOMMENDED_LINES} lines, the most it may have` }]);
      item.recommendationData = [...lines, await priceLine(em, context, inspection.workOrderId, input)];
      await publishInspectionUpdated(context, em, inspection, ['items']);
      return inspection;
    });
  }

  @Authorized(INSPECT)
  @Mutation(() => Inspection, { description: "Removes a line of an item's recommended repair (the last one withdraws the recommendation)" })
  removeRecommendedLine(
    @Arg('id', () => ID, { description: 'The inspection item' }) id: string,
    @Arg('index', () => Int, { description: 'The line, counted from 0 as `recommendation` lists them' }) index: number,
    @Ctx() context: SubgraphContext,
  ): Promise<Inspection> {
    return context.em.transactional(async (em) => {
      const item = await findOrFail(em, InspectionItem, 'InspectionItem', id);
      const inspection = await lockInspection(em, item.inspectionId);
      assertInProgress(inspection);
      const lines = item.recommendationData ?? [];
      if (!Number.isInteger(index) || index < 0 || index >= lines.length)
        throw badUserInput([{ field: 'index', message: lines.length ? `must be between 0 and ${lines.length - 1}` : 'nothing is recommended for this item' }]);
      const rest = lines.filter((_line, position) => position !== index);
      item.recommendationData = rest.length ? rest : null;
      await publishInspectionUpdated(context, em, inspection, ['items']);
      return inspection;
    });
  }

  @Authorized(INSPECT)
  @Mutation(() => Inspection, { description: 'Removes a checklist item' })
  removeInspectionItem(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext): Promise<Inspection> {
    return context.em.transactional(async (em) => {
      const item = await findOrFail(em, InspectionItem, 'InspectionItem', id);
      const inspection = await lockInspection(em, item.inspectionId);
      assertInProgress(inspection);
      em.remove(item);
      await publishInspectionUpdated(context, em, inspection, ['items']);
      return inspection;
    });
  }

  @Authorized(inspectionFlow.roles.SEND)
  @Mutation(() => Inspection, { description: 'Shows the inspection to the customer: every item must be rated; each recommendation then awaits their answer' })
  sendInspection(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext): Promise<Inspection> {
    return context.em.transactional(async (em) => {
      const inspection = await lockInspection(em, id);
      const items = await itemsOf(em, inspection.id);
      await inspectionFlow.assert('SEND', inspection, items);
      const recommended = items.filter((item) => item.recommendationData?.length);
      for (const item of recommended) item.decision = RecommendationDecision.PENDING;
      const now = new Date();
      em.assign(inspection, { status: recommended.length ? InspectionStatus.SENT : InspectionStatus.DECIDED, sentAt: now });
      if (inspection.status === InspectionStatus.DECIDED) inspection.decidedAt = now;
      await publishChange(context, em, workshopEvents['inspection.sent'], inspection.id, await loadInspectionSnapshot(em, inspection));
      return inspection;
    });
  }

  @Authorized(ADVISE)
  @Mutation(() => Inspection, {
    description: "Records the customer's answer to a recommended repair; an approved one becomes a line of the work order at the price shown",
  })
  decideRecommendation(@Args(() => DecideRecommendationArgs) args: DecideRecommendationArgs, @Ctx() context: SubgraphContext): Promise<Inspection> {
    return context.em.transactional(async (em) => {
      const item = await findOrFail(em, InspectionItem, 'InspectionItem', args.id);
      const inspection = await lockInspection(em, item.inspectionId);
      if (inspection.status === InspectionStatus.IN_PROGRESS)
        throw badUserInput([{ field: 'id', message: 'the inspection has not been sent to the customer yet' }]);
      if (!item.recommendationData?.length) throw badUserInput([{ field: 'id', message: 'nothing is recommended for this item' }]);
      if (item.decision !== RecommendationDecision.PENDING)
        throw badUserInput([{ field: 'decision', message: `the customer already answered (${item.decision})` }]);
      if (args.decision === RecommendationDecision.PENDING) throw badUserInput([{ field: 'decision', message: 'must be APPROVED or DECLINED' }]);
      if (args.decision === RecommendationDecision.APPROVED) {
        const workOrder = await lockWorkOrder(em, inspection.workOrderId);
        assertEditable(workOrder);
        const lines = item.recommendationData.map(({ total: _total, ...line }) => line);
        await appendLines(em, context, workOrder, lines, { inspectionItemId: item.id });
      }
      em.assign(item, { decision: args.decision, decidedAt: new Date(), decidedBy: args.decidedBy?.trim() || null });
      await em.flush();
      const open = (await itemsOf(em, inspection.id)).filter((other) => other.decision === RecommendationDecision.PENDING);
      if (!open.length) em.assign(inspection, { status: InspectionStatus.DECIDED, decidedAt: new Date() });
      const answer = { itemId: item.id, decision: args.decision };
      await publishChange(context, em, workshopEvents['inspection.recommendationDecided'], inspection.id, {
        ...(await loadInspectionSnapshot(em, inspection)),
        ...answer,
      });
      return inspection;
    });
  }

  @FieldResolver(() => [InspectionItem])
  items(@Root() inspection: Inspection, @Ctx() context: SubgraphContext): Promise<InspectionItem[]> {
    return itemsLoader(context).load(inspection.id);
  }

  @FieldResolver(() => [InspectionAvailableAction], {
    description: 'Every action of the flow with whether the caller may take it now, and when not the reasons its mutation would refuse with',
  })
  availableActions(@Root() inspection: Inspection, @Ctx() context: SubgraphContext) {
    return inspectionFlow.available(inspection, () => itemsLoader(context).load(inspection.id), context.caller);
  }

  @FieldResolver(() => Technician, { nullable: true })
  technician(@Root() inspection: Inspection, @Ctx() context: SubgraphContext): Promise<Technician | null> | null {
    return inspection.technicianId ? technicianById(context).load(inspection.technicianId) : null;
  }

  @FieldResolver(() => WorkOrder, { nullable: true })
  workOrder(@Root() inspection: Inspection, @Ctx() context: SubgraphContext): Promise<WorkOrder | null> {
    return workOrderReference.__resolveReference({ id: inspection.workOrderId }, context); // a page's work orders in one batch
  }
}

/** A page's items in one query: `items` and the rules of `availableActions` share it. */
function itemsLoader(context: SubgraphContext) {
  return loader<string, InspectionItem[]>(context, 'inspectionItems', async (ids) => {
    const rows = await context.em.find(InspectionItem, { inspectionId: { $in: [...ids] } }, { orderBy: { position: 'asc', createdAt: 'asc' } });
    return groupBy(ids, rows, (item) => item.inspectionId);
  });
}

@Resolver(() => WorkOrder)
export class WorkOrderInspectionsResolver {
  @FieldResolver(() => [Inspection], { description: "The work order's inspections, latest first" })
  inspections(@Root() workOrder: WorkOrder, @Ctx() context: SubgraphContext): Promise<Inspection[]> {
    return loader<string, Inspection[]>(context, 'inspectionsByWorkOrder', async (ids) => {
      const rows = await readMany(context.em, Inspection, { workOrderId: { $in: ids.filter(isUuid) } }, { orderBy: { createdAt: 'desc', id: 'asc' } });
      return groupBy(ids, rows, (inspection) => inspection.workOrderId);
    }).load(workOrder.id);
  }
}

export const inspectionReference = entityReference(Inspection);
