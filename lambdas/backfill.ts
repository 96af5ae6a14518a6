/**
 * The backfill state machine's batches (a Step Functions Distributed Map with an S3 object
 * reader and item batching) through the same code path as live uploads: each listed object
 * becomes the S3ObjectEvent its upload notification would have given, and goes through
 * processObject — duplicate check (skipped unless `force`), clean, outputs, item.
 *
 * Why invoke the function rather than feed the queue (SqsSendMessage): the Map then knows the
 * outcome of every batch (done / skipped / failed counts, written by its ResultWriter), its
 * MaxConcurrency and ToleratedFailurePercentage act on the real work, and an AWS error fails
 * the batch so that Step Functions retries it; processObject is the same either way.
 */
import type { PipelineClients, PipelineConfig } from './process-object';
import { processObject } from './process-object';
import { decodeS3Key, type S3ObjectEvent } from './s3-events';

/**
 * One object as the Distributed Map's reader gives it: the S3 objects reader (ListObjectsV2:
 * Key as stored, Size a number) or the S3 Inventory manifest reader (a CSV row named by the
 * inventory's fileSchema: Bucket, Key URL-encoded, Size a string, ETag, IsLatest, ...).
 */
export interface BackfillItem {
  Key: string;
  ETag?: string;
  Size?: number | string;
  Bucket?: string;
  IsLatest?: string;
  IsDeleteMarker?: string;
}

/** What the Distributed Map hands one child: the batch of listed objects and the batch input. */
export interface BackfillBatch {
  Items: BackfillItem[];
  BatchInput: {
    bucket: string;
    force?: boolean;
    /** Only keys that start with it (the inventory is not listed by prefix). */
    prefix?: string;
    /** `inventory`: the items are S3 Inventory rows, keys URL-encoded. */
    source?: 'objects' | 'inventory';
  };
}

export interface BackfillBatchResult {
  done: number;
  skipped: number;
  failed: number;
}

/** False for an inventory row of an older version or of a delete marker (versioned buckets). */
export function isLatestObject(item: { IsLatest?: string; IsDeleteMarker?: string }): boolean {
  return item.IsDeleteMarker !== 'true' && item.IsLatest !== 'false';
}

export function isBackfillBatch(event: unknown): event is BackfillBatch {
  const e = event as Partial<BackfillBatch> | null;
  return Boolean(e && Array.isArray(e.Items) && e.BatchInput && typeof e.BatchInput.bucket === 'string');
}

export function backfillEvent(bucket: string, item: BackfillItem, force: boolean, keysEncoded = false): S3ObjectEvent {
  const size = typeof item.Size === 'string' && item.Size !== '' ? Number(item.Size) : item.Size;
  return {
    change: 'created',
    eventName: 'ObjectCreated:Put',
    bucket,
    // The objects reader gives keys as stored; S3 Inventory writes them URL-encoded.
    key: keysEncoded ? decodeS3Key(item.Key) : item.Key,
    size: typeof size === 'number' && Number.isFinite(size) ? size : null,
    etag: item.ETag ? item.ETag.replace(/"/g, '') : null,
    versionId: null,
    sequencer: null,
    eventTime: new Date().toISOString(),
    ...(force ? { force: true } : {}),
  };
}

/**
 * Processes the batch's objects one after the other. An AWS error (or too little time left) is
 * thrown: the child fails and Step Functions retries the batch, whose finished objects are then
 * skipped as current.
 */
export async function processBackfillBatch(
  batch: BackfillBatch,
  clients: PipelineClients,
  config: PipelineConfig,
  remainingMs?: () => number,
): Promise<BackfillBatchResult> {
  const counts: BackfillBatchResult = { done: 0, skipped: 0, failed: 0 };
  const { bucket, force, prefix = '', source } = batch.BatchInput;
  for (const item of batch.Items) {
    if (item.Bucket !== undefined && item.Bucket !== bucket) {
      // The inventory of another bucket: not ours to read, and no item to write for it.
      throw new Error(`backfill: the batch lists s3://${item.Bucket}/${item.Key}, not an object of the input bucket ${bucket}`);
    }
    const event = backfillEvent(bucket, item, force === true, source === 'inventory');
    if (!isLatestObject(item) || !event.key.startsWith(prefix)) {
      counts.skipped++;
      continue;
    }
    const outcome = await processObject(event, clients, config, remainingMs);
    if (outcome.skipped) counts.skipped++;
    else if (outcome.item.status === 'done') counts.done++;
    else counts.failed++;
  }
  return counts;
}
