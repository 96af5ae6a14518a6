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
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { EventBridgeClient, type PutEventsCommandOutput, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { DeleteMessageCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { Logger } from '@aws-lambda-powertools/logger';
import type { SQSEvent } from 'aws-lambda';
import { FILTER_VERSION } from '../engine';
import { createHandler, type Handler } from '../lambdas/handler';
import { eventOwed, EventsClientMissingError, PageEventError, sendPageEvents } from '../lambdas/events';
import { configFromEnv, DEFAULT_MAX_INPUT_BYTES } from '../lambdas/clients';
import { pkOf, type PageItem } from '../lambdas/item';
import type { OutputKind } from '../lambdas/output-keys';
import { startFaultProxy, type FaultProxy } from '../local/faults';
import { startLocalStack, type LocalStack } from '../local/stack';
import type { LocalNames } from '../local/resources';
import { startWorker, toSqsRecord, type Worker } from '../local/worker';
import { parseEvent, type WinnowEvent } from '../ops/tail';
import { useMoto } from './support/moto';
import { getItem, s3EventBody, waitFor, waitForItem, waitQueueEmpty } from './support/pipeline';
import { runCli } from './support/cli';

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

/** `winnow tail ARGS` in process. */
const tail = (...args: string[]) => runCli('tail', ...args);

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
    // The item names the message that wrote it: only a redelivery of that message would send the event again.
    expect((await getItem(stack.clients.dynamodb, names.table, pk))?.eventPending).toMatch(/^sqs:./);
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

function handlerFor(stack: LocalStack, eventbridge: EventBridgeClient, outputs?: OutputKind[]): Handler {
  const names = stack.resources.names;
  const aws = { endpoint: stack.endpoint, region: 'us-east-1' };
  return createHandler({
    clients: { s3: new S3Client({ ...aws, forcePathStyle: true }), dynamodb: new DynamoDBClient(aws), eventbridge },
    config: { outputBucket: names.outputBucket, tableName: names.table, maxInputBytes: DEFAULT_MAX_INPUT_BYTES, events: { busName: names.eventBus! }, ...(outputs ? { outputs } : {}) },
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
      expect(owed?.eventPending).toBe('owed');
      expect(await drainTail(stack.clients.sqs, stack.resources.eventsTailQueueUrl!)).toEqual([]);

      // SQS's retry of the same message: the item is current, but its event is owed.
      const retry = await handler(delivery('m1'));
      expect(retry.batchItemFailures).toEqual([]);
      const sent = await drainTail(stack.clients.sqs, stack.resources.eventsTailQueueUrl!);
      expect(sent.map((e) => [e.event['detail-type'], e.event.detail.idempotencyKey])).toEqual([['Page Cleaned', `${pk}#${etag}#${FILTER_VERSION}`]]);
      expect(sent[0].event.detail.processedAt).toBe(owed!.processedAt); // the stored result's event, not a new result
      expect((await getItem(stack.clients.dynamodb, names.table, pk))?.eventPending).toBeUndefined();

      // And a later duplicate (another message) finds nothing owed.
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
      const owed = await waitForItem(stack.clients.dynamodb, names.table, pk, (i) => i.status === 'done' && i.eventPending === 'owed');
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

describe('a batch\'s events go out together (one PutEvents per 10 records)', () => {
  let stack: LocalStack;
  let eventbridge: EventBridgeClient;
  /** Entries of each PutEvents call the handler made, in order. */
  const calls: PutEventsRequestEntry[][] = [];
  /** Detail keys whose entry the next call answers as failed (not sent to moto): what EventBridge does under throttling. */
  let failKeys = new Set<string>();

  beforeAll(async () => {
    stack = await startLocalStack({ endpoint: moto.endpoint, names: namesFor('many'), worker: false, logLevel: 'SILENT' });
    eventbridge = new EventBridgeClient({ endpoint: stack.endpoint, region: 'us-east-1' });
    eventbridge.middlewareStack.add(
      (next) => async (args) => {
        const input = args.input as { Entries: PutEventsRequestEntry[] };
        const entries = input.Entries;
        calls.push(entries);
        const failed = entries.map((e) => failKeys.has((JSON.parse(e.Detail!) as { key: string }).key));
        failKeys = new Set();
        if (!failed.some(Boolean)) return next(args);
        const result = await next({ ...args, input: { ...input, Entries: entries.filter((_, i) => !failed[i]) } });
        const output = result.output as PutEventsCommandOutput;
        const accepted = [...(output.Entries ?? [])];
        output.FailedEntryCount = failed.filter(Boolean).length;
        output.Entries = failed.map((f) => (f ? { ErrorCode: 'ThrottlingException', ErrorMessage: 'injected' } : accepted.shift()!));
        return result;
      },
      { step: 'initialize', name: 'countAndFailEntries' },
    );
  }, 60_000);

  afterAll(async () => {
    eventbridge?.destroy();
    await stack?.stop();
  });

  /** Uploads `keys` (the notifications go to a queue nobody reads) and returns one SQS record per key, message id = key. */
  async function uploads(keys: string[]): Promise<SQSEvent> {
    const names = stack.resources.names;
    const records = await Promise.all(keys.map(async (key) => {
      const put = await stack.clients.s3.send(new PutObjectCommand({ Bucket: names.inputBucket, Key: key, Body: ARTICLE, ContentType: 'text/html' }));
      return record(key, put.ETag!.replace(/"/g, ''));
    }));
    return { Records: records };
  }
  const record = (key: string, etag: string) =>
    toSqsRecord({ MessageId: key, ReceiptHandle: key, Body: s3EventBody('ObjectCreated:Put', stack.resources.names.inputBucket, key, { eTag: etag }) }, 'arn:aws:sqs:us-east-1:123456789012:many-uploads');
  const tailed = async () => (await drainTail(stack.clients.sqs, stack.resources.eventsTailQueueUrl!)).map((e) => e.event.detail.key).sort();

  test('a batch of 10 uploads: 10 events in one PutEvents call', async () => {
    const keys = Array.from({ length: 10 }, (_, i) => `ten/page-${i}.html`);
    const handler = handlerFor(stack, eventbridge);
    calls.length = 0;
    expect((await handler(await uploads(keys))).batchItemFailures).toEqual([]);
    expect(calls.map((c) => c.length)).toEqual([10]);
    expect(await tailed()).toEqual([...keys].sort());
  }, 60_000);

  test('a failed entry sends only its record back; its retry sends one event (in a batch with a new page and the batch output: no record waits on another forever)', async () => {
    const keys = Array.from({ length: 10 }, (_, i) => `fail/page-${i}.html`);
    // The batch output on too: its lines and the events meet at the same rendezvous.
    const handler = handlerFor(stack, eventbridge, ['text', 'json', 'batch']);
    const batch = await uploads(keys);
    calls.length = 0;
    failKeys = new Set([keys[3]]);
    expect((await handler(batch)).batchItemFailures).toEqual([{ itemIdentifier: keys[3] }]);
    expect(calls.map((c) => c.length)).toEqual([10]);
    expect(await tailed()).toEqual(keys.filter((k) => k !== keys[3]).sort());
    const table = stack.resources.names.table;
    const itemOf = (key: string) => getItem(stack.clients.dynamodb, table, pkOf(stack.resources.names.inputBucket, key));
    const owed = (await itemOf(keys[3]))!;
    expect(owed).toMatchObject({ status: 'done', eventPending: 'owed' });
    // The pages whose events went out owe nothing to anyone but a redelivery of their own message.
    expect((await itemOf(keys[4]))?.eventPending).toBe(`sqs:${keys[4]}`);

    // That message redriven from the dead-letter queue (a new message id), in a batch with a new
    // upload: the owed event waits for the new page's batch line, then both events go out.
    calls.length = 0;
    const [fresh] = (await uploads(['fail/new.html'])).Records;
    const retry = await handler({ Records: [{ ...batch.Records[3], messageId: 'redriven-3' }, fresh] });
    expect(retry.batchItemFailures).toEqual([]);
    expect(calls.flat().map((e) => (JSON.parse(e.Detail!) as { key: string }).key).sort()).toEqual(['fail/new.html', keys[3]]);
    const events = await drainTail(stack.clients.sqs, stack.resources.eventsTailQueueUrl!);
    expect(events.map((e) => e.event.detail.key).sort()).toEqual(['fail/new.html', keys[3]]);
    expect(events.find((e) => e.event.detail.key === keys[3])!.event.detail.processedAt).toBe(owed.processedAt);
    expect((await itemOf(keys[3]))?.eventPending).toBeUndefined();

    // A plain duplicate of the whole batch (other message ids): nothing owed, no call.
    calls.length = 0;
    const again = batch.Records.map((r) => ({ ...r, messageId: `dup-${r.messageId}` }));
    expect((await handler({ Records: again })).batchItemFailures).toEqual([]);
    expect(calls).toEqual([]);
    expect(await tailed()).toEqual([]);

    // A redelivery of a message whose result is written (its invocation died before SQS heard
    // back) sends that page's event again: at least once, with the same idempotency key.
    const redelivered = await handler({ Records: [batch.Records[4]] });
    expect(redelivered.batchItemFailures).toEqual([]);
    expect(await tailed()).toEqual([keys[4]]);
  }, 60_000);
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

describe('sendPageEvents: 10 entries to a PutEvents call', () => {
  const item = (i: number): PageItem => ({ pk: `s3://in/p${i}`, bucket: 'in', key: `p${i}`, status: 'done', processedAt: '2026-12-02T10:00:00.000Z', filterVersion: 'v', durationMs: 1, eventName: 'ObjectCreated:Put', etag: `e${i}` });
  /** A client whose answers `answer` gives, per call, from the call's entries. */
  const client = (answer: (keys: string[], call: number) => object | Error) => {
    const calls: string[][] = [];
    const send = async (command: { input: { Entries: PutEventsRequestEntry[] } }) => {
      const keys = command.input.Entries.map((e) => (JSON.parse(e.Detail!) as { key: string }).key);
      calls.push(keys);
      const out = answer(keys, calls.length - 1);
      if (out instanceof Error) throw out;
      return out;
    };
    return { calls, eventbridge: { send } as unknown as EventBridgeClient };
  };
  const settings = ['out', { busName: 'bus' }] as const;

  test('25 events: calls of 10, 10 and 5; a failed call fails only its own entries, a failed entry only itself', async () => {
    const { calls, eventbridge } = client((keys, call) => {
      if (call === 1) return Object.assign(new Error('slow down'), { name: 'ThrottlingException' });
      if (call === 2) return { FailedEntryCount: 1, Entries: keys.map((k) => (k === 'p22' ? { ErrorCode: 'InternalFailure', ErrorMessage: 'injected' } : { EventId: `id-${k}` })) };
      return { FailedEntryCount: 0, Entries: keys.map((k) => ({ EventId: `id-${k}` })) };
    });
    const results = await sendPageEvents(eventbridge, Array.from({ length: 25 }, (_, i) => item(i)), ...settings);
    expect(calls.map((c) => c.length)).toEqual([10, 10, 5]);
    const failed = results.map((r, i) => (r ? [i, r.code] : null)).filter(Boolean);
    expect(failed).toEqual([...Array.from({ length: 10 }, (_, i) => [10 + i, 'ThrottlingException']), [22, 'InternalFailure']]);
    expect(results[22]).toBeInstanceOf(PageEventError);
  });

  test('a failed count without the entries: none of the call\'s events is known to be on the bus', async () => {
    const { eventbridge } = client(() => ({ FailedEntryCount: 1 }));
    const results = await sendPageEvents(eventbridge, [item(1), item(2)], ...settings);
    expect(results.map((r) => r?.code)).toEqual(['FailedEntry', 'FailedEntry']);
  });
});

test('eventOwed: an owed event or a token to any delivery, a message\'s marker to that message only', () => {
  expect(eventOwed(undefined, 'm1')).toBe(false);
  expect(eventOwed('sqs:m1', 'm1')).toBe(true);
  expect(eventOwed('sqs:m1', 'm2')).toBe(false);
  expect(eventOwed('sqs:m1', undefined)).toBe(false);
  expect(eventOwed('owed', 'm2')).toBe(true);
  expect(eventOwed('owed', undefined)).toBe(true);
  expect(eventOwed('lzx1-0a1b2c3d4e5f', 'm2')).toBe(true);
});
