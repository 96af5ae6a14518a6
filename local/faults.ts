/**
 * Fault injection for the local pipeline: an HTTP proxy on 127.0.0.1 between the AWS clients
 * and moto that, at a set rate, answers in place of moto the way AWS does on a bad day —
 * 500 InternalError, 503 SlowDown / ServiceUnavailable, DynamoDB throttling (400
 * ProvisionedThroughputExceededException / ThrottlingException) — or delays the call, or drops
 * the connection before forwarding it, or forwards it and drops the connection instead of
 * answering (the call took effect, the caller never hears so). Everything else is streamed
 * through untouched.
 *
 * Deterministic with a seed: the n-th request the proxy sees always gets the same decision
 * (which requests come n-th depends on the clients' timing; the mix and the rate do not).
 *
 * Point the handler's clients at it with AWS_ENDPOINT_URL (SDK v3 reads it), and the worker's
 * SQS client too if its calls should fail as well; the harness that checks the results talks to
 * moto directly. The SDK retries what it can (AWS_MAX_ATTEMPTS); SQS redelivery covers the rest.
 *
 * The second half of this file is the harness the fault test and `npm run bench:faults` share:
 * upload pages under a prefix, wait for the pipeline to settle, and collect every item and
 * output so that a faulted run can be compared with a fault-free one.
 */
