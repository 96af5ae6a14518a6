/**
 * Backfill: objects that were in the input bucket before the notification existed (or whose
 * cleaning a new filter version made stale) through the same pipeline as live uploads.
 *
 * Locally (moto): ListObjectsV2 (paginated, under the prefix) → BatchGetItem of their items →
 * skip those already `done`/`failed` with the same ETag and the current filter version (unless
 * `force`) → SendMessageBatch (10 a message batch) of the very message an S3 notification sends,
 * one record per message, to the pipeline's queue. The handler then does what it does for any
 * upload — including its own duplicate check, so an object that became current meanwhile is
 * still not processed twice. `dryRun` lists and checks, and sends nothing.
 *
 * Who decides: this skip is an optimisation (nothing is enqueued for current objects); the
 * handler's check (lambdas/process-object.ts) is the authority. `force` marks the records
 * `winnowForce: true`, which makes the handler skip its check too.
 *
 * On AWS: the backfill state machine (cdk/winnow-pipeline.ts, context `backfill=true`) does the
 * listing and batching with a Step Functions Distributed Map; `startBackfill` starts it and
 * `backfillProgress` / `backfillResults` follow it.
 */
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { BatchGetItemCommand, type DynamoDBClient, type KeysAndAttributes } from '@aws-sdk/client-dynamodb';
import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { SFNClient } from '@aws-sdk/client-sfn';
import { FILTER_VERSION } from '../engine/version';
import { isCurrent, pkOf } from '../lambdas/item';
export { queueDepth } from './queue';
import { queueDepth } from './queue';
import { inventoryPages, type S3Location } from './inventory';

export interface ListedObject {
  key: string;
  /** Without quotes. */
  etag: string;
  size: number;
}

/** What a stored item needs to say for its object to be current. */
export interface StoredState {
  status?: string;
  etag?: string;
  filterVersion?: string;
}

/** Current: `done` or `failed` for this very ETag with this filter version (the handler's rule). */
export { isCurrent };

/** A key as S3 writes it into an event notification: form-encoded, `/` kept. */
export function s3EventKey(key: string): string {
  return encodeURIComponent(key).replace(/%20/g, '+').replace(/%2F/g, '/');
}

/**
 * The SQS message body S3 sends for an upload (event notification structure 2.1), for one
 * listed object; `winnowForce: true` on the record when forced (S3 never sends that field).
 */
export function backfillMessageBody(bucket: string, object: ListedObject, force = false, now: Date = new Date()): string {
  return JSON.stringify({
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: process.env.AWS_REGION ?? 'us-east-1',
        eventTime: now.toISOString(),
        eventName: 'ObjectCreated:Put',
        userIdentity: { principalId: 'winnow-backfill' },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'winnow-backfill',
          bucket: { name: bucket, arn: `arn:aws:s3:::${bucket}` },
          object: { key: s3EventKey(object.key), size: object.size, eTag: object.etag },
        },
        ...(force ? { winnowForce: true } : {}),
      },
    ],
  });
}

export interface BackfillClients {
  s3: S3Client;
  sqs: SQSClient;
  dynamodb: DynamoDBClient;
}

export interface BackfillOptions {
  bucket: string;
  table: string;
  queueUrl: string;
  prefix?: string;
  /**
   * Take the objects from this S3 Inventory manifest.json instead of listing the bucket
   * (ops/inventory.ts); `prefix` then filters its keys.
   */
  manifest?: S3Location;
  /** Enqueue current objects too, marked so that the handler reprocesses them. */
  force?: boolean;
  /** List and check; send nothing. */
  dryRun?: boolean;
  /** The filter version objects must have been cleaned with to be current (tests: a "bumped" one). */
  filterVersion?: string;
  /** Keys per ListObjectsV2 page (default 1,000, S3's maximum). */
  pageSize?: number;
  /** Each object that is (or, with dryRun, would be) enqueued. */
  onObject?: (object: ListedObject) => void;
  /** After each listed page. */
  onPage?: (counts: BackfillResult) => void;
}

