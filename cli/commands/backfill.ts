/**
 * `winnow backfill`: objects already in the input bucket through the pipeline — locally by
 * enqueueing the S3 notification message of each object that is not current, on AWS by starting
 * the backfill state machine (a Step Functions Distributed Map) and following it.
 */
import { parseArgs } from 'node:util';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, write, type Io } from '../io';
import { DEFAULT_LOCAL_ENDPOINT } from '../../ops/target';
import { parseS3Url, type S3Location } from '../../ops/inventory';

export const usage = `Usage:
  winnow backfill [options]

Sends the objects already in the input bucket (all, or those under --prefix) through the
pipeline, as if they had just been uploaded. With --manifest, the objects are those of an S3
Inventory of the input bucket (its manifest.json, CSV format) instead of a listing: faster for
millions of objects. An object whose item is done or failed for its
current ETag with the current filter version is skipped, unless --force.

Locally (the default; the stack of \`winnow local\`): lists the bucket, reads the items, and
enqueues the very message an S3 notification sends for each object that is not current; the
running worker processes them. Prints listed / skipped / enqueued (and with --wait, once the
queue is drained, done / failed).
On AWS (--stack NAME, deployed with -c backfill=true): starts the backfill state machine
(output StateMachineArn) with {prefix, force} or {manifest, force}, shows its progress, and
prints done / skipped / failed at the end. --manifest there needs a stack deployed with
-c backfillInventoryBucket=NAME, and a manifest in that bucket.

Options:
      --prefix P        only keys starting with P
      --manifest URL    the objects of this S3 Inventory: s3://BUCKET/.../manifest.json
      --force           reprocess current objects too
      --dry-run         list what would be enqueued; change nothing (local only)
      --wait            locally: wait until the queue is drained, then count done / failed
      --no-follow       on AWS: start the execution and return at once
      --endpoint URL    a local stack at URL (default: WINNOW_ENDPOINT, else ${DEFAULT_LOCAL_ENDPOINT})
      --stack NAME      a deployed winnow stack (names from its CloudFormation outputs)
      --region REGION   AWS region (default: AWS_REGION)
  -h, --help            show this help

Examples:
  winnow backfill --dry-run                 what the local stack would reprocess
  winnow backfill --prefix 2026/ --wait
  winnow backfill --stack Winnow --force    re-clean everything on AWS
  winnow backfill --stack Winnow --manifest s3://acme-inventories/winnow-input/daily/2026-11-27T01-00Z/manifest.json
`;

const OPTIONS = {
  prefix: { type: 'string' },
  manifest: { type: 'string' },
  force: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  wait: { type: 'boolean' },
  'no-follow': { type: 'boolean' },
  endpoint: { type: 'string' },
  stack: { type: 'string' },
  region: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export type BackfillArgs =
  | { mode: 'help' }
  | { mode: 'error'; message: string }
  | { mode: 'local'; endpoint: string; prefix: string; manifest?: S3Location; force: boolean; dryRun: boolean; wait: boolean; region?: string }
  | { mode: 'aws'; stack: string; prefix: string; manifest?: S3Location; force: boolean; follow: boolean; region?: string };

/** The command line, checked (no AWS call). */
export function parseBackfillArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): BackfillArgs {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: false, strict: true }));
  } catch (err) {
    return { mode: 'error', message: (err as Error).message };
  }
  if (values.help) return { mode: 'help' };
  const prefix = values.prefix ?? '';
  const force = Boolean(values.force);
  let manifest: S3Location | undefined;
  if (values.manifest !== undefined) {
    try {
      manifest = parseS3Url(values.manifest);
    } catch (err) {
      return { mode: 'error', message: `--manifest: ${(err as Error).message}` };
    }
  }
  if (values.stack !== undefined) {
    if (!values.stack) return { mode: 'error', message: '--stack needs a stack name' };
    if (values.endpoint) return { mode: 'error', message: '--stack and --endpoint exclude each other' };
    if (values['dry-run']) return { mode: 'error', message: '--dry-run is local only (on AWS the state machine lists the bucket itself)' };
    if (values.wait) return { mode: 'error', message: '--wait is local only (on AWS the execution is followed unless --no-follow)' };
    return { mode: 'aws', stack: values.stack, prefix, ...(manifest ? { manifest } : {}), force, follow: !values['no-follow'], region: values.region };
  }
  if (values['no-follow']) return { mode: 'error', message: '--no-follow applies to --stack only' };
  if (values['dry-run'] && values.wait) return { mode: 'error', message: '--dry-run sends nothing: there is nothing to --wait for' };
  return {
    mode: 'local',
    endpoint: values.endpoint || env.WINNOW_ENDPOINT || DEFAULT_LOCAL_ENDPOINT,
    prefix,
    ...(manifest ? { manifest } : {}),
    force,
    dryRun: Boolean(values['dry-run']),
    wait: Boolean(values.wait),
    region: values.region,
  };
}

