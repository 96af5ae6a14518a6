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

export interface PageChars {
  /** The string the tokenizer walks: the page's text, or its bytes one character each. */
  readonly chars: string;
  /** The text a piece of `chars` stands for. */
  text(piece: string): string;
  /** UTF-16 code units that `piece[start, end)` stands for (`end - start` when `chars` is text). */
  textLength(piece: string, start: number, end: number): number;
  /** UTF-16 code units of the whole page's text. */
  readonly pageLength: number;
}

/** A page already decoded to text. */
export function textChars(text: string): PageChars {
  return {
    chars: text,
    text: (piece) => piece,
    textLength: (_piece, start, end) => end - start,
    pageLength: text.length,
  };
}

const NON_ASCII = /[\x80-\xff]/;
const NON_ASCII_RUN = /[\x80-\xff]+/g;

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

/** utf8Length of a whole page: its ASCII counted at once, only its non-ASCII runs walked. */
function pageUtf8Length(chars: string): number {
  let n = chars.length;
  NON_ASCII_RUN.lastIndex = 0;
  for (let m = NON_ASCII_RUN.exec(chars); m; m = NON_ASCII_RUN.exec(chars)) {
    n += utf8Length(m[0], 0, m[0].length) - m[0].length;
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
  const chars = buffer.toString('latin1');
  let pageLength: number | undefined;
  return {
    chars,
    text: (piece) => (NON_ASCII.test(piece) ? decodeAs(charset, Buffer.from(piece, 'latin1')) : piece),
    textLength: utf8 ? utf8Length : (_piece, start, end) => end - start,
    get pageLength() {
      return (pageLength ??= utf8 ? pageUtf8Length(chars) : chars.length);
    },
  };
}
