import { type FakeResponse } from '../server.ts';
import { type CheckoutSession } from './objects.ts';

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const scriptString = (value: string) => JSON.stringify(value).replaceAll('<', '\\u003c');

/** Stripe fills `{CHECKOUT_SESSION_ID}` in the return URLs. */
const returnUrl = (url: string | null, session: CheckoutSession) => (url ?? '/').replaceAll('{CHECKOUT_SESSION_ID}', session.id);

/**
 * The hosted page a session's `url` opens (for `npm run demo`): "Pay" completes the session through the
 * control API, as a customer paying with a test card would, then returns to the app's success URL.
 */
export function checkoutPage(session: CheckoutSession): FakeResponse {
  const amount = `${(session.amount_total / 100).toFixed(2)} ${session.currency.toUpperCase()}`;
  const script = `document.getElementById('pay').onclick = async () => {
  await fetch('/__control/checkout-sessions/complete', { method: 'POST', body: JSON.stringify({ id: ${scriptString(session.id)} }) });
  location.href = ${scriptString(returnUrl(session.success_url, session))};
};`;
  const body =
    session.status === 'open'
      ? `<h1>Pay ${escapeHtml(amount)}</h1><button id="pay">Pay with test card 4242</button> <a href="${escapeHtml(returnUrl(session.cancel_url, session))}">Cancel</a><script>${script}</script>`
      : `<h1>This Checkout Session is ${session.status}.</h1>`;
  return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: `<!doctype html><title>Stripe Checkout (fake)</title>${body}` };
}
