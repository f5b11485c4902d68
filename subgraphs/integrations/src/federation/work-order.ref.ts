import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** workshop's WorkOrder as integrations sees it: only the key, so integrations can add `signatureRequests`. */
@Directive('@key(fields: "id")')
@ObjectType('WorkOrder')
export class WorkOrderRef {
  @Field(() => ID)
  id!: string;
}

export const workOrderRefReference = {
  __resolveReference: (reference: { id: string }): WorkOrderRef => ({ id: reference.id }),
};
