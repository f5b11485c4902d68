import { type WebhookOutbox, idSequence } from '../../server.ts';
import { type SentWebhook, type WebhookDeliveryOptions } from '../../types.ts';
import { GoogleApiError, invalid, notFound } from '../errors.ts';
import { type Calendar } from './calendars.ts';

/** A push channel the app opened with `events.watch`. */
export interface Channel {
  id: string;
  resourceId: string;
  resourceUri: string;
  calendarId: string;
  address: string;
  token?: string;
  /** Unix ms; an expired channel is silent (channels are not renewed, the app re-watches). */
  expiration: number;
  /** The last `X-Goog-Message-Number` sent on it. */
  messageNumber: number;
}

/** Google's default (and longest) channel lifetime for Calendar. */
const CHANNEL_LIFETIME_MS = 7 * 24 * 3600 * 1000;

export interface PushChannelsOptions {
  clock: () => number;
  outbox: WebhookOutbox;
  origin: () => string;
}

/**
 * Calendar push notifications: unsigned POSTs with an empty body, described by `X-Goog-*` headers; the
 * channel token the app chose is its only proof of origin. `sync` first, then `exists` on every change.
 */
export function createPushChannels(options: PushChannelsOptions) {
  const channels = new Map<string, Channel>();
  const resourceIds = new Map<string, string>();
  const resourceIdSequence = idSequence('fakeresource', 12);

  function notify(channel: Channel, state: 'sync' | 'exists', delivery: WebhookDeliveryOptions): Promise<SentWebhook[]> {
    channel.messageNumber++;
    // A tampered notification is a forgery: it cannot know the channel's token.
    const token = delivery.tamper ? 'forged-token' : channel.token;
    const headers = {
      'x-goog-channel-id': channel.id,
      ...(token !== undefined && { 'x-goog-channel-token': token }),
      'x-goog-channel-expiration': new Date(channel.expiration).toUTCString(),
      'x-goog-resource-id': channel.resourceId,
      'x-goog-resource-uri': channel.resourceUri,
      'x-goog-resource-state': state,
      'x-goog-message-number': String(channel.messageNumber),
    };
    const webhook = { target: channel.address, id: `${channel.id}#${channel.messageNumber}`, body: '', sign: () => headers };
    return options.outbox.send(webhook, { ...delivery, tamper: false });
  }

  function watch(calendar: Calendar, body: Record<string, unknown>) {
    const { id, type, address, token, expiration } = body;
    if (typeof id !== 'string' || !id || id.length > 64) throw invalid('Invalid channel id.', 'id');
    if (type !== 'web_hook' && type !== 'webhook') throw invalid(`Invalid channel type: ${String(type)}.`, 'type');
    if (typeof address !== 'string' || !URL.canParse(address)) throw invalid('Invalid address.', 'address');
    if (channels.has(id)) throw new GoogleApiError(400, 'channelIdNotUnique', 'Channel id not unique');
    let resourceId = resourceIds.get(calendar.id);
    if (!resourceId) resourceIds.set(calendar.id, (resourceId = resourceIdSequence.next()));
    const channel: Channel = {
      id,
      resourceId,
      resourceUri: `${options.origin()}/calendar/v3/calendars/${encodeURIComponent(calendar.id)}/events?alt=json`,
      calendarId: calendar.id,
      address,
      ...(typeof token === 'string' && { token }),
      expiration: expiration ? Number(expiration) : options.clock() + CHANNEL_LIFETIME_MS,
      messageNumber: 0,
    };
    channels.set(id, channel);
    void notify(channel, 'sync', {});
    return {
      kind: 'api#channel',
      id,
      resourceId,
      resourceUri: channel.resourceUri,
      ...(channel.token !== undefined && { token: channel.token }),
      expiration: String(channel.expiration),
    };
  }

  function stop(body: Record<string, unknown>) {
    const channel = channels.get(String(body.id));
    if (!channel || channel.resourceId !== body.resourceId) throw notFound(`Channel '${String(body.id)}' not found for project 'atelier-fake'`);
    channels.delete(channel.id);
  }

  /** An `exists` notification on every live channel watching `calendar`; resolves when they were delivered. */
  async function calendarChanged(calendar: Calendar, delivery: WebhookDeliveryOptions = {}): Promise<SentWebhook[]> {
    const live = [...channels.values()].filter((channel) => channel.calendarId === calendar.id && channel.expiration > options.clock());
    return (await Promise.all(live.map((channel) => notify(channel, 'exists', delivery)))).flat();
  }

  return {
    watch,
    stop,
    calendarChanged,
    list: () => [...channels.values()].map((channel) => ({ ...channel })),
    reset() {
      channels.clear();
      resourceIds.clear();
      resourceIdSequence.reset();
    },
  };
}

export type PushChannels = ReturnType<typeof createPushChannels>;
