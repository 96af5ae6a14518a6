/**
 * An EventBridge event per processed page, so that downstream jobs learn a page is ready (or
 * failed, or was deleted) without polling the output bucket or scanning the table.
 *
 *   item written (PutItem, with `eventPending` = a fresh token)
 *   → PutEvents (source `winnow`, detail-type Page Cleaned / Page Failed / Page Deleted)
 *   → UpdateItem REMOVE eventPending, only if the token is still this write's
 *
 * A failed PutEvents (the call, or its one entry) throws PageEventError: the record goes back to
 * SQS like any AWS error. The retry finds the item current — a duplicate — but still marked
 * `eventPending`, and sends the event from the stored item instead of skipping it. A duplicate
 * delivery of a page whose event was sent finds no marker and sends nothing. EventBridge (like
 * S3 and SQS) delivers at least once, and a crash between PutEvents and the marker's removal
 * sends the event again on the retry: consumers deduplicate by `detail.idempotencyKey`.
 */
import { randomBytes } from 'node:crypto';
import { PutEventsCommand, type EventBridgeClient, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { ConditionalCheckFailedException, UpdateItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
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

/** A token for this write's pending event, so that only this write's marker is removed. */
export function pendingEventToken(): string {
  return `${Date.now().toString(36)}-${randomBytes(6).toString('hex')}`;
}

/** Puts the item's event on the bus; any failure, of the call or of its entry, is a PageEventError. */
export async function putPageEvent(eventbridge: EventBridgeClient, item: PageItem, outputBucket: string, config: EventsConfig): Promise<void> {
  let out;
  try {
    out = await eventbridge.send(new PutEventsCommand({ Entries: [pageEventEntry(item, outputBucket, config)] }));
  } catch (err) {
    const e = err as Error;
    throw new PageEventError(item.pk, e.name || 'Error', e.message, { cause: err });
  }
  // PutEvents answers 200 even when an entry was not accepted (throttled, internal failure).
  if ((out.FailedEntryCount ?? 0) > 0) {
    const entry = out.Entries?.find((e) => e.ErrorCode) ?? {};
    throw new PageEventError(item.pk, entry.ErrorCode ?? 'FailedEntry', entry.ErrorMessage ?? 'PutEvents reported a failed entry');
  }
}

/** Clears the item's pending-event marker if it is still the one this write set (a newer result keeps its own). */
export async function clearPendingEvent(dynamodb: DynamoDBClient, tableName: string, item: PageItem): Promise<void> {
  if (!item.eventPending) return;
  try {
    await dynamodb.send(
      new UpdateItemCommand({
        TableName: tableName,
        Key: { pk: { S: item.pk } },
        UpdateExpression: 'REMOVE eventPending',
        ConditionExpression: 'eventPending = :token',
        ExpressionAttributeValues: { ':token': { S: item.eventPending } },
      }),
    );
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException || (err as Error).name === 'ConditionalCheckFailedException') return;
    throw err;
  }
  delete item.eventPending;
}

/** Sends the event of a written item whose marker says it is pending, then clears the marker. */
export async function deliverPageEvent(
  clients: { eventbridge: EventBridgeClient; dynamodb: DynamoDBClient },
  item: PageItem,
  settings: { tableName: string; outputBucket: string; events: EventsConfig },
): Promise<void> {
  await putPageEvent(clients.eventbridge, item, settings.outputBucket, settings.events);
  await clearPendingEvent(clients.dynamodb, settings.tableName, item);
}
