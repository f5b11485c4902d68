import { ArchivedAt, crudEvents, defineContract, Id, Instant, MinorUnits, Nullable, OneOf, Payload, Reference, Type, type EventSpec } from '@atelier/kit';
import { ARRIVAL_EVENTS, WORK_ORDER_ACTIONS, WORK_ORDER_STATUSES, type WorkOrderStatus } from './work-orders/work-order-flow.data.ts';

/**
 * workshop's contract: the events it publishes and what they carry. Other subgraphs import this module (it
 * is declarations only) to consume them; partners see the webhook ones in `webhookEventTypes`.
 * Money is in minor units of the record's `currency`; distances in kilometres.
 */

const Currency = () => Type.String({ description: 'ISO 4217 currency code of every amount', minLength: 3, maxLength: 3 });
const Text = (description?: string) => Nullable(Type.String(description ? { description } : {}));
const Kilometres = (description: string) => Nullable(Type.Integer({ minimum: 0, description: `${description}, in kilometres` }));
const timestamps = { createdAt: Instant(), updatedAt: Instant() };
/** The statuses of the work-order flow, as the flow declares them. */
const WorkOrderStatusField = (description: string) =>
  OneOf(WORK_ORDER_STATUSES as readonly WorkOrderStatus[] as readonly [WorkOrderStatus, ...WorkOrderStatus[]], description);

/** A vehicle (v1). */
export const VehicleSnapshot = Payload(
  {
    id: Id(),
    vin: Text('17-character vehicle identification number'),
    make: Text(),
    model: Text(),
    year: Nullable(Type.Integer({ description: 'Model year' })),
    engine: Text('Displacement, cylinders and engine model, e.g. "2.4L 4 cyl (K24Z3)"'),
    bodyClass: Text('Body style, e.g. "Sedan/Saloon"'),
    fuelType: Text('Primary fuel, e.g. "Gasoline"'),
    vinDecodeStatus: Nullable(
      OneOf(['PENDING', 'DECODED', 'PARTIAL', 'FAILED'], 'How far blank fields were filled from the VIN; null when there was nothing to decode'),
    ),
    vinDecodeNote: Text('What could not be decoded from the VIN, and why'),
    plate: Text('Licence plate, upper case'),
    mileage: Kilometres('Last known odometer reading'),
    ownerId: Nullable(Reference('Customer', 'The owning customer (crm)')),
    ...timestamps,
    archivedAt: ArchivedAt(),
  },
  'A vehicle the shop works on',
);

/** An entry of the service catalogue (v1). */
export const ServiceItemSnapshot = Payload(
  {
    id: Id(),
    code: Type.String({ description: 'Short code the shop uses, e.g. `OIL-01`' }),
    name: Type.String(),
    kind: OneOf(['LABOUR', 'FEE'], 'Labour priced by the hour, or a fixed fee'),
    description: Text(),
    standardHours: Nullable(Type.Number({ description: 'Book time in hours (labour only)' })),
    rate: MinorUnits('Hourly rate (labour) or the fee, in minor units of `currency` (cents)'),
    currency: Currency(),
    taxable: Type.Boolean(),
    active: Type.Boolean({ description: 'Inactive items stay on old work orders but are not offered for new ones' }),
    ...timestamps,
    archivedAt: ArchivedAt(),
  },
  "An entry of the shop's service catalogue: a labour operation or a fee",
);

/** A technician (v1). */
export const TechnicianSnapshot = Payload(
  {
    id: Id(),
    name: Type.String(),
    userId: Nullable(Reference('User', 'The identity user who is this technician, if they sign in')),
    skills: Type.Array(Type.String(), { description: 'Lower-case tags, e.g. `diesel`' }),
    active: Type.Boolean({ description: 'Inactive technicians keep their past appointments but cannot be booked' }),
    ...timestamps,
    archivedAt: ArchivedAt(),
  },
  'A technician of the shop, bookable for appointments',
);

/** An appointment (v1). */
export const AppointmentSnapshot = Payload(
  {
    id: Id(),
    customerId: Reference('Customer', 'The customer (crm)'),
    vehicleId: Nullable(Reference('Vehicle')),
    technicianId: Nullable(Reference('Technician')),
    bay: Text('The bay or lift, as the shop names it'),
    startsAt: Instant(),
    endsAt: Instant(),
    status: OneOf(['BOOKED', 'CANCELLED', 'COMPLETED', 'NO_SHOW'], 'Only BOOKED holds its technician and bay'),
    notes: Text(),
    cancellationReason: Text(),
    ...timestamps,
  },
  'A booking of a customer at the shop',
);

const LineKind = OneOf(['LABOUR', 'PART', 'FEE'], 'Labour (hours at a rate), a part (units at a price) or a fee');

