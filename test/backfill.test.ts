/**
 * Backfill on the local stack (one moto): 300 pages uploaded before the bucket had its
 * notification go through the pipeline once each; a second backfill enqueues nothing; a bumped
 * filter version reprocesses them all; --dry-run changes nothing; --force redoes current ones.
 * Also the command line of `winnow backfill` (local and --stack), without AWS.
 *
 * "Processed" is counted at the source: a GetObject of the input page by the handler's S3 client.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { gzipSync } from 'node:zlib';
import { CloudFormationClient, CreateStackCommand } from '@aws-sdk/client-cloudformation';
import { CreateStateMachineCommand, DescribeExecutionCommand, SFNClient } from '@aws-sdk/client-sfn';
import { CreateBucketCommand, PutBucketNotificationConfigurationCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { PurgeQueueCommand } from '@aws-sdk/client-sqs';
import { parseBackfillArgs } from '../cli/commands/backfill';
import { FILTER_VERSION } from '../engine';
import { clientsFromEnv, DEFAULT_MAX_INPUT_BYTES } from '../lambdas/clients';
import { createHandler } from '../lambdas/handler';
import { isBackfillBatch, processBackfillBatch } from '../lambdas/backfill';
import { parseMessageBody } from '../lambdas/s3-events';
import { pkOf } from '../lambdas/item';
import { backfillLocal, backfillMessageBody, bucketPages, isCurrent, queueDepth, waitDrained } from '../ops/backfill';
import { InventoryError, parseManifest, parseS3Url } from '../ops/inventory';
import { startLocalStack, type LocalStack } from '../local/stack';
import { startWorker, type Worker } from '../local/worker';
import { useMoto } from './support/moto';
import { scanAll } from './support/pipeline';
import { runCli as cli } from './support/cli';

jest.setTimeout(120_000);

const moto = useMoto();
const COUNT = 300;
const keys = Array.from({ length: COUNT }, (_, i) => `pages/${String(i).padStart(3, '0')} page.html`);
const page = (i: number) =>
  `<html><head><title>Report ${i}</title></head><body><nav><a href="/">Home</a></nav><article><h1>Report ${i}</h1>` +
  [1, 2, 3].map((p) => `<p>Paragraph ${p} of report ${i}: the harbour council met again on Tuesday and agreed, after a long debate, to repair the old bridge before winter.</p>`).join('') +
  `</article></body></html>`;

let stack: LocalStack;
let worker: Worker | null = null;
/** GetObject calls of the handler on each input key. */
const reads = new Map<string, number>();

/** A worker feeding the handler, which compares stored items with `filterVersion`. */
function startHandlerWorker(filterVersion?: string): Worker {
  const clients = clientsFromEnv();
  clients.s3.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { Bucket?: string; Key?: string };
      if (context.commandName === 'GetObjectCommand' && input.Bucket === stack.resources.names.inputBucket && input.Key) {
        reads.set(input.Key, (reads.get(input.Key) ?? 0) + 1);
      }
      return next(args);
    },
    { step: 'initialize', name: 'countInputReads' },
  );
  const handler = createHandler({
    clients,
    config: {
      outputBucket: stack.resources.names.outputBucket,
      tableName: stack.resources.names.table,
      maxInputBytes: DEFAULT_MAX_INPUT_BYTES,
      ...(filterVersion ? { filterVersion } : {}),
    },
    logger: new Logger({ serviceName: 'winnow', logLevel: 'SILENT' }),
  });
  return startWorker({ sqs: stack.clients.sqs, queueUrl: stack.resources.queueUrl, handler, waitSeconds: 1 });
}

async function useWorker(filterVersion?: string): Promise<void> {
  await worker?.stop();
  worker = startHandlerWorker(filterVersion);
}

const options = () => ({ bucket: stack.resources.names.inputBucket, table: stack.resources.names.table, queueUrl: stack.resources.queueUrl });
const items = async () => (await scanAll(stack.clients.dynamodb, stack.resources.names.table)).filter((i) => i.pk.startsWith(`s3://${stack.resources.names.inputBucket}/pages/`));
const readCounts = () => keys.map((k) => reads.get(k) ?? 0);

