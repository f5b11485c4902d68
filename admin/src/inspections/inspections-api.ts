import { apiRequests } from '../actions/api-request.ts';
import { createApiClient } from '../api/client.ts';
import { currentSession } from '../auth/session.ts';
import {
  AdminAddInspectionItemDocument,
  AdminAddRecommendedLineDocument,
  AdminDecideRecommendationDocument,
  AdminInspectionDocument,
  AdminRemoveRecommendedLineDocument,
  AdminSendInspectionDocument,
  AdminStartInspectionDocument,
  AdminUpdateInspectionDocument,
  AdminUpdateInspectionItemDocument,
  AdminWorkOrderInspectionsDocument,
  type AdminAddRecommendedLineMutationVariables,
  type AdminDecideRecommendationMutationVariables,
  type AdminUpdateInspectionMutationVariables,
  type AdminUpdateInspectionItemMutationVariables,
} from '../generated/operations.ts';
import type { InspectionDetail, WorkOrderInspections } from './inspection-types.ts';

/** The inspection screen's and the work order's inspections section's calls, each typed by its document of inspections.graphql. */
export interface InspectionsApi {
  getInspection(id: string): Promise<InspectionDetail | null>;
  getWorkOrderInspections(workOrderId: string): Promise<WorkOrderInspections | null>;
  /** Starts from the shop's standard checklist; answers the new inspection's ID. */
  startInspection(workOrderId: string): Promise<string>;
  updateInspection(variables: AdminUpdateInspectionMutationVariables): Promise<void>;
  /** A checklist item of its own, at the end of the list. */
  addItem(inspectionId: string, name: string): Promise<void>;
  updateItem(variables: AdminUpdateInspectionItemMutationVariables): Promise<void>;
  addRecommendedLine(variables: AdminAddRecommendedLineMutationVariables): Promise<void>;
  removeRecommendedLine(id: string, index: number): Promise<void>;
  sendInspection(id: string): Promise<void>;
  decide(variables: AdminDecideRecommendationMutationVariables): Promise<void>;
}

/**
 * On a client of its own like the admin's (same gateway, same session token): the screens mount from the
 * work-order screen and the resource overrides, which hand them no client. Failures are react-admin
 * HttpErrors (BAD_USER_INPUT with its field messages); the screens sign out on a 401 (useLogoutIfAccessDenied).
 */
export function createInspectionsApi(): InspectionsApi {
  const api = apiRequests(createApiClient(() => currentSession()?.token));
  return {
    getInspection: async (id) => (await api.query(AdminInspectionDocument, { id })).inspection,
    getWorkOrderInspections: async (workOrderId) => (await api.query(AdminWorkOrderInspectionsDocument, { workOrderId })).workOrder,
    startInspection: async (workOrderId) => (await api.mutate(AdminStartInspectionDocument, { input: { workOrderId } })).createInspection.id,
    async updateInspection(variables) {
      await api.mutate(AdminUpdateInspectionDocument, variables);
    },
    async addItem(inspectionId, name) {
      await api.mutate(AdminAddInspectionItemDocument, { inspectionId, input: { name } });
    },
    async updateItem(variables) {
      await api.mutate(AdminUpdateInspectionItemDocument, variables);
    },
    async addRecommendedLine(variables) {
      await api.mutate(AdminAddRecommendedLineDocument, variables);
    },
    async removeRecommendedLine(id, index) {
      await api.mutate(AdminRemoveRecommendedLineDocument, { id, index });
    },
    async sendInspection(id) {
      await api.mutate(AdminSendInspectionDocument, { id });
    },
    async decide(variables) {
      await api.mutate(AdminDecideRecommendationDocument, variables);
    },
  };
}

/** One for the admin: both screens share it. */
export const inspectionsApi = createInspectionsApi();