/** The priced content of a line, on a work order or recommended by an inspection. */
const linePricing = {
  kind: LineKind,
  description: Type.String(),
  serviceItemId: Nullable(Reference('ServiceItem', 'The catalogue entry it came from (labour or fee)')),
  productId: Nullable(Reference('Product', 'The commerce product (parts)')),
  partNumber: Text('The part number, as it was when the line was added'),
  quantity: Type.Number({ description: 'Hours (labour), units (parts) or 1 (fees)' }),
  unitPrice: Nullable(MinorUnits('Rate per hour, price per unit or the fee, in minor units; null for a part not priced yet')),
  total: MinorUnits('Quantity times unit price, rounded to the minor unit (0 while unpriced)'),
  taxable: Type.Boolean(),
};

export const WorkOrderLineSnapshot = Payload(
  {
    id: Id(),
    ...linePricing,
    technicianId: Nullable(Reference('Technician', 'Who does the work (labour)')),
    inspectionItemId: Nullable(Reference('InspectionItem', 'The recommended repair the customer approved that became this line')),
  },
  'A line of a work order, in the order of the estimate',
);

/** A work order with its lines and totals (v1): what an estimate shows. */
export const WorkOrderSnapshot = Payload(
  {
    id: Id(),
    number: Type.String({ description: 'Numbered per organization: `WO-000123`' }),
    status: WorkOrderStatusField('DRAFT -> ESTIMATE_SENT -> APPROVED -> IN_PROGRESS -> READY -> COMPLETED; any but COMPLETED may be CANCELLED'),
    customerId: Reference('Customer', 'The customer (crm)'),
    vehicleId: Reference('Vehicle'),
    appointmentId: Nullable(Reference('Appointment', 'The appointment it came from')),
    complaint: Text("What the customer reports or asks for, in the customer's words"),
    notes: Text('Internal notes'),
    odometerIn: Kilometres('Odometer when the vehicle came in'),
    odometerOut: Kilometres('Odometer when the vehicle left'),
    promisedAt: Nullable(Instant('When the customer was told the vehicle would be ready')),
    currency: Currency(),
    taxRatePercent: Type.Number({ minimum: 0, description: 'Tax rate in percent applied to taxable lines, e.g. 16 or 7.5' }),
    lines: Type.Array(WorkOrderLineSnapshot),
    labourTotal: MinorUnits('Sum of the labour lines, in minor units of `currency`'),
    partsTotal: MinorUnits('Sum of the part lines, in minor units of `currency`'),
    feesTotal: MinorUnits('Sum of the fee lines, in minor units of `currency`'),
    subtotal: MinorUnits('Labour, parts and fees before tax, in minor units of `currency`'),
    taxTotal: MinorUnits('Tax on the taxable lines, rounded half up once on their sum, in minor units of `currency`'),
    total: MinorUnits('What the customer pays (subtotal plus tax), in minor units of `currency`'),
    estimateSentAt: Nullable(Instant()),
    approvedAt: Nullable(Instant()),
    approvedBy: Text('How the customer approved: in person, or the e-signature that did it'),
    startedAt: Nullable(Instant()),
    readyAt: Nullable(Instant()),
    completedAt: Nullable(Instant()),
    cancelledAt: Nullable(Instant()),
    cancellationReason: Text(),
    ...timestamps,
  },
  "A job on a customer's vehicle, with its lines and totals",
);

const RecommendedLineSnapshot = Payload(linePricing, 'A line of a recommended repair, priced as the customer sees it');

export const InspectionItemSnapshot = Payload(
  {
    id: Id(),
    name: Type.String({ description: 'What is checked, e.g. "Brake pads and discs"' }),
    condition: Nullable(OneOf(['GOOD', 'ATTENTION', 'URGENT'], 'Green, amber or red; null until checked')),
    notes: Text(),
    photos: Type.Array(Type.String(), { description: 'HTTPS URLs of the pictures taken' }),
    recommendation: Type.Array(RecommendedLineSnapshot, { description: 'The lines of the repair recommended; empty when none' }),
    decision: Nullable(OneOf(['PENDING', 'APPROVED', 'DECLINED'], "The customer's answer to the recommendation; null when nothing is recommended")),
    decidedAt: Nullable(Instant()),
    decidedBy: Text('Who answered and how, e.g. "Grace Hopper by phone"'),
  },
  'A checklist item of an inspection, in checklist order',
);

/** An inspection with its checklist (v1). */
export const InspectionSnapshot = Payload(
  {
    id: Id(),
    workOrderId: Reference('WorkOrder'),
    vehicleId: Reference('Vehicle', "The work order's vehicle"),
    technicianId: Nullable(Reference('Technician', 'Who inspects')),
    status: OneOf(['IN_PROGRESS', 'SENT', 'DECIDED'], 'IN_PROGRESS -> SENT (to the customer) -> DECIDED (every recommendation answered)'),
    notes: Text('Summary for the customer'),
    items: Type.Array(InspectionItemSnapshot),
    sentAt: Nullable(Instant()),
    decidedAt: Nullable(Instant()),
    ...timestamps,
  },
  'A digital vehicle inspection of a work order, with its checklist',
);

/** A snapshot plus what one event adds to it (still no other field). */
const With = <P extends ReturnType<typeof Payload>, X extends Parameters<typeof Payload>[0]>(snapshot: P, extra: X) =>
  Type.Composite([snapshot, Type.Object(extra)], { additionalProperties: false });

