import { defineConsumer, isProduction, type SubgraphContext } from '@atelier/kit';
import { identityEvents } from '@atelier/identity/contract';
import { RESEND_TIMEOUT_MS, resendClient, resendError } from '../providers/resend/resend-client.ts';

/**
 * The platform's own email sender (not a tenant's connection): who signs up or is invited has no
 * organization's provider to be reached through yet. Configured with PLATFORM_RESEND_API_KEY and
 * PLATFORM_EMAIL_FROM (RESEND_API_URL points the SDK at the fake in tests and the demo).
 */
export const platformEmail = () => {
  const apiKey = process.env.PLATFORM_RESEND_API_KEY;
  const from = process.env.PLATFORM_EMAIL_FROM;
  return apiKey && from ? { apiKey, from } : undefined;
};

/**
 * Sends identity's account emails (invitations, address verification). Without a platform sender, a
 * development machine prints the email to the log so its link can be followed; production logs only
 * that it could not be sent, never the link (which is a credential).
 */
export const accountEmailSender = defineConsumer({
  queue: 'integrations.account-email',
  events: [identityEvents['accountEmail.requested']],
  expireInSeconds: 120,
  async handle(event, context: SubgraphContext) {
    const email = event.data;
    const sender = platformEmail();
    if (!sender) {
      if (isProduction())
        context.log.error({ kind: email.kind, eventId: event.id }, 'account email not sent: set PLATFORM_RESEND_API_KEY and PLATFORM_EMAIL_FROM');
      else
        context.log.warn(
          { kind: email.kind, to: email.to, subject: email.subject, text: email.text },
          'account email (development: no platform email sender configured, so it is printed here)',
        );
      return;
    }
    // the event's ID as idempotency key: a retried job sends the email once
    const result = await resendClient(sender.apiKey).emails.send(
      { from: sender.from, to: [email.to], subject: email.subject, text: email.text },
      { idempotencyKey: `account-email/${event.id}`, signal: AbortSignal.timeout(RESEND_TIMEOUT_MS) },
    );
    if (result.error) throw resendError({ error: result.error, headers: result.headers }); // retried with backoff
    context.log.info({ kind: email.kind, eventId: event.id, providerMessageId: result.data.id }, 'account email sent');
  },
});
