/** Decode stage: bytes → string. (Placeholder: gzip and UTF-8 only; the full version follows.) */
import { gunzipSync } from 'node:zlib';
import type { CleanOptions } from '../config/options';
import { WinnowError } from '../errors';

export interface Decoded {
  text: string;
  /** Charset label actually used (`utf-8`, `windows-1252`, …). */
  charset: string;
  gzip: boolean;
  /** Where the charset came from: `bom`, `content-type`, `meta`, `utf8-valid`, `fallback`, `string`. */
  source: string;
  /** Size of the input after gunzip, in bytes. */
  bytes: number;
}

export function decode(input: Uint8Array | string, opts: CleanOptions): Decoded {
  if (typeof input === 'string') {
    if (!input.trim()) throw new WinnowError('EMPTY_INPUT', 'the input is empty');
    return { text: input, charset: 'utf-16', gzip: false, source: 'string', bytes: input.length };
  }
  let bytes = input;
  let gzip = false;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    bytes = gunzipSync(bytes);
    gzip = true;
  }
  if (bytes.length > opts.decode.maxBytes) throw new WinnowError('TOO_LARGE', 'too large');
  const text = new TextDecoder('utf-8').decode(bytes);
  if (!text.trim()) throw new WinnowError('EMPTY_INPUT', 'the input is empty');
  return { text, charset: 'utf-8', gzip, source: 'utf8-valid', bytes: bytes.length };
}
