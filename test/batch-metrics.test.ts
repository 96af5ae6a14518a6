/**
 * The `batch` output and the handler's EMF metrics on a real moto: uploads through the real
 * S3 → SQS notification, the messages handed to the handler as one SQS batch (as Lambda's event
 * source does), and what lands in `batches/`, in the table and in the handler's log lines.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DeleteMessageBatchCommand, PurgeQueueCommand, ReceiveMessageCommand, type Message } from '@aws-sdk/client-sqs';
import { Logger } from '@aws-lambda-powertools/logger';
import Ajv from 'ajv';
import type { SQSEvent } from 'aws-lambda';
import { clean, FILTER_VERSION } from '../engine';
import { BATCH_LINE_COLUMNS, type BatchLine } from '../lambdas/batch-line';
import { BatchLines } from '../lambdas/batch-output';
import { createHandler, type Handler } from '../lambdas/handler';
import { DEFAULT_MAX_INPUT_BYTES } from '../lambdas/clients';
import { pkOf, type PageItem } from '../lambdas/item';
import { BATCH_METRICS, ERROR_CODE_DIMENSION, FAILURES_BY_CODE_METRIC, PAGE_STATUS_METRICS, PAGE_VALUE_METRICS } from '../lambdas/metric-names';
import { PipelineMetrics } from '../lambdas/metrics';
import { parseMessageBody } from '../lambdas/s3-events';
import { processObject, type ObjectOutcome } from '../lambdas/process-object';
import { startLocalStack, type LocalStack } from '../local/stack';
import { toSqsRecord } from '../local/worker';
import { useMoto } from './support/moto';
import { getItem, head, waitFor } from './support/pipeline';

const moto = useMoto();
const EXAMPLES = join(__dirname, '..', 'examples');
const PAGES = ['news-article.html', 'wordpress-post.html', 'news-with-comment-form.txt'].map((f) => ({ name: f, body: readFileSync(join(EXAMPLES, f)) }));
const ENGINE = { comments: 'keep-ham' as const };
const NAMESPACE = 'WinnowTest';
const validateLine = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true })
  .compile(JSON.parse(readFileSync(join(__dirname, '..', 'schemas', 'batch-line.schema.json'), 'utf8')));
const CLOUDWATCH_UNITS = new Set(['Seconds', 'Microseconds', 'Milliseconds', 'Bytes', 'Kilobytes', 'Megabytes', 'Gigabytes', 'Terabytes',
  'Bits', 'Kilobits', 'Megabits', 'Gigabits', 'Terabits', 'Percent', 'Count', 'Bytes/Second', 'Kilobytes/Second', 'Megabytes/Second',
  'Gigabytes/Second', 'Terabytes/Second', 'Bits/Second', 'Kilobits/Second', 'Megabits/Second', 'Gigabits/Second', 'Terabits/Second',
  'Count/Second', 'None']);

let stack: LocalStack;
let bucket: { input: string; output: string; table: string };

beforeAll(async () => {
  stack = await startLocalStack({ endpoint: moto.endpoint, logLevel: 'SILENT', worker: false });
  const n = stack.resources.names;
  bucket = { input: n.inputBucket, output: n.outputBucket, table: n.table };
  await stack.clients.sqs.send(new PurgeQueueCommand({ QueueUrl: stack.resources.queueUrl })); // moto's s3:TestEvent
});
afterAll(async () => {
  await stack?.stop();
});

/** A handler writing only the batch output, its metrics to standard output (the real path) under NAMESPACE. */
function batchHandler(s3?: S3Client): Handler {
  return createHandler({
    clients: { s3: s3 ?? stack.clients.s3, dynamodb: stack.clients.dynamodb },
    config: { outputBucket: bucket.output, tableName: bucket.table, maxInputBytes: DEFAULT_MAX_INPUT_BYTES, outputs: ['batch'], engine: ENGINE },
    logger: new Logger({ serviceName: 'winnow', logLevel: 'SILENT' }),
    metrics: new PipelineMetrics({ namespace: NAMESPACE }),
  });
}

/** Uploads, then receives exactly their `count` notifications (one message each on moto). */
async function upload(entries: Array<{ key: string; body: Buffer | string }>): Promise<Message[]> {
  for (const e of entries) await stack.clients.s3.send(new PutObjectCommand({ Bucket: bucket.input, Key: e.key, Body: Buffer.from(e.body) }));
  return receive(entries.length);
}

