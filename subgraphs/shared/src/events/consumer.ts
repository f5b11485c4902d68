import { type DeliveredOf, type EventType } from './contract.ts';
import { type EventConsumer, type EventEnvelope } from './event-bus.ts';

/**
 * A durable reaction to declared events (of this or another subgraph's contract), typed by them: `handle`
 * gets the union of their payloads, narrowed by `event.name`, with no casts. Delivery is at least once,
 * so `handle` must be idempotent; a throw retries the event with backoff.
 */
export function defineConsumer<const E extends readonly [EventType, ...EventType[]], C>(consumer: {
  /** The queue this consumer reads from; one per consumer so each gets every event once. */
  queue: string;
  events: E;
  /** See `EventConsumer.expireInSeconds`. */
  expireInSeconds?: number;
  handle(event: DeliveredOf<E[number]>, context: C): Promise<void>;
}): EventConsumer<C> {
  return {
    queue: consumer.queue,
    events: consumer.events.map((type) => type.name),
    ...(consumer.expireInSeconds && { expireInSeconds: consumer.expireInSeconds }),
    handle: (event: EventEnvelope, context: C) => consumer.handle(event as never, context),
  };
}
