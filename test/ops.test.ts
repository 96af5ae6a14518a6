/**
 * The operations commands on a real moto (one for this file): `winnow failures`, `winnow status`
 * and `winnow redrive`, run through the CLI's main() as a user would, locally (--endpoint, the
 * local stack's fixed names) and "on AWS" (--stack: the names from a CloudFormation stack's
 * outputs, which moto serves too; the SDK finds moto through AWS_ENDPOINT_URL).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { CloudFormationClient, CreateStackCommand } from '@aws-sdk/client-cloudformation';
import { DeleteMessageCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { clean, isWinnowError } from '../engine';
import { pkOf, type PageItem } from '../lambdas/item';
import { listFailures } from '../ops/failures';
import { itemKey } from '../ops/status';
import { redrive } from '../ops/redrive';
import { namesFromOutputs, resolveTarget, stackOutputs } from '../ops/target';
import { freePort } from '../local/moto';
import { LOCAL_NAMES, type LocalNames } from '../local/resources';
import { startLocalStack, type LocalStack } from '../local/stack';
import { startWorker, type Worker } from '../local/worker';
import { useMoto } from './support/moto';
import { getItem, queueDepth, waitFor, waitForItem } from './support/pipeline';
import { runCli as cli } from './support/cli';

const moto = useMoto();
const ROOT = join(__dirname, '..');
const fixture = (...p: string[]) => readFileSync(join(ROOT, ...p));

function engineCode(bytes: Uint8Array): string {
  try {
    clean(bytes);
  } catch (err) {
    if (isWinnowError(err)) return err.code;
    throw err;
  }
  throw new Error('clean() accepted bytes the test expected it to reject');
}

describe('winnow failures and winnow status on the local stack', () => {
  let stack: LocalStack;
  const names = LOCAL_NAMES;
  const good = [
    { key: 'ops/news-article.html', body: fixture('examples', 'news-article.html'), contentType: 'text/html' },
    { key: 'ops/wordpress post.html', body: fixture('examples', 'wordpress-post.html'), contentType: 'text/html' },
  ];
  const bad = [
    { key: 'ops/report.pdf', body: fixture('test', 'fixtures', 'decode', 'tiny.pdf'), contentType: 'application/pdf' },
    { key: 'ops/photo.png', body: fixture('test', 'fixtures', 'decode', 'tiny.png'), contentType: 'image/png' },
    { key: 'ops/archive.zip', body: fixture('test', 'fixtures', 'decode', 'tiny.zip'), contentType: 'application/zip' },
    { key: 'ops/menu-only.txt', body: fixture('test', 'fixtures', 'text', 'menu-only.txt'), contentType: 'text/plain' },
  ];
  /** The items in upload order: each upload waits for its item, so processedAt increases. */
  const items = new Map<string, PageItem>();

  beforeAll(async () => {
    stack = await startLocalStack({ endpoint: moto.endpoint, logLevel: 'SILENT' });
    // Interleaved, one at a time.
    for (const u of [bad[0], good[0], bad[1], bad[2], good[1], bad[3]]) {
      await stack.clients.s3.send(new PutObjectCommand({ Bucket: names.inputBucket, Key: u.key, Body: u.body, ContentType: u.contentType }));
      items.set(u.key, await waitForItem(stack.clients.dynamodb, names.table, pkOf(names.inputBucket, u.key)));
      await new Promise((r) => setTimeout(r, 5)); // distinct processedAt
    }
  }, 60_000);

  afterAll(async () => {
    await stack?.stop();
  });

  test('the uploads ended as expected: the good pages done, the others failed with the engine’s codes', () => {
    for (const u of good) expect(items.get(u.key)?.status).toBe('done');
    for (const u of bad) expect(items.get(u.key)?.status).toBe('failed');
    for (const u of bad.slice(0, 3)) expect(items.get(u.key)?.errorCode).toBe(engineCode(u.body));
    expect(items.get('ops/menu-only.txt')?.errorCode).toBe('NO_CONTENT');
  });

  test('failures --json: exactly the failed items, newest first, with code, message and processedAt', async () => {
    const run = await cli('failures', '--endpoint', moto.endpoint, '--json');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.out) as Array<Record<string, unknown>>;
    const expected = [...bad].reverse().map((u) => {
      const item = items.get(u.key)!;
      return {
        pk: `s3://winnow-input/${u.key}`,
        bucket: 'winnow-input',
        key: u.key,
        code: item.errorCode,
        message: item.errorMessage,
        processedAt: item.processedAt,
        size: u.body.length,
      };
    });
    expect(rows).toEqual(expected);
    for (const r of rows) expect(String(r.message).length).toBeGreaterThan(0);
  });

  test('failures: one line per failure with time, code and key; --limit keeps the newest; a summary by code on stderr', async () => {
    const run = await cli('failures', '--endpoint', moto.endpoint);
    expect(run.code).toBe(0);
    const lines = run.out.trimEnd().split('\n');
    expect(lines).toHaveLength(bad.length);
    [...bad].reverse().forEach((u, i) => {
      const item = items.get(u.key)!;
      expect(lines[i].startsWith(`${item.processedAt}  ${item.errorCode}`)).toBe(true);
      expect(lines[i]).toContain(`  ${u.key}  `);
    });
    expect(run.err).toContain(`${bad.length} failed item(s) in winnow-pages`);
    expect(run.err).toContain('NO_CONTENT 1');

    const two = await cli('failures', '--endpoint', moto.endpoint, '--limit', '2', '--json');
    expect((JSON.parse(two.out) as Array<{ key: string }>).map((r) => r.key)).toEqual(['ops/menu-only.txt', 'ops/archive.zip']);
    // The ops function directly, paging through the index one item at a time.
    expect((await listFailures(stack.clients.dynamodb, names.table, { limit: 3 })).map((r) => r.key)).toEqual([
      'ops/menu-only.txt',
      'ops/archive.zip',
      'ops/photo.png',
    ]);
  });

  test('status KEY: one item, pretty — status, title, outputs; --json is the item itself; s3://BUCKET/KEY works too', async () => {
    const key = 'ops/wordpress post.html';
    const item = items.get(key)!;
    const pretty = await cli('status', '--endpoint', moto.endpoint, key);
    expect(pretty.err).toBe('');
    expect(pretty.code).toBe(0);
    expect(pretty.out).toMatch(new RegExp(`^item +s3://winnow-input/${key}\n`));
    expect(pretty.out).toMatch(/\nstatus +done\n/);
    expect(pretty.out).toContain(`title`);
    expect(pretty.out).toContain(item.title!);
    expect(pretty.out).toContain(`s3://winnow-output/text/${key}`);
    expect(pretty.out).toContain(`s3://winnow-output/json/${key}.json`);

    const json = await cli('status', '--endpoint', moto.endpoint, '--json', key);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toEqual(await getItem(stack.clients.dynamodb, names.table, pkOf(names.inputBucket, key)));

    const byUri = await cli('status', '--endpoint', moto.endpoint, '--json', `s3://winnow-input/${key}`);
    expect(byUri.out).toBe(json.out);
  });

  test('status of a failed item shows its code and message; an unknown key exits 1', async () => {
    const item = items.get('ops/report.pdf')!;
    const run = await cli('status', '--endpoint', moto.endpoint, 'ops/report.pdf');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/\nstatus +failed\n/);
    expect(run.out).toMatch(new RegExp(`\nerrorCode +${item.errorCode}\n`));
    expect(run.out).toContain(item.errorMessage!.slice(0, 40));

    const missing = await cli('status', '--endpoint', moto.endpoint, 'ops/never-uploaded.html');
    expect(missing.code).toBe(1);
    expect(missing.out).toBe('');
    expect(missing.err).toContain('no item for s3://winnow-input/ops/never-uploaded.html');
  });

  test('WINNOW_ENDPOINT is the default endpoint', async () => {
    const saved = process.env.WINNOW_ENDPOINT;
    process.env.WINNOW_ENDPOINT = moto.endpoint;
    try {
      const run = await cli('failures', '--json', '--limit', '1');
      expect(run.code).toBe(0);
      expect((JSON.parse(run.out) as Array<{ key: string }>).map((r) => r.key)).toEqual(['ops/menu-only.txt']);
    } finally {
      if (saved === undefined) delete process.env.WINNOW_ENDPOINT;
      else process.env.WINNOW_ENDPOINT = saved;
    }
  });
});