async function receive(count: number): Promise<Message[]> {
  const messages: Message[] = [];
  await waitFor(`${count} notifications`, async () => {
    const out = await stack.clients.sqs.send(new ReceiveMessageCommand({ QueueUrl: stack.resources.queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1, MessageSystemAttributeNames: ['All'] }));
    messages.push(...(out.Messages ?? []));
    return messages.length >= count;
  }, 20_000, 10);
  expect(messages).toHaveLength(count);
  return messages;
}

/** One SQS batch through the handler, as the event source would; the handler's stdout lines captured. */
async function deliver(handler: Handler, messages: Message[]): Promise<{ failed: string[]; logLines: string[] }> {
  const event: SQSEvent = { Records: messages.map((m) => toSqsRecord(m, 'arn:aws:sqs:us-east-1:000000000000:winnow-uploads')) };
  const logLines: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    logLines.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  });
  let response;
  try {
    response = await handler(event, { getRemainingTimeInMillis: () => 60_000 });
  } finally {
    spy.mockRestore();
  }
  const failed = response.batchItemFailures.map((f) => f.itemIdentifier);
  const done = messages.filter((m) => !failed.includes(m.MessageId!));
  if (done.length) {
    await stack.clients.sqs.send(new DeleteMessageBatchCommand({ QueueUrl: stack.resources.queueUrl, Entries: done.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })) }));
  }
  return { failed, logLines };
}

async function batchObjects(): Promise<string[]> {
  const out = await stack.clients.s3.send(new ListObjectsV2Command({ Bucket: bucket.output, Prefix: 'batches/' }));
  return (out.Contents ?? []).map((o) => o.Key!).sort();
}

async function readLines(key: string): Promise<BatchLine[]> {
  const out = await stack.clients.s3.send(new GetObjectCommand({ Bucket: bucket.output, Key: key }));
  const text = gunzipSync(Buffer.from(await out.Body!.transformToByteArray())).toString('utf8');
  expect(text.endsWith('\n')).toBe(true);
  const lines = text.trimEnd().split('\n').map((l) => JSON.parse(l) as BatchLine);
  for (const line of lines) expect([line.key, validateLine(line) ? 'valid' : JSON.stringify(validateLine.errors)]).toEqual([line.key, 'valid']);
  return lines;
}

interface Emf {
  dimensions: Record<string, string>;
  values: Map<string, number[]>;
}

/**
 * Every EMF line among `lines`, checked against the embedded metric format: `_aws.Timestamp`
 * (ms, now), one CloudWatchMetrics directive with our namespace, dimension sets whose keys are
 * top-level strings, and metric definitions (Name, a CloudWatch Unit) whose values are
 * top-level numbers or arrays of numbers.
 */
function parseEmf(lines: string[]): Emf[] {
  const out: Emf[] = [];
  for (const line of lines) {
    const doc = JSON.parse(line) as Record<string, any>;
    if (!doc._aws) continue;
    expect(Math.abs(doc._aws.Timestamp - Date.now())).toBeLessThan(120_000);
    expect(doc._aws.CloudWatchMetrics).toHaveLength(1);
    const directive = doc._aws.CloudWatchMetrics[0];
    expect(directive.Namespace).toBe(NAMESPACE);
    const dimensions: Record<string, string> = {};
    for (const set of directive.Dimensions) {
      for (const name of set) {
        expect(typeof doc[name]).toBe('string');
        dimensions[name] = doc[name];
      }
    }
    expect(dimensions.service).toBe('winnow');
    const values = new Map<string, number[]>();
    for (const def of directive.Metrics) {
      expect(Object.keys(def).sort()).toEqual(['Name', 'Unit']);
      expect(CLOUDWATCH_UNITS.has(def.Unit)).toBe(true);
      const v = doc[def.Name];
      const list = Array.isArray(v) ? v : [v];
      for (const x of list) expect(typeof x).toBe('number');
      values.set(def.Name, list);
    }
    out.push({ dimensions, values });
  }
  return out;
}

/** The main line (dimension `service` only) of an invocation. */
function mainLine(emf: Emf[]): Emf {
  const main = emf.filter((e) => Object.keys(e.dimensions).length === 1);
  expect(main).toHaveLength(1);
  return main[0];
}

const sum = (xs: number[] | undefined) => (xs ?? []).reduce((a, b) => a + b, 0);
const sorted = (xs: number[] | undefined) => [...(xs ?? [])].sort((a, b) => a - b);