beforeAll(async () => {
  stack = await startLocalStack({ endpoint: moto.endpoint, logLevel: 'SILENT', worker: false });
  // The bucket as it was before winnow: no notification, so these uploads send nothing.
  await stack.clients.s3.send(new PutBucketNotificationConfigurationCommand({ Bucket: stack.resources.names.inputBucket, NotificationConfiguration: {} }));
  await stack.clients.sqs.send(new PurgeQueueCommand({ QueueUrl: stack.resources.queueUrl })); // the s3:TestEvent
  for (let i = 0; i < COUNT; i += 25) {
    await Promise.all(
      keys.slice(i, i + 25).map((key, j) =>
        stack.clients.s3.send(new PutObjectCommand({ Bucket: stack.resources.names.inputBucket, Key: key, Body: page(i + j), ContentType: 'text/html' })),
      ),
    );
  }
}, 120_000);

afterAll(async () => {
  await worker?.stop();
  await stack?.stop();
});

describe('backfill on the local stack', () => {
  test('nothing was enqueued by the uploads: no item, an empty queue', async () => {
    expect(await queueDepth(stack.clients.sqs, stack.resources.queueUrl)).toBe(0);
    expect(await items()).toEqual([]);
  });

  test('--dry-run before anything: lists all as to do, sends nothing, writes nothing', async () => {
    const would: string[] = [];
    const result = await backfillLocal(stack.clients, { ...options(), dryRun: true, onObject: (o) => would.push(o.key) });
    expect(result).toMatchObject({ listed: COUNT, skipped: 0, enqueued: COUNT, notEnqueued: 0 });
    expect(would).toEqual(keys);
    expect(await queueDepth(stack.clients.sqs, stack.resources.queueUrl)).toBe(0);
    expect(await items()).toEqual([]);
  });

  test('backfill: every object enqueued once and done once (small pages: several list pages)', async () => {
    await useWorker();
    const result = await backfillLocal(stack.clients, { ...options(), pageSize: 128 });
    expect(result).toMatchObject({ listed: COUNT, skipped: 0, enqueued: COUNT, notEnqueued: 0, errors: [] });
    await waitDrained(stack.clients.sqs, stack.resources.queueUrl, { timeoutMs: 90_000 });
    const all = await items();
    expect(all).toHaveLength(COUNT);
    expect(all.filter((i) => i.status === 'done' && i.filterVersion === FILTER_VERSION)).toHaveLength(COUNT);
    expect(readCounts().every((n) => n === 1)).toBe(true);
  });

  test('a second backfill skips them all: nothing enqueued, nothing read', async () => {
    const before = await items();
    const result = await backfillLocal(stack.clients, options());
    expect(result).toMatchObject({ listed: COUNT, skipped: COUNT, enqueued: 0 });
    expect(await queueDepth(stack.clients.sqs, stack.resources.queueUrl)).toBe(0);
    expect(await items()).toEqual(before);
    expect(readCounts().every((n) => n === 1)).toBe(true);
  });

  test('--dry-run with a bumped filter version: all would go, nothing changes', async () => {
    const before = await items();
    const result = await backfillLocal(stack.clients, { ...options(), dryRun: true, filterVersion: 'bumped-for-test' });
    expect(result).toMatchObject({ listed: COUNT, skipped: 0, enqueued: COUNT });
    expect(await queueDepth(stack.clients.sqs, stack.resources.queueUrl)).toBe(0);
    expect(await items()).toEqual(before);
  });

  test('a bumped filter version reprocesses them all, once each (both sides compare with it)', async () => {
    await useWorker('bumped-for-test');
    const result = await backfillLocal(stack.clients, { ...options(), filterVersion: 'bumped-for-test' });
    expect(result).toMatchObject({ listed: COUNT, skipped: 0, enqueued: COUNT });
    await waitDrained(stack.clients.sqs, stack.resources.queueUrl, { timeoutMs: 90_000 });
    const all = await items();
    expect(all.filter((i) => i.status === 'done' && i.filterVersion === 'bumped-for-test')).toHaveLength(COUNT);
    expect(readCounts().every((n) => n === 2)).toBe(true);
    const again = await backfillLocal(stack.clients, { ...options(), filterVersion: 'bumped-for-test' });
    expect(again).toMatchObject({ skipped: COUNT, enqueued: 0 });
  });

  test('the handler decides: an enqueued current object is skipped, unless the message is forced (CLI --force)', async () => {
    // The CLI compares with the real FILTER_VERSION, so it enqueues these ten; the handler
    // (comparing with the bumped one) finds them current and reads nothing.
    const ten = keys.filter((k) => k.startsWith('pages/00'));
    const plain = await cli('backfill', '--endpoint', moto.endpoint, '--prefix', 'pages/00', '--wait');
    expect(plain.err).not.toMatch(/not recorded/);
    expect(plain.out).toMatch(/listed 10, skipped \(current\) 0, enqueued 10/);
    expect(plain.out).toMatch(/done 10, failed 0/);
    expect(ten.map((k) => reads.get(k))).toEqual(ten.map(() => 2));

    const forced = await cli('backfill', '--endpoint', moto.endpoint, '--prefix', 'pages/00', '--force', '--wait');
    expect(forced.code).toBe(0);
    expect(forced.out).toMatch(/listed 10, skipped \(current\) 0, enqueued 10/);
    expect(forced.out).toMatch(/done 10, failed 0/);
    expect(ten.map((k) => reads.get(k))).toEqual(ten.map(() => 3));
    expect(keys.filter((k) => !k.startsWith('pages/00')).every((k) => reads.get(k) === 2)).toBe(true);
  });

  test('winnow backfill --dry-run prints what it would enqueue and changes nothing', async () => {
    await useWorker(); // back to the real version: every item is stale now
    const before = await items();
    const dry = await cli('backfill', '--endpoint', moto.endpoint, '--prefix', 'pages/01', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out.split('\n').filter((l) => l.startsWith('would enqueue'))).toHaveLength(10);
    expect(dry.out).toMatch(/listed 10, skipped \(current\) 0, would enqueue 10/);
    expect(await queueDepth(stack.clients.sqs, stack.resources.queueUrl)).toBe(0);
    expect(await items()).toEqual(before);
  });
});

