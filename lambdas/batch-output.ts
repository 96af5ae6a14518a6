/**
 * The `batch` output: the lines of one SQS batch's page results gathered into one gzipped
 * JSON-lines object, written before any of those results' items.
 *
 * Order matters because of retries. A result's item marks the page current, and a retried
 * message of a current page is skipped; so if the items were written first and the batch PUT
 * then failed, the retry would skip those pages and their lines would never be written. Here
 * each page's processing stops just before its item write and waits until every record of the
 * batch has either reached that point or finished without a result (skipped, ignored, thrown);
 * then the object is PUT once, and only then are the items written (each with `batchKey`).
 * If the PUT fails, every waiting page throws BatchWriteError: its claim is given up, the record
 * is reported in `batchItemFailures`, and SQS delivers it again: no page is lost, and nothing
 * says done that is not in a batch object. A page that is skipped (a duplicate or a stale
 * event) writes no line: its line was written when it was cleaned.
 *
 * At least once: the PUT can succeed and an item write fail afterwards (the record is retried
 * and its line written again in another object), so the same result can be in two objects:
 * each line carries `idempotencyKey` (see batch-line.ts, and the README's Athena query).
 */
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { batchLine, batchObjectKey, type BatchLine } from './batch-line';
import type { PageItem } from './item';
import { Rendezvous, type RendezvousQueue, type Turn } from './rendezvous';

/** The batch object could not be written: the pages waiting for it are left for SQS to retry. */
export class BatchWriteError extends Error {
  constructor(key: string, lines: number, cause: unknown) {
    super(`the batch object ${key} (${lines} lines) could not be written: ${(cause as Error)?.message ?? String(cause)}; its records are left for SQS to retry`, { cause });
    this.name = 'BatchWriteError';
  }
}

/**
 * Hands one result's line to the batch and resolves, once the object holding it is written,
 * with that object's key. processObject calls it right before each item write.
 */
export type BatchLineSink = (item: PageItem, text: string | undefined) => Promise<string>;

/** Writes lines as one object and returns its key (throws BatchWriteError). */
export type BatchWriter = (lines: BatchLine[]) => Promise<string>;

/** `20261202T071502Z-<uuid>`: sorts by time, unique across concurrent invocations and workers. */
export function newBatchId(at: Date = new Date()): string {
  return `${at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${randomUUID()}`;
}

/** What a writer reports (the handler counts them as metrics). */
export interface BatchWriterEvents {
  written?(key: string, lines: number): void;
  failed?(error: BatchWriteError): void;
}

export function s3BatchWriter(s3: S3Client, bucket: string, events: BatchWriterEvents = {}): BatchWriter {
  return async (lines) => {
    const at = new Date();
    const key = batchObjectKey(at, newBatchId(at));
    const body = gzipSync(lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    try {
      await s3.send(new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: body,
        // Stored gzipped as it is (no Content-Encoding): Athena and `aws s3 cp` read the .gz as a file.
        ContentType: 'application/gzip',
        Metadata: { lines: String(lines.length) },
      }));
    } catch (err) {
      const error = new BatchWriteError(key, lines.length, err);
      events.failed?.(error);
      throw error;
    }
    events.written?.(key, lines.length);
    return key;
  };
}

/** One record's share of a batch: `sink` for processObject, `finish()` once, when the record is done. */
export interface RecordLines {
  sink: BatchLineSink;
  finish(): void;
}

/**
 * Gathers the lines of one batch of records processed concurrently (Powertools' BatchProcessor
 * runs them in parallel) and writes them when no record can add more before its lines are
 * written: every record is either waiting (on a line, or on another queue of the same
 * rendezvous, such as its event) or finished (lambdas/rendezvous.ts). A record whose message
 * held several S3 events adds its later lines to a next object.
 */
export class BatchLines {
  private readonly rendezvous: Rendezvous;
  private readonly queue: RendezvousQueue<BatchLine, string>;

  /** `records`: the batch's record count (a rendezvous of its own), or the invocation's rendezvous. */
  constructor(records: number | Rendezvous, write: BatchWriter) {
    this.rendezvous = typeof records === 'number' ? new Rendezvous(records) : records;
    this.queue = this.rendezvous.queue<BatchLine, string>(async (waiters) => {
      const key = await write(waiters.map((w) => w.value));
      waiters.forEach((w) => w.resolve(key));
    });
  }

  /** The sink of a record taking part in the rendezvous as `turn`. */
  sink(turn: Turn): BatchLineSink {
    return (item, text) => turn.wait(this.queue, batchLine(item, text));
  }

  /** A record's turn and sink, with a rendezvous of this batch's own. */
  record(): RecordLines {
    const turn = this.rendezvous.record();
    return { sink: this.sink(turn), finish: () => turn.finish() };
  }
}

/**
 * For a caller that processes one object at a time (the backfill's batches, a direct
 * processObject call): each result's line is its own object, written before its item.
 */
export function singleLineSink(write: BatchWriter): BatchLineSink {
  return (item, text) => write([batchLine(item, text)]);
}
