/**
 * One input file → one output file, as `winnow clean --out-dir` does it: shared by the
 * in-process loop (`--jobs 1`) and the worker threads (`--jobs N`), so both write the same
 * bytes and report the same errors.
 */
import { readFile, readFileSync, stat, statSync, writeFile } from 'node:fs';
import type * as Engine from '../engine';

export type OutputFormat = 'text' | 'markdown' | 'json';

/** What every file of one run is cleaned with. */
export interface CleanJob {
  format: OutputFormat;
  frontMatter: boolean;
  options: Engine.CleanOptionsInput;
}

/** Why an input failed: `CODE` and a message, as the stderr line shows them. */
export interface Failure {
  code: string;
  message: string;
}

/** Input bytes read beyond `maxBytes` before giving up: gzip never shrinks data by more than its framing. */
export const READ_SLACK_BYTES = 64 * 1024;

export function readLimit(engine: typeof Engine): number {
  return engine.DEFAULT_OPTIONS.decode.maxBytes + READ_SLACK_BYTES;
}

export function tooLarge(engine: typeof Engine, name: string): Error {
  const mb = (engine.DEFAULT_OPTIONS.decode.maxBytes / (1024 * 1024)).toFixed(1);
  return new engine.WinnowError('TOO_LARGE', `${name} is over the ${mb} MB limit (decode.maxBytes)`);
}

/**
 * Reads a file whole, refusing one over the limit before reading it. Synchronous (a CLI over
 * thousands of small files gains nothing from the event loop here; the worker threads give the
 * parallelism). The errors are those of `stat` and `readFile`, as before.
 */
export function readInput(engine: typeof Engine, file: string): Buffer {
  const info = statSync(file);
  if (info.isFile() && info.size > readLimit(engine)) throw tooLarge(engine, 'the file');
  return readFileSync(file);
}

export function render(engine: typeof Engine, result: Engine.CleanResult, job: CleanJob): string {
  if (job.format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
  if (job.format === 'markdown') return engine.toMarkdown(result, { frontMatter: job.frontMatter });
  return result.text ? `${result.text}\n` : '';
}

/** Why an input failed, as `CODE` and a message. */
export function describe(engine: typeof Engine, err: unknown): Failure {
  if (engine.isWinnowError(err)) return { code: err.code, message: err.message };
  const e = err as NodeJS.ErrnoException;
  if (e && typeof e.code === 'string') {
    const message = e.message.startsWith(`${e.code}: `) ? e.message.slice(e.code.length + 2) : e.message;
    return { code: e.code, message };
  }
  // A bug, not bad input: keep it on one line, with where it happened.
  if (err instanceof Error) {
    const frame = /\n\s+at (.+)/.exec(err.stack ?? '')?.[1];
    return { code: 'INTERNAL', message: `${err.name}: ${err.message}${frame ? ` (at ${frame})` : ''}` };
  }
  return { code: 'INTERNAL', message: String(err) };
}

/** `readInput` on libuv's thread pool (the same checks, the same errors): reads ahead while a page is cleaned. */
export function readInputAsync(engine: typeof Engine, file: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    stat(file, (err, info) => {
      if (err) return reject(err);
      if (info.isFile() && info.size > readLimit(engine)) return reject(tooLarge(engine, 'the file'));
      readFile(file, (e, bytes) => (e ? reject(e) : resolve(bytes)));
    });
  });
}

/** The output text of a page's bytes (throws what cleaning it throws). */
export function cleanBytes(engine: typeof Engine, job: CleanJob, bytes: Buffer): string {
  return render(engine, engine.clean(bytes, job.options), job);
}

/** The output text of `file` (throws what reading or cleaning it throws). */
export function cleanFile(engine: typeof Engine, job: CleanJob, file: string): string {
  return cleanBytes(engine, job, readInput(engine, file));
}

/**
 * Writes an output on libuv's thread pool, so the next page is cleaned while this one is written
 * (the write is most of the per-file cost that is not the engine's). Resolves to null or the failure.
 */
export function writeOutput(engine: typeof Engine, out: string, text: string): Promise<Failure | null> {
  return new Promise((resolve) => {
    writeFile(out, text, (err) => resolve(err ? describe(engine, err) : null));
  });
}

/** Most outputs being written at once by one thread (bounds the memory held by pending writes). */
export const MAX_PENDING_WRITES = 8;
