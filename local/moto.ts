/**
 * moto (`moto_server`, on the machine image) as the local stand-in for S3, SQS and DynamoDB:
 * started on 127.0.0.1, waited for, and stopped with everything it started.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/**
 * Loaded by moto's Python at startup (a `sitecustomize` on PYTHONPATH). moto 5 delivers each
 * event to a rule's target through jsonpath_ng, whose `parse` rebuilds its grammar tables on
 * every call: ~25 ms of CPU per path, eight paths per event, ~200 ms per PutEvents on this
 * machine. The parsed expressions are pure, so caching them (by the path string) changes
 * nothing but the speed (~4 ms per PutEvents). Without jsonpath_ng there is nothing to do.
 *
 * moto's SQS walks every message of a queue on each SendMessage (it computes the queue's
 * attributes) and ReceiveMessage (which are visible), asking each message the time through
 * `unix_time()`, which builds two datetimes per call (~4 µs). With a thousand messages queued, a
 * send cost ~15 ms of CPU, and a burst of uploads slowed the pipeline down quadratically. For
 * the current time `time.time()` gives the same number without the datetimes; an explicit
 * datetime still goes through moto's own function.
 */
const MOTO_SITECUSTOMIZE = `
try:
    import functools
    import jsonpath_ng.ext as _winnow_jsonpath_ext
    _winnow_jsonpath_ext.parse = functools.lru_cache(maxsize=256)(_winnow_jsonpath_ext.parse)
except Exception:
    pass
try:
    import time as _winnow_time
    import moto.core.utils as _winnow_moto_utils
    _winnow_unix_time = _winnow_moto_utils.unix_time
    def _winnow_fast_unix_time(dt=None):
        return _winnow_time.time() if dt is None else _winnow_unix_time(dt)
    def _winnow_fast_unix_time_millis(dt=None):
        return _winnow_time.time() * 1000.0 if dt is None else _winnow_unix_time(dt) * 1000.0
    _winnow_moto_utils.unix_time = _winnow_fast_unix_time
    _winnow_moto_utils.unix_time_millis = _winnow_fast_unix_time_millis
except Exception:
    pass
`;

export class MotoMissingError extends Error {
  constructor() {
    super(
      'moto_server was not found on PATH. winnow\'s local stack runs on moto (the local stand-in for ' +
        'S3, SQS and DynamoDB): install it with `pip install "moto[server]"`, or point WINNOW_ENDPOINT ' +
        'at a running moto or LocalStack.',
    );
    this.name = 'MotoMissingError';
  }
}

export interface MotoServer {
  endpoint: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** A port nobody is listening on right now, chosen by the OS. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function isUp(endpoint: string): Promise<boolean> {
  try {
    const res = await fetch(`${endpoint}/moto-api/data.json`, { signal: AbortSignal.timeout(1000) });
    return res.ok;
  } catch {
    return false;
  }
}

export async function startMoto(port: number, { timeoutMs = 20_000 } = {}): Promise<MotoServer> {
  const endpoint = `http://127.0.0.1:${port}`;
  const pythonPath = mkdtempSync(join(tmpdir(), 'winnow-moto-'));
  writeFileSync(join(pythonPath, 'sitecustomize.py'), MOTO_SITECUSTOMIZE);
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, PYTHONPATH: [pythonPath, process.env.PYTHONPATH].filter(Boolean).join(delimiter) },
  });
  const removePythonPath = () => rmSync(pythonPath, { recursive: true, force: true });
  child.once('exit', removePythonPath);
  child.once('error', removePythonPath); // not started at all (no moto_server): no 'exit'
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<NodeJS.ErrnoException | number | null>((resolve) => {
    child.once('error', (err) => resolve(err));
    child.once('exit', (code) => resolve(code));
  });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const early = await Promise.race([exited, new Promise<'wait'>((r) => setTimeout(() => r('wait'), 150))]);
    if (early !== 'wait') {
      // Not `instanceof Error`: under jest the spawn error comes from another realm.
      if (typeof early === 'object' && early !== null && early.code === 'ENOENT') throw new MotoMissingError();
      throw new Error(`moto_server exited before it was ready (${String(early)}): ${stderr.trim().slice(-500)}`);
    }
    if (await isUp(endpoint)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`moto_server did not answer on ${endpoint} within ${timeoutMs} ms: ${stderr.trim().slice(-500)}`);
    }
  }
  return {
    endpoint,
    port,
    process: child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Clears all of moto's state (buckets, queues, tables). */
export async function resetMoto(endpoint: string): Promise<void> {
  await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
}
