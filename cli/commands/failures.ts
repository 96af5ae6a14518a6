/**
 * `winnow failures`: the failed items, newest first, from the table's byStatus index — locally
 * on moto or on a deployed stack. Also home of the options the three operations commands
 * (failures, status, redrive) share to say where to look.
 */
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, parseCommandLine, write, type Io } from '../io';
import type { OpsTarget, TargetOptions } from '../../ops/target';

/** Where to look: the same options for failures, status and redrive. */
export const TARGET_OPTIONS = {
  endpoint: { type: 'string' },
  stack: { type: 'string' },
  table: { type: 'string' },
  'queue-url': { type: 'string' },
  'dlq-url': { type: 'string' },
  region: { type: 'string' },
} as const;

export const TARGET_USAGE = `Where to look (default: the local stack of \`winnow local\`):
      --endpoint URL    a local stack at URL (default: WINNOW_ENDPOINT, else http://127.0.0.1:4566),
                        with its fixed names (table winnow-pages, queues winnow-uploads[-dlq])
      --stack NAME      a deployed winnow stack: names from its CloudFormation outputs
                        (TableName, InputBucketName, QueueUrl, DeadLetterQueueUrl, …)
      --table NAME      the table (on AWS without --stack, or to override)
      --queue-url URL   the source queue, for redrive
      --dlq-url URL     the dead-letter queue, for redrive
      --region REGION   AWS region (default: AWS_REGION); credentials as the AWS CLI finds them
`;

type TargetValues = { endpoint?: string; stack?: string; table?: string; 'queue-url'?: string; 'dlq-url'?: string; region?: string };

export function targetOptions(values: TargetValues): TargetOptions {
  return {
    endpoint: values.endpoint,
    stack: values.stack,
    table: values.table,
    queueUrl: values['queue-url'],
    dlqUrl: values['dlq-url'],
    region: values.region,
  };
}

/** Resolves the target, or writes why not and returns null. */
export async function openTarget(command: string, options: TargetOptions, io: Io): Promise<OpsTarget | null> {
  // Loaded only now, so `winnow --help` never pays for the AWS SDK.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { resolveTarget } = require('../../ops/target') as typeof import('../../ops/target');
  try {
    return await resolveTarget(options);
  } catch (err) {
    await write(io.stderr, `winnow ${command}: ${(err as Error).message}\n`);
    return null;
  }
}

/** An AWS error as one line, with a hint when nothing answers locally. */
export function describeError(err: unknown, target: OpsTarget): string {
  const e = err as Error & { code?: string; cause?: { code?: string } };
  const refused = e.code === 'ECONNREFUSED' || e.cause?.code === 'ECONNREFUSED' || /ECONNREFUSED/.test(String(e.message));
  if (refused && target.mode === 'local') return `nothing answers at the ${target.description}: start it with \`winnow local\`, or give --endpoint / --stack`;
  return `${e.name && e.name !== 'Error' ? `${e.name}: ` : ''}${e.message}`;
}

export const usage = `Usage:
  winnow failures [options]

Lists the failed items (status "failed") newest first, from the table's byStatus index:
when, the error code, the key and the message. Exit status 0 whether or not there are any.

Options:
  -n, --limit N         at most N items (default 50)
      --json            a JSON array of {key, bucket, pk, code, message, processedAt, size}
${TARGET_USAGE}  -h, --help            show this help

Examples:
  winnow failures                            the local stack's failures
  winnow failures --stack Winnow --limit 10  the deployed stack's last ten failures
`;

const OPTIONS = {
  ...TARGET_OPTIONS,
  limit: { type: 'string', short: 'n' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function run(argv: string[], io: Io): Promise<number> {
  const parsed = await parseCommandLine('failures', { args: argv, options: OPTIONS, allowPositionals: false, strict: true }, usage, io);
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const limit = values.limit === undefined ? 50 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) {
    await write(io.stderr, `winnow failures: --limit must be a positive integer, not ${values.limit}\n`);
    return EXIT_USAGE;
  }
  const target = await openTarget('failures', targetOptions(values), io);
  if (!target) return EXIT_FAILED;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { listFailures, formatFailures, countByCode } = require('../../ops/failures') as typeof import('../../ops/failures');
    const rows = await listFailures(target.clients.dynamodb, target.names.table, { limit });
    if (values.json) {
      await write(io.stdout, `${JSON.stringify(rows, null, 2)}\n`);
    } else {
      await write(io.stdout, formatFailures(rows, io.stdout.isTTY ? io.stdout.columns : undefined));
      if (rows.length > 0) {
        const codes = countByCode(rows).map(([c, n]) => `${c} ${n}`).join(', ');
        await write(io.stderr, `${rows.length} failed item(s)${rows.length === limit ? ` (the newest ${limit}; --limit for more)` : ''} in ${target.names.table}, ${target.description}: ${codes}\n`);
      }
    }
    return EXIT_OK;
  } catch (err) {
    await write(io.stderr, `winnow failures: ${describeError(err, target)}\n`);
    return EXIT_FAILED;
  } finally {
    target.destroy();
  }
}