import { Agent, createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { Logger } from '@aws-lambda-powertools/logger';
import { createHandler, type Handler } from '../lambdas/handler';
import { clientsFromEnv, DEFAULT_MAX_INPUT_BYTES, DEFAULT_MIN_REMAINING_MS } from '../lambdas/clients';
import { pkOf, type PageItem } from '../lambdas/item';
import { parseMessageBody } from '../lambdas/s3-events';
import type { AwsClients, LocalNames } from './resources';
import { startWorker, type Worker } from './worker';
export { queueDepth } from '../ops/queue';
import { queueDepth } from '../ops/queue';

// ---------------------------------------------------------------------------------------------
// The proxy
// ---------------------------------------------------------------------------------------------

export type AwsService = 's3' | 'sqs' | 'dynamodb' | 'events' | 'other';

/**
 * - `server-error`: 500 (S3/SQS InternalError, DynamoDB InternalServerError)
 * - `unavailable`: 503 (S3 SlowDown or ServiceUnavailable, SQS/DynamoDB ServiceUnavailable)
 * - `throttle`: DynamoDB 400 ProvisionedThroughputExceededException or ThrottlingException,
 *   S3 503 SlowDown, SQS 400 RequestThrottled
 * - `delay`: forwarded after a pause
 * - `drop`: the connection is destroyed before the request reaches moto
 * - `drop-response`: forwarded; the connection is destroyed instead of answering
 */
export type FaultKind = 'server-error' | 'unavailable' | 'throttle' | 'delay' | 'drop' | 'drop-response';

export const FAULT_KINDS: readonly FaultKind[] = ['server-error', 'unavailable', 'throttle', 'delay', 'drop', 'drop-response'];

/** The default mix: every kind, errors most often. */
export const DEFAULT_FAULT_WEIGHTS: Readonly<Record<FaultKind, number>> = {
  'server-error': 0.2,
  unavailable: 0.15,
  throttle: 0.2,
  delay: 0.2,
  drop: 0.1,
  'drop-response': 0.15,
};

export interface FaultProxyOptions {
  /** Where requests go when they are not faulted (moto). */
  target: string;
  /** Share of requests faulted, 0..1. */
  rate: number;
  seed?: number;
  /** Relative weights of the kinds (missing = 0); default DEFAULT_FAULT_WEIGHTS. */
  weights?: Partial<Record<FaultKind, number>>;
  /** Only requests to these services are faulted (default: all). */
  services?: AwsService[];
  /** Pause of a `delay` fault: uniform in [min, max] ms (default 20..400). */
  delayMs?: [number, number];
  /** Port on 127.0.0.1 (default: a free one). */
  port?: number;
}

export interface FaultStats {
  requests: number;
  faulted: number;
  byKind: Record<FaultKind, number>;
  byService: Record<AwsService, { requests: number; faulted: number }>;
  /** Faults by operation (`DynamoDB_20120810.PutItem`, `AmazonSQS.ReceiveMessage`, `s3 GET`, …). */
  byOperation: Record<string, number>;
}

export interface FaultProxy {
  endpoint: string;
  port: number;
  readonly stats: FaultStats;
  /** Changes the rate (and optionally the services) from the next request on. */
  configure(change: { rate?: number; services?: AwsService[] }): void;
  /** Zeroes the counts (the decisions' sequence goes on). */
  resetStats(): void;
  stop(): Promise<void>;
}

/** A 32-bit mix of (seed, n, salt) → [0, 1): the same inputs always give the same number. */
export function faultRandom(seed: number, n: number, salt: number): number {
  let h = (seed ^ Math.imul(n + 1, 0x9e3779b1) ^ Math.imul(salt + 1, 0x85ebca77)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  h = (h ^ (h >>> 16)) >>> 0;
  return h / 0x1_0000_0000;
}

export interface FaultDecision {
  kind: FaultKind | null;
  /** For `delay`, and for which variant of an error (0..1). */
  value: number;
}

/** What happens to the n-th request (before the service filter). */
export function decideFault(seed: number, n: number, rate: number, weights: Partial<Record<FaultKind, number>>): FaultDecision {
  const value = faultRandom(seed, n, 2);
  if (!(faultRandom(seed, n, 0) < rate)) return { kind: null, value };
  const entries = FAULT_KINDS.map((k) => [k, Math.max(0, weights[k] ?? 0)] as const).filter(([, w]) => w > 0);
  const total = entries.reduce((s, [, w]) => s + w, 0);
  if (total === 0) return { kind: null, value };
  let pick = faultRandom(seed, n, 1) * total;
  for (const [kind, w] of entries) {
    if (pick < w) return { kind, value };
    pick -= w;
  }
  return { kind: entries[entries.length - 1][0], value };
}

/** Which AWS service a signed SDK request is for: the JSON protocols' target header, else the SigV4 scope. */
export function serviceOf(headers: IncomingMessage['headers']): AwsService {
  const target = headers['x-amz-target'];
  if (typeof target === 'string') {
    if (target.startsWith('DynamoDB_')) return 'dynamodb';
    if (target.startsWith('AmazonSQS')) return 'sqs';
    if (target.startsWith('AWSEvents')) return 'events';
  }
  const auth = headers.authorization ?? '';
  const scope = /Credential=[^/]+\/\d{8}\/[^/]+\/([^/]+)\/aws4_request/.exec(auth);
  const name = scope?.[1];
  return name === 's3' || name === 'sqs' || name === 'dynamodb' || name === 'events' ? name : 'other';
}

function operationOf(req: IncomingMessage, service: AwsService): string {
  const target = req.headers['x-amz-target'];
  return typeof target === 'string' ? target : `${service} ${req.method}`;
}

interface ErrorReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

let requestIds = 0;

/** The error AWS would send for this kind of fault, in the service's own error shape. */
export function errorReply(service: AwsService, kind: 'server-error' | 'unavailable' | 'throttle', variant: number): ErrorReply {
  const requestId = `FAULT${String(++requestIds).padStart(10, '0')}`;
  if (service === 'dynamodb') {
    const [status, type, message] =
      kind === 'server-error'
        ? [500, 'com.amazonaws.dynamodb.v20120810#InternalServerError', 'Internal server error']
        : kind === 'unavailable'
          ? [503, 'com.amazon.coral.availability#ServiceUnavailableException', 'Service unavailable']
          : variant < 0.5
            ? [400, 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException', 'The level of configured provisioned throughput for the table was exceeded.']
            : [400, 'com.amazon.coral.availability#ThrottlingException', 'Rate of requests exceeds the allowed throughput.'];
    return {
      status,
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': requestId },
      body: JSON.stringify({ __type: type, message }),
    };
  }
  if (service === 'sqs') {
    const [status, code, fault, message] =
      kind === 'server-error'
        ? [500, 'InternalError', 'Receiver', 'We encountered an internal error. Please try again.']
        : kind === 'unavailable'
          ? [503, 'ServiceUnavailable', 'Receiver', 'Service is unable to handle request.']
          : [400, 'RequestThrottled', 'Sender', 'Request is throttled.'];
    return {
      status,
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'x-amzn-requestid': requestId,
        'x-amzn-query-error': `AWS.SimpleQueueService.${code};${fault}`,
      },
      body: JSON.stringify({ __type: `com.amazonaws.sqs#${code}`, message }),
    };
  }
  if (service === 'events') {
    // EventBridge (JSON 1.1): a failed PutEvents call, as opposed to a failed entry in a 200 answer.
    const [status, type, message] =
      kind === 'server-error'
        ? [500, 'InternalException', 'An internal error occurred.']
        : kind === 'unavailable'
          ? [503, 'ServiceUnavailableException', 'Service is unable to handle request.']
          : [400, 'ThrottlingException', 'Rate exceeded'];
    return {
      status,
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': requestId },
      body: JSON.stringify({ __type: type, message }),
    };
  }
  // S3 (and anything else): the REST-XML error document.
  const [status, code, message] =
    kind === 'server-error'
      ? [500, 'InternalError', 'We encountered an internal error. Please try again.']
      : kind === 'unavailable' && variant < 0.5
        ? [503, 'ServiceUnavailable', 'Service is unable to handle request.']
        : [503, 'SlowDown', 'Please reduce your request rate.'];
  return {
    status,
    headers: { 'content-type': 'application/xml', 'x-amz-request-id': requestId },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>${requestId}</RequestId></Error>`,
  };
}

const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'expect', 'upgrade'];

function withoutHopByHop(headers: IncomingMessage['headers']): IncomingMessage['headers'] {
  const out = { ...headers };
  for (const h of HOP_BY_HOP) delete out[h];
  return out;
}

function emptyStats(): FaultStats {
  return {
    requests: 0,
    faulted: 0,
    byKind: Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>,
    byService: { s3: { requests: 0, faulted: 0 }, sqs: { requests: 0, faulted: 0 }, dynamodb: { requests: 0, faulted: 0 }, events: { requests: 0, faulted: 0 }, other: { requests: 0, faulted: 0 } },
    byOperation: {},
  };
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const target = new URL(options.target);
  const seed = (options.seed ?? 1) >>> 0;
  const weights = options.weights ?? DEFAULT_FAULT_WEIGHTS;
  const [delayMin, delayMax] = options.delayMs ?? [20, 400];
  let rate = options.rate;
  let services = options.services ? new Set(options.services) : null;
  const stats = emptyStats();
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const sockets = new Set<Socket>();
  let n = 0;

  const forward = (req: IncomingMessage, res: ServerResponse, dropResponse: boolean): void => {
    const upstream = httpRequest(
      {
        protocol: target.protocol,
        hostname: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: withoutHopByHop(req.headers),
        agent,
      },
      (upRes) => {
        if (dropResponse) {
          // moto did the work; the caller hears nothing but a reset.
          upRes.resume();
          req.socket.destroy();
          return;
        }
        const headers = withoutHopByHop(upRes.headers);
        delete headers['transfer-encoding'];
        res.writeHead(upRes.statusCode ?? 502, headers);
        upRes.pipe(res);
        upRes.on('error', () => res.destroy());
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end('fault proxy: upstream error');
      } else {
        res.destroy();
      }
    });
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  };

  const server: Server = createServer((req, res) => {
    const i = n++;
    const service = serviceOf(req.headers);
    stats.requests++;
    stats.byService[service].requests++;
    const decision = decideFault(seed, i, rate, weights);
    const kind = decision.kind && (!services || services.has(service)) ? decision.kind : null;
    if (!kind) return forward(req, res, false);
    stats.faulted++;
    stats.byKind[kind]++;
    stats.byService[service].faulted++;
    const op = operationOf(req, service);
    stats.byOperation[op] = (stats.byOperation[op] ?? 0) + 1;
    switch (kind) {
      case 'delay': {
        const ms = delayMin + decision.value * (delayMax - delayMin);
        req.pause();
        setTimeout(() => forward(req, res, false), ms);
        return;
      }
      case 'drop':
        req.socket.destroy();
        return;
      case 'drop-response':
        forward(req, res, true);
        return;
      default: {
        const reply = errorReply(service, kind, decision.value);
        // Read the request to its end first, as a server does, so the client sees the answer.
        req.resume();
        req.once('end', () => {
          res.writeHead(reply.status, { ...reply.headers, 'content-length': String(Buffer.byteLength(reply.body)) });
          res.end(req.method === 'HEAD' ? undefined : reply.body);
        });
        req.once('error', () => res.destroy());
      }
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('clientError', (_err, socket) => socket.destroy());
  server.keepAliveTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    stats,
    configure(change) {
      if (change.rate !== undefined) rate = change.rate;
      if (change.services !== undefined) services = new Set(change.services);
    },
    resetStats() {
      Object.assign(stats, emptyStats());
    },
    async stop() {
      for (const socket of sockets) socket.destroy();
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** One line: how many calls were faulted and how. */
export function describeFaults(stats: FaultStats): string {
  const kinds = FAULT_KINDS.filter((k) => stats.byKind[k] > 0).map((k) => `${k} ${stats.byKind[k]}`);
  const svc = (['s3', 'dynamodb', 'sqs', 'events'] as const)
    .filter((s) => stats.byService[s].requests > 0)
    .map((s) => `${s} ${stats.byService[s].faulted}/${stats.byService[s].requests}`);
  const pct = stats.requests ? ((100 * stats.faulted) / stats.requests).toFixed(1) : '0';
  return `${stats.faulted} of ${stats.requests} calls faulted (${pct}%): ${kinds.join(', ') || 'none'}; by service ${svc.join(', ')}`;
}

// ---------------------------------------------------------------------------------------------
// The harness shared by test/faults.test.ts and bench/faults.ts
// ---------------------------------------------------------------------------------------------

/** What the handler needs to reach AWS through the proxy, with the SDK's own retries raised. */
export function useProxyForHandler(proxyEndpoint: string, maxAttempts: number): void {
  process.env.AWS_ENDPOINT_URL = proxyEndpoint;
  process.env.AWS_MAX_ATTEMPTS = String(maxAttempts);
}

export interface HandlerWorkers {
  workers: Worker[];
  /** Successful handler runs per input key (more than one = a redelivery the handler absorbed). */
  processed: Map<string, number>;
  /** Handler batches and records reported back to SQS as failures. */
  readonly batches: number;
  readonly recordFailures: number;
  stop(): Promise<void>;
}

export interface HandlerWorkerOptions {
  queueUrl: string;
  names: LocalNames;
  /** Queue consumers, each with its own handler (one Lambda instance each). */
  count: number;
  /** Where the workers' own SQS calls go (the proxy, to fault them too; or moto). */
  sqsEndpoint: string;
  /** Handler clients come from the environment (see useProxyForHandler). */
  logLevel?: string;
  waitSeconds?: number;
  /** The queue's visibility timeout: an object's claim lasts no longer (default 60). */
  visibilityTimeoutSeconds?: number;
  onError?: (err: unknown) => void;
}

/** K workers on the queue, each with a handler whose clients are built from the environment now. */
export function startHandlerWorkers(options: HandlerWorkerOptions): HandlerWorkers {
  const processed = new Map<string, number>();
  let batches = 0;
  let recordFailures = 0;
  const sqsClients: SQSClient[] = [];
  const workers: Worker[] = [];
  const config = {
    outputBucket: options.names.outputBucket,
    tableName: options.names.table,
    maxInputBytes: DEFAULT_MAX_INPUT_BYTES,
    minRemainingMs: DEFAULT_MIN_REMAINING_MS,
    maxClaimMs: (options.visibilityTimeoutSeconds ?? 60) * 1000,
  };
  for (let i = 0; i < options.count; i++) {
    const clients = clientsFromEnv();
    const inner = createHandler({
      clients,
      config,
      logger: new Logger({ serviceName: 'winnow', logLevel: (options.logLevel ?? 'SILENT') as 'INFO' }),
    });
    const counted: Handler = async (event, context) => {
      const response = await inner(event, context);
      batches++;
      const failed = new Set(response.batchItemFailures.map((f) => f.itemIdentifier));
      recordFailures += failed.size;
      for (const record of event.Records) {
        if (failed.has(record.messageId)) continue;
        const message = parseMessageBody(record.body);
        if (message.type !== 'objects') continue;
        for (const e of message.events) processed.set(e.key, (processed.get(e.key) ?? 0) + 1);
      }
      return response;
    };
    const sqs = new SQSClient({ endpoint: options.sqsEndpoint, region: process.env.AWS_REGION ?? 'us-east-1' });
    sqsClients.push(sqs);
    const destroy = () => {
      clients.s3.destroy();
      clients.dynamodb.destroy();
    };
    const worker = startWorker({
      sqs,
      queueUrl: options.queueUrl,
      handler: counted,
      waitSeconds: options.waitSeconds ?? 1,
      onError: options.onError ?? (() => {}),
    });
    workers.push({
      get batches() {
        return worker.batches;
      },
      async stop() {
        await worker.stop();
        destroy();
      },
    });
  }
  return {
    workers,
    processed,
    get batches() {
      return batches;
    },
    get recordFailures() {
      return recordFailures;
    },
    async stop() {
      await Promise.all(workers.map((w) => w.stop()));
      for (const c of sqsClients) c.destroy();
    },
  };
}

export interface PageSource {
  name: string;
  body: Buffer;
  contentType: string;
}

export interface CollectedObject {
  /** The key below the run's prefix. */
  name: string;
  item: PageItem | null;
  text: Buffer | null;
  json: Buffer | null;
}

export interface RunResult {
  prefix: string;
  uploaded: number;
  uploadErrors: string[];
  objects: Map<string, CollectedObject>;
  /** Items under the prefix for keys that were not uploaded; output objects not expected. */
  unexpectedItems: string[];
  unexpectedOutputs: string[];
  /** Every item present, the queue empty: false when the run timed out. */
  settled: boolean;
  seconds: number;
}

export interface RunOptions {
  /** Clients straight to moto (no faults): the harness's own view. */
  clients: AwsClients;
  names: LocalNames;
  queueUrl: string;
  /** e.g. `clean/` or `faulted/`: the same names under two prefixes make two comparable runs. */
  prefix: string;
  pages: PageSource[];
  /** Uploads: pages cycled, `NNNNNN-<name>` under the prefix. */
  count: number;
  concurrency?: number;
  timeoutMs?: number;
  log?: (line: string) => void;
}

export function runNames(pages: PageSource[], count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${String(i).padStart(6, '0')}-${pages[i % pages.length].name}`);
}

async function scanPrefix(clients: AwsClients, names: LocalNames, prefix: string): Promise<PageItem[]> {
  const items: PageItem[] = [];
  const pkPrefix = pkOf(names.inputBucket, prefix);
  let start: Record<string, never> | undefined;
  do {
    const out = await clients.dynamodb.send(
      new ScanCommand({
        TableName: names.table,
        FilterExpression: 'begins_with(pk, :p)',
        ExpressionAttributeValues: { ':p': { S: pkPrefix } },
        ExclusiveStartKey: start,
        ConsistentRead: true,
      }),
    );
    for (const it of out.Items ?? []) items.push(unmarshall(it) as PageItem);
    start = out.LastEvaluatedKey as Record<string, never> | undefined;
  } while (start);
  return items;
}

async function listKeys(clients: AwsClients, bucket: string, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const out = await clients.s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
    for (const o of out.Contents ?? []) if (o.Key) keys.push(o.Key);
    token = out.IsTruncated ? out.NextContinuationToken : undefined;
  } while (token);
  return keys;
}


async function readOrNull(clients: AwsClients, bucket: string, key: string): Promise<Buffer | null> {
  try {
    const out = await clients.s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return Buffer.from(await out.Body!.transformToByteArray());
  } catch (err) {
    const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
    if (e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404) return null;
    throw err;
  }
}

async function inParallel<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

/**
 * Uploads `count` pages under `prefix` (straight to moto), waits until every upload has its
 * item and the queue is empty (nothing in flight, no redelivery pending), and reads back every
 * item and output under the prefix.
 */
export async function uploadAndCollect(options: RunOptions): Promise<RunResult> {
  const { clients, names, prefix, pages } = options;
  const log = options.log ?? (() => {});
  const started = Date.now();
  const deadline = started + (options.timeoutMs ?? 600_000);
  const runKeys = runNames(pages, options.count);
  const uploadErrors: string[] = [];
  await inParallel(runKeys.map((name, i) => ({ name, page: pages[i % pages.length] })), options.concurrency ?? 16, async ({ name, page }) => {
    try {
      await clients.s3.send(new PutObjectCommand({ Bucket: names.inputBucket, Key: prefix + name, Body: page.body, ContentType: page.contentType }));
    } catch (err) {
      uploadErrors.push(`${name}: ${(err as Error).message}`);
    }
  });
  log(`  ${prefix}: uploaded ${runKeys.length - uploadErrors.length} objects in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const wanted = new Set(runKeys.map((k) => pkOf(names.inputBucket, prefix + k)));
  let items: PageItem[] = [];
  let settled = false;
  let lastLog = 0;
  for (;;) {
    const depth = await queueDepth(clients.sqs, options.queueUrl);
    if (depth === 0) {
      items = await scanPrefix(clients, names, prefix);
      const present = items.filter((it) => wanted.has(it.pk)).length;
      // Empty twice in a row, a moment apart: no message was between two hands.
      if (present >= wanted.size && (await new Promise((r) => setTimeout(r, 300)), await queueDepth(clients.sqs, options.queueUrl)) === 0) {
        settled = true;
        break;
      }
    }
    if (Date.now() > deadline) {
      items = await scanPrefix(clients, names, prefix);
      log(`  ${prefix}: timed out with ${depth} messages on the queue`);
      break;
    }
    if (Date.now() - lastLog > 10_000) {
      lastLog = Date.now();
      log(`  ${prefix}: ${depth} messages on the queue after ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
    await new Promise((r) => setTimeout(r, depth === 0 ? 500 : 1000));
  }

  const byPk = new Map(items.map((it) => [it.pk, it]));
  const objects = new Map<string, CollectedObject>();
  const textKeys = new Set(await listKeys(clients, names.outputBucket, `text/${prefix}`));
  const jsonKeys = new Set(await listKeys(clients, names.outputBucket, `json/${prefix}`));
  const expectedOutputs = new Set<string>();
  await inParallel(runKeys, 16, async (name) => {
    const key = prefix + name;
    const textKey = `text/${key.replace(/\.gz$/i, '')}`;
    const jsonKey = `json/${key}.json`;
    expectedOutputs.add(textKey);
    expectedOutputs.add(jsonKey);
    objects.set(name, {
      name,
      item: byPk.get(pkOf(names.inputBucket, key)) ?? null,
      text: textKeys.has(textKey) ? await readOrNull(clients, names.outputBucket, textKey) : null,
      json: jsonKeys.has(jsonKey) ? await readOrNull(clients, names.outputBucket, jsonKey) : null,
    });
  });
  return {
    prefix,
    uploaded: runKeys.length - uploadErrors.length,
    uploadErrors,
    objects: new Map([...objects].sort(([a], [b]) => (a < b ? -1 : 1))),
    unexpectedItems: items.filter((it) => !wanted.has(it.pk)).map((it) => it.pk),
    unexpectedOutputs: [...textKeys, ...jsonKeys].filter((k) => !expectedOutputs.has(k)),
    settled,
    seconds: (Date.now() - started) / 1000,
  };
}

/** Item fields that say when and how fast, or where: not part of what a run produced. */
const RUN_SPECIFIC_FIELDS = ['pk', 'key', 'textKey', 'jsonKey', 'processedAt', 'durationMs', 'eventTime', 'sourceLastModified'] as const;

/** The item with its run-specific fields removed, for comparing two runs. */
export function comparableItem(item: PageItem): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...item };
  for (const f of RUN_SPECIFIC_FIELDS) delete copy[f];
  return copy;
}

