/**
 * An EventBridge event per processed page, so that downstream jobs learn a page is ready (or
 * failed, or was deleted) without polling the output bucket or scanning the table.
 *
 * The item is written with `eventPending`, which says who owes the page's event; the event is
 * put after it (source `winnow`, detail-type Page Cleaned / Page Failed / Page Deleted).
 *
 * From the SQS handler (lambdas/event-batch.ts): the marker is `sqs:<messageId>` of the record
 * that wrote the item, and the events of a batch go out together, 10 to a PutEvents call.
 * - Sent: nothing more is written (a write per page would cost the pipeline a tenth of its
 *   throughput). Only a redelivery of that same message — its invocation died before SQS heard
 *   of the result — finds its own id on the current item and sends the event again, with the
 *   same idempotency key; a plain duplicate (S3 notified twice: another message) sends nothing.
 * - Not sent (the call failed, or the page's entry in it): the marker becomes `owed` and the
 *   record goes back to SQS like any AWS error. Any later delivery of the page — the retry, or
 *   the message redriven from the dead-letter queue under a new id — sends the event from the
 *   stored item and removes the marker (if it is still `owed`).
 * Not covered: an invocation that dies after the item's write and before it could mark the
 *   event owed, on every delivery of the message, which is then redriven (with a new id) from
 *   the dead-letter queue; `winnow backfill --force` of the key sends the event.
 *
 * From processObject called on its own (the backfill's batches, tests): the marker is a token
 * of this write, the event is put at once, and the token is then removed, conditionally on it,
 * so a newer result keeps its own; a retry that finds a token sends the event.
 *
 * EventBridge (like S3 and SQS) delivers at least once, and a crash between PutEvents and the
 * bookkeeping after it sends an event again: consumers deduplicate by `detail.idempotencyKey`.
 */
