/**
 * npm run bench:faults [-- --objects N] [--rate R] [--seed S] [--workers K] [--max-attempts A] [--json]
 *
 * The local pipeline with injected faults (local/faults.ts): starts moto on a free port, the
 * local stack, and a fault proxy between moto and the handler's S3/DynamoDB clients and the
 * workers' SQS client. Uploads N gzipped pages (the development benchmark's pages in
 * ../shared/data/article-extraction/html, cycled; the example pages when ../shared is absent)
 * twice, under two prefixes: first with no faults (the reference), then with a share R of the
 * calls faulted — 500 InternalError, 503 SlowDown/ServiceUnavailable, DynamoDB throttling,
 * delays, connections dropped before or after moto did the work. The SDK retries (AWS_MAX_ATTEMPTS
 * = A), SQS redelivers what the handler hands back. Then every item and output of the faulted
 * run is compared with the reference: status, text and JSON bytes, item fields (all but
 * timings and keys). Exit status 1 when any upload is lost, doubled, not done or different.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import {
  compareRuns,
  describeFaults,
  queueDepth,
  startFaultProxy,
  startHandlerWorkers,
  uploadAndCollect,
  useProxyForHandler,
  type FaultProxy,
  type HandlerWorkers,
  type PageSource,
} from '../local/faults';
import { freePort, startMoto, type MotoServer } from '../local/moto';
import { startLocalStack, type LocalStack } from '../local/stack';

const PAGES_DIR = resolve(__dirname, '../../shared/data/article-extraction/html');
const EXAMPLES_DIR = resolve(__dirname, '../examples');

const OPTIONS = {
  objects: { type: 'string', default: '1000' },
  rate: { type: 'string', default: '0.1' },
  seed: { type: 'string', default: '1' },
  workers: { type: 'string', default: '2' },
  concurrency: { type: 'string', default: '16' },
  'max-attempts': { type: 'string', default: '6' },
  visibility: { type: 'string', default: '30' },
  timeout: { type: 'string', default: '900' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h' },
} as const;

const USAGE = `Usage: npm run bench:faults -- [--objects N] [--rate R] [--seed S] [--workers K] [--max-attempts A] [--json]
  --objects N        uploads in each of the two runs (default 1000)
  --rate R           share of calls faulted in the second run, 0..1 (default 0.1)
  --seed S           the fault sequence (default 1)
  --workers K        queue consumers, each with its own handler (default 2)
  --concurrency C    uploads in flight (default 16)
  --max-attempts A   the SDK's attempts per call, AWS_MAX_ATTEMPTS (default 6)
  --visibility S     the queue's visibility timeout in seconds (default 30)
  --timeout S        give up waiting for each run after S seconds (default 900)
  --json             one JSON object on stdout instead of the report
`;

function loadSources(): { from: string; pages: PageSource[] } {
  if (existsSync(PAGES_DIR)) {
    const files = readdirSync(PAGES_DIR).filter((f) => f.endsWith('.html.gz')).sort();
    if (files.length > 0) {
      return { from: PAGES_DIR, pages: files.map((f) => ({ name: f, body: readFileSync(join(PAGES_DIR, f)), contentType: 'application/gzip' })) };
    }
  }
  const files = readdirSync(EXAMPLES_DIR).filter((f) => /\.(html?|txt)$/i.test(f)).sort();
  return {
    from: EXAMPLES_DIR,
    pages: files.map((f) => ({ name: `${f}.gz`, body: gzipSync(readFileSync(join(EXAMPLES_DIR, f))), contentType: 'application/gzip' })),
  };
}

function number(name: string, value: string, ok: (n: number) => boolean): number {
  const n = Number(value);
  if (!Number.isFinite(n) || !ok(n)) {
    process.stderr.write(`bench:faults: --${name} is out of range: ${value}\n\n${USAGE}`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: process.argv.slice(2), options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (err) {
    process.stderr.write(`bench:faults: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const int = (n: number) => Number.isInteger(n) && n >= 1;
  const objects = number('objects', values.objects, int);
  const rate = number('rate', values.rate, (n) => n >= 0 && n <= 1);
  const seed = number('seed', values.seed, Number.isInteger);
  const workerCount = number('workers', values.workers, int);
  const concurrency = number('concurrency', values.concurrency, int);
  const maxAttempts = number('max-attempts', values['max-attempts'], int);
  const visibility = number('visibility', values.visibility, int);
  const timeoutMs = number('timeout', values.timeout, int) * 1000;
  const log = (line: string) => {
    if (!values.json) process.stderr.write(`${line}\n`);
  };

  const { from, pages } = loadSources();
  log(`bench:faults: ${objects} objects from ${pages.length} pages in ${from}, twice: fault-free, then ${(rate * 100).toFixed(0)}% of calls faulted (seed ${seed}); ${workerCount} worker(s), AWS_MAX_ATTEMPTS=${maxAttempts}`);

  let moto: MotoServer | null = null;
  let stack: LocalStack | null = null;
  let proxy: FaultProxy | null = null;
  let workers: HandlerWorkers | null = null;
  try {
    moto = await startMoto(await freePort());
    stack = await startLocalStack({
      endpoint: moto.endpoint,
      logLevel: 'SILENT',
      worker: false,
      resources: { maxReceiveCount: 10, visibilityTimeoutSeconds: visibility },
    });
    proxy = await startFaultProxy({ target: moto.endpoint, rate: 0, seed });
    useProxyForHandler(proxy.endpoint, maxAttempts);
    let workerErrors = 0;
    workers = startHandlerWorkers({
      queueUrl: stack.resources.queueUrl,
      names: stack.resources.names,
      count: workerCount,
      sqsEndpoint: proxy.endpoint,
      visibilityTimeoutSeconds: visibility,
      onError: () => workerErrors++,
    });
    const run = (prefix: string) =>
      uploadAndCollect({
        clients: stack!.clients,
        names: stack!.resources.names,
        queueUrl: stack!.resources.queueUrl,
        prefix,
        pages,
        count: objects,
        concurrency,
        timeoutMs,
        log,
      });

    log('fault-free run …');
    const reference = await run('clean/');
    const referenceDone = [...reference.objects.values()].filter((o) => o.item?.status === 'done').length;
    log(`  ${referenceDone} of ${objects} done in ${reference.seconds.toFixed(1)} s`);

    log(`faulted run (${(rate * 100).toFixed(0)}%) …`);
    const handedBackBefore = workers.recordFailures;
    const processedBefore = new Map(workers.processed);
    proxy.resetStats();
    proxy.configure({ rate });
    const faulted = await run('faulted/');
    proxy.configure({ rate: 0 });
    const stats = JSON.parse(JSON.stringify(proxy.stats)) as typeof proxy.stats;
    const cmp = compareRuns(reference, faulted);
    const redelivered = [...workers.processed].filter(([k, n]) => k.startsWith('faulted/') && n - (processedBefore.get(k) ?? 0) > 1).length;
    const deadLetters = await queueDepth(stack.clients.sqs, stack.resources.deadLetterQueueUrl);
    const identical = objects - cmp.differing.length - cmp.lost.length;

    const report = {
      objects,
      rate,
      seed,
      workers: workerCount,
      maxAttempts,
      sources: { dir: from, pages: pages.length },
      reference: { done: referenceDone, seconds: reference.seconds, settled: reference.settled },
      faulted: {
        done: cmp.done,
        identicalToReference: identical,
        lost: cmp.lost.length,
        duplicates: cmp.duplicates.length,
        differing: cmp.differing.length,
        notDone: cmp.notDone.length,
        seconds: faulted.seconds,
        settled: faulted.settled,
        uploadErrors: faulted.uploadErrors.length,
        deadLetters,
        recordsHandedBackToSqs: workers.recordFailures - handedBackBefore,
        keysProcessedMoreThanOnce: redelivered,
        workerErrors,
      },
      faults: stats,
      examples: { lost: cmp.lost.slice(0, 10), duplicates: cmp.duplicates.slice(0, 10), differing: cmp.differing.slice(0, 10), notDone: cmp.notDone.slice(0, 10) },
      node: process.version,
    };
    const ok = cmp.lost.length === 0 && cmp.duplicates.length === 0 && cmp.differing.length === 0 && cmp.notDone.length === 0 && faulted.settled;

    if (values.json) {
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      const f = report.faulted;
      const out = [
        '',
        `winnow pipeline with injected faults (moto, ${pages.length} source pages cycled, ${workerCount} worker(s), AWS_MAX_ATTEMPTS=${maxAttempts})`,
        `  fault-free run      ${referenceDone} of ${objects} done in ${reference.seconds.toFixed(1)} s`,
        `  faulted run         ${describeFaults(stats)}`,
        `  result              ${(rate * 100).toFixed(0)}% injected faults: ${f.done} of ${objects} uploads done, ${identical} of ${objects} identical to the fault-free run (text, JSON, item)`,
        `  lost / duplicated   ${f.lost} / ${f.duplicates}; not done ${f.notDone}; differing ${f.differing}`,
        `  recovery            ${f.recordsHandedBackToSqs} records handed back to SQS, ${f.keysProcessedMoreThanOnce} keys processed more than once (skipped as duplicates), ${f.deadLetters} dead letters`,
        `  time                ${f.seconds.toFixed(1)} s faulted vs ${reference.seconds.toFixed(1)} s fault-free`,
        ...(ok ? [] : [`  problems            ${JSON.stringify(report.examples)}`]),
        '',
      ];
      process.stdout.write(out.join('\n'));
    }
    return ok ? 0 : 1;
  } finally {
    await workers?.stop();
    await stack?.stop();
    await proxy?.stop();
    await moto?.stop();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`bench:faults: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
