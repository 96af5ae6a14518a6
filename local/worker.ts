/**
 * The local stand-in for Lambda's SQS event source: long-polls the queue, hands each batch to
 * the very same handler in the same event shape, and deletes only the messages the handler did
 * not report in `batchItemFailures` (the rest become visible again and are retried, then
 * dead-lettered after maxReceiveCount, exactly as on AWS).
 */
import { DeleteMessageBatchCommand, ReceiveMessageCommand, type Message, type SQSClient } from '@aws-sdk/client-sqs';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import type { Handler } from '../lambdas/handler';

export interface WorkerOptions {
  sqs: SQSClient;
  queueUrl: string;
  queueArn?: string;
  handler: Handler;
  /** Messages per handler call (Lambda's batch size, at most 10 per receive here). */
  batchSize?: number;
  /** Long-poll wait in seconds. */
  waitSeconds?: number;
  /** The function timeout the handler is told it has (Lambda's getRemainingTimeInMillis). */
  timeoutMs?: number;
  onError?: (err: unknown) => void;
}

export interface Worker {
  /** Resolves when the loop has stopped. */
  stop(): Promise<void>;
  /** Batches handed to the handler so far. */
  readonly batches: number;
}

export function toSqsRecord(message: Message, queueArn: string): SQSRecord {
  const attributes = message.Attributes ?? {};
  return {
    messageId: message.MessageId!,
    receiptHandle: message.ReceiptHandle!,
    body: message.Body ?? '',
    attributes: {
      ApproximateReceiveCount: attributes.ApproximateReceiveCount ?? '1',
      SentTimestamp: attributes.SentTimestamp ?? String(Date.now()),
      SenderId: attributes.SenderId ?? 'local',
      ApproximateFirstReceiveTimestamp: attributes.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
    },
    messageAttributes: {},
    md5OfBody: message.MD5OfBody ?? '',
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: process.env.AWS_REGION ?? 'us-east-1',
  };
}

export function startWorker(options: WorkerOptions): Worker {
  const { sqs, queueUrl, handler } = options;
  const queueArn = options.queueArn ?? `arn:aws:sqs:local:000000000000:${queueUrl.split('/').pop()}`;
  const abort = new AbortController();
  let batches = 0;

  const once = async (): Promise<void> => {
    const received = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: Math.min(options.batchSize ?? 10, 10),
        WaitTimeSeconds: options.waitSeconds ?? 1,
        MessageSystemAttributeNames: ['All'],
      }),
      { abortSignal: abort.signal },
    );
    const messages = received.Messages ?? [];
    if (messages.length === 0) return;
    const event: SQSEvent = { Records: messages.map((m) => toSqsRecord(m, queueArn)) };
    const deadline = Date.now() + (options.timeoutMs ?? 60_000);
    const response = await handler(event, {
      functionName: 'winnow-local',
      awsRequestId: `local-${Date.now()}-${batches}`,
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    });
    batches++;
    const failed = new Set(response.batchItemFailures.map((f) => f.itemIdentifier));
    const done = messages.filter((m) => !failed.has(m.MessageId!));
    if (done.length > 0) {
      await sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: done.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })),
        }),
      );
    }
  };

  const loop = (async () => {
    while (!abort.signal.aborted) {
      try {
        await once();
      } catch (err) {
        if (abort.signal.aborted) break;
        options.onError?.(err);
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  })();

  return {
    get batches() {
      return batches;
    },
    async stop() {
      abort.abort();
      await loop;
    },
  };
}
