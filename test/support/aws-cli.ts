/**
 * The AWS CLI as a real process, asynchronously: the local stack's worker runs in the test's
 * own process, so a synchronous spawn would stall it while the CLI runs.
 */
import { spawn } from 'node:child_process';
import { awsCliEnv } from './moto';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Date.now() when the process was started and when it exited. */
  startedAt: number;
  exitedAt: number;
}

export function awsCli(endpoint: string, args: string[], timeoutMs = 60_000): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const startedAt = Date.now();
    const child = spawn('aws', ['--endpoint-url', endpoint, ...args], {
      env: awsCliEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, startedAt, exitedAt: Date.now() });
    });
  });
}

/** `aws s3 cp FILE s3://BUCKET/KEY`; throws with the CLI's stderr when it fails. */
export async function cliUpload(endpoint: string, file: string, bucket: string, key: string, extra: string[] = []): Promise<CliRun> {
  const run = await awsCli(endpoint, ['s3', 'cp', '--only-show-errors', ...extra, file, `s3://${bucket}/${key}`]);
  if (run.code !== 0) throw new Error(`aws s3 cp failed (${run.code}): ${run.stderr.trim()}`);
  return run;
}
