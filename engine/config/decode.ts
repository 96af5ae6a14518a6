/** Limits of the decode stage. */
export interface DecodeThresholds {
  /** Largest input accepted, in bytes after gunzip (TOO_LARGE above). */
  maxBytes: number;
  /** Largest gunzip expansion ratio accepted (GZIP_BOMB above). */
  maxGzipRatio: number;
  /** Bytes sniffed for binary signatures and control characters. */
  sniffBytes: number;
}

export const DECODE_DEFAULTS: DecodeThresholds = {
  maxBytes: 10 * 1024 * 1024,
  maxGzipRatio: 200,
  sniffBytes: 4096,
};