describe('the state machine\'s batches (lambdas/backfill.ts) on the same code path', () => {
  test('a Distributed Map batch: processed, then skipped as current, then redone with force; a gone key is skipped', async () => {
    await worker?.stop();
    worker = null;
    const clients = clientsFromEnv();
    const config = { outputBucket: stack.resources.names.outputBucket, tableName: stack.resources.names.table, maxInputBytes: DEFAULT_MAX_INPUT_BYTES };
    const three = keys.slice(100, 103);
    const batch = (force: boolean) => ({
      Items: [...three.map((Key) => ({ Key, ETag: '"ignored-by-head"', Size: 1 })), { Key: 'pages/gone.html', ETag: '"x"', Size: 1 }],
      BatchInput: { bucket: stack.resources.names.inputBucket, force },
    });
    expect(isBackfillBatch(batch(false))).toBe(true);
    expect(isBackfillBatch({ Records: [] })).toBe(false);
    // The items say 'bumped-for-test' (an earlier test): stale for the real FILTER_VERSION. The
    // listed ETag differs from the object's, so these count as stale events: use the real ones.
    const real = await backfillLocal(stack.clients, { ...options(), prefix: 'pages/10', dryRun: true });
    expect(real.enqueued).toBe(10);
    const listed: { Key: string; ETag: string; Size: number }[] = [];
    await backfillLocal(stack.clients, { ...options(), prefix: 'pages/10', dryRun: true, onObject: (o) => listed.push({ Key: o.key, ETag: `"${o.etag}"`, Size: o.size }) });
    const items3 = listed.filter((i) => three.includes(i.Key));
    const withEtags = (force: boolean) => ({ ...batch(force), Items: [...items3, batch(force).Items[3]!] });
    expect(await processBackfillBatch(withEtags(false), clients, config)).toEqual({ done: 3, skipped: 1, failed: 0 });
    expect(await processBackfillBatch(withEtags(false), clients, config)).toEqual({ done: 0, skipped: 4, failed: 0 });
    expect(await processBackfillBatch(withEtags(true), clients, config)).toEqual({ done: 3, skipped: 1, failed: 0 });
    for (const c of Object.values(clients)) c.destroy();
  });
});

