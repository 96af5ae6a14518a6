/**
 * `winnow tail`: one line per page event as the pipeline puts them on its bus, read from a queue
 * that a rule fills with every winnow event (locally `winnow-events-tail`).
 */
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, parseCommandLine, write, type Io } from '../io';

export const usage = `Usage:
  winnow tail [options]

Follows the queue that receives every winnow event ({"source": ["winnow"]}) and prints one line
per event: when the item was written, the detail-type (Page Cleaned, Page Failed, Page Deleted),
the status, the key, and the characters kept and removed (or the error code). Messages are
deleted from the queue once printed: tail a queue of its own, not one a consumer reads.
Runs until Ctrl-C, --once or --timeout.

Options:
      --json            each event as it arrived (one JSON object a line)
      --once            stop as soon as the queue is empty
      --timeout S       stop after S seconds
      --endpoint URL    the local stack at URL (default: WINNOW_ENDPOINT, else http://127.0.0.1:4566):
                        its queue winnow-events-tail
      --stack NAME      a deployed winnow stack deployed with -c eventsTail=true: its
                        EventsTailQueueUrl output
      --queue-url URL   this queue (a rule on the stack's bus EventBusName sends to it)
      --region REGION   AWS region (default: AWS_REGION); credentials as the AWS CLI finds them
  -h, --help            show this help

Examples:
  winnow tail                              the local stack's events, until Ctrl-C
  winnow tail --once --json | jq .detail   what is waiting now, as JSON
  winnow tail --stack Winnow --timeout 60
`;

const OPTIONS = {
  json: { type: 'boolean' },
  once: { type: 'boolean' },
  timeout: { type: 'string' },
  endpoint: { type: 'string' },
  stack: { type: 'string' },
  'queue-url': { type: 'string' },
  region: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function run(argv: string[], io: Io): Promise<number> {
  const parsed = await parseCommandLine('tail', { args: argv, options: OPTIONS, allowPositionals: false, strict: true }, usage, io);
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const timeoutSeconds = values.timeout === undefined ? undefined : Number(values.timeout);
  if (timeoutSeconds !== undefined && !(Number.isFinite(timeoutSeconds) && timeoutSeconds > 0)) {
    await write(io.stderr, `winnow tail: --timeout must be a number of seconds above 0, not ${values.timeout}\n`);
    return EXIT_USAGE;
  }
  // Loaded only now, so `winnow --help` never pays for the AWS SDK.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { formatEvent, resolveTailQueue, tailEvents } = require('../../ops/tail') as typeof import('../../ops/tail');
  let target;
  try {
    target = await resolveTailQueue({ endpoint: values.endpoint, stack: values.stack, queueUrl: values['queue-url'], region: values.region });
  } catch (err) {
    await write(io.stderr, `winnow tail: ${(err as Error).message}\n`);
    return EXIT_FAILED;
  }
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    if (!values.json) await write(io.stderr, `winnow tail: following ${target.description}\n`);
    await tailEvents({
      sqs: target.sqs,
      queueUrl: target.queueUrl,
      once: values.once,
      timeoutMs: timeoutSeconds === undefined ? undefined : timeoutSeconds * 1000,
      signal: stop.signal,
      waitSeconds: values.once ? 1 : 5,
      onMessage: async (event, message) => {
        if (values.json) await write(io.stdout, `${event ? JSON.stringify(event) : (message.Body ?? '')}\n`);
        else if (event) await write(io.stdout, `${formatEvent(event)}\n`);
        else await write(io.stderr, `winnow tail: not a winnow event: ${(message.Body ?? '').slice(0, 200)}\n`);
      },
    });
    return EXIT_OK;
  } catch (err) {
    const e = err as Error & { code?: string };
    const refused = /ECONNREFUSED/.test(`${e.code ?? ''} ${e.message}`);
    await write(io.stderr, `winnow tail: ${refused ? `nothing answers at ${target.description}: start it with \`winnow local\`` : `${e.name}: ${e.message}`}\n`);
    return EXIT_FAILED;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    target.destroy();
  }
}
