/** The metadata item of one input object in the DynamoDB table. */
import { createHash } from 'node:crypto';
import type { CleanResult } from '../engine';
import { FILTER_VERSION } from '../engine';
import type { S3ObjectEvent } from './s3-events';
import type { OutputKeys, OutputKind } from './output-keys';
import { sequencerKey } from './ordering';

/**
 * `processing`: an invocation has claimed the object and is cleaning it (see claimObject in
 * process-object.ts); the other three are results.
 */
export type ItemStatus = 'done' | 'failed' | 'deleted' | 'processing';

/**
 * Current: `done` or `failed` for this very ETag with this filter version. Such an object is not
 * cleaned again (unless forced): the handler's duplicate rule, and the backfill's skip rule.
 */
export function isCurrent(stored: { status?: string; etag?: string; filterVersion?: string } | null | undefined, etag: string, filterVersion: string = FILTER_VERSION): boolean {
  return Boolean(
    stored && (stored.status === 'done' || stored.status === 'failed') && stored.etag === etag && stored.filterVersion === filterVersion,
  );
}

/** A result is recorded (not merely a claim on an object seen for the first time). */
export function isSettled(item: { status?: string } | null | undefined): boolean {
  return item?.status === 'done' || item?.status === 'failed' || item?.status === 'deleted';
}

export interface PageItem {
  /** `s3://<input bucket>/<key>` */
  pk: string;
  bucket: string;
  key: string;
  status: ItemStatus;
  /** ISO 8601, UTC: when this item was written (the GSI's sort key). */
  processedAt: string;
  filterVersion: string;
  durationMs: number;
  eventName: string;
  eventTime?: string;
  etag?: string;
  size?: number;
  versionId?: string;
  sequencer?: string;
  /** The sequencer left-padded for comparison (see ordering.ts). */
  sequencerKey?: string;
  /** LastModified of the source object that was read (ISO 8601), for ordering without a sequencer. */
  sourceLastModified?: string;
  errorCode?: string;
  errorMessage?: string;
  format?: string;
  title?: string;
  language?: string;
  charset?: string;
  gzip?: boolean;
  textKey?: string;
  jsonKey?: string;
  markdownKey?: string;
  /** With the `batch` output: the batch object (`batches/dt=…/hour=…/<id>.jsonl.gz`) holding this result's line. */
  batchKey?: string;
  /** Publication date (ISO 8601: a day, or a day and time), from the page's metadata, URL or dateline: the GSI `bySite`'s sort key. */
  published?: string;
  /** Author names. */
  authors?: string[];
  /** The site's name as the page gives it (og:site_name, JSON-LD publisher). */
  siteName?: string;
  canonicalUrl?: string;
  /** Host of the canonical URL (or of the upload's `url`), without `www.`: the GSI `bySite`'s partition key. */
  site?: string;
  textSha256?: string;
  charsKept?: number;
  charsRemoved?: number;
  blocksKept?: number;
  blocksRemoved?: number;
  /** Kept blocks by kind: `{ body: { blocks, chars }, … }`. */
  keptByKind?: Record<string, { blocks: number; chars: number }>;
  /** Removed blocks by kind. */
  removedByKind?: Record<string, { blocks: number; chars: number }>;
  /** Blocks removed as comment threads or comment forms. */
  commentBlocksRemoved?: number;
  /** Comments split from the threads, and those the classifier called spam (when the pipeline keeps comments). */
  commentsFound?: number;
  spamComments?: number;
  emptyReason?: string;
  /**
   * Set with the result when events are on: who owes the page's event. `sqs:<messageId>`: the
   * message that wrote the result (only its redelivery sends the event again); `owed`: PutEvents
   * failed, any delivery sends it; a token: a direct call's (backfill), removed once sent
   * (lambdas/events.ts).
   */
  eventPending?: string;
}

export function pkOf(bucket: string, key: string): string {
  return `s3://${bucket}/${key}`;
}

