export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar. */
  DateTime: { input: string; output: string; }
  /** The `JSONObject` scalar type represents JSON objects as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSONObject: { input: unknown; output: unknown; }
};

export type Query = {
  __typename?: 'Query';
  /** One Product; null when absent or not visible to you */
  product?: Maybe<Product>;
  /** Product list with filters, ordering and paging */
  products: ProductConnection;
  /** One Customer; null when absent or not visible to you */
  customer?: Maybe<Customer>;
  /** Customer list with filters, ordering and paging */
  customers: CustomerConnection;
  /** One ApiKey; null when absent or not visible to you */
  apiKey?: Maybe<ApiKey>;
  /** ApiKey list with filters, ordering and paging */
  apiKeys: ApiKeyConnection;
  /** One Membership; null when absent or not visible to you */
  membership?: Maybe<Membership>;
  /** Membership list with filters, ordering and paging */
  memberships: MembershipConnection;
  /** Your organization */
  organization: Organization;
  /** One Invitation; null when absent or not visible to you */
  invitation?: Maybe<Invitation>;
  /** Invitation list with filters, ordering and paging */
  invitations: InvitationConnection;
  /** The caller */
  me: Viewer;
  /** One Connection; null when absent or not visible to you */
  connection?: Maybe<Connection>;
  /** Connection list with filters, ordering and paging */
  connections: ConnectionConnection;
  /** Every provider with your connection to it, if any */
  providers: Array<ProviderInfo>;
  integrationHealth: IntegrationHealth;
  appointmentReminderSettings: AppointmentReminderSettings;
  /** One ScheduledMessage; null when absent or not visible to you */
  scheduledMessage?: Maybe<ScheduledMessage>;
  /** ScheduledMessage list with filters, ordering and paging */
  scheduledMessages: ScheduledMessageConnection;
  /** One SyncRun; null when absent or not visible to you */
  syncRun?: Maybe<SyncRun>;
  /** SyncRun list with filters, ordering and paging */
  syncRuns: SyncRunConnection;
  /** One InboundEvent; null when absent or not visible to you */
  inboundEvent?: Maybe<InboundEvent>;
  /** InboundEvent list with filters, ordering and paging */
  inboundEvents: InboundEventConnection;
  /** Decodes a VIN through NHTSA vPIC (cached for 90 days). A malformed VIN, or a North American one whose check digit does not match, is BAD_USER_INPUT; a VIN vPIC cannot decode (or an outage) gives a partial decoding, never an error. */
  decodeVin: VinDecoding;
  /** One WebhookEndpoint; null when absent or not visible to you */
  webhookEndpoint?: Maybe<WebhookEndpoint>;
  /** WebhookEndpoint list with filters, ordering and paging */
  webhookEndpoints: WebhookEndpointConnection;
  /** Every event type an endpoint can receive (besides webhook.test, sent by sendTestWebhook) */
  webhookEventTypes: Array<WebhookEventType>;
  /** One WebhookDelivery; null when absent or not visible to you */
  webhookDelivery?: Maybe<WebhookDelivery>;
  /** WebhookDelivery list with filters, ordering and paging */
  webhookDeliveries: WebhookDeliveryConnection;
  /** One SignatureRequest; null when absent or not visible to you */
  signatureRequest?: Maybe<SignatureRequest>;
  /** SignatureRequest list with filters, ordering and paging */
  signatureRequests: SignatureRequestConnection;
  /** One Technician; null when absent or not visible to you */
  technician?: Maybe<Technician>;
  /** Technician list with filters, ordering and paging */
  technicians: TechnicianConnection;
  /** One Vehicle; null when absent or not visible to you */
  vehicle?: Maybe<Vehicle>;
  /** Vehicle list with filters, ordering and paging */
  vehicles: VehicleConnection;
  /** One Appointment; null when absent or not visible to you */
  appointment?: Maybe<Appointment>;
  /** Appointment list with filters, ordering and paging */
  appointments: AppointmentConnection;
  /** One ServiceItem; null when absent or not visible to you */
  serviceItem?: Maybe<ServiceItem>;
  /** ServiceItem list with filters, ordering and paging */
  serviceItems: ServiceItemConnection;
  /** One WorkOrder; null when absent or not visible to you */
  workOrder?: Maybe<WorkOrder>;
  /** WorkOrder list with filters, ordering and paging */
  workOrders: WorkOrderConnection;
  /** One Inspection; null when absent or not visible to you */
  inspection?: Maybe<Inspection>;
  /** Inspection list with filters, ordering and paging */
  inspections: InspectionConnection;
};


export type QueryProductArgs = {
  id: Scalars['ID']['input'];
};


export type QueryProductsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  filter?: InputMaybe<ProductFilter>;
  orderBy?: InputMaybe<Array<ProductOrderBy>>;
  archived?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryCustomerArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCustomersArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  filter?: InputMaybe<CustomerFilter>;
  orderBy?: InputMaybe<Array<CustomerOrderBy>>;
  archived?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryApiKeyArgs = {
  id: Scalars['ID']['input'];
};


export type QueryApiKeysArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  filter?: InputMaybe<ApiKeyFilter>;
  orderBy?: InputMaybe<Array<ApiKeyOrderBy>>;
};


export type QueryMembershipArgs = {
  id: Scalars['ID']['input'];
};


export type QueryMembershipsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  filter?: InputMaybe<MembershipFilter>;
  orderBy?: InputMaybe<Array<MembershipOrderBy>>;
};


export type QueryInvitationArgs = {
  id: Scalars['ID']['input'];
};


export type QueryInvitationsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  filter?: InputMaybe<InvitationFilter>;
  orderBy?: InputMaybe<Array<InvitationOrderBy>>;
};


export type QueryConnectionArgs = {
  id: Scalars['ID']['input'];
};


export type QueryConnectionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  filter?: InputMaybe<ConnectionFilter>;
  orderBy?: InputMaybe<Array<ConnectionOrderBy>>;
};


export type QueryScheduledMessageArgs = {
  id: Scalars['ID']['input'];
};


export type QueryScheduledMessagesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  filter?: InputMaybe<ScheduledMessageFilter>;
  orderBy?: InputMaybe<Array<ScheduledMessageOrderBy>>;
};


export type QuerySyncRunArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySyncRunsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  filter?: InputMaybe<SyncRunFilter>;
  orderBy?: InputMaybe<Array<SyncRunOrderBy>>;
};


export type QueryInboundEventArgs = {
  id: Scalars['ID']['input'];
};


export type QueryInboundEventsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  filter?: InputMaybe<InboundEventFilter>;
  orderBy?: InputMaybe<Array<InboundEventOrderBy>>;
};


export type QueryDecodeVinArgs = {
  vin: Scalars['String']['input'];
};


export type QueryWebhookEndpointArgs = {
  id: Scalars['ID']['input'];
};


export type QueryWebhookEndpointsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  filter?: InputMaybe<WebhookEndpointFilter>;
  orderBy?: InputMaybe<Array<WebhookEndpointOrderBy>>;
};


export type QueryWebhookDeliveryArgs = {
  id: Scalars['ID']['input'];
};


export type QueryWebhookDeliveriesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  filter?: InputMaybe<WebhookDeliveryFilter>;
  orderBy?: InputMaybe<Array<WebhookDeliveryOrderBy>>;
};


export type QuerySignatureRequestArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySignatureRequestsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  filter?: InputMaybe<SignatureRequestFilter>;
  orderBy?: InputMaybe<Array<SignatureRequestOrderBy>>;
};


export type QueryTechnicianArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTechniciansArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  filter?: InputMaybe<TechnicianFilter>;
  orderBy?: InputMaybe<Array<TechnicianOrderBy>>;
  archived?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryVehicleArgs = {
  id: Scalars['ID']['input'];
};


export type QueryVehiclesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  filter?: InputMaybe<VehicleFilter>;
  orderBy?: InputMaybe<Array<VehicleOrderBy>>;
  archived?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryAppointmentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryAppointmentsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  filter?: InputMaybe<AppointmentFilter>;
  orderBy?: InputMaybe<Array<AppointmentOrderBy>>;
};


export type QueryServiceItemArgs = {
  id: Scalars['ID']['input'];
};


export type QueryServiceItemsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  filter?: InputMaybe<ServiceItemFilter>;
  orderBy?: InputMaybe<Array<ServiceItemOrderBy>>;
  archived?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryWorkOrderArgs = {
  id: Scalars['ID']['input'];
};


export type QueryWorkOrdersArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  filter?: InputMaybe<WorkOrderFilter>;
  orderBy?: InputMaybe<Array<WorkOrderOrderBy>>;
};


export type QueryInspectionArgs = {
  id: Scalars['ID']['input'];
};


export type QueryInspectionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  filter?: InputMaybe<InspectionFilter>;
  orderBy?: InputMaybe<Array<InspectionOrderBy>>;
};

/** A part or stock item */
export type Product = {
  __typename?: 'Product';
  id: Scalars['ID']['output'];
  createdAt: Scalars['DateTime']['output'];
  updatedAt: Scalars['DateTime']['output'];
  /** When it was archived (kept for history, left out of lists); null while in use */
  archivedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The shop's or manufacturer's part number, unique in the organization */
  partNumber: Scalars['String']['output'];
  name: Scalars['String']['output'];
  description?: Maybe<Scalars['String']['output']>;
  /** Selling price of one unit, in minor units of the currency */
  price: Scalars['Int']['output'];
  /** ISO 4217 currency code */
  currency: Scalars['String']['output'];
  /** Units in stock */
  stockOnHand: Scalars['Int']['output'];
  /** Whether tax applies to it */
  taxable: Scalars['Boolean']['output'];
  /** Inactive products stay on old documents but are not offered for new ones */
  active: Scalars['Boolean']['output'];
};

/** A page of Product with cursors for partner apps and offsets for the admin */
export type ProductConnection = {
  __typename?: 'ProductConnection';
  nodes: Array<Product>;
  edges: Array<ProductEdge>;
  pageInfo: PageInfo;
  /** All matching rows, regardless of paging */
  totalCount: Scalars['Int']['output'];
};

export type ProductEdge = {
  __typename?: 'ProductEdge';
  cursor: Scalars['String']['output'];
  node: Product;
};

/** Where a page sits in the whole list */
export type PageInfo = {
  __typename?: 'PageInfo';
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
  endCursor?: Maybe<Scalars['String']['output']>;
};

export type ProductFilter = {
  /** Words to find in the part number, name or description */
  q?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<IdFilter>;
  partNumber?: InputMaybe<StringFilter>;
  name?: InputMaybe<StringFilter>;
  stockOnHand?: InputMaybe<IntFilter>;
  active?: InputMaybe<BooleanFilter>;
  createdAt?: InputMaybe<DateTimeFilter>;
};