describe('backfill from an S3 Inventory (--manifest): the inventory\'s objects instead of a listing', () => {
  const INVENTORY_BUCKET = 'winnow-test-inventory';
  const base = 'inventory/winnow-input/daily/2026-11-27T01-00Z';
  const manifestKey = `${base}/manifest.json`;
  const listedKeys = keys.slice(200, 250);
  // S3 Inventory writes keys URL-encoded, each field quoted, no header.
  const quote = (fields: string[]) => fields.map((f) => `"${f}"`).join(',');

  async function writeInventory(sourceBucket: string, key = manifestKey): Promise<void> {
    const etags = new Map<string, { etag: string; size: number }>();
    for await (const page of bucketPages(stack.clients.s3, stack.resources.names.inputBucket, 'pages/')) {
      for (const o of page) etags.set(o.key, { etag: o.etag, size: o.size });
    }
    const row = (k: string, extra: [string, string]) => quote([sourceBucket, encodeURIComponent(k).replace(/%2F/g, '/'), String(etags.get(k)!.size), etags.get(k)!.etag, ...extra]);
    const rows = [
      ...listedKeys.map((k) => row(k, ['true', 'false'])),
      row(keys[100]!, ['true', 'false']), // current already (the batch test above)
      row(keys[250]!, ['true', 'true']), // a delete marker: not an object to clean
      row(keys[251]!, ['false', 'false']), // an older version
    ];
    const files = [`${base}/data/part-1.csv.gz`, `${base}/data/part-2.csv.gz`];
    await stack.clients.s3.send(new PutObjectCommand({ Bucket: INVENTORY_BUCKET, Key: files[0], Body: gzipSync(rows.slice(0, 20).join('\n') + '\n') }));
    await stack.clients.s3.send(new PutObjectCommand({ Bucket: INVENTORY_BUCKET, Key: files[1], Body: gzipSync(rows.slice(20).join('\n') + '\n') }));
    const manifest = {
      sourceBucket,
      destinationBucket: `arn:aws:s3:::${INVENTORY_BUCKET}`,
      version: '2016-11-30',
      fileFormat: 'CSV',
      fileSchema: 'Bucket, Key, Size, ETag, IsLatest, IsDeleteMarker',
      files: files.map((f) => ({ key: f, size: 1, MD5checksum: 'x' })),
    };
    await stack.clients.s3.send(new PutObjectCommand({ Bucket: INVENTORY_BUCKET, Key: key, Body: JSON.stringify(manifest) }));
  }

  const manifest = { bucket: INVENTORY_BUCKET, key: manifestKey };

  beforeAll(async () => {
    await stack.clients.s3.send(new CreateBucketCommand({ Bucket: INVENTORY_BUCKET }));
    await writeInventory(stack.resources.names.inputBucket);
  });

  test('--dry-run: the latest versions the inventory lists, the current one skipped; nothing sent', async () => {
    const would: string[] = [];
    const result = await backfillLocal(stack.clients, { ...options(), manifest, dryRun: true, onObject: (o) => would.push(o.key) });
    expect(result).toMatchObject({ listed: 51, skipped: 1, enqueued: 50 });
    expect(would).toEqual(listedKeys); // decoded: "pages/200 page.html", not "pages/200%20page.html"
    expect(await queueDepth(stack.clients.sqs, stack.resources.queueUrl)).toBe(0);
  });

  test('--prefix filters the inventory\'s keys', async () => {
    const result = await backfillLocal(stack.clients, { ...options(), manifest, prefix: 'pages/20', dryRun: true });
    expect(result).toMatchObject({ listed: 10, skipped: 0, enqueued: 10 });
  });

  test('backfill: the 50 stale objects done once each, nothing else read; a second run skips all', async () => {
    await useWorker();
    const before = new Map(keys.map((k) => [k, reads.get(k) ?? 0]));
    const result = await backfillLocal(stack.clients, { ...options(), manifest });
    expect(result).toMatchObject({ listed: 51, skipped: 1, enqueued: 50, notEnqueued: 0, errors: [] });
    await waitDrained(stack.clients.sqs, stack.resources.queueUrl, { timeoutMs: 90_000 });
    const all = new Map((await items()).map((i) => [i.pk, i]));
    for (const k of listedKeys) expect(all.get(pkOf(stack.resources.names.inputBucket, k))).toMatchObject({ status: 'done', filterVersion: FILTER_VERSION });
    for (const k of keys) expect(reads.get(k) ?? 0).toBe((before.get(k) ?? 0) + (listedKeys.includes(k) ? 1 : 0));
    const again = await backfillLocal(stack.clients, { ...options(), manifest });
    expect(again).toMatchObject({ listed: 51, skipped: 51, enqueued: 0 });
  });

  test('winnow backfill --manifest s3://... (dry run) reads the same inventory', async () => {
    const dry = await cli('backfill', '--endpoint', moto.endpoint, '--manifest', `s3://${INVENTORY_BUCKET}/${manifestKey}`, '--dry-run');
    expect(dry.err).toMatch(/the inventory s3:\/\/winnow-test-inventory\//);
    expect(dry.out).toMatch(/listed 51, skipped \(current\) 51, would enqueue 0/);
    expect(dry.code).toBe(0);
  });

  test('the inventory of another bucket, or a manifest that is not one, is refused before anything is sent', async () => {
    await writeInventory('some-other-bucket', `${base}/other/manifest.json`);
    await expect(backfillLocal(stack.clients, { ...options(), manifest: { bucket: INVENTORY_BUCKET, key: `${base}/other/manifest.json` } }))
      .rejects.toThrow(/inventory of some-other-bucket, not of the input bucket/);
    const bad = await cli('backfill', '--endpoint', moto.endpoint, '--manifest', `s3://${INVENTORY_BUCKET}/${base}/data/part-1.csv.gz`);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/InventoryError: .* is not JSON/);
    expect(await queueDepth(stack.clients.sqs, stack.resources.queueUrl)).toBe(0);
  });

  test('a Distributed Map batch of inventory rows (keys URL-encoded, sizes as strings) on the same code path', async () => {
    await worker?.stop();
    worker = null;
    const clients = clientsFromEnv();
    const config = { outputBucket: stack.resources.names.outputBucket, tableName: stack.resources.names.table, maxInputBytes: DEFAULT_MAX_INPUT_BYTES };
    const bucket = stack.resources.names.inputBucket;
    const row = (k: string, extra: Record<string, string> = {}) => ({ Bucket: bucket, Key: encodeURIComponent(k).replace(/%2F/g, '/'), Size: '512', ...extra });
    const batch = {
      Items: [row(keys[260]!), row(keys[261]!), row(keys[262]!, { IsDeleteMarker: 'true' }), row(keys[263]!, { IsLatest: 'false' }), row(keys[264]!)],
      BatchInput: { bucket, force: false, prefix: 'pages/26', source: 'inventory' as const },
    };
    expect(await processBackfillBatch(batch, clients, config)).toEqual({ done: 3, skipped: 2, failed: 0 });
    expect(await processBackfillBatch(batch, clients, config)).toEqual({ done: 0, skipped: 5, failed: 0 });
    expect(await processBackfillBatch({ ...batch, BatchInput: { ...batch.BatchInput, prefix: 'pages/27' } }, clients, config)).toEqual({ done: 0, skipped: 5, failed: 0 });
    await expect(processBackfillBatch({ ...batch, Items: [{ ...row(keys[265]!), Bucket: 'someone-elses' }] }, clients, config))
      .rejects.toThrow(/not an object of the input bucket/);
    for (const c of Object.values(clients)) c.destroy();
  });

  test('on AWS (--stack; the SDK pointed at moto): --manifest is checked against the stack\'s inventory bucket, then started as {manifest, force}', async () => {
    // A "deployed" stack: a state machine and the outputs cdk/winnow-stack.ts gives it.
    const sfn = new SFNClient({ region: 'us-east-1' }); // AWS_ENDPOINT_URL → moto (local/stack.ts)
    const cfn = new CloudFormationClient({ region: 'us-east-1' });
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({
      name: 'winnow-backfill-test',
      roleArn: 'arn:aws:iam::123456789012:role/winnow-backfill-test',
      definition: JSON.stringify({ StartAt: 'Done', States: { Done: { Type: 'Succeed' } } }),
    }));
    const stackWith = async (name: string, outputs: Record<string, string>) => cfn.send(new CreateStackCommand({
      StackName: name,
      TemplateBody: JSON.stringify({
        Resources: { Marker: { Type: 'AWS::SQS::Queue', Properties: { QueueName: `${name}-marker` } } },
        Outputs: Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, { Value: v }])),
      }),
    }));
    await stackWith('winnow-inventory', { StateMachineArn: stateMachineArn!, BackfillInventoryBucket: INVENTORY_BUCKET });
    await stackWith('winnow-listing-only', { StateMachineArn: stateMachineArn! });

    const noInventory = await cli('backfill', '--stack', 'winnow-listing-only', '--manifest', `s3://${INVENTORY_BUCKET}/${manifestKey}`, '--no-follow');
    expect(noInventory.code).toBe(1);
    expect(noInventory.err).toMatch(/takes no --manifest: deploy it with `-c backfillInventoryBucket=winnow-test-inventory`/);
    const wrongBucket = await cli('backfill', '--stack', 'winnow-inventory', '--manifest', `s3://elsewhere/${manifestKey}`, '--no-follow');
    expect(wrongBucket.code).toBe(1);
    expect(wrongBucket.err).toMatch(/reads inventories from s3:\/\/winnow-test-inventory, not from s3:\/\/elsewhere/);

    const started = await cli('backfill', '--stack', 'winnow-inventory', '--manifest', `s3://${INVENTORY_BUCKET}/${manifestKey}`, '--force', '--no-follow');
    expect(started.code).toBe(0);
    const executionArn = started.out.trim();
    const execution = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(JSON.parse(execution.input!)).toEqual({ force: true, manifest: manifestKey }); // no prefix: the state machine's default applies
    const byPrefix = await cli('backfill', '--stack', 'winnow-inventory', '--prefix', 'pages/2', '--no-follow');
    expect(JSON.parse((await sfn.send(new DescribeExecutionCommand({ executionArn: byPrefix.out.trim() }))).input!)).toEqual({ force: false, prefix: 'pages/2' });
    sfn.destroy();
    cfn.destroy();
  });

  test('manifests: only CSV inventories with a Key column; s3:// addresses only', () => {
    const ok = { sourceBucket: 'b', fileFormat: 'CSV', fileSchema: 'Bucket, Key, Size', files: [{ key: 'd/1.csv.gz' }] };
    expect(parseManifest(JSON.stringify(ok))).toEqual({ sourceBucket: 'b', columns: ['Bucket', 'Key', 'Size'], files: ['d/1.csv.gz'] });
    expect(() => parseManifest(JSON.stringify({ ...ok, fileFormat: 'Parquet' }))).toThrow(/Parquet files: configure the inventory with the CSV format/);
    expect(() => parseManifest(JSON.stringify({ ...ok, fileSchema: 'Bucket, Size' }))).toThrow(/no Key column/);
    expect(() => parseManifest('{"files": []}')).toThrow(/not an S3 Inventory manifest/);
    expect(() => parseManifest('<html>')).toThrow(InventoryError);
    expect(parseS3Url('s3://inv/a/b/manifest.json')).toEqual({ bucket: 'inv', key: 'a/b/manifest.json' });
    expect(() => parseS3Url('inv/a/manifest.json')).toThrow(/not an s3:\/\/bucket\/key address/);
    expect(() => parseS3Url('s3://inv/')).toThrow(InventoryError);
  });
});

