/**
 * S3 Inventory as a backfill source: for buckets of millions of objects, listing them with
 * ListObjectsV2 (1,000 keys a request) is slow; S3 Inventory already wrote the list, daily or
 * weekly, as gzipped CSV files named by a manifest.json in its destination bucket.
 *
 * The manifest (what S3 writes; only the fields used here):
 *   { "sourceBucket": "...", "fileFormat": "CSV", "fileSchema": "Bucket, Key, Size, ETag, ...",
 *     "files": [ { "key": "<prefix>/<source>/<config>/data/<uuid>.csv.gz", ... } ] }
 * Each data file is a CSV without a header, every field quoted, in the fileSchema's order;
 * object keys are URL-encoded. The Step Functions MANIFEST reader (cdk/winnow-pipeline.ts)
 * reads the same files on AWS; here they are read for the local backfill.
 */
import { gunzipSync } from 'node:zlib';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { parse } from 'csv-parse/sync';
import { isLatestObject } from '../lambdas/backfill';
import { decodeS3Key } from '../lambdas/s3-events';
import type { ListedObject } from './backfill';

/** Where a manifest.json is: `s3://bucket/key`. */
export interface S3Location {
  bucket: string;
  key: string;
}

export class InventoryError extends Error {
  override name = 'InventoryError';
}

/** `s3://bucket/key/of/manifest.json` → {bucket, key}; anything else is refused. */
export function parseS3Url(url: string): S3Location {
  const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(url);
  if (!match) throw new InventoryError(`not an s3://bucket/key address: ${url}`);
  return { bucket: match[1]!, key: match[2]! };
}

export interface InventoryManifest {
  sourceBucket: string;
  /** Column names, in order (the manifest's fileSchema). */
  columns: string[];
  /** Keys of the gzipped CSV data files, in the manifest's bucket. */
  files: string[];
}

/** Checks a manifest.json's content: a CSV inventory with at least the Bucket and Key columns. */
export function parseManifest(json: string, where = 'the manifest'): InventoryManifest {
  let raw: { sourceBucket?: unknown; fileFormat?: unknown; fileSchema?: unknown; files?: unknown };
  try {
    raw = JSON.parse(json) as typeof raw;
  } catch {
    throw new InventoryError(`${where} is not JSON: is it an S3 Inventory manifest.json?`);
  }
  if (typeof raw.sourceBucket !== 'string' || !Array.isArray(raw.files) || typeof raw.fileSchema !== 'string') {
    throw new InventoryError(`${where} is not an S3 Inventory manifest (sourceBucket, fileSchema and files expected)`);
  }
  if (raw.fileFormat !== 'CSV') {
    // Step Functions' manifest reader takes CSV inventories only; ORC and Parquet would need Athena.
    throw new InventoryError(`${where} lists ${String(raw.fileFormat)} files: configure the inventory with the CSV format`);
  }
  const columns = raw.fileSchema.split(',').map((c) => c.trim());
  if (!columns.includes('Key')) throw new InventoryError(`${where} has no Key column (fileSchema: ${raw.fileSchema})`);
  const files = raw.files.map((f) => (f as { key?: unknown }).key).filter((k): k is string => typeof k === 'string');
  return { sourceBucket: raw.sourceBucket, columns, files };
}

/** One inventory row → a listed object, or null for a delete marker or an older version. */
export function objectOfRow(row: Record<string, string>): ListedObject | null {
  if (!isLatestObject(row)) return null;
  const size = Number(row.Size);
  return {
    key: decodeS3Key(row.Key ?? ''),
    etag: (row.ETag ?? '').replace(/"/g, ''), // absent when the inventory leaves ETag out: never current, the handler decides
    size: Number.isFinite(size) ? size : 0,
  };
}

async function readObject(s3: S3Client, bucket: string, key: string): Promise<Uint8Array> {
  const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return out.Body!.transformToByteArray();
}

export async function readManifest(s3: S3Client, location: S3Location): Promise<InventoryManifest> {
  const bytes = await readObject(s3, location.bucket, location.key);
  return parseManifest(new TextDecoder().decode(bytes), `s3://${location.bucket}/${location.key}`);
}

/**
 * The inventory's objects, one page per data file (an inventory file holds up to a few million
 * rows: S3 splits large inventories into many files). Rows of another bucket than `bucket` are
 * refused up front: the manifest must be the inventory of the input bucket.
 */
export async function* inventoryPages(s3: S3Client, location: S3Location, bucket: string): AsyncGenerator<ListedObject[]> {
  const manifest = await readManifest(s3, location);
  if (manifest.sourceBucket !== bucket) {
    throw new InventoryError(`s3://${location.bucket}/${location.key} is the inventory of ${manifest.sourceBucket}, not of the input bucket ${bucket}`);
  }
  for (const file of manifest.files) {
    const compressed = await readObject(s3, location.bucket, file);
    const text = new TextDecoder().decode(file.endsWith('.gz') ? gunzipSync(compressed) : compressed);
    const rows = parse(text, { columns: manifest.columns, skip_empty_lines: true, relax_column_count: true }) as Record<string, string>[];
    const objects: ListedObject[] = [];
    for (const row of rows) {
      if (row.Bucket !== undefined && row.Bucket !== bucket) throw new InventoryError(`${file} lists an object of ${row.Bucket}, not of ${bucket}`);
      const object = objectOfRow(row);
      if (object) objects.push(object);
    }
    yield objects;
  }
}
