import { type Opt } from '@mikro-orm/core';
import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantOwned } from '@atelier/kit';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum SignatureRequestStatus {
  /** The envelope went to the customer. */
  SENT = 'SENT',
  /** The customer opened it. */
  DELIVERED = 'DELIVERED',
  COMPLETED = 'COMPLETED',
  DECLINED = 'DECLINED',
  VOIDED = 'VOIDED',
}

registerEnumType(SignatureRequestStatus, { name: 'SignatureRequestStatus', description: "Where an estimate's e-signature envelope is" });

/** Statuses after which nothing changes any more. */
export const FINAL_STATUSES = [SignatureRequestStatus.COMPLETED, SignatureRequestStatus.DECLINED, SignatureRequestStatus.VOIDED];
export const PENDING_STATUSES = [SignatureRequestStatus.SENT, SignatureRequestStatus.DELIVERED];

/**
 * A work order's estimate sent for e-signature (one DocuSign envelope). The PDFs are lazy columns: lists
 * never load them; the signed one is downloaded through `signedDocumentUrl`.
 */
@ObjectType({ description: "A work order's estimate sent to the customer for e-signature through DocuSign" })
@Entity({ tableName: 'signature_requests' })
@Unique({ properties: ['envelopeId'] })
@Index({ properties: ['tenantId', 'workOrderId'] })
export class SignatureRequest extends TenantOwned {
  @Field(() => ID)
  @Property({ type: 'uuid' })
  workOrderId!: string;

  @Field(() => String, { description: 'The work order number at the time of sending (WO-000123)' })
  @Property({ type: 'string', length: 20 })
  workOrderNumber!: string;

  @Field(() => ID, { description: 'The DocuSign connection the envelope was sent through' })
  @Property({ type: 'uuid' })
  connectionId!: string;

  @Field(() => String, { description: "DocuSign's envelope ID" })
  @Property({ type: 'string', length: 100 })
  envelopeId!: string;

  @Field(() => SignatureRequestStatus)
  @Enum({ items: () => SignatureRequestStatus })
  status: Opt<SignatureRequestStatus> = SignatureRequestStatus.SENT;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  signerName!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 320 })
  signerEmail!: string;

  @Field(() => Int, { description: 'The estimate total that was sent, in minor units' })
  @Property({ type: 'integer' })
  total!: number;

  @Field(() => String)
  @Property({ type: 'string', length: 3 })
  currency!: string;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  sentAt: Opt<Date> = new Date();

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  deliveredAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  completedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  declinedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'What the customer wrote when declining' })
  @Property({ type: 'text', nullable: true })
  declineReason?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  voidedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the envelope was voided (by the shop, in DocuSign or by a newer request)' })
  @Property({ type: 'text', nullable: true })
  voidReason?: string | null;

  /** What was sent (estimateTerms), and as of which change of the work order: a later change to it voids the envelope. */
  @Property({ type: 'json' })
  estimateTerms!: Record<string, unknown>;

  @Property({ type: 'datetime' })
  estimateAsOf!: Date;

  /** The estimate PDF as sent. */
  @Property({ type: 'blob', lazy: true })
  estimatePdf!: Buffer;

  /** DocuSign's combined signed PDF, once completed. */
  @Property({ type: 'blob', lazy: true, nullable: true })
  signedPdf?: Buffer | null;

  @Field(() => Int, { nullable: true, description: 'Size of the signed PDF in bytes, once stored' })
  @Property({ type: 'integer', nullable: true })
  signedPdfSize?: number | null;
}
