/**
 * The worker thread of `winnow clean --out-dir --jobs N`: loads the engine once, then cleans the
 * files the main thread sends (reading and writing them itself, so no page crosses threads) and
 * answers each with null (done) or the failure, once its output is written.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { cleanBytes, describe, readInputAsync, writeOutput, type CleanJob, type Failure } from './clean-file';
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
  // Each task's file is read on the thread pool (the next one while this one is cleaned), then
  // cleaned here, then written on the thread pool; the answer goes once it is written.
  const handle = async (task: Task): Promise<Failure | null> => {
    let text: string;
    try {
      text = cleanBytes(engine, job, await readInputAsync(engine, task.file));
    } catch (err) {
      return describe(engine, err);
    }
    return writeOutput(engine, task.out, text);
  };
  port.on('message', (task: Task) => {
    void handle(task).then((failure) => port.postMessage({ id: task.id, failure } satisfies Answer));
  });
}
