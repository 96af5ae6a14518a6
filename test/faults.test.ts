/**
 * Injected faults on a real moto (local/faults.ts: an HTTP proxy between the handler and moto
 * that answers 500 InternalError, 503 SlowDown/ServiceUnavailable, DynamoDB throttling, delays
 * calls and drops connections). The harness itself talks to moto directly.
 *
 * 1. The same pages go through the pipeline twice, fault-free and with 10% of the handler's and
 *    the worker's calls faulted: every upload ends `done`, with outputs byte-identical to the
 *    fault-free run and the same item, nothing lost, nothing doubled.
 * 2. Faults that outlast the retries (every S3 and DynamoDB call fails, maxReceiveCount 2, a
 *    short visibility timeout) put the messages in the dead-letter queue; once the faults stop,
 *    `winnow redrive` sends them back and they complete.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { clean } from '../engine';
import { pkOf } from '../lambdas/item';
import {
  compareRuns,
  describeFaults,
  queueDepth,
  startFaultProxy,
  startHandlerWorkers,
  uploadAndCollect,
  useProxyForHandler,
  type FaultProxy,
  type HandlerWorkers,
} from '../local/faults';
import { startLocalStack, type LocalStack } from '../local/stack';
import type { LocalNames } from '../local/resources';
import { useMoto } from './support/moto';
import { testPages } from './support/pages';
import { getItem, readObject, scanAll, waitFor } from './support/pipeline';
import { runCli } from './support/cli';

const moto = useMoto();
const PAGES = testPages();
const UPLOADS = 80;

let proxy: FaultProxy;

beforeAll(async () => {
  proxy = await startFaultProxy({ target: moto.endpoint, rate: 0, seed: 20240604 });
});

afterAll(async () => {
  await proxy?.stop();
});

describe('10% of the AWS calls faulted', () => {
  let stack: LocalStack;
  let workers: HandlerWorkers;

  beforeAll(async () => {
    stack = await startLocalStack({
      endpoint: moto.endpoint,
      worker: false,
      logLevel: 'SILENT',
      resources: { maxReceiveCount: 10, visibilityTimeoutSeconds: 10 },
    });
    // The handler's S3 and DynamoDB clients (from the environment, as on Lambda) and the
    // workers' SQS calls go through the proxy; the SDK retries up to 6 attempts.
    useProxyForHandler(proxy.endpoint, 6);
    workers = startHandlerWorkers({ queueUrl: stack.resources.queueUrl, names: stack.resources.names, count: 2, sqsEndpoint: proxy.endpoint, visibilityTimeoutSeconds: 10 });
  }, 60_000);

  afterAll(async () => {
    await workers?.stop();
    await stack?.stop();
  });

  test(`${UPLOADS} uploads: all done, outputs and items identical to a fault-free run, none lost or doubled`, async () => {
    const run = (prefix: string) =>
      uploadAndCollect({
        clients: stack.clients,
        names: stack.resources.names,
        queueUrl: stack.resources.queueUrl,
        prefix,
        pages: PAGES,
        count: UPLOADS,
        timeoutMs: 90_000,
      });

    const reference = await run('clean/');
    expect(reference.settled).toBe(true);
    expect(proxy.stats.faulted).toBe(0);
    // The fault-free run is itself right: each text is clean() of the bytes uploaded.
    for (const [i, [name, got]] of [...reference.objects].entries()) {
      const page = PAGES[i % PAGES.length];
      expect(name.endsWith(page.name)).toBe(true);
      expect({ name, status: got.item?.status, code: got.item?.errorCode }).toEqual({ name, status: 'done', code: undefined });
      expect(got.text?.toString('utf8')).toBe(clean(page.body, { contentType: page.contentType }).text);
    }

    proxy.resetStats();
    proxy.configure({ rate: 0.1 });
    const faulted = await run('faulted/');
    proxy.configure({ rate: 0 });
    const stats = proxy.stats;
    process.stdout.write(
      `faults.test: ${describeFaults(stats)}; ${workers.recordFailures} records handed back to SQS; ` +
        `${[...workers.processed.values()].filter((n) => n > 1).length} keys processed twice; ` +
        `${reference.seconds.toFixed(1)} s fault-free, ${faulted.seconds.toFixed(1)} s faulted\n`,
    );

    expect(faulted.settled).toBe(true);
    expect(faulted.uploadErrors).toEqual([]);
    expect(faulted.objects.size).toBe(UPLOADS);
    expect(compareRuns(reference, faulted)).toEqual({ done: UPLOADS, lost: [], duplicates: [], differing: [], notDone: [] });
    expect(await queueDepth(stack.clients.sqs, stack.resources.deadLetterQueueUrl)).toBe(0);

    // The faults really happened, of every sort, at about the rate set, on S3 and DynamoDB (the
    // workers' few SQS calls — long polls — may by chance get none).
    expect(stats.faulted).toBeGreaterThan(0.05 * stats.requests);
    expect(stats.faulted).toBeLessThan(0.15 * stats.requests);
    expect(stats.byKind['server-error'] + stats.byKind.unavailable + stats.byKind.throttle).toBeGreaterThan(0);
    expect(stats.byKind.delay).toBeGreaterThan(0);
    expect(stats.byKind.drop + stats.byKind['drop-response']).toBeGreaterThan(0);
    for (const service of ['s3', 'dynamodb'] as const) expect(stats.byService[service].faulted).toBeGreaterThan(0);
    expect(stats.byService.sqs.requests).toBeGreaterThan(0);
  }, 150_000);
});

describe('faults that outlast the retries: dead-letter queue, then winnow redrive', () => {
  const names: LocalNames = {
    inputBucket: 'dlq-input',
    outputBucket: 'dlq-output',
    queue: 'dlq-uploads',
    deadLetterQueue: 'dlq-uploads-dlq',
    table: 'dlq-pages',
  };
  let stack: LocalStack;
  let workers: HandlerWorkers;

  beforeAll(async () => {
    stack = await startLocalStack({
      endpoint: moto.endpoint,
      names,
      worker: false,
      logLevel: 'SILENT',
      resources: { maxReceiveCount: 2, visibilityTimeoutSeconds: 2 },
    });
    useProxyForHandler(proxy.endpoint, 2);
    // The worker's own SQS calls go to moto: only the handler's S3 and DynamoDB calls fail.
    workers = startHandlerWorkers({ queueUrl: stack.resources.queueUrl, names, count: 1, sqsEndpoint: moto.endpoint, visibilityTimeoutSeconds: 2 });
  }, 60_000);

  afterAll(async () => {
    await workers?.stop();
    await stack?.stop();
    proxy.configure({ rate: 0, services: ['s3', 'dynamodb', 'sqs', 'other'] });
  });

  test('every S3 and DynamoDB call failing: the messages land in the DLQ; after redrive they complete', async () => {
    const uploads = PAGES.slice(0, 6).map((p, i) => ({ ...p, key: `dead/${i}-${p.name}` }));
    proxy.configure({ rate: 1, services: ['s3', 'dynamodb'] });
    for (const u of uploads) {
      await stack.clients.s3.send(new PutObjectCommand({ Bucket: names.inputBucket, Key: u.key, Body: u.body, ContentType: u.contentType }));
    }
    const { queueUrl, deadLetterQueueUrl } = stack.resources;
    await waitFor(
      'every message in the dead-letter queue',
      async () => (await queueDepth(stack.clients.sqs, deadLetterQueueUrl)) === uploads.length && (await queueDepth(stack.clients.sqs, queueUrl)) === 0,
      60_000,
      250,
    );
    expect(workers.recordFailures).toBeGreaterThanOrEqual(2 * uploads.length);
    // No result; at most the claims of attempts whose answer was lost after moto applied them.
    expect((await scanAll(stack.clients.dynamodb, names.table)).filter((i) => i.status !== 'processing')).toEqual([]);

    // The outage is over; the operator sends the dead letters back.
    proxy.configure({ rate: 0 });
    const cli = await runCli('redrive', '--endpoint', moto.endpoint, '--queue-url', queueUrl, '--dlq-url', deadLetterQueueUrl);
    expect(cli.err).not.toMatch(/could not/);
    expect(cli.code).toBe(0);
    expect(cli.out).toBe(`moved ${uploads.length} message(s) from the dead-letter queue to the source queue\n`);

    await waitFor('every redriven upload to be done', async () => {
      for (const u of uploads) if ((await getItem(stack.clients.dynamodb, names.table, pkOf(names.inputBucket, u.key)))?.status !== 'done') return false;
      return true;
    }, 30_000, 200);
    await waitFor('both queues empty', async () => (await queueDepth(stack.clients.sqs, queueUrl)) + (await queueDepth(stack.clients.sqs, deadLetterQueueUrl)) === 0, 30_000, 200);
    for (const u of uploads) {
      const text = await readObject(stack.clients.s3, names.outputBucket, `text/${u.key.replace(/\.gz$/i, '')}`);
      expect(text.toString('utf8')).toBe(clean(u.body, { contentType: u.contentType }).text);
    }
    expect((await scanAll(stack.clients.dynamodb, names.table)).length).toBe(uploads.length);
  }, 120_000);
});
