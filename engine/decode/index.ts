/**
 * Decode stage: bytes (or a string) → a string, or a typed error.
 *
 *   empty? → gunzip by magic bytes (capped; at most `maxGzipLayers`, so a gzip of a gzip is
 *   unwrapped too) → size limit → binary check (signatures, NULs, control characters) →
 *   charset (BOM → Content-Type → <meta> → valid UTF-8 → windows-1252) → empty after decoding?
 *
 * Errors: EMPTY_INPUT, TOO_LARGE, BAD_GZIP, GZIP_BOMB, BINARY_INPUT (see errors.ts).
 */
import type { CleanOptions } from '../config/options';
import type { DecodeThresholds } from '../config/decode';
import { WinnowError } from '../errors';
import { assertNoBinarySignature, assertNotBinaryBytes, assertNotBinaryText } from './binary';
import { charsetParam, decodeAs, decodeCharset, detectBom, isUtf16, resolveLabel, type CharsetSource } from './charset';
import { formatBytes, gunzipLayers } from './gzip';
import { byteChars, textChars, type PageChars } from './page-chars';

export interface Decoded {
  /** The input's text (decoded on first read when `page` made decoding it whole unnecessary). */
  readonly text: string;
  /** What the HTML path walks: the bytes, one character each, when the charset allows (page-chars.ts); else the text. */
  readonly page: PageChars;
  /** Charset label actually used (`utf-8`, `windows-1252`, …). */
  charset: string;
  gzip: boolean;
  /** Where the charset came from: `bom`, `content-type`, `meta`, `utf8-valid`, `fallback`, `string`. */
  source: CharsetSource;
  /** Size of the input after gunzip, in bytes (for a string: its UTF-8 size). */
  bytes: number;
  /** gzip layers removed (0, 1, or 2 for a gzip of a gzip). */
  gzipLayers: number;
  /** Some bytes were invalid in the charset used and became U+FFFD. */
  lossy: boolean;
  /** A charset declaration that was not followed, and why (unknown label, contradicted by the bytes). */
  ignoredDeclaration?: { label: string; source: 'content-type' | 'meta'; why: string };
}

const HAS_CONTENT = /\S/; // \s includes U+FEFF and U+00A0
/** Any visible ASCII byte (`!` to `~`): in UTF-8 and windows-1252, a visible character. */
function hasVisibleAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] > 0x20 && bytes[i] < 0x7f) return true;
  return false;
}

function emptyError(detail: string): WinnowError {
  return new WinnowError('EMPTY_INPUT', `the input is empty (${detail})`);
}

function tooLarge(size: number, t: DecodeThresholds, unit: string): WinnowError {
  return new WinnowError(
    'TOO_LARGE',
    `the input is ${formatBytes(size)}${unit}, over the ${formatBytes(t.maxBytes)} limit (decode.maxBytes)`,
  );
}

function decodeString(input: string, t: DecodeThresholds): Decoded {
  if (input.length > t.maxBytes) throw tooLarge(input.length, t, ' (UTF-16 code units)');
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (!HAS_CONTENT.test(text)) throw emptyError(text.length ? 'only whitespace' : '0 characters');
  assertNotBinaryText(text, t, true);
  return {
    text,
    page: textChars(text),
    charset: 'utf-16',
    gzip: false,
    source: 'string',
    bytes: Buffer.byteLength(input, 'utf8'),
    gzipLayers: 0,
    lossy: false,
  };
}

/** Has NUL bytes in the first `sniffBytes`: how UTF-16 text without a BOM looks. */
function hasNulBytes(t: DecodeThresholds) {
  return (bytes: Uint8Array): boolean => bytes.subarray(0, t.sniffBytes).includes(0);
}

export function decode(input: Uint8Array | string, opts: CleanOptions): Decoded {
  const t = opts.decode;
  if (typeof input === 'string') return decodeString(input, t);
  if (input.length === 0) throw emptyError('0 bytes');

  const { bytes, layers } = gunzipLayers(input, t);
  if (bytes.length === 0) throw emptyError('the gzip data decompresses to 0 bytes');
  if (bytes.length > t.maxBytes) throw tooLarge(bytes.length, t, layers ? ' after gunzip' : '');

  // NUL bytes are normal in UTF-16, so when the input is (or says it is) UTF-16 the
  // NUL and control-character check runs on the decoded text instead of the bytes.
  assertNoBinarySignature(bytes);
  const bom = detectBom(bytes);
  const utf16Plausible = hasNulBytes(t);
  const utf16 = bom
    ? isUtf16(bom.charset)
    : isUtf16(resolveLabel(charsetParam(opts.contentType) ?? '') ?? '') && utf16Plausible(bytes);
  if (!utf16) assertNotBinaryBytes(bytes, bom ? bom.length : 0, t);

  const choice = decodeCharset(bytes, opts.contentType, t, utf16Plausible);
  let text = choice.text;
  const view = text === undefined ? byteChars(choice.body, choice.charset) : null;
  const readText = (): string => (text ??= decodeAs(choice.charset, choice.body));
  if (isUtf16(choice.charset)) assertNotBinaryText(readText(), t, false);
  // Any visible ASCII character in the bytes is content; otherwise ask the text.
  if (!(view && hasVisibleAscii(choice.body)) && !HAS_CONTENT.test(readText())) throw emptyError('only whitespace');
  let page = view;

  const decoded: Decoded = {
    get text() {
      return readText();
    },
    get page() {
      return (page ??= textChars(readText()));
    },
    charset: choice.charset,
    gzip: layers > 0,
    source: choice.source,
    bytes: bytes.length,
    gzipLayers: layers,
    lossy: choice.lossy,
  };
  if (choice.ignored) decoded.ignoredDeclaration = choice.ignored;
  return decoded;
}
