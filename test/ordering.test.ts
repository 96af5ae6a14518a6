/**
 * Nothing lost, nothing doubled: real S3 event messages (captured from moto's notifications)
 * replayed to the handler twice and out of order, and real-S3-shaped messages with sequencers
 * of different lengths. The table and the outputs must equal those of a clean run.
 */
import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { DeleteMessageCommand, ReceiveMessageCommand, type Message } from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import { clean, FILTER_VERSION } from '../engine';
import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { clientsFromEnv, DEFAULT_MAX_INPUT_BYTES } from '../lambdas/clients';
import { pkOf } from '../lambdas/item';
import { ObjectBusyError, processObject } from '../lambdas/process-object';
import { parseMessageBody, type S3ObjectEvent } from '../lambdas/s3-events';
import { startLocalStack, type LocalStack } from '../local/stack';
import { toSqsRecord } from '../local/worker';
import { useMoto } from './support/moto';
import { getItem, head, readObject, s3EventBody, s3EventKey, waitForItem } from './support/pipeline';

jest.setTimeout(120_000);

const moto = useMoto();
let stack: LocalStack;

beforeAll(async () => {
  // No worker: the test holds the messages and decides when, and in what order, they arrive.
  stack = await startLocalStack({ endpoint: moto.endpoint, logLevel: 'SILENT', worker: false });
}, 60_000);

afterAll(async () => {
  await stack?.stop();
});

const page = (title: string, words: string) =>
  `<html><head><title>${title}</title></head><body><article><h1>${title}</h1>` +
  [1, 2, 3].map((i) => `<p>Paragraph ${i} of version ${words}: the harbour council met again on Tuesday and agreed, after a long debate, to repair the old bridge before winter.</p>`).join('') +
  `</article></body></html>`;

async function put(key: string, body: string): Promise<string> {
  const out = await stack.clients.s3.send(new PutObjectCommand({ Bucket: stack.resources.names.inputBucket, Key: key, Body: body, ContentType: 'text/html' }));
  return out.ETag!.replace(/"/g, '');
}

/** The notification messages moto sent for `key`, in the order they arrived, removed from the queue. */
async function messagesFor(key: string, count: number): Promise<Message[]> {
  const found: Message[] = [];
  const deadline = Date.now() + 20_000;
  while (found.length < count && Date.now() < deadline) {
    const out = await stack.clients.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: stack.resources.queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1, MessageSystemAttributeNames: ['All'] }),
    );
    for (const m of out.Messages ?? []) {
      await stack.clients.sqs.send(new DeleteMessageCommand({ QueueUrl: stack.resources.queueUrl, ReceiptHandle: m.ReceiptHandle! }));
      const parsed = parseMessageBody(m.Body ?? '');
      if (parsed.type === 'objects' && parsed.events.some((e) => e.key === key)) found.push(m);
    }
  }
  expect(found).toHaveLength(count);
  return found;
}

async function deliver(...messages: Message[]): Promise<void> {
  const event: SQSEvent = { Records: messages.map((m) => toSqsRecord(m, 'arn:aws:sqs:local:000000000000:winnow-uploads')) };
  const response = await stack.handler(event);
  expect(response.batchItemFailures).toEqual([]);
}

const itemOf = async (key: string) => (await getItem(stack.clients.dynamodb, stack.resources.names.table, pkOf(stack.resources.names.inputBucket, key)))!;
const textOf = (key: string) => readObject(stack.clients.s3, stack.resources.names.outputBucket, `text/${key}`).then((b) => b.toString('utf8'));
const jsonOf = (key: string) => readObject(stack.clients.s3, stack.resources.names.outputBucket, `json/${key}.json`).then((b) => b.toString('utf8'));

/** What a clean run gives: the engine's output for the object's final content. */
function expectCleanRun(text: string, json: string, finalBody: string): void {
  const expected = clean(Buffer.from(finalBody), { contentType: 'text/html' });
  expect(text).toBe(expected.text);
  expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(expected)));
}