const AppointmentRescheduled = With(AppointmentSnapshot, {
  previous: Payload(
    { startsAt: Instant(), endsAt: Instant(), technicianId: Nullable(Reference('Technician')), bay: Text() },
    'Where and when it was before the move',
  ),
});

const CalendarChangeRefused = With(AppointmentSnapshot, {
  reason: Type.String({ description: 'Why workshop refused it, e.g. the slot is taken' }),
  refused: Payload(
    { cancelled: Type.Boolean(), startsAt: Nullable(Instant()), endsAt: Nullable(Instant()) },
    'The change made in Google Calendar that was refused',
  ),
});

const WorkOrderMoved = With(WorkOrderSnapshot, { previousStatus: WorkOrderStatusField('Where it came from') });

type ArrivalVerb = (typeof ARRIVAL_EVENTS)[keyof typeof ARRIVAL_EVENTS];

/** One event per arrival of the work-order flow (work-order-flow.data.ts), each carrying the whole work order. */
const workOrderFlowEvents = Object.fromEntries(
  Object.entries(ARRIVAL_EVENTS).map(([status, verb]) => {
    const action = Object.values(WORK_ORDER_ACTIONS).find((candidate) => candidate.to === status);
    const spec: EventSpec<typeof WorkOrderMoved> = {
      description: `A work order moved to ${status}: ${action?.description ?? verb}`,
      webhook: true,
      version: 1,
      payload: WorkOrderMoved,
    };
    return [`workOrder.${verb}`, spec];
  }),
) as { [V in ArrivalVerb as `workOrder.${V}`]: EventSpec<typeof WorkOrderMoved> };

export const workshopContract = defineContract('workshop', {
  ...crudEvents('vehicle', 'vehicle', VehicleSnapshot, { webhook: true }),
  'vehicle.mileageCorrected': {
    description: "A vehicle's mileage was corrected (possibly downwards), with the reason",
    webhook: true,
    version: 1,
    payload: With(VehicleSnapshot, { previousMileage: Kilometres('The reading before the correction'), reason: Type.String() }),
  },
  ...crudEvents('serviceItem', 'service catalogue item', ServiceItemSnapshot, { webhook: true }),
  ...crudEvents('technician', 'technician', TechnicianSnapshot, { webhook: true }),
  ...crudEvents('appointment', 'appointment', AppointmentSnapshot, { webhook: true }),
  'appointment.rescheduled': {
    description: 'An appointment was moved to another time, technician or bay',
    webhook: true,
    version: 1,
    payload: AppointmentRescheduled,
  },
  'appointment.cancelled': { description: 'An appointment was cancelled, with the reason', webhook: true, version: 1, payload: AppointmentSnapshot },
  'appointment.announced': {
    description: 'An upcoming booked appointment announced again as it is (to a calendar connected after it was booked); nothing changed',
    webhook: false,
    version: 1,
    payload: AppointmentSnapshot,
  },
  'appointment.calendarChangeRefused': {
    description: 'A change made in Google Calendar to an appointment was refused (e.g. the slot is taken), with the reason; the calendar is put back',
    webhook: false,
    version: 1,
    payload: CalendarChangeRefused,
  },
  ...crudEvents('workOrder', 'work order', WorkOrderSnapshot, { webhook: true }),
  ...workOrderFlowEvents,
  ...crudEvents('inspection', 'vehicle inspection', InspectionSnapshot, { webhook: true }),
  'inspection.sent': {
    description: 'An inspection was shown to the customer, with its recommended repairs',
    webhook: true,
    version: 1,
    payload: InspectionSnapshot,
  },
  'inspection.recommendationDecided': {
    description: 'The customer approved (it became a work-order line) or declined a recommended repair',
    webhook: true,
    version: 1,
    payload: With(InspectionSnapshot, {
      itemId: Reference('InspectionItem', 'The item whose recommendation was answered'),
      decision: OneOf(['APPROVED', 'DECLINED']),
    }),
  },
});

export const workshopEvents = workshopContract.events;

type WorkshopEvent = (typeof workshopEvents)[keyof typeof workshopEvents];

/** Every event about one of workshop's entities (`workOrder`: its own changes and every arrival of its flow), for consumers of all of them. */
export function workshopEventsAbout<const K extends 'vehicle' | 'serviceItem' | 'technician' | 'appointment' | 'workOrder' | 'inspection'>(entity: K) {
  type About = Extract<WorkshopEvent, { name: `workshop.${K}.${string}` }>;
  const about = Object.values(workshopEvents).filter((type): type is About => type.name.startsWith(`workshop.${entity}.`));
  return about as [About, ...About[]]; // never empty: the contract declares at least created/updated/deleted of each
}

export {
  ARRIVAL_EVENTS,
  NEXT_STATUSES,
  SIGNABLE_STATUSES,
  WORK_ORDER_EVENT_VERBS,
  WORK_ORDER_STATUSES,
  WorkOrderStatus,
} from './work-orders/work-order-flow.data.ts';
