/** The `winnow` command run in process, with in-memory streams, for the tests. */
import { PassThrough } from 'node:stream';
import { main } from '../../cli/main';
import type { Io } from '../../cli/io';

/** In-memory streams for a command run in process, and what was written to them so far. */
export function memoryIo(): { io: Io; out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  return { io: { stdin: new PassThrough(), stdout, stderr }, out: () => out, err: () => err };
}

/** `winnow ARGV` in process: its exit code and what it wrote. */
export async function runCli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const run = memoryIo();
  const code = await main(argv, run.io);
  return { code, out: run.out(), err: run.err() };
}