test('an overwrite whose events arrive newest first, then again: the newest version stands, written once', async () => {
  const key = 'order/overwrite.html';
  const v1 = page('Version one', 'one');
  const v2 = page('Version two', 'two');
  await put(key, v1);
  const etag2 = await put(key, v2);
  const [m1, m2] = await messagesFor(key, 2);

  await deliver(m2); // the newer event first
  const first = await itemOf(key);
  expect(first).toMatchObject({ status: 'done', etag: etag2, title: 'Version two', filterVersion: FILTER_VERSION });
  const textHead = await head(stack.clients.s3, stack.resources.names.outputBucket, `text/${key}`);

  await deliver(m1); // the older event late: skipped, nothing overwritten
  await deliver(m2, m2); // the newer event twice more: duplicates, nothing rewritten
  const after = await itemOf(key);
  expect(after).toEqual(first);
  const textHeadAfter = await head(stack.clients.s3, stack.resources.names.outputBucket, `text/${key}`);
  expect(textHeadAfter?.ETag).toBe(textHead?.ETag);
  expect(textHeadAfter?.LastModified).toEqual(textHead?.LastModified);
  expectCleanRun(await textOf(key), await jsonOf(key), v2);
});

test('delete then re-create, events in any order: the re-created page stands', async () => {
  const orders: [string, (ms: Message[]) => Message[]][] = [
    ['in order', ([c1, d, c2]) => [c1!, d!, c2!]],
    ['reversed', ([c1, d, c2]) => [c2!, d!, c1!]],
    ['delete first', ([c1, d, c2]) => [d!, c1!, c2!]],
    ['create, create, delete', ([c1, d, c2]) => [c1!, c2!, d!]],
  ];
  for (const [name, reorder] of orders) {
    const key = `order/recreate ${name}.html`;
    const v1 = page('Before the deletion', 'before');
    const v2 = page('After the deletion', 'after');
    await put(key, v1);
    await stack.clients.s3.send(new DeleteObjectCommand({ Bucket: stack.resources.names.inputBucket, Key: key }));
    const etag2 = await put(key, v2);
    const messages = await messagesFor(key, 3);
    expect(messages.map((m) => parseMessageBody(m.Body!).type === 'objects' && (parseMessageBody(m.Body!) as { events: { change: string }[] }).events[0]!.change)).toEqual(['created', 'removed', 'created']);
    for (const m of reorder(messages)) await deliver(m);
    const item = await itemOf(key);
    expect({ name, status: item.status, etag: item.etag, title: item.title }).toEqual({ name, status: 'done', etag: etag2, title: 'After the deletion' });
    expectCleanRun(await textOf(key), await jsonOf(key), v2);
  }
});

test('events with sequencers (real S3): older never overwrites newer, even when its sequencer is shorter', async () => {
  const key = 'order/sequenced.html';
  const v1 = page('Sequenced one', 'first');
  const v2 = page('Sequenced two', 'second');
  const etag1 = await put(key, v1);
  await messagesFor(key, 1);
  const etag2 = await put(key, v2);
  await messagesFor(key, 1);
  const body = (etag: string, sequencer: string) =>
    JSON.stringify({
      Records: [
        {
          eventVersion: '2.1', eventSource: 'aws:s3', awsRegion: 'us-east-1', eventTime: new Date().toISOString(), eventName: 'ObjectCreated:Put',
          s3: { s3SchemaVersion: '1.0', bucket: { name: stack.resources.names.inputBucket }, object: { key: s3EventKey(key), size: 100, eTag: etag, sequencer } },
        },
      ],
    });
  // 'FF' (older) is shorter than '0100' (newer): only a padded comparison orders them right.
  const older: Message = { MessageId: 'older', ReceiptHandle: 'r1', Body: body(etag1, 'FF') };
  const newer: Message = { MessageId: 'newer', ReceiptHandle: 'r2', Body: body(etag2, '0100') };
  await deliver(newer);
  await deliver(older);
  await deliver(newer);
  const item = await itemOf(key);
  expect(item).toMatchObject({ status: 'done', etag: etag2, sequencer: '0100', title: 'Sequenced two' });
  expectCleanRun(await textOf(key), await jsonOf(key), v2);
});

