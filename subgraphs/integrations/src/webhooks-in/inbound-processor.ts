import { LockMode } from '@mikro-orm/core';
import { defineConsumer, publishChange, type SubgraphContext } from '@atelier/kit';
import { integrationsEvents } from '../contract.ts';
import { InboundEvent, InboundEventStatus } from './inbound-event.entity.ts';

/**
 * Processes one inbox entry: under a row lock, so concurrent workers and replays never process the same
 * entry at once, and only while it is not yet processed, so a repeated job has no second effect. The
 * effect is the provider's event as a domain event that the other subgraphs consume.
 */
export async function processInboundEvent(context: SubgraphContext, inboundEventId: string): Promise<void> {
  try {
    await context.em.transactional(async (em) => {
      const inbound = await em.findOne(InboundEvent, { id: inboundEventId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!inbound || inbound.status === InboundEventStatus.PROCESSED || inbound.status === InboundEventStatus.IGNORED) return;
      inbound.attempts += 1;
      await publishChange(context, em, integrationsEvents['inboundEvent.processed'], inbound.id, {
        provider: inbound.provider,
        type: inbound.type,
        externalEventId: inbound.externalEventId,
        connectionId: inbound.connectionId,
        payload: inbound.payload,
      });
      inbound.status = InboundEventStatus.PROCESSED;
      inbound.processedAt = new Date();
      inbound.lastError = null;
      await em.flush();
    });
  } catch (error) {
    await context
      .freshEm()
      .nativeUpdate(
        InboundEvent,
        { id: inboundEventId },
        { status: InboundEventStatus.FAILED, lastError: error instanceof Error ? error.message : String(error) },
      );
    throw error; // the job queue retries with backoff
  }
}

export const inboundProcessor = defineConsumer({
  queue: 'integrations.inbound-processor',
  events: [integrationsEvents['inboundEvent.received']],
  handle: (event, context: SubgraphContext) => processInboundEvent(context, event.entityId),
});
