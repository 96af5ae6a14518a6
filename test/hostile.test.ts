/**
 * Hostile inputs through the whole local pipeline (real moto, real S3 notifications, the
 * worker and the Lambda handler): each ends with a `failed` item carrying its code, nothing
 * crashes, and a good page uploaded among them is cleaned as usual. Keys with spaces, `+`,
 * `%`, unicode and 1,024 bytes long are recorded under their decoded key.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { pkOf } from '../lambdas/item';
import { startLocalStack, type LocalStack } from '../local/stack';
import { HOSTILE_INPUTS } from './support/hostile-inputs';
import { useMoto } from './support/moto';
import { head, queueDepth, waitForItem } from './support/pipeline';

jest.setTimeout(300_000);

const moto = useMoto();
let stack: LocalStack;

beforeAll(async () => {
  stack = await startLocalStack({ endpoint: moto.endpoint, logLevel: 'SILENT' });
}, 60_000);

afterAll(async () => {
  await stack?.stop();
});

const put = (key: string, body: Buffer, contentType = 'text/html') =>
  stack.clients.s3.send(new PutObjectCommand({ Bucket: stack.resources.names.inputBucket, Key: key, Body: body, ContentType: contentType }));

const itemOf = (key: string, timeoutMs = 120_000) =>
  waitForItem(stack.clients.dynamodb, stack.resources.names.table, pkOf(stack.resources.names.inputBucket, key), undefined, timeoutMs);

test('every hostile input ends as a failed item with its code; a good page among them is done', async () => {
  const good = readFileSync(join(__dirname, '../examples/news-article.html'));
  for (const input of HOSTILE_INPUTS.slice(0, 6)) await put(input.key, await input.body(), input.contentType);
  await put('hostile/good.html', good);
  for (const input of HOSTILE_INPUTS.slice(6)) await put(input.key, await input.body(), input.contentType);

  for (const input of HOSTILE_INPUTS) {
    const item = await itemOf(input.key);
    expect({ name: input.name, status: item.status }).toEqual({ name: input.name, status: 'failed' });
    expect(input.codes).toContain(item.errorCode);
    expect(item.errorMessage).toEqual(expect.any(String));
    expect(await head(stack.clients.s3, stack.resources.names.outputBucket, `text/${input.key.replace(/\.gz$/, '')}`)).toBeNull();
  }
  const huge = await itemOf('hostile/huge.html');
  expect(huge.errorMessage).toContain('not downloaded');

  const goodItem = await itemOf('hostile/good.html');
  expect(goodItem.status).toBe('done');
  expect(goodItem.title).toBe('City council approves new cycle lanes');
  expect(await queueDepth(stack.clients.sqs, stack.resources.deadLetterQueueUrl)).toBe(0);
});

test('keys with spaces, +, %, unicode and 1,024 bytes long are recorded under the decoded key', async () => {
  const body = readFileSync(join(__dirname, '../examples/wordpress-post.html'));
  const long = `deep/${'ä'.repeat(300)}/${'k'.repeat(1024 - 5 - 600 - 1 - 5)}.html`;
  expect(Buffer.byteLength(long)).toBe(1024);
  const keys = ['odd/a b+c%20d 100%.html', 'odd/ünïcødé 日本語 😀.html', long];
  for (const key of keys) await put(key, body);
  for (const key of keys) {
    const item = await itemOf(key);
    expect(item).toMatchObject({ status: 'done', key, pk: pkOf(stack.resources.names.inputBucket, key), textKey: `text/${key}` });
    expect(await head(stack.clients.s3, stack.resources.names.outputBucket, `text/${key}`)).not.toBeNull();
  }
});
