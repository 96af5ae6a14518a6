/** The process streams a command works with (swappable in tests), and small output helpers. */
import type { Readable, Writable } from 'node:stream';
import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface OutStream extends Writable {
  isTTY?: boolean;
  columns?: number;
}

export interface Io {
  stdin: Readable;
  stdout: OutStream;
  stderr: OutStream;
}

export function processIo(): Io {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
}

/** Exit codes of every command. */
export const EXIT_OK = 0;
/** At least one input failed (the others were processed). */
export const EXIT_FAILED = 1;
/** Bad command line. */
export const EXIT_USAGE = 2;

/** Writes and waits until the data is handed to the OS (so the exit code comes after the output). */
export function write(stream: Writable, data: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(data, (err) => (err ? reject(err) : resolve()));
  });
}

/** A reader whose output goes to `head` closes the pipe early: that is not an error. */
export function ignoreEpipe(stream: Writable): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
}

export function isEpipe(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | null)?.code === 'EPIPE';
}

/** Reads a whole stream, failing with `tooLarge()` once more than `limit` bytes arrived. */
export async function readAll(stream: Readable, limit: number, tooLarge: () => Error): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > limit) {
      stream.destroy();
      throw tooLarge();
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks, size);
}

/** What `parseArgs` gives for `config`. */
export type ParsedCommandLine<T extends ParseArgsConfig> = ReturnType<typeof parseArgs<T>>;

/**
 * A command's options, strictly parsed. A bad command line writes why and the usage to stderr,
 * `--help` the usage to stdout: both return the exit code instead of the options.
 */
export async function parseCommandLine<T extends ParseArgsConfig>(command: string, config: T, usage: string, io: Io): Promise<ParsedCommandLine<T> | number> {
  let parsed: ParsedCommandLine<T>;
  try {
    parsed = parseArgs(config);
  } catch (err) {
    await write(io.stderr, `winnow ${command}: ${(err as Error).message}\n\n${usage}`);
    return EXIT_USAGE;
  }
  if ((parsed.values as { help?: boolean }).help) {
    await write(io.stdout, usage);
    return EXIT_OK;
  }
  return parsed;
}
