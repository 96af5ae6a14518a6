/**
 * npm run bench:pipeline [-- --objects N] [--concurrency C] [--workers K] [--rate R] [--faults F] [--outputs LIST] [--no-metrics] [--events on|off] [--timeout S] [--json]
 *
 * The whole local pipeline under load: starts moto on a free port and the local stack, uploads
 * N gzipped pages (the development benchmark's pages in ../shared/data/article-extraction/html,
 * cycled with distinct keys; the example pages when ../shared is absent) with C uploads in
 * flight, and lets K workers (each a local stand-in for one Lambda instance: its own handler,
 * one batch at a time, all on the same queue) process the S3 notifications. Then waits for
 * the queue to drain, reads the DynamoDB table (Scan) until every upload has its item (or the
 * timeout), and checks each item is `done` and its text output exists.
 *
 * By default the uploads go up as one burst, so latency includes the wait in the queue;
 * `--rate R` paces them at R uploads per second to see the latency of an unloaded pipeline.
 * `--faults F` puts local/faults.ts's proxy between moto and the handlers' S3/DynamoDB clients,
 * faulting a share F of their calls (the SDK retries up to 6 attempts; SQS redelivers the rest).
 *
 * `--outputs` is the handlers' WINNOW_OUTPUTS (default text,json). The handlers' S3 calls are
 * counted by command (one per SDK command; the SDK's retries of one are not counted), so the
 * report gives the S3 PUTs per page each output choice costs. With `batch`, every batch object
 * is read back: each done or failed item must have its line (else it counts as lost). The
 * handlers' EMF metrics are on (serialized, then counted and dropped) unless `--no-metrics`.
 *
 * Latency is upload-to-item: the item's processedAt minus the moment that upload's PutObject
 * returned (same clock). Wall time runs from the first upload to the last item's processedAt.
 * Handler throughput is pages per second of handler time (the handlers' busy time summed).
 *
 * With `--events on` (the default) the handlers put an event per page on the local bus; a
 * consumer takes them off the tail queue during the run (bench/events-tail.ts): events, distinct idempotency keys,
 * pages without an event, duplicates, item→event latency. `--events off` is the baseline.
 * Exit status 1 when anything is lost (no item, a done item without its text output, or — with
 * events — a result without its event).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { gunzipSync } from 'node:zlib';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { Logger } from '@aws-lambda-powertools/logger';
import { createHandler, type Handler } from '../lambdas/handler';
import { clientsFromEnv, DEFAULT_MAX_INPUT_BYTES } from '../lambdas/clients';
import { pkOf } from '../lambdas/item';
import { BATCH_PREFIX, type BatchLine } from '../lambdas/batch-line';
import { PipelineMetrics } from '../lambdas/metrics';
import { parseOutputs, type OutputKind } from '../lambdas/output-keys';
import { parseMessageBody } from '../lambdas/s3-events';
import { freePort, startMoto, type MotoServer } from '../local/moto';
import { startLocalStack, type LocalStack } from '../local/stack';
import { startWorker, type Worker } from '../local/worker';
import { describeFaults, startFaultProxy, useProxyForHandler, type FaultProxy } from '../local/faults';
import { EventsTail, type EventsReport } from './events-tail';

const PAGES_DIR = resolve(__dirname, '../../shared/data/article-extraction/html');
const EXAMPLES_DIR = resolve(__dirname, '../examples');

const OPTIONS = {
  objects: { type: 'string', default: '1000' },
  concurrency: { type: 'string', default: '16' },
  workers: { type: 'string', default: '2' },
  rate: { type: 'string' },
  faults: { type: 'string' },
  outputs: { type: 'string', default: 'text,json' },
  'no-metrics': { type: 'boolean', default: false },
  events: { type: 'string', default: 'on' },
  timeout: { type: 'string', default: '600' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h' },
} as const;

const USAGE = `Usage: npm run bench:pipeline -- [--objects N] [--concurrency C] [--workers K] [--rate R] [--timeout SECONDS] [--json]
  --objects N       objects to upload (default 1000)
  --concurrency C   uploads in flight (default 16)
  --workers K       queue consumers, each with its own handler (default 2)
  --rate R          pace the uploads at R per second (default: all at once)
  --faults F        fault a share F (0..1) of the handlers' S3 and DynamoDB calls (default 0)
  --outputs LIST    the handlers' outputs: text, markdown, json, batch (default text,json)
  --no-metrics      handlers without EMF metrics (to compare throughput)
  --events on|off   an event per page on the local bus, counted on the tail queue (default on)
  --timeout S       give up waiting for items after S seconds (default 600)
  --json            one JSON object on stdout instead of the report
`;

interface Source {
  name: string;
  gz: Buffer;
}

function loadSources(): { from: string; sources: Source[] } {
  if (existsSync(PAGES_DIR)) {
    const files = readdirSync(PAGES_DIR).filter((f) => f.endsWith('.html.gz')).sort();
    if (files.length > 0) return { from: PAGES_DIR, sources: files.map((f) => ({ name: f, gz: readFileSync(join(PAGES_DIR, f)) })) };
  }
  const files = readdirSync(EXAMPLES_DIR).filter((f) => /\.(html?|txt)$/i.test(f)).sort();
  return {
    from: EXAMPLES_DIR,
    sources: files.map((f) => ({ name: `${f}.gz`, gz: gzipSync(readFileSync(join(EXAMPLES_DIR, f))) })),
  };
}

function positiveInt(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write(`bench:pipeline: --${name} must be a positive integer, not ${value}\n\n${USAGE}`);
    process.exit(2);
  }
  return n;
}

function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** CPU seconds (user + system) a process has used, from /proc (Linux); null elsewhere. */
function cpuSecondsOf(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return null;
  }
}

