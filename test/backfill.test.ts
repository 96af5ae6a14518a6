/**
 * Backfill on the local stack (one moto): 300 pages uploaded before the bucket had its
 * notification go through the pipeline once each; a second backfill enqueues nothing; a bumped
 * filter version reprocesses them all; --dry-run changes nothing; --force redoes current ones.
 * Also the command line of `winnow backfill` (local and --stack), without AWS.
 *
 * "Processed" is counted at the source: a GetObject of the input page by the handler's S3 client.
 */
import { PassThrough } from 'node:stream';
import { Logger } from '@aws-lambda-powertools/logger';
import { PutBucketNotificationConfigurationCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { PurgeQueueCommand } from '@aws-sdk/client-sqs';
import { main } from '../cli/main';
import { parseBackfillArgs } from '../cli/commands/backfill';
import { FILTER_VERSION } from '../engine';
import { clientsFromEnv, DEFAULT_MAX_INPUT_BYTES } from '../lambdas/clients';
import { createHandler } from '../lambdas/handler';
import { isBackfillBatch, processBackfillBatch } from '../lambdas/backfill';
import { parseMessageBody } from '../lambdas/s3-events';
import { pkOf } from '../lambdas/item';
import { backfillLocal, backfillMessageBody, isCurrent, queueDepth, waitDrained } from '../ops/backfill';
import { startLocalStack, type LocalStack } from '../local/stack';
import { startWorker, type Worker } from '../local/worker';
import { useMoto } from './support/moto';
import { scanAll } from './support/pipeline';

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

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await main(argv, { stdin: new PassThrough(), stdout, stderr });
  return { code, out, err };
}

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
