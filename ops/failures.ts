/** Failed items, newest first, from the table's `byStatus` index (status + processedAt). */
import { QueryCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { PageItem } from '../lambdas/item';

export const STATUS_INDEX = 'byStatus';

export interface FailureRow {
  pk: string;
  bucket: string;
  key: string;
  code: string;
  message: string;
  processedAt: string;
  size?: number;
}

export interface FailureQuery {
  /** At most this many rows (default 50). */
  limit?: number;
}

export async function listFailures(dynamodb: DynamoDBClient, table: string, query: FailureQuery = {}): Promise<FailureRow[]> {
  const limit = query.limit ?? 50;
  const rows: FailureRow[] = [];
  let start: Record<string, never> | undefined;
  do {
    const out = await dynamodb.send(
      new QueryCommand({
        TableName: table,
        IndexName: STATUS_INDEX,
        KeyConditionExpression: '#s = :failed',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':failed': { S: 'failed' } },
        ScanIndexForward: false,
        Limit: Math.min(1000, limit - rows.length),
        ExclusiveStartKey: start,
      }),
    );
    for (const raw of out.Items ?? []) {
      const item = unmarshall(raw) as PageItem;
      const row: FailureRow = {
        pk: item.pk,
        bucket: item.bucket,
        key: item.key,
        code: item.errorCode ?? 'UNKNOWN',
        message: item.errorMessage ?? '',
        processedAt: item.processedAt,
      };
      if (item.size !== undefined) row.size = item.size;
      rows.push(row);
    }
    start = out.LastEvaluatedKey as Record<string, never> | undefined;
  } while (start && rows.length < limit);
  return rows.slice(0, limit);
}

/** Failures by code, most frequent first. */
export function countByCode(rows: FailureRow[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.code, (counts.get(r.code) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/** One line per failure: time, code, key, message (cut to `width` when given). */
export function formatFailures(rows: FailureRow[], width?: number): string {
  if (rows.length === 0) return 'No failed items.\n';
  const codeWidth = Math.max(...rows.map((r) => r.code.length));
  const lines = rows.map((r) => {
    const line = `${r.processedAt}  ${r.code.padEnd(codeWidth)}  ${r.key}  ${r.message.replace(/\s+/g, ' ')}`;
    return width && line.length > width ? `${line.slice(0, Math.max(20, width - 1))}…` : line;
  });
  return `${lines.join('\n')}\n`;
}