describe('sequencer comparison', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { isOlder, sequencerKey } = require('../lambdas/ordering') as typeof import('../lambdas/ordering');
  test('hex sequencers of different length compare as numbers', () => {
    expect(isOlder(sequencerKey('FF'), sequencerKey('0100'))).toBe(true);
    expect(isOlder(sequencerKey('0100'), sequencerKey('FF'))).toBe(false);
    expect(isOlder(sequencerKey('0055AED6DCD90281E5'), sequencerKey('0055AED6DCD90281E6'))).toBe(true);
    expect(isOlder(sequencerKey('55aed6dcd90281e5'), sequencerKey('0055AED6DCD90281E5'))).toBe(false);
    expect(sequencerKey('ff')).toBe(sequencerKey('00FF'));
  });
  test('no sequencer on either side orders nothing', () => {
    expect(isOlder(undefined, sequencerKey('01'))).toBe(false);
    expect(isOlder(sequencerKey('01'), undefined)).toBe(false);
  });
});

test('with too little time left in the invocation, records are reported for SQS to retry, not started', async () => {
  const key = 'order/late.html';
  await put(key, page('Late page', 'late'));
  const [message] = await messagesFor(key, 1);
  const event: SQSEvent = { Records: [toSqsRecord(message!, 'arn:aws:sqs:local:000000000000:winnow-uploads')] };
  const response = await stack.handler(event, { getRemainingTimeInMillis: () => 1_000 });
  expect(response.batchItemFailures).toEqual([{ itemIdentifier: message!.MessageId }]);
  expect(await getItem(stack.clients.dynamodb, stack.resources.names.table, pkOf(stack.resources.names.inputBucket, key))).toBeNull();
  // Given the time, the same record goes through.
  const retry = await stack.handler(event, { getRemainingTimeInMillis: () => 60_000 });
  expect(retry.batchItemFailures).toEqual([]);
  expect((await itemOf(key)).status).toBe('done');
});

