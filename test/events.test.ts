/**
 * A page event per result, end to end on a real moto: the upload, the S3 → SQS notification, the
 * worker, the handler's PutEvents on the bus `winnow-events`, moto's rule delivering it to the
 * queue `winnow-events-tail` — read here as `winnow tail` reads it. Then the retry rules: a
 * duplicate delivery sends nothing; a failed PutEvents (the call, through the fault proxy; or one
 * failed entry in a 200 answer, which moto never gives, injected in process) hands the record back
 * to SQS, and the retry sends exactly one event.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { DeleteMessageCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { Logger } from '@aws-lambda-powertools/logger';
import type { SQSEvent } from 'aws-lambda';
import { FILTER_VERSION } from '../engine';
import { main } from '../cli/main';
import { createHandler, type Handler } from '../lambdas/handler';
import { EventsClientMissingError } from '../lambdas/events';
import { configFromEnv, DEFAULT_MAX_INPUT_BYTES } from '../lambdas/clients';
import { pkOf, type PageItem } from '../lambdas/item';
import { startFaultProxy, type FaultProxy } from '../local/faults';
import { startLocalStack, type LocalStack } from '../local/stack';
import type { LocalNames } from '../local/resources';
import { startWorker, toSqsRecord, type Worker } from '../local/worker';
import { parseEvent, type WinnowEvent } from '../ops/tail';
import { useMoto } from './support/moto';
import { getItem, s3EventBody, waitFor, waitForItem, waitQueueEmpty } from './support/pipeline';

const moto = useMoto();
const EXAMPLES = join(__dirname, '..', 'examples');
const ARTICLE = readFileSync(join(EXAMPLES, 'news-article.html'));
const PDF = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');
/** Long enough for a second event to arrive, if one were sent: moto delivers in ~10 ms. */
const QUIET_MS = 1500;

interface TailedEvent {
  event: WinnowEvent;
  /** When the rule's message reached the tail queue (SQS SentTimestamp, epoch ms). */
  sentAt: number;
}

/** Reads (and deletes) whatever the tail queue holds now, waiting up to `waitMs` for the first message. */
async function drainTail(sqs: SQSClient, queueUrl: string, waitMs = QUIET_MS): Promise<TailedEvent[]> {
  const out: TailedEvent[] = [];
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    const got = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1, MessageSystemAttributeNames: ['SentTimestamp'] }));
    for (const m of got.Messages ?? []) {
      const event = parseEvent(m.Body);
      if (!event) throw new Error(`not a winnow event on the tail queue: ${m.Body}`);
      out.push({ event, sentAt: Number(m.Attributes?.SentTimestamp) });
      await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: m.ReceiptHandle! }));
    }
  }
  return out;
}

/** Waits for the first event of `key`, then keeps reading QUIET_MS more: every event of `key` seen. */
async function eventsOf(sqs: SQSClient, queueUrl: string, key: string): Promise<TailedEvent[]> {
  const seen: TailedEvent[] = [];
  await waitFor(`an event for ${key}`, async () => {
    seen.push(...(await drainTail(sqs, queueUrl, 200)));
    return seen.some((e) => e.event.detail.key === key);
  }, 15_000, 0);
  seen.push(...(await drainTail(sqs, queueUrl)));
  return seen.filter((e) => e.event.detail.key === key);
}

/** `winnow tail ARGS` in process, its exit code and what it wrote. */
async function tail(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await main(['tail', ...args], { stdin: new PassThrough(), stdout, stderr });
  return { code, out, err };
}

function schemaValidator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(join(__dirname, '..', 'schemas', 'event.schema.json'), 'utf8')));
}

