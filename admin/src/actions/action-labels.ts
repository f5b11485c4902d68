import { humanise, wordsOf } from '../schema/labels.ts';
import type { ActionDescription } from '../schema/resources.ts';

/** Verbs whose action cannot be taken back (a rotated secret is gone), so the admin asks first. */
const DESTRUCTIVE_VERBS = new Set(['delete', 'remove', 'revoke', 'disconnect', 'cancel', 'disable', 'archive', 'void', 'purge', 'rotate', 'reset']);

/**
 * The button's words: the mutation's, without the record's type, which the page already says.
 * `replayInboundEvent` on an inbound event reads "Replay", `rotateWebhookEndpointSecret` "Rotate secret",
 * `sendTestWebhook` on an endpoint "Send test webhook".
 */
export function actionLabel(action: ActionDescription, resource: string): string {
  const words = wordsOf(action.mutation);
  const type = wordsOf(resource);
  const at = words.findIndex((_, index) => index > 0 && type.every((word, offset) => words[index + offset] === word));
  return humanise((at > 0 ? [...words.slice(0, at), ...words.slice(at + type.length)] : words).join('_'));
}

/** `disconnect`, `revokeApiKey`, `deleteX`…: the first word of the mutation is a destructive verb. */
export const isDestructive = (action: ActionDescription) => DESTRUCTIVE_VERBS.has(wordsOf(action.mutation)[0] ?? '');

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * The notice after an action, naming the record: by the mutation (`atelier.done.sendTestWebhook`), else by its
 * verb ("WO-000003 started" for `startWorkOrder`), else "WO-000003: Replay done".
 */
export function doneNotice(translate: Translate, action: ActionDescription, resource: string, record: string): string {
  const generic = translate('atelier.notifications.done', { record, action: actionLabel(action, resource) });
  const byVerb = translate(`atelier.done.${wordsOf(action.mutation)[0] ?? ''}`, { record, _: generic });
  return translate(`atelier.done.${action.mutation}`, { record, _: byVerb });
}
