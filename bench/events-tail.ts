/**
 * bench:pipeline's view of the page events: reads the whole tail queue after a run (so that
 * reading it takes nothing from the run itself), and counts, for the run's keys, the events, the
 * distinct idempotency keys, the pages without an event, the duplicates (and whether a
 * redelivery explains them), and the latency from the item's write to the event's arrival on
 * the tail queue (SQS SentTimestamp minus the detail's processedAt: one clock, this machine's).
 */
import { DeleteMessageBatchCommand, ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { parseEvent } from '../ops/tail';

export interface EventsReport {
  /** Events on the tail queue for the run's keys. */
  events: number;
  distinctIdempotencyKeys: number;
  /** Pages with a result (done or failed) and no event. */
  missing: number;
  /** Events beyond the first of their idempotency key. */
  duplicates: number;
  /** Of those, for keys whose record was handed back to SQS or processed more than once. */
  duplicatesExplainedByRedelivery: number;
  /** Events for keys of the run that have no result item. */
  withoutItem: number;
  latencyMs: { p50: number | null; p95: number | null; p99: number | null; max: number | null; over1s: number };
  /** Messages on the tail queue that are not winnow events, or not of this run. */
  otherMessages: number;
}

function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * Drains the tail queue (until two receives in a row come back empty) and reports on the events
 * of the run's keys. `withResult`: the keys whose item holds a result (done or failed), each of
 * which is owed one event; `redelivered`: keys whose record went back to SQS or ran more than once.
 */
export async function drainAndCountEvents(
  sqs: SQSClient,
  tailQueueUrl: string,
  runKeys: ReadonlySet<string>,
  withResult: ReadonlySet<string>,
  redelivered: ReadonlySet<string>,
): Promise<EventsReport> {
  const byIdempotencyKey = new Map<string, number>();
  const keysWithEvent = new Set<string>();
  const latencies: number[] = [];
  let events = 0;
  let otherMessages = 0;
  let withoutItem = 0;
  let duplicatesExplained = 0;
  let emptyReceives = 0;
  while (emptyReceives < 2) {
    const out = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: tailQueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1, MessageSystemAttributeNames: ['SentTimestamp'] }),
    );
    const messages = out.Messages ?? [];
    if (messages.length === 0) {
      emptyReceives++;
      continue;
    }
    emptyReceives = 0;
    for (const m of messages) {
      const event = parseEvent(m.Body);
      if (!event || !runKeys.has(event.detail.key)) {
        otherMessages++; // no winnow event, or one of a key this run did not upload
        continue;
      }
      events++;
      keysWithEvent.add(event.detail.key);
      const seen = (byIdempotencyKey.get(event.detail.idempotencyKey) ?? 0) + 1;
      byIdempotencyKey.set(event.detail.idempotencyKey, seen);
      if (seen > 1 && redelivered.has(event.detail.key)) duplicatesExplained++;
      if (!withResult.has(event.detail.key)) withoutItem++;
      else latencies.push(Number(m.Attributes?.SentTimestamp) - Date.parse(event.detail.processedAt));
    }
    await sqs.send(new DeleteMessageBatchCommand({ QueueUrl: tailQueueUrl, Entries: messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })) }));
  }
  latencies.sort((a, b) => a - b);
  return {
    events,
    distinctIdempotencyKeys: byIdempotencyKey.size,
    missing: [...withResult].filter((k) => !keysWithEvent.has(k)).length,
    duplicates: events - byIdempotencyKey.size,
    duplicatesExplainedByRedelivery: duplicatesExplained,
    withoutItem,
    latencyMs: {
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: latencies.length ? latencies[latencies.length - 1] : null,
      over1s: latencies.filter((l) => l > 1000).length,
    },
    otherMessages,
  };
}
