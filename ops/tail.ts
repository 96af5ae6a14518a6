/**
 * `winnow tail`'s work: follow a queue that a rule fills with winnow's page events (locally
 * `winnow-events-tail`; on AWS the stack's EventsTailQueueUrl, or any queue with a rule on the
 * bus), hand each event on, and delete it. Also the event's one-line form.
 */
import { DeleteMessageBatchCommand, GetQueueUrlCommand, ReceiveMessageCommand, type Message, type SQSClient } from '@aws-sdk/client-sqs';
import { EVENT_SOURCE, type PageEventDetail } from '../lambdas/page-event';

/** An event as an EventBridge rule delivers it to an SQS target (the message body). */
export interface WinnowEvent {
  id: string;
  time: string;
  source: string;
  'detail-type': string;
  detail: PageEventDetail;
  [field: string]: unknown;
}

/** The event of a message body, or null when the body is not a winnow event. */
export function parseEvent(body: string | undefined): WinnowEvent | null {
  try {
    const event = JSON.parse(body ?? '') as Partial<WinnowEvent> | null;
    if (!event || typeof event !== 'object' || event.source !== EVENT_SOURCE) return null;
    if (typeof event['detail-type'] !== 'string' || !event.detail || typeof event.detail !== 'object') return null;
    return event as WinnowEvent;
  } catch {
    return null;
  }
}

/** `<time>  Page Cleaned  done     <key>  kept N, removed M` — failures with their error code. */
export function formatEvent(event: WinnowEvent): string {
  const d = event.detail;
  const chars = d.charsKept !== undefined ? `kept ${d.charsKept}, removed ${d.charsRemoved ?? 0}` : '';
  const what = [d.errorCode, chars].filter(Boolean).join('  ');
  return `${d.processedAt ?? event.time}  ${event['detail-type'].padEnd(12)}  ${String(d.status).padEnd(7)}  ${d.key}${what ? `  ${what}` : ''}`;
}

export interface TailOptions {
  sqs: SQSClient;
  queueUrl: string;
  /** Called for each message, in the order received; `event` is null for a body that is no winnow event. */
  onMessage: (event: WinnowEvent | null, message: Message) => void | Promise<void>;
  /** Stop at the first receive that finds the queue empty. */
  once?: boolean;
  /** Stop after this long (ms). */
  timeoutMs?: number;
  /** Stops the loop (Ctrl-C). */
  signal?: AbortSignal;
  /** Long-poll wait of one receive, seconds (default 5; at most 20). */
  waitSeconds?: number;
}

/** Follows the queue until `once`, the timeout or the signal says stop; returns the messages seen. */
export async function tailEvents(options: TailOptions): Promise<number> {
  const { sqs, queueUrl } = options;
  const deadline = options.timeoutMs === undefined ? Infinity : Date.now() + options.timeoutMs;
  let seen = 0;
  while (!options.signal?.aborted) {
    const left = deadline - Date.now();
    if (left <= 0) break;
    const wait = Math.max(0, Math.min(options.waitSeconds ?? 5, 20, Math.floor(left / 1000)));
    let received;
    try {
      received = await sqs.send(
        new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: wait, MessageSystemAttributeNames: ['SentTimestamp'] }),
        { abortSignal: options.signal },
      );
    } catch (err) {
      if (options.signal?.aborted) break;
      throw err;
    }
    const messages = received.Messages ?? [];
    if (messages.length === 0) {
      if (options.once) break;
      continue;
    }
    for (const message of messages) await options.onMessage(parseEvent(message.Body), message);
    seen += messages.length;
    await sqs.send(
      new DeleteMessageBatchCommand({ QueueUrl: queueUrl, Entries: messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })) }),
    );
  }
  return seen;
}

export class TailQueueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TailQueueError';
  }
}

/** The URL of a queue by name (the local stack's tail queue), or a TailQueueError saying what to do. */
export async function queueUrlOf(sqs: SQSClient, name: string, where: string): Promise<string> {
  try {
    return (await sqs.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl!;
  } catch (err) {
    throw new TailQueueError(`no queue ${name} at ${where} (is \`winnow local\` running?): ${(err as Error).message}`);
  }
}

/** The stack output that names the tail queue (cdk/winnow-stack.ts, context eventsTail=true). */
export const TAIL_QUEUE_OUTPUT = 'EventsTailQueueUrl';

export interface TailTarget {
  sqs: SQSClient;
  queueUrl: string;
  /** One line for the user: what is followed. */
  description: string;
  destroy(): void;
}

/**
 * The queue to follow: `--queue-url` as given; `--stack`'s EventsTailQueueUrl output; otherwise
 * the local stack's `winnow-events-tail` at `--endpoint` (or WINNOW_ENDPOINT, or 127.0.0.1:4566).
 */
export async function resolveTailQueue(
  options: { endpoint?: string; stack?: string; queueUrl?: string; region?: string },
  env: NodeJS.ProcessEnv = process.env,
): Promise<TailTarget> {
  // Loaded here: `winnow tail --help` needs neither the SDK's CloudFormation client nor the local names.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { clientSettings, stackOutputs } = require('./target') as typeof import('./target');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { LOCAL_NAMES } = require('../local/resources') as typeof import('../local/resources');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { SQSClient: Sqs } = require('@aws-sdk/client-sqs') as typeof import('@aws-sdk/client-sqs');
  const settings = clientSettings(options, Boolean(options.queueUrl), env);
  const sqs = new Sqs(settings.config);
  const target = (queueUrl: string, description: string): TailTarget => ({ sqs, queueUrl, description, destroy: () => sqs.destroy() });
  try {
    if (options.queueUrl) return target(options.queueUrl, options.queueUrl);
    if (options.stack) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { CloudFormationClient } = require('@aws-sdk/client-cloudformation') as typeof import('@aws-sdk/client-cloudformation');
      const cfn = new CloudFormationClient(settings.config);
      try {
        const outputs = await stackOutputs(cfn, options.stack);
        const url = outputs[TAIL_QUEUE_OUTPUT];
        if (!url) {
          throw new TailQueueError(
            `the stack ${options.stack} has no ${TAIL_QUEUE_OUTPUT} output: deploy it with \`-c eventsTail=true\`, ` +
              `or give --queue-url of a queue that a rule on the bus ${outputs.EventBusName ?? '(EventBusName output)'} fills`,
          );
        }
        return target(url, `${TAIL_QUEUE_OUTPUT} of the stack ${options.stack}`);
      } finally {
        cfn.destroy();
      }
    }
    const name = LOCAL_NAMES.eventsTailQueue!;
    return target(await queueUrlOf(sqs, name, settings.endpoint!), `${name} of the local stack at ${settings.endpoint}`);
  } catch (err) {
    sqs.destroy();
    throw err;
  }
}
