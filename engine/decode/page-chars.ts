/**
 * What the HTML path reads: the page as one string, and the way to turn a piece of it into text.
 *
 * In UTF-8 and in windows-1252 (and so Latin-1 and ASCII) every byte below 0x80 is that ASCII
 * character, and all of HTML's syntax (`<`, `>`, `=`, quotes, tag and attribute names) is
 * ASCII. So the tokenizer can walk the bytes themselves as a one-byte string (latin1: one
 * character per byte, no decoding, half the memory of a UTF-16 string), and only what the
 * engine keeps — block text, the title, JSON-LD, the attribute values it reads — is decoded,
 * piece by piece, with the page's charset. A multi-byte character never straddles a tag, so
 * pieces decode exactly as the whole page would. Other charsets (UTF-16; the CJK multi-byte
 * ones and ISO-2022-JP, whose bytes can look like `<`; single-byte ones whose unmapped bytes
 * must be reported as lossy) are decoded whole first and walked as text.
 */
import { decodeAs } from './charset';
import { isLeadingSpace } from './sniff';

export interface PageChars {
  /**
   * What the tokenizer walks, in order: the page's text, or its bytes one character each. Bytes
   * come in pieces under V8's large-object size (see PIECE_BYTES).
   */
  pieces(): Iterable<string>;
  /** Up to `n` characters from the first one that is not a BOM or whitespace (for sniffing). */
  leading(n: number): string;
  /** The text a piece of the walked characters stands for. */
  text(piece: string): string;
  /** UTF-16 code units that `piece[start, end)` stands for (`end - start` when the page is walked as text). */
  textLength(piece: string, start: number, end: number): number;
  /** UTF-16 code units of the whole page's text. */
  readonly pageLength: number;
}

/** A page already decoded to text. */
export function textChars(text: string): PageChars {
  return {
    pieces: () => [text],
    leading: (n) => {
      const start = leadingSpace(text.length, (i) => text.charCodeAt(i));
      return text.slice(start, start + n);
    },
    text: (piece) => piece,
    textLength: (_piece, start, end) => end - start,
    pageLength: text.length,
  };
}

/** Index of the first character that sniffing does not skip (sniff.ts's isLeadingSpace). */
function leadingSpace(length: number, codeAt: (i: number) => number): number {
  let i = 0;
  while (i < length && isLeadingSpace(codeAt(i))) i++;
  return i;
}

/**
 * Bytes per piece handed to the tokenizer. A string over 128 KiB is a large object to V8, and
 * making one costs fresh memory from the system each time: turning a 200 KB page into one
 * string took 4 ns a byte here, in 64 KiB pieces under 0.1 ns. Pieces end just before a `<`,
 * so a run of text is never cut in two.
 */
const PIECE_BYTES = 64 * 1024;
const LT = 0x3c;

function* bytePieces(buffer: Buffer): Generator<string> {
  for (let start = 0; start < buffer.length; ) {
    let end = start + PIECE_BYTES;
    if (end >= buffer.length) end = buffer.length;
    else {
      const lt = buffer.lastIndexOf(LT, end);
      if (lt > start) end = lt;
    }
    yield buffer.toString('latin1', start, end);
    start = end;
  }
}

const NON_ASCII = /[\x80-\xff]/;

/** No byte of the piece is over 0x7f. Short pieces (class names, ids, words) in a loop: a regex call costs more than their few characters. */
function isAscii(piece: string): boolean {
  if (piece.length > 32) return !NON_ASCII.test(piece);
  for (let i = 0; i < piece.length; i++) if (piece.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** UTF-16 code units of valid UTF-8 bytes held one per character: continuation bytes add none, 4-byte sequences two. */
function utf8Length(piece: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = piece.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c >= 0xf0) n += 2;
    else if (c >= 0xc0) n += 1;
  }
  return n;
}

/** UTF-16 code units of a whole page of valid UTF-8 bytes: continuation bytes add none, 4-byte sequences two. */
function pageUtf8Length(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) n += 1;
    else if (b >= 0xf0) n += 2;
    else if (b >= 0xc0) n += 1;
  }
  return n;
}

/**
 * The bytes as a one-byte string when `charset` is UTF-8 (valid: the caller checked) or
 * windows-1252 (every byte one character), else null and the caller decodes the page whole.
 * decodeCharset leaves the text undecoded for exactly these two; any other charset it left
 * undecoded would still be correct here, just decoded whole.
 */
export function byteChars(bytes: Uint8Array, charset: string): PageChars | null {
  const utf8 = charset === 'utf-8';
  if (!utf8 && charset !== 'windows-1252') return null;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let pageLength: number | undefined;
  return {
    pieces: () => bytePieces(buffer),
    leading: (n) => {
      const start = leadingSpace(buffer.length, (i) => buffer[i]);
      return buffer.toString('latin1', start, Math.min(buffer.length, start + n));
    },
    text: (piece) => (isAscii(piece) ? piece : decodeAs(charset, Buffer.from(piece, 'latin1'))),
    textLength: utf8 ? utf8Length : (_piece, start, end) => end - start,
    get pageLength() {
      return (pageLength ??= utf8 ? pageUtf8Length(buffer) : buffer.length);
    },
  };
}
