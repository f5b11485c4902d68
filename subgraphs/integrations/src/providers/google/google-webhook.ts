import { createHash, timingSafeEqual } from 'node:crypto';
import { WebhookRejected, type WebhookVerifier } from '../../webhooks-in/verifier.ts';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * Google push notifications (Calendar `events.watch`, Drive `changes.watch`) carry no signature: an empty
 * body and `X-Goog-*` headers. What proves Google sent one is `X-Goog-Channel-Token`, the secret the app
 * gave the channel when it opened it: the connection's `extra.channelToken`, compared in constant time.
 * Each notification is one inbox entry, `<channel ID>:<message number>` (Google numbers the messages of a
 * channel; a retried delivery repeats its number).
 */
export const verifyGooglePush: WebhookVerifier = ({ headers }, { extra }) => {
  const expected = extra?.channelToken;
  if (!expected) throw new WebhookRejected('no push channel token is stored for this connection');
  const token = headers.get('x-goog-channel-token');
  const channelId = headers.get('x-goog-channel-id');
  const resourceState = headers.get('x-goog-resource-state');
  const messageNumber = headers.get('x-goog-message-number');
  if (!token || !channelId || !resourceState || !messageNumber) throw new WebhookRejected('not a Google push notification');
  if (!timingSafeEqual(digest(token), digest(expected))) throw new WebhookRejected('wrong channel token');

  return {
    externalEventId: `${channelId}:${messageNumber}`,
    type: `push.${resourceState}`,
    payload: {
      channelId,
      resourceId: headers.get('x-goog-resource-id'),
      resourceUri: headers.get('x-goog-resource-uri'),
      resourceState,
      messageNumber: Number(messageNumber),
      channelExpiration: headers.get('x-goog-channel-expiration'),
      changed: headers.get('x-goog-changed'),
    },
  };
};
