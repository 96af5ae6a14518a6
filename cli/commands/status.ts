/** `winnow status KEY`: one item of the table, locally on moto or on a deployed stack. */
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, parseCommandLine, write, type Io } from '../io';
import { describeError, openTarget, TARGET_OPTIONS, TARGET_USAGE, targetOptions } from './failures';

export const usage = `Usage:
  winnow status [options] KEY
  winnow status [options] s3://BUCKET/KEY

Shows the table's item for one uploaded object: its status (done, failed, deleted), the error
code of a failure, what was kept and removed, and where the outputs are. A bare KEY is looked
up in the input bucket (the local stack's winnow-input, or the stack's InputBucketName).
Exit status 1 when there is no item.

Options:
      --json            the item as JSON
      --bucket NAME     the input bucket for a bare KEY
${TARGET_USAGE}  -h, --help            show this help

Examples:
  winnow status pages/a.html.gz
  winnow status --stack Winnow --json s3://my-crawl/2024/06/page.html.gz
`;

const OPTIONS = {
  ...TARGET_OPTIONS,
  bucket: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function run(argv: string[], io: Io): Promise<number> {
  const parsed = await parseCommandLine('status', { args: argv, options: OPTIONS, allowPositionals: true, strict: true }, usage, io);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length !== 1 || positionals[0] === '') {
    await write(io.stderr, `winnow status: give one KEY or s3://BUCKET/KEY\n\n${usage}`);
    return EXIT_USAGE;
  }
  const target = await openTarget('status', { ...targetOptions(values), bucket: values.bucket }, io);
  if (!target) return EXIT_FAILED;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { getStatus, formatItem, itemKey } = require('../../ops/status') as typeof import('../../ops/status');
    const pk = itemKey(positionals[0], target.names.inputBucket);
    if (!pk) {
      await write(
        io.stderr,
        positionals[0].startsWith('s3://')
          ? `winnow status: ${positionals[0]} is not s3://BUCKET/KEY\n`
          : `winnow status: no input bucket known for the bare key ${positionals[0]}: give s3://BUCKET/KEY or --bucket NAME\n`,
      );
      return EXIT_USAGE;
    }
    const item = await getStatus(target.clients.dynamodb, target.names.table, pk);
    if (!item) {
      await write(io.stderr, `winnow status: no item for ${pk} in ${target.names.table} (${target.description})\n`);
      return EXIT_FAILED;
    }
    await write(io.stdout, values.json ? `${JSON.stringify(item, null, 2)}\n` : formatItem(item, target.names.outputBucket));
    return EXIT_OK;
  } catch (err) {
    await write(io.stderr, `winnow status: ${describeError(err, target)}\n`);
    return EXIT_FAILED;
  } finally {
    target.destroy();
  }
}
