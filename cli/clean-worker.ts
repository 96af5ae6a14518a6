/**
 * The worker thread of `winnow clean --out-dir --jobs N`: loads the engine once, then cleans the
 * files the main thread sends (reading and writing them itself, so no page crosses threads) and
 * answers each with null (done) or the failure, once its output is written.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { cleanFile, describe, writeOutput, type CleanJob, type Failure } from './clean-file';
import type * as Engine from '../engine';

/** main → worker */
export interface Task {
  id: number;
  file: string;
  out: string;
}

/** worker → main */
export interface Answer {
  id: number;
  failure: Failure | null;
}

if (parentPort) {
  const port = parentPort;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const engine = require('../engine') as typeof Engine;
  const job = workerData as CleanJob;
  port.on('message', (task: Task) => {
    let text: string;
    try {
      text = cleanFile(engine, job, task.file);
    } catch (err) {
      port.postMessage({ id: task.id, failure: describe(engine, err) } satisfies Answer);
      return;
    }
    void writeOutput(engine, task.out, text).then((failure) => port.postMessage({ id: task.id, failure } satisfies Answer));
  });
}