export interface BackfillResult {
  listed: number;
  /** Current objects (skipped; 0 with force). */
  skipped: number;
  /** Sent to the queue (with dryRun: would be). */
  enqueued: number;
  /** Refused by SQS after retries. */
  notEnqueued: number;
  errors: string[];
  /** The keys enqueued (for waiting on their items). */
  keys: string[];
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The stored items of these keys (status, etag, filterVersion), by key. */
export async function storedStates(dynamodb: DynamoDBClient, table: string, bucket: string, keys: string[]): Promise<Map<string, StoredState>> {
  const found = new Map<string, StoredState>();
  for (let i = 0; i < keys.length; i += 100) {
    let request: Record<string, KeysAndAttributes> | undefined = {
      [table]: {
        Keys: keys.slice(i, i + 100).map((k) => ({ pk: { S: pkOf(bucket, k) } })),
        ProjectionExpression: 'pk, #s, etag, filterVersion',
        ExpressionAttributeNames: { '#s': 'status' },
        ConsistentRead: true,
      },
    };
    for (let attempt = 0; request && Object.keys(request).length > 0; attempt++) {
      if (attempt > 0) await sleep(Math.min(2000, 50 * 2 ** attempt));
      const out = await dynamodb.send(new BatchGetItemCommand({ RequestItems: request }));
      for (const item of out.Responses?.[table] ?? []) {
        const pk = item.pk?.S ?? '';
        found.set(pk.slice(`s3://${bucket}/`.length), { status: item.status?.S, etag: item.etag?.S, filterVersion: item.filterVersion?.S });
      }
      request = out.UnprocessedKeys as Record<string, KeysAndAttributes> | undefined;
      if (attempt > 8 && request && Object.keys(request).length > 0) throw new Error('DynamoDB kept keys unprocessed after 9 attempts');
    }
  }
  return found;
}

async function sendBatch(sqs: SQSClient, queueUrl: string, bodies: string[], result: BackfillResult): Promise<boolean[]> {
  const sent = bodies.map(() => false);
  let pending = bodies.map((_, i) => i);
  for (let attempt = 0; attempt < 4 && pending.length > 0; attempt++) {
    if (attempt > 0) await sleep(100 * 2 ** attempt);
    const out = await sqs.send(
      new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: pending.map((i) => ({ Id: String(i), MessageBody: bodies[i]! })) }),
    );
    for (const s of out.Successful ?? []) sent[Number(s.Id)] = true;
    const failed = out.Failed ?? [];
    if (attempt === 3) for (const f of failed) result.errors.push(`send: ${f.Code} ${f.Message ?? ''}`.trim());
    pending = failed.filter((f) => !f.SenderFault || attempt < 1).map((f) => Number(f.Id));
  }
  return sent;
}

