/**
 * Charset detection and decoding, in the order browsers use:
 * BOM → Content-Type charset → `<meta>` prescan → valid UTF-8 → windows-1252.
 * Everything goes through the platform's TextDecoder (full ICU in Node 20), except
 * windows-1252 (see decodeWindows1252).
 */
import { isUtf8 } from 'node:buffer';
import type { DecodeThresholds } from '../config/decode';

export type CharsetSource = 'bom' | 'content-type' | 'meta' | 'utf8-valid' | 'fallback' | 'string';

export interface CharsetChoice {
  /** WHATWG name of the encoding used (`utf-8`, `windows-1251`, `shift_jis`, …). */
  charset: string;
  source: CharsetSource;
  /** The bytes after the BOM, if any: what `charset` decodes. */
  body: Uint8Array;
  /** The decoded text when choosing took decoding anyway (BOM, UTF-16, damaged UTF-8); else decode `body` when needed. */
  text?: string;
  /** A declaration that was not followed (unknown label, contradicted by the bytes), for diagnostics. */
  ignored?: { label: string; source: 'content-type' | 'meta'; why: string };
  /** Bytes that were invalid in the chosen charset were replaced by U+FFFD. */
  lossy: boolean;
}

// ---- labels ---------------------------------------------------------------------------

const labelCache = new Map<string, string | null>();

/**
 * WHATWG encoding name for a label, or null when the platform does not know it. The Encoding
 * Standard (and so TextDecoder) already maps `latin1`, `iso-8859-1`, `ascii`, `us-ascii` to
 * windows-1252, as browsers do.
 */
export function resolveLabel(label: string): string | null {
  const key = label.trim().toLowerCase();
  if (!key) return null;
  const cached = labelCache.get(key);
  if (cached !== undefined) return cached;
  let name: string | null;
  try {
    name = new TextDecoder(key).encoding;
  } catch {
    name = null;
  }
  labelCache.set(key, name);
  return name;
}

const CHARSET_PARAM = /charset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s;"',]+))/i;

/** The charset parameter of a Content-Type value (`text/html; charset=ISO-8859-1`), or null. */
export function charsetParam(value: string | undefined): string | null {
  if (!value) return null;
  const m = CHARSET_PARAM.exec(value);
  if (!m) return null;
  const label = (m[1] ?? m[2] ?? m[3] ?? '').trim();
  return label || null;
}

// ---- BOM ------------------------------------------------------------------------------

export function detectBom(bytes: Uint8Array): { charset: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  return null;
}

export function isUtf16(charset: string): boolean {
  return charset === 'utf-16le' || charset === 'utf-16be';
}

// ---- <meta> prescan -------------------------------------------------------------------

const ATTRIBUTE = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;

function metaCharset(attrs: string): string | null {
  let charset: string | null = null;
  let httpEquiv = '';
  let content = '';
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(attrs); m; m = ATTRIBUTE.exec(attrs)) {
    const name = m[1]!.toLowerCase();
    const value = m[2] ?? m[3] ?? m[4] ?? '';
    if (name === 'charset' && charset === null) charset = value.trim();
    else if (name === 'http-equiv') httpEquiv = value.trim().toLowerCase();
    else if (name === 'content') content = value;
  }
  if (charset) return charset;
  if (httpEquiv === 'content-type') return charsetParam(content);
  return null;
}

/**
 * The charset label declared by the first `<meta charset>` or
 * `<meta http-equiv="Content-Type" content="…; charset=…">` in the first `limit` bytes, skipping
 * comments. A simplified form of the HTML prescan: linear, no parse.
 */
export function prescanMeta(bytes: Uint8Array, limit: number): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, limit)).toString('latin1');
  const lower = head.toLowerCase();
  let i = lower.indexOf('<');
  while (i >= 0 && i < lower.length) {
    if (lower.startsWith('<!--', i)) {
      const end = lower.indexOf('-->', i + 4);
      if (end < 0) return null;
      i = lower.indexOf('<', end + 3);
      continue;
    }
    if (lower.startsWith('<meta', i) && /[\s/]/.test(lower.charAt(i + 5))) {
      const end = lower.indexOf('>', i + 5);
      const attrs = head.slice(i + 5, end < 0 ? head.length : end);
      const label = metaCharset(attrs);
      if (label) return label;
      if (end < 0) return null;
      i = lower.indexOf('<', end + 1);
      continue;
    }
    i = lower.indexOf('<', i + 1);
  }
  return null;
}

// ---- decoding -------------------------------------------------------------------------

/**
 * windows-1252 bytes 0x80–0x9F (the WHATWG table). Node 20's TextDecoder('windows-1252')
 * decodes them as Latin-1 C1 controls, so 0x80 would come out as U+0080 instead of `€`.
 */
const CP1252_HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d,
  0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0x009d, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  let high = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b >= 0x80 && b <= 0x9f) {
      high = true;
      break;
    }
  }
  if (!high) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  // One code unit per byte, then a single native UTF-16 decode (a regex replace is ~6× slower).
  // Little-endian written byte by byte, so it is right on any platform.
  const units = Buffer.allocUnsafe(bytes.length * 2);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    const u = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b;
    units[2 * i] = u & 0xff;
    units[2 * i + 1] = u >> 8;
  }
  return units.toString('utf16le');
}