interface ItemRow {
  pk: string;
  status: string;
  processedAt: string;
  errorCode?: string;
}

async function scanItems(stack: LocalStack): Promise<ItemRow[]> {
  const rows: ItemRow[] = [];
  let start: Record<string, never> | undefined;
  do {
    const out = await stack.clients.dynamodb.send(
      new ScanCommand({
        TableName: stack.resources.names.table,
        ProjectionExpression: 'pk, #s, processedAt, errorCode',
        ExpressionAttributeNames: { '#s': 'status' },
        ExclusiveStartKey: start,
        ConsistentRead: true,
      }),
    );
    for (const it of out.Items ?? []) rows.push(unmarshall(it) as ItemRow);
    start = out.LastEvaluatedKey as Record<string, never> | undefined;
  } while (start);
  return rows;
}

async function listKeys(stack: LocalStack, bucket: string, prefix: string): Promise<Set<string>> {
  const keys = new Set<string>();
  let token: string | undefined;
  do {
    const out = await stack.clients.s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
    for (const o of out.Contents ?? []) if (o.Key) keys.add(o.Key);
    token = out.IsTruncated ? out.NextContinuationToken : undefined;
  } while (token);
  return keys;
}

/** Counts each S3 command a client sends, by name (PutObject, DeleteObjects, …). */
function countCommands(s3: S3Client, counts: Map<string, number>): void {
  s3.middlewareStack.add((next, context) => (args) => {
    const name = String(context.commandName).replace(/Command$/, '');
    counts.set(name, (counts.get(name) ?? 0) + 1);
    return next(args);
  }, { step: 'initialize', name: 'benchCountCommands' });
}

/** Every line of every batch object under `prefix`: pk → count, and the idempotency keys seen more than once. */
async function readBatchLines(stack: LocalStack, bucket: string): Promise<{ objects: number; lines: number; bytes: number; byPk: Map<string, number>; repeatedKeys: number }> {
  const keys = await listKeys(stack, bucket, BATCH_PREFIX);
  const byPk = new Map<string, number>();
  const seen = new Set<string>();
  let lines = 0;
  let bytes = 0;
  let repeatedKeys = 0;
  for (const key of keys) {
    const out = await stack.clients.s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    const gz = Buffer.from(await out.Body!.transformToByteArray());
    bytes += gz.length;
    const text = gunzipSync(gz).toString('utf8');
    for (const raw of text.split('\n')) {
      if (!raw) continue;
      const line = JSON.parse(raw) as BatchLine;
      lines++;
      byPk.set(line.pk, (byPk.get(line.pk) ?? 0) + 1);
      if (seen.has(line.idempotencyKey)) repeatedKeys++;
      seen.add(line.idempotencyKey);
    }
  }
  return { objects: keys.size, lines, bytes, byPk, repeatedKeys };
}

