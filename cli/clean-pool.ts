/**
 * `winnow clean --out-dir --jobs N`: N worker threads clean the files, this thread hands them out
 * (at most three at a time per worker: one read, one cleaned, one written; so memory stays that of N single runs) and reports the
 * results in FILE order, so the error lines, the files written and the exit status are those of
 * `--jobs 1`. Two FILEs with one output name keep the sequential rule: a later one is refused
 * (OUTPUT_CLASH) if an earlier one was written, so it waits for the earlier ones to finish.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CleanJob, Failure } from './clean-file';
import type { Answer, Task } from './clean-worker';
import type { Progress } from './progress';

export interface PoolRun {
  files: string[];
  outs: string[];
  jobs: number;
  job: CleanJob;
  progress: Progress;
  /** Called once per FILE, in FILE order. */
  report(file: string, failure: Failure | null): void;
  clash(out: string, first: string): Failure;
}

/** Tasks a worker holds at once: one being read, one cleaned, one written, so it never idles on a round trip. */
const IN_FLIGHT_PER_WORKER = 3;

/** The bundled worker next to the bundled CLI (dist/); from the TypeScript sources, through tsx. */
function startWorker(job: CleanJob): Worker {
  const bundled = join(__dirname, 'clean-worker.cjs');
  if (existsSync(bundled)) return new Worker(bundled, { workerData: job });
  const source = join(__dirname, 'clean-worker.ts');
  return new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(source)});`, { eval: true, workerData: job });
}

export function runWorkers(run: PoolRun): Promise<void> {
  const { files, outs, job, progress } = run;
  const n = files.length;
  const results: (Failure | null | undefined)[] = new Array(n);
  const settled: boolean[] = new Array(n).fill(false);
  /** For each FILE, the earlier FILEs with the same output path (usually none). */
  const earlier = new Map<number, number[]>();
  const firstOf = new Map<string, number[]>();
  outs.forEach((out, i) => {
    const same = firstOf.get(out);
    if (same) {
      earlier.set(i, [...same]);
      same.push(i);
    } else firstOf.set(out, [i]);
  });

  return new Promise<void>((resolve, reject) => {
    let next = 0; // next FILE to hand out
    let reported = 0; // FILEs reported so far (in order)
    let done = false;
    const workers: { worker: Worker; inFlight: Set<number> }[] = [];

    const finish = (err?: unknown) => {
      if (done) return;
      done = true;
      for (const w of workers) void w.worker.terminate();
      if (err) reject(err instanceof Error ? err : new Error(String(err)));
      else resolve();
    };

    const settle = (i: number, failure: Failure | null) => {
      results[i] = failure;
      settled[i] = true;
      while (reported < n && settled[reported]) {
        run.report(files[reported]!, results[reported]!);
        results[reported] = undefined; // free it
        reported += 1;
      }
      if (reported === n) finish();
      else pump();
    };

    /** Hands out FILEs in order while workers have room; a FILE waiting on a same-named one stalls the line. */
    const pump = () => {
      while (next < n && !done) {
        const prior = earlier.get(next);
        if (prior) {
          if (!prior.every((j) => settled[j])) return; // wait for the earlier same-named FILEs
          const written = prior.find((j) => wasWritten.has(j));
          if (written !== undefined) {
            const i = next++;
            settle(i, run.clash(outs[i]!, files[written]!));
            continue;
          }
        }
        const w = workers.reduce<(typeof workers)[number] | null>(
          (best, cur) => (cur.inFlight.size < IN_FLIGHT_PER_WORKER && (!best || cur.inFlight.size < best.inFlight.size) ? cur : best),
          null,
        );
        if (!w) return;
        const i = next++;
        w.inFlight.add(i);
        progress.start(files[i]!);
        const task: Task = { id: i, file: files[i]!, out: outs[i]! };
        w.worker.postMessage(task);
      }
    };

    /** FILEs written (kept after their result is freed, for the clash rule). Only same-named FILEs need it. */
    const wasWritten = new Set<number>();

    const spawn = () => {
      const entry = { worker: startWorker(job), inFlight: new Set<number>() };
      entry.worker.on('message', (answer: Answer) => {
        entry.inFlight.delete(answer.id);
        if (answer.failure === null && firstOf.get(outs[answer.id]!)!.length > 1) wasWritten.add(answer.id);
        settle(answer.id, answer.failure);
      });
      const died = (why: string) => {
        if (done) return;
        const index = workers.indexOf(entry);
        if (index < 0) return;
        workers.splice(index, 1);
        const lost = [...entry.inFlight];
        entry.inFlight.clear();
        // A worker that dies (out of memory, a crash in native code) fails the FILEs it held;
        // a fresh one takes its place for the rest.
        if (next < n) spawn();
        for (const i of lost) settle(i, { code: 'INTERNAL', message: `worker thread died: ${why}` });
        if (workers.length === 0 && !done) finish(new Error(`winnow clean: worker threads died: ${why}`));
      };
      entry.worker.on('error', (err) => died(err instanceof Error ? err.message : String(err)));
      entry.worker.on('exit', (code) => died(`exit code ${code}`));
      workers.push(entry);
    };

    for (let k = 0; k < run.jobs; k++) spawn();
    pump();
  });
}
