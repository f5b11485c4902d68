/**
 * Where each resource sits in the menu. A type lands in a group by name (RESOURCE_GROUPS, which also holds
 * the types commerce, CRM and content bring), else by a word of its name (`CustomerNote` → Customers,
 * `WebhookSecret` → Developers), else under "More", so a new resource always shows somewhere. Within a group
 * the listed types come in the order listed (the order people reach for them), then the others by name.
 */
export const MENU_GROUPS = ['workshop', 'sales', 'customers', 'content', 'integrations', 'settings', 'developers', 'more'] as const;

export type MenuGroup = (typeof MENU_GROUPS)[number];

const RESOURCE_GROUPS: Record<string, MenuGroup> = {
  WorkOrder: 'workshop',
  Vehicle: 'workshop',
  Appointment: 'workshop',
  Inspection: 'workshop',
  Technician: 'workshop',
  ServiceItem: 'workshop',
  Product: 'sales',
  StockMovement: 'sales',
  Sale: 'sales',
  Invoice: 'sales',
  Payment: 'sales',
  Refund: 'sales',
  Customer: 'customers',
  Conversation: 'customers',
  Message: 'customers',
  Note: 'customers',
  Ticket: 'customers',
  QuickReply: 'customers',
  MessageTemplate: 'customers',
  Segment: 'customers',
  BulkSend: 'customers',
  AssistantConfig: 'customers',
  ScheduledMessage: 'customers',
  Post: 'content',
  Page: 'content',
  MediaAsset: 'content',
  Category: 'content',
  Connection: 'integrations',
  SyncRun: 'integrations',
  EntityMapping: 'integrations',
  SignatureRequest: 'integrations',
  CalendarEvent: 'integrations',
  Membership: 'settings',
  Invitation: 'settings',
  Organization: 'settings',
  ApiKey: 'developers',
  WebhookEndpoint: 'developers',
  WebhookDelivery: 'developers',
  InboundEvent: 'developers',
};

/** Words of a type's name that say its group when the type is not listed above; the first group with a match wins. */
const GROUP_WORDS: [MenuGroup, RegExp][] = [
  ['developers', /Webhook|ApiKey|Inbound|Delivery/],
  ['integrations', /Sync|Mapping|Connection|Signature|Calendar/],
  ['workshop', /WorkOrder|Vehicle|Appointment|Inspection|Technician|Service|Odometer|Bay/],
  ['sales', /Invoice|Payment|Sale|Refund|Stock|Product|Price|Tax|Order/],
  ['customers', /Customer|Contact|Lead|Conversation|Message|Ticket|Segment|Campaign/],
  ['content', /Post|Page|Media|Category|Article|Tag/],
  ['settings', /Member|Invitation|Role|Organization|Settings|User/],
];

const LISTED = Object.keys(RESOURCE_GROUPS);

/** Orders the resources of one group: listed types as listed, then the others alphabetically. */
export function byMenuOrder(a: string, b: string): number {
  const rank = (name: string) => (LISTED.includes(name) ? LISTED.indexOf(name) : LISTED.length);
  return rank(a) - rank(b) || a.localeCompare(b);
}

export function groupOf(typeName: string): MenuGroup {
  return RESOURCE_GROUPS[typeName] ?? GROUP_WORDS.find(([, words]) => words.test(typeName))?.[0] ?? 'more';
}