describe('the batch output and the metrics, on moto', () => {
  const keys = Array.from({ length: 10 }, (_, i) => `batch/p${i}-${PAGES[i % PAGES.length].name}`);
  let firstMessages: Message[];
  let firstObject: string;

  test('a batch of 10 uploads gives one object of 10 gzipped JSON lines, and one EMF line with each page metric', async () => {
    firstMessages = await upload(keys.map((key, i) => ({ key, body: PAGES[i % PAGES.length].body })));
    const { failed, logLines } = await deliver(batchHandler(), firstMessages);
    expect(failed).toEqual([]);

    const objects = await batchObjects();
    expect(objects).toHaveLength(1);
    firstObject = objects[0];
    const today = new Date().toISOString();
    expect(firstObject).toMatch(new RegExp(`^batches/dt=${today.slice(0, 10)}/hour=\\d{2}/\\d{8}T\\d{6}Z-[0-9a-f-]{36}\\.jsonl\\.gz$`));

    const lines = await readLines(firstObject);
    expect(lines).toHaveLength(10);
    expect(lines.map((l) => l.key).sort()).toEqual([...keys].sort());
    const columns = new Set(BATCH_LINE_COLUMNS.map(([name]) => name));
    const items: PageItem[] = [];
    for (const line of lines) {
      const page = PAGES[keys.indexOf(line.key) % PAGES.length];
      const etag = (await head(stack.clients.s3, bucket.input, line.key))!.ETag!.replace(/"/g, '');
      const expectedText = clean(page.body, ENGINE).text;
      expect(line).toMatchObject({ pk: pkOf(bucket.input, line.key), bucket: bucket.input, status: 'done', etag, filterVersion: FILTER_VERSION, text: expectedText });
      expect(line.idempotencyKey).toBe(`${pkOf(bucket.input, line.key)}#${etag}#${FILTER_VERSION}`);
      expect(line.textSha256).toBe(createHash('sha256').update(expectedText).digest('hex'));
      for (const field of Object.keys(line)) expect([field, columns.has(field.toLowerCase())]).toEqual([field, true]);
      // The item says where its line is; only the batch output was written.
      const item = (await getItem(stack.clients.dynamodb, bucket.table, line.pk))!;
      expect(item).toMatchObject({ status: 'done', batchKey: firstObject, charsKept: line.charsKept });
      expect(item.textKey).toBeUndefined();
      expect(item.jsonKey).toBeUndefined();
      items.push(item);
    }
    expect(await head(stack.clients.s3, bucket.output, `text/${keys[0]}`)).toBeNull();

    const emf = parseEmf(logLines);
    const main = mainLine(emf);
    expect(main.values.get(PAGE_STATUS_METRICS.done)).toEqual([10]);
    expect(main.values.get(BATCH_METRICS.objects)).toEqual([1]);
    expect(main.values.get(BATCH_METRICS.lines)).toEqual([10]);
    const v = (name: string) => sorted(main.values.get(name));
    expect(v(PAGE_VALUE_METRICS.charsKept.name)).toEqual(sorted(items.map((i) => i.charsKept!)));
    expect(v(PAGE_VALUE_METRICS.charsRemoved.name)).toEqual(sorted(items.map((i) => i.charsRemoved!)));
    expect(v(PAGE_VALUE_METRICS.commentBlocksRemoved.name)).toEqual(sorted(items.map((i) => i.commentBlocksRemoved!)));
    expect(v(PAGE_VALUE_METRICS.spamComments.name)).toEqual(sorted(items.map((i) => i.spamComments!)));
    expect(sum(main.values.get(PAGE_VALUE_METRICS.spamComments.name))).toBeGreaterThan(0); // wordpress-post.html has a spam comment
    expect(v(PAGE_VALUE_METRICS.bytesIn.name)).toEqual(sorted(keys.map((_, i) => PAGES[i % PAGES.length].body.length)));
    expect(v(PAGE_VALUE_METRICS.durationMs.name)).toEqual(sorted(items.map((i) => i.durationMs)));
    expect(emf).toHaveLength(1); // no failures: no errorCode line
  });

  test('the same batch delivered again writes no line (each page is skipped), counted as skipped', async () => {
    const { failed, logLines } = await deliver(batchHandler(), firstMessages);
    expect(failed).toEqual([]);
    expect(await batchObjects()).toEqual([firstObject]);
    const main = mainLine(parseEmf(logLines));
    expect(main.values.get(PAGE_STATUS_METRICS.skipped)).toEqual([10]);
    expect(main.values.has(PAGE_STATUS_METRICS.done)).toBe(false);
    expect(main.values.has(BATCH_METRICS.objects)).toBe(false);
  });

  test('a failed batch PUT sends every record of the batch back to SQS with no item written; the retry writes them', async () => {
    const retryKeys = ['batch/r0.html', 'batch/r1.html', 'batch/r2.html'];
    const messages = await upload(retryKeys.map((key, i) => ({ key, body: PAGES[i].body })));
    const failing = new S3Client({ forcePathStyle: true, endpoint: moto.endpoint, region: 'us-east-1' });
    failing.middlewareStack.add((next, context) => async (args) => {
      const input = args.input as { Key?: string };
      if (context.commandName === 'PutObjectCommand' && input.Key?.startsWith('batches/')) {
        throw Object.assign(new Error('We encountered an internal error. Please try again.'), { name: 'InternalError', $fault: 'server' });
      }
      return next(args);
    }, { step: 'initialize', name: 'failBatchPuts' });

    const first = await deliver(batchHandler(failing), messages);
    expect(first.failed.sort()).toEqual(messages.map((m) => m.MessageId!).sort());
    expect(await batchObjects()).toEqual([firstObject]);
    for (const key of retryKeys) {
      const item = await getItem(stack.clients.dynamodb, bucket.table, pkOf(bucket.input, key));
      expect(item?.status === 'done' || item?.status === 'failed').toBe(false); // nothing says done without its line
    }
    const failedMain = mainLine(parseEmf(first.logLines));
    expect(failedMain.values.get(BATCH_METRICS.putFailures)).toEqual([1]);
    expect(failedMain.values.get(PAGE_STATUS_METRICS.retried)).toEqual([3]);
    failing.destroy();

    const retry = await deliver(batchHandler(), messages);
    expect(retry.failed).toEqual([]);
    const objects = await batchObjects();
    expect(objects).toHaveLength(2);
    const second = objects.find((k) => k !== firstObject)!;
    const lines = await readLines(second);
    expect(lines.map((l) => l.key).sort()).toEqual(retryKeys);
    for (const key of retryKeys) {
      expect(await getItem(stack.clients.dynamodb, bucket.table, pkOf(bucket.input, key))).toMatchObject({ status: 'done', batchKey: second });
    }
  });

  test('bad input and a deletion: lines with status and code, failures counted by error code', async () => {
    const messages = await upload([
      { key: 'batch/empty.html', body: '' },
      { key: 'batch/doc.pdf', body: Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n', 'latin1') },
    ]);
    await stack.clients.s3.send(new DeleteObjectCommand({ Bucket: bucket.input, Key: keys[0] }));
    messages.push(...(await receive(1)));
    expect(messages.map((m) => (parseMessageBody(m.Body!) as { events: Array<{ change: string }> }).events[0].change)).toEqual(['created', 'created', 'removed']);

    const { failed, logLines } = await deliver(batchHandler(), messages);
    expect(failed).toEqual([]);
    const objects = await batchObjects();
    expect(objects).toHaveLength(3);
    const lines = (await Promise.all(objects.map(readLines))).flat();
    const byKey = new Map(lines.filter((l) => ['batch/empty.html', 'batch/doc.pdf'].includes(l.key) || l.status === 'deleted').map((l) => [l.key, l]));
    expect(byKey.get('batch/empty.html')).toMatchObject({ status: 'failed', errorCode: 'EMPTY_INPUT' });
    expect(byKey.get('batch/doc.pdf')).toMatchObject({ status: 'failed', errorCode: 'BINARY_INPUT' });
    expect(byKey.get('batch/empty.html')!.text).toBeUndefined();
    const deleted = byKey.get(keys[0])!;
    expect(deleted.status).toBe('deleted');
    expect(deleted.idempotencyKey).toBe(`${pkOf(bucket.input, keys[0])}#deleted@${deleted.eventTime}#${FILTER_VERSION}`);

    const emf = parseEmf(logLines);
    const main = mainLine(emf);
    expect(main.values.get(PAGE_STATUS_METRICS.failed)).toEqual([2]);
    expect(main.values.get(PAGE_STATUS_METRICS.deleted)).toEqual([1]);
    const byCode = emf.filter((e) => e.dimensions[ERROR_CODE_DIMENSION]).map((e) => [e.dimensions[ERROR_CODE_DIMENSION], e.values.get(FAILURES_BY_CODE_METRIC)]);
    expect(byCode.sort()).toEqual([['BINARY_INPUT', [1]], ['EMPTY_INPUT', [1]]]);
  });
});

describe('processObject on its own (the backfill\'s batches) with the batch output', () => {
  test('writes one object per result, before the item', async () => {
    const key = 'batch/alone.html';
    await stack.clients.s3.send(new PutObjectCommand({ Bucket: bucket.input, Key: key, Body: PAGES[0].body }));
    await receive(1); // its notification, out of the way
    const before = await batchObjects();
    const etag = (await head(stack.clients.s3, bucket.input, key))!.ETag!.replace(/"/g, '');
    const outcome = await processObject(
      { bucket: bucket.input, key, change: 'created', eventName: 'ObjectCreated:Put', eventTime: new Date().toISOString(), etag, size: PAGES[0].body.length, versionId: null, sequencer: null },
      { s3: stack.clients.s3, dynamodb: stack.clients.dynamodb },
      { outputBucket: bucket.output, tableName: bucket.table, maxInputBytes: DEFAULT_MAX_INPUT_BYTES, outputs: ['batch'] },
    );
    const added = (await batchObjects()).filter((k) => !before.includes(k));
    expect(added).toHaveLength(1);
    expect(outcome.item.batchKey).toBe(added[0]);
    expect((await readLines(added[0])).map((l) => [l.key, l.status])).toEqual([[key, 'done']]);
  });
});

describe('BatchLines: when a batch object is written', () => {
  const item = (key: string): PageItem => ({ pk: `s3://in/${key}`, bucket: 'in', key, status: 'done', processedAt: '2026-12-02T10:00:00.000Z', filterVersion: 'v', durationMs: 1, eventName: 'ObjectCreated:Put', etag: `e-${key}` });

  test('not before every record has a line waiting or has finished; a record\'s later line goes to the next object', async () => {
    const written: string[][] = [];
    const batch = new BatchLines(3, async (lines) => {
      written.push(lines.map((l) => l.key));
      return `obj${written.length}`;
    });
    const [a, b, c] = [batch.record(), batch.record(), batch.record()];
    const first = a.sink(item('a1'), 'text');
    b.finish(); // skipped: no line
    await new Promise((r) => setImmediate(r));
    expect(written).toEqual([]); // c is still working
    const third = c.sink(item('c1'), 'text');
    await expect(first).resolves.toBe('obj1');
    await expect(third).resolves.toBe('obj1');
    expect(written).toEqual([['a1', 'c1']]);
    c.finish();
    await expect(a.sink(item('a2'), undefined)).resolves.toBe('obj2'); // a's second event: alone now
    expect(written).toEqual([['a1', 'c1'], ['a2']]);
  });

  test('a failed write rejects every line waiting for it', async () => {
    const batch = new BatchLines(2, async () => {
      throw new Error('PUT failed');
    });
    const [a, b] = [batch.record(), batch.record()];
    const results = Promise.allSettled([a.sink(item('a'), 't'), b.sink(item('b'), 't')]);
    expect((await results).map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});

describe('PipelineMetrics', () => {
  const outcome = (i: number): ObjectOutcome => ({
    item: { pk: `s3://in/p${i}`, bucket: 'in', key: `p${i}`, status: 'done', processedAt: '2026-12-02T10:00:00.000Z', filterVersion: 'v', durationMs: i, eventName: 'ObjectCreated:Put', charsKept: 10, charsRemoved: 5, commentBlocksRemoved: 0 },
    bytesIn: 100,
    textChars: 10,
  });

  test('a large batch is written in several lines, each under EMF\'s 100 values a metric, all through `write`', () => {
    const written: string[] = [];
    const stdout = jest.spyOn(process.stdout, 'write');
    try {
      const metrics = new PipelineMetrics({ namespace: NAMESPACE, write: (line) => written.push(line) });
      for (let i = 0; i < 250; i++) metrics.recordOutcome(outcome(i));
      metrics.flush();
      expect(stdout).not.toHaveBeenCalled();
    } finally {
      stdout.mockRestore();
    }
    const emf = parseEmf(written);
    const durations = emf.flatMap((e) => e.values.get(PAGE_VALUE_METRICS.durationMs.name) ?? []);
    expect(durations.sort((a, b) => a - b)).toEqual(Array.from({ length: 250 }, (_, i) => i));
    for (const e of emf) expect((e.values.get(PAGE_VALUE_METRICS.durationMs.name) ?? []).length).toBeLessThan(100);
    expect(sum(emf.flatMap((e) => e.values.get(PAGE_STATUS_METRICS.done) ?? []))).toBe(250);
    expect(emf.every((e) => !e.values.has(PAGE_VALUE_METRICS.spamComments.name))).toBe(true); // comments not kept: unknown, not 0
  });

  test('an invocation that handled nothing writes no line', () => {
    const written: string[] = [];
    new PipelineMetrics({ write: (line) => written.push(line) }).flush();
    expect(written).toEqual([]);
  });
});
