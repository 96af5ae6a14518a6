/**
 * The worker thread of `winnow clean --out-dir --jobs N`: loads the engine once, then cleans the
 * files the main thread sends (reading and writing them itself, so no page crosses threads) and
 * answers each with null (done) or the failure.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { cleanFileTo, type CleanJob, type Failure } from './clean-file';
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
    const answer: Answer = { id: task.id, failure: cleanFileTo(engine, job, task.file, task.out) };
    port.postMessage(answer);
  });
}
