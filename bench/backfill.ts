/**
 * npm run bench:backfill [-- --objects N] [--workers K] [--json]
 *
 * Local backfill of N objects that were in the input bucket before the notification existed:
 * starts moto on a free port and the local stack, removes the bucket's notification, uploads N
 * small generated pages, then
 *   run 1: `backfillLocal` (list, BatchGetItem, SendMessageBatch) and K workers feeding the
 *          handler until the queue is drained — every object must end `done`, read once;
 *   run 2: the same backfill again — every object must be skipped as current (nothing enqueued,
 *          nothing read) in under a tenth of run 1's time.
 * "Read" = a GetObject of the input page by the handler's S3 client. Exit status 1 otherwise.
 */
import { parseArgs } from 'node:util';
import { Logger } from '@aws-lambda-powertools/logger';
import { PutBucketNotificationConfigurationCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { PurgeQueueCommand } from '@aws-sdk/client-sqs';
import { clientsFromEnv, DEFAULT_MAX_INPUT_BYTES } from '../lambdas/clients';
import { createHandler } from '../lambdas/handler';
import { backfillLocal, countStatuses, waitDrained } from '../ops/backfill';
import { freePort, startMoto } from '../local/moto';
import { startLocalStack } from '../local/stack';
import { startWorker, type Worker } from '../local/worker';

const { values } = parseArgs({
  options: { objects: { type: 'string', default: '2000' }, workers: { type: 'string', default: '4' }, json: { type: 'boolean' } },
  strict: true,
});
const N = Number(values.objects);
const K = Number(values.workers);
if (!Number.isInteger(N) || N < 1 || !Number.isInteger(K) || K < 1) throw new Error('--objects and --workers must be positive integers');

const page = (i: number) =>
  `<html><head><title>Report ${i}</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Report ${i}</h1>` +
  [1, 2, 3, 4].map((p) => `<p>Paragraph ${p} of report ${i}: the harbour council met again on Tuesday and agreed, after a long debate, to repair the old bridge before winter comes.</p>`).join('') +
  `</article><footer>© 2026</footer></body></html>`;

async function main(): Promise<number> {
  const moto = await startMoto(await freePort());
  const stack = await startLocalStack({ endpoint: moto.endpoint, logLevel: 'SILENT', worker: false });
  const workers: Worker[] = [];
  try {
    const names = stack.resources.names;
    await stack.clients.s3.send(new PutBucketNotificationConfigurationCommand({ Bucket: names.inputBucket, NotificationConfiguration: {} }));
    await stack.clients.sqs.send(new PurgeQueueCommand({ QueueUrl: stack.resources.queueUrl }));
    const keys = Array.from({ length: N }, (_, i) => `existing/${String(i).padStart(6, '0')}.html`);
    const t0 = performance.now();
    for (let i = 0; i < N; i += 50) {
      await Promise.all(keys.slice(i, i + 50).map((Key, j) =>
        stack.clients.s3.send(new PutObjectCommand({ Bucket: names.inputBucket, Key, Body: page(i + j), ContentType: 'text/html' }))));
    }
    process.stderr.write(`uploaded ${N} objects without a notification in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);

    const reads = new Map<string, number>();
    const clients = clientsFromEnv();
    clients.s3.middlewareStack.add((next, context) => async (args) => {
      const input = args.input as { Bucket?: string; Key?: string };
      if (context.commandName === 'GetObjectCommand' && input.Bucket === names.inputBucket && input.Key) reads.set(input.Key, (reads.get(input.Key) ?? 0) + 1);
      return next(args);
    }, { step: 'initialize', name: 'countInputReads' });
    const handler = createHandler({
      clients,
      config: { outputBucket: names.outputBucket, tableName: names.table, maxInputBytes: DEFAULT_MAX_INPUT_BYTES },
      logger: new Logger({ serviceName: 'winnow', logLevel: 'SILENT' }),
    });
    const options = { bucket: names.inputBucket, table: names.table, queueUrl: stack.resources.queueUrl };

    const s1 = performance.now();
    const run1 = await backfillLocal(stack.clients, options);
    const enqueue1 = (performance.now() - s1) / 1000;
    // The workers start once everything is enqueued: moto (one Python process) answering the
    // senders and K pollers at once slows both, and SDK retries of timed-out sends duplicate messages.
    for (let w = 0; w < K; w++) workers.push(startWorker({ sqs: stack.clients.sqs, queueUrl: stack.resources.queueUrl, handler, waitSeconds: 1 }));
    await waitDrained(stack.clients.sqs, stack.resources.queueUrl, { everyMs: 200 });
    const time1 = (performance.now() - s1) / 1000;
    const statuses = await countStatuses(stack.clients.dynamodb, names.table, names.inputBucket, keys);
    const readOnce = keys.filter((k) => reads.get(k) === 1).length;

    const s2 = performance.now();
    const run2 = await backfillLocal(stack.clients, options);
    await waitDrained(stack.clients.sqs, stack.resources.queueUrl, { everyMs: 50 });
    const time2 = (performance.now() - s2) / 1000;
    const readOnceAfter = keys.filter((k) => reads.get(k) === 1).length;

    const result = {
      objects: N,
      workers: K,
      run1: { listed: run1.listed, skipped: run1.skipped, enqueued: run1.enqueued, enqueueSeconds: +enqueue1.toFixed(2), seconds: +time1.toFixed(2), ...statuses, readOnce },
      run2: { listed: run2.listed, skipped: run2.skipped, enqueued: run2.enqueued, seconds: +time2.toFixed(2), readOnce: readOnceAfter },
      ratio: +(time2 / time1).toFixed(4),
    };
    const ok = run1.enqueued === N && statuses.done === N && readOnce === N && run2.skipped === N && run2.enqueued === 0 && readOnceAfter === N && time2 < time1 / 10;
    if (values.json) process.stdout.write(`${JSON.stringify({ ...result, ok })}\n`);
    else {
      process.stdout.write(
        `run 1: listed ${run1.listed}, skipped ${run1.skipped}, enqueued ${run1.enqueued} (in ${enqueue1.toFixed(1)} s); ` +
          `done ${statuses.done}, failed ${statuses.failed}, not recorded ${statuses.other}; read once ${readOnce}/${N}; ${time1.toFixed(1)} s with ${K} workers\n` +
          `run 2: listed ${run2.listed}, skipped ${run2.skipped}, enqueued ${run2.enqueued}; read once still ${readOnceAfter}/${N}; ${time2.toFixed(2)} s ` +
          `(${(100 * result.ratio).toFixed(1)}% of run 1)\n${ok ? 'OK' : 'FAILED'}: all done, none twice, second run under a tenth of the first\n`,
      );
    }
    return ok ? 0 : 1;
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    await stack.stop();
    await moto.stop();
  }
}

main().then((code) => process.exit(code), (err) => {
  process.stderr.write(`bench:backfill: ${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