describe('backfill messages and the skip rule', () => {
  test('the message is an S3 notification the handler parses back to the same object; force marks the record', () => {
    const object = { key: 'dir/a b+c %.html', etag: 'abc123', size: 42 };
    for (const force of [false, true]) {
      const parsed = parseMessageBody(backfillMessageBody('bkt', object, force));
      expect(parsed).toMatchObject({ type: 'objects', events: [{ change: 'created', bucket: 'bkt', key: object.key, etag: 'abc123', size: 42 }] });
      if (parsed.type === 'objects') expect(parsed.events[0]!.force).toBe(force ? true : undefined);
    }
  });

  test('current = done or failed, same ETag, same filter version', () => {
    expect(isCurrent({ status: 'done', etag: 'e', filterVersion: FILTER_VERSION }, 'e')).toBe(true);
    expect(isCurrent({ status: 'failed', etag: 'e', filterVersion: FILTER_VERSION }, 'e')).toBe(true);
    expect(isCurrent({ status: 'deleted', etag: 'e', filterVersion: FILTER_VERSION }, 'e')).toBe(false);
    expect(isCurrent({ status: 'done', etag: 'other', filterVersion: FILTER_VERSION }, 'e')).toBe(false);
    expect(isCurrent({ status: 'done', etag: 'e', filterVersion: 'old' }, 'e')).toBe(false);
    expect(isCurrent(undefined, 'e')).toBe(false);
    expect(pkOf('b', 'k')).toBe('s3://b/k');
  });
});

