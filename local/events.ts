/**
 * The local stack's events: the bus the handler puts a page's event on, and a queue that a rule
 * sends every winnow event to, so that `winnow tail`, `npm start` and the tests can see them
 * (moto delivers EventBridge → SQS targets, as AWS does).
 */
import { CreateEventBusCommand, PutRuleCommand, PutTargetsCommand, type EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { CreateQueueCommand, GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { EVENT_SOURCE } from '../lambdas/page-event';
import { tailEvents, type WinnowEvent } from '../ops/tail';

/** The rule's pattern: every event winnow puts on the bus. */
export const TAIL_EVENT_PATTERN = { source: [EVENT_SOURCE] } as const;

export interface LocalEventNames {
  eventBus: string;
  eventsTailQueue: string;
}

export interface LocalEventResources {
  eventBusName: string;
  eventsTailQueueUrl: string;
}

/** Creates the bus, the tail queue and the rule between them; again and again gives the same. */
export async function createEventResources(clients: { eventbridge: EventBridgeClient; sqs: SQSClient }, names: LocalEventNames): Promise<LocalEventResources> {
  try {
    await clients.eventbridge.send(new CreateEventBusCommand({ Name: names.eventBus }));
  } catch (err) {
    if ((err as Error).name !== 'ResourceAlreadyExistsException') throw err;
  }
  const queue = await clients.sqs.send(new CreateQueueCommand({ QueueName: names.eventsTailQueue }));
  const attributes = await clients.sqs.send(new GetQueueAttributesCommand({ QueueUrl: queue.QueueUrl, AttributeNames: ['QueueArn'] }));
  await clients.eventbridge.send(
    new PutRuleCommand({ Name: names.eventsTailQueue, EventBusName: names.eventBus, EventPattern: JSON.stringify(TAIL_EVENT_PATTERN) }),
  );
  await clients.eventbridge.send(
    new PutTargetsCommand({ Rule: names.eventsTailQueue, EventBusName: names.eventBus, Targets: [{ Id: 'tail-queue', Arn: attributes.Attributes?.QueueArn }] }),
  );
  return { eventBusName: names.eventBus, eventsTailQueueUrl: queue.QueueUrl! };
}

/**
 * Reads (and deletes) the tail queue's events until one has arrived for each of `keys` or the
 * time is up; returns the events of those keys in the order they arrived (others are dropped).
 */
export async function collectEvents(sqs: SQSClient, queueUrl: string, keys: readonly string[], timeoutMs = 10_000): Promise<WinnowEvent[]> {
  const wanted = new Set(keys);
  const events: WinnowEvent[] = [];
  const stop = new AbortController();
  await tailEvents({
    sqs,
    queueUrl,
    timeoutMs,
    signal: stop.signal,
    waitSeconds: 1,
    onMessage: (event) => {
      if (event && wanted.has(event.detail.key)) {
        events.push(event);
        wanted.delete(event.detail.key);
        if (wanted.size === 0) stop.abort();
      }
    },
  });
  return events;
}
