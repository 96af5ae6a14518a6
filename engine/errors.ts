/** Typed errors: every way input can be unusable has a stable code and a clear message. */

export type WinnowErrorCode =
  | 'EMPTY_INPUT'
  | 'BINARY_INPUT'
  | 'TOO_LARGE'
  | 'BAD_GZIP'
  | 'GZIP_BOMB'
  | 'TOO_COMPLEX'
  | 'BAD_OPTIONS';

export class WinnowError extends Error {
  readonly code: WinnowErrorCode;
  constructor(code: WinnowErrorCode, message: string) {
    super(message);
    this.name = 'WinnowError';
    this.code = code;
  }
}

export function isWinnowError(err: unknown): err is WinnowError {
  return err instanceof WinnowError;
}