function baseItem(event: S3ObjectEvent, status: ItemStatus, durationMs: number): PageItem {
  const item: PageItem = {
    pk: pkOf(event.bucket, event.key),
    bucket: event.bucket,
    key: event.key,
    status,
    processedAt: new Date().toISOString(),
    filterVersion: FILTER_VERSION,
    durationMs: Math.round(durationMs),
    eventName: event.eventName,
  };
  if (event.eventTime) item.eventTime = event.eventTime;
  if (event.etag) item.etag = event.etag;
  if (event.size !== null) item.size = event.size;
  if (event.versionId) item.versionId = event.versionId;
  if (event.sequencer) {
    item.sequencer = event.sequencer;
    item.sequencerKey = sequencerKey(event.sequencer);
  }
  return item;
}

/** `https://www.Example.com/a` → `example.com`. */
export function siteOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const host = new URL(url).hostname.toLowerCase();
    return host ? host.replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}

export function doneItem(
  event: S3ObjectEvent,
  result: CleanResult,
  keys: OutputKeys,
  durationMs: number,
  etag: string | null,
  size: number | null,
  outputs: readonly OutputKind[] = ['text', 'json'],
  /** The page's address as the upload gave it (user metadata `url`). */
  pageUrl?: string,
): PageItem {
  const item = baseItem(event, 'done', durationMs);
  if (etag) item.etag = etag;
  if (size !== null) item.size = size;
  const removed = result.stats.removed;
  Object.assign(item, {
    format: result.format,
    charset: result.encoding.charset,
    gzip: result.encoding.gzip,
    ...(outputs.includes('text') ? { textKey: keys.text } : {}),
    ...(outputs.includes('json') ? { jsonKey: keys.json } : {}),
    ...(outputs.includes('markdown') && result.body ? { markdownKey: keys.markdown } : {}),
    textSha256: createHash('sha256').update(result.text, 'utf8').digest('hex'),
    charsKept: result.stats.charsKept,
    charsRemoved: result.stats.charsRemoved,
    blocksKept: result.stats.blocksKept,
    blocksRemoved: result.stats.blocksRemoved,
    keptByKind: result.stats.kept,
    removedByKind: removed,
    commentBlocksRemoved: (removed.comments?.blocks ?? 0) + (removed['comment-form']?.blocks ?? 0),
  });
  if (result.title) item.title = result.title;
  if (result.language) item.language = result.language;
  if (result.emptyReason) item.emptyReason = result.emptyReason;
  const m = result.metadata;
  if (m) {
    if (m.published) item.published = m.published;
    if (m.authors.length) item.authors = m.authors;
    if (m.siteName) item.siteName = m.siteName.slice(0, 500);
    if (m.canonicalUrl) item.canonicalUrl = m.canonicalUrl.slice(0, 2048);
    const site = siteOf(m.canonicalUrl) ?? siteOf(pageUrl);
    if (site) item.site = site;
  }
  if (result.commentStats) {
    item.commentsFound = result.commentStats.found;
    item.spamComments = result.commentStats.spam;
  }
  return item;
}

export function failedItem(event: S3ObjectEvent, code: string, message: string, durationMs: number): PageItem {
  const item = baseItem(event, 'failed', durationMs);
  item.errorCode = code;
  item.errorMessage = message.slice(0, 1000);
  return item;
}

export function deletedItem(event: S3ObjectEvent, durationMs: number): PageItem {
  return baseItem(event, 'deleted', durationMs);
}

/**
 * The claim an invocation holds on an item while it cleans the object (claimObject in
 * process-object.ts): set by a conditional update, removed when the result is written or given up.
 */
export interface ItemClaim {
  /** Which invocation holds the claim. */
  claimToken?: string;
  /** The ETag of the object version being cleaned. */
  claimEtag?: string;
  /** End of the lease, epoch milliseconds. */
  claimUntil?: number;
}

/** An object claimed for the first time: the item holds nothing but the claim until the result replaces it. */
export interface ClaimOnlyItem {
  pk: string;
  bucket: string;
  key: string;
  status: 'processing';
  claimToken: string;
  claimEtag: string;
  claimUntil: number;
}

/**
 * One row of the DynamoDB table as a reader finds it (unmarshalled): a result, possibly with a
 * live claim on it, or a first claim. Its JSON Schema is `schemas/item.schema.json`.
 */
export type TableItem = (PageItem & ItemClaim) | ClaimOnlyItem;