describe('winnow redrive, and the commands on a "deployed" stack (--stack)', () => {
  const names: LocalNames = {
    inputBucket: 'rd-input',
    outputBucket: 'rd-output',
    queue: 'rd-uploads',
    deadLetterQueue: 'rd-uploads-dlq',
    table: 'rd-pages',
  };
  const STACK = 'winnow-ops-test';
  let stack: LocalStack;
  let worker: Worker | null = null;
  const pages = ['news-article.html', 'wordpress-post.html', 'news-with-comment-form.txt'].flatMap((f, i) => [
    { key: `rd/${i}a-${f}`, body: fixture('examples', f), contentType: f.endsWith('.txt') ? 'text/plain' : 'text/html' },
    { key: `rd/${i}b-${f}`, body: fixture('examples', f), contentType: f.endsWith('.txt') ? 'text/plain' : 'text/html' },
  ]);

  beforeAll(async () => {
    // No worker yet, and every message dead-lettered on its second receive.
    stack = await startLocalStack({ endpoint: moto.endpoint, names, worker: false, logLevel: 'SILENT', resources: { maxReceiveCount: 1, visibilityTimeoutSeconds: 1 } });
    const { sqs } = stack.clients;
    const { queueUrl, deadLetterQueueUrl } = stack.resources;
    // moto's s3:TestEvent from configuring the notification: out of the way first.
    const test = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 2 }));
    for (const m of test.Messages ?? []) await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: m.ReceiptHandle! }));
    for (const p of pages) {
      await stack.clients.s3.send(new PutObjectCommand({ Bucket: names.inputBucket, Key: p.key, Body: p.body, ContentType: p.contentType }));
    }
    // A consumer that never finishes: each message is received, not deleted, and dead-lettered.
    await waitFor('every message dead-lettered', async () => {
      await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 0 }));
      return (await queueDepth(sqs, deadLetterQueueUrl)) === pages.length && (await queueDepth(sqs, queueUrl)) === 0;
    }, 30_000, 100);

    // A "deployed" stack whose outputs name these resources, as cdk/winnow-stack.ts's do.
    const cfn = new CloudFormationClient({ endpoint: moto.endpoint, region: 'us-east-1' });
    const outputs = {
      InputBucketName: names.inputBucket,
      OutputBucketName: names.outputBucket,
      TableName: names.table,
      QueueUrl: queueUrl,
      DeadLetterQueueUrl: deadLetterQueueUrl,
    };
    await cfn.send(
      new CreateStackCommand({
        StackName: STACK,
        TemplateBody: JSON.stringify({
          Resources: { Marker: { Type: 'AWS::SQS::Queue', Properties: { QueueName: 'winnow-ops-test-marker' } } },
          Outputs: Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, { Value: v }])),
        }),
      }),
    );
    cfn.destroy();
  }, 90_000);

  afterAll(async () => {
    await worker?.stop();
    await stack?.stop();
  });

  test('the stack’s outputs give the names (ops/target)', async () => {
    const cfn = new CloudFormationClient({ endpoint: moto.endpoint, region: 'us-east-1' });
    try {
      expect(namesFromOutputs(await stackOutputs(cfn, STACK), STACK)).toEqual({
        table: names.table,
        inputBucket: names.inputBucket,
        outputBucket: names.outputBucket,
        queueUrl: stack.resources.queueUrl,
        deadLetterQueueUrl: stack.resources.deadLetterQueueUrl,
      });
      await expect(stackOutputs(cfn, 'no-such-stack')).rejects.toThrow(/no-such-stack/);
    } finally {
      cfn.destroy();
    }
    // --stack without --endpoint is AWS mode: the SDK's own configuration (here AWS_ENDPOINT_URL → moto).
    expect(process.env.AWS_ENDPOINT_URL).toBe(moto.endpoint);
    const target = await resolveTarget({ stack: STACK });
    expect(target.mode).toBe('aws');
    expect(target.names.table).toBe(names.table);
    target.destroy();
  });

  test('redrive --max 2 moves two messages; redrive --stack moves the rest; the worker then finishes every upload', async () => {
    const { sqs } = stack.clients;
    const { queueUrl, deadLetterQueueUrl } = stack.resources;
    const first = await cli('redrive', '--endpoint', moto.endpoint, '--queue-url', queueUrl, '--dlq-url', deadLetterQueueUrl, '--max', '2');
    expect(first.code).toBe(0);
    expect(first.out).toBe('moved 2 message(s) from the dead-letter queue to the source queue\n');
    expect(await queueDepth(sqs, queueUrl)).toBe(2);
    expect(await queueDepth(sqs, deadLetterQueueUrl)).toBe(pages.length - 2);

    const rest = await cli('redrive', '--stack', STACK);
    expect(rest.code).toBe(0);
    expect(rest.out).toBe(`moved ${pages.length - 2} message(s) from the dead-letter queue to the source queue\n`);
    expect(await queueDepth(sqs, deadLetterQueueUrl)).toBe(0);
    expect(await queueDepth(sqs, queueUrl)).toBe(pages.length);

    const again = await cli('redrive', '--stack', STACK);
    expect(again.out).toBe('moved 0 message(s) from the dead-letter queue to the source queue\n');

    worker = startWorker({ sqs, queueUrl, handler: stack.handler });
    for (const p of pages) {
      const item = await waitForItem(stack.clients.dynamodb, names.table, pkOf(names.inputBucket, p.key), (i) => i.status === 'done');
      expect(item.textSha256).toBeDefined();
    }
    await waitFor('the queue to drain', async () => (await queueDepth(sqs, queueUrl)) === 0, 15_000, 100);
    expect(await queueDepth(sqs, deadLetterQueueUrl)).toBe(0);

    // status and failures through the stack's names; a bare key is looked up in InputBucketName.
    const status = await cli('status', '--stack', STACK, '--json', pages[0].key);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.out)).toMatchObject({ pk: `s3://${names.inputBucket}/${pages[0].key}`, status: 'done' });
    const failures = await cli('failures', '--stack', STACK, '--json');
    expect(failures.code).toBe(0);
    expect(JSON.parse(failures.out)).toEqual([]);
  });

  test('ops/redrive on an empty DLQ moves nothing', async () => {
    const result = await redrive(stack.clients.sqs, { from: stack.resources.deadLetterQueueUrl, to: stack.resources.queueUrl, waitSeconds: 1 });
    expect(result).toMatchObject({ received: 0, moved: 0, failed: 0, notDeleted: 0 });
  });
});

