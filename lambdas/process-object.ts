/**
 * One S3 object through the engine: the adapter between AWS and `clean`.
 *
 *   created: stale or duplicate? (stored item, HeadObject) → skip
 *            claim this version for this invocation (a short lease on the item); another
 *            invocation holds it (a second copy of the message, delivered at once) → retry later
 *            [size check] → GetObject (If-Match the ETag just seen) → clean
 *            → PutObject text + json → [batch output: the line, in its batch's object]
 *            → PutItem (done), conditional on not going backwards
 *            bad input (the engine's typed errors) → outputs deleted → PutItem (failed)
 *            nothing article-like → JSON only → PutItem (failed, NO_CONTENT)
 *   removed: the object exists again, or a newer event is recorded → skip
 *            outputs deleted → PutItem (deleted)
 *   then, with events on: the result's event on the bus (from the handler, with the rest of its
 *   batch's), or a duplicate's whose event is still owed (lambdas/events.ts)
 *
 * AWS errors are thrown: the caller reports the message as a batch item failure and SQS
 * retries it (and, after maxReceiveCount, moves it to the dead-letter queue).
 */
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import {
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { clean, FILTER_VERSION, isWinnowError, toMarkdown, type CleanOptionsInput } from '../engine';
import { isConditionFailed } from './conditions';
import { deletedItem, doneItem, failedItem, isCurrent, isSettled, pkOf, type PageItem } from './item';
import { deliverBatchedPageEvent, deliverPageEvent, eventOwed, EventsClientMissingError, pendingEventMarker } from './events';
import type { PageEventSink } from './event-batch';
import type { EventsConfig } from './page-event';
import { isOlder, sequencerKey } from './ordering';
import { DEFAULT_OUTPUTS, outputKeys, type OutputKind } from './output-keys';
import { s3BatchWriter, singleLineSink, type BatchLineSink } from './batch-output';
import type { S3ObjectEvent } from './s3-events';

/** Thrown when the Lambda's remaining time is too short to finish a record: SQS retries it. */
export class TimeBudgetError extends Error {
  constructor(remainingMs: number) {
    super(`only ${remainingMs} ms left in this invocation: the record is left for SQS to retry`);
    this.name = 'TimeBudgetError';
  }
}

/**
 * Thrown when another invocation holds a live claim on the object (a second copy of the message
 * delivered at the same moment): SQS retries the record after its visibility timeout, by when
 * the other invocation has written the result (this one is then skipped as a duplicate) or its
 * lease has run out (this one does the work). Acknowledging it instead could lose the page if
 * the other invocation died.
 */
export class ObjectBusyError extends Error {
  constructor(key: string, etag: string | null) {
    super(`another invocation is cleaning ${key} (ETag ${etag}) right now: the record is left for SQS to retry`);
    this.name = 'ObjectBusyError';
  }
}

export interface PipelineConfig {
  outputBucket: string;
  tableName: string;
  /** Stop starting work on a record when less than this is left of the invocation. */
  minRemainingMs?: number;
  /** Objects larger than this are failed as TOO_LARGE without being downloaded. */
  maxInputBytes: number;
  engine?: CleanOptionsInput;
  /** Which outputs are written: text/<key>, md/<key>.md, json/<key>.json, batch (batches/…jsonl.gz). Default text and json. */
  outputs?: readonly OutputKind[];
  /**
   * Longest lease of an object's claim (ms); it also ends with the invocation. It must not
   * outlast the queue's visibility timeout, so that a retried message never meets a dead
   * invocation's claim (in Lambda the timeout is below it anyway). Default 60,000.
   */
  maxClaimMs?: number;
  /**
   * The filter version to compare stored items with and to record. Tests only (a "bumped"
   * version without editing the constant); the handler never sets it, so it is FILTER_VERSION.
   */
  filterVersion?: string;
  /** Put an event per result on this EventBridge bus (lambdas/events.ts); no events when unset. */
  events?: EventsConfig;
}

export interface PipelineClients {
  s3: S3Client;
  dynamodb: DynamoDBClient;
  /** Needed when `config.events` is set. */
  eventbridge?: EventBridgeClient;
}

export interface ObjectOutcome {
  item: PageItem;
  /** Set when nothing was written: a repeat of an event already handled, or an event older than the stored result. */
  skipped?: 'duplicate' | 'stale';
  /** Why it was skipped. */
  skipReason?: string;
  /** Bytes read from S3 and characters of clean text written. */
  bytesIn: number;
  textChars: number;
  /** The page's event was put on the bus by this call (a new result, or one whose event was still pending). */
  eventSent?: boolean;
}

/**
 * Writes the item unless the stored one is newer: by sequencer when the event has one, else by
 * the source's LastModified. Returns false when the stored item won.
 */
async function putItem(clients: PipelineClients, config: PipelineConfig, item: PageItem, messageId: string | undefined): Promise<boolean> {
  // The result's event is owed until PutEvents succeeds: a retry reads this marker (lambdas/events.ts).
  if (config.events) item.eventPending = pendingEventMarker(messageId);
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  let condition: string | undefined;
  if (item.sequencerKey) {
    condition = 'attribute_not_exists(#seq) OR #seq <= :seq';
    names['#seq'] = 'sequencerKey';
    values[':seq'] = item.sequencerKey;
  } else if (item.sourceLastModified) {
    condition = 'attribute_not_exists(#lm) OR #lm <= :lm';
    names['#lm'] = 'sourceLastModified';
    values[':lm'] = item.sourceLastModified;
  }
  try {
    await clients.dynamodb.send(
      new PutItemCommand({
        TableName: config.tableName,
        Item: marshall(item, { removeUndefinedValues: true }),
        ...(condition
          ? { ConditionExpression: condition, ExpressionAttributeNames: names, ExpressionAttributeValues: marshall(values) }
          : {}),
      }),
    );
    return true;
  } catch (err) {
    if (isConditionFailed(err)) return false;
    throw err;
  }
}

/**
 * Claims the object's version for this invocation: SQS (and S3's notifications) deliver at least
 * once, and two copies of one message can reach two invocations at the same moment, each of
 * which would find no result yet and read the page. The claim is three attributes on the item,
 * set only if no live claim of the same ETag exists; the result's PutItem replaces the whole item
 * and so clears it. The lease ends with the invocation: SQS redelivers a failed message only
 * after the visibility timeout, which is longer, so a retry never meets its own stale claim.
 * Returns the claim's token, or why it was refused.
 */
async function claimObject(
  clients: PipelineClients,
  config: PipelineConfig,
  event: S3ObjectEvent,
  etag: string,
  filterVersion: string,
  leaseMs: number,
): Promise<{ token: string } | { refused: 'busy' } | { refused: 'current'; status: string }> {
  const token = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  const now = Date.now();
  try {
    await clients.dynamodb.send(
      new UpdateItemCommand({
        TableName: config.tableName,
        Key: { pk: { S: pkOf(event.bucket, event.key) } },
        // An object seen for the first time gets an item that says `processing`; an earlier
        // result stays as it is until this one replaces it.
        UpdateExpression: 'SET claimToken = :token, claimEtag = :etag, claimUntil = :until, '
          + '#status = if_not_exists(#status, :processing), #bucket = if_not_exists(#bucket, :bucket), #key = if_not_exists(#key, :key)',
        // `claimToken = :token`: an SDK retry of this very call, whose first answer was lost.
        // The result may have been written since this invocation read the item: then there is
        // nothing to claim (unless forced).
        ConditionExpression: '(attribute_not_exists(claimUntil) OR claimUntil < :now OR claimEtag <> :etag OR claimToken = :token)'
          + (event.force ? '' : ' AND NOT (#status IN (:done, :failed) AND #etag = :etag AND #fv = :fv)'),
        ExpressionAttributeNames: { '#status': 'status', '#bucket': 'bucket', '#key': 'key', ...(event.force ? {} : { '#etag': 'etag', '#fv': 'filterVersion' }) },
        ExpressionAttributeValues: marshall({
          ':token': token, ':etag': etag, ':until': now + leaseMs, ':now': now, ':processing': 'processing', ':bucket': event.bucket, ':key': event.key,
          ...(event.force ? {} : { ':done': 'done', ':failed': 'failed', ':fv': filterVersion }),
        }),
      }),
    );
    return { token };
  } catch (err) {
    if (!isConditionFailed(err)) throw err;
    // Why the claim was refused: a live claim elsewhere, or the result written meanwhile.
    const item = await storedItem(clients, config, event);
    return !event.force && isCurrent(item, etag, filterVersion) ? { refused: 'current', status: item!.status } : { refused: 'busy' };
  }
}

/**
 * Gives a claim up (best effort) when the work stopped without writing a result, so that a retry
 * need not wait for the lease: the claim's own `processing` item is deleted, an earlier result
 * loses only the claim.
 */
async function releaseClaim(clients: PipelineClients, config: PipelineConfig, event: S3ObjectEvent, token: string, stored: PageItem | null): Promise<void> {
  const key = { pk: { S: pkOf(event.bucket, event.key) } };
  const mine = { ConditionExpression: 'claimToken = :token', ExpressionAttributeValues: marshall({ ':token': token }) };
  try {
    await clients.dynamodb.send(
      isSettled(stored)
        ? new UpdateItemCommand({ TableName: config.tableName, Key: key, UpdateExpression: 'REMOVE claimToken, claimEtag, claimUntil', ...mine })
        : new DeleteItemCommand({ TableName: config.tableName, Key: key, ...mine }),
    );
  } catch {
    /* the lease runs out on its own */
  }
}

async function storedItem(clients: PipelineClients, config: PipelineConfig, event: S3ObjectEvent): Promise<PageItem | null> {
  const out = await clients.dynamodb.send(
    new GetItemCommand({ TableName: config.tableName, Key: { pk: { S: pkOf(event.bucket, event.key) } }, ConsistentRead: true }),
  );
  return out.Item ? (unmarshall(out.Item) as PageItem) : null;
}

interface Head {
  etag: string | null;
  lastModified: string | null;
  size: number | null;
}

/** The object as it is now, or null when it is gone. */
async function headObject(clients: PipelineClients, event: S3ObjectEvent): Promise<Head | null> {
  try {
    const head = await clients.s3.send(new HeadObjectCommand({ Bucket: event.bucket, Key: event.key }));
    return {
      etag: head.ETag ? head.ETag.replace(/"/g, '') : null,
      lastModified: head.LastModified ? head.LastModified.toISOString() : null,
      size: head.ContentLength ?? null,
    };
  } catch (err) {
    const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
    if (e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404) return null;
    throw err;
  }
}

async function deleteOutputs(clients: PipelineClients, config: PipelineConfig, key: string): Promise<void> {
  const keys = outputKeys(key);
  await clients.s3.send(
    new DeleteObjectsCommand({
      Bucket: config.outputBucket,
      Delete: { Objects: [{ Key: keys.text }, { Key: keys.json }, { Key: keys.markdown }], Quiet: true },
    }),
  );
}

/** A `url` user metadata value the engine may use: an absolute http(s) URL, at most 2,048 characters. */
function sanitizedUrl(value: string | undefined): string | undefined {
  const url = value?.trim();
  return url && url.length <= 2048 && /^https?:\/\/\S+$/i.test(url) ? url : undefined;
}

function sanitizeMetadata(value: string): string {
  // S3 user metadata travels in HTTP headers: printable ASCII only.
  return value.replace(/[^\x20-\x7e]/g, '?');
}

/** With the `batch` output, the result's line goes out (with its batch) before its item: batch-output.ts. */
async function addBatchLine(sink: BatchLineSink | undefined, item: PageItem, text?: string): Promise<void> {
  if (sink) item.batchKey = await sink(item, text);
}

/** Nothing written: the stored item stands (or, with none, the record of a deletion). */
function skipped(event: S3ObjectEvent, stored: PageItem | null, elapsedMs: number, kind: 'duplicate' | 'stale', reason: string): ObjectOutcome {
  return { item: stored ?? deletedItem(event, elapsedMs), skipped: kind, skipReason: reason, bytesIn: 0, textChars: 0 };
}

/** What the SQS handler adds when it runs processObject for a record of a batch. */
export interface BatchContext {
  /** The record's SQS message id: the item's `eventPending` names it (lambdas/events.ts). */
  messageId?: string;
  /** The batch's lines (BatchLines); without them, the `batch` output writes an object per result. */
  lines?: BatchLineSink;
  /** The batch's events (BatchEvents); without them, the event is put on its own. */
  events?: PageEventSink;
}

export async function processObject(
  event: S3ObjectEvent,
  clients: PipelineClients,
  config: PipelineConfig,
  remainingMs: () => number = () => Infinity,
  batch: BatchContext = {},
): Promise<ObjectOutcome> {
  const outcome = await recordObject(event, clients, config, remainingMs, batch);
  // A new result's event, or one a failed PutEvents left pending (a retry finds the item current
  // and would otherwise skip it as a duplicate); never one for a plain duplicate or a stale event.
  const owed = !outcome.skipped || (outcome.skipped === 'duplicate' && eventOwed(outcome.item.eventPending, batch.messageId));
  if (config.events && owed) {
    if (!clients.eventbridge) throw new EventsClientMissingError();
    if (batch.events) {
      await deliverBatchedPageEvent(clients.dynamodb, batch.events, outcome.item, config.tableName);
    } else {
      await deliverPageEvent({ eventbridge: clients.eventbridge, dynamodb: clients.dynamodb }, outcome.item, { ...config, events: config.events });
    }
    outcome.eventSent = true;
  }
  return outcome;
}

/** The object's result written to the table (or why nothing was), before its event. */
async function recordObject(
  event: S3ObjectEvent,
  clients: PipelineClients,
  config: PipelineConfig,
  remainingMs: () => number,
  { lines, messageId }: BatchContext,
): Promise<ObjectOutcome> {
  const batch = lines ?? ((config.outputs ?? DEFAULT_OUTPUTS).includes('batch') ? singleLineSink(s3BatchWriter(clients.s3, config.outputBucket)) : undefined);
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const checkTime = () => {
    const left = remainingMs();
    if (left < (config.minRemainingMs ?? 0)) throw new TimeBudgetError(Math.round(left));
  };
  checkTime();
  const filterVersion = config.filterVersion ?? FILTER_VERSION;
  const eventSeq = sequencerKey(event.sequencer);
  const stored = await storedItem(clients, config, event);
  const skip = (kind: 'duplicate' | 'stale', reason: string) => skipped(event, stored, elapsed(), kind, reason);
  if (isOlder(eventSeq, stored?.sequencerKey)) return skip('stale', 'a newer event of this key is already recorded');

  if (event.change === 'removed') {
    if (stored?.status === 'deleted' && (eventSeq === undefined || eventSeq === stored.sequencerKey)) {
      return skip('duplicate', 'the deletion is already recorded');
    }
    if (await headObject(clients, event)) return skip('stale', 'the object exists again (re-created after this deletion)');
    await deleteOutputs(clients, config, event.key);
    const item = deletedItem(event, elapsed());
    await addBatchLine(batch, item);
    if (!(await putItem(clients, config, item, messageId))) return skip('stale', 'a newer result was written meanwhile');
    return { item, bytesIn: 0, textChars: 0 };
  }

  const head = await headObject(clients, event);
  if (!head) return skip('stale', 'the object is gone (deleted after this event)');
  if (event.etag && head.etag && event.etag !== head.etag) {
    // The object was overwritten after this event: the newer version's own event brings it.
    return skip('stale', `the object changed since this event (ETag ${event.etag} → ${head.etag})`);
  }
  // `winnow backfill --force`: redo it anyway.
  const already = (status: string | undefined) => skip('duplicate', `already ${status} for ETag ${head.etag} with filter ${filterVersion}`);
  if (!event.force && isCurrent(stored, head.etag ?? '', filterVersion)) return already(stored?.status);

  const leaseMs = Math.max(100, Math.min(remainingMs(), config.maxClaimMs ?? 60_000));
  const claim = await claimObject(clients, config, event, head.etag ?? '', filterVersion, leaseMs);
  if ('refused' in claim) {
    if (claim.refused === 'current') return already(claim.status); // written since this invocation read the item
    throw new ObjectBusyError(event.key, head.etag);
  }
  const token = claim.token;
  let outcome: ObjectOutcome | undefined;
  try {
    outcome = await cleanObject(event, head, stored, clients, config, filterVersion, elapsed, checkTime, batch, messageId);
    return outcome;
  } finally {
    // A written item replaced the claim; an error or a newer result left it to be given up.
    if (!outcome || outcome.skipped) await releaseClaim(clients, config, event, token, stored);
  }
}

/** The claimed object read, cleaned, and its outputs and item written. */
async function cleanObject(
  event: S3ObjectEvent,
  head: Head,
  stored: PageItem | null,
  clients: PipelineClients,
  config: PipelineConfig,
  filterVersion: string,
  elapsed: () => number,
  checkTime: () => void,
  batch: BatchLineSink | undefined,
  messageId: string | undefined,
): Promise<ObjectOutcome> {
  const skip = (kind: 'stale', reason: string) => skipped(event, stored, elapsed(), kind, reason);
  const withSource = (item: PageItem): PageItem => {
    item.filterVersion = filterVersion;
    if (head.lastModified) item.sourceLastModified = head.lastModified;
    if (head.etag) item.etag = head.etag;
    if (head.size !== null) item.size = head.size;
    return item;
  };
  const fail = async (code: string, message: string, bytesIn: number): Promise<ObjectOutcome> => {
    const item = withSource(failedItem(event, code, message, elapsed()));
    await deleteOutputs(clients, config, event.key); // no stale output of an earlier version
    await addBatchLine(batch, item);
    if (!(await putItem(clients, config, item, messageId))) return skip('stale', 'a newer result was written meanwhile');
    return { item, bytesIn, textChars: 0 };
  };

  const size = head.size ?? event.size;
  if (size !== null && size > config.maxInputBytes) {
    return fail('TOO_LARGE', `the object is ${size} bytes, over the ${config.maxInputBytes}-byte limit; not downloaded`, 0);
  }

  let object;
  try {
    object = await clients.s3.send(
      new GetObjectCommand({ Bucket: event.bucket, Key: event.key, ...(head.etag ? { IfMatch: `"${head.etag}"` } : {}) }),
    );
  } catch (err) {
    const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
    if (e.name === 'PreconditionFailed' || e.$metadata?.httpStatusCode === 412) {
      return skip('stale', 'the object changed while it was being read');
    }
    if (e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404) return skip('stale', 'the object is gone');
    throw err;
  }
  const bytes = object.Body ? await object.Body.transformToByteArray() : new Uint8Array();
  const etag = object.ETag ? object.ETag.replace(/"/g, '') : head.etag;
  checkTime();

  let result;
  // The page's address, when the uploader gave it as user metadata (`x-amz-meta-url`): a
  // date in its path, relative canonical and image links.
  const url = sanitizedUrl(object.Metadata?.url);
  // The markdown output is written with its emphasis unless the configuration says otherwise.
  const markdown = (config.outputs ?? DEFAULT_OUTPUTS).includes('markdown') ? { emphasis: true, ...config.engine?.markdown } : config.engine?.markdown;
  try {
    result = clean(bytes, { ...config.engine, contentType: object.ContentType ?? config.engine?.contentType, ...(url ? { url } : {}), ...(markdown ? { markdown } : {}) });
  } catch (err) {
    if (isWinnowError(err)) return fail(err.code, err.message, bytes.length);
    // A bug in the engine is not transient either: retrying gives the same answer.
    return fail('INTERNAL_ERROR', `the engine failed: ${(err as Error).message}`, bytes.length);
  }

  const keys = outputKeys(event.key);
  const metadata = { 'filter-version': filterVersion, 'source-etag': sanitizeMetadata(etag ?? '') };
  const noContent = result.body.length === 0;
  const outputs = config.outputs ?? DEFAULT_OUTPUTS;
  const put = (key: string, body: string, contentType: string) =>
    clients.s3.send(new PutObjectCommand({ Bucket: config.outputBucket, Key: key, Body: body, ContentType: contentType, Metadata: metadata }));
  // Nothing article-like: the item says so as a failure (NO_CONTENT), and only the JSON
  // result is kept, since its blocks and reasons show what the page held instead. Outputs
  // not configured are deleted, so none of an earlier configuration lingers.
  const unwanted = [
    ...(noContent || !outputs.includes('text') ? [keys.text] : []),
    ...(noContent || !outputs.includes('markdown') ? [keys.markdown] : []),
    ...(!outputs.includes('json') ? [keys.json] : []),
  ];
  if (unwanted.length) {
    await clients.s3.send(new DeleteObjectsCommand({ Bucket: config.outputBucket, Delete: { Objects: unwanted.map((Key) => ({ Key })), Quiet: true } }));
  }
  if (!noContent && outputs.includes('text')) await put(keys.text, result.text, 'text/plain; charset=utf-8');
  if (!noContent && outputs.includes('markdown')) await put(keys.markdown, toMarkdown(result, { frontMatter: true }), 'text/markdown; charset=utf-8');
  if (outputs.includes('json')) await put(keys.json, JSON.stringify(result), 'application/json');
  const item = withSource(doneItem(event, result, keys, elapsed(), etag, object.ContentLength ?? size, outputs, url));
  if (noContent) {
    item.status = 'failed';
    item.errorCode = 'NO_CONTENT';
    item.errorMessage = result.emptyReason ?? 'no article text was found';
    delete item.textKey;
  }
  await addBatchLine(batch, item, result.text);
  if (!(await putItem(clients, config, item, messageId))) return skip('stale', 'a newer result was written meanwhile');
  return { item, bytesIn: bytes.length, textChars: result.text.length };
}
