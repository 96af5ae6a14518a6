/**
 * What arrives in an SQS message body from S3: an event notification with one or more records,
 * or the `s3:TestEvent` S3 sends when a notification is configured. Keys are URL-encoded in
 * the form encoding (`+` for a space) by real S3 and by moto alike.
 */

export type S3Change = 'created' | 'removed';

export interface S3ObjectEvent {
  change: S3Change;
  /** The S3 event name as sent (`ObjectCreated:Put`, `ObjectRemoved:Delete`, …). */
  eventName: string;
  bucket: string;
  /** Decoded key. */
  key: string;
  size: number | null;
  etag: string | null;
  versionId: string | null;
  sequencer: string | null;
  eventTime: string | null;
  /**
   * Reprocess even when the stored item is current (same ETag, current filter version). Set only
   * by `winnow backfill --force` (the record's `winnowForce: true`); S3 never sends it.
   */
  force?: boolean;
}

export type ParsedMessage =
  | { type: 'test' }
  | { type: 'objects'; events: S3ObjectEvent[] }
  | { type: 'unknown'; reason: string };

/** Real S3 and moto encode keys as application/x-www-form-urlencoded. */
export function decodeS3Key(encoded: string): string {
  const plus = encoded.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(plus);
  } catch {
    return plus; // a malformed escape: keep the key as sent rather than lose the event
  }
}

interface RawS3Record {
  eventName?: string;
  /** winnow's own marker on backfill messages (`winnow backfill --force`). */
  winnowForce?: boolean;
  eventTime?: string;
  s3?: {
    bucket?: { name?: string };
    object?: { key?: string; size?: number; eTag?: string; versionId?: string; sequencer?: string };
  };
}

export function parseMessageBody(body: string): ParsedMessage {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { type: 'unknown', reason: 'the message body is not JSON' };
  }
  if (!parsed || typeof parsed !== 'object') return { type: 'unknown', reason: 'the message body is not an object' };
  const obj = parsed as { Event?: string; Records?: RawS3Record[] };
  if (obj.Event === 's3:TestEvent') return { type: 'test' };
  if (!Array.isArray(obj.Records)) return { type: 'unknown', reason: 'no Records in the message' };
  const events: S3ObjectEvent[] = [];
  for (const record of obj.Records) {
    const name = record.eventName ?? '';
    const change: S3Change | null = name.startsWith('ObjectCreated')
      ? 'created'
      : name.startsWith('ObjectRemoved')
        ? 'removed'
        : null;
    const bucket = record.s3?.bucket?.name;
    const rawKey = record.s3?.object?.key;
    if (!change || !bucket || rawKey === undefined) continue;
    const object = record.s3!.object!;
    events.push({
      change,
      eventName: name,
      bucket,
      key: decodeS3Key(rawKey),
      size: typeof object.size === 'number' ? object.size : null,
      etag: object.eTag ? object.eTag.replace(/"/g, '') : null,
      versionId: object.versionId ?? null,
      sequencer: object.sequencer ?? null,
      eventTime: record.eventTime ?? null,
      ...(record.winnowForce === true ? { force: true } : {}),
    });
  }
  return { type: 'objects', events };
}