export async function run(argv: string[], io: Io): Promise<number> {
  const args = parseBackfillArgs(argv);
  if (args.mode === 'help') {
    await write(io.stdout, usage);
    return EXIT_OK;
  }
  if (args.mode === 'error') {
    await write(io.stderr, `winnow backfill: ${args.message}\n\n${usage}`);
    return EXIT_USAGE;
  }
  try {
    return args.mode === 'local' ? await runLocal(args, io) : await runAws(args, io);
  } catch (err) {
    const e = err as Error & { code?: string; cause?: { code?: string } };
    const refused = e.code === 'ECONNREFUSED' || e.cause?.code === 'ECONNREFUSED' || /ECONNREFUSED/.test(String(e.message));
    const where = args.mode === 'local' ? `the local stack at ${args.endpoint}` : `stack ${args.stack}`;
    await write(io.stderr, `winnow backfill: ${refused ? `nothing answers at ${where}: start it with \`winnow local\`, or give --endpoint / --stack` : `${e.name && e.name !== 'Error' ? `${e.name}: ` : ''}${e.message}`}\n`);
    return EXIT_FAILED;
  }
}

function clientConfig(region: string | undefined, endpoint?: string) {
  const config: { region: string; endpoint?: string; credentials?: { accessKeyId: string; secretAccessKey: string } } = {
    region: region || process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || 'us-east-1',
  };
  if (endpoint) {
    config.endpoint = endpoint;
    if (!process.env.AWS_ACCESS_KEY_ID && !process.env.AWS_PROFILE) config.credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
  }
  return config;
}

async function runLocal(args: Extract<BackfillArgs, { mode: 'local' }>, io: Io): Promise<number> {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { S3Client } = require('@aws-sdk/client-s3') as typeof import('@aws-sdk/client-s3');
  const { SQSClient, GetQueueUrlCommand } = require('@aws-sdk/client-sqs') as typeof import('@aws-sdk/client-sqs');
  const { DynamoDBClient } = require('@aws-sdk/client-dynamodb') as typeof import('@aws-sdk/client-dynamodb');
  const { LOCAL_NAMES } = require('../../local/resources') as typeof import('../../local/resources');
  const ops = require('../../ops/backfill') as typeof import('../../ops/backfill');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const config = clientConfig(args.region, args.endpoint);
  const clients = { s3: new S3Client({ ...config, forcePathStyle: true }), sqs: new SQSClient(config), dynamodb: new DynamoDBClient(config) };
  try {
    const names = LOCAL_NAMES;
    const queueUrl = (await clients.sqs.send(new GetQueueUrlCommand({ QueueName: names.queue }))).QueueUrl!;
    const source = args.manifest
      ? `the inventory s3://${args.manifest.bucket}/${args.manifest.key}${args.prefix ? ` (keys under ${args.prefix})` : ''}`
      : `s3://${names.inputBucket}/${args.prefix}`;
    await write(io.stderr, `winnow backfill: ${source}${args.force ? ' (force)' : ''}${args.dryRun ? ' (dry run)' : ''} → ${queueUrl}\n`);
    const started = performance.now();
    const result = await ops.backfillLocal(clients, {
      bucket: names.inputBucket,
      table: names.table,
      queueUrl,
      prefix: args.prefix,
      ...(args.manifest ? { manifest: args.manifest } : {}),
      force: args.force,
      dryRun: args.dryRun,
      onObject: args.dryRun ? (o) => void write(io.stdout, `would enqueue s3://${names.inputBucket}/${o.key} (${o.size} bytes, ETag ${o.etag})\n`) : undefined,
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    await write(
      io.stdout,
      `listed ${result.listed}, skipped (current) ${result.skipped}, ${args.dryRun ? 'would enqueue' : 'enqueued'} ${result.enqueued}` +
        `${result.notEnqueued ? `, not enqueued ${result.notEnqueued}` : ''} in ${seconds} s\n`,
    );
    for (const e of result.errors.slice(0, 10)) await write(io.stderr, `  ${e}\n`);
    if (args.wait && result.enqueued > 0) {
      await ops.waitDrained(clients.sqs, queueUrl);
      const counts = await ops.countStatuses(clients.dynamodb, names.table, names.inputBucket, result.keys);
      await write(io.stdout, `done ${counts.done}, failed ${counts.failed}${counts.other ? `, not recorded ${counts.other}` : ''} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
      if (counts.other > 0) return EXIT_FAILED;
    }
    return result.notEnqueued > 0 ? EXIT_FAILED : EXIT_OK;
  } finally {
    for (const c of Object.values(clients)) c.destroy();
  }
}

async function runAws(args: Extract<BackfillArgs, { mode: 'aws' }>, io: Io): Promise<number> {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { CloudFormationClient } = require('@aws-sdk/client-cloudformation') as typeof import('@aws-sdk/client-cloudformation');
  const { SFNClient } = require('@aws-sdk/client-sfn') as typeof import('@aws-sdk/client-sfn');
  const { S3Client } = require('@aws-sdk/client-s3') as typeof import('@aws-sdk/client-s3');
  const { stackOutputs } = require('../../ops/target') as typeof import('../../ops/target');
  const ops = require('../../ops/backfill') as typeof import('../../ops/backfill');
  const { Progress } = require('../progress') as typeof import('../progress');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const config = clientConfig(args.region);
  const cfn = new CloudFormationClient(config);
  const sfn = new SFNClient(config);
  const s3 = new S3Client(config);
  try {
    const outputs = await stackOutputs(cfn, args.stack);
    const arn = outputs.StateMachineArn;
    if (!arn) {
      await write(io.stderr, `winnow backfill: the stack ${args.stack} has no StateMachineArn output: deploy it with \`-c backfill=true\`\n`);
      return EXIT_FAILED;
    }
    const input: import('../../ops/backfill').BackfillInput = { force: args.force };
    if (args.prefix) input.prefix = args.prefix; // else the state machine's default: the pipeline's input prefix
    if (args.manifest) {
      const inventoryBucket = outputs.BackfillInventoryBucket;
      if (!inventoryBucket) {
        await write(io.stderr, `winnow backfill: the stack ${args.stack} takes no --manifest: deploy it with \`-c backfillInventoryBucket=${args.manifest.bucket}\`\n`);
        return EXIT_FAILED;
      }
      if (inventoryBucket !== args.manifest.bucket) {
        await write(io.stderr, `winnow backfill: the stack ${args.stack} reads inventories from s3://${inventoryBucket}, not from s3://${args.manifest.bucket}\n`);
        return EXIT_FAILED;
      }
      input.manifest = args.manifest.key;
    }
    const executionArn = await ops.startBackfill(sfn, arn, input);
    await write(io.stderr, `winnow backfill: started ${executionArn}\n`);
    if (!args.follow) {
      await write(io.stdout, `${executionArn}\n`);
      return EXIT_OK;
    }
    let bar: InstanceType<typeof Progress> | null = null;
    let shown = 0;
    let progress = await ops.backfillProgress(sfn, executionArn);
    while (progress.status === 'RUNNING') {
      const items = progress.items;
      if (items && items.total > 0 && io.stderr.isTTY) {
        bar ??= new Progress(io.stderr, items.total);
        const finished = items.succeeded + items.failed;
        for (; shown < finished; shown++) bar.tick(true);
        bar.start(`${items.running} running, ${items.failed} failed`);
      }
      await new Promise((r) => setTimeout(r, 2000));
      progress = await ops.backfillProgress(sfn, executionArn);
    }
    bar?.finish();
    if (progress.status !== 'SUCCEEDED') {
      await write(io.stderr, `winnow backfill: the execution ended ${progress.status}${progress.error ? `: ${progress.error}` : ''}\n`);
      return EXIT_FAILED;
    }
    const counts = await ops.backfillResults(s3, progress.output ?? '{}');
    await write(io.stdout, `done ${counts.done}, skipped ${counts.skipped}, failed ${counts.failed}` +
      `${counts.batchFailures ? ` (${counts.batchFailures} batch(es) failed as a whole)` : ''}\n`);
    return counts.batchFailures > 0 ? EXIT_FAILED : EXIT_OK; // failed pages are results (bad input), not errors
  } finally {
    cfn.destroy();
    sfn.destroy();
    s3.destroy();
  }
}