/** Conditions on an ID field */
export type IdFilter = {
  eq?: InputMaybe<Scalars['ID']['input']>;
  ne?: InputMaybe<Scalars['ID']['input']>;
  in?: InputMaybe<Array<Scalars['ID']['input']>>;
  isNull?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Conditions on a text field; all given conditions must hold */
export type StringFilter = {
  eq?: InputMaybe<Scalars['String']['input']>;
  ne?: InputMaybe<Scalars['String']['input']>;
  in?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Case-insensitive substring */
  contains?: InputMaybe<Scalars['String']['input']>;
  /** Case-insensitive prefix */
  startsWith?: InputMaybe<Scalars['String']['input']>;
  /** true: the field has no value */
  isNull?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Conditions on a whole number */
export type IntFilter = {
  eq?: InputMaybe<Scalars['Int']['input']>;
  ne?: InputMaybe<Scalars['Int']['input']>;
  in?: InputMaybe<Array<Scalars['Int']['input']>>;
  gt?: InputMaybe<Scalars['Int']['input']>;
  gte?: InputMaybe<Scalars['Int']['input']>;
  lt?: InputMaybe<Scalars['Int']['input']>;
  lte?: InputMaybe<Scalars['Int']['input']>;
  isNull?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Conditions on a yes/no field */
export type BooleanFilter = {
  eq?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Conditions on a point in time (ISO-8601, UTC) */
export type DateTimeFilter = {
  gt?: InputMaybe<Scalars['DateTime']['input']>;
  gte?: InputMaybe<Scalars['DateTime']['input']>;
  lt?: InputMaybe<Scalars['DateTime']['input']>;
  lte?: InputMaybe<Scalars['DateTime']['input']>;
  isNull?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Orderings of Product lists */
export type ProductOrderBy =
  | 'PART_NUMBER_ASC'
  | 'PART_NUMBER_DESC'
  | 'NAME_ASC'
  | 'NAME_DESC'
  | 'PRICE_ASC'
  | 'PRICE_DESC'
  | 'STOCK_ON_HAND_ASC'
  | 'STOCK_ON_HAND_DESC'
  | 'CREATED_AT_ASC'
  | 'CREATED_AT_DESC';

export type Mutation = {
  __typename?: 'Mutation';
  /** Keeps the Product for history and leaves it out of lists (restoreProduct undoes it) */
  archiveProduct: Product;
  /** Brings an archived Product back into use */
  restoreProduct: Product;
  createProduct: Product;
  updateProduct: Product;
  deleteProduct: Scalars['ID']['output'];
  /** Deletes all of them or, if any is unknown, none */
  deleteProducts: Array<Scalars['ID']['output']>;
  /** Keeps the Customer for history and leaves it out of lists (restoreCustomer undoes it) */
  archiveCustomer: Customer;
  /** Brings an archived Customer back into use */
  restoreCustomer: Customer;
  createCustomer: Customer;
  updateCustomer: Customer;
  deleteCustomer: Scalars['ID']['output'];
  /** Deletes all of them or, if any is unknown, none */
  deleteCustomers: Array<Scalars['ID']['output']>;
  createApiKey: CreatedApiKey;
  /** Revokes a key at once; requests with it are refused from then on */
  revokeApiKey: ApiKey;
  changeMemberRole: Membership;
  /** Removes a person from your organization */
  removeMember: Scalars['ID']['output'];
  updateOrganization: Organization;
  /** Invites a person by email to join with a role; they become a member when they accept. The answer is the same whether or not they have an account. */
  inviteMember: Invitation;
  /** Withdraws a pending invitation: its link stops working */
  revokeInvitation: Invitation;
  /** Accepts an invitation from its emailed link, creating your account if you have none */
  acceptInvitation: AcceptedInvitation;
  /** Signs in with email and password; too many failures from one account or address are refused for a while (RATE_LIMITED) */
  login: Session;
  /** Signs out: the session token is refused from now on and its subscriptions end */
  logout: Scalars['Boolean']['output'];
  /** Creates an organization with you as its owner and emails a link to confirm your address (sign-in works once it is confirmed). The answer is the same whether or not the address already has an account. */
  signUp: SignUpResult;
  /** Confirms an email address with the emailed link's token; sign-in works from then on */
  verifyEmail: Scalars['Boolean']['output'];
  /** Changes your password; the current one must be given */
  changePassword: Scalars['Boolean']['output'];
  /** Starts connecting an OAuth provider */
  startConnection: StartedConnection;
  /** Connects a provider with keys, after checking them with the provider */
  saveCredentials: Connection;
  /** Checks the connection with the provider again */
  testConnection: Connection;
  /** Revokes access at the provider where it allows it and forgets every secret */
  disconnect: Connection;
  /** Changes the reminder settings; a new lead time moves every reminder not sent yet */
  updateAppointmentReminderSettings: AppointmentReminderSettings;
  /** Runs the syncs of a connection now */
  triggerSync: Array<SyncRun>;
  /** Syncs a connection on a cron schedule (UTC); null stops it */
  setSyncSchedule: Connection;
  /** Processes a received webhook again (after fixing what made it fail) */
  replayInboundEvent: InboundEvent;
  /** Adds an endpoint; the answer holds its signing secret, shown this once */
  createWebhookEndpoint: WebhookEndpointWithSecret;
  /** Changes an endpoint; enabling it again resets its failure count */
  updateWebhookEndpoint: WebhookEndpoint;
  /** Removes an endpoint with its delivery log */
  deleteWebhookEndpoint: Scalars['ID']['output'];
  /** Deletes all of them or, if any is unknown, none */
  deleteWebhookEndpoints: Array<Scalars['ID']['output']>;
  /** Replaces the signing secret at once; the answer holds the new one, shown this once */
  rotateWebhookEndpointSecret: WebhookEndpointWithSecret;
  /** Sends a webhook.test event to an enabled endpoint, delivered and logged like any other */
  sendTestWebhook: WebhookDelivery;
  /** Sends a delivery again now, whatever its status; a pending one keeps its schedule afterwards */
  retryWebhookDelivery: WebhookDelivery;
  /** The work order's folder in the organization's Google Drive, made on the first call, with its estimates and signed PDFs uploaded and its inspection photos following in the background (see `WorkOrder.inspectionPhotos`); calling it again returns the same folder and adds what is new. Needs a Google connection with Drive. */
  createWorkOrderFolder: WorkOrderFolder;
  /** Shares the work order's Drive folder (made if needed) as read-only with `email`, by default the customer's email */
  shareWorkOrderFolder: WorkOrderFolder;
  /** Sends the work order's estimate (a PDF) to its customer for e-signature through DocuSign. The work order must be DRAFT or ESTIMATE_SENT, have lines, and its customer an email; the organization needs a DocuSign connection with its Connect key. An envelope still pending for the work order is voided first. Signing moves the work order to APPROVED. */
  requestEstimateSignature: SignatureRequest;
  /** Keeps the Technician for history and leaves it out of lists (restoreTechnician undoes it) */
  archiveTechnician: Technician;
  /** Brings an archived Technician back into use */
  restoreTechnician: Technician;
  createTechnician: Technician;
  updateTechnician: Technician;
  deleteTechnician: Scalars['ID']['output'];
  /** Deletes all of them or, if any is unknown, none */
  deleteTechnicians: Array<Scalars['ID']['output']>;
  /** Keeps the Vehicle for history and leaves it out of lists (restoreVehicle undoes it) */
  archiveVehicle: Vehicle;
  /** Brings an archived Vehicle back into use */
  restoreVehicle: Vehicle;
  createVehicle: Vehicle;
  updateVehicle: Vehicle;
  deleteVehicle: Scalars['ID']['output'];
  /** Deletes all of them or, if any is unknown, none */
  deleteVehicles: Array<Scalars['ID']['output']>;
  /** Sets the mileage to a reading lower (or higher) than the last one, recording why; the only way back */
  correctMileage: Vehicle;
  /** Fills the vehicle's blank fields from its VIN again (after vPIC was unavailable, say): it turns PENDING until the decoding lands; nothing typed is overwritten */
  decodeVehicleVin: Vehicle;
  createAppointment: Appointment;
  updateAppointment: Appointment;
  deleteAppointment: Scalars['ID']['output'];
  /** Deletes all of them or, if any is unknown, none */
  deleteAppointments: Array<Scalars['ID']['output']>;
  /** Moves a booked appointment, optionally to another technician or bay; refuses a slot already taken */
  rescheduleAppointment: Appointment;
  /** Cancels a booked appointment, freeing its technician and bay */
  cancelAppointment: Appointment;
  /** Keeps the ServiceItem for history and leaves it out of lists (restoreServiceItem undoes it) */
  archiveServiceItem: ServiceItem;
  /** Brings an archived ServiceItem back into use */
  restoreServiceItem: ServiceItem;
  createServiceItem: ServiceItem;
  updateServiceItem: ServiceItem;
  deleteServiceItem: Scalars['ID']['output'];
  /** Deletes all of them or, if any is unknown, none */
  deleteServiceItems: Array<Scalars['ID']['output']>;
  createWorkOrder: WorkOrder;
  updateWorkOrder: WorkOrder;
  deleteWorkOrder: Scalars['ID']['output'];
  /** Deletes all of them or, if any is unknown, none */
  deleteWorkOrders: Array<Scalars['ID']['output']>;
  /** DRAFT -> ESTIMATE_SENT: the estimate went to the customer (requestEstimateSignature does this too) */
  sendEstimate: WorkOrder;
  /** ESTIMATE_SENT -> APPROVED: the customer approved the estimate (in person or by phone; an e-signature approves by itself) */
  approveWorkOrder: WorkOrder;
  /** APPROVED -> IN_PROGRESS: work started */
  startWorkOrder: WorkOrder;
  /** IN_PROGRESS -> READY: the vehicle can be collected */
  markWorkOrderReady: WorkOrder;
  /** READY -> COMPLETED, under the posting rules: odometer-out given, a technician on every labour line, every part priced. Records odometer-out in the mileage history. */
  completeWorkOrder: WorkOrder;
  /** Cancels a work order that is not completed, with the reason */
  cancelWorkOrder: WorkOrder;
  createInspection: Inspection;
  updateInspection: Inspection;
  deleteInspection: Scalars['ID']['output'];
  /** Deletes all of them or, if any is unknown, none */
  deleteInspections: Array<Scalars['ID']['output']>;
  /** Adds a checklist item (with its condition, notes, photos and a recommended repair if any) */
  addInspectionItem: Inspection;
  /** Rates an item, adds notes or photos, recommends (or withdraws) a repair */
  updateInspectionItem: Inspection;
  /** Adds a line (from the catalogue, a product or typed with its price) to an item's recommended repair, priced as the customer will see it */
  addRecommendedLine: Inspection;
  /** Removes a line of an item's recommended repair (the last one withdraws the recommendation) */
  removeRecommendedLine: Inspection;
  /** Removes a checklist item */
  removeInspectionItem: Inspection;
  /** Shows the inspection to the customer: every item must be rated; each recommendation then awaits their answer */
  sendInspection: Inspection;
  /** Records the customer's answer to a recommended repair; an approved one becomes a line of the work order at the price shown */
  decideRecommendation: Inspection;
  /** Adds labour, a part or a fee; the totals are recomputed */
  addWorkOrderLine: WorkOrder;
  /** Changes a line (e.g. assigns the technician, prices a part); the totals are recomputed */
  updateWorkOrderLine: WorkOrder;
  /** Removes a line; the totals are recomputed */
  removeWorkOrderLine: WorkOrder;
};


export type MutationArchiveProductArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRestoreProductArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCreateProductArgs = {
  input: CreateProductInput;
};


export type MutationUpdateProductArgs = {
  input: UpdateProductInput;
  id: Scalars['ID']['input'];
};


export type MutationDeleteProductArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteProductsArgs = {
  ids: Array<Scalars['ID']['input']>;
};


export type MutationArchiveCustomerArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRestoreCustomerArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCreateCustomerArgs = {
  input: CreateCustomerInput;
};


export type MutationUpdateCustomerArgs = {
  input: UpdateCustomerInput;
  id: Scalars['ID']['input'];
};


export type MutationDeleteCustomerArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteCustomersArgs = {
  ids: Array<Scalars['ID']['input']>;
};


export type MutationCreateApiKeyArgs = {
  input: CreateApiKeyInput;
};


export type MutationRevokeApiKeyArgs = {
  id: Scalars['ID']['input'];
};


export type MutationChangeMemberRoleArgs = {
  role: Role;
  id: Scalars['ID']['input'];
};


export type MutationRemoveMemberArgs = {
  id: Scalars['ID']['input'];
};


export type MutationUpdateOrganizationArgs = {
  input: UpdateOrganizationInput;
};


export type MutationInviteMemberArgs = {
  input: InviteMemberInput;
};


export type MutationRevokeInvitationArgs = {
  id: Scalars['ID']['input'];
};


export type MutationAcceptInvitationArgs = {
  input: AcceptInvitationInput;
};


export type MutationLoginArgs = {
  input: LoginInput;
};


export type MutationLogoutArgs = {
  everywhere?: Scalars['Boolean']['input'];
};


export type MutationSignUpArgs = {
  input: SignUpInput;
};


export type MutationVerifyEmailArgs = {
  token: Scalars['String']['input'];
};


export type MutationChangePasswordArgs = {
  input: ChangePasswordInput;
};


export type MutationStartConnectionArgs = {
  input: StartConnectionInput;
};


export type MutationSaveCredentialsArgs = {
  credentials: Array<CredentialInput>;
  provider: Provider;
};


export type MutationTestConnectionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDisconnectArgs = {
  id: Scalars['ID']['input'];
};


export type MutationUpdateAppointmentReminderSettingsArgs = {
  input: UpdateAppointmentReminderSettingsInput;
};


export type MutationTriggerSyncArgs = {
  input: TriggerSyncInput;
};


export type MutationSetSyncScheduleArgs = {
  cron?: InputMaybe<Scalars['String']['input']>;
  connectionId: Scalars['ID']['input'];
};


export type MutationReplayInboundEventArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCreateWebhookEndpointArgs = {
  input: CreateWebhookEndpointInput;
};


export type MutationUpdateWebhookEndpointArgs = {
  input: UpdateWebhookEndpointInput;
  id: Scalars['ID']['input'];
};


export type MutationDeleteWebhookEndpointArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteWebhookEndpointsArgs = {
  ids: Array<Scalars['ID']['input']>;
};


export type MutationRotateWebhookEndpointSecretArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSendTestWebhookArgs = {
  endpointId: Scalars['ID']['input'];
};


export type MutationRetryWebhookDeliveryArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCreateWorkOrderFolderArgs = {
  workOrderId: Scalars['ID']['input'];
};


export type MutationShareWorkOrderFolderArgs = {
  email?: InputMaybe<Scalars['String']['input']>;
  workOrderId: Scalars['ID']['input'];
};


export type MutationRequestEstimateSignatureArgs = {
  workOrderId: Scalars['ID']['input'];
};


export type MutationArchiveTechnicianArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRestoreTechnicianArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCreateTechnicianArgs = {
  input: CreateTechnicianInput;
};


export type MutationUpdateTechnicianArgs = {
  input: UpdateTechnicianInput;
  id: Scalars['ID']['input'];
};


export type MutationDeleteTechnicianArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteTechniciansArgs = {
  ids: Array<Scalars['ID']['input']>;
};


export type MutationArchiveVehicleArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRestoreVehicleArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCreateVehicleArgs = {
  input: CreateVehicleInput;
};


export type MutationUpdateVehicleArgs = {
  input: UpdateVehicleInput;
  id: Scalars['ID']['input'];
};


export type MutationDeleteVehicleArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteVehiclesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


export type MutationCorrectMileageArgs = {
  vehicleId: Scalars['ID']['input'];
  reading: Scalars['Int']['input'];
  reason: Scalars['String']['input'];
};


export type MutationDecodeVehicleVinArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCreateAppointmentArgs = {
  input: CreateAppointmentInput;
};


export type MutationUpdateAppointmentArgs = {
  input: UpdateAppointmentInput;
  id: Scalars['ID']['input'];
};


export type MutationDeleteAppointmentArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteAppointmentsArgs = {
  ids: Array<Scalars['ID']['input']>;
};


export type MutationRescheduleAppointmentArgs = {
  id: Scalars['ID']['input'];
  startsAt: Scalars['DateTime']['input'];
  endsAt: Scalars['DateTime']['input'];
  technicianId?: InputMaybe<Scalars['ID']['input']>;
  bay?: InputMaybe<Scalars['String']['input']>;
};


export type MutationCancelAppointmentArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationArchiveServiceItemArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRestoreServiceItemArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCreateServiceItemArgs = {
  input: CreateServiceItemInput;
};


export type MutationUpdateServiceItemArgs = {
  input: UpdateServiceItemInput;
  id: Scalars['ID']['input'];
};


export type MutationDeleteServiceItemArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteServiceItemsArgs = {
  ids: Array<Scalars['ID']['input']>;
};


export type MutationCreateWorkOrderArgs = {
  input: CreateWorkOrderInput;
};


export type MutationUpdateWorkOrderArgs = {
  input: UpdateWorkOrderInput;
  id: Scalars['ID']['input'];
};


export type MutationDeleteWorkOrderArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteWorkOrdersArgs = {
  ids: Array<Scalars['ID']['input']>;
};


export type MutationSendEstimateArgs = {
  id: Scalars['ID']['input'];
};


export type MutationApproveWorkOrderArgs = {
  id: Scalars['ID']['input'];
  approvedBy?: InputMaybe<Scalars['String']['input']>;
};


export type MutationStartWorkOrderArgs = {
  id: Scalars['ID']['input'];
};


export type MutationMarkWorkOrderReadyArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCompleteWorkOrderArgs = {
  id: Scalars['ID']['input'];
  odometerOut?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationCancelWorkOrderArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationCreateInspectionArgs = {
  input: CreateInspectionInput;
};


export type MutationUpdateInspectionArgs = {
  input: UpdateInspectionInput;
  id: Scalars['ID']['input'];
};


export type MutationDeleteInspectionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteInspectionsArgs = {
  ids: Array<Scalars['ID']['input']>;
};


export type MutationAddInspectionItemArgs = {
  input: AddInspectionItemInput;
  inspectionId: Scalars['ID']['input'];
};


export type MutationUpdateInspectionItemArgs = {
  input: UpdateInspectionItemInput;
  id: Scalars['ID']['input'];
};


export type MutationAddRecommendedLineArgs = {
  input: AddWorkOrderLineInput;
  id: Scalars['ID']['input'];
};


export type MutationRemoveRecommendedLineArgs = {
  index: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
};


export type MutationRemoveInspectionItemArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSendInspectionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDecideRecommendationArgs = {
  id: Scalars['ID']['input'];
  decision: RecommendationDecision;
  decidedBy?: InputMaybe<Scalars['String']['input']>;
};


export type MutationAddWorkOrderLineArgs = {
  input: AddWorkOrderLineInput;
  workOrderId: Scalars['ID']['input'];
};


export type MutationUpdateWorkOrderLineArgs = {
  input: UpdateWorkOrderLineInput;
  id: Scalars['ID']['input'];
};


export type MutationRemoveWorkOrderLineArgs = {
  id: Scalars['ID']['input'];
};

export type CreateProductInput = {
  partNumber: Scalars['String']['input'];
  name: Scalars['String']['input'];
  description?: InputMaybe<Scalars['String']['input']>;
  price: Scalars['Int']['input'];
  currency: Scalars['String']['input'];
  stockOnHand?: InputMaybe<Scalars['Int']['input']>;
  taxable?: InputMaybe<Scalars['Boolean']['input']>;
  active?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Only the fields given change; null clears an optional field */
export type UpdateProductInput = {
  partNumber?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  price?: InputMaybe<Scalars['Int']['input']>;
  currency?: InputMaybe<Scalars['String']['input']>;
  stockOnHand?: InputMaybe<Scalars['Int']['input']>;
  taxable?: InputMaybe<Scalars['Boolean']['input']>;
  active?: InputMaybe<Scalars['Boolean']['input']>;
};

export type Subscription = {
  __typename?: 'Subscription';
  /** Changes to Products of your organization (one of them when `id` is given) */
  productChanged: ProductChange;
  /** Changes to Customers of your organization (one of them when `id` is given) */
  customerChanged: CustomerChange;
  /** Changes to ApiKeys of your organization (one of them when `id` is given) */
  apiKeyChanged: ApiKeyChange;
  /** Changes to Memberships of your organization (one of them when `id` is given) */
  membershipChanged: MembershipChange;
  /** Changes to Invitations of your organization (one of them when `id` is given) */
  invitationChanged: InvitationChange;
  /** Changes to Connections of your organization (one of them when `id` is given) */
  connectionChanged: ConnectionChange;
  /** The organization's integration health, again after every change to it */
  integrationHealthChanged: IntegrationHealth;
  /** Changes to ScheduledMessages of your organization (one of them when `id` is given) */
  scheduledMessageChanged: ScheduledMessageChange;
  /** Changes to SyncRuns of your organization (one of them when `id` is given) */
  syncRunChanged: SyncRunChange;
  /** Changes to InboundEvents of your organization (one of them when `id` is given) */
  inboundEventChanged: InboundEventChange;
  /** Changes to WebhookEndpoints of your organization (one of them when `id` is given) */
  webhookEndpointChanged: WebhookEndpointChange;
  /** Changes to WebhookDeliverys of your organization (one of them when `id` is given) */
  webhookDeliveryChanged: WebhookDeliveryChange;
  /** Changes to SignatureRequests of your organization (one of them when `id` is given) */
  signatureRequestChanged: SignatureRequestChange;
  /** Changes to Technicians of your organization (one of them when `id` is given) */
  technicianChanged: TechnicianChange;
  /** Changes to Vehicles of your organization (one of them when `id` is given) */
  vehicleChanged: VehicleChange;
  /** Changes to Appointments of your organization (one of them when `id` is given) */
  appointmentChanged: AppointmentChange;
  /** Changes to ServiceItems of your organization (one of them when `id` is given) */
  serviceItemChanged: ServiceItemChange;
  /** Changes to WorkOrders of your organization (one of them when `id` is given) */
  workOrderChanged: WorkOrderChange;
  /** Changes to Inspections of your organization (one of them when `id` is given) */
  inspectionChanged: InspectionChange;
};


export type SubscriptionProductChangedArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionCustomerChangedArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionApiKeyChangedArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionMembershipChangedArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionInvitationChangedArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionConnectionChangedArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionScheduledMessageChangedArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionSyncRunChangedArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionInboundEventChangedArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionWebhookEndpointChangedArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionWebhookDeliveryChangedArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionSignatureRequestChangedArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionTechnicianChangedArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionVehicleChangedArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionAppointmentChangedArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionServiceItemChangedArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionWorkOrderChangedArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionInspectionChangedArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
};

/** A change to a Product; load it again after a reconnect */
export type ProductChange = {
  __typename?: 'ProductChange';
  kind: ChangeKind;
  id: Scalars['ID']['output'];
  /** The entity as it is now; null once deleted */
  node?: Maybe<Product>;
};

/** What happened to an entity */
export type ChangeKind =
  | 'CREATED'
  | 'UPDATED'
  | 'DELETED';

/** A person or company the business serves, or a lead it wants to serve */
export type Customer = {
  __typename?: 'Customer';
  id: Scalars['ID']['output'];
  createdAt: Scalars['DateTime']['output'];
  updatedAt: Scalars['DateTime']['output'];
  /** When it was archived (kept for history, left out of lists); null while in use */
  archivedAt?: Maybe<Scalars['DateTime']['output']>;
  kind: CustomerKind;
  name: Scalars['String']['output'];
  email?: Maybe<Scalars['String']['output']>;
  phone?: Maybe<Scalars['String']['output']>;
  /** How the customer prefers to be contacted; unset means SMS when there is a phone number, else email */
  preferredChannel?: Maybe<ContactChannel>;
  status: CustomerStatus;
  /** Lead score from 0 to 100 */
  score: Scalars['Int']['output'];
  tags: Array<Scalars['String']['output']>;
  /** The customer's vehicles, newest first */
  vehicles: Array<Vehicle>;
  /** The customer's appointments, latest first */
  appointments: Array<Appointment>;
  /** The customer's work orders, latest first */
  workOrders: Array<WorkOrder>;
};

/** A person or a company */
export type CustomerKind =
  | 'PERSON'
  | 'COMPANY';

/** A way to reach a customer: a text message or an email */
export type ContactChannel =
  | 'SMS'
  | 'EMAIL';

/** Where the customer stands: a lead, a customer, or no longer active */
export type CustomerStatus =
  | 'LEAD'
  | 'CUSTOMER'
  | 'INACTIVE';

/** A page of Customer with cursors for partner apps and offsets for the admin */
export type CustomerConnection = {
  __typename?: 'CustomerConnection';
  nodes: Array<Customer>;
  edges: Array<CustomerEdge>;
  pageInfo: PageInfo;
  /** All matching rows, regardless of paging */
  totalCount: Scalars['Int']['output'];
};

export type CustomerEdge = {
  __typename?: 'CustomerEdge';
  cursor: Scalars['String']['output'];
  node: Customer;
};

export type CustomerFilter = {
  /** Words to find in the name, email or phone */
  q?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<IdFilter>;
  name?: InputMaybe<StringFilter>;
  email?: InputMaybe<StringFilter>;
  phone?: InputMaybe<StringFilter>;
  kind?: InputMaybe<CustomerKindFilter>;
  status?: InputMaybe<CustomerStatusFilter>;
  preferredChannel?: InputMaybe<ContactChannelFilter>;
  score?: InputMaybe<IntFilter>;
  tags?: InputMaybe<TagsFilter>;
  createdAt?: InputMaybe<DateTimeFilter>;
  updatedAt?: InputMaybe<DateTimeFilter>;
};

/** Conditions on a CustomerKind */
export type CustomerKindFilter = {
  eq?: InputMaybe<CustomerKind>;
  ne?: InputMaybe<CustomerKind>;
  in?: InputMaybe<Array<CustomerKind>>;
};

/** Conditions on a CustomerStatus */
export type CustomerStatusFilter = {
  eq?: InputMaybe<CustomerStatus>;
  ne?: InputMaybe<CustomerStatus>;
  in?: InputMaybe<Array<CustomerStatus>>;
};

/** Conditions on a ContactChannel */
export type ContactChannelFilter = {
  eq?: InputMaybe<ContactChannel>;
  ne?: InputMaybe<ContactChannel>;
  in?: InputMaybe<Array<ContactChannel>>;
};

/** Conditions on a list of tags */
export type TagsFilter = {
  /** Has every one of these */
  hasAll?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Has at least one of these */
  hasAny?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** Orderings of Customer lists */
export type CustomerOrderBy =
  | 'NAME_ASC'
  | 'NAME_DESC'
  | 'EMAIL_ASC'
  | 'EMAIL_DESC'
  | 'STATUS_ASC'
  | 'STATUS_DESC'
  | 'SCORE_ASC'
  | 'SCORE_DESC'
  | 'CREATED_AT_ASC'
  | 'CREATED_AT_DESC'
  | 'UPDATED_AT_ASC'
  | 'UPDATED_AT_DESC';

export type CreateCustomerInput = {
  name: Scalars['String']['input'];
  kind?: InputMaybe<CustomerKind>;
  email?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  preferredChannel?: InputMaybe<ContactChannel>;
  status?: InputMaybe<CustomerStatus>;
  score?: InputMaybe<Scalars['Int']['input']>;
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** Only the fields given change; null clears an optional field */
export type UpdateCustomerInput = {
  name?: InputMaybe<Scalars['String']['input']>;
  kind?: InputMaybe<CustomerKind>;
  email?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  preferredChannel?: InputMaybe<ContactChannel>;
  status?: InputMaybe<CustomerStatus>;
  score?: InputMaybe<Scalars['Int']['input']>;
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** A change to a Customer; load it again after a reconnect */
export type CustomerChange = {
  __typename?: 'CustomerChange';
  kind: ChangeKind;
  id: Scalars['ID']['output'];
  /** The entity as it is now; null once deleted */
  node?: Maybe<Customer>;
};

/** A credential for a partner app; the key itself is shown only once */
export type ApiKey = {
  __typename?: 'ApiKey';
  id: Scalars['ID']['output'];
  createdAt: Scalars['DateTime']['output'];
  updatedAt: Scalars['DateTime']['output'];
  name: Scalars['String']['output'];
  /** The first characters of the key, to recognise it */
  prefix: Scalars['String']['output'];
  roles: Array<Role>;
  createdById?: Maybe<Scalars['ID']['output']>;
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  active: Scalars['Boolean']['output'];
};

/** What a member or an API key may do */
export type Role =
  | 'OWNER'
  | 'MANAGER'
  | 'SERVICE_ADVISOR'
  | 'TECHNICIAN'
  | 'CASHIER'
  | 'MARKETING'
  | 'INTEGRATION';

/** A page of ApiKey with cursors for partner apps and offsets for the admin */
export type ApiKeyConnection = {
  __typename?: 'ApiKeyConnection';
  nodes: Array<ApiKey>;
  edges: Array<ApiKeyEdge>;
  pageInfo: PageInfo;
  /** All matching rows, regardless of paging */
  totalCount: Scalars['Int']['output'];
};

export type ApiKeyEdge = {
  __typename?: 'ApiKeyEdge';
  cursor: Scalars['String']['output'];
  node: ApiKey;
};

export type ApiKeyFilter = {
  id?: InputMaybe<IdFilter>;
  name?: InputMaybe<StringFilter>;
  revokedAt?: InputMaybe<DateTimeFilter>;
  createdAt?: InputMaybe<DateTimeFilter>;
};

/** Orderings of ApiKey lists */
export type ApiKeyOrderBy =
  | 'NAME_ASC'
  | 'NAME_DESC'
  | 'CREATED_AT_ASC'
  | 'CREATED_AT_DESC'
  | 'LAST_USED_AT_ASC'
  | 'LAST_USED_AT_DESC';

/** A user's role in your organization */
export type Membership = {
  __typename?: 'Membership';
  id: Scalars['ID']['output'];
  createdAt: Scalars['DateTime']['output'];
  updatedAt: Scalars['DateTime']['output'];
  userId: Scalars['ID']['output'];
  role: Role;
  user: User;
};

/** A person who signs in to Atelier */
export type User = {
  __typename?: 'User';
  id: Scalars['ID']['output'];
  createdAt: Scalars['DateTime']['output'];
  updatedAt: Scalars['DateTime']['output'];
  email: Scalars['String']['output'];
  name: Scalars['String']['output'];
  emailVerifiedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** A page of Membership with cursors for partner apps and offsets for the admin */
export type MembershipConnection = {
  __typename?: 'MembershipConnection';
  nodes: Array<Membership>;
  edges: Array<MembershipEdge>;
  pageInfo: PageInfo;
  /** All matching rows, regardless of paging */
  totalCount: Scalars['Int']['output'];
};

export type MembershipEdge = {
  __typename?: 'MembershipEdge';
  cursor: Scalars['String']['output'];
  node: Membership;
};

export type MembershipFilter = {
  id?: InputMaybe<IdFilter>;
  userId?: InputMaybe<IdFilter>;
  role?: InputMaybe<RoleFilter>;
  createdAt?: InputMaybe<DateTimeFilter>;
};

/** Conditions on a Role */
export type RoleFilter = {
  eq?: InputMaybe<Role>;
  ne?: InputMaybe<Role>;
  in?: InputMaybe<Array<Role>>;
};

/** Orderings of Membership lists */
export type MembershipOrderBy =
  | 'ROLE_ASC'
  | 'ROLE_DESC'
  | 'CREATED_AT_ASC'
  | 'CREATED_AT_DESC';

/** A business using Atelier (the tenant) */
export type Organization = {
  __typename?: 'Organization';
  id: Scalars['ID']['output'];
  createdAt: Scalars['DateTime']['output'];
  updatedAt: Scalars['DateTime']['output'];
  name: Scalars['String']['output'];
  /** URL-safe unique name */
  slug: Scalars['String']['output'];
};

/** An invitation to join your organization; the person becomes a member when they accept it */
export type Invitation = {
  __typename?: 'Invitation';
  id: Scalars['ID']['output'];
  createdAt: Scalars['DateTime']['output'];
  updatedAt: Scalars['DateTime']['output'];
  email: Scalars['String']['output'];
  role: Role;
  expiresAt: Scalars['DateTime']['output'];
  invitedById?: Maybe<Scalars['ID']['output']>;
  acceptedAt?: Maybe<Scalars['DateTime']['output']>;
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  status: InvitationStatus;
};

export type InvitationStatus =
  | 'PENDING'
  | 'ACCEPTED'
  | 'REVOKED'
  | 'EXPIRED';

/** A page of Invitation with cursors for partner apps and offsets for the admin */
export type InvitationConnection = {
  __typename?: 'InvitationConnection';
  nodes: Array<Invitation>;
  edges: Array<InvitationEdge>;
  pageInfo: PageInfo;
  /** All matching rows, regardless of paging */
  totalCount: Scalars['Int']['output'];
};

export type InvitationEdge = {
  __typename?: 'InvitationEdge';
  cursor: Scalars['String']['output'];
  node: Invitation;
};

export type InvitationFilter = {
  id?: InputMaybe<IdFilter>;
  email?: InputMaybe<StringFilter>;
  role?: InputMaybe<RoleFilter>;
  expiresAt?: InputMaybe<DateTimeFilter>;
  acceptedAt?: InputMaybe<DateTimeFilter>;
  createdAt?: InputMaybe<DateTimeFilter>;
};

/** Orderings of Invitation lists */
export type InvitationOrderBy =
  | 'EMAIL_ASC'
  | 'EMAIL_DESC'
  | 'CREATED_AT_ASC'
  | 'CREATED_AT_DESC'
  | 'EXPIRES_AT_ASC'
  | 'EXPIRES_AT_DESC';

/** Who is calling: a member (with a user) or a partner app (API key) */
export type Viewer = {
  __typename?: 'Viewer';
  user?: Maybe<User>;
  organization: Organization;
  roles: Array<Role>;
  /** `user` or `apiKey` */
  actorType: Scalars['String']['output'];
};

/** A new API key. `key` is shown this once and cannot be retrieved later. */
export type CreatedApiKey = {
  __typename?: 'CreatedApiKey';
  apiKey: ApiKey;
  key: Scalars['String']['output'];
};

export type CreateApiKeyInput = {
  name: Scalars['String']['input'];
  /** What the key may do; INTEGRATION for most partner apps */
  roles: Array<Role>;
  expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
};

export type UpdateOrganizationInput = {
  name: Scalars['String']['input'];
};

export type InviteMemberInput = {
  email: Scalars['String']['input'];
  role: Role;
};

/** You joined an organization: sign in to it with `login(organizationId)` */
export type AcceptedInvitation = {
  __typename?: 'AcceptedInvitation';
  organization: Organization;
  role: Role;
  email: Scalars['String']['output'];
};

/** A person new to Atelier gives a name and a password; someone with an account gives their password */
export type AcceptInvitationInput = {
  token: Scalars['String']['input'];
  /** Your name, if you have no account yet */
  name?: InputMaybe<Scalars['String']['input']>;
  /** A new password (no account yet) or your current one */
  password: Scalars['String']['input'];
};

/** A signed-in session: send the token as `Authorization: Bearer <token>` */
export type Session = {
  __typename?: 'Session';
  token: Scalars['String']['output'];
  expiresAt: Scalars['DateTime']['output'];
  user: User;
  organization: Organization;
  role: Role;
};

export type LoginInput = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
  /** Which organization to sign in to, for members of several */
  organizationId?: InputMaybe<Scalars['ID']['input']>;
};

/** What happens next: a link is on its way to the address */
export type SignUpResult = {
  __typename?: 'SignUpResult';
  email: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

/** A new organization and its owner */
export type SignUpInput = {
  organizationName: Scalars['String']['input'];
  /** Your name */
  name: Scalars['String']['input'];
  email: Scalars['String']['input'];
  /** At least 10 characters, not a common password, not your email address */
  password: Scalars['String']['input'];
};

export type ChangePasswordInput = {
  currentPassword: Scalars['String']['input'];
  /** At least 10 characters, not a common password, not your email address */
  newPassword: Scalars['String']['input'];
};

/** A change to a ApiKey; load it again after a reconnect */
export type ApiKeyChange = {
  __typename?: 'ApiKeyChange';
  kind: ChangeKind;
  id: Scalars['ID']['output'];
  /** The entity as it is now; null once deleted */
  node?: Maybe<ApiKey>;
};

/** A change to a Membership; load it again after a reconnect */
export type MembershipChange = {
  __typename?: 'MembershipChange';
  kind: ChangeKind;
  id: Scalars['ID']['output'];
  /** The entity as it is now; null once deleted */
  node?: Maybe<Membership>;
};

/** A change to a Invitation; load it again after a reconnect */
export type InvitationChange = {
  __typename?: 'InvitationChange';
  kind: ChangeKind;
  id: Scalars['ID']['output'];
  /** The entity as it is now; null once deleted */
  node?: Maybe<Invitation>;
};

/** A booking of a customer at the shop */
export type Appointment = {
  __typename?: 'Appointment';
  id: Scalars['ID']['output'];
  /** The appointment's event in the connected Google Calendar; null when none is connected */
  calendarEvent?: Maybe<CalendarEvent>;
  /** The reminder of this appointment, if one was planned */
  reminder?: Maybe<ScheduledMessage>;
  createdAt: Scalars['DateTime']['output'];
  updatedAt: Scalars['DateTime']['output'];
  /** The customer (from crm) */
  customerId: Scalars['ID']['output'];
  vehicleId?: Maybe<Scalars['ID']['output']>;
  technicianId?: Maybe<Scalars['ID']['output']>;
  /** The bay or lift, as the shop names it */
  bay?: Maybe<Scalars['String']['output']>;
  startsAt: Scalars['DateTime']['output'];
  /** After `startsAt`, at most 12 hours later */
  endsAt: Scalars['DateTime']['output'];
  status: AppointmentStatus;
  notes?: Maybe<Scalars['String']['output']>;
  /** Why it was cancelled */
  cancellationReason?: Maybe<Scalars['String']['output']>;
  /** Every action of the flow with whether the caller may take it now, and when not why */
  availableActions: Array<AppointmentAvailableAction>;
  /** The customer (from crm); null when it cannot be found any more */
  customer?: Maybe<Customer>;
  vehicle?: Maybe<Vehicle>;
  technician?: Maybe<Technician>;
};

/** An appointment's event in the connected Google Calendar */
export type CalendarEvent = {
  __typename?: 'CalendarEvent';
  id: Scalars['ID']['output'];
  createdAt: Scalars['DateTime']['output'];
  updatedAt: Scalars['DateTime']['output'];
  /** The event's ID at Google (derived from the appointment's, so it is created once) */
  eventId: Scalars['String']['output'];
  /** The event in Google Calendar */
  htmlLink?: Maybe<Scalars['String']['output']>;
  state: CalendarEventState;
  /** What went wrong last, in words a person can act on */
  lastError?: Maybe<Scalars['String']['output']>;
  /** When the calendar last matched the appointment */
  syncedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** Where an appointment's Google Calendar event stands */
export type CalendarEventState =
  | 'PENDING'
  | 'SYNCED'
  | 'CONFLICT'
  | 'FAILED'
  | 'REMOVED';

/** A message to a customer sent at a set time (an appointment reminder) */
export type ScheduledMessage = {
  __typename?: 'ScheduledMessage';
  id: Scalars['ID']['output'];
  createdAt: Scalars['DateTime']['output'];
  updatedAt: Scalars['DateTime']['output'];
  /** The appointment (from workshop) it reminds of */
  appointmentId: Scalars['ID']['output'];
  /** The customer (from crm) it goes to */
  customerId: Scalars['ID']['output'];
  vehicleId?: Maybe<Scalars['ID']['output']>;
  /** When the appointment starts, as last announced */
  appointmentStartsAt: Scalars['DateTime']['output'];
  /** When it is (or was) due */
  sendAt: Scalars['DateTime']['output'];
  status: ScheduledMessageStatus;
  /** Chosen when it is sent: the customer’s preference if it can be used, else the other channel */
  channel?: Maybe<MessageChannel>;
  /** The number or address it came from */
  sender?: Maybe<Scalars['String']['output']>;
  /** The phone number or email address it went to */
  recipient?: Maybe<Scalars['String']['output']>;
  subject?: Maybe<Scalars['String']['output']>;
  /** The text as sent */
  body?: Maybe<Scalars['String']['output']>;
  sentAt?: Maybe<Scalars['DateTime']['output']>;
  /** The provider's ID of the message (a Twilio SID, a Resend email ID) */
  providerMessageId?: Maybe<Scalars['String']['output']>;
  /** Why it was skipped, cancelled or failed, or what went wrong on the last try */
  error?: Maybe<Scalars['String']['output']>;
  /** Sending attempts so far */
  attempts: Scalars['Int']['output'];
  appointment: Appointment;
};

/** PENDING until its time; SENDING while the provider is called; then SENT, SKIPPED (no way to send it), FAILED, or CANCELLED before its time */
export type ScheduledMessageStatus =
  | 'PENDING'
  | 'SENDING'
  | 'SENT'
  | 'CANCELLED'
  | 'SKIPPED'
  | 'FAILED';

/** How a message reaches its recipient: SMS (Twilio) or email (Resend) */
export type MessageChannel =
  | 'SMS'
  | 'EMAIL';

/** A job on a customer's vehicle, from estimate to completion */
export type WorkOrder = {
  __typename?: 'WorkOrder';
  id: Scalars['ID']['output'];
  /** The work order's Google Drive folder, once made */
  documentFolder?: Maybe<WorkOrderFolder>;
  /** What Atelier put in the work order's Drive folder, with links */
  documents: Array<WorkOrderDocument>;
  /** The photos of the work order's inspections on their way to its Drive folder: filed, waiting, or failed with the reason */
  inspectionPhotos: Array<InspectionPhoto>;
  /** The estimate's e-signature requests, latest first */
  signatureRequests: Array<SignatureRequest>;
  createdAt: Scalars['DateTime']['output'];
  updatedAt: Scalars['DateTime']['output'];
  /** Numbered per organization: `WO-000123` */
  number: Scalars['String']['output'];
  status: WorkOrderStatus;
  /** The customer (from crm) */
  customerId: Scalars['ID']['output'];
  vehicleId: Scalars['ID']['output'];
  /** The appointment it came from, if any */
  appointmentId?: Maybe<Scalars['ID']['output']>;
  /** What the customer reports or asks for, in the customer's words */
  complaint?: Maybe<Scalars['String']['output']>;
  /** Internal notes */
  notes?: Maybe<Scalars['String']['output']>;
  /** Odometer when the vehicle came in */
  odometerIn?: Maybe<Scalars['Int']['output']>;
  /** Odometer when the vehicle left; required to complete */
  odometerOut?: Maybe<Scalars['Int']['output']>;
  /** When the customer was told the vehicle would be ready */
  promisedAt?: Maybe<Scalars['DateTime']['output']>;
  /** ISO 4217 currency of every amount */
  currency: Scalars['String']['output'];
  /** Tax rate in percent applied to taxable lines, e.g. 16 or 7.5 */
  taxRate: Scalars['Float']['output'];
  /** Sum of the labour lines */
  labourTotal: Scalars['Int']['output'];
  /** Sum of the priced part lines */
  partsTotal: Scalars['Int']['output'];
  /** Sum of the fee lines */
  feesTotal: Scalars['Int']['output'];
  /** Labour, parts and fees before tax */
  subtotal: Scalars['Int']['output'];
  /** Tax on the taxable lines, rounded half up once on their sum */
  taxTotal: Scalars['Int']['output'];
  /** What the customer pays: subtotal plus tax */
  total: Scalars['Int']['output'];
  estimateSentAt?: Maybe<Scalars['DateTime']['output']>;
  approvedAt?: Maybe<Scalars['DateTime']['output']>;
  /** How the customer approved: in person, or the e-signature that did it */
  approvedBy?: Maybe<Scalars['String']['output']>;
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  readyAt?: Maybe<Scalars['DateTime']['output']>;
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  cancelledAt?: Maybe<Scalars['DateTime']['output']>;
  cancellationReason?: Maybe<Scalars['String']['output']>;
  /** Labour, parts and fees, in order */
  lines: Array<WorkOrderLine>;
  /** Every action of the flow with whether the caller may take it now, and when not the reasons its mutation would refuse with */
  availableActions: Array<WorkOrderAvailableAction>;
  /** The customer (from crm); null when it cannot be found any more */
  customer?: Maybe<Customer>;
  vehicle?: Maybe<Vehicle>;
  appointment?: Maybe<Appointment>;
  /** The work order's inspections, latest first */
  inspections: Array<Inspection>;
};

/** A work order's folder in the organization's Google Drive */
export type WorkOrderFolder = {
  __typename?: 'WorkOrderFolder';
  id: Scalars['ID']['output'];
  createdAt: Scalars['DateTime']['output'];
  updatedAt: Scalars['DateTime']['output'];
  workOrderId: Scalars['ID']['output'];
  /** The Google connection the folder lives in */
  connectionId: Scalars['ID']['output'];
  /** Drive's folder ID */
  driveFolderId: Scalars['String']['output'];
  name: Scalars['String']['output'];
  /** Opens the folder in Google Drive */
  webViewLink: Scalars['String']['output'];
  /** Email addresses the folder is shared with (as readers) */
  sharedWith: Array<Scalars['String']['output']>;
};

/** A file in a work order's Google Drive folder */
export type WorkOrderDocument = {
  __typename?: 'WorkOrderDocument';
  id: Scalars['ID']['output'];
  createdAt: Scalars['DateTime']['output'];
  updatedAt: Scalars['DateTime']['output'];
  workOrderId: Scalars['ID']['output'];
  kind: WorkOrderDocumentKind;
  /** What it was made from: the signature request, or the inspection photo (`WorkOrder.inspectionPhotos`) */
  sourceId: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** Drive's file ID */
  driveFileId: Scalars['String']['output'];
  /** Opens the file in Google Drive */
  webViewLink: Scalars['String']['output'];
  size: Scalars['Int']['output'];
};

/** What a document in a work order folder is */
export type WorkOrderDocumentKind =
  | 'ESTIMATE'
  | 'SIGNED_ESTIMATE'
  | 'INSPECTION_PHOTO';

/** An inspection photo on its way to the work order's Google Drive folder */
export type InspectionPhoto = {
  __typename?: 'InspectionPhoto';
  id: Scalars['ID']['output'];
  createdAt: Scalars['DateTime']['output'];
  updatedAt: Scalars['DateTime']['output'];
  workOrderId: Scalars['ID']['output'];
  inspectionId: Scalars['ID']['output'];
  /** The inspection item the photo shows */
  itemId: Scalars['ID']['output'];
  /** The file name without its extension, e.g. "Brake pads and discs 1" */
  name: Scalars['String']['output'];
  /** Where the photo is downloaded from */
  url: Scalars['String']['output'];
  status: InspectionPhotoStatus;
  /** Downloads tried so far */
  attempts: Scalars['Int']['output'];
  /** Why the last download failed or was refused */
  error?: Maybe<Scalars['String']['output']>;
};

/** Where an inspection photo is on its way to the work order's Drive folder */
export type InspectionPhotoStatus =
  | 'PENDING'
  | 'FILED'
  | 'FAILED';

/** A work order's estimate sent to the customer for e-signature through DocuSign */
export type SignatureRequest = {
  __typename?: 'SignatureRequest';
  id: Scalars['ID']['output'];
  createdAt: Scalars['DateTime']['output'];
  updatedAt: Scalars['DateTime']['output'];
  workOrderId: Scalars['ID']['output'];
  /** The work order number at the time of sending (WO-000123) */
  workOrderNumber: Scalars['String']['output'];
  /** The DocuSign connection the envelope was sent through */
  connectionId: Scalars['ID']['output'];
  /** DocuSign's envelope ID */
  envelopeId: Scalars['String']['output'];
  status: SignatureRequestStatus;
  signerName: Scalars['String']['output'];
  signerEmail: Scalars['String']['output'];
  /** The estimate total that was sent, in minor units */
  total: Scalars['Int']['output'];
  currency: Scalars['String']['output'];
  sentAt: Scalars['DateTime']['output'];
  deliveredAt?: Maybe<Scalars['DateTime']['output']>;
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  declinedAt?: Maybe<Scalars['DateTime']['output']>;
  /** What the customer wrote when declining */
  declineReason?: Maybe<Scalars['String']['output']>;
  voidedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Why the envelope was voided (by the shop, in DocuSign or by a newer request) */
  voidReason?: Maybe<Scalars['String']['output']>;
  /** Size of the signed PDF in bytes, once stored */
  signedPdfSize?: Maybe<Scalars['Int']['output']>;
  workOrder: WorkOrder;
  /** A link (valid 15 minutes) to the estimate PDF as it was sent */
  estimateDocumentUrl: Scalars['String']['output'];
  /** A link (valid 15 minutes) to the signed PDF from DocuSign, once completed */
  signedDocumentUrl?: Maybe<Scalars['String']['output']>;
};

/** Where an estimate's e-signature envelope is */
export type SignatureRequestStatus =
  | 'SENT'
  | 'DELIVERED'
  | 'COMPLETED'
  | 'DECLINED'
  | 'VOIDED';

/** Your organization's link to a provider */
export type Connection = {
  __typename?: 'Connection';
  id: Scalars['ID']['output'];
  createdAt: Scalars['DateTime']['output'];
  updatedAt: Scalars['DateTime']['output'];
  provider: Provider;
  status: ConnectionStatus;
  /** The account at the provider, as the provider names it */
  accountName?: Maybe<Scalars['String']['output']>;
  externalAccountId?: Maybe<Scalars['String']['output']>;
  scopes: Array<Scalars['String']['output']>;
  lastSyncAt?: Maybe<Scalars['DateTime']['output']>;
  /** What went wrong last, in words a person can act on */
  lastError?: Maybe<Scalars['String']['output']>;
  connectedAt?: Maybe<Scalars['DateTime']['output']>;
  connectedById?: Maybe<Scalars['ID']['output']>;
  /** Cron expression (UTC) of the scheduled sync, if any */
  syncSchedule?: Maybe<Scalars['String']['output']>;
  tokenExpiresAt?: Maybe<Scalars['DateTime']['output']>;
};

/** An outside service Atelier integrates with */
export type Provider =
  | 'STRIPE'
  | 'GOOGLE'
  | 'DOCUSIGN'
  | 'QUICKBOOKS'
  | 'TWILIO'
  | 'WHATSAPP'
  | 'RESEND'
  | 'MPESA';

/** Whether Atelier can act on the provider for you */
export type ConnectionStatus =
  | 'PENDING'
  | 'CONNECTED'
  | 'NEEDS_REAUTH'
  | 'ERROR'
  | 'DISCONNECTED';

/** A page of Connection with cursors for partner apps and offsets for the admin */
export type ConnectionConnection = {
  __typename?: 'ConnectionConnection';
  nodes: Array<Connection>;
  edges: Array<ConnectionEdge>;
  pageInfo: PageInfo;
  /** All matching rows, regardless of paging */
  totalCount: Scalars['Int']['output'];
};

export type ConnectionEdge = {
  __typename?: 'ConnectionEdge';
  cursor: Scalars['String']['output'];
  node: Connection;
};

export type ConnectionFilter = {
  id?: InputMaybe<IdFilter>;
  provider?: InputMaybe<ProviderFilter>;
  status?: InputMaybe<ConnectionStatusFilter>;
  lastSyncAt?: InputMaybe<DateTimeFilter>;
};

/** Conditions on a Provider */
export type ProviderFilter = {
  eq?: InputMaybe<Provider>;
  ne?: InputMaybe<Provider>;
  in?: InputMaybe<Array<Provider>>;
};

/** Conditions on a ConnectionStatus */
export type ConnectionStatusFilter = {
  eq?: InputMaybe<ConnectionStatus>;
  ne?: InputMaybe<ConnectionStatus>;
  in?: InputMaybe<Array<ConnectionStatus>>;
};

/** Orderings of Connection lists */
export type ConnectionOrderBy =
  | 'PROVIDER_ASC'
  | 'PROVIDER_DESC'
  | 'STATUS_ASC'
  | 'STATUS_DESC'
  | 'LAST_SYNC_AT_ASC'
  | 'LAST_SYNC_AT_DESC'
  | 'CREATED_AT_ASC'
  | 'CREATED_AT_DESC';

/** A provider Atelier can connect to, and how */
export type ProviderInfo = {
  __typename?: 'ProviderInfo';
  provider: Provider;
  /** `oauth` (sign in at the provider) or `credentials` (paste keys) */
  auth: Scalars['String']['output'];
  credentialFields: Array<ProviderCredentialField>;
  connection?: Maybe<Connection>;
};

/** A field a person fills in to connect a provider */
export type ProviderCredentialField = {
  __typename?: 'ProviderCredentialField';
  name: Scalars['String']['output'];
  label: Scalars['String']['output'];
  /** Never shown again once saved */
  secret: Scalars['Boolean']['output'];
  /** May be left blank */
  optional: Scalars['Boolean']['output'];
};

/** One organization's integrations at a glance: connections, their last sync runs, outgoing webhook endpoints */
export type IntegrationHealth = {
  __typename?: 'IntegrationHealth';
  connections: Array<Connection>;
  /** The latest run of each sync of each connection */
  lastSyncRuns: Array<SyncRun>;
  /** Outgoing webhook endpoints: enabled or not, and their failures in a row */
  webhookEndpoints: Array<WebhookEndpoint>;
  at: Scalars['DateTime']['output'];
};

/** One run of a sync with a provider */
export type SyncRun = {
  __typename?: 'SyncRun';
  id: Scalars['ID']['output'];
  createdAt: Scalars['DateTime']['output'];
  updatedAt: Scalars['DateTime']['output'];
  connectionId: Scalars['ID']['output'];
  provider: Provider;
  /** What is synced, e.g. `customers` */
  subject: Scalars['String']['output'];
  kind: SyncKind;
  direction: SyncDirection;
  status: SyncRunStatus;
  processed: Scalars['Int']['output'];
  created: Scalars['Int']['output'];
  updated: Scalars['Int']['output'];
  /** Unchanged since the last run, so not sent */
  skipped: Scalars['Int']['output'];
  failed: Scalars['Int']['output'];
  errors: Array<SyncRecordError>;
  /** Where an incremental run starts from */
  cursor?: Maybe<Scalars['String']['output']>;
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** When a rate-limited run resumes */
  resumeAt?: Maybe<Scalars['DateTime']['output']>;
  lastError?: Maybe<Scalars['String']['output']>;
  connection?: Maybe<Connection>;
};

export type SyncKind =
  | 'FULL'
  | 'INCREMENTAL';

export type SyncDirection =
  | 'PUSH'
  | 'PULL';

export type SyncRunStatus =
  | 'QUEUED'
  | 'RUNNING'
  | 'WAITING'
  | 'SUCCEEDED'
  | 'PARTIAL'
  | 'FAILED';

/** A record that could not be synced, and why */
export type SyncRecordError = {
  __typename?: 'SyncRecordError';
  entityType: Scalars['String']['output'];
  recordId: Scalars['ID']['output'];
  message: Scalars['String']['output'];
};

/** A URL that receives your events, signed per the Standard Webhooks spec */
export type WebhookEndpoint = {
  __typename?: 'WebhookEndpoint';
  id: Scalars['ID']['output'];
  createdAt: Scalars['DateTime']['output'];
  updatedAt: Scalars['DateTime']['output'];
  /** Where events are POSTed (http or https) */
  url: Scalars['String']['output'];
  description?: Maybe<Scalars['String']['output']>;
  /** The event types sent here (see `webhookEventTypes`); empty: all of them */
  eventTypes: Array<Scalars['String']['output']>;
  /** Nothing is sent to a disabled endpoint */
  enabled: Scalars['Boolean']['output'];
  disabledAt?: Maybe<Scalars['DateTime']['output']>;
  /** Why it was disabled: by hand, or after repeated failed deliveries */
  disabledReason?: Maybe<Scalars['String']['output']>;
  /** Deliveries in a row that failed every attempt; 10 disable the endpoint, a success resets it */
  consecutiveFailures: Scalars['Int']['output'];
  /** When a delivery last succeeded */
  lastSuccessAt?: Maybe<Scalars['DateTime']['output']>;
  /** When a delivery last failed for good */
  lastFailureAt?: Maybe<Scalars['DateTime']['output']>;
};

/** How your organization reminds customers of their appointments */
export type AppointmentReminderSettings = {
  __typename?: 'AppointmentReminderSettings';
  /** Whether reminders go out (off until you turn them on) */
  enabled: Scalars['Boolean']['output'];
  /** How long before the appointment the reminder goes out, in minutes */
  leadTimeMinutes: Scalars['Int']['output'];
  /** Your shop’s name in the message */
  shopName?: Maybe<Scalars['String']['output']>;
  /** IANA time zone the appointment time is written in */
  timeZone: Scalars['String']['output'];
  /** Your Twilio number SMS reminders come from */
  smsFrom?: Maybe<Scalars['String']['output']>;
  /** The address email reminders come from */
  emailFrom?: Maybe<Scalars['String']['output']>;
  /** Last change; null while the defaults apply */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** A page of ScheduledMessage with cursors for partner apps and offsets for the admin */
export type ScheduledMessageConnection = {
  __typename?: 'ScheduledMessageConnection';
  nodes: Array<ScheduledMessage>;
  edges: Array<ScheduledMessageEdge>;
  pageInfo: PageInfo;
  /** All matching rows, regardless of paging */
  totalCount: Scalars['Int']['output'];
};

export type ScheduledMessageEdge = {
  __typename?: 'ScheduledMessageEdge';
  cursor: Scalars['String']['output'];
  node: ScheduledMessage;
};

export type ScheduledMessageFilter = {
  id?: InputMaybe<IdFilter>;
  appointmentId?: InputMaybe<IdFilter>;
  customerId?: InputMaybe<IdFilter>;
  status?: InputMaybe<ScheduledMessageStatusFilter>;
  channel?: InputMaybe<MessageChannelFilter>;
  sendAt?: InputMaybe<DateTimeFilter>;
  sentAt?: InputMaybe<DateTimeFilter>;
  createdAt?: InputMaybe<DateTimeFilter>;
};

/** Conditions on a ScheduledMessageStatus */
export type ScheduledMessageStatusFilter = {
  eq?: InputMaybe<ScheduledMessageStatus>;
  ne?: InputMaybe<ScheduledMessageStatus>;
  in?: InputMaybe<Array<ScheduledMessageStatus>>;
};

/** Conditions on a MessageChannel */
export type MessageChannelFilter = {
  eq?: InputMaybe<MessageChannel>;
  ne?: InputMaybe<MessageChannel>;
  in?: InputMaybe<Array<MessageChannel>>;
};

/** Orderings of ScheduledMessage lists */
export type ScheduledMessageOrderBy =
  | 'SEND_AT_ASC'
  | 'SEND_AT_DESC'
  | 'SENT_AT_ASC'
  | 'SENT_AT_DESC'
  | 'STATUS_ASC'
  | 'STATUS_DESC'
  | 'CREATED_AT_ASC'
  | 'CREATED_AT_DESC';

/** A page of SyncRun with cursors for partner apps and offsets for the admin */
export type SyncRunConnection = {
  __typename?: 'SyncRunConnection';
  nodes: Array<SyncRun>;
  edges: Array<SyncRunEdge>;
  pageInfo: PageInfo;
  /** All matching rows, regardless of paging */
  totalCount: Scalars['Int']['output'];
};

export type SyncRunEdge = {
  __typename?: 'SyncRunEdge';
  cursor: Scalars['String']['output'];
  node: SyncRun;
};

export type SyncRunFilter = {
  id?: InputMaybe<IdFilter>;
  connectionId?: InputMaybe<IdFilter>;
  subject?: InputMaybe<StringFilter>;
  status?: InputMaybe<SyncRunStatusFilter>;
  createdAt?: InputMaybe<DateTimeFilter>;
};

/** Conditions on a SyncRunStatus */
export type SyncRunStatusFilter = {
  eq?: InputMaybe<SyncRunStatus>;
  ne?: InputMaybe<SyncRunStatus>;
  in?: InputMaybe<Array<SyncRunStatus>>;
};

/** Orderings of SyncRun lists */
export type SyncRunOrderBy =
  | 'CREATED_AT_ASC'
  | 'CREATED_AT_DESC'
  | 'FINISHED_AT_ASC'
  | 'FINISHED_AT_DESC'
  | 'STATUS_ASC'
  | 'STATUS_DESC';

/** A webhook a provider sent, as received and processed */
export type InboundEvent = {
  __typename?: 'InboundEvent';
  id: Scalars['ID']['output'];
  createdAt: Scalars['DateTime']['output'];
  updatedAt: Scalars['DateTime']['output'];
  provider: Provider;
  connectionId: Scalars['ID']['output'];
  /** The provider's own event ID */
  externalEventId: Scalars['String']['output'];
  type: Scalars['String']['output'];
  /** The event as the provider sent it */
  payload: Scalars['JSONObject']['output'];
  status: InboundEventStatus;
  attempts: Scalars['Int']['output'];
  lastError?: Maybe<Scalars['String']['output']>;
  receivedAt: Scalars['DateTime']['output'];
  processedAt?: Maybe<Scalars['DateTime']['output']>;
  connection?: Maybe<Connection>;
};

/** Where a received webhook is in its processing */
export type InboundEventStatus =
  | 'RECEIVED'
  | 'PROCESSED'
  | 'IGNORED'
  | 'FAILED';

/** A page of InboundEvent with cursors for partner apps and offsets for the admin */
export type InboundEventConnection = {
  __typename?: 'InboundEventConnection';
  nodes: Array<InboundEvent>;
  edges: Array<InboundEventEdge>;
  pageInfo: PageInfo;
  /** All matching rows, regardless of paging */
  totalCount: Scalars['Int']['output'];
};

export type InboundEventEdge = {
  __typename?: 'InboundEventEdge';
  cursor: Scalars['String']['output'];
  node: InboundEvent;
};

export type InboundEventFilter = {
  id?: InputMaybe<IdFilter>;
  provider?: InputMaybe<InboundProviderFilter>;
  status?: InputMaybe<InboundEventStatusFilter>;
  type?: InputMaybe<StringFilter>;
  externalEventId?: InputMaybe<StringFilter>;
  receivedAt?: InputMaybe<DateTimeFilter>;
};

/** Conditions on a InboundProvider */
export type InboundProviderFilter = {
  eq?: InputMaybe<Provider>;
  ne?: InputMaybe<Provider>;
  in?: InputMaybe<Array<Provider>>;
};

/** Conditions on a InboundEventStatus */
export type InboundEventStatusFilter = {
  eq?: InputMaybe<InboundEventStatus>;
  ne?: InputMaybe<InboundEventStatus>;
  in?: InputMaybe<Array<InboundEventStatus>>;
};

/** Orderings of InboundEvent lists */
export type InboundEventOrderBy =
  | 'RECEIVED_AT_ASC'
  | 'RECEIVED_AT_DESC'
  | 'TYPE_ASC'
  | 'TYPE_DESC'
  | 'STATUS_ASC'
  | 'STATUS_DESC';

/** What a VIN says about a vehicle: from NHTSA vPIC where it knows the VIN, else what the VIN itself tells */
export type VinDecoding = {
  __typename?: 'VinDecoding';
  /** The VIN, normalized (upper case) */
  vin: Scalars['String']['output'];
  make?: Maybe<Scalars['String']['output']>;
  model?: Maybe<Scalars['String']['output']>;
  modelYear?: Maybe<Scalars['Int']['output']>;
  /** Displacement, cylinders and engine model, e.g. "2.4L 4 cyl (K24Z3)" */
  engine?: Maybe<Scalars['String']['output']>;
  bodyClass?: Maybe<Scalars['String']['output']>;
  fuelType?: Maybe<Scalars['String']['output']>;
  manufacturer?: Maybe<Scalars['String']['output']>;
  /** Where the vehicle was built (the plant, else the WMI region) */
  country?: Maybe<Scalars['String']['output']>;
  /** False when the VIN is only partially decoded (vPIC does not know it, or was unavailable) */
  complete: Scalars['Boolean']['output'];
  source: VinDecodingSource;
  /** vPIC's remarks and ours on what could not be decoded */
  messages: Array<Scalars['String']['output']>;
};

/** Where a VIN decoding comes from */
export type VinDecodingSource =
  /** NHTSA's vPIC decoder (possibly from the cache), completed from the VIN itself where vPIC had no data */
  | 'VPIC'
  /** The VIN alone (manufacturer from the WMI, model year from position 10): vPIC was unavailable */
  | 'VIN_ONLY';

/** A page of WebhookEndpoint with cursors for partner apps and offsets for the admin */
export type WebhookEndpointConnection = {
  __typename?: 'WebhookEndpointConnection';
  nodes: Array<WebhookEndpoint>;
  edges: Array<WebhookEndpointEdge>;
  pageInfo: PageInfo;
  /** All matching rows, regardless of paging */
  totalCount: Scalars['Int']['output'];
};

export type WebhookEndpointEdge = {
  __typename?: 'WebhookEndpointEdge';
  cursor: Scalars['String']['output'];
  node: WebhookEndpoint;
};

export type WebhookEndpointFilter = {
  /** Words to find in the URL or description */
  q?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<IdFilter>;
  url?: InputMaybe<StringFilter>;
  enabled?: InputMaybe<WebhookEnabledFilter>;
  createdAt?: InputMaybe<DateTimeFilter>;
};

/** Conditions on a true/false field */
export type WebhookEnabledFilter = {
  eq?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Orderings of WebhookEndpoint lists */
export type WebhookEndpointOrderBy =
  | 'URL_ASC'
  | 'URL_DESC'
  | 'CREATED_AT_ASC'
  | 'CREATED_AT_DESC'
  | 'UPDATED_AT_ASC'
  | 'UPDATED_AT_DESC';

/** An event type an endpoint can receive */
export type WebhookEventType = {
  __typename?: 'WebhookEventType';
  /** The `type` of the webhook body, e.g. crm.customer.created */
  name: Scalars['String']['output'];
  /** What happened */
  description: Scalars['String']['output'];
  /** The payload's contract version; raised on any change that could break a receiver */
  version: Scalars['Int']['output'];
  /** JSON Schema of the body's `data`, as published in schema/events/<name>.json */
  schema: Scalars['JSONObject']['output'];
};

/** An event sent (or being sent) to one of your webhook endpoints, with every attempt */
export type WebhookDelivery = {
  __typename?: 'WebhookDelivery';
  id: Scalars['ID']['output'];
  createdAt: Scalars['DateTime']['output'];
  updatedAt: Scalars['DateTime']['output'];
  endpointId: Scalars['ID']['output'];
  /** The `webhook-id` header: the event ID, the same on every attempt */
  eventId: Scalars['String']['output'];
  /** The event type (`type` in the body), e.g. crm.customer.created, or webhook.test */
  eventType: Scalars['String']['output'];
  status: WebhookDeliveryStatus;
  /** Attempts made so far (at most 8 scheduled ones) */
  attemptCount: Scalars['Int']['output'];
  /** When the next attempt is due; null when none is planned */
  nextAttemptAt?: Maybe<Scalars['DateTime']['output']>;
  lastAttemptAt?: Maybe<Scalars['DateTime']['output']>;
  /** HTTP status of the last attempt; null when none came back */
  lastStatusCode?: Maybe<Scalars['Int']['output']>;
  lastError?: Maybe<Scalars['String']['output']>;
  succeededAt?: Maybe<Scalars['DateTime']['output']>;
  /** Set while an attempt is in flight */
  inFlightUntil?: Maybe<Scalars['DateTime']['output']>;
  endpoint: WebhookEndpoint;
  /** The body as sent: { type, timestamp, data } */
  payload: Scalars['JSONObject']['output'];
  /** Every attempt, first to last */
  attempts: Array<WebhookDeliveryAttempt>;
};

/** Where an event is on its way to an endpoint */
export type WebhookDeliveryStatus =
  | 'PENDING'
  | 'SUCCEEDED'
  | 'FAILED';

/** One attempt to send a webhook: what came back and how long it took */
export type WebhookDeliveryAttempt = {
  __typename?: 'WebhookDeliveryAttempt';
  id: Scalars['ID']['output'];
  createdAt: Scalars['DateTime']['output'];
  updatedAt: Scalars['DateTime']['output'];
  deliveryId: Scalars['ID']['output'];
  /** 1 for the first attempt */
  number: Scalars['Int']['output'];
  trigger: WebhookAttemptTrigger;
  /** SUCCEEDED: the receiver answered 2xx */
  status: WebhookAttemptStatus;
  /** HTTP status; null when no answer came (timeout, refused connection) */
  statusCode?: Maybe<Scalars['Int']['output']>;
  /** Null while in flight or when interrupted */
  durationMs?: Maybe<Scalars['Int']['output']>;
  /** The first 1 KB of the receiver's answer */
  responseExcerpt?: Maybe<Scalars['String']['output']>;
  error?: Maybe<Scalars['String']['output']>;
  /** The `webhook-timestamp` the attempt was signed with */
  signedAt: Scalars['DateTime']['output'];
};

/** What made an attempt happen */
export type WebhookAttemptTrigger =
  | 'SCHEDULED'
  | 'MANUAL';

/** How an attempt ended */
export type WebhookAttemptStatus =
  | 'IN_FLIGHT'
  | 'SUCCEEDED'
  | 'FAILED'
  | 'INTERRUPTED';

/** A page of WebhookDelivery with cursors for partner apps and offsets for the admin */
export type WebhookDeliveryConnection = {
  __typename?: 'WebhookDeliveryConnection';
  nodes: Array<WebhookDelivery>;
  edges: Array<WebhookDeliveryEdge>;
  pageInfo: PageInfo;
  /** All matching rows, regardless of paging */
  totalCount: Scalars['Int']['output'];
};

export type WebhookDeliveryEdge = {
  __typename?: 'WebhookDeliveryEdge';
  cursor: Scalars['String']['output'];
  node: WebhookDelivery;
};

export type WebhookDeliveryFilter = {
  id?: InputMaybe<IdFilter>;
  /** The endpoint it goes to */
  endpointId?: InputMaybe<IdFilter>;
  status?: InputMaybe<WebhookDeliveryStatusFilter>;
  eventType?: InputMaybe<StringFilter>;
  /** The webhook-id */
  eventId?: InputMaybe<StringFilter>;
  createdAt?: InputMaybe<DateTimeFilter>;
  nextAttemptAt?: InputMaybe<DateTimeFilter>;
};

/** Conditions on a WebhookDeliveryStatus */
export type WebhookDeliveryStatusFilter = {
  eq?: InputMaybe<WebhookDeliveryStatus>;
  ne?: InputMaybe<WebhookDeliveryStatus>;
  in?: InputMaybe<Array<WebhookDeliveryStatus>>;
};

/** Orderings of WebhookDelivery lists */
export type WebhookDeliveryOrderBy =
  | 'CREATED_AT_ASC'
  | 'CREATED_AT_DESC'
  | 'NEXT_ATTEMPT_AT_ASC'
  | 'NEXT_ATTEMPT_AT_DESC'
  | 'LAST_ATTEMPT_AT_ASC'
  | 'LAST_ATTEMPT_AT_DESC'
  | 'STATUS_ASC'
  | 'STATUS_DESC'
  | 'EVENT_TYPE_ASC'
  | 'EVENT_TYPE_DESC';

/** A page of SignatureRequest with cursors for partner apps and offsets for the admin */
export type SignatureRequestConnection = {
  __typename?: 'SignatureRequestConnection';
  nodes: Array<SignatureRequest>;
  edges: Array<SignatureRequestEdge>;
  pageInfo: PageInfo;
  /** All matching rows, regardless of paging */
  totalCount: Scalars['Int']['output'];
};

export type SignatureRequestEdge = {
  __typename?: 'SignatureRequestEdge';
  cursor: Scalars['String']['output'];
  node: SignatureRequest;
};

export type SignatureRequestFilter = {
  id?: InputMaybe<IdFilter>;
  workOrderId?: InputMaybe<IdFilter>;
  status?: InputMaybe<SignatureRequestStatusFilter>;
  sentAt?: InputMaybe<DateTimeFilter>;
};

/** Conditions on a SignatureRequestStatus */
export type SignatureRequestStatusFilter = {
  eq?: InputMaybe<SignatureRequestStatus>;
  ne?: InputMaybe<SignatureRequestStatus>;
  in?: InputMaybe<Array<SignatureRequestStatus>>;
};

/** Orderings of SignatureRequest lists */
export type SignatureRequestOrderBy =
  | 'SENT_AT_ASC'
  | 'SENT_AT_DESC'
  | 'STATUS_ASC'
  | 'STATUS_DESC'
  | 'WORK_ORDER_NUMBER_ASC'
  | 'WORK_ORDER_NUMBER_DESC';

export type StartedConnection = {
  __typename?: 'StartedConnection';
  /** Send the person here to sign in at the provider */
  authorizeUrl: Scalars['String']['output'];
};

export type StartConnectionInput = {
  provider: Provider;
  /** Admin path to come back to afterwards */
  returnTo?: InputMaybe<Scalars['String']['input']>;
};

/** One credential field, e.g. { name: "secretKey", value: "sk_live_…" } */
export type CredentialInput = {
  name: Scalars['String']['input'];
  value: Scalars['String']['input'];
};

/** Only the fields given change; null clears an optional field */
export type UpdateAppointmentReminderSettingsInput = {
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** How long before the appointment the reminder goes out, in minutes (15 to 20160) */
  leadTimeMinutes?: InputMaybe<Scalars['Int']['input']>;
  shopName?: InputMaybe<Scalars['String']['input']>;
  /** IANA time zone the appointment time is written in (default UTC) */
  timeZone?: InputMaybe<Scalars['String']['input']>;
  /** Your Twilio number SMS reminders come from */
  smsFrom?: InputMaybe<Scalars['String']['input']>;
  /** The address email reminders come from, on a domain verified at Resend */
  emailFrom?: InputMaybe<Scalars['String']['input']>;
};

export type TriggerSyncInput = {
  connectionId: Scalars['ID']['input'];
  kind?: SyncKind;
  /** One subject (e.g. `customers`); all of the provider’s when absent */
  subject?: InputMaybe<Scalars['String']['input']>;
};

/** An endpoint with its signing secret. `secret` is shown this once and cannot be read later. */
export type WebhookEndpointWithSecret = {
  __typename?: 'WebhookEndpointWithSecret';
  webhookEndpoint: WebhookEndpoint;
  /** The `whsec_…` secret to verify signatures with (any Standard Webhooks library) */
  secret: Scalars['String']['output'];
};

export type CreateWebhookEndpointInput = {
  /** An http:// or https:// URL; outside development not a loopback, private or link-local address */
  url: Scalars['String']['input'];
  description?: InputMaybe<Scalars['String']['input']>;
  /** Event types to send (see `webhookEventTypes`); empty or absent: all of them */
  eventTypes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Whether events are sent to it */
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Only the fields given change; enabling an endpoint again resets its failure count */
export type UpdateWebhookEndpointInput = {
  /** An http:// or https:// URL; outside development not a loopback, private or link-local address */
  url?: InputMaybe<Scalars['String']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  /** Event types to send (see `webhookEventTypes`); empty or absent: all of them */
  eventTypes?: InputMaybe<Array<Scalars['String']['input']>>;
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A change to a Connection; load it again after a reconnect */
export type ConnectionChange = {
  __typename?: 'ConnectionChange';
  kind: ChangeKind;
  id: Scalars['ID']['output'];
  /** The entity as it is now; null once deleted */
  node?: Maybe<Connection>;
};

/** A change to a ScheduledMessage; load it again after a reconnect */
export type ScheduledMessageChange = {
  __typename?: 'ScheduledMessageChange';
  kind: ChangeKind;
  id: Scalars['ID']['output'];
  /** The entity as it is now; null once deleted */
  node?: Maybe<ScheduledMessage>;
};

/** A change to a SyncRun; load it again after a reconnect */
export type SyncRunChange = {
  __typename?: 'SyncRunChange';
  kind: ChangeKind;
  id: Scalars['ID']['output'];
  /** The entity as it is now; null once deleted */
  node?: Maybe<SyncRun>;
};

/** A change to a InboundEvent; load it again after a reconnect */
export type InboundEventChange = {
  __typename?: 'InboundEventChange';
  kind: ChangeKind;
  id: Scalars['ID']['output'];
  /** The entity as it is now; null once deleted */
  node?: Maybe<InboundEvent>;
};

/** A change to a WebhookEndpoint; load it again after a reconnect */
export type WebhookEndpointChange = {
  __typename?: 'WebhookEndpointChange';
  kind: ChangeKind;
  id: Scalars['ID']['output'];
  /** The entity as it is now; null once deleted */
  node?: Maybe<WebhookEndpoint>;
};

/** A change to a WebhookDelivery; load it again after a reconnect */
export type WebhookDeliveryChange = {
  __typename?: 'WebhookDeliveryChange';
  kind: ChangeKind;
  id: Scalars['ID']['output'];
  /** The entity as it is now; null once deleted */
  node?: Maybe<WebhookDelivery>;
};

/** A change to a SignatureRequest; load it again after a reconnect */
export type SignatureRequestChange = {
  __typename?: 'SignatureRequestChange';
  kind: ChangeKind;
  id: Scalars['ID']['output'];
  /** The entity as it is now; null once deleted */
  node?: Maybe<SignatureRequest>;
};

/** A vehicle the shop works on */
export type Vehicle = {
  __typename?: 'Vehicle';
  id: Scalars['ID']['output'];
  createdAt: Scalars['DateTime']['output'];
  updatedAt: Scalars['DateTime']['output'];
  /** When it was archived (kept for history, left out of lists); null while in use */
  archivedAt?: Maybe<Scalars['DateTime']['output']>;
  /** 17-character vehicle identification number */
  vin?: Maybe<Scalars['String']['output']>;
  /** Blank until filled from the VIN when only the VIN was given */
  make?: Maybe<Scalars['String']['output']>;
  /** Blank until filled from the VIN when only the VIN was given */
  model?: Maybe<Scalars['String']['output']>;
  /** Model year */
  year?: Maybe<Scalars['Int']['output']>;
  /** Displacement, cylinders and engine model, e.g. "2.4L 4 cyl (K24Z3)" */
  engine?: Maybe<Scalars['String']['output']>;
  /** Body style, e.g. "Sedan/Saloon" */
  bodyClass?: Maybe<Scalars['String']['output']>;
  /** Primary fuel, e.g. "Gasoline" */
  fuelType?: Maybe<Scalars['String']['output']>;
  /** How far blank fields were filled from the VIN */
  vinDecodeStatus?: Maybe<VinDecodeStatus>;
  /** What could not be decoded from the VIN, and why (PARTIAL or FAILED) */
  vinDecodeNote?: Maybe<Scalars['String']['output']>;
  /** Licence plate */
  plate?: Maybe<Scalars['String']['output']>;
  /** Last known odometer reading */
  mileage?: Maybe<Scalars['Int']['output']>;
  /** The owning customer */
  ownerId?: Maybe<Scalars['ID']['output']>;
  /** Odometer readings, newest first; `mileage` is the first of them */
  mileageHistory: Array<OdometerReading>;
  /** How people name the vehicle: "2019 Toyota Corolla"; its VIN (else plate) until its make and model are known */
  displayName: Scalars['String']['output'];
  /** The owning customer (from crm) */
  owner?: Maybe<Customer>;
  /** The vehicle's work orders, latest first: its service history */
  workOrders: Array<WorkOrder>;
};

/** How far a vehicle's blank fields were filled from its VIN; null when the vehicle had no VIN or nothing blank */
export type VinDecodeStatus =
  /** The VIN is being decoded; blank fields fill in shortly */
  | 'PENDING'
  /** NHTSA vPIC decoded the VIN fully; blank fields were filled from it */
  | 'DECODED'
  /** Only part of the VIN could be decoded (vPIC does not know it, or was unavailable): what it tells was filled */
  | 'PARTIAL'
  /** Nothing could be decoded from the VIN */
  | 'FAILED';

/** An odometer reading of a vehicle */
export type OdometerReading = {
  __typename?: 'OdometerReading';
  id: Scalars['ID']['output'];
  createdAt: Scalars['DateTime']['output'];
  updatedAt: Scalars['DateTime']['output'];
  vehicleId: Scalars['ID']['output'];
  /** Kilometres on the odometer */
  reading: Scalars['Int']['output'];
  recordedAt: Scalars['DateTime']['output'];
  source: OdometerSource;
  /** Why a correction was made */
  note?: Maybe<Scalars['String']['output']>;
};

/** What recorded a reading: the vehicle being created or updated, a work order (in or out), or an explicit correction */
export type OdometerSource =
  | 'VEHICLE_CREATED'
  | 'VEHICLE_UPDATED'
  | 'WORK_ORDER'
  | 'CORRECTION';

/** DRAFT -> ESTIMATE_SENT -> APPROVED -> IN_PROGRESS -> READY -> COMPLETED; any but COMPLETED may be CANCELLED */
export type WorkOrderStatus =
  | 'DRAFT'
  | 'ESTIMATE_SENT'
  | 'APPROVED'
  | 'IN_PROGRESS'
  | 'READY'
  | 'COMPLETED'
  | 'CANCELLED';

/** A line of a work order: labour, a part or a fee */
export type WorkOrderLine = {
  __typename?: 'WorkOrderLine';
  id: Scalars['ID']['output'];
  createdAt: Scalars['DateTime']['output'];
  updatedAt: Scalars['DateTime']['output'];
  workOrderId: Scalars['ID']['output'];
  kind: WorkOrderLineKind;
  description: Scalars['String']['output'];
  /** The catalogue entry it came from (labour or fee) */
  serviceItemId?: Maybe<Scalars['ID']['output']>;
  /** The commerce product (parts) */
  productId?: Maybe<Scalars['ID']['output']>;
  /** The part number, as it was when the line was added */
  partNumber?: Maybe<Scalars['String']['output']>;
  /** Who does the work (labour); required on every labour line to complete */
  technicianId?: Maybe<Scalars['ID']['output']>;
  /** Hours (labour), units (parts) or 1 (fees) */
  quantity: Scalars['Float']['output'];
  /** Rate per hour, price per unit or the fee, in minor units; null for a part not priced yet */
  unitPrice?: Maybe<Scalars['Int']['output']>;
  /** Quantity times unit price, rounded to the minor unit (0 while unpriced) */
  total: Scalars['Int']['output'];
  taxable: Scalars['Boolean']['output'];
  /** The inspection item the customer approved that became this line */
  inspectionItemId?: Maybe<Scalars['ID']['output']>;
  technician?: Maybe<Technician>;
  /** The product (from commerce) */
  product?: Maybe<Product>;
  serviceItem?: Maybe<ServiceItem>;
};

/** Labour (hours at a rate), a part (units at a price) or a fee */
export type WorkOrderLineKind =
  | 'LABOUR'
  | 'PART'
  | 'FEE';

/** A technician of the shop, bookable for appointments */
export type Technician = {
  __typename?: 'Technician';
  id: Scalars['ID']['output'];
  createdAt: Scalars['DateTime']['output'];
  updatedAt: Scalars['DateTime']['output'];
  /** When it was archived (kept for history, left out of lists); null while in use */
  archivedAt?: Maybe<Scalars['DateTime']['output']>;
  name: Scalars['String']['output'];
  /** The identity user who is this technician, if they sign in */
  userId?: Maybe<Scalars['ID']['output']>;
  /** What the technician can do, e.g. `diesel`, `electrical` */
  skills: Array<Scalars['String']['output']>;
  /** Inactive technicians keep their past appointments but cannot be booked */
  active: Scalars['Boolean']['output'];
  /** The user who is this technician (from identity) */
  user?: Maybe<User>;
};

/** An entry of the shop's service catalogue: a labour operation or a fee */
export type ServiceItem = {
  __typename?: 'ServiceItem';
  id: Scalars['ID']['output'];
  createdAt: Scalars['DateTime']['output'];
  updatedAt: Scalars['DateTime']['output'];
  /** When it was archived (kept for history, left out of lists); null while in use */
  archivedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Short code the shop uses, e.g. `OIL-01` */
  code: Scalars['String']['output'];
  name: Scalars['String']['output'];
  kind: ServiceItemKind;
  description?: Maybe<Scalars['String']['output']>;
  /** Book time in hours (labour only) */
  standardHours?: Maybe<Scalars['Float']['output']>;
  /** Hourly rate (labour) or the fee, in minor units of the currency */
  rate: Scalars['Int']['output'];
  /** ISO 4217 currency code */
  currency: Scalars['String']['output'];
  /** Whether tax applies to it */
  taxable: Scalars['Boolean']['output'];
  /** Inactive items stay on old work orders but are not offered for new ones */
  active: Scalars['Boolean']['output'];
};

/** Labour priced by the hour, or a fixed fee */
export type ServiceItemKind =
  | 'LABOUR'
  | 'FEE';

/** An action on a WorkOrder: whether the caller may take it now and, when not, why */
export type WorkOrderAvailableAction = {
  __typename?: 'WorkOrderAvailableAction';
  action: WorkOrderAction;
  /** The mutation that takes it */
  mutation: Scalars['String']['output'];
  /** The current status leads on by this action; false when the flow does not offer it from here */
  next: Scalars['Boolean']['output'];
  /** Taking it now would succeed as far as the status and the rules go */
  allowed: Scalars['Boolean']['output'];
  /** Why it is refused now: exactly what its mutation would answer; empty when allowed */
  reasons: Array<ActionReason>;
};

/** What can be done to a WorkOrder along its status flow */
export type WorkOrderAction =
  /** The estimate went to the customer: `sendEstimate`, DRAFT -> ESTIMATE_SENT */
  | 'SEND_ESTIMATE'
  /** The customer approved the estimate: `approveWorkOrder`, ESTIMATE_SENT -> APPROVED */
  | 'APPROVE'
  /** Work started: `startWorkOrder`, APPROVED -> IN_PROGRESS */
  | 'START'
  /** The vehicle can be collected: `markWorkOrderReady`, IN_PROGRESS -> READY */
  | 'MARK_READY'
  /** Posted, under the posting rules: `completeWorkOrder`, READY -> COMPLETED */
  | 'COMPLETE'
  /** Cancelled, with the reason: `cancelWorkOrder`, DRAFT or ESTIMATE_SENT or APPROVED or IN_PROGRESS or READY -> CANCELLED */
  | 'CANCEL';

/** Why an action is refused now: the same field and message as its mutation's refusal (`extensions.fields`; for `role`, the FORBIDDEN message) */
export type ActionReason = {
  __typename?: 'ActionReason';
  field: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

/** Booked (holds its technician and bay), cancelled, completed, or the customer did not come */
export type AppointmentStatus =
  | 'BOOKED'
  | 'CANCELLED'
  | 'COMPLETED'
  | 'NO_SHOW';

/** An action on a Appointment: whether the caller may take it now and, when not, why */
export type AppointmentAvailableAction = {
  __typename?: 'AppointmentAvailableAction';
  action: AppointmentAction;
  /** The mutation that takes it */
  mutation: Scalars['String']['output'];
  /** The current status leads on by this action; false when the flow does not offer it from here */
  next: Scalars['Boolean']['output'];
  /** Taking it now would succeed as far as the status and the rules go */
  allowed: Scalars['Boolean']['output'];
  /** Why it is refused now: exactly what its mutation would answer; empty when allowed */
  reasons: Array<ActionReason>;
};

/** What can be done to a Appointment along its status flow */
export type AppointmentAction =
  /** Moved to another time, technician or bay: `rescheduleAppointment`, BOOKED -> BOOKED */
  | 'RESCHEDULE'
  /** Cancelled, freeing its technician and bay: `cancelAppointment`, BOOKED -> CANCELLED */
  | 'CANCEL';

/** A digital vehicle inspection of a work order */
export type Inspection = {
  __typename?: 'Inspection';
  id: Scalars['ID']['output'];
  createdAt: Scalars['DateTime']['output'];
  updatedAt: Scalars['DateTime']['output'];
  workOrderId: Scalars['ID']['output'];
  /** The work order's vehicle */
  vehicleId: Scalars['ID']['output'];
  /** Who inspects */
  technicianId?: Maybe<Scalars['ID']['output']>;
  status: InspectionStatus;
  /** Summary for the customer */
  notes?: Maybe<Scalars['String']['output']>;
  sentAt?: Maybe<Scalars['DateTime']['output']>;
  decidedAt?: Maybe<Scalars['DateTime']['output']>;
  items: Array<InspectionItem>;
  /** Every action of the flow with whether the caller may take it now, and when not the reasons its mutation would refuse with */
  availableActions: Array<InspectionAvailableAction>;
  technician?: Maybe<Technician>;
  workOrder?: Maybe<WorkOrder>;
};

/** IN_PROGRESS -> SENT (to the customer) -> DECIDED (every recommendation answered) */
export type InspectionStatus =
  | 'IN_PROGRESS'
  | 'SENT'
  | 'DECIDED';

/** A checklist item of an inspection */
export type InspectionItem = {
  __typename?: 'InspectionItem';
  id: Scalars['ID']['output'];
  createdAt: Scalars['DateTime']['output'];
  updatedAt: Scalars['DateTime']['output'];
  inspectionId: Scalars['ID']['output'];
  /** What is checked, e.g. "Brake pads and discs" */
  name: Scalars['String']['output'];
  /** Null until checked */
  condition?: Maybe<InspectionCondition>;
  notes?: Maybe<Scalars['String']['output']>;
  /** Photo references (HTTPS URLs of the pictures taken) */
  photos: Array<Scalars['String']['output']>;
  /** Null when nothing is recommended */
  decision?: Maybe<RecommendationDecision>;
  decidedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Who answered and how, e.g. "Grace Hopper by phone" */
  decidedBy?: Maybe<Scalars['String']['output']>;
  /** The lines of the repair recommended (empty when none); approved, they join the work order as shown */
  recommendation: Array<RecommendedWork>;
  /** What the recommended repair adds before tax */
  recommendedTotal: Scalars['Int']['output'];
};

/** Good (green), needs attention soon (amber), urgent (red) */
export type InspectionCondition =
  | 'GOOD'
  | 'ATTENTION'
  | 'URGENT';

/** The customer's answer to a recommended repair */
export type RecommendationDecision =
  | 'PENDING'
  | 'APPROVED'
  | 'DECLINED';

/** A line of a recommended repair, priced */
export type RecommendedWork = {
  __typename?: 'RecommendedWork';
  kind: WorkOrderLineKind;
  description: Scalars['String']['output'];
  serviceItemId?: Maybe<Scalars['ID']['output']>;
  productId?: Maybe<Scalars['ID']['output']>;
  partNumber?: Maybe<Scalars['String']['output']>;
  quantity: Scalars['Float']['output'];
  /** Null for a part whose price is to follow */
  unitPrice?: Maybe<Scalars['Int']['output']>;
  /** What it adds before tax, in minor units of the work order currency */
  total: Scalars['Int']['output'];
  taxable: Scalars['Boolean']['output'];
};

/** An action on a Inspection: whether the caller may take it now and, when not, why */
export type InspectionAvailableAction = {
  __typename?: 'InspectionAvailableAction';
  action: InspectionAction;
  /** The mutation that takes it */
  mutation: Scalars['String']['output'];
  /** The current status leads on by this action; false when the flow does not offer it from here */
  next: Scalars['Boolean']['output'];
  /** Taking it now would succeed as far as the status and the rules go */
  allowed: Scalars['Boolean']['output'];
  /** Why it is refused now: exactly what its mutation would answer; empty when allowed */
  reasons: Array<ActionReason>;
};

/** What can be done to a Inspection along its status flow */
export type InspectionAction =
  /** Shown to the customer (DECIDED at once when nothing is recommended): `sendInspection`, IN_PROGRESS -> SENT */
  | 'SEND';

/** A page of Technician with cursors for partner apps and offsets for the admin */
export type TechnicianConnection = {
  __typename?: 'TechnicianConnection';
  nodes: Array<Technician>;
  edges: Array<TechnicianEdge>;
  pageInfo: PageInfo;
  /** All matching rows, regardless of paging */
  totalCount: Scalars['Int']['output'];
};

export type TechnicianEdge = {
  __typename?: 'TechnicianEdge';
  cursor: Scalars['String']['output'];
  node: Technician;
};

export type TechnicianFilter = {
  /** Words to find in the name */
  q?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<IdFilter>;
  name?: InputMaybe<StringFilter>;
  userId?: InputMaybe<IdFilter>;
  skills?: InputMaybe<TagsFilter>;
  active?: InputMaybe<BooleanFilter>;
  createdAt?: InputMaybe<DateTimeFilter>;
};

/** Orderings of Technician lists */
export type TechnicianOrderBy =
  | 'NAME_ASC'
  | 'NAME_DESC'
  | 'CREATED_AT_ASC'
  | 'CREATED_AT_DESC';

/** A page of Vehicle with cursors for partner apps and offsets for the admin */
export type VehicleConnection = {
  __typename?: 'VehicleConnection';
  nodes: Array<Vehicle>;
  edges: Array<VehicleEdge>;
  pageInfo: PageInfo;
  /** All matching rows, regardless of paging */
  totalCount: Scalars['Int']['output'];
};

export type VehicleEdge = {
  __typename?: 'VehicleEdge';
  cursor: Scalars['String']['output'];
  node: Vehicle;
};

export type VehicleFilter = {
  /** Words to find in the VIN, plate, make or model */
  q?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<IdFilter>;
  vin?: InputMaybe<StringFilter>;
  make?: InputMaybe<StringFilter>;
  model?: InputMaybe<StringFilter>;
  year?: InputMaybe<IntFilter>;
  vinDecodeStatus?: InputMaybe<VinDecodeStatusFilter>;
  plate?: InputMaybe<StringFilter>;
  mileage?: InputMaybe<IntFilter>;
  ownerId?: InputMaybe<IdFilter>;
  createdAt?: InputMaybe<DateTimeFilter>;
  updatedAt?: InputMaybe<DateTimeFilter>;
};

/** Conditions on a VinDecodeStatus */
export type VinDecodeStatusFilter = {
  eq?: InputMaybe<VinDecodeStatus>;
  ne?: InputMaybe<VinDecodeStatus>;
  in?: InputMaybe<Array<VinDecodeStatus>>;
};

/** Orderings of Vehicle lists */
export type VehicleOrderBy =
  | 'MAKE_ASC'
  | 'MAKE_DESC'
  | 'MODEL_ASC'
  | 'MODEL_DESC'
  | 'YEAR_ASC'
  | 'YEAR_DESC'
  | 'PLATE_ASC'
  | 'PLATE_DESC'
  | 'MILEAGE_ASC'
  | 'MILEAGE_DESC'
  | 'CREATED_AT_ASC'
  | 'CREATED_AT_DESC'
  | 'UPDATED_AT_ASC'
  | 'UPDATED_AT_DESC';

/** A page of Appointment with cursors for partner apps and offsets for the admin */
export type AppointmentConnection = {
  __typename?: 'AppointmentConnection';
  nodes: Array<Appointment>;
  edges: Array<AppointmentEdge>;
  pageInfo: PageInfo;
  /** All matching rows, regardless of paging */
  totalCount: Scalars['Int']['output'];
};

export type AppointmentEdge = {
  __typename?: 'AppointmentEdge';
  cursor: Scalars['String']['output'];
  node: Appointment;
};

export type AppointmentFilter = {
  /** Words to find in the notes or bay */
  q?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<IdFilter>;
  customerId?: InputMaybe<IdFilter>;
  vehicleId?: InputMaybe<IdFilter>;
  technicianId?: InputMaybe<IdFilter>;
  bay?: InputMaybe<StringFilter>;
  status?: InputMaybe<AppointmentStatusFilter>;
  startsAt?: InputMaybe<DateTimeFilter>;
  endsAt?: InputMaybe<DateTimeFilter>;
  createdAt?: InputMaybe<DateTimeFilter>;
};

/** Conditions on a AppointmentStatus */
export type AppointmentStatusFilter = {
  eq?: InputMaybe<AppointmentStatus>;
  ne?: InputMaybe<AppointmentStatus>;
  in?: InputMaybe<Array<AppointmentStatus>>;
};

/** Orderings of Appointment lists */
export type AppointmentOrderBy =
  | 'STARTS_AT_ASC'
  | 'STARTS_AT_DESC'
  | 'ENDS_AT_ASC'
  | 'ENDS_AT_DESC'
  | 'BAY_ASC'
  | 'BAY_DESC'
  | 'STATUS_ASC'
  | 'STATUS_DESC'
  | 'CREATED_AT_ASC'
  | 'CREATED_AT_DESC';

/** A page of ServiceItem with cursors for partner apps and offsets for the admin */
export type ServiceItemConnection = {
  __typename?: 'ServiceItemConnection';
  nodes: Array<ServiceItem>;
  edges: Array<ServiceItemEdge>;
  pageInfo: PageInfo;
  /** All matching rows, regardless of paging */
  totalCount: Scalars['Int']['output'];
};

export type ServiceItemEdge = {
  __typename?: 'ServiceItemEdge';
  cursor: Scalars['String']['output'];
  node: ServiceItem;
};

export type ServiceItemFilter = {
  /** Words to find in the code, name or description */
  q?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<IdFilter>;
  code?: InputMaybe<StringFilter>;
  name?: InputMaybe<StringFilter>;
  kind?: InputMaybe<ServiceItemKindFilter>;
  active?: InputMaybe<BooleanFilter>;
  createdAt?: InputMaybe<DateTimeFilter>;
};

/** Conditions on a ServiceItemKind */
export type ServiceItemKindFilter = {
  eq?: InputMaybe<ServiceItemKind>;
  ne?: InputMaybe<ServiceItemKind>;
  in?: InputMaybe<Array<ServiceItemKind>>;
};

/** Orderings of ServiceItem lists */
export type ServiceItemOrderBy =
  | 'CODE_ASC'
  | 'CODE_DESC'
  | 'NAME_ASC'
  | 'NAME_DESC'
  | 'KIND_ASC'
  | 'KIND_DESC'
  | 'RATE_ASC'
  | 'RATE_DESC'
  | 'CREATED_AT_ASC'
  | 'CREATED_AT_DESC';

/** A page of WorkOrder with cursors for partner apps and offsets for the admin */
export type WorkOrderConnection = {
  __typename?: 'WorkOrderConnection';
  nodes: Array<WorkOrder>;
  edges: Array<WorkOrderEdge>;
  pageInfo: PageInfo;
  /** All matching rows, regardless of paging */
  totalCount: Scalars['Int']['output'];
};

export type WorkOrderEdge = {
  __typename?: 'WorkOrderEdge';
  cursor: Scalars['String']['output'];
  node: WorkOrder;
};

export type WorkOrderFilter = {
  /** Words to find in the number, complaint or notes */
  q?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<IdFilter>;
  number?: InputMaybe<StringFilter>;
  status?: InputMaybe<WorkOrderStatusFilter>;
  customerId?: InputMaybe<IdFilter>;
  vehicleId?: InputMaybe<IdFilter>;
  total?: InputMaybe<IntFilter>;
  promisedAt?: InputMaybe<DateTimeFilter>;
  completedAt?: InputMaybe<DateTimeFilter>;
  createdAt?: InputMaybe<DateTimeFilter>;
  updatedAt?: InputMaybe<DateTimeFilter>;
};

/** Conditions on a WorkOrderStatus */
export type WorkOrderStatusFilter = {
  eq?: InputMaybe<WorkOrderStatus>;
  ne?: InputMaybe<WorkOrderStatus>;
  in?: InputMaybe<Array<WorkOrderStatus>>;
};

/** Orderings of WorkOrder lists */
export type WorkOrderOrderBy =
  | 'NUMBER_ASC'
  | 'NUMBER_DESC'
  | 'STATUS_ASC'
  | 'STATUS_DESC'
  | 'TOTAL_ASC'
  | 'TOTAL_DESC'
  | 'PROMISED_AT_ASC'
  | 'PROMISED_AT_DESC'
  | 'CREATED_AT_ASC'
  | 'CREATED_AT_DESC'
  | 'UPDATED_AT_ASC'
  | 'UPDATED_AT_DESC';

/** A page of Inspection with cursors for partner apps and offsets for the admin */
export type InspectionConnection = {
  __typename?: 'InspectionConnection';
  nodes: Array<Inspection>;
  edges: Array<InspectionEdge>;
  pageInfo: PageInfo;
  /** All matching rows, regardless of paging */
  totalCount: Scalars['Int']['output'];
};

export type InspectionEdge = {
  __typename?: 'InspectionEdge';
  cursor: Scalars['String']['output'];
  node: Inspection;
};

export type InspectionFilter = {
  /** Words to find in the notes */
  q?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<IdFilter>;
  workOrderId?: InputMaybe<IdFilter>;
  vehicleId?: InputMaybe<IdFilter>;
  technicianId?: InputMaybe<IdFilter>;
  status?: InputMaybe<InspectionStatusFilter>;
  createdAt?: InputMaybe<DateTimeFilter>;
};

/** Conditions on a InspectionStatus */
export type InspectionStatusFilter = {
  eq?: InputMaybe<InspectionStatus>;
  ne?: InputMaybe<InspectionStatus>;
  in?: InputMaybe<Array<InspectionStatus>>;
};

/** Orderings of Inspection lists */
export type InspectionOrderBy =
  | 'STATUS_ASC'
  | 'STATUS_DESC'
  | 'CREATED_AT_ASC'
  | 'CREATED_AT_DESC'
  | 'UPDATED_AT_ASC'
  | 'UPDATED_AT_DESC';

export type CreateTechnicianInput = {
  name: Scalars['String']['input'];
  userId?: InputMaybe<Scalars['ID']['input']>;
  skills?: InputMaybe<Array<Scalars['String']['input']>>;
  active?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Only the fields given change; null clears an optional field */
export type UpdateTechnicianInput = {
  name?: InputMaybe<Scalars['String']['input']>;
  userId?: InputMaybe<Scalars['ID']['input']>;
  skills?: InputMaybe<Array<Scalars['String']['input']>>;
  active?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A VIN alone is enough: the blank fields are then filled from it */
export type CreateVehicleInput = {
  vin?: InputMaybe<Scalars['String']['input']>;
  /** Required without a VIN; with one, left blank it is filled from the VIN */
  make?: InputMaybe<Scalars['String']['input']>;
  /** Required without a VIN; with one, left blank it is filled from the VIN */
  model?: InputMaybe<Scalars['String']['input']>;
  year?: InputMaybe<Scalars['Int']['input']>;
  engine?: InputMaybe<Scalars['String']['input']>;
  bodyClass?: InputMaybe<Scalars['String']['input']>;
  fuelType?: InputMaybe<Scalars['String']['input']>;
  plate?: InputMaybe<Scalars['String']['input']>;
  mileage?: InputMaybe<Scalars['Int']['input']>;
  ownerId?: InputMaybe<Scalars['ID']['input']>;
};

/** Only the fields given change; null clears an optional field */
export type UpdateVehicleInput = {
  vin?: InputMaybe<Scalars['String']['input']>;
  make?: InputMaybe<Scalars['String']['input']>;
  model?: InputMaybe<Scalars['String']['input']>;
  year?: InputMaybe<Scalars['Int']['input']>;
  engine?: InputMaybe<Scalars['String']['input']>;
  bodyClass?: InputMaybe<Scalars['String']['input']>;
  fuelType?: InputMaybe<Scalars['String']['input']>;
  plate?: InputMaybe<Scalars['String']['input']>;
  mileage?: InputMaybe<Scalars['Int']['input']>;
  ownerId?: InputMaybe<Scalars['ID']['input']>;
};

export type CreateAppointmentInput = {
  customerId: Scalars['ID']['input'];
  vehicleId?: InputMaybe<Scalars['ID']['input']>;
  technicianId?: InputMaybe<Scalars['ID']['input']>;
  bay?: InputMaybe<Scalars['String']['input']>;
  startsAt: Scalars['DateTime']['input'];
  /** After `startsAt`, at most 12 hours later */
  endsAt: Scalars['DateTime']['input'];
  notes?: InputMaybe<Scalars['String']['input']>;
};

/** Only the fields given change; null clears an optional field. Cancel with `cancelAppointment`. */
export type UpdateAppointmentInput = {
  customerId?: InputMaybe<Scalars['ID']['input']>;
  vehicleId?: InputMaybe<Scalars['ID']['input']>;
  technicianId?: InputMaybe<Scalars['ID']['input']>;
  bay?: InputMaybe<Scalars['String']['input']>;
  startsAt?: InputMaybe<Scalars['DateTime']['input']>;
  endsAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** BOOKED, COMPLETED or NO_SHOW */
  status?: InputMaybe<AppointmentStatus>;
  notes?: InputMaybe<Scalars['String']['input']>;
};

export type CreateServiceItemInput = {
  code: Scalars['String']['input'];
  name: Scalars['String']['input'];
  kind: ServiceItemKind;
  description?: InputMaybe<Scalars['String']['input']>;
  /** Required for labour */
  standardHours?: InputMaybe<Scalars['Float']['input']>;
  rate: Scalars['Int']['input'];
  currency: Scalars['String']['input'];
  taxable?: InputMaybe<Scalars['Boolean']['input']>;
  active?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Only the fields given change; null clears an optional field */
export type UpdateServiceItemInput = {
  code?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  kind?: InputMaybe<ServiceItemKind>;
  description?: InputMaybe<Scalars['String']['input']>;
  standardHours?: InputMaybe<Scalars['Float']['input']>;
  rate?: InputMaybe<Scalars['Int']['input']>;
  currency?: InputMaybe<Scalars['String']['input']>;
  taxable?: InputMaybe<Scalars['Boolean']['input']>;
  active?: InputMaybe<Scalars['Boolean']['input']>;
};

export type CreateWorkOrderInput = {
  customerId: Scalars['ID']['input'];
  /** A vehicle of the customer's (or one without an owner yet) */
  vehicleId: Scalars['ID']['input'];
  appointmentId?: InputMaybe<Scalars['ID']['input']>;
  complaint?: InputMaybe<Scalars['String']['input']>;
  notes?: InputMaybe<Scalars['String']['input']>;
  odometerIn?: InputMaybe<Scalars['Int']['input']>;
  promisedAt?: InputMaybe<Scalars['DateTime']['input']>;
  currency: Scalars['String']['input'];
  /** Percent, e.g. 16 */
  taxRate?: InputMaybe<Scalars['Float']['input']>;
};

/** Only the fields given change; null clears an optional field. The status moves with the verbs (sendEstimate, approveWorkOrder, ...). */
export type UpdateWorkOrderInput = {
  customerId?: InputMaybe<Scalars['ID']['input']>;
  vehicleId?: InputMaybe<Scalars['ID']['input']>;
  appointmentId?: InputMaybe<Scalars['ID']['input']>;
  complaint?: InputMaybe<Scalars['String']['input']>;
  notes?: InputMaybe<Scalars['String']['input']>;
  odometerIn?: InputMaybe<Scalars['Int']['input']>;
  odometerOut?: InputMaybe<Scalars['Int']['input']>;
  promisedAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only while the work order has no lines */
  currency?: InputMaybe<Scalars['String']['input']>;
  taxRate?: InputMaybe<Scalars['Float']['input']>;
};

export type CreateInspectionInput = {
  workOrderId: Scalars['ID']['input'];
  technicianId?: InputMaybe<Scalars['ID']['input']>;
  notes?: InputMaybe<Scalars['String']['input']>;
  /** Start from the shop's standard checklist; false starts empty */
  standardChecklist?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Only the fields given change; null clears an optional field */
export type UpdateInspectionInput = {
  technicianId?: InputMaybe<Scalars['ID']['input']>;
  notes?: InputMaybe<Scalars['String']['input']>;
};

export type AddInspectionItemInput = {
  name: Scalars['String']['input'];
  condition?: InputMaybe<InspectionCondition>;
  notes?: InputMaybe<Scalars['String']['input']>;
  photos?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The repair to recommend, as work-order lines: from the catalogue, products or by hand */
  recommendation?: InputMaybe<Array<AddWorkOrderLineInput>>;
};

/** A line from the catalogue (serviceItemId), a product (productId) or written by hand; what is given overrides what they supply */
export type AddWorkOrderLineInput = {
  kind: WorkOrderLineKind;
  /** Labour or fee from the service catalogue */
  serviceItemId?: InputMaybe<Scalars['ID']['input']>;
  /** A part: the commerce product */
  productId?: InputMaybe<Scalars['ID']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  /** Labour only */
  technicianId?: InputMaybe<Scalars['ID']['input']>;
  /** Hours (labour) or units (parts); defaults to the book time, or 1 */
  quantity?: InputMaybe<Scalars['Float']['input']>;
  /** Rate, price or fee in minor units; defaults to the catalogue or product price */
  unitPrice?: InputMaybe<Scalars['Int']['input']>;
  taxable?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Only the fields given change; null clears an optional field (a null recommendation withdraws it) */
export type UpdateInspectionItemInput = {
  name?: InputMaybe<Scalars['String']['input']>;
  condition?: InputMaybe<InspectionCondition>;
  notes?: InputMaybe<Scalars['String']['input']>;
  photos?: InputMaybe<Array<Scalars['String']['input']>>;
  recommendation?: InputMaybe<Array<AddWorkOrderLineInput>>;
};

/** Only the fields given change; null clears technician or (for parts) the price */
export type UpdateWorkOrderLineInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  technicianId?: InputMaybe<Scalars['ID']['input']>;
  quantity?: InputMaybe<Scalars['Float']['input']>;
  unitPrice?: InputMaybe<Scalars['Int']['input']>;
  taxable?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A change to a Technician; load it again after a reconnect */
export type TechnicianChange = {
  __typename?: 'TechnicianChange';
  kind: ChangeKind;
  id: Scalars['ID']['output'];
  /** The entity as it is now; null once deleted */
  node?: Maybe<Technician>;
};

/** A change to a Vehicle; load it again after a reconnect */
export type VehicleChange = {
  __typename?: 'VehicleChange';
  kind: ChangeKind;
  id: Scalars['ID']['output'];
  /** The entity as it is now; null once deleted */
  node?: Maybe<Vehicle>;
};

/** A change to a Appointment; load it again after a reconnect */
export type AppointmentChange = {
  __typename?: 'AppointmentChange';
  kind: ChangeKind;
  id: Scalars['ID']['output'];
  /** The entity as it is now; null once deleted */
  node?: Maybe<Appointment>;
};

/** A change to a ServiceItem; load it again after a reconnect */
export type ServiceItemChange = {
  __typename?: 'ServiceItemChange';
  kind: ChangeKind;
  id: Scalars['ID']['output'];
  /** The entity as it is now; null once deleted */
  node?: Maybe<ServiceItem>;
};

/** A change to a WorkOrder; load it again after a reconnect */
export type WorkOrderChange = {
  __typename?: 'WorkOrderChange';
  kind: ChangeKind;
  id: Scalars['ID']['output'];
  /** The entity as it is now; null once deleted */
  node?: Maybe<WorkOrder>;
};

/** A change to a Inspection; load it again after a reconnect */
export type InspectionChange = {
  __typename?: 'InspectionChange';
  kind: ChangeKind;
  id: Scalars['ID']['output'];
  /** The entity as it is now; null once deleted */
  node?: Maybe<Inspection>;
};
