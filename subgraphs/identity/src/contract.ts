import { changed, defineContract, Id, Instant, Nullable, OneOf, Payload, Reference, Role, Type } from '@atelier/kit';

/**
 * identity's contract: the events it publishes and what they carry. Other subgraphs import this module (it
 * is declarations only) to consume them. None is offered to partners by webhook: they concern people and
 * credentials. No payload ever carries a password, a key, a token or their hashes.
 */

const RoleName = Type.Enum(Role, { description: 'What the person or key may do' });

/** A person's place in an organization (v1). */
export const MembershipSnapshot = Payload(
  {
    id: Id(),
    userId: Reference('User', 'The person'),
    role: RoleName,
    createdAt: Instant('When they joined'),
    updatedAt: Instant(),
  },
  "A person's membership of the organization, with their role",
);

const invitationFields = {
  id: Id(),
  email: Type.String({ description: 'Where the invitation went' }),
  role: RoleName,
  status: OneOf(['PENDING', 'ACCEPTED', 'REVOKED', 'EXPIRED'], 'As of the event'),
  expiresAt: Instant('Until when the link may be accepted'),
  invitedById: Nullable(Reference('User', 'Who invited them; null when unknown')),
  acceptedAt: Nullable(Instant()),
  revokedAt: Nullable(Instant()),
  createdAt: Instant(),
};

/** An invitation to join an organization (v1); never its link token. */
export const InvitationSnapshot = Payload(invitationFields, 'An invitation to join the organization with a role');

/** A partner app's credential (v1): what it is called and may do, never the key or its hash. */
export const ApiKeySnapshot = Payload(
  {
    id: Id(),
    name: Type.String(),
    prefix: Type.String({ description: 'The first characters of the key, to recognise it' }),
    roles: Type.Array(RoleName),
    createdById: Nullable(Reference('User', 'Who created it; null when unknown')),
    expiresAt: Nullable(Instant('When it stops working; null: never')),
    revokedAt: Nullable(Instant()),
    createdAt: Instant(),
  },
  "A partner app's API key",
);

/**
 * An email to one person about their account, written by identity and sent by integrations from the
 * platform's own address (not a tenant's connection). `text` may hold a one-time link: consumers never log it.
 */
export const AccountEmail = Payload(
  {
    to: Type.String({ description: 'The address' }),
    subject: Type.String(),
    text: Type.String({ description: 'The plain-text body; may hold a one-time link, so never logged' }),
    kind: OneOf(['invitation', 'email-verification', 'signup-existing-account'], 'What it is about, for logs'),
  },
  "An email about a person's account",
);

export const identityContract = defineContract('identity', {
  'membership.created': { description: 'A person joined the organization', webhook: false, version: 1, payload: MembershipSnapshot },
  'membership.updated': {
    description: "A member's role changed",
    webhook: false,
    version: 1,
    payload: changed(MembershipSnapshot),
  },
  'membership.deleted': {
    description: 'A person left the organization; the payload is the membership as it was',
    webhook: false,
    version: 1,
    payload: MembershipSnapshot,
  },
  'invitation.created': {
    description: 'A person was invited to join the organization (the link goes to them by email)',
    webhook: false,
    version: 1,
    payload: InvitationSnapshot,
  },
  'invitation.accepted': {
    description: 'An invited person accepted and became a member',
    webhook: false,
    version: 1,
    payload: Payload({ ...invitationFields, userId: Reference('User', 'The person who accepted, now a member') }),
  },
  'invitation.revoked': {
    description: 'A pending invitation was withdrawn (or replaced by a newer one)',
    webhook: false,
    version: 1,
    payload: Payload({
      ...invitationFields,
      replaced: Type.Boolean({ description: 'Replaced by a newer invitation to the same address, rather than withdrawn' }),
    }),
  },
  'accountEmail.requested': {
    description:
      "identity asks for an email to a person about their account (an invitation, an address to verify); integrations sends it from the platform's address",
    webhook: false,
    version: 1,
    payload: AccountEmail,
  },
  'apiKey.created': { description: 'An API key was created', webhook: false, version: 1, payload: ApiKeySnapshot },
  'apiKey.revoked': { description: 'An API key was revoked', webhook: false, version: 1, payload: ApiKeySnapshot },
});

export const identityEvents = identityContract.events;