/** One decoder per charset: a non-streaming decode() keeps no state between calls. */
const decoders = new Map<string, TextDecoder>();

export function decodeAs(charset: string, bytes: Uint8Array): string {
  if (charset === 'windows-1252') return decodeWindows1252(bytes);
  let decoder = decoders.get(charset);
  if (!decoder) {
    // ignoreBOM: a BOM has been handled (and cut) already; any other U+FEFF is content.
    decoder = new TextDecoder(charset, { ignoreBOM: true });
    decoders.set(charset, decoder);
  }
  return decoder.decode(bytes);
}

/** Multi-byte UTF-8 lead bytes, counted up to `enough` (valid input assumed). */
function multibyteSequences(bytes: Uint8Array, enough: number): number {
  let n = 0;
  for (let i = 0; i < bytes.length && n < enough; i++) if (bytes[i]! >= 0xc2) n += 1;
  return n;
}

/** Lenient UTF-8 decode and the share of non-ASCII sequences that were valid. */
function lenientUtf8(bytes: Uint8Array): { text: string; validShare: number } {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c === 0xfffd) invalid += 1;
    else if (c < 0xdc00 || c > 0xdfff) valid += 1; // a surrogate pair counts once
  }
  return { text, validShare: valid + invalid === 0 ? 1 : valid / (valid + invalid) };
}

/**
 * Picks the charset; decodes only when choosing needs it (see CharsetChoice.text). `utf16Plausible` says whether a UTF-16 declaration without a
 * BOM can be believed (the bytes have NULs, as UTF-16 text with any ASCII in it does).
 */
export function decodeCharset(
  bytes: Uint8Array,
  contentType: string | undefined,
  t: DecodeThresholds,
  utf16Plausible: (bytes: Uint8Array) => boolean,
): CharsetChoice {
  const bom = detectBom(bytes);
  if (bom) {
    const body = bytes.subarray(bom.length);
    const text = decodeAs(bom.charset, body);
    return { charset: bom.charset, source: 'bom', body, text, lossy: text.includes('\ufffd') };
  }

  let utf8: boolean | undefined; // undefined: not checked yet
  // Node's isUtf8 validates natively without building a string (as TextDecoder's fatal mode would).
  const validUtf8 = (): boolean => (utf8 ??= isUtf8(bytes));
  const body = bytes;
  let ignored: CharsetChoice['ignored'];

  const declarations: Array<{ source: 'content-type' | 'meta'; label: string | null }> = [
    { source: 'content-type', label: charsetParam(contentType) },
    { source: 'meta', label: null },
  ];
  for (const decl of declarations) {
    if (decl.source === 'meta') decl.label = prescanMeta(bytes, t.metaPrescanBytes);
    const label = decl.label;
    if (!label) continue;
    let charset = resolveLabel(label);
    if (decl.source === 'meta') {
      // HTML: a meta can't declare UTF-16 (it was read as ASCII), and x-user-defined is windows-1252.
      if (charset && isUtf16(charset)) charset = 'utf-8';
      if (!charset && label.trim().toLowerCase() === 'x-user-defined') charset = 'windows-1252';
    }
    if (!charset) {
      ignored ??= { label, source: decl.source, why: 'unknown charset label' };
      continue;
    }
    if (isUtf16(charset)) {
      if (utf16Plausible(bytes)) {
        const text = decodeAs(charset, bytes);
        return { charset, source: decl.source, body, text, lossy: text.includes('\ufffd'), ignored };
      }
      ignored ??= { label, source: decl.source, why: 'declared UTF-16 but the bytes have no NULs' };
      continue;
    }
    if (charset === 'utf-8') {
      if (validUtf8()) return { charset, source: decl.source, body, lossy: false, ignored };
      const lenient = lenientUtf8(bytes);
      if (lenient.validShare >= t.minValidUtf8Share) {
        return { charset, source: decl.source, body, text: lenient.text, lossy: true, ignored };
      }
      ignored ??= { label, source: decl.source, why: 'declared UTF-8 but the bytes are not UTF-8' };
      continue;
    }
    // A legacy charset. Valid UTF-8 with multi-byte sequences means the page was re-encoded
    // and the declaration is stale: decoding it as declared would give mojibake (`Ã©`).
    if (t.utf8OverrideMinSequences > 0) {
      if (validUtf8() && multibyteSequences(bytes, t.utf8OverrideMinSequences) >= t.utf8OverrideMinSequences) {
        return {
          charset: 'utf-8',
          source: 'utf8-valid',
          body,
          lossy: false,
          ignored: ignored ?? { label, source: decl.source, why: 'the bytes are valid UTF-8 with multi-byte characters' },
        };
      }
    }
    // windows-1252 maps every byte (decodeWindows1252), so it is never lossy and can wait;
    // other legacy charsets can have unmapped bytes, and `lossy` must say so now.
    const text = charset === 'windows-1252' ? undefined : decodeAs(charset, bytes);
    return { charset, source: decl.source, body, text, lossy: text?.includes('\ufffd') ?? false, ignored };
  }

  if (validUtf8()) return { charset: 'utf-8', source: 'utf8-valid', body, lossy: false, ignored };
  return { charset: 'windows-1252', source: 'fallback', body, lossy: false, ignored };
}
