/**
 * Messages from the dead-letter queue back to the source queue: receive → send → delete, in
 * batches of up to 10, until the DLQ is empty or `max` messages have moved. A message is
 * deleted from the DLQ only after the source queue accepted it, so a failure midway leaves it in
 * the DLQ (visible again after the visibility timeout), never lost; at worst one is in both,
 * and the handler treats the second delivery as the duplicate it is.
 *
 * On AWS, SQS can also do this itself: `startMoveTask` (StartMessageMoveTask), asynchronous.
 */
import {
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  StartMessageMoveTaskCommand,
  type Message,
  type SendMessageBatchRequestEntry,
  type SQSClient,
} from '@aws-sdk/client-sqs';

export interface RedriveOptions {
  /** The dead-letter queue's URL. */
  from: string;
  /** The source queue's URL. */
  to: string;
  /** Stop after this many messages (default: until the DLQ is empty). */
  max?: number;
  /** Seconds a received message stays hidden while it is being moved (default 60). */
  visibilityTimeoutSeconds?: number;
  /** Long-poll wait of each receive; an empty receive ends the run (default 2). */
  waitSeconds?: number;
  onBatch?: (progress: RedriveResult) => void;
}

export interface RedriveResult {
  /** Received from the DLQ. */
  received: number;
  /** Sent to the source queue and deleted from the DLQ. */
  moved: number;
  /** Not accepted by the source queue: left in the DLQ. */
  failed: number;
  /** Sent but not deleted from the DLQ (they will be delivered twice; the handler skips the repeat). */
  notDeleted: number;
  batches: number;
  errors: string[];
}

function entryFor(message: Message, id: string): SendMessageBatchRequestEntry {
  const entry: SendMessageBatchRequestEntry = { Id: id, MessageBody: message.Body ?? '' };
  if (message.MessageAttributes && Object.keys(message.MessageAttributes).length > 0) entry.MessageAttributes = message.MessageAttributes;
  // FIFO queues: keep the group (and the deduplication id, which SQS requires without content-based dedup).
  const group = message.Attributes?.MessageGroupId;
  if (group) {
    entry.MessageGroupId = group;
    entry.MessageDeduplicationId = message.Attributes?.MessageDeduplicationId ?? message.MessageId;
  }
  return entry;
}

export async function redrive(sqs: SQSClient, options: RedriveOptions): Promise<RedriveResult> {
  const max = options.max ?? Infinity;
  const result: RedriveResult = { received: 0, moved: 0, failed: 0, notDeleted: 0, batches: 0, errors: [] };
  while (result.moved + result.failed + result.notDeleted < max) {
    const want = Math.min(10, max - (result.moved + result.failed + result.notDeleted));
    const out = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: options.from,
        MaxNumberOfMessages: want,
        WaitTimeSeconds: options.waitSeconds ?? 2,
        VisibilityTimeout: options.visibilityTimeoutSeconds ?? 60,
        MessageAttributeNames: ['All'],
        MessageSystemAttributeNames: ['MessageGroupId', 'MessageDeduplicationId'],
      }),
    );
    const messages = out.Messages ?? [];
    if (messages.length === 0) break;
    result.received += messages.length;
    result.batches++;
    const sent = await sqs.send(
      new SendMessageBatchCommand({ QueueUrl: options.to, Entries: messages.map((m, i) => entryFor(m, String(i))) }),
    );
    for (const f of sent.Failed ?? []) {
      result.failed++;
      result.errors.push(`send ${messages[Number(f.Id)]?.MessageId}: ${f.Code} ${f.Message ?? ''}`.trim());
    }
    const ok = (sent.Successful ?? []).map((s) => messages[Number(s.Id)]).filter((m): m is Message => Boolean(m));
    if (ok.length > 0) {
      const deleted = await sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: options.from,
          Entries: ok.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })),
        }),
      );
      const notDeleted = deleted.Failed?.length ?? 0;
      result.notDeleted += notDeleted;
      result.moved += ok.length - notDeleted;
      for (const f of deleted.Failed ?? []) result.errors.push(`delete ${ok[Number(f.Id)]?.MessageId}: ${f.Code} ${f.Message ?? ''}`.trim());
    }
    options.onBatch?.({ ...result, errors: [...result.errors] });
    if (sent.Failed?.length === messages.length) break; // the source queue refuses: no point going round
  }
  return result;
}

async function queueArn(sqs: SQSClient, url: string): Promise<string> {
  const out = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }));
  const arn = out.Attributes?.QueueArn;
  if (!arn) throw new Error(`no QueueArn for ${url}`);
  return arn;
}

/** Asks SQS to move the DLQ's messages back itself (AWS only; moto has no move tasks). */
export async function startMoveTask(sqs: SQSClient, options: { from: string; to: string; maxPerSecond?: number }): Promise<string> {
  const out = await sqs.send(
    new StartMessageMoveTaskCommand({
      SourceArn: await queueArn(sqs, options.from),
      DestinationArn: await queueArn(sqs, options.to),
      ...(options.maxPerSecond ? { MaxNumberOfMessagesPerSecond: options.maxPerSecond } : {}),
    }),
  );
  return out.TaskHandle ?? '';
}

/** Visible + in-flight messages of a queue. */
export async function approximateDepth(sqs: SQSClient, url: string): Promise<number> {
  const out = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
  );
  return Number(out.Attributes?.ApproximateNumberOfMessages ?? 0) + Number(out.Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0);
}
