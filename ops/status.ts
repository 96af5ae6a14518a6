/** One item of the table: by `s3://bucket/key`, or by key in the input bucket. */
import { GetItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { pkOf, type PageItem } from '../lambdas/item';

/** The item's key: `s3://bucket/key` as it is, a bare key in `bucket`; null when there is no bucket to use. */
export function itemKey(keyOrUri: string, bucket?: string): string | null {
  if (keyOrUri.startsWith('s3://')) {
    const rest = keyOrUri.slice(5);
    const slash = rest.indexOf('/');
    return slash > 0 && slash < rest.length - 1 ? keyOrUri : null;
  }
  return bucket ? pkOf(bucket, keyOrUri) : null;
}

export async function getStatus(dynamodb: DynamoDBClient, table: string, pk: string): Promise<PageItem | null> {
  const out = await dynamodb.send(new GetItemCommand({ TableName: table, Key: { pk: { S: pk } }, ConsistentRead: true }));
  return out.Item ? (unmarshall(out.Item) as PageItem) : null;
}

const ORDER: Array<keyof PageItem> = [
  'status',
  'errorCode',
  'errorMessage',
  'processedAt',
  'eventName',
  'eventTime',
  'size',
  'etag',
  'versionId',
  'sequencer',
  'sourceLastModified',
  'format',
  'charset',
  'gzip',
  'language',
  'title',
  'emptyReason',
  'charsKept',
  'charsRemoved',
  'blocksKept',
  'blocksRemoved',
  'commentBlocksRemoved',
  'commentsFound',
  'spamComments',
  'textKey',
  'jsonKey',
  'textSha256',
  'filterVersion',
  'durationMs',
];
const SKIP = new Set<string>(['pk', 'bucket', 'key', 'sequencerKey']);

function show(value: unknown): string {
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => (v && typeof v === 'object' ? `${k} ${Object.values(v as Record<string, unknown>).join('/')}` : `${k} ${String(v)}`))
      .join(', ');
  }
  return String(value);
}

/** The item as `field  value` lines, the important fields first. */
export function formatItem(item: PageItem, outputBucket?: string): string {
  const rows: Array<[string, string]> = [['item', item.pk]];
  const seen = new Set<string>();
  for (const field of ORDER) {
    seen.add(field);
    const value = item[field];
    if (value === undefined) continue;
    let text = show(value);
    if ((field === 'textKey' || field === 'jsonKey') && outputBucket) text = `s3://${outputBucket}/${text}`;
    if (field === 'durationMs') text = `${text} ms`;
    if (field === 'size') text = `${text} bytes`;
    rows.push([field, text]);
  }
  for (const [field, value] of Object.entries(item)) {
    if (seen.has(field) || SKIP.has(field) || value === undefined) continue;
    rows.push([field, show(value)]);
  }
  const width = Math.max(...rows.map(([k]) => k.length));
  return `${rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n')}\n`;
}
