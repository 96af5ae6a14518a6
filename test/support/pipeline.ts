/** Small waiting and reading helpers for tests that drive the local stack on moto. */
import { GetObjectCommand, HeadObjectCommand, type HeadObjectCommandOutput, type S3Client } from '@aws-sdk/client-s3';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { GetItemCommand, ScanCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { isSettled, type PageItem } from '../../lambdas/item';
export { queueDepth } from '../../ops/queue';
import { queueDepth } from '../../ops/queue';

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls `probe` until it returns something truthy; throws `what` on timeout. */
export async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 15_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

export async function getItem(dynamodb: DynamoDBClient, table: string, pk: string): Promise<PageItem | null> {
  const out = await dynamodb.send(new GetItemCommand({ TableName: table, Key: { pk: { S: pk } }, ConsistentRead: true }));
  return out.Item ? (unmarshall(out.Item) as PageItem) : null;
}

/** Waits for the item of `pk` to satisfy `accept` (by default: to hold a result, not a claim). */
export function waitForItem(
  dynamodb: DynamoDBClient,
  table: string,
  pk: string,
  accept: (item: PageItem) => boolean = isSettled,
  timeoutMs = 15_000,
): Promise<PageItem> {
  return waitFor(`the item ${pk}`, async () => {
    const item = await getItem(dynamodb, table, pk);
    return item && accept(item) ? item : null;
  }, timeoutMs);
}

export async function scanAll(dynamodb: DynamoDBClient, table: string): Promise<PageItem[]> {
  const items: PageItem[] = [];
  let start: Record<string, never> | undefined;
  do {
    const out = await dynamodb.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start, ConsistentRead: true }));
    for (const it of out.Items ?? []) items.push(unmarshall(it) as PageItem);
    start = out.LastEvaluatedKey as Record<string, never> | undefined;
  } while (start);
  return items;
}


/** Waits until every message on the queue has been deleted (none visible, none in flight). */
export async function waitQueueEmpty(sqs: SQSClient, queueUrl: string, timeoutMs = 15_000): Promise<void> {
  await waitFor(`the queue ${queueUrl.split('/').pop()} to be empty`, async () => (await queueDepth(sqs, queueUrl)) === 0, timeoutMs, 100);
}

export async function head(s3: S3Client, bucket: string, key: string): Promise<HeadObjectCommandOutput | null> {
  try {
    return await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
  } catch (err) {
    const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
    if (e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404) return null;
    throw err;
  }
}

export async function readObject(s3: S3Client, bucket: string, key: string): Promise<Buffer> {
  const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return Buffer.from(await out.Body!.transformToByteArray());
}

/** A key as real S3 writes it into an event notification: form-encoded, `/` left as is. */
export function s3EventKey(key: string): string {
  return encodeURIComponent(key).replace(/%20/g, '+').replace(/%2F/g, '/');
}

/**
 * The message body real S3 sends to SQS for one object event (the documented event
 * notification structure, version 2.1).
 */
export function s3EventBody(eventName: string, bucket: string, key: string, object: { size?: number; eTag?: string } = {}): string {
  return JSON.stringify({
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: 'us-east-1',
        eventTime: new Date().toISOString(),
        eventName,
        userIdentity: { principalId: 'AWS:AIDAEXAMPLE' },
        requestParameters: { sourceIPAddress: '127.0.0.1' },
        responseElements: { 'x-amz-request-id': 'C3D13FE58DE4C810', 'x-amz-id-2': 'FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD' },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'winnow-uploads',
          bucket: { name: bucket, ownerIdentity: { principalId: 'A3NL1KOZZKExample' }, arn: `arn:aws:s3:::${bucket}` },
          object: { key: s3EventKey(key), ...object, sequencer: '0055AED6DCD90281E5' },
        },
      },
    ],
  });
}