describe('the commands’ help and errors', () => {
  test('listed in the top help; each has its own', async () => {
    const top = await cli('--help');
    for (const c of ['failures', 'status', 'redrive']) expect(top.out).toMatch(new RegExp(`\n  ${c} +\\S`));
    for (const c of ['failures', 'status', 'redrive']) {
      const help = await cli(c, '--help');
      expect(help.code).toBe(0);
      expect(help.out).toContain(`winnow ${c}`);
      expect(help.out).toContain('--stack NAME');
      expect((await cli('help', c)).out).toBe(help.out);
    }
  });

  test('bad command lines exit 2', async () => {
    expect((await cli('failures', '--limit', '0')).code).toBe(2);
    expect((await cli('failures', '--bogus')).code).toBe(2);
    expect((await cli('status')).code).toBe(2);
    expect((await cli('status', 'a', 'b')).code).toBe(2);
    expect((await cli('redrive', '--max', 'lots')).code).toBe(2);
    const noBucket = await cli('status', '--endpoint', moto.endpoint, 's3://only-a-bucket');
    expect(noBucket.code).toBe(2);
    expect(noBucket.err).toContain('not s3://BUCKET/KEY');
  });

  test('nothing listening locally: exit 1 with what to do', async () => {
    const endpoint = `http://127.0.0.1:${await freePort()}`;
    const run = await cli('failures', '--endpoint', endpoint);
    expect(run.code).toBe(1);
    expect(run.err).toContain(`nothing answers at the local stack at ${endpoint}`);
    expect(run.err).toContain('winnow local');
  });

  test('itemKey: s3:// URIs as they are, bare keys in the bucket', () => {
    expect(itemKey('s3://b/k/x y.html')).toBe('s3://b/k/x y.html');
    expect(itemKey('k/x.html', 'b')).toBe('s3://b/k/x.html');
    expect(itemKey('k/x.html')).toBeNull();
    expect(itemKey('s3://b')).toBeNull();
    expect(itemKey('s3://b/')).toBeNull();
  });
});