async function queueDepth(stack: LocalStack, url: string): Promise<number> {
  const out = await stack.clients.sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
  );
  return Number(out.Attributes?.ApproximateNumberOfMessages ?? 0) + Number(out.Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0);
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: process.argv.slice(2), options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (err) {
    process.stderr.write(`bench:pipeline: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const objects = positiveInt('objects', values.objects);
  const concurrency = positiveInt('concurrency', values.concurrency);
  const workerCount = positiveInt('workers', values.workers);
  const timeoutMs = positiveInt('timeout', values.timeout) * 1000;
  const rate = values.rate === undefined ? null : positiveInt('rate', values.rate);
  const faultRate = values.faults === undefined ? 0 : Number(values.faults);
  if (!(faultRate >= 0 && faultRate <= 1)) {
    process.stderr.write(`bench:pipeline: --faults must be a share between 0 and 1, not ${values.faults}\n\n${USAGE}`);
    return 2;
  }
  let outputs: OutputKind[];
  try {
    outputs = parseOutputs(values.outputs);
  } catch (err) {
    process.stderr.write(`bench:pipeline: --outputs: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const metricsOn = !values['no-metrics'];
  if (values.events !== 'on' && values.events !== 'off') {
    process.stderr.write(`bench:pipeline: --events must be on or off, not ${values.events}\n\n${USAGE}`);
    return 2;
  }
  const eventsOn = values.events === 'on';
  const log = (line: string) => {
    if (!values.json) process.stderr.write(`${line}\n`);
  };

  const { from, sources } = loadSources();
  log(`bench:pipeline: ${objects} objects from ${sources.length} pages in ${from}; ${concurrency} uploads in flight${rate ? ` at ${rate}/s` : ''}; ${workerCount} worker(s); outputs ${outputs.join(',')}; metrics ${metricsOn ? 'on' : 'off'}`);

  let moto: MotoServer | null = null;
  let stack: LocalStack | null = null;
  let proxy: FaultProxy | null = null;
  const workers: Worker[] = [];
  let tail: EventsTail | null = null;
  try {
    moto = await startMoto(await freePort());
    stack = await startLocalStack({ endpoint: moto.endpoint, logLevel: 'SILENT', worker: false });
    const names = stack.resources.names;
    if (faultRate > 0) {
      proxy = await startFaultProxy({ target: moto.endpoint, rate: faultRate, services: ['s3', 'dynamodb'] });
      useProxyForHandler(proxy.endpoint, 6);
      log(`  ${(faultRate * 100).toFixed(0)}% of the handlers' S3 and DynamoDB calls faulted (proxy ${proxy.endpoint})`);
    }

    // One handler per worker: on Lambda each instance has its own, and a handler's batch
    // processor holds the state of the batch it is working on.
    const processedCount = new Map<string, number>();
    const handedBack = new Set<string>(); // keys whose record went back to SQS at least once
    let handlerMs = 0;
    let batches = 0;
    const config = {
      outputBucket: names.outputBucket,
      tableName: names.table,
      maxInputBytes: DEFAULT_MAX_INPUT_BYTES,
      outputs,
      ...(eventsOn ? { events: { busName: names.eventBus! } } : {}),
    };
    const s3Commands = new Map<string, number>();
    const emf = { lines: 0, bytes: 0 };
    for (let i = 0; i < workerCount; i++) {
      const clients = clientsFromEnv();
      countCommands(clients.s3, s3Commands);
      // Serialized as on Lambda, then counted instead of printed (stdout carries the report).
      const metrics = metricsOn ? new PipelineMetrics({ write: (line) => { emf.lines++; emf.bytes += line.length + 1; } }) : undefined;
      const inner = createHandler({ clients, config, logger: new Logger({ serviceName: 'winnow', logLevel: 'SILENT' }), metrics });
      const counted: Handler = async (event, context) => {
        const t0 = performance.now();
        const response = await inner(event, context);
        handlerMs += performance.now() - t0;
        batches++;
        const failed = new Set(response.batchItemFailures.map((f) => f.itemIdentifier));
        for (const record of event.Records) {
          const message = parseMessageBody(record.body);
          if (message.type !== 'objects') continue;
          for (const e of message.events) {
            if (failed.has(record.messageId)) handedBack.add(e.key);
            else processedCount.set(e.key, (processedCount.get(e.key) ?? 0) + 1);
          }
        }
        return response;
      };
      workers.push(
        startWorker({
          sqs: stack.clients.sqs,
          queueUrl: stack.resources.queueUrl,
          handler: counted,
          onError: (err) => process.stderr.write(`bench:pipeline: worker ${i}: ${(err as Error).message}\n`),
        }),
      );
    }

    const runId = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
    const prefix = `bench/${runId}/`;
    const keys = Array.from({ length: objects }, (_, i) => `${prefix}${String(i).padStart(6, '0')}-${sources[i % sources.length].name}`);
    const uploadedAt = new Map<string, number>();
    const uploadErrors: string[] = [];
    // The events are taken off the tail queue as they come, as a downstream job would (events-tail.ts).
    tail = eventsOn ? new EventsTail(stack.clients.sqs, stack.resources.eventsTailQueueUrl!) : null;
    const cpuNode0 = process.cpuUsage();
    const cpuMoto0 = cpuSecondsOf(moto.process.pid);

    const loadBefore = loadavg()[0];
    const started = Date.now();
    let next = 0;
    const uploader = async () => {
      while (next < keys.length) {
        const i = next++;
        const key = keys[i];
        if (rate !== null) {
          const due = started + (i * 1000) / rate;
          if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
        }
        try {
          await stack!.clients.s3.send(
            new PutObjectCommand({ Bucket: names.inputBucket, Key: key, Body: sources[i % sources.length].gz, ContentType: 'application/gzip' }),
          );
          uploadedAt.set(key, Date.now());
        } catch (err) {
          uploadErrors.push(`${key}: ${(err as Error).message}`);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, objects) }, uploader));
    const uploadsDoneAt = Date.now();
    log(`  uploaded ${uploadedAt.size} objects in ${((uploadsDoneAt - started) / 1000).toFixed(1)} s${uploadErrors.length ? ` (${uploadErrors.length} upload errors)` : ''}`);

    // Wait for the queue to drain (GetQueueAttributes is cheap), then read the table. A Scan
    // costs moto ~0.7 ms of CPU per item, so scanning 1,000 items every second would slow
    // down the very pipeline being measured. Items are written before their message is
    // deleted, so an empty queue with items missing means they are lost; the table is
    // scanned again a few times (GRACE_MS) before the bench says so.
    const wanted = new Set([...uploadedAt.keys()].map((k) => pkOf(names.inputBucket, k)));
    const deadline = started + timeoutMs;
    const GRACE_MS = 10_000;
    let rows: ItemRow[] = [];
    let lastReport = 0;
    let emptySince: number | null = null;
    for (;;) {
      const depth = await queueDepth(stack, stack.resources.queueUrl);
      if (depth === 0) {
        emptySince ??= Date.now();
        rows = await scanItems(stack);
        const present = rows.filter((r) => wanted.has(r.pk)).length;
        if (present >= wanted.size || Date.now() - emptySince > GRACE_MS) break;
        log(`  queue empty, ${wanted.size - present} items missing; looking again`);
      } else {
        emptySince = null;
        if (Date.now() - lastReport > 5000) {
          log(`  ${depth} messages on the queue after ${((Date.now() - started) / 1000).toFixed(0)} s`);
          lastReport = Date.now();
        }
      }
      if (Date.now() > deadline) {
        rows = await scanItems(stack);
        log(`  timed out after ${timeoutMs / 1000} s`);
        break;
      }
      await new Promise((r) => setTimeout(r, depth === 0 ? 2000 : 500));
    }
    const confirmedAt = Date.now();
    const cpuNode = process.cpuUsage(cpuNode0);
    const cpuMoto1 = cpuSecondsOf(moto.process.pid);

    // Checks: every upload has a done item and its text output (and, with `batch`, its line); nothing unexpected.
    const textKeys = outputs.includes('text') ? await listKeys(stack, names.outputBucket, `text/${prefix}`) : null;
    const batch = outputs.includes('batch') ? await readBatchLines(stack, names.outputBucket) : null;
    let withoutLine = 0;
    const byPk = new Map(rows.map((r) => [r.pk, r]));
    let done = 0;
    let failed = 0;
    let missing = 0;
    let doneWithoutText = 0;
    const failures: string[] = [];
    const latencies: number[] = [];
    let lastProcessed = 0;
    for (const [key, at] of uploadedAt) {
      const row = byPk.get(pkOf(names.inputBucket, key));
      if (!row) {
        missing++;
        continue;
      }
      const processed = Date.parse(row.processedAt);
      lastProcessed = Math.max(lastProcessed, processed);
      latencies.push(processed - at);
      if (batch && !batch.byPk.has(row.pk)) withoutLine++;
      if (row.status === 'done') {
        done++;
        if (textKeys && !textKeys.has(`text/${key.replace(/\.gz$/i, '')}`)) doneWithoutText++;
      } else {
        failed++;
        if (failures.length < 10) failures.push(`${key}: ${row.status} ${row.errorCode ?? ''}`.trim());
      }
    }
    const unexpectedItems = rows.filter((r) => !wanted.has(r.pk)).length;
    const reprocessed = [...processedCount.values()].filter((n) => n > 1).length;
    const extraRuns = [...processedCount.values()].reduce((s, n) => s + Math.max(0, n - 1), 0);
    const dlq = await queueDepth(stack, stack.resources.deadLetterQueueUrl);
    const queueLeft = await queueDepth(stack, stack.resources.queueUrl);
    latencies.sort((a, b) => a - b);
    const wallMs = (lastProcessed || confirmedAt) - started;
    let events: EventsReport | null = null;
    if (tail) {
      const withResult = new Set([...uploadedAt.keys()].filter((k) => byPk.has(pkOf(names.inputBucket, k))));
      const redelivered = new Set([...handedBack, ...[...processedCount].filter(([, n]) => n > 1).map(([k]) => k)]);
      events = await tail.finish(new Set(uploadedAt.keys()), withResult, redelivered);
    }
    const lost = missing + doneWithoutText + withoutLine + uploadErrors.length + (events?.missing ?? 0);
    const pages = done + failed;
    const s3Requests = Object.fromEntries([...s3Commands].sort(([a], [b]) => a.localeCompare(b)));
    const putsPerPage = pages > 0 ? (s3Commands.get('PutObject') ?? 0) / pages : 0;

    const report = {
      objects,
      uploaded: uploadedAt.size,
      uploadErrors: uploadErrors.length,
      done,
      failed,
      missing,
      doneWithoutText,
      withoutBatchLine: withoutLine,
      lost,
      outputs,
      s3Requests,
      putsPerPage,
      batchOutput: batch ? { objects: batch.objects, lines: batch.lines, linesPerObject: batch.objects ? batch.lines / batch.objects : 0, gzipBytesPerLine: batch.lines ? batch.bytes / batch.lines : 0, repeatedIdempotencyKeys: batch.repeatedKeys } : null,
      metrics: metricsOn ? { emfLines: emf.lines, emfBytes: emf.bytes } : null,
      unexpectedItems,
      reprocessedKeys: reprocessed,
      extraProcessings: extraRuns,
      deadLetters: dlq,
      queueLeft,
      workers: workerCount,
      concurrency,
      rate,
      sources: { dir: from, pages: sources.length, bytes: sources.reduce((s, p) => s + p.gz.length, 0) },
      uploadSeconds: (uploadsDoneAt - started) / 1000,
      wallSeconds: wallMs / 1000,
      pagesPerSecond: done > 0 ? (done + failed) / (wallMs / 1000) : 0,
      latencyMs: {
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        p99: percentile(latencies, 99),
        max: latencies.length ? latencies[latencies.length - 1] : null,
      },
      batches,
      handlerSeconds: handlerMs / 1000,
      handlerPagesPerSecond: handlerMs > 0 ? (done + failed) / (handlerMs / 1000) : 0,
      keysHandedBack: handedBack.size,
      events,
      cpuSeconds: {
        node: (cpuNode.user + cpuNode.system) / 1e6,
        moto: cpuMoto0 !== null && cpuMoto1 !== null ? cpuMoto1 - cpuMoto0 : null,
      },
      failures,
      faults: proxy ? { rate: faultRate, ...proxy.stats } : null,
      node: process.version,
      loadAverage1m: { before: loadBefore, after: loadavg()[0] },
    };

    if (values.json) {
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      const l = report.latencyMs;
      const out = [
        '',
        `winnow pipeline on moto (${report.sources.pages} source pages, ${(report.sources.bytes / 1e6).toFixed(1)} MB gzipped, cycled)`,
        `  objects         ${objects} uploaded (${report.uploadErrors} upload errors), ${concurrency} in flight${rate ? ` at ${rate}/s` : ''}, ${workerCount} worker(s)`,
        `  done            ${done}`,
        `  failed          ${failed}${failures.length ? `  (${failures.join('; ')})` : ''}`,
        `  missing (lost)  ${missing}${doneWithoutText ? `, and ${doneWithoutText} done without a text output` : ''}${withoutLine ? `, and ${withoutLine} without a batch line` : ''}`,
        `  outputs         ${outputs.join(',')}: S3 PUTs per page ${putsPerPage.toFixed(3)} (${Object.entries(s3Requests).map(([k, v]) => `${k} ${v}`).join(', ')})`,
        ...(report.batchOutput ? [`  batch output    ${report.batchOutput.objects} objects, ${report.batchOutput.lines} lines (${report.batchOutput.linesPerObject.toFixed(1)} an object, ${(report.batchOutput.gzipBytesPerLine / 1024).toFixed(1)} KB gzipped a line), ${report.batchOutput.repeatedIdempotencyKeys} repeated idempotency keys`] : []),
        `  metrics         ${report.metrics ? `${report.metrics.emfLines} EMF lines, ${(report.metrics.emfBytes / 1024).toFixed(0)} KB` : 'off'}`,
        `  duplicates      ${unexpectedItems} items for keys not uploaded; ${reprocessed} keys processed more than once (${extraRuns} extra runs)`,
        `  queue left      ${queueLeft}, dead letters ${dlq}`,
        `  wall time       ${report.wallSeconds.toFixed(1)} s (uploads alone ${report.uploadSeconds.toFixed(1)} s)`,
        `  throughput      ${report.pagesPerSecond.toFixed(1)} pages/s end to end`,
        `  upload→item     p50 ${l.p50} ms, p95 ${l.p95} ms, p99 ${l.p99} ms, max ${l.max} ms`,
        `  handler         ${batches} batches, ${report.handlerSeconds.toFixed(1)} s busy in total: ${report.handlerPagesPerSecond.toFixed(1)} pages per handler-second; ${handedBack.size} keys handed back to SQS`,
        ...(events
          ? [
            `  events          ${events.events} on the tail queue, ${events.distinctIdempotencyKeys} distinct idempotency keys, ${events.missing} results without an event, ` +
              `${events.duplicates} duplicates (${events.duplicatesExplainedByRedelivery} where the record was redelivered), ${events.withoutItem} without an item, ${events.otherMessages} other messages`,
            `  item→event      p50 ${events.latencyMs.p50} ms, p95 ${events.latencyMs.p95} ms, p99 ${events.latencyMs.p99} ms, max ${events.latencyMs.max} ms; ${events.latencyMs.over1s} over 1 s`,
          ]
          : ['  events          off']),
        ...(proxy ? [`  faults          ${describeFaults(proxy.stats)}`] : []),
        `  CPU             node ${report.cpuSeconds.node.toFixed(1)} s, moto ${report.cpuSeconds.moto === null ? 'n/a' : `${report.cpuSeconds.moto.toFixed(1)} s`}; load average ${report.loadAverage1m.before.toFixed(1)} before, ${report.loadAverage1m.after.toFixed(1)} after`,
        '',
      ];
      process.stdout.write(out.join('\n'));
    }
    return lost > 0 ? 1 : 0;
  } finally {
    tail?.stop();
    for (const w of workers) await w.stop();
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
    process.stderr.write(`bench:pipeline: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