/** The bucket's objects under the prefix, a ListObjectsV2 page at a time. */
export async function* bucketPages(s3: S3Client, bucket: string, prefix: string | undefined, pageSize = 1000): AsyncGenerator<ListedObject[]> {
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix || undefined, ContinuationToken: token, MaxKeys: pageSize }));
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
    yield (page.Contents ?? [])
      .filter((o) => o.Key !== undefined)
      .map((o) => ({ key: o.Key!, etag: (o.ETag ?? '').replace(/"/g, ''), size: o.Size ?? 0 }));
  } while (token);
}

/**
 * Lists the bucket under the prefix (or reads the objects of an S3 Inventory manifest) and
 * enqueues every object that is not current (all with force).
 */
export async function backfillLocal(clients: BackfillClients, options: BackfillOptions): Promise<BackfillResult> {
  const result: BackfillResult = { listed: 0, skipped: 0, enqueued: 0, notEnqueued: 0, errors: [], keys: [] };
  const pages = options.manifest
    ? inventoryPages(clients.s3, options.manifest, options.bucket)
    : bucketPages(clients.s3, options.bucket, options.prefix, options.pageSize);
  // The inventory is not listed by prefix: its keys are filtered here.
  const prefix = options.manifest ? options.prefix ?? '' : '';
  for await (const listed of pages) {
    // An inventory file can hold millions of rows: check and send them a thousand at a time.
    for (let start = 0; start < listed.length; start += 1000) {
      await enqueueStale(clients, options, listed.slice(start, start + 1000).filter((o) => o.key.startsWith(prefix)), result);
      options.onPage?.({ ...result, errors: [...result.errors], keys: [] });
    }
  }
  return result;
}

/** One page: count it, skip the current objects (unless force), enqueue the rest (or, dry, report them). */
async function enqueueStale(clients: BackfillClients, options: BackfillOptions, objects: ListedObject[], result: BackfillResult): Promise<void> {
  result.listed += objects.length;
  const states = options.force ? new Map<string, StoredState>() : await storedStates(clients.dynamodb, options.table, options.bucket, objects.map((o) => o.key));
  const todo = objects.filter((o) => options.force || !isCurrent(states.get(o.key), o.etag, options.filterVersion ?? FILTER_VERSION));
  result.skipped += objects.length - todo.length;
  if (options.dryRun) {
    for (const o of todo) options.onObject?.(o);
    result.enqueued += todo.length;
    return;
  }
  for (let i = 0; i < todo.length; i += 10) {
    const batch = todo.slice(i, i + 10);
    const sent = await sendBatch(clients.sqs, options.queueUrl, batch.map((o) => backfillMessageBody(options.bucket, o, options.force)), result);
    batch.forEach((o, j) => {
      if (sent[j]) {
        result.enqueued++;
        result.keys.push(o.key);
        options.onObject?.(o);
      } else {
        result.notEnqueued++;
      }
    });
  }
}

/**
 * Waits until the queue is empty (twice in a row, `everyMs` apart), calling `onDepth` on each
 * look; throws after `timeoutMs`.
 */
export async function waitDrained(
  sqs: SQSClient,
  queueUrl: string,
  { timeoutMs = 30 * 60_000, everyMs = 250, onDepth }: { timeoutMs?: number; everyMs?: number; onDepth?: (depth: number) => void } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let emptyLooks = 0;
  for (;;) {
    const depth = await queueDepth(sqs, queueUrl);
    onDepth?.(depth);
    emptyLooks = depth === 0 ? emptyLooks + 1 : 0;
    if (emptyLooks >= 2) return;
    if (Date.now() > deadline) throw new Error(`the queue still holds ${depth} message(s) after ${Math.round(timeoutMs / 1000)} s`);
    await sleep(everyMs);
  }
}

export interface StatusCounts {
  done: number;
  failed: number;
  /** No item yet, or another status (deleted). */
  other: number;
}

/** done / failed / other among the items of these keys. */
export async function countStatuses(dynamodb: DynamoDBClient, table: string, bucket: string, keys: string[]): Promise<StatusCounts> {
  const states = await storedStates(dynamodb, table, bucket, keys);
  const counts: StatusCounts = { done: 0, failed: 0, other: 0 };
  for (const k of keys) {
    const s = states.get(k)?.status;
    if (s === 'done') counts.done++;
    else if (s === 'failed') counts.failed++;
    else counts.other++;
  }
  return counts;
}

// ── On AWS: the backfill state machine ─────────────────────────────────────────────────────

/** The execution input the state machine takes (cdk/winnow-pipeline.ts). */
export interface BackfillInput {
  /** Only keys starting with it (default: the pipeline's input prefix). */
  prefix?: string;
  /** The key of an S3 Inventory manifest.json in the stack's inventory bucket, instead of a listing. */
  manifest?: string;
  force: boolean;
}

export async function startBackfill(sfn: SFNClient, stateMachineArn: string, input: BackfillInput): Promise<string> {
  const { StartExecutionCommand } = await import('@aws-sdk/client-sfn');
  const out = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: JSON.stringify(input) }));
  return out.executionArn!;
}

