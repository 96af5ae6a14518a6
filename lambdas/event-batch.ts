/**
 * The page events of one SQS batch, put on the bus together: each record, once its item is
 * written, hands its event over and waits; when every record of the batch is waiting (for its
 * event, or for its batch line) or finished, the events go out 10 to a PutEvents call
 * (lambdas/rendezvous.ts, lambdas/events.ts). A failed call fails each of its records, a failed
 * entry only its own: those records mark their events owed, throw PageEventError and go back
 * to SQS, whose retry sends the event (lambdas/events.ts).
 *
 * A batch of 10 pages then costs one PutEvents instead of ten, and no record waits longer than
 * the batch's slowest record would keep the invocation running anyway.
 */
import type { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { PageItem } from './item';
import type { EventsConfig } from './page-event';
import { sendPageEvents } from './events';
import type { Rendezvous, RendezvousQueue, Turn } from './rendezvous';

/** Hands a written item's event to the batch; resolves once it is on the bus, rejects with PageEventError. */
export type PageEventSink = (item: PageItem) => Promise<void>;

export class BatchEvents {
  private readonly queue: RendezvousQueue<PageItem, void>;

  /** `rendezvous`: the invocation's, shared with the batch output's lines. */
  constructor(
    rendezvous: Rendezvous,
    eventbridge: EventBridgeClient,
    settings: { outputBucket: string; events: EventsConfig },
  ) {
    this.queue = rendezvous.queue<PageItem, void>(async (waiters) => {
      const errors = await sendPageEvents(eventbridge, waiters.map((w) => w.value), settings.outputBucket, settings.events);
      waiters.forEach((w, i) => {
        const error = errors[i];
        if (error) w.reject(error);
        else w.resolve();
      });
    });
  }

  /** The sink of a record taking part in the rendezvous as `turn`. */
  sink(turn: Turn): PageEventSink {
    return (item) => turn.wait(this.queue, item);
  }
}
