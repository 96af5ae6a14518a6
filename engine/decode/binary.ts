/**
 * Binary input: known file signatures (magic bytes), NUL bytes, or a high share of control
 * characters near the start. Checked after gunzip, so a gzipped PDF is still a PDF.
 */
import type { DecodeThresholds } from '../config/decode';
import { WinnowError } from '../errors';

interface Signature {
  name: string;
  offset: number;
  bytes: readonly number[];
}

const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));

/** Formats that are never a web page. Signatures that start with a NUL are left to the NUL check. */
const SIGNATURES: readonly Signature[] = [
  { name: 'a PDF document', offset: 0, bytes: ascii('%PDF-') },
  { name: 'a PNG image', offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'a JPEG image', offset: 0, bytes: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', offset: 0, bytes: ascii('GIF87a') },
  { name: 'a GIF image', offset: 0, bytes: ascii('GIF89a') },
  { name: 'a WebP image', offset: 8, bytes: ascii('WEBP') },
  { name: 'a TIFF image', offset: 0, bytes: [0x49, 0x49, 0x2a, 0x00] },
  { name: 'a TIFF image', offset: 0, bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { name: 'a zip archive (or an Office/EPUB/JAR file)', offset: 0, bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'a zip archive', offset: 0, bytes: [0x50, 0x4b, 0x05, 0x06] },
  { name: 'a zip archive', offset: 0, bytes: [0x50, 0x4b, 0x07, 0x08] },
  { name: 'a 7-Zip archive', offset: 0, bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'a RAR archive', offset: 0, bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] },
  { name: 'an xz archive', offset: 0, bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { name: 'a zstd archive', offset: 0, bytes: [0x28, 0xb5, 0x2f, 0xfd] },
  { name: 'a bzip2 archive', offset: 4, bytes: [0x31, 0x41, 0x59, 0x26, 0x53, 0x59] },
  { name: 'a tar archive', offset: 257, bytes: ascii('ustar') },
  { name: 'an ELF executable', offset: 0, bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'a Mach-O executable', offset: 0, bytes: [0xcf, 0xfa, 0xed, 0xfe] },
  { name: 'a Mach-O executable', offset: 0, bytes: [0xce, 0xfa, 0xed, 0xfe] },
  { name: 'a Java class or Mach-O universal binary', offset: 0, bytes: [0xca, 0xfe, 0xba, 0xbe] },
  { name: 'a SQLite database', offset: 0, bytes: ascii('SQLite format 3') },
  { name: 'an MP4/QuickTime video', offset: 4, bytes: ascii('ftyp') },
  { name: 'an Ogg media file', offset: 0, bytes: ascii('OggS') },
  { name: 'a WOFF font', offset: 0, bytes: ascii('wOFF') },
  { name: 'a WOFF2 font', offset: 0, bytes: ascii('wOF2') },
];

function matchesAt(bytes: Uint8Array, sig: Signature): boolean {
  if (bytes.length < sig.offset + sig.bytes.length) return false;
  for (let i = 0; i < sig.bytes.length; i++) {
    if (bytes[sig.offset + i] !== sig.bytes[i]) return false;
  }
  return true;
}

/** Extra conditions that make a short signature specific enough. */
function confirmed(bytes: Uint8Array, sig: Signature): boolean {
  if (sig.name === 'a WebP image') return matchesAt(bytes, { name: '', offset: 0, bytes: ascii('RIFF') });
  if (sig.name === 'a bzip2 archive') {
    return bytes[0] === 0x42 && bytes[1] === 0x5a && bytes[2] === 0x68 && bytes[3]! >= 0x31 && bytes[3]! <= 0x39;
  }
  return true;
}

/** The name of the binary format the bytes start with, or null. */
export function binarySignature(bytes: Uint8Array): string | null {
  for (const sig of SIGNATURES) {
    if (matchesAt(bytes, sig) && confirmed(bytes, sig)) return sig.name;
  }
  return null;
}

/**
 * C0 controls that never occur in text: everything below 0x20 except TAB, LF, VT, FF, CR and
 * ESC (ESC starts the escape sequences of ISO-2022-JP), plus DEL.
 */
function isControl(c: number): boolean {
  return (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d && c !== 0x1b) || c === 0x7f;
}

function fail(what: string): never {
  throw new WinnowError('BINARY_INPUT', `the input is binary, not a web page or text: ${what}`);
}

/** BINARY_INPUT when the bytes start with the signature of a known binary format. */
export function assertNoBinarySignature(bytes: Uint8Array): void {
  const signature = binarySignature(bytes);
  if (signature) fail(`it looks like ${signature}`);
}

/** BINARY_INPUT on a NUL byte or too many control bytes in the `sniffBytes` from `from`. */
export function assertNotBinaryBytes(bytes: Uint8Array, from: number, t: DecodeThresholds): void {
  const end = Math.min(bytes.length, from + t.sniffBytes);
  let controls = 0;
  for (let i = from; i < end; i++) {
    const c = bytes[i]!;
    if (c === 0) fail(`it has a NUL byte at offset ${i}`);
    if (isControl(c)) controls += 1;
  }
  checkShare(controls, end - from, t);
}

/** The same check on decoded text (UTF-16 input, where NUL bytes are normal, and strings). */
export function assertNotBinaryText(text: string, t: DecodeThresholds, nulAnywhere: boolean): void {
  if (nulAnywhere) {
    const nul = text.indexOf('\0');
    if (nul >= 0) fail(`it has a NUL character at offset ${nul}`);
  }
  const end = Math.min(text.length, t.sniffBytes);
  let controls = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) fail(`it has a NUL character at offset ${i}`);
    if (isControl(c)) controls += 1;
  }
  checkShare(controls, end, t);
}

function checkShare(controls: number, examined: number, t: DecodeThresholds): void {
  if (examined > 0 && controls / examined > t.maxControlShare) {
    const pct = Math.round((controls / examined) * 100);
    fail(`${pct}% of its first ${examined} bytes are control characters (decode.maxControlShare ${t.maxControlShare})`);
  }
}
