/**
 * The `winnow` command line. A small table of subcommands, each loaded only when it runs, so
 * `winnow --help` and future commands (`local`, `redrive`, …) never pay for the others' imports.
 */
import { EXIT_OK, EXIT_USAGE, ignoreEpipe, processIo, write, type Io } from './io';

export interface Command {
  usage: string;
  run(argv: string[], io: Io): Promise<number>;
}

interface CommandEntry {
  /** One line for the top-level help (which loads no command). */
  summary: string;
  load(): Command;
}

/** Add a subcommand here and its module in cli/commands/. */
const COMMANDS: Record<string, CommandEntry> = {
  clean: {
    summary: 'turn web pages or text files into clean article text',
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    load: () => require('./commands/clean') as Command,
  },
  spam: {
    summary: 'score comments (JSON lines of {"id", "text"}) as spam or not',
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    load: () => require('./commands/spam') as Command,
  },
  local: {
    summary: 'run the whole pipeline locally on moto (S3, SQS, DynamoDB) with the Lambda handler',
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    load: () => require('./commands/local') as Command,
  },
  failures: {
    summary: 'list the failed items (newest first) of the local or a deployed stack',
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    load: () => require('./commands/failures') as Command,
  },
  status: {
    summary: 'show the item of one uploaded object (KEY or s3://BUCKET/KEY)',
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    load: () => require('./commands/status') as Command,
  },
  backfill: {
    summary: 'send the objects already in the input bucket through the pipeline (skips current ones)',
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    load: () => require('./commands/backfill') as Command,
  },
  tail: {
    summary: 'print the pipeline\'s page events as they come (the local stack\'s, or a deployed one\'s)',
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    load: () => require('./commands/tail') as Command,
  },
  redrive: {
    summary: 'move the dead-letter queue\'s messages back to the source queue',
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    load: () => require('./commands/redrive') as Command,
  },
};

function lookup(name: string): CommandEntry | undefined {
  return Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
}

function topUsage(): string {
  const names = Object.keys(COMMANDS);
  const width = Math.max(...names.map((n) => n.length));
  const lines = names.map((n) => `  ${n.padEnd(width)}  ${COMMANDS[n]!.summary}`);
  return `winnow: scraped web pages in, clean article text out.

Usage:
  winnow <command> [options] [args]
  winnow help [command]          show help (also: winnow <command> --help)
  winnow --version

Commands:
${lines.join('\n')}

Examples:
  winnow clean page.html                    the article text on stdout
  curl -s https://example.com | winnow clean -
  winnow clean --out-dir out/ pages/*.html.gz
  winnow clean --format json page.html      the whole result as JSON
  winnow clean --comments keep-ham --format json page.html
                                            the article and its genuine comments
  winnow spam comments.jsonl                {"id", "spam", "score"} for each comment

Exit status: 0 ok, 1 some input failed, 2 bad command line.
`;
}

function version(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('../package.json') as { version: string }).version;
}

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  ignoreEpipe(io.stdout);
  const [first, ...rest] = argv;
  if (first === undefined) {
    await write(io.stderr, topUsage());
    return EXIT_USAGE;
  }
  if (first === '--help' || first === '-h') {
    await write(io.stdout, topUsage());
    return EXIT_OK;
  }
  if (first === '--version' || first === '-V') {
    await write(io.stdout, `winnow ${version()}\n`);
    return EXIT_OK;
  }
  if (first === 'help') {
    const topic = rest[0];
    if (topic === undefined) {
      await write(io.stdout, topUsage());
      return EXIT_OK;
    }
    const command = lookup(topic);
    if (!command) return unknown(io, topic);
    await write(io.stdout, command.load().usage);
    return EXIT_OK;
  }
  const command = lookup(first);
  if (!command) return unknown(io, first);
  return command.load().run(rest, io);
}

async function unknown(io: Io, word: string): Promise<number> {
  const what = word.startsWith('-') ? `unknown option '${word}'` : `unknown command '${word}'`;
  await write(io.stderr, `winnow: ${what}\nRun 'winnow --help' for usage.\n`);
  return EXIT_USAGE;
}
