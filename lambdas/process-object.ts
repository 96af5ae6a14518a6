/**
 * One S3 object through the engine: the adapter between AWS and `clean`.
 *
 *   created: [size check] → GetObject → clean → PutObject text + json → PutItem (done)
 *            bad input (the engine's typed errors) → outputs deleted → PutItem (failed)
 *   removed: outputs deleted → PutItem (deleted)
 *
 * AWS errors are thrown: the caller reports the message as a batch item failure and SQS
 * retries it (and, after maxReceiveCount, moves it to the dead-letter queue).
 */
import { DeleteObjectsCommand, GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { PutItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { clean, FILTER_VERSION, isWinnowError, type CleanOptionsInput } from '../engine';
import { deletedItem, doneItem, failedItem, type PageItem } from './item';
import { outputKeys } from './output-keys';
import type { S3ObjectEvent } from './s3-events';

export interface PipelineConfig {
  outputBucket: string;
  tableName: string;
  /** Objects larger than this are failed as TOO_LARGE without being downloaded. */
  maxInputBytes: number;
  engine?: CleanOptionsInput;
}

export interface PipelineClients {
  s3: S3Client;
  dynamodb: DynamoDBClient;
}

export interface ObjectOutcome {
  item: PageItem;
  /** Bytes read from S3 and characters of clean text written. */
  bytesIn: number;
  textChars: number;
}

async function putItem(clients: PipelineClients, config: PipelineConfig, item: PageItem): Promise<void> {
  await clients.dynamodb.send(
    new PutItemCommand({ TableName: config.tableName, Item: marshall(item, { removeUndefinedValues: true }) }),
  );
}

async function deleteOutputs(clients: PipelineClients, config: PipelineConfig, key: string): Promise<void> {
  const keys = outputKeys(key);
  await clients.s3.send(
    new DeleteObjectsCommand({
      Bucket: config.outputBucket,
      Delete: { Objects: [{ Key: keys.text }, { Key: keys.json }], Quiet: true },
    }),
  );
}

function sanitizeMetadata(value: string): string {
  // S3 user metadata travels in HTTP headers: printable ASCII only.
  return value.replace(/[^\x20-\x7e]/g, '?');
}

export async function processObject(
  event: S3ObjectEvent,
  clients: PipelineClients,
  config: PipelineConfig,
): Promise<ObjectOutcome> {
  const started = performance.now();
  const elapsed = () => performance.now() - started;

  if (event.change === 'removed') {
    await deleteOutputs(clients, config, event.key);
    const item = deletedItem(event, elapsed());
    await putItem(clients, config, item);
    return { item, bytesIn: 0, textChars: 0 };
  }

  const fail = async (code: string, message: string, bytesIn: number): Promise<ObjectOutcome> => {
    await deleteOutputs(clients, config, event.key); // no stale output of an earlier version
    const item = failedItem(event, code, message, elapsed());
    await putItem(clients, config, item);
    return { item, bytesIn, textChars: 0 };
  };

  if (event.size !== null && event.size > config.maxInputBytes) {
    return fail('TOO_LARGE', `the object is ${event.size} bytes, over the ${config.maxInputBytes}-byte limit; not downloaded`, 0);
  }

  const object = await clients.s3.send(new GetObjectCommand({ Bucket: event.bucket, Key: event.key }));
  const bytes = object.Body ? await object.Body.transformToByteArray() : new Uint8Array();
  const etag = object.ETag ? object.ETag.replace(/"/g, '') : event.etag;

  let result;
  try {
    result = clean(bytes, { ...config.engine, contentType: object.ContentType ?? config.engine?.contentType });
  } catch (err) {
    if (isWinnowError(err)) return fail(err.code, err.message, bytes.length);
    // A bug in the engine is not transient either: retrying gives the same answer.
    return fail('INTERNAL_ERROR', `the engine failed: ${(err as Error).message}`, bytes.length);
  }

  const keys = outputKeys(event.key);
  const metadata = { 'filter-version': FILTER_VERSION, 'source-etag': sanitizeMetadata(etag ?? '') };
  await clients.s3.send(
    new PutObjectCommand({
      Bucket: config.outputBucket,
      Key: keys.text,
      Body: result.text,
      ContentType: 'text/plain; charset=utf-8',
      Metadata: metadata,
    }),
  );
  await clients.s3.send(
    new PutObjectCommand({
      Bucket: config.outputBucket,
      Key: keys.json,
      Body: JSON.stringify(result),
      ContentType: 'application/json',
      Metadata: metadata,
    }),
  );
  const item = doneItem(event, result, keys, elapsed(), etag, object.ContentLength ?? event.size);
  await putItem(clients, config, item);
  return { item, bytesIn: bytes.length, textChars: result.text.length };
}