export interface RunComparison {
  /** Uploads whose item is `done` with both outputs present. */
  done: number;
  /** Uploads with no item, or a done item without an output: lost. */
  lost: string[];
  /** Items or outputs that should not exist. */
  duplicates: string[];
  /** Uploads whose text, JSON or item differ from the reference run. */
  differing: string[];
  /** Uploads that did not end `done`. */
  notDone: string[];
}

function stable(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

/** Compares a run with a reference run of the same pages (same names, another prefix). */
export function compareRuns(reference: RunResult, run: RunResult): RunComparison {
  const result: RunComparison = { done: 0, lost: [], duplicates: [...run.unexpectedItems, ...run.unexpectedOutputs], differing: [], notDone: [] };
  for (const [name, got] of run.objects) {
    const want = reference.objects.get(name);
    if (!got.item) {
      result.lost.push(name);
      continue;
    }
    if (got.item.status !== 'done') result.notDone.push(`${name}: ${got.item.status} ${got.item.errorCode ?? ''}`.trim());
    else if (!got.text || !got.json) result.lost.push(`${name} (an output is missing)`);
    else result.done++;
    if (!want || !want.item) {
      result.differing.push(`${name}: not in the reference run`);
      continue;
    }
    const why: string[] = [];
    if (!(got.text && want.text ? got.text.equals(want.text) : got.text === want.text)) why.push('text');
    if (!(got.json && want.json ? got.json.equals(want.json) : got.json === want.json)) why.push('json');
    if (stable(comparableItem(got.item)) !== stable(comparableItem(want.item))) why.push('item');
    if (why.length) result.differing.push(`${name}: ${why.join(', ')}`);
  }
  return result;
}
