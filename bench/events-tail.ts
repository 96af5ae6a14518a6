/**
 * bench:pipeline's view of the page events: takes them off the tail queue while the run goes
 * on (EventsTail), and counts, for the run's keys, the events, the
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

/** One message taken off the tail queue: its body and when SQS received it. */
interface TailMessage {
  body: string | undefined;
  sentTimestamp: number;
}

/**
 * A consumer of the tail queue for the length of a run, as a downstream job would be: it takes
 * the events off the queue while the pipeline runs, a batch every `pollMs`, and keeps them for
 * the count. A queue left to fill up would cost the run itself: moto's SQS walks every message
 * of a queue on each SendMessage (its queue attributes), so each event put on an unread queue of
 * n messages costs more than the last (about 13 ms of moto's CPU at n = 500), which no SQS queue
 * on AWS does. Waiting `pollMs` between receives lets ~10 events gather per ReceiveMessage.
 */
export class EventsTail {
  private readonly messages: TailMessage[] = [];
  private stopping = false;
  private readonly loop: Promise<void>;

  constructor(private readonly sqs: SQSClient, private readonly queueUrl: string, pollMs = 500) {
    this.loop = this.run(pollMs);
    this.loop.catch(() => {}); // reported by finish(); a run that fails on its own calls stop()
  }

  private async run(pollMs: number): Promise<void> {
    while (!this.stopping) {
      const got = await this.receive(0);
      if (got < 10 && !this.stopping) await new Promise((r) => setTimeout(r, pollMs));
    }
  }

  /** Ends the polling without a report (the run failed); an error of the loop is left unreported. */
  stop(): void {
    this.stopping = true;
  }

  /** Takes up to 10 messages off the queue and deletes them; returns how many. */
  private async receive(waitSeconds: number): Promise<number> {
    const out = await this.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: this.queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: waitSeconds, MessageSystemAttributeNames: ['SentTimestamp'] }),
    );
    const messages = out.Messages ?? [];
    if (messages.length === 0) return 0;
    for (const m of messages) this.messages.push({ body: m.Body, sentTimestamp: Number(m.Attributes?.SentTimestamp) });
    await this.sqs.send(new DeleteMessageBatchCommand({ QueueUrl: this.queueUrl, Entries: messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })) }));
    return messages.length;
  }

  /**
   * Stops the polling, drains the queue (until two receives in a row come back empty) and
   * reports on the events of the run's keys. `withResult`: the keys whose item holds a result
   * (done or failed), each of which is owed one event; `redelivered`: keys whose record went
   * back to SQS or ran more than once.
   */
  async finish(runKeys: ReadonlySet<string>, withResult: ReadonlySet<string>, redelivered: ReadonlySet<string>): Promise<EventsReport> {
    this.stopping = true;
    await this.loop;
    let emptyReceives = 0;
    while (emptyReceives < 2) emptyReceives = (await this.receive(1)) === 0 ? emptyReceives + 1 : 0;
    return countEvents(this.messages, runKeys, withResult, redelivered);
  }
}

function countEvents(
  messages: readonly TailMessage[],
  runKeys: ReadonlySet<string>,
  withResult: ReadonlySet<string>,
  redelivered: ReadonlySet<string>,
): EventsReport {
  const byIdempotencyKey = new Map<string, number>();
  const keysWithEvent = new Set<string>();
  const latencies: number[] = [];
  let events = 0;
  let otherMessages = 0;
  let withoutItem = 0;
  let duplicatesExplained = 0;
  for (const m of messages) {
    const event = parseEvent(m.body);
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
    else latencies.push(m.sentTimestamp - Date.parse(event.detail.processedAt));
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