describe('winnow backfill: the command line', () => {
  test.each([
    [[], { mode: 'local', endpoint: 'http://127.0.0.1:4566', prefix: '', force: false, dryRun: false, wait: false }],
    [['--prefix', 'a/', '--force', '--wait'], { mode: 'local', prefix: 'a/', force: true, wait: true }],
    [['--endpoint', 'http://h:1', '--dry-run'], { mode: 'local', endpoint: 'http://h:1', dryRun: true }],
    [['--stack', 'Winnow', '--prefix', 'p/', '--force'], { mode: 'aws', stack: 'Winnow', prefix: 'p/', force: true, follow: true }],
    [['--stack', 'Winnow', '--no-follow', '--region', 'eu-west-1'], { mode: 'aws', follow: false, region: 'eu-west-1' }],
    [['--manifest', 's3://inv/x/manifest.json', '--dry-run'], { mode: 'local', manifest: { bucket: 'inv', key: 'x/manifest.json' }, dryRun: true }],
    [['--stack', 'Winnow', '--manifest', 's3://inv/m.json'], { mode: 'aws', manifest: { bucket: 'inv', key: 'm.json' } }],
    [['--help'], { mode: 'help' }],
  ])('%j', (argv, expected) => {
    expect(parseBackfillArgs(argv, {})).toMatchObject(expected);
  });

  test('WINNOW_ENDPOINT is the default endpoint', () => {
    expect(parseBackfillArgs([], { WINNOW_ENDPOINT: 'http://x:9' })).toMatchObject({ mode: 'local', endpoint: 'http://x:9' });
  });

  test.each([
    [['--stack', 'W', '--dry-run'], /--dry-run is local only/],
    [['--stack', 'W', '--wait'], /--wait is local only/],
    [['--stack', 'W', '--endpoint', 'http://h:1'], /exclude each other/],
    [['--stack', ''], /--stack needs a stack name/],
    [['--no-follow'], /--stack only/],
    [['--dry-run', '--wait'], /nothing to --wait for/],
    [['--manifest', 'inv/m.json'], /--manifest: not an s3:\/\/bucket\/key address/],
    [['--bogus'], /Unknown option/],
    [['stray'], /positional/i],
  ])('%j is refused', (argv, message) => {
    const parsed = parseBackfillArgs(argv, {});
    expect(parsed.mode).toBe('error');
    expect((parsed as { message: string }).message).toMatch(message);
  });

  test('usage errors exit 2 with the usage; --help exits 0', async () => {
    const bad = await cli('backfill', '--stack', 'W', '--dry-run');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/Usage:\n  winnow backfill/);
    const help = await cli('backfill', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/--force/);
  });
});
