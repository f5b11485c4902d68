// Stripe, Twilio, WhatsApp, Resend, M-Pesa, NHTSA vPIC: re-exported from their folders.
export { startStripeFake, type StripeFake, type StripeFakeOptions } from './stripe/stripe-fake.ts';
export type { StripeFault, StripeFaultRule } from './stripe/errors.ts';
export type { CheckoutSession as StripeCheckoutSession, PaymentIntent as StripePaymentIntent, StripeEvent, StripeObject } from './stripe/objects.ts';

export { startTwilioFake, type TwilioFake, type TwilioFakeOptions } from './twilio/twilio-fake.ts';
export type { MessageStatus as TwilioMessageStatus, TwilioMessage } from './twilio/messages.ts';
export type { InboundMedia as TwilioInboundMedia } from './twilio/webhooks.ts';

export { startWhatsAppFake, type WhatsAppFake, type WhatsAppFakeOptions } from './whatsapp/whatsapp-fake.ts';
export type { WhatsAppFault, WhatsAppFaultRule, WhatsAppRateLimitCode } from './whatsapp/errors.ts';
export type {
  DeliveryStatus as WhatsAppDeliveryStatus,
  InboundMessage as WhatsAppInboundMessage,
  OutboundMessage as WhatsAppOutboundMessage,
} from './whatsapp/conversations.ts';
export type { StatusError as WhatsAppStatusError } from './whatsapp/webhooks.ts';

export {
  startResendFake,
  type EmailEvent as ResendEmailEvent,
  type EmailEventDetails as ResendEmailEventDetails,
  type ResendFake,
  type ResendFakeOptions,
} from './resend/resend-fake.ts';
export type { Email as ResendEmail, EmailEventType as ResendEmailEventType } from './resend/emails.ts';

export { startMpesaFake, type MpesaFake, type MpesaFakeOptions } from './mpesa/mpesa-fake.ts';
export { STK_RESULTS, type StkPush, type StkResultCode } from './mpesa/stk.ts';

export { startNhtsaFake, type NhtsaFake, type NhtsaFakeOptions } from './nhtsa/nhtsa-fake.ts';
export type { VehiclePattern, VehicleValues } from './nhtsa/vehicles.ts';
