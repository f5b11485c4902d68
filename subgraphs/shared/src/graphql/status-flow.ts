import { type GraphQLError } from 'graphql';
import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import { missingRole } from '../auth/auth-checker.ts';
import { type Role } from '../auth/roles.ts';
import { type CallerContext } from '../auth/signed-context.ts';
import { badUserInput, type FieldError } from '../errors.ts';

/** One action of a status flow, as plain data: the mutation that performs it, where it may start, where it leads. */
export interface FlowActionData<S extends string> {
  mutation: string;
  from: readonly S[];
  to: S;
  /** What the action means, for the schema's enum. */
  description?: string;
}

/** What must hold beyond the status (the posting rules of COMPLETE): each violation as the mutation refuses it. */
export interface FlowRule<Subject, Facts> {
  check: (subject: Subject, facts: Facts) => FieldError[];
  /** The refusal's summary when the rule refuses (the status refusal keeps the default). */
  message?: string;
}

export interface StatusFlowSpec<S extends string, A extends string, Subject, Facts> {
  /** Every status, in the flow's order. */
  statuses: readonly S[];
  actions: Readonly<Record<A, FlowActionData<S>>>;
  statusOf: (subject: Subject) => S;
  rules?: Partial<Record<A, FlowRule<Subject, Facts>>>;
  /** Who may take each action: the mutation's `@Authorized(flow.roles.X)` reads it, `available` tells the caller. */
  roles?: Partial<Record<A, readonly Role[]>>;
  /** Why an action does not start from `status`; by default where the status may go instead, or that it is final. */
  notFrom?: (status: S, action: A, flow: { nextStatuses: (status: S) => readonly S[] }) => FieldError[];
  /** The error of a refusal; by default BAD_USER_INPUT naming each field. */
  refuse?: (reasons: FieldError[], message: string | undefined) => GraphQLError;
}

/** One action as `availableActions` answers it: whether the caller may take it now and, when not, why. */
export interface AvailableAction<A extends string> {
  action: A;
  mutation: string;
  /** The current status leads on by this action (false: the flow does not offer it from here). */
  next: boolean;
  allowed: boolean;
  reasons: FieldError[];
}

/** The facts a rule needs, loaded at most once and only when a rule is asked. */
type FactsSource<Facts> = Facts | (() => Facts | Promise<Facts>);

export interface StatusFlow<S extends string, A extends string, Subject, Facts> {
  readonly statuses: readonly S[];
  readonly actions: Readonly<Record<A, FlowActionData<S>>>;
  /** Who may take each action (every signed-in member when not given). */
  readonly roles: Readonly<Record<A, Role[]>>;
  nextStatuses(status: S): readonly S[];
  isFinal(status: S): boolean;
  /** Every reason `action` is refused for `subject` now; [] when it is allowed. */
  reasons(action: A, subject: Subject, facts: FactsSource<Facts>): Promise<FieldError[]>;
  /** Throws the refusal `reasons` gives, the very words `availableActions` shows. */
  assert(action: A, subject: Subject, facts: FactsSource<Facts>): Promise<void>;
  /**
   * Every action of the flow for `subject`, allowed or with its reasons. With `caller`, an action its
   * roles may not take has that one reason, the FORBIDDEN its mutation answers before anything else.
   */
  available(subject: Subject, facts: FactsSource<Facts>, caller?: Pick<CallerContext, 'actorType' | 'roles'>): Promise<AvailableAction<A>[]>;
}

const or = (statuses: readonly string[]) => statuses.join(' or ');

/**
 * A status flow as data: the statuses, the actions between them and the rules that may block an action.
 * One function decides whether an action may be taken, so the mutation's refusal and the API's
 * `availableActions` can never disagree.
 */
