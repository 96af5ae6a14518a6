/**
 * The page event's contents (no AWS SDK here: the CDK construct and the CLI use it too): its
 * source, detail-types and `detail`, built from the table item. lambdas/events.ts sends it.
 */
import { idempotencyKey } from './batch-line';
import type { ItemStatus, PageItem } from './item';

export const EVENT_SOURCE = 'winnow';

/** The detail-type of each result status; a `processing` claim is no result and has no event. */
export const DETAIL_TYPES = {
  done: 'Page Cleaned',
  failed: 'Page Failed',
  deleted: 'Page Deleted',
} as const satisfies Record<Exclude<ItemStatus, 'processing'>, string>;

export type PageDetailType = (typeof DETAIL_TYPES)[keyof typeof DETAIL_TYPES];

/**
 * The event's `detail`: what a consumer needs to act on the page without reading the table.
 * Optional fields are left out when the page does not give them. Its JSON Schema is
 * `schemas/event.schema.json`.
 */
export interface PageEventDetail {
  /**
   * `pk#etag#filterVersion` (a deletion: `pk#deleted@<eventTime>#filterVersion`): the same for
   * every delivery of this result; deduplicate on it. The `batch` output's lines carry the same key.
   */
  idempotencyKey: string;
  /** `s3://<input bucket>/<key>`: the table item's key. */
  pk: string;
  bucket: string;
  key: string;
  status: 'done' | 'failed' | 'deleted';
  /** When the item was written (ISO 8601, UTC). */
  processedAt: string;
  /** The S3 event that led to it (`ObjectCreated:Put`, `ObjectRemoved:Delete`, …). */
  eventName: string;
  /** ETag of the source object that was cleaned; for a deletion, the one its notification gave, if any. */
  etag?: string;
  filterVersion: string;
  /** Keys in the output bucket of the outputs written. */
  outputBucket: string;
  outputs: { text?: string; json?: string; markdown?: string };
  language?: string;
  title?: string;
  /** Publication date (ISO 8601), from the page's metadata, URL or dateline. */
  published?: string;
  /** Host of the page's canonical URL (or its upload's `url`), without `www.`. */
  site?: string;
  charsKept?: number;
  charsRemoved?: number;
  /** The failure's stable code (`BINARY_INPUT`, `NO_CONTENT`, …) for `Page Failed`. */
  errorCode?: string;
}

export interface EventsConfig {
  /** The bus events are put on (a name or an ARN). */
  busName: string;
}

export function isResult(status: ItemStatus): status is keyof typeof DETAIL_TYPES {
  return status in DETAIL_TYPES;
}

export function pageEventDetail(item: PageItem, outputBucket: string): PageEventDetail {
  if (!isResult(item.status)) throw new Error(`winnow events: an item with status ${item.status} has no event`);
  const detail: PageEventDetail = {
    idempotencyKey: idempotencyKey(item),
    pk: item.pk,
    bucket: item.bucket,
    key: item.key,
    status: item.status,
    processedAt: item.processedAt,
    eventName: item.eventName,
    filterVersion: item.filterVersion,
    outputBucket,
    outputs: {},
  };
  if (item.textKey) detail.outputs.text = item.textKey;
  if (item.jsonKey) detail.outputs.json = item.jsonKey;
  if (item.markdownKey) detail.outputs.markdown = item.markdownKey;
  // Only what the item has: no `undefined` fields in the JSON.
  const optional = ['etag', 'language', 'title', 'published', 'site', 'charsKept', 'charsRemoved', 'errorCode'] as const;
  for (const field of optional) if (item[field] !== undefined) Object.assign(detail, { [field]: item[field] });
  return detail;
}
