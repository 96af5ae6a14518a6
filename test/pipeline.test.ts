/**
 * The pipeline end to end on a real moto: an upload (the AWS CLI, as a user would), the real
 * S3 → SQS notification, the local worker, the Lambda handler, the engine, and what lands in
 * the output bucket and the DynamoDB table. One moto for this file (test/support/moto.ts).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetBucketNotificationConfigurationCommand,
  HeadObjectCommand,
  PutBucketNotificationConfigurationCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { DeleteMessageCommand, ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { Logger } from '@aws-lambda-powertools/logger';
import { clean, FILTER_VERSION, isWinnowError } from '../engine';
import { createHandler, type Handler } from '../lambdas/handler';
import { clientsFromEnv, DEFAULT_MAX_INPUT_BYTES } from '../lambdas/clients';
import { pkOf, type PageItem } from '../lambdas/item';
import { parseMessageBody } from '../lambdas/s3-events';
import { createResources, type LocalNames, type LocalResources } from '../local/resources';
import { startLocalStack, type LocalStack } from '../local/stack';
import { startWorker, type Worker } from '../local/worker';
import { cliUpload } from './support/aws-cli';
import { useMoto } from './support/moto';
import {
  getItem,
  head,
  queueDepth,
  readObject,
  s3EventBody,
  scanAll,
  waitFor,
  waitForItem,
  waitQueueEmpty,
} from './support/pipeline';

const EXAMPLES = join(__dirname, '..', 'examples');
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const moto = useMoto();

/** windows-1251 for the Cyrillic letters used here. */
function cp1251(s: string): Buffer {
  return Buffer.from(
    [...s].map((ch) => {
      const code = ch.charCodeAt(0);
      if (code < 0x80) return code;
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      if (ch === 'ё') return 0xb8;
      throw new Error(`not in this cp1251 table: ${ch}`);
    }),
  );
}

const RU =
  'Москва - столица России, крупнейший по численности населения город страны и её политический центр. ' +
  'В городе живут более двенадцати миллионов человек, и каждый год сюда приезжают миллионы туристов.';
const FR =
  "Le café du coin sert un crème à deux euros, c'est la pause préférée des habitants du quartier depuis des années. " +
  'À côté, la boulangerie ouvre à six heures et ferme à midi, sauf le dimanche où elle reçoit les habitués.';

const PDF = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');

/** The engine's error code for these bytes (what the handler must record). */
function engineCode(bytes: Uint8Array): string {
  try {
    clean(bytes);
  } catch (err) {
    if (isWinnowError(err)) return err.code;
    throw err;
  }
  throw new Error('clean() accepted bytes the test expected it to reject');
}