export function defineStatusFlow<S extends string, A extends string, Subject, Facts = undefined>(
  spec: StatusFlowSpec<S, A, Subject, Facts>,
): StatusFlow<S, A, Subject, Facts> {
  const names = Object.keys(spec.actions) as A[];
  const next = new Map<S, S[]>(
    spec.statuses.map((status) => [
      status,
      [...new Set(names.filter((name) => spec.actions[name].from.includes(status)).map((name) => spec.actions[name].to))],
    ]),
  );
  const nextStatuses = (status: S): readonly S[] => next.get(status) ?? [];
  const isFinal = (status: S) => nextStatuses(status).length === 0;
  const notFrom =
    spec.notFrom ??
    ((status: S, action: A): FieldError[] => {
      const to = spec.actions[action].to;
      const onward = nextStatuses(status);
      return [
        {
          field: 'status',
          message: `cannot go from ${status} to ${to}; ${onward.length ? `from ${status} it can go to ${or(onward)}` : `${status} is final`}`,
        },
      ];
    });
  const refuse = spec.refuse ?? ((reasons: FieldError[], message: string | undefined) => badUserInput(reasons, message));

  /** Loads the facts once for all the rules of one subject. */
  const once = (source: FactsSource<Facts>) => {
    let loaded: Promise<Facts> | undefined;
    return () => (loaded ??= Promise.resolve(typeof source === 'function' ? (source as () => Facts | Promise<Facts>)() : source));
  };

  async function reasonsWith(action: A, subject: Subject, facts: () => Promise<Facts>): Promise<{ reasons: FieldError[]; byRule: boolean }> {
    const status = spec.statusOf(subject);
    if (!spec.actions[action].from.includes(status)) return { reasons: notFrom(status, action, { nextStatuses }), byRule: false };
    const rule = spec.rules?.[action];
    return { reasons: rule ? rule.check(subject, await facts()) : [], byRule: true };
  }

  const roles = Object.fromEntries(names.map((name) => [name, [...(spec.roles?.[name] ?? [])]])) as Record<A, Role[]>;

  return {
    statuses: spec.statuses,
    actions: spec.actions,
    roles,
    nextStatuses,
    isFinal,
    reasons: async (action, subject, facts) => (await reasonsWith(action, subject, once(facts))).reasons,
    async assert(action, subject, facts) {
      const { reasons, byRule } = await reasonsWith(action, subject, once(facts));
      if (reasons.length) throw refuse(reasons, byRule ? spec.rules?.[action]?.message : undefined);
    },
    async available(subject, facts, caller) {
      const load = once(facts);
      const status = spec.statusOf(subject);
      return Promise.all(
        names.map(async (action) => {
          const forbidden = caller && missingRole(caller, roles[action]);
          const { reasons } = forbidden ? { reasons: [{ field: 'role', message: forbidden }] } : await reasonsWith(action, subject, load);
          return { action, mutation: spec.actions[action].mutation, next: spec.actions[action].from.includes(status), allowed: !reasons.length, reasons };
        }),
      );
    },
  };
}

/** A reason an action is refused: the field and message its mutation's BAD_USER_INPUT (or CONFLICT) names. */
@Directive('@shareable')
@ObjectType({
  description: "Why an action is refused now: the same field and message as its mutation's refusal (`extensions.fields`; for `role`, the FORBIDDEN message)",
})
export class ActionReason {
  @Field(() => String) field!: string;
  @Field(() => String) message!: string;
}

/**
 * `<Entity>Action` (an enum of the flow's actions, each described by its mutation) and
 * `<Entity>AvailableAction`: one type per entity, so a client's `action` is that entity's own enum.
 */
export function availableActionType<A extends string>(entity: string, actions: Readonly<Record<A, FlowActionData<string>>>) {
  const names = Object.keys(actions) as A[];
  const actionEnum = Object.fromEntries(names.map((name) => [name, name])) as { [K in A]: K };
  registerEnumType(actionEnum, {
    name: `${entity}Action`,
    description: `What can be done to a ${entity} along its status flow`,
    valuesConfig: Object.fromEntries(
      names.map((name) => {
        const { mutation, from, to, description } = actions[name];
        return [name, { description: `${description ? `${description}: ` : ''}\`${mutation}\`, ${from.join(' or ')} -> ${to}` }];
      }),
    ) as Record<A, { description: string }>,
  });

  @ObjectType(`${entity}AvailableAction`, { description: `An action on a ${entity}: whether the caller may take it now and, when not, why` })
  class AvailableActionType implements AvailableAction<A> {
    @Field(() => actionEnum) action!: A;
    @Field(() => String, { description: 'The mutation that takes it' }) mutation!: string;
    @Field(() => Boolean, { description: 'The current status leads on by this action; false when the flow does not offer it from here' }) next!: boolean;
    @Field(() => Boolean, { description: 'Taking it now would succeed as far as the status and the rules go' }) allowed!: boolean;
    @Field(() => [ActionReason], { description: 'Why it is refused now: exactly what its mutation would answer; empty when allowed' }) reasons!: ActionReason[];
  }
  return { actionEnum, AvailableActionType };
}
