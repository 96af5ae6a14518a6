/**
 * `winnow local`: the whole pipeline on this machine. moto stands in for S3, SQS and
 * DynamoDB; a worker feeds the queue to the same Lambda handler that runs on AWS.
 */
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, parseCommandLine, write, type Io } from '../io';

export const usage = `Usage:
  winnow local [options]

Starts the local stack and keeps it running until Ctrl-C:
  moto_server on 127.0.0.1:4566 (or the endpoint in WINNOW_ENDPOINT, if set),
  buckets winnow-input and winnow-output, queue winnow-uploads (dead letters: winnow-uploads-dlq),
  table winnow-pages, the S3 -> SQS notification, and a worker that calls the Lambda handler
  for each batch exactly as Lambda would. One JSON log line per object. The handler puts an
  event per page on the bus winnow-events; a rule sends them all to the queue
  winnow-events-tail, which \`winnow tail\` follows.

Options:
  -p, --port N          port for moto (default 4566)
      --examples        upload the example pages in examples/ and report what happened to each
      --once            stop after the examples instead of waiting for Ctrl-C
                        (the default when standard input is not a terminal)
      --log-level LEVEL handler logs: DEBUG, INFO (default), WARN, ERROR, SILENT
      --comments MODE   comment threads: drop (default), keep-ham (genuine comments in the
                        JSON output, counts in the table item) or keep-all
      --outputs LIST    outputs written, comma-separated: text, markdown, json, batch
                        (default text,json; markdown goes to md/<key>.md, batch to
                        batches/dt=YYYY-MM-DD/hour=HH/<batch id>.jsonl.gz, one object per batch)
  -h, --help            show this help
`;

const OPTIONS = {
  port: { type: 'string', short: 'p' },
  examples: { type: 'boolean' },
  once: { type: 'boolean' },
  'log-level': { type: 'string' },
  comments: { type: 'string' },
  outputs: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function instructions(endpoint: string, names: { inputBucket: string; outputBucket: string; table: string; queue: string; eventBus?: string; eventsTailQueue?: string }): string {
  const aws = `aws --endpoint-url ${endpoint}`;
  return `
Local stack ready at ${endpoint}
  input bucket   s3://${names.inputBucket}
  output bucket  s3://${names.outputBucket}   (text/<key>, json/<key>.json)
  queue          ${names.queue}
  table          ${names.table}
  events         bus ${names.eventBus}, every event also on the queue ${names.eventsTailQueue} (winnow tail)

Try it from another terminal (any credentials work locally):
  export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1
  ${aws} s3 cp page.html s3://${names.inputBucket}/page.html
  ${aws} s3 cp s3://${names.outputBucket}/text/page.html -
  ${aws} dynamodb get-item --table-name ${names.table} --key '{"pk":{"S":"s3://${names.inputBucket}/page.html"}}'
`;
}

/** The examples' events, read from the tail queue as `winnow tail` prints them; true when one is missing. */
async function printExampleEvents(sqs: import('@aws-sdk/client-sqs').SQSClient, queueUrl: string, uploads: { key: string }[], io: Io): Promise<boolean> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { collectEvents } = require('../../local/events') as typeof import('../../local/events');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { formatEvent } = require('../../ops/tail') as typeof import('../../ops/tail');
  const keys = uploads.map((u) => u.key);
  const events = await collectEvents(sqs, queueUrl, keys);
  await write(io.stdout, `Their events on the bus (read from the tail queue, as \`winnow tail\` prints them):\n${events.map((e) => `  ${formatEvent(e)}\n`).join('')}`);
  const missing = keys.filter((k) => !events.some((e) => e.detail.key === k));
  if (missing.length) await write(io.stdout, `  no event within 10 s for ${missing.join(', ')}\n`);
  await write(io.stdout, '\n');
  return missing.length > 0;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const parsed = await parseCommandLine('local', { args: argv, options: OPTIONS, allowPositionals: false, strict: true }, usage, io);
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535)) {
    await write(io.stderr, `winnow local: --port must be a port number, not ${values.port}\n`);
    return EXIT_USAGE;
  }
  const comments = values.comments ?? 'drop';
  if (!['drop', 'keep-ham', 'keep-all'].includes(comments)) {
    await write(io.stderr, `winnow local: --comments must be drop, keep-ham or keep-all, not '${comments}'\n`);
    return EXIT_USAGE;
  }
  let outputs;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    outputs = (require('../../lambdas/output-keys') as typeof import('../../lambdas/output-keys')).parseOutputs(values.outputs);
  } catch (err) {
    await write(io.stderr, `winnow local: --outputs: ${(err as Error).message}\n`);
    return EXIT_USAGE;
  }
  // Loaded only now, so `winnow --help` never pays for the AWS SDK.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startLocalStack } = require('../../local/stack') as typeof import('../../local/stack');
  const endpoint = process.env.WINNOW_ENDPOINT || undefined;
  await write(io.stderr, endpoint ? `winnow local: using ${endpoint}\n` : `winnow local: starting moto on 127.0.0.1:${port ?? 4566}…\n`);
  let stack;
  try {
    stack = await startLocalStack({ endpoint, port, logLevel: values['log-level'], comments: comments as 'drop' | 'keep-ham' | 'keep-all', outputs });
  } catch (err) {
    await write(io.stderr, `winnow local: ${(err as Error).message}\n`);
    return EXIT_FAILED;
  }
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await stack.stop();
  };
  try {
    await write(io.stdout, instructions(stack.endpoint, { ...stack.resources.names }));
    let failed = false;
    if (values.examples) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { exampleUploads, uploadExamples, describeItem } = require('../../local/examples') as typeof import('../../local/examples');
      const uploads = exampleUploads();
      await write(io.stdout, `\nUploading ${uploads.length} example pages to s3://${stack.resources.names.inputBucket}/examples/ …\n\n`);
      const items = await uploadExamples(stack, uploads);
      for (const [i, item] of items.entries()) {
        if (!item) failed = true;
        await write(io.stdout, `${item ? describeItem(item, stack.resources.names.outputBucket) : `${uploads[i].key}: no item within 20 s`}\n\n`);
      }
      if (stack.resources.eventsTailQueueUrl) failed = (await printExampleEvents(stack.clients.sqs, stack.resources.eventsTailQueueUrl, uploads, io)) || failed;
    }
    const interactive = Boolean((io.stdin as NodeJS.ReadStream).isTTY);
    if (values.once || (values.examples && !interactive)) {
      await write(io.stdout, 'Stopping the local stack (--once, or not a terminal).\n');
      return failed ? EXIT_FAILED : EXIT_OK;
    }
    await write(io.stdout, 'Running. Ctrl-C stops it and everything it started.\n');
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await write(io.stderr, '\nwinnow local: stopping…\n');
    return failed ? EXIT_FAILED : EXIT_OK;
  } finally {
    await stop();
  }
}
