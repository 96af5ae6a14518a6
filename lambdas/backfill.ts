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
import type { S3ObjectEvent } from './s3-events';

/** What the Distributed Map hands one child: the batch of listed objects and the batch input. */
export interface BackfillBatch {
  Items: { Key: string; ETag?: string; Size?: number }[];
  BatchInput: { bucket: string; force?: boolean };
}

export interface BackfillBatchResult {
  done: number;
  skipped: number;
  failed: number;
}

export function isBackfillBatch(event: unknown): event is BackfillBatch {
  const e = event as Partial<BackfillBatch> | null;
  return Boolean(e && Array.isArray(e.Items) && e.BatchInput && typeof e.BatchInput.bucket === 'string');
}

export function backfillEvent(bucket: string, item: BackfillBatch['Items'][number], force: boolean): S3ObjectEvent {
  return {
    change: 'created',
    eventName: 'ObjectCreated:Put',
    bucket,
    key: item.Key, // the S3 reader gives keys as stored, not URL-encoded
    size: typeof item.Size === 'number' ? item.Size : null,
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
  for (const item of batch.Items) {
    const outcome = await processObject(backfillEvent(batch.BatchInput.bucket, item, batch.BatchInput.force === true), clients, config, remainingMs);
    if (outcome.skipped) counts.skipped++;
    else if (outcome.item.status === 'done') counts.done++;
    else counts.failed++;
  }
  return counts;
}
