/**
 * gzip, recognised by its magic bytes (never by a file name or a header alone), unwrapped with
 * a hard output cap so that a gzip bomb cannot allocate more than the limits allow.
 */
import { gunzipSync } from 'node:zlib';
import type { DecodeThresholds } from '../config/decode';
import { WinnowError } from '../errors';

/** ID1 ID2 CM(deflate): the only gzip compression method there is. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b && (bytes.length < 3 || bytes[2] === 0x08);
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/** zlib's smallest output chunk. */
const MIN_CHUNK = 64;

/**
 * The output buffer zlib starts with: the size the gzip trailer announces (ISIZE, the last four
 * bytes), so a page comes out in one buffer instead of 16 KB chunks joined by a copy. ISIZE is
 * only a hint — a liar gets at most `limit` bytes, and a too-small value just means more chunks.
 */
function outputChunkSize(bytes: Uint8Array, limit: number): number {
  if (bytes.length < 18) return MIN_CHUNK;
  const end = bytes.length;
  const isize = (bytes[end - 4]! | (bytes[end - 3]! << 8) | (bytes[end - 2]! << 16) | (bytes[end - 1]! << 24)) >>> 0;
  return Math.max(MIN_CHUNK, Math.min(isize + 1, limit));
}

/**
 * One gzip layer. The output is capped at the smaller of `maxBytes` and what `maxGzipRatio`
 * allows for the original (outermost) input size, plus one byte to tell "at the limit" from
 * "over it"; zlib stops and throws as soon as the cap is passed.
 */
function gunzipOnce(bytes: Uint8Array, compressedSize: number, t: DecodeThresholds): Buffer {
  const ratioCap = Math.max(t.gzipRatioMinBytes, Math.floor(compressedSize * t.maxGzipRatio));
  const sizeCap = t.maxBytes;
  const cap = Math.min(ratioCap, sizeCap);
  try {
    return gunzipSync(bytes, { maxOutputLength: cap + 1, chunkSize: outputChunkSize(bytes, cap + 1) });
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') {
      if (ratioCap <= sizeCap) {
        throw new WinnowError(
          'GZIP_BOMB',
          `the gzip input (${formatBytes(compressedSize)}) expands to more than ${formatBytes(cap)}, ` +
            `over ${t.maxGzipRatio} times its size (decode.maxGzipRatio); decompression stopped there`,
        );
      }
      throw new WinnowError(
        'TOO_LARGE',
        `the gzip input expands to more than ${formatBytes(sizeCap)} (decode.maxBytes); decompression stopped there`,
      );
    }
    if (code === 'Z_BUF_ERROR') {
      throw new WinnowError('BAD_GZIP', 'the gzip input is truncated (unexpected end of the compressed data)');
    }
    const detail = err instanceof Error ? err.message : String(err);
    throw new WinnowError('BAD_GZIP', `the gzip input is corrupt (${detail})`);
  }
}

export interface Gunzipped {
  bytes: Uint8Array;
  /** gzip layers removed: 0 (not gzip), 1, or 2 for a gzip of a gzip. */
  layers: number;
}

/**
 * Removes up to `maxGzipLayers` gzip layers. A gzip nested deeper than that is BAD_GZIP (no
 * honest pipeline compresses three times; it is a bomb pattern). The ratio of every layer is
 * measured against the size of the original input, so nesting cannot multiply the budget.
 */
export function gunzipLayers(input: Uint8Array, t: DecodeThresholds): Gunzipped {
  let bytes = input;
  let layers = 0;
  while (isGzip(bytes)) {
    if (layers >= t.maxGzipLayers) {
      throw new WinnowError(
        'BAD_GZIP',
        `the input is gzip nested more than ${t.maxGzipLayers} layers deep (decode.maxGzipLayers)`,
      );
    }
    bytes = gunzipOnce(bytes, input.length, t);
    layers += 1;
  }
  return { bytes, layers };
}