describe('an event per page, through the local stack (bus winnow-events → queue winnow-events-tail)', () => {
  let stack: LocalStack;
  let names: LocalNames;
  let tailUrl: string;
  const put = (key: string, body: Buffer, contentType: string, metadata?: Record<string, string>) =>
    stack.clients.s3.send(new PutObjectCommand({ Bucket: names.inputBucket, Key: key, Body: body, ContentType: contentType, Metadata: metadata }));
  const item = (key: string, accept?: (i: PageItem) => boolean) => waitForItem(stack.clients.dynamodb, names.table, pkOf(names.inputBucket, key), accept);

  beforeAll(async () => {
    stack = await startLocalStack({ endpoint: moto.endpoint, logLevel: 'SILENT' });
    names = stack.resources.names;
    expect(names).toMatchObject({ eventBus: 'winnow-events', eventsTailQueue: 'winnow-events-tail' });
    tailUrl = stack.resources.eventsTailQueueUrl!;
    expect(tailUrl).toMatch(/winnow-events-tail$/);
  }, 60_000);

  afterAll(async () => {
    await stack?.stop();
  });

  test('an upload ends with exactly one Page Cleaned event, its detail as documented, within 1 s of its item', async () => {
    const key = 'events/story.html';
    await put(key, ARTICLE, 'text/html', { url: 'https://www.example.com/2024/05/01/story' });
    const written = await item(key);
    const events = await eventsOf(stack.clients.sqs, tailUrl, key);
    expect(events).toHaveLength(1);
    const [{ event, sentAt }] = events;
    expect(event).toMatchObject({ source: 'winnow', 'detail-type': 'Page Cleaned' });
    const pk = pkOf(names.inputBucket, key);
    expect(written.status).toBe('done');
    expect(written.etag).toMatch(/^[0-9a-f]{32}$/);
    expect(event.detail).toEqual({
      idempotencyKey: `${pk}#${written.etag}#${FILTER_VERSION}`,
      pk,
      bucket: names.inputBucket,
      key,
      status: 'done',
      processedAt: written.processedAt,
      eventName: 'ObjectCreated:Put',
      etag: written.etag,
      filterVersion: FILTER_VERSION,
      outputBucket: names.outputBucket,
      outputs: { text: `text/${key}`, json: `json/${key}.json` },
      language: 'en',
      title: 'City council approves new cycle lanes',
      published: written.published,
      site: 'example.com',
      charsKept: written.charsKept,
      charsRemoved: written.charsRemoved,
    });
    expect(written.published).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(written.charsKept).toBeGreaterThan(0);
    expect(schemaValidator()(event.detail)).toBe(true);
    // Must reach: locally the event is on the tail queue within 1 s of its item.
    expect(sentAt - Date.parse(written.processedAt)).toBeLessThan(1000);
    // Sent, so no longer owed.
    expect((await getItem(stack.clients.dynamodb, names.table, pk))?.eventPending).toBeUndefined();
  });

  test('a duplicate delivery of the same upload sends no event', async () => {
    const key = 'events/story.html'; // cleaned, and its event read, by the test above
    const { etag } = (await getItem(stack.clients.dynamodb, names.table, pkOf(names.inputBucket, key)))!;
    await stack.clients.sqs.send(new SendMessageCommand({ QueueUrl: stack.resources.queueUrl, MessageBody: s3EventBody('ObjectCreated:Put', names.inputBucket, key, { eTag: etag }) }));
    await waitQueueEmpty(stack.clients.sqs, stack.resources.queueUrl);
    expect(await drainTail(stack.clients.sqs, tailUrl)).toEqual([]);
  });

  test('bad input: Page Failed with its error code and no outputs; a deletion: Page Deleted', async () => {
    const key = 'events/paper.pdf';
    await put(key, PDF, 'application/pdf');
    const failed = await item(key);
    const [cleanedEvent, ...more] = await eventsOf(stack.clients.sqs, tailUrl, key);
    expect(more).toEqual([]);
    expect(cleanedEvent.event['detail-type']).toBe('Page Failed');
    expect(cleanedEvent.event.detail).toMatchObject({ status: 'failed', errorCode: 'BINARY_INPUT', outputs: {}, etag: failed.etag });
    expect(cleanedEvent.event.detail.errorCode).toBe(failed.errorCode);

    await stack.clients.s3.send(new DeleteObjectCommand({ Bucket: names.inputBucket, Key: key }));
    const deleted = await item(key, (i) => i.status === 'deleted');
    const [deletedEvent, ...again] = await eventsOf(stack.clients.sqs, tailUrl, key);
    expect(again).toEqual([]);
    expect(deletedEvent.event['detail-type']).toBe('Page Deleted');
    expect(deletedEvent.event.detail).toMatchObject({ status: 'deleted', eventName: deleted.eventName, outputs: {} });
    expect(deletedEvent.event.detail.etag).toBe(deleted.etag); // what the notification gave, if anything
    // A deletion's key names the deletion's own event, not the ETag (which it need not have).
    expect(deletedEvent.event.detail.idempotencyKey).toBe(`${deleted.pk}#deleted@${deleted.eventTime}#${FILTER_VERSION}`);
    expect(schemaValidator()(deletedEvent.event.detail)).toBe(true);
  });

  test('winnow tail prints one line per event (time, detail-type, status, key, chars) and stops with --once', async () => {
    const key = 'events/tail-me.txt';
    await put(key, readFileSync(join(EXAMPLES, 'news-with-comment-form.txt')), 'text/plain');
    const written = await item(key);
    await waitFor('the event on the tail queue', async () => {
      const out = await stack.clients.sqs.send(new GetQueueAttributesCommand({ QueueUrl: tailUrl, AttributeNames: ['ApproximateNumberOfMessages'] }));
      return Number(out.Attributes?.ApproximateNumberOfMessages) > 0;
    });
    const { code, out } = await tail('--endpoint', moto.endpoint, '--once');
    expect(code).toBe(0);
    expect(out).toBe(`${written.processedAt}  Page Cleaned  done     ${key}  kept ${written.charsKept}, removed ${written.charsRemoved}\n`);
    // Consumed: the queue is empty now.
    expect(await drainTail(stack.clients.sqs, tailUrl, 1000)).toEqual([]);
  });
});

