/** Limits and thresholds of the decode stage (gunzip, binary check, charset, format sniffing). */
export interface DecodeThresholds {
  /** Largest input accepted, in bytes after gunzip (TOO_LARGE above). A string counts its UTF-16 length. */
  maxBytes: number;
  /** Largest gunzip expansion ratio accepted (GZIP_BOMB above), output bytes / compressed bytes. */
  maxGzipRatio: number;
  /**
   * Below this many output bytes the ratio is not enforced: a small, very repetitive page
   * can expand more than `maxGzipRatio` times and still be harmless.
   */
  gzipRatioMinBytes: number;
  /**
   * gzip layers unwrapped at most. 2 accepts a gzip of a gzip (an already-compressed file
   * uploaded with `Content-Encoding: gzip`); one more layer is BAD_GZIP.
   */
  maxGzipLayers: number;
  /** Bytes sniffed for binary signatures and control characters. */
  sniffBytes: number;
  /**
   * Share of control characters (other than tab, LF, VT, FF, CR, ESC) in the first `sniffBytes`
   * above which the input is BINARY_INPUT. Any NUL byte there is BINARY_INPUT on its own.
   */
  maxControlShare: number;
  /** Bytes prescanned for `<meta charset>` / `<meta http-equiv="Content-Type">`. */
  metaPrescanBytes: number;
  /**
   * When the bytes are not valid UTF-8 although UTF-8 was declared, keep UTF-8 (with U+FFFD for
   * the bad sequences) if at least this share of the non-ASCII sequences is valid UTF-8;
   * otherwise the declaration is wrong and the next rule decides (usually windows-1252).
   */
  minValidUtf8Share: number;
  /**
   * A legacy charset declaration (content-type or meta) is overruled when the bytes are valid
   * UTF-8 with at least this many multi-byte sequences (a re-encoded page with a stale meta).
   * 0 disables the override.
   */
  utf8OverrideMinSequences: number;
  /** Characters (after a BOM and leading whitespace) examined to tell HTML from text. */
  formatSniffChars: number;
  /** Well-known HTML tags (open or close) in that window that make the input HTML. */
  htmlMinTags: number;
}

export const DECODE_DEFAULTS: DecodeThresholds = {
  maxBytes: 10 * 1024 * 1024,
  maxGzipRatio: 200,
  gzipRatioMinBytes: 64 * 1024,
  maxGzipLayers: 2,
  sniffBytes: 4096,
  maxControlShare: 0.05,
  metaPrescanBytes: 4096,
  minValidUtf8Share: 0.5,
  utf8OverrideMinSequences: 1,
  formatSniffChars: 4096,
  htmlMinTags: 5,
};
