import type {
  AdminInspectionAvailableActionFragment,
  AdminInspectionItemFragment,
  AdminInspectionQuery,
  AdminRecommendedLineFragment,
  AdminWorkOrderInspectionsQuery,
} from '../generated/operations.ts';
import type { InspectionCondition, InspectionStatus, RecommendationDecision, WorkOrderLineKind } from '../generated/graphql.ts';

export type { InspectionCondition, InspectionStatus, RecommendationDecision, WorkOrderLineKind };

// the shapes of inspections.graphql's queries

/** The inspection screen. */
export type InspectionDetail = NonNullable<AdminInspectionQuery['inspection']>;
export type InspectionItemRow = AdminInspectionItemFragment;
export type RecommendedLineRow = AdminRecommendedLineFragment;
export type InspectionActionRow = AdminInspectionAvailableActionFragment;

/** The work order's inspections section. */
export type WorkOrderInspections = NonNullable<AdminWorkOrderInspectionsQuery['workOrder']>;
export type InspectionSummary = WorkOrderInspections['inspections'][number];