/** A stack of its own names (bucket, queue, bus…) whose queue no worker of the stack reads. */
function namesFor(prefix: string): LocalNames {
  return {
    inputBucket: `${prefix}-input`,
    outputBucket: `${prefix}-output`,
    queue: `${prefix}-uploads`,
    deadLetterQueue: `${prefix}-uploads-dlq`,
    table: `${prefix}-pages`,
    eventBus: `${prefix}-events`,
    eventsTailQueue: `${prefix}-events-tail`,
  };
}

function handlerFor(stack: LocalStack, eventbridge: EventBridgeClient): Handler {
  const names = stack.resources.names;
  const aws = { endpoint: stack.endpoint, region: 'us-east-1' };
  return createHandler({
    clients: { s3: new S3Client({ ...aws, forcePathStyle: true }), dynamodb: new DynamoDBClient(aws), eventbridge },
    config: { outputBucket: names.outputBucket, tableName: names.table, maxInputBytes: DEFAULT_MAX_INPUT_BYTES, events: { busName: names.eventBus! } },
    logger: new Logger({ serviceName: 'winnow', logLevel: 'SILENT' }),
  });
}

describe('a failed PutEvents: the record goes back to SQS and the retry sends exactly one event', () => {
  test('one failed entry in a 200 answer (injected in process: moto never fails a valid entry)', async () => {
    const stack = await startLocalStack({ endpoint: moto.endpoint, names: namesFor('entry'), worker: false, logLevel: 'SILENT' });
    const eventbridge = new EventBridgeClient({ endpoint: stack.endpoint, region: 'us-east-1' });
    let failNext = true;
    let calls = 0;
    // What EventBridge answers when it could not take an entry: HTTP 200, FailedEntryCount 1.
    eventbridge.middlewareStack.add(
      (next) => async (args) => {
        calls++;
        if (!failNext) return next(args);
        failNext = false;
        return { response: {}, output: { $metadata: { httpStatusCode: 200 }, FailedEntryCount: 1, Entries: [{ ErrorCode: 'InternalFailure', ErrorMessage: 'injected' }] } };
      },
      { step: 'initialize', name: 'injectFailedEntry' },
    );
    try {
      const names = stack.resources.names;
      const handler = handlerFor(stack, eventbridge);
      const key = 'entry/story.html';
      const pk = pkOf(names.inputBucket, key);
      const put = await stack.clients.s3.send(new PutObjectCommand({ Bucket: names.inputBucket, Key: key, Body: ARTICLE, ContentType: 'text/html' }));
      const etag = put.ETag!.replace(/"/g, '');
      const delivery = (id: string): SQSEvent => ({
        Records: [toSqsRecord({ MessageId: id, ReceiptHandle: id, Body: s3EventBody('ObjectCreated:Put', names.inputBucket, key, { eTag: etag }) }, 'arn:aws:sqs:us-east-1:123456789012:entry-uploads')],
      });

      const first = await handler(delivery('m1'));
      expect(first.batchItemFailures).toEqual([{ itemIdentifier: 'm1' }]);
      const owed = await getItem(stack.clients.dynamodb, names.table, pk);
      expect(owed).toMatchObject({ status: 'done', etag });
      expect(owed?.eventPending).toEqual(expect.any(String));
      expect(await drainTail(stack.clients.sqs, stack.resources.eventsTailQueueUrl!)).toEqual([]);

      // SQS's retry of the same message: the item is current, but its event is owed.
      const retry = await handler(delivery('m1'));
      expect(retry.batchItemFailures).toEqual([]);
      const sent = await drainTail(stack.clients.sqs, stack.resources.eventsTailQueueUrl!);
      expect(sent.map((e) => [e.event['detail-type'], e.event.detail.idempotencyKey])).toEqual([['Page Cleaned', `${pk}#${etag}#${FILTER_VERSION}`]]);
      expect(sent[0].event.detail.processedAt).toBe(owed!.processedAt); // the stored result's event, not a new result
      expect((await getItem(stack.clients.dynamodb, names.table, pk))?.eventPending).toBeUndefined();

      // And a later duplicate finds nothing owed.
      const callsBefore = calls;
      expect((await handler(delivery('m2'))).batchItemFailures).toEqual([]);
      expect(calls).toBe(callsBefore);
      expect(await drainTail(stack.clients.sqs, stack.resources.eventsTailQueueUrl!)).toEqual([]);
    } finally {
      eventbridge.destroy();
      await stack.stop();
    }
  }, 60_000);

  describe('the PutEvents call fails (500/503/throttling from the fault proxy), through SQS and the worker', () => {
    let proxy: FaultProxy;
    let stack: LocalStack;
    let worker: Worker;
    let eventbridge: EventBridgeClient;
    let recordFailures = 0;

    beforeAll(async () => {
      stack = await startLocalStack({
        endpoint: moto.endpoint,
        names: namesFor('call'),
        worker: false,
        logLevel: 'SILENT',
        resources: { maxReceiveCount: 10, visibilityTimeoutSeconds: 2 },
      });
      proxy = await startFaultProxy({ target: moto.endpoint, rate: 1, services: ['events'], weights: { 'server-error': 1, unavailable: 1, throttle: 1 } });
      // Only the handler's EventBridge calls go through the proxy; one attempt, so the record fails at once.
      eventbridge = new EventBridgeClient({ endpoint: proxy.endpoint, region: 'us-east-1', maxAttempts: 1 });
      const inner = handlerFor(stack, eventbridge);
      const counted: Handler = async (event, context) => {
        const response = await inner(event, context);
        recordFailures += response.batchItemFailures.length;
        return response;
      };
      worker = startWorker({ sqs: stack.clients.sqs, queueUrl: stack.resources.queueUrl, handler: counted, waitSeconds: 1 });
    }, 60_000);

    afterAll(async () => {
      await worker?.stop();
      eventbridge?.destroy();
      await proxy?.stop();
      await stack?.stop();
    });

    test('the item is written and its event owed; once the faults stop, the retry sends exactly one event', async () => {
      const names = stack.resources.names;
      const key = 'call/story.html';
      const pk = pkOf(names.inputBucket, key);
      await stack.clients.s3.send(new PutObjectCommand({ Bucket: names.inputBucket, Key: key, Body: ARTICLE, ContentType: 'text/html' }));
      const owed = await waitForItem(stack.clients.dynamodb, names.table, pk, (i) => i.status === 'done' && i.eventPending !== undefined);
      await waitFor('the record handed back to SQS', async () => recordFailures > 0);
      expect(proxy.stats.byService.events.faulted).toBeGreaterThan(0);
      expect(await drainTail(stack.clients.sqs, stack.resources.eventsTailQueueUrl!, 500)).toEqual([]);

      proxy.configure({ rate: 0 });
      await waitForItem(stack.clients.dynamodb, names.table, pk, (i) => i.eventPending === undefined, 20_000);
      await waitQueueEmpty(stack.clients.sqs, stack.resources.queueUrl, 20_000);
      const events = await drainTail(stack.clients.sqs, stack.resources.eventsTailQueueUrl!);
      expect(events.map((e) => e.event.detail.idempotencyKey)).toEqual([`${pk}#${owed.etag}#${FILTER_VERSION}`]);
      expect(events[0].event.detail.processedAt).toBe(owed.processedAt);
    }, 60_000);
  });
});

describe('winnow tail: what it refuses', () => {
  test.each([
    [['--timeout', '0'], /--timeout must be a number of seconds above 0, not 0/],
    [['--timeout', 'soon'], /--timeout must be a number of seconds above 0, not soon/],
    [['--follow'], /Unknown option '--follow'/],
  ])('%j: usage error, exit 2', async (args, message) => {
    const { code, err, out } = await tail(...args);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(out).toBe('');
  });

  test('nothing at the endpoint: exit 1, saying to start winnow local', async () => {
    const { code, err } = await tail('--endpoint', 'http://127.0.0.1:9', '--once');
    expect(code).toBe(1);
    expect(err).toMatch(/no queue winnow-events-tail at http:\/\/127\.0\.0\.1:9 \(is `winnow local` running\?\)/);
  });
});

test('createHandler refuses events without an EventBridge client (a setup error, before any record)', () => {
  const aws = { region: 'us-east-1' };
  expect(() =>
    createHandler({
      clients: { s3: new S3Client(aws), dynamodb: new DynamoDBClient(aws) },
      config: { outputBucket: 'out', tableName: 'pages', maxInputBytes: DEFAULT_MAX_INPUT_BYTES, events: { busName: 'bus' } },
      logger: new Logger({ serviceName: 'winnow', logLevel: 'SILENT' }),
    }),
  ).toThrow(EventsClientMissingError);
});

test('the Lambda handler sends events when EVENT_BUS_NAME is set (name or ARN), and none without it', () => {
  const base = { OUTPUT_BUCKET: 'out', TABLE_NAME: 'pages' };
  expect(configFromEnv(base).events).toBeUndefined();
  expect(configFromEnv({ ...base, EVENT_BUS_NAME: '  ' }).events).toBeUndefined();
  const arn = 'arn:aws:events:us-east-1:111122223333:event-bus/crawl';
  expect(configFromEnv({ ...base, EVENT_BUS_NAME: arn }).events).toEqual({ busName: arn });
});