describe('pipeline on moto (S3 → SQS → worker → handler → S3 + DynamoDB)', () => {
  let stack: LocalStack;
  let work: string;
  let names: LocalNames;

  const pk = (key: string) => pkOf(names.inputBucket, key);
  const item = (key: string, accept?: (i: PageItem) => boolean) => waitForItem(stack.clients.dynamodb, names.table, pk(key), accept);
  const file = (name: string, bytes: Buffer | string) => {
    const path = join(work, name);
    writeFileSync(path, bytes);
    return path;
  };
  const put = (key: string, body: Buffer, contentType?: string) =>
    stack.clients.s3.send(new PutObjectCommand({ Bucket: names.inputBucket, Key: key, Body: body, ContentType: contentType }));

  /** Every message deleted by the worker, none retried or dead-lettered. */
  async function expectAcknowledged(): Promise<void> {
    await waitQueueEmpty(stack.clients.sqs, stack.resources.queueUrl);
    expect(await queueDepth(stack.clients.sqs, stack.resources.deadLetterQueueUrl)).toBe(0);
  }

  async function expectNoOutputs(key: string): Promise<void> {
    const textKey = `text/${key.replace(/\.gz$/i, '')}`;
    expect(await head(stack.clients.s3, names.outputBucket, textKey)).toBeNull();
    expect(await head(stack.clients.s3, names.outputBucket, `json/${key}.json`)).toBeNull();
  }

  beforeAll(async () => {
    stack = await startLocalStack({ endpoint: moto.endpoint, logLevel: 'SILENT' });
    names = stack.resources.names;
    work = mkdtempSync(join(tmpdir(), 'winnow-pipeline-'));
  }, 60_000);

  afterAll(async () => {
    await stack?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('moto’s s3:TestEvent from configuring the notification is consumed and leaves no item', async () => {
    await expectAcknowledged();
    expect(await scanAll(stack.clients.dynamodb, names.table)).toEqual([]);
  });

  test('a page uploaded with the AWS CLI: text = clean() of the same bytes, JSON, a complete `done` item, output metadata', async () => {
    const key = 'pages/wordpress-post.html';
    const bytes = readFileSync(join(EXAMPLES, 'wordpress-post.html'));
    const before = Date.now();
    await cliUpload(moto.endpoint, file('wordpress-post.html', bytes), names.inputBucket, key);
    const input = await stack.clients.s3.send(new HeadObjectCommand({ Bucket: names.inputBucket, Key: key }));
    const got = await item(key);
    const expected = clean(bytes, { contentType: input.ContentType });

    // text/<key>: exactly the engine's text, title first
    const text = await readObject(stack.clients.s3, names.outputBucket, `text/${key}`);
    expect(text.toString('utf8')).toBe(expected.text);
    expect(expected.title).toBeTruthy();
    expect(text.toString('utf8').startsWith(`${expected.title}\n`)).toBe(true);
    expect(text.toString('utf8')).toContain('great wheel had not turned for almost forty years');

    // json/<key>.json: the whole result
    const json = JSON.parse((await readObject(stack.clients.s3, names.outputBucket, `json/${key}.json`)).toString('utf8'));
    expect(Array.isArray(json.blocks)).toBe(true);
    expect(json.blocks.length).toBe(expected.stats.blocksKept + expected.stats.blocksRemoved);
    expect(json.blocks.length).toBeGreaterThan(0);
    expect(json.text).toBe(expected.text);

    // the item: every field the handler writes for a done object
    const etag = input.ETag!.replace(/"/g, '');
    expect(got).toMatchObject({
      pk: `s3://winnow-input/${key}`,
      bucket: 'winnow-input',
      key,
      status: 'done',
      eventName: expect.stringMatching(/^ObjectCreated:/),
      etag,
      size: bytes.length,
      format: 'html',
      title: expected.title,
      language: expected.language,
      charset: 'utf-8',
      gzip: false,
      textKey: `text/${key}`,
      jsonKey: `json/${key}.json`,
      charsKept: expected.stats.charsKept,
      charsRemoved: expected.stats.charsRemoved,
      blocksKept: expected.stats.blocksKept,
      blocksRemoved: expected.stats.blocksRemoved,
      keptByKind: expected.stats.kept,
      removedByKind: expected.stats.removed,
      commentBlocksRemoved: (expected.stats.removed.comments?.blocks ?? 0) + (expected.stats.removed['comment-form']?.blocks ?? 0),
      textSha256: createHash('sha256').update(text).digest('hex'),
      filterVersion: FILTER_VERSION,
    });
    expect(expected.language).toBe('en');
    expect(got.commentBlocksRemoved).toBeGreaterThan(0); // the post has a comment thread and a form
    expect(got.errorCode).toBeUndefined();
    expect(typeof got.durationMs).toBe('number');
    expect(got.durationMs).toBeGreaterThanOrEqual(0);
    expect(got.processedAt).toMatch(ISO_UTC);
    expect(Date.parse(got.processedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(got.processedAt)).toBeLessThanOrEqual(Date.now() + 1000);

    // both outputs carry the filter version and the source ETag
    for (const [outKey, contentType] of [[`text/${key}`, 'text/plain; charset=utf-8'], [`json/${key}.json`, 'application/json']]) {
      const h = await stack.clients.s3.send(new HeadObjectCommand({ Bucket: names.outputBucket, Key: outKey }));
      expect(h.ContentType).toBe(contentType);
      expect(h.Metadata).toMatchObject({ 'filter-version': FILTER_VERSION, 'source-etag': etag });
    }
    await expectAcknowledged();
  });

  test('a page uploaded with the AWS CLI is cleaned and recorded quickly (sanity bound 10 s; speed is quoted from bench:pipeline)', async () => {
    const key = 'latency/news-article.html';
    const run = await cliUpload(moto.endpoint, join(EXAMPLES, 'news-article.html'), names.inputBucket, key);
    const got = await item(key, undefined);
    const seenAfterMs = Date.now() - run.exitedAt;
    expect(got.status).toBe('done');
    expect(seenAfterMs).toBeLessThan(10_000);
    process.stdout.write(
      `pipeline.test: item seen ${seenAfterMs} ms after the CLI exited, ${Date.now() - run.startedAt} ms after it started ` +
        `(processedAt − CLI start: ${Date.parse(got.processedAt) - run.startedAt} ms)\n`,
    );
  });

  test('a gzipped page (.html.gz) → text/<key without .gz>, same text as clean() of the gzip bytes', async () => {
    const key = 'pages/news-article.html.gz';
    const gz = gzipSync(readFileSync(join(EXAMPLES, 'news-article.html')));
    await cliUpload(moto.endpoint, file('news-article.html.gz', gz), names.inputBucket, key);
    const got = await item(key);
    const expected = clean(gz);
    expect(got).toMatchObject({ status: 'done', gzip: true, format: 'html', textKey: 'text/pages/news-article.html', jsonKey: 'json/pages/news-article.html.gz.json', size: gz.length });
    const text = (await readObject(stack.clients.s3, names.outputBucket, 'text/pages/news-article.html')).toString('utf8');
    expect(text).toBe(expected.text);
    expect(text.length).toBeGreaterThan(200);
    expect(await head(stack.clients.s3, names.outputBucket, `text/${key}`)).toBeNull();
    await expectAcknowledged();
  });

  test('an ISO-8859-1 page with a meta charset comes out as the right UTF-8 text', async () => {
    const key = 'charsets/latin1-meta.html';
    const bytes = Buffer.from(
      `<!DOCTYPE html><html lang="fr"><head><meta charset="iso-8859-1"><title>Le café</title></head>` +
        `<body><article><h1>Le café</h1><p>${FR}</p></article></body></html>`,
      'latin1',
    );
    expect(bytes.includes(Buffer.from('café', 'utf8'))).toBe(false); // really not UTF-8
    await cliUpload(moto.endpoint, file('latin1-meta.html', bytes), names.inputBucket, key);
    const got = await item(key);
    expect(got.status).toBe('done');
    expect(got.title).toBe('Le café');
    const text = (await readObject(stack.clients.s3, names.outputBucket, `text/${key}`)).toString('utf8');
    expect(text).toContain(FR);
    expect(text).not.toContain('\ufffd');
  });

  test('a windows-1251 page whose only charset is the S3 object’s Content-Type comes out right', async () => {
    const key = 'charsets/cp1251-header.html';
    const bytes = cp1251(
      `<!DOCTYPE html>\n<html lang="ru"><head><title>Москва</title></head>\n<body><article><h1>Москва</h1><p>${RU}</p><p>${RU.split('').reverse().join('')}</p></article></body></html>\n`,
    );
    // Without the header the bytes alone do not say windows-1251: the test shows the header is used.
    expect(clean(bytes).text).not.toContain('Москва');
    await cliUpload(moto.endpoint, file('cp1251-header.html', bytes), names.inputBucket, key, ['--content-type', 'text/html; charset=windows-1251']);
    const got = await item(key);
    expect(got).toMatchObject({ status: 'done', charset: 'windows-1251', title: 'Москва' });
    const text = (await readObject(stack.clients.s3, names.outputBucket, `text/${key}`)).toString('utf8');
    expect(text.startsWith('Москва\n')).toBe(true);
    expect(text).toContain(RU);
    await expectAcknowledged();
  });

  describe('bad input → a `failed` item with the engine’s code, no outputs, the message acknowledged', () => {
    test('PDF bytes over an earlier good version: BINARY_INPUT and the stale outputs are removed', async () => {
      const key = 'bad/was-a-page.html';
      await put(key, readFileSync(join(EXAMPLES, 'news-article.html')), 'text/html');
      const first = await item(key);
      expect(first.status).toBe('done');
      expect(await head(stack.clients.s3, names.outputBucket, `text/${key}`)).not.toBeNull();

      expect(engineCode(PDF)).toBe('BINARY_INPUT');
      await cliUpload(moto.endpoint, file('report.pdf', PDF), names.inputBucket, key);
      const got = await item(key, (i) => i.status !== 'done');
      expect(got).toMatchObject({ status: 'failed', errorCode: 'BINARY_INPUT', key, filterVersion: FILTER_VERSION });
      expect(got.errorMessage).toBeTruthy();
      expect(got.textKey).toBeUndefined();
      await expectNoOutputs(key);
      await expectAcknowledged();
    });

    test('an empty object: EMPTY_INPUT', async () => {
      const key = 'bad/empty.html';
      expect(engineCode(Buffer.alloc(0))).toBe('EMPTY_INPUT');
      await cliUpload(moto.endpoint, file('empty.html', ''), names.inputBucket, key);
      const got = await item(key);
      expect(got).toMatchObject({ status: 'failed', errorCode: 'EMPTY_INPUT', size: 0 });
      await expectNoOutputs(key);
      await expectAcknowledged();
    });

    test('a truncated gzip: BAD_GZIP', async () => {
      const key = 'bad/truncated.html.gz';
      const gz = gzipSync(readFileSync(join(EXAMPLES, 'news-article.html')));
      const truncated = gz.subarray(0, gz.length >> 1);
      expect(engineCode(truncated)).toBe('BAD_GZIP');
      await put(key, truncated, 'application/gzip');
      const got = await item(key);
      expect(got).toMatchObject({ status: 'failed', errorCode: 'BAD_GZIP' });
      await expectNoOutputs(key);
      await expectAcknowledged();
    });
  });

  test('a key with spaces, +, %, unicode and / is recorded and written under the decoded key', async () => {
    const key = 'dir/sub dir/a+b 100% é.html';
    await cliUpload(moto.endpoint, join(EXAMPLES, 'news-article.html'), names.inputBucket, key);
    const got = await item(key);
    expect(got).toMatchObject({
      pk: `s3://winnow-input/${key}`,
      key,
      status: 'done',
      textKey: `text/${key}`,
      jsonKey: `json/${key}.json`,
    });
    expect(await head(stack.clients.s3, names.outputBucket, `text/${key}`)).not.toBeNull();
    expect(await head(stack.clients.s3, names.outputBucket, `json/${key}.json`)).not.toBeNull();
    // nothing recorded under an encoded form of the key
    const pks = (await scanAll(stack.clients.dynamodb, names.table)).map((i) => i.pk);
    expect(pks.filter((p) => p.startsWith('s3://winnow-input/dir'))).toEqual([`s3://winnow-input/${key}`]);
    await expectAcknowledged();
  });

  // moto 5.2.1 does send ObjectRemoved:Delete for a DeleteObject (without a sequencer), so a
  // delete is tested twice: through moto's own notification, and with the exact message real
  // S3 sends (form-encoded key with `/` as is, a sequencer), sent to the queue by the test.
  test('a delete through S3 (moto’s own ObjectRemoved:Delete notification) removes the outputs, item `deleted`', async () => {
    const key = 'old/page 2+2 é.html';
    await put(key, readFileSync(join(EXAMPLES, 'news-article.html')), 'text/html');
    expect((await item(key)).status).toBe('done');
    expect(await head(stack.clients.s3, names.outputBucket, `text/${key}`)).not.toBeNull();

    await stack.clients.s3.send(new DeleteObjectCommand({ Bucket: names.inputBucket, Key: key }));
    const got = await item(key, (i) => i.status !== 'done');
    expect(got).toMatchObject({ status: 'deleted', key, eventName: 'ObjectRemoved:Delete', filterVersion: FILTER_VERSION });
    await expectNoOutputs(key);
    await expectAcknowledged();
  });

  test('the ObjectRemoved:Delete message real S3 sends (form-encoded key, sequencer) removes the outputs, item `deleted`', async () => {
    const key = 'old/page 1+1 é.html';
    await put(key, readFileSync(join(EXAMPLES, 'news-article.html')), 'text/html');
    expect((await item(key)).status).toBe('done');
    expect(await head(stack.clients.s3, names.outputBucket, `text/${key}`)).not.toBeNull();

    // Deleted while the bucket's notification is switched off, so that moto's own message
    // cannot race with this one (restoring it sends another s3:TestEvent, which is ignored).
    const notification = await stack.clients.s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: names.inputBucket }));
    await stack.clients.s3.send(new PutBucketNotificationConfigurationCommand({ Bucket: names.inputBucket, NotificationConfiguration: {} }));
    try {
      await stack.clients.s3.send(new DeleteObjectCommand({ Bucket: names.inputBucket, Key: key }));
    } finally {
      await stack.clients.s3.send(
        new PutBucketNotificationConfigurationCommand({
          Bucket: names.inputBucket,
          NotificationConfiguration: { QueueConfigurations: notification.QueueConfigurations },
        }),
      );
    }
    expect(await head(stack.clients.s3, names.inputBucket, key)).toBeNull();
    const body = s3EventBody('ObjectRemoved:Delete', names.inputBucket, key);
    expect(body).toContain('"key":"old/page+1%2B1+%C3%A9.html"');
    await stack.clients.sqs.send(new SendMessageCommand({ QueueUrl: stack.resources.queueUrl, MessageBody: body }));

    const got = await item(key, (i) => i.status !== 'done');
    expect(got).toMatchObject({ status: 'deleted', key, eventName: 'ObjectRemoved:Delete', sequencer: '0055AED6DCD90281E5', filterVersion: FILTER_VERSION });
    expect(got.processedAt).toMatch(ISO_UTC);
    expect(got.textKey).toBeUndefined();
    await expectNoOutputs(key);
    await expectAcknowledged();
  });

  test('an s3:TestEvent message is ignored: no item, message deleted', async () => {
    const before = (await scanAll(stack.clients.dynamodb, names.table)).length;
    const testEvent = JSON.stringify({
      Service: 'Amazon S3',
      Event: 's3:TestEvent',
      Time: new Date().toISOString(),
      Bucket: names.inputBucket,
      RequestId: '5582815E1AEA5ADF',
      HostId: '8cLeGAmw098X5cv4Zkwcmo8vvZa3eH3eKxsPzbB9wrR+YstdA6Knx4Ip8EXAMPLE',
    });
    await stack.clients.sqs.send(new SendMessageCommand({ QueueUrl: stack.resources.queueUrl, MessageBody: testEvent }));
    await expectAcknowledged();
    expect((await scanAll(stack.clients.dynamodb, names.table)).length).toBe(before);
    // and the handler says so directly: nothing to retry
    const direct = await stack.handler({ Records: [sqsRecord('test-event-1', testEvent)] });
    expect(direct.batchItemFailures).toEqual([]);
  });

  describe('transient AWS errors (the output bucket missing): retried, then dead-lettered', () => {
    const RETRY: LocalNames = {
      inputBucket: 'winnow-retry-input',
      outputBucket: 'winnow-retry-output',
      queue: 'winnow-retry-uploads',
      deadLetterQueue: 'winnow-retry-uploads-dlq',
      table: 'winnow-retry-pages',
    };
    const MISSING_BUCKET = 'winnow-retry-output-not-yet';
    const MAX_RECEIVES = 3;
    let resources: LocalResources;
    let worker: Worker;
    const calls: { key: string; receiveCount: number; failed: boolean }[] = [];
    const callsFor = (key: string) => calls.filter((c) => c.key === key);

    beforeAll(async () => {
      resources = await createResources(stack.clients, RETRY, { maxReceiveCount: MAX_RECEIVES, visibilityTimeoutSeconds: 1 });
      const inner = createHandler({
        clients: clientsFromEnv(),
        config: { outputBucket: MISSING_BUCKET, tableName: RETRY.table, maxInputBytes: DEFAULT_MAX_INPUT_BYTES },
        logger: new Logger({ serviceName: 'winnow', logLevel: 'SILENT' }),
      });
      // The handler as the worker calls it, with each record's outcome noted.
      const recording: Handler = async (event, context) => {
        const response = await inner(event, context);
        const failed = new Set(response.batchItemFailures.map((f) => f.itemIdentifier));
        for (const record of event.Records) {
          const message = parseMessageBody(record.body);
          if (message.type !== 'objects') continue;
          for (const e of message.events) {
            calls.push({ key: e.key, receiveCount: Number(record.attributes.ApproximateReceiveCount), failed: failed.has(record.messageId) });
          }
        }
        return response;
      };
      worker = startWorker({ sqs: stack.clients.sqs, queueUrl: resources.queueUrl, handler: recording, waitSeconds: 1 });
    });

    afterAll(async () => {
      await worker?.stop();
    });

    test(`a record that keeps failing is reported in batchItemFailures, received ${MAX_RECEIVES} times, then lands in the DLQ`, async () => {
      const key = 'never/page.html';
      await stack.clients.s3.send(
        new PutObjectCommand({ Bucket: RETRY.inputBucket, Key: key, Body: readFileSync(join(EXAMPLES, 'news-article.html')), ContentType: 'text/html' }),
      );
      const dead = await waitFor('the message in the dead-letter queue', async () => {
        const out = await stack.clients.sqs.send(
          new ReceiveMessageCommand({ QueueUrl: resources.deadLetterQueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
        );
        return (out.Messages ?? []).find((m) => {
          const parsed = parseMessageBody(m.Body ?? '');
          return parsed.type === 'objects' && parsed.events.some((e) => e.key === key);
        });
      }, 30_000);
      expect(dead.Body).toBeTruthy();
      await stack.clients.sqs.send(new DeleteMessageCommand({ QueueUrl: resources.deadLetterQueueUrl, ReceiptHandle: dead.ReceiptHandle! }));
      expect(callsFor(key)).toEqual(
        Array.from({ length: MAX_RECEIVES }, (_, i) => ({ key, receiveCount: i + 1, failed: true })),
      );
      expect(await getItem(stack.clients.dynamodb, RETRY.table, pkOf(RETRY.inputBucket, key))).toBeNull();
      await waitQueueEmpty(stack.clients.sqs, resources.queueUrl);
    });

    test('a record that failed once succeeds when retried after the cause is gone', async () => {
      const key = 'later/page.html';
      await stack.clients.s3.send(
        new PutObjectCommand({ Bucket: RETRY.inputBucket, Key: key, Body: readFileSync(join(EXAMPLES, 'news-article.html')), ContentType: 'text/html' }),
      );
      await waitFor('the first, failed attempt', async () => callsFor(key).length >= 1, 15_000, 20);
      await stack.clients.s3.send(new CreateBucketCommand({ Bucket: MISSING_BUCKET }));
      const got = await waitForItem(stack.clients.dynamodb, RETRY.table, pkOf(RETRY.inputBucket, key));
      expect(got).toMatchObject({ status: 'done', textKey: `text/${key}` });
      expect(callsFor(key)).toEqual([
        { key, receiveCount: 1, failed: true },
        { key, receiveCount: 2, failed: false },
      ]);
      expect(await head(stack.clients.s3, MISSING_BUCKET, `text/${key}`)).not.toBeNull();
      await waitQueueEmpty(stack.clients.sqs, resources.queueUrl);
      expect(await queueDepth(stack.clients.sqs, resources.deadLetterQueueUrl)).toBe(0);
    });
  });
});

function sqsRecord(messageId: string, body: string) {
  return {
    messageId,
    receiptHandle: 'local',
    body,
    attributes: { ApproximateReceiveCount: '1', SentTimestamp: String(Date.now()), SenderId: 'test', ApproximateFirstReceiveTimestamp: String(Date.now()) },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:winnow-uploads',
    awsRegion: 'us-east-1',
  };
}
