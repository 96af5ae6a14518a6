/**
 * What the `batch` output writes: one JSON line per page result, many lines in one gzipped
 * object per SQS batch under `batches/dt=YYYY-MM-DD/hour=HH/<batch id>.jsonl.gz`. Plain data
 * and pure functions only (no AWS SDK), so the CDK construct can read the column list too.
 */
import type { PageItem } from './item';

/** Where batch objects go in the output bucket; the Glue table's location. */
export const BATCH_PREFIX = 'batches/';

/**
 * One line: the table item's fields (without the claim, without `batchKey`, which is where the
 * line itself is, and without `eventPending`, the handler's own note that the page's event is
 * owed), the idempotency key, and the clean text of a `done` page.
 */
export type BatchLine = Omit<PageItem, 'batchKey' | 'eventPending'> & {
  /**
   * `pk#etag#filterVersion`: the same page result written twice (at-least-once delivery, a
   * retried batch) has the same key; a new version of the object or a new filter, another one.
   * A deletion has no ETag: `pk#deleted@<eventTime>#filterVersion`.
   */
  idempotencyKey: string;
  /** The clean text (`done` pages and NO_CONTENT's empty text); absent for other failures and deletions. */
  text?: string;
};

/**
 * What identifies one result of one page: its key, the source version (the ETag; for a deletion,
 * which need not have one, its event time) and the filter version. A page's event carries the
 * same key as its batch line, so a consumer can match the two.
 */
export function idempotencyKey(item: Pick<PageItem, 'pk' | 'etag' | 'filterVersion' | 'status' | 'eventTime' | 'processedAt'>): string {
  const version = item.status === 'deleted' ? `deleted@${item.eventTime ?? item.processedAt}` : (item.etag ?? '');
  return `${item.pk}#${version}#${item.filterVersion}`;
}

export function batchLine(item: PageItem, text: string | undefined): BatchLine {
  const { batchKey: _batchKey, eventPending: _eventPending, ...fields } = item;
  return { ...fields, idempotencyKey: idempotencyKey(item), ...(text === undefined ? {} : { text }) };
}

/** `batches/dt=2026-12-02/hour=07/<id>.jsonl.gz`: the partitions are the UTC day and hour of the write. */
export function batchObjectKey(at: Date, batchId: string): string {
  const iso = at.toISOString();
  return `${BATCH_PREFIX}dt=${iso.slice(0, 10)}/hour=${iso.slice(11, 13)}/${batchId}.jsonl.gz`;
}

/**
 * The Glue table's columns (Hive types, names as Glue stores them: lower case; the JSON SerDe
 * matches the lines' camelCase keys case-insensitively). Every key a line can hold is here: a
 * test checks it against real lines.
 */
export const BATCH_LINE_COLUMNS: ReadonlyArray<readonly [name: string, type: string, comment: string]> = [
  ['idempotencykey', 'string', 'pk#etag#filterVersion: keep one line per value'],
  ['pk', 'string', 's3://<input bucket>/<key>'],
  ['bucket', 'string', 'input bucket'],
  ['key', 'string', 'input key (decoded)'],
  ['status', 'string', 'done, failed or deleted'],
  ['processedat', 'string', 'ISO 8601 UTC time of the result'],
  ['filterversion', 'string', 'the engine FILTER_VERSION'],
  ['durationms', 'int', 'time spent on the page in the handler'],
  ['eventname', 'string', 'the S3 event'],
  ['eventtime', 'string', 'time of the S3 event'],
  ['etag', 'string', 'source ETag'],
  ['size', 'bigint', 'source size in bytes'],
  ['versionid', 'string', 'source version, where versioned'],
  ['sequencer', 'string', 'S3 event sequencer'],
  ['sequencerkey', 'string', 'sequencer left-padded for comparison'],
  ['sourcelastmodified', 'string', 'LastModified of the source read'],
  ['errorcode', 'string', 'when failed'],
  ['errormessage', 'string', 'when failed'],
  ['format', 'string', 'html or text'],
  ['title', 'string', 'detected title'],
  ['language', 'string', 'ISO 639-1'],
  ['charset', 'string', 'input charset'],
  ['gzip', 'boolean', 'input was gzipped'],
  ['textkey', 'string', 'text output key, when written'],
  ['jsonkey', 'string', 'JSON output key, when written'],
  ['markdownkey', 'string', 'Markdown output key, when written'],
  ['published', 'string', 'publication date'],
  ['authors', 'array<string>', 'author names'],
  ['sitename', 'string', 'site name'],
  ['canonicalurl', 'string', 'canonical URL'],
  ['site', 'string', 'host without www.'],
  ['textsha256', 'string', 'SHA-256 of the clean text'],
  ['charskept', 'int', 'characters kept'],
  ['charsremoved', 'int', 'characters removed'],
  ['blockskept', 'int', 'blocks kept'],
  ['blocksremoved', 'int', 'blocks removed'],
  ['keptbykind', 'map<string,struct<blocks:int,chars:int>>', 'kept blocks by kind'],
  ['removedbykind', 'map<string,struct<blocks:int,chars:int>>', 'removed blocks by kind'],
  ['commentblocksremoved', 'int', 'blocks removed as comment threads or forms'],
  ['commentsfound', 'int', 'comments split from threads (comments kept)'],
  ['spamcomments', 'int', 'comments called spam (comments kept)'],
  ['emptyreason', 'string', 'why the text is empty'],
  ['text', 'string', 'the clean text'],
];