describe('two copies of one message at the same moment (at-least-once delivery)', () => {
  /** The pipeline's clients with the input reads counted, and its config. */
  function countingPipeline() {
    const clients = clientsFromEnv();
    const reads: string[] = [];
    clients.s3.middlewareStack.add(
      (next, context) => async (args) => {
        const input = args.input as { Bucket?: string; Key?: string };
        if (context.commandName === 'GetObjectCommand' && input.Bucket === stack.resources.names.inputBucket) reads.push(input.Key!);
        return next(args);
      },
      { step: 'initialize', name: 'countInputReads' },
    );
    const config = { outputBucket: stack.resources.names.outputBucket, tableName: stack.resources.names.table, maxInputBytes: DEFAULT_MAX_INPUT_BYTES };
    return { clients, reads, config, destroy: () => Object.values(clients).forEach((c) => c.destroy()) };
  }

  async function eventFor(key: string): Promise<S3ObjectEvent> {
    const [message] = await messagesFor(key, 1);
    const parsed = parseMessageBody(message!.Body!);
    if (parsed.type !== 'objects') throw new Error('not an object event');
    return parsed.events[0]!;
  }

  test('a second copy arriving while the first is at work: not read; handed back to SQS (or, if the result is in, skipped)', async () => {
    const key = 'order/twice at once.html';
    const body = page('Twice at once', 'twin');
    await put(key, body);
    const event = await eventFor(key);
    const p = countingPipeline();
    const first = processObject(event, p.clients, p.config);
    // The second copy comes once the first has claimed the object. (Not at the very same
    // instant: moto's conditional writes are not atomic under concurrent requests, DynamoDB's are.)
    await waitForItem(stack.clients.dynamodb, stack.resources.names.table, pkOf(stack.resources.names.inputBucket, key), (i) => i.status !== undefined, 5_000);
    const second = await processObject(event, p.clients, p.config).then(
      (o) => (o.skipped ? `skipped ${o.skipReason}` : `cleaned ${o.item.status}`),
      (err: unknown) => (err instanceof ObjectBusyError ? 'busy' : String(err)),
    );
    expect((await first).item.status).toBe('done');
    expect(second).toMatch(/^busy$|^skipped already done for ETag/);
    expect(p.reads).toEqual([key]);
    // SQS's retry of the busy copy finds the result.
    expect(await processObject(event, p.clients, p.config)).toMatchObject({ skipped: 'duplicate', skipReason: expect.stringMatching(/already done/) });
    expect(p.reads).toEqual([key]);
    const item = await itemOf(key);
    expect(item.status).toBe('done');
    expect(item).not.toHaveProperty('claimToken'); // the result replaced the claim
    expectCleanRun(await textOf(key), await jsonOf(key), body);
    p.destroy();
  });

  test('a live claim held by another invocation: not read, handed back to SQS; the new object\'s item says processing', async () => {
    const key = 'order/claimed elsewhere.html';
    await put(key, page('Claimed elsewhere', 'claimed'));
    const event = await eventFor(key);
    const pk = { pk: { S: pkOf(stack.resources.names.inputBucket, key) } };
    await stack.clients.dynamodb.send(new UpdateItemCommand({
      TableName: stack.resources.names.table,
      Key: pk,
      UpdateExpression: 'SET #s = :p, claimToken = :t, claimEtag = :e, claimUntil = :u',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':p': { S: 'processing' }, ':t': { S: 'elsewhere' }, ':e': { S: event.etag! }, ':u': { N: String(Date.now() + 60_000) } },
    }));
    // Through the handler: the record is reported for SQS to retry, not acknowledged.
    const body = s3EventBody('ObjectCreated:Put', stack.resources.names.inputBucket, key, { eTag: event.etag! });
    const response = await stack.handler({ Records: [toSqsRecord({ MessageId: 'm-busy', Body: body }, 'arn:aws:sqs:local:000000000000:q')] });
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'm-busy' }]);
    const p = countingPipeline();
    await expect(processObject(event, p.clients, p.config)).rejects.toThrow(ObjectBusyError);
    expect(p.reads).toEqual([]);
    expect(await itemOf(key)).toMatchObject({ status: 'processing', claimToken: 'elsewhere' });
    p.destroy();
  });

  test('a claim given up on an error does not hold back the retry; an expired one does not either', async () => {
    const key = 'order/retried.html';
    await put(key, page('Retried', 'retry'));
    const event = await eventFor(key);
    const p = countingPipeline();
    // An AWS error after the claim (the output bucket does not exist): thrown, the claim given up
    // (for an object seen for the first time: its `processing` item deleted).
    await expect(processObject(event, p.clients, { ...p.config, outputBucket: 'no-such-output-bucket' })).rejects.toThrow();
    expect(await getItem(stack.clients.dynamodb, stack.resources.names.table, pkOf(stack.resources.names.inputBucket, key))).toBeNull();
    // A claim left behind by an invocation that died, its lease run out.
    await stack.clients.dynamodb.send(new UpdateItemCommand({
      TableName: stack.resources.names.table,
      Key: { pk: { S: pkOf(stack.resources.names.inputBucket, key) } },
      UpdateExpression: 'SET claimToken = :t, claimEtag = :e, claimUntil = :u',
      ExpressionAttributeValues: { ':t': { S: 'dead' }, ':e': { S: event.etag! }, ':u': { N: String(Date.now() - 1) } },
    }));
    const outcome = await processObject(event, p.clients, p.config);
    expect(outcome.skipped).toBeUndefined();
    expect((await itemOf(key)).status).toBe('done');
    expect(p.reads).toEqual([key, key]);
    // A result already recorded keeps it while a later claim on it is given up on an error.
    await expect(processObject({ ...event, force: true }, p.clients, { ...p.config, outputBucket: 'no-such-output-bucket' })).rejects.toThrow();
    const kept = await itemOf(key);
    expect(kept.status).toBe('done');
    expect(kept).not.toHaveProperty('claimToken');
    p.destroy();
  });
});