export interface BackfillProgress {
  /** RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED, PENDING_REDRIVE. */
  status: string;
  /** The Map run's item counts, once it exists (items = objects listed). */
  items: { total: number; succeeded: number; failed: number; pending: number; running: number } | null;
  output?: string;
  error?: string;
}

/** DescribeExecution, and the Distributed Map run's item counts (ListMapRuns → DescribeMapRun). */
export async function backfillProgress(sfn: SFNClient, executionArn: string): Promise<BackfillProgress> {
  const { DescribeExecutionCommand, ListMapRunsCommand, DescribeMapRunCommand } = await import('@aws-sdk/client-sfn');
  const execution = await sfn.send(new DescribeExecutionCommand({ executionArn }));
  const progress: BackfillProgress = { status: execution.status ?? 'UNKNOWN', items: null };
  if (execution.output) progress.output = execution.output;
  if (execution.error) progress.error = `${execution.error}${execution.cause ? `: ${execution.cause}` : ''}`;
  const runs = await sfn.send(new ListMapRunsCommand({ executionArn }));
  const run = runs.mapRuns?.[0];
  if (run?.mapRunArn) {
    const described = await sfn.send(new DescribeMapRunCommand({ mapRunArn: run.mapRunArn }));
    const c = described.itemCounts;
    if (c) {
      progress.items = {
        total: c.total ?? 0,
        succeeded: c.succeeded ?? 0,
        failed: (c.failed ?? 0) + (c.timedOut ?? 0) + (c.aborted ?? 0),
        pending: c.pending ?? 0,
        running: c.running ?? 0,
      };
    }
  }
  return progress;
}

export interface BackfillCounts {
  done: number;
  skipped: number;
  failed: number;
  /** Pages of batches that failed as a whole (AWS errors beyond the retries). */
  batchFailures: number;
}

/**
 * done / skipped / failed summed from the Map run's results, which the state machine writes to
 * the output bucket (ResultWriter): the execution output names the manifest; each SUCCEEDED
 * file holds the child executions, whose Output is the backfill handler's counts; the items of
 * a FAILED child count as failed.
 */
export async function backfillResults(s3: S3Client, executionOutput: string): Promise<BackfillCounts> {
  const counts: BackfillCounts = { done: 0, skipped: 0, failed: 0, batchFailures: 0 };
  const out = JSON.parse(executionOutput) as { ResultWriterDetails?: { Bucket?: string; Key?: string } };
  const bucket = out.ResultWriterDetails?.Bucket;
  const key = out.ResultWriterDetails?.Key;
  if (!bucket || !key) throw new Error('the execution output names no result manifest (ResultWriterDetails)');
  const read = async (k: string) => {
    const obj = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: k }));
    return JSON.parse(await obj.Body!.transformToString()) as unknown;
  };
  const manifest = (await read(key)) as { ResultFiles?: Record<string, { Key: string }[]> };
  for (const [kind, files] of Object.entries(manifest.ResultFiles ?? {})) {
    for (const file of files) {
      const children = (await read(file.Key)) as { Output?: string; Input?: string }[];
      for (const child of children) {
        if (kind === 'SUCCEEDED' && child.Output) {
          const c = JSON.parse(child.Output) as Partial<BackfillCounts>;
          counts.done += c.done ?? 0;
          counts.skipped += c.skipped ?? 0;
          counts.failed += c.failed ?? 0;
        } else if (kind !== 'SUCCEEDED') {
          counts.batchFailures++;
          try {
            counts.failed += ((JSON.parse(child.Input ?? '{}') as { Items?: unknown[] }).Items ?? []).length;
          } catch {
            /* an unreadable input: the batch is counted above */
          }
        }
      }
    }
  }
  return counts;
}