import { randomBytes } from 'node:crypto';
import { PutEventsCommand, type EventBridgeClient, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { UpdateItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { isConditionFailed } from './conditions';
import type { PageItem } from './item';
import { DETAIL_TYPES, EVENT_SOURCE, pageEventDetail, type EventsConfig } from './page-event';

/** `config.events` without an EventBridge client to send them with: a setup error, found before any record. */
export class EventsClientMissingError extends Error {
  constructor() {
    super('winnow handler: config.events is set but clients.eventbridge is missing');
    this.name = 'EventsClientMissingError';
  }
}

/** PutEvents failed for the page's event: the record goes back to SQS and the retry sends it. */
export class PageEventError extends Error {
  readonly code: string;
  constructor(pk: string, code: string, message: string, options?: { cause?: unknown }) {
    super(`the event of ${pk} was not put on the bus (${code}: ${message}): the record is left for SQS to retry`, options);
    this.name = 'PageEventError';
    this.code = code;
  }
}

export function pageEventEntry(item: PageItem, outputBucket: string, config: EventsConfig): PutEventsRequestEntry {
  const detail = pageEventDetail(item, outputBucket); // a claim (no result) throws here
  return { EventBusName: config.busName, Source: EVENT_SOURCE, DetailType: DETAIL_TYPES[detail.status], Detail: JSON.stringify(detail) };
}

const SQS_MARKER = 'sqs:';
/** The marker of an event a failed PutEvents left owed: any delivery of the page sends it. */
export const EVENT_OWED = 'owed';

/**
 * The `eventPending` marker of a result written now: the SQS message that owes its event, or
 * (processObject on its own) a token of this write, so that only this write's marker is removed.
 */
export function pendingEventMarker(messageId?: string): string {
  return messageId !== undefined ? `${SQS_MARKER}${messageId}` : `${Date.now().toString(36)}-${randomBytes(6).toString('hex')}`;
}

/**
 * Whether a duplicate (the stored item current) owes its event to a delivery of `messageId`
 * (none: processObject on its own): an owed event or a direct call's token, to any delivery; a
 * message's marker, to a redelivery of that message only.
 */
export function eventOwed(marker: string | undefined, messageId?: string): boolean {
  if (marker === undefined) return false;
  return marker.startsWith(SQS_MARKER) ? marker === `${SQS_MARKER}${messageId}` : true;
}

/** A condition on the marker this invocation knows: a newer result, with its own, is left alone. */
async function updateMarker(dynamodb: DynamoDBClient, tableName: string, item: PageItem, update: 'REMOVE eventPending' | 'SET eventPending = :owed'): Promise<boolean> {
  try {
    await dynamodb.send(
      new UpdateItemCommand({
        TableName: tableName,
        Key: { pk: { S: item.pk } },
        UpdateExpression: update,
        ConditionExpression: 'eventPending = :marker',
        ExpressionAttributeValues: { ':marker': { S: item.eventPending! }, ...(update.startsWith('SET') ? { ':owed': { S: EVENT_OWED } } : {}) },
      }),
    );
    return true;
  } catch (err) {
    if (isConditionFailed(err)) return false;
    throw err;
  }
}

/** EventBridge takes at most 10 entries in one PutEvents. */
export const MAX_ENTRIES_PER_PUT = 10;

/**
 * Puts the items' events on the bus, 10 to a PutEvents call; returns, for each item in order,
 * null when its event was accepted or the PageEventError that says why not: a failed call fails
 * each of its entries, a failed entry (PutEvents answers 200 with FailedEntryCount and an
 * ErrorCode on that entry) only its own.
 */
export async function sendPageEvents(
  eventbridge: EventBridgeClient,
  items: readonly PageItem[],
  outputBucket: string,
  config: EventsConfig,
): Promise<Array<PageEventError | null>> {
  const chunks: PageItem[][] = [];
  for (let i = 0; i < items.length; i += MAX_ENTRIES_PER_PUT) chunks.push(items.slice(i, i + MAX_ENTRIES_PER_PUT));
  const results = await Promise.all(chunks.map(async (chunk): Promise<Array<PageEventError | null>> => {
    let out;
    try {
      out = await eventbridge.send(new PutEventsCommand({ Entries: chunk.map((item) => pageEventEntry(item, outputBucket, config)) }));
    } catch (err) {
      const e = err as Error;
      return chunk.map((item) => new PageEventError(item.pk, e.name || 'Error', e.message, { cause: err }));
    }
    if ((out.FailedEntryCount ?? 0) === 0) return chunk.map(() => null);
    // The answer's entries are in the request's order; without them, no entry is known to be on the bus.
    return chunk.map((item, i) => {
      const entry = out.Entries?.[i];
      if (entry && !entry.ErrorCode) return null;
      return new PageEventError(item.pk, entry?.ErrorCode ?? 'FailedEntry', entry?.ErrorMessage ?? 'PutEvents reported a failed entry');
    });
  }));
  return results.flat();
}

/** Puts the item's event on the bus; any failure, of the call or of its entry, is a PageEventError. */
export async function putPageEvent(eventbridge: EventBridgeClient, item: PageItem, outputBucket: string, config: EventsConfig): Promise<void> {
  const [error] = await sendPageEvents(eventbridge, [item], outputBucket, config);
  if (error) throw error;
}

/**
 * After its event was sent: removes the item's marker if it is an owed event or a token, and
 * still the one this invocation read or wrote. A message's own marker stays (see above).
 */
export async function clearPendingEvent(dynamodb: DynamoDBClient, tableName: string, item: PageItem): Promise<void> {
  if (!item.eventPending || item.eventPending.startsWith(SQS_MARKER)) return;
  if (await updateMarker(dynamodb, tableName, item, 'REMOVE eventPending')) delete item.eventPending;
}

/**
 * After its event was not sent: a message's marker becomes `owed`, so that any later delivery
 * sends the event, also one under another message id. A failure here leaves the message's
 * marker, which its redelivery still honours.
 */
export async function markEventOwed(dynamodb: DynamoDBClient, tableName: string, item: PageItem): Promise<void> {
  if (!item.eventPending?.startsWith(SQS_MARKER)) return;
  try {
    if (await updateMarker(dynamodb, tableName, item, 'SET eventPending = :owed')) item.eventPending = EVENT_OWED;
  } catch {
    /* the redelivery of this message still sends it */
  }
}

/** processObject on its own: sends the event of a written item, then clears its marker. */
export async function deliverPageEvent(
  clients: { eventbridge: EventBridgeClient; dynamodb: DynamoDBClient },
  item: PageItem,
  settings: { tableName: string; outputBucket: string; events: EventsConfig },
): Promise<void> {
  await putPageEvent(clients.eventbridge, item, settings.outputBucket, settings.events);
  await clearPendingEvent(clients.dynamodb, settings.tableName, item);
}

/** From the SQS handler: the item's event goes out with its batch's (lambdas/event-batch.ts). */
export async function deliverBatchedPageEvent(
  dynamodb: DynamoDBClient,
  sendWithBatch: (item: PageItem) => Promise<void>,
  item: PageItem,
  tableName: string,
): Promise<void> {
  try {
    await sendWithBatch(item);
  } catch (err) {
    if (err instanceof PageEventError) await markEventOwed(dynamodb, tableName, item);
    throw err;
  }
  await clearPendingEvent(dynamodb, tableName, item);
}
