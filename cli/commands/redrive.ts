/**
 * `winnow redrive`: the dead-letter queue's messages back to the source queue, so the handler
 * tries them again — locally on moto or on a deployed stack.
 */
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, parseCommandLine, write, type Io } from '../io';
import { describeError, openTarget, TARGET_OPTIONS, TARGET_USAGE, targetOptions } from './failures';

export const usage = `Usage:
  winnow redrive [options]

Moves the messages of the dead-letter queue back to the source queue (receive, send, delete,
ten at a time) until the dead-letter queue is empty or --max messages have moved, and prints
the counts. A message leaves the dead-letter queue only once the source queue has accepted it.
Messages land there when processing failed maxReceiveCount times (AWS errors that outlasted
the retries, a time-out); once the cause is gone, redriving them finishes the work, and the
handler skips any object whose result is already recorded.
Exit status 1 when some message could not be moved.

Options:
      --max N           move at most N messages
      --move-task       on AWS: ask SQS to do it (StartMessageMoveTask) and return at once
${TARGET_USAGE}  -h, --help            show this help

Examples:
  winnow redrive                       the local stack's dead letters
  winnow redrive --stack Winnow --max 100
`;

const OPTIONS = {
  ...TARGET_OPTIONS,
  max: { type: 'string' },
  'move-task': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function run(argv: string[], io: Io): Promise<number> {
  const parsed = await parseCommandLine('redrive', { args: argv, options: OPTIONS, allowPositionals: false, strict: true }, usage, io);
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const max = values.max === undefined ? undefined : Number(values.max);
  if (max !== undefined && (!Number.isInteger(max) || max < 1)) {
    await write(io.stderr, `winnow redrive: --max must be a positive integer, not ${values.max}\n`);
    return EXIT_USAGE;
  }
  const target = await openTarget('redrive', { ...targetOptions(values), queues: true }, io);
  if (!target) return EXIT_FAILED;
  try {
    const { queueUrl, deadLetterQueueUrl } = target.names;
    if (!queueUrl || !deadLetterQueueUrl) {
      await write(io.stderr, `winnow redrive: both queues are needed: give --stack NAME, or --queue-url and --dlq-url\n`);
      return EXIT_USAGE;
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { redrive, startMoveTask } = require('../../ops/redrive') as typeof import('../../ops/redrive');
    if (values['move-task']) {
      const handle = await startMoveTask(target.clients.sqs, { from: deadLetterQueueUrl, to: queueUrl });
      await write(io.stdout, `started a message move task from ${deadLetterQueueUrl} to ${queueUrl} (task ${handle})\n`);
      return EXIT_OK;
    }
    await write(io.stderr, `winnow redrive: ${deadLetterQueueUrl} → ${queueUrl} (${target.description})\n`);
    const result = await redrive(target.clients.sqs, {
      from: deadLetterQueueUrl,
      to: queueUrl,
      max,
      onBatch: (p) => {
        if (p.batches % 10 === 0) void write(io.stderr, `  ${p.moved} moved so far\n`);
      },
    });
    for (const e of result.errors.slice(0, 10)) await write(io.stderr, `  ${e}\n`);
    await write(
      io.stdout,
      `moved ${result.moved} message(s) from the dead-letter queue to the source queue` +
        `${result.failed ? `; ${result.failed} could not be sent (left in the dead-letter queue)` : ''}` +
        `${result.notDeleted ? `; ${result.notDeleted} sent but not deleted (they will be delivered twice)` : ''}\n`,
    );
    return result.failed > 0 ? EXIT_FAILED : EXIT_OK;
  } catch (err) {
    await write(io.stderr, `winnow redrive: ${describeError(err, target)}\n`);
    return EXIT_FAILED;
  } finally {
    target.destroy();
  }
}
