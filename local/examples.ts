/**
 * The project's example pages through the local stack: upload, wait for each item, and say
 * what was kept and removed and where the output is.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { PageItem } from '../lambdas/item';
import { isSettled, pkOf } from '../lambdas/item';
import type { LocalStack } from './stack';

export const EXAMPLES_DIR = resolve(__dirname, '../examples');

export interface Upload {
  key: string;
  body: Buffer;
  contentType: string;
}

/** Every example file; the first HTML page also goes up gzipped, as crawlers often store them. */
export function exampleUploads(dir = EXAMPLES_DIR): Upload[] {
  const files = readdirSync(dir).filter((f) => /\.(html?|txt)$/i.test(f)).sort();
  const uploads: Upload[] = files.map((f) => ({
    key: `examples/${f}`,
    body: readFileSync(join(dir, f)),
    contentType: /\.txt$/i.test(f) ? 'text/plain' : 'text/html',
  }));
  const html = uploads.find((u) => u.contentType === 'text/html');
  if (html) {
    const key = html.key.replace(/\.html?$/i, '-gzipped.html.gz');
    uploads.push({ key, body: gzipSync(html.body), contentType: 'application/gzip' });
  }
  return uploads;
}

export async function waitForItem(stack: LocalStack, key: string, timeoutMs = 20_000): Promise<PageItem | null> {
  const deadline = Date.now() + timeoutMs;
  const pk = pkOf(stack.resources.names.inputBucket, key);
  while (Date.now() < deadline) {
    const out = await stack.clients.dynamodb.send(
      new GetItemCommand({ TableName: stack.resources.names.table, Key: { pk: { S: pk } }, ConsistentRead: true }),
    );
    const item = out.Item ? (unmarshall(out.Item) as PageItem) : null;
    if (isSettled(item)) return item; // not a claim: the result
    await new Promise((r) => setTimeout(r, 100));
  }
  return null;
}

function byKind(counts: PageItem['removedByKind']): string {
  const entries = Object.entries(counts ?? {}).sort((a, b) => b[1].chars - a[1].chars);
  return entries.length ? entries.map(([kind, c]) => `${kind} ${c.blocks}`).join(', ') : 'nothing';
}

export function describeItem(item: PageItem, outputBucket: string): string {
  const lines = [`${item.key}: ${item.status}${item.errorCode ? ` (${item.errorCode}: ${item.errorMessage})` : ''}`];
  if (item.status === 'done') {
    lines.push(
      `  ${item.format}${item.gzip ? ', gzipped' : ''}, ${item.charset}${item.language ? `, language ${item.language}` : ''}; title: ${item.title ?? '(none)'}`,
      `  kept    ${item.blocksKept} blocks, ${item.charsKept} characters`,
      `  removed ${item.blocksRemoved} blocks, ${item.charsRemoved} characters: ${byKind(item.removedByKind)}`,
    );
    // The outputs this configuration wrote (WINNOW_OUTPUTS / --outputs), the batch object last.
    const written = [item.textKey, item.markdownKey, item.jsonKey, item.batchKey].filter((k): k is string => Boolean(k));
    written.forEach((key, i) => lines.push(`${i === 0 ? '  output  ' : '          '}s3://${outputBucket}/${key}${key === item.batchKey ? '  (one line of this batch object)' : ''}`));
  }
  return lines.join('\n');
}

export async function uploadExamples(stack: LocalStack, uploads = exampleUploads()): Promise<(PageItem | null)[]> {
  for (const u of uploads) {
    await stack.clients.s3.send(
      new PutObjectCommand({ Bucket: stack.resources.names.inputBucket, Key: u.key, Body: u.body, ContentType: u.contentType }),
    );
  }
  return Promise.all(uploads.map((u) => waitForItem(stack, u.key)));
}
