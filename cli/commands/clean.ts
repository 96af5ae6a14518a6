/**
 * `winnow clean`: files (or standard input) → clean article text, on stdout or into a folder.
 * The engine is loaded only when there is work to do, so `--help` stays instant.
 */
import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type * as Engine from '../../engine';
import { cleanBytes, describe, MAX_PENDING_WRITES, readInput, readInputAsync, readLimit, render, tooLarge, writeOutput, type CleanJob, type Failure, type OutputFormat } from '../clean-file';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, isEpipe, readAll, write, type Io } from '../io';
import { Progress } from '../progress';
import { outputStem } from '../stem';
import { runWorkers } from '../clean-pool';

export const usage = `Usage:
  winnow clean [options] FILE            print the clean text of FILE
  winnow clean [options] -               read the page from standard input
  winnow clean --out-dir DIR [options] FILE...
                                         write DIR/<stem>.txt for each FILE

FILE may be HTML or plain text, gzipped or not (told by content, not by name), in any
charset (BOM, --content-type, <meta charset>, UTF-8, else windows-1252).
<stem> is the file name without a trailing .gz and then without its last extension:
a1.html.gz -> a1.txt, story.txt -> story.txt, README -> README.txt.

Options:
  -o, --out-dir DIR        write one output file per FILE into DIR (created if missing);
                           a FILE that fails is reported on stderr and the others go on
  -f, --format text|markdown|json
                           text (default): the article; markdown: the article with its
                           headings, lists, tables, quotes and code (<stem>.md with --out-dir);
                           json: the whole result (text, title, metadata, blocks, stats,
                           encoding...), <stem>.json with --out-dir
      --front-matter       with --format markdown, the page's metadata first as YAML front
                           matter (title, published, authors, site, url...)
      --md-links           with --format markdown (or json: blocks' structure.links), links
                           as [text](url); off by default (corpus use: the words stay, the
                           addresses are extra)
      --md-images          with --format markdown (or json), images as ![alt](src); off by
                           default (alt text and addresses are words the text does not have)
      --no-md-emphasis     with --format markdown, leave out *emphasis*, **strong** and
                           inline code (written by default)
      --url URL            the page's address: a date in its path, relative links resolved
                           (metadata.published, canonicalUrl, image)
  -m, --mode auto|html|text
                           auto (default) sniffs the content; html or text force a path
      --content-type VALUE a Content-Type that came with the bytes, for its charset,
                           e.g. 'text/html; charset=ISO-8859-1'
      --no-title           leave the detected title out of the text
      --comments drop|keep-ham|keep-all
                           drop (default): comment threads are removed; keep-ham: they are
                           split into comments and the genuine ones (not spam) are kept in the
                           JSON result ("comments", "commentStats"); keep-all: every comment
                           with its spam score
      --comments-in-text   with keep-ham or keep-all, append the kept comments to the text
                           after a "----- N comments -----" line
  -j, --jobs N             with --out-dir, clean N files at a time on worker threads (default:
                           the cores this process may use, here ${availableParallelism()}); the output files,
                           error lines (in FILE order) and exit status are those of --jobs 1
  -h, --help               show this help

Errors: one line per failed FILE on stderr, "winnow: FILE: CODE: message", with CODE one of
EMPTY_INPUT, BINARY_INPUT, TOO_LARGE, BAD_GZIP, GZIP_BOMB (the input), ENOENT, EISDIR, EACCES...
(the file system), OUTPUT_CLASH (two FILEs with the same <stem>).
A progress bar is drawn on stderr when it is a terminal.

Exit status: 0 all done, 1 some FILE failed, 2 bad command line.
`;

const OPTIONS = {
  'out-dir': { type: 'string', short: 'o' },
  format: { type: 'string', short: 'f' },
  mode: { type: 'string', short: 'm' },
  'content-type': { type: 'string' },
  'no-title': { type: 'boolean' },
  comments: { type: 'string' },
  'comments-in-text': { type: 'boolean' },
  url: { type: 'string' },
  'front-matter': { type: 'boolean' },
  'md-links': { type: 'boolean' },
  'md-images': { type: 'boolean' },
  'no-md-emphasis': { type: 'boolean' },
  jobs: { type: 'string', short: 'j' },
  help: { type: 'boolean', short: 'h' },
} as const;

const FORMATS = ['text', 'markdown', 'json'] as const;
const MODES = ['auto', 'html', 'text'] as const;
const COMMENT_MODES = ['drop', 'keep-ham', 'keep-all'] as const;

interface Settings extends CleanJob {
  files: string[];
  outDir: string | null;
  /** Worker threads for --out-dir (1: in this thread). */
  jobs: number;
}

class UsageError extends Error {}

function parse(argv: string[]): Settings | 'help' {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    const message = (err as Error).message;
    const unknown = /^Unknown option '([^']+)'/.exec(message);
    throw new UsageError(unknown ? `unknown option '${unknown[1]}'` : message);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  const format = values.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be text, markdown or json, not '${format}'`);
  }
  const mode = values.mode ?? 'auto';
  if (!(MODES as readonly string[]).includes(mode)) {
    throw new UsageError(`--mode must be auto, html or text, not '${mode}'`);
  }
  const comments = values.comments ?? 'drop';
  if (!(COMMENT_MODES as readonly string[]).includes(comments)) {
    throw new UsageError(`--comments must be drop, keep-ham or keep-all, not '${comments}'`);
  }
  if (values['comments-in-text'] && comments === 'drop') {
    throw new UsageError('--comments-in-text needs --comments keep-ham or keep-all');
  }
  const outDir = values['out-dir'] ?? null;
  if (outDir === '') throw new UsageError('--out-dir needs a folder name');
  if (positionals.length === 0) throw new UsageError('no FILE given (use - for standard input)');
  if (outDir === null && positionals.length > 1) {
    throw new UsageError('several FILEs need --out-dir DIR (without it the text goes to stdout)');
  }
  if (outDir !== null && positionals.includes('-')) {
    throw new UsageError('standard input (-) is printed to stdout: leave out --out-dir');
  }
  const options: Engine.CleanOptionsInput = { mode: mode as Engine.CleanOptions['mode'] };
  if (values['content-type'] !== undefined) options.contentType = values['content-type'];
  if (values['no-title']) options.includeTitle = false;
  // The text output holds no metadata (dates, authors, site…): the stage that finds it is skipped.
  if (format === 'text') options.metadata = { enabled: false };
  if (comments !== 'drop') options.comments = comments as Engine.CommentsMode;
  if (values['comments-in-text']) options.commentsInText = true;
  if (values['front-matter'] && format !== 'markdown') throw new UsageError('--front-matter needs --format markdown');
  for (const flag of ['md-links', 'md-images'] as const) {
    if (values[flag] && format === 'text') throw new UsageError(`--${flag} needs --format markdown or json`);
  }
  if (values['no-md-emphasis'] && format !== 'markdown') throw new UsageError('--no-md-emphasis needs --format markdown');
  // Markdown is written with its emphasis (the engine records it only when asked).
  const emphasis = format === 'markdown' && !values['no-md-emphasis'];
  if (emphasis || values['md-links'] || values['md-images']) {
    options.markdown = { emphasis, links: Boolean(values['md-links']), images: Boolean(values['md-images']) };
  }
  if (values.url !== undefined) {
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(values.url)) throw new UsageError(`--url must be an absolute URL (https://…), not '${values.url}'`);
    if (positionals.length > 1) throw new UsageError('--url names one page: give one FILE');
    options.url = values.url;
  }
  let jobs = availableParallelism();
  if (values.jobs !== undefined) {
    if (!/^[1-9][0-9]*$/.test(values.jobs)) throw new UsageError(`--jobs must be a whole number from 1, not '${values.jobs}'`);
    jobs = Number(values.jobs);
  }
  return { files: positionals, outDir, format: format as OutputFormat, frontMatter: Boolean(values['front-matter']), options, jobs };
}

export async function run(argv: string[], io: Io): Promise<number> {
  let settings: Settings | 'help';
  try {
    settings = parse(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    await write(io.stderr, `winnow clean: ${err.message}\nRun 'winnow clean --help' for usage.\n`);
    return EXIT_USAGE;
  }
  if (settings === 'help') {
    await write(io.stdout, usage);
    return EXIT_OK;
  }
  const cleaner = new Cleaner(settings, io);
  return settings.outDir === null ? cleaner.toStdout(settings.files[0]!) : cleaner.toDir(settings.outDir);
}

class Cleaner {
  private loaded: typeof Engine | null = null;

  constructor(
    private readonly settings: Settings,
    private readonly io: Io,
  ) {}

  /** The engine, loaded on first use (with --jobs N only the worker threads load it). */
  private get engine(): typeof Engine {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (this.loaded ??= require('../../engine') as typeof Engine);
  }

  private async read(file: string): Promise<Buffer> {
    if (file === '-') return readAll(this.io.stdin, readLimit(this.engine), () => tooLarge(this.engine, 'standard input'));
    return readInput(this.engine, file);
  }

  private label(file: string): string {
    return file === '-' ? '<stdin>' : file;
  }

  async toStdout(file: string): Promise<number> {
    let output: string;
    try {
      const result = this.engine.clean(await this.read(file), this.settings.options);
      output = render(this.engine, result, this.settings);
      if (!result.text && this.settings.format !== 'json') {
        await write(this.io.stderr, `winnow: ${this.label(file)}: no article text (${result.emptyReason})\n`);
      }
    } catch (err) {
      const { code, message } = describe(this.engine, err);
      await write(this.io.stderr, `winnow: ${this.label(file)}: ${code}: ${message}\n`);
      return EXIT_FAILED;
    }
    try {
      await write(this.io.stdout, output);
    } catch (err) {
      if (!isEpipe(err)) throw err;
    }
    return EXIT_OK;
  }

  async toDir(dir: string): Promise<number> {
    try {
      mkdirSync(dir, { recursive: true }); // synchronous: nothing else to do meanwhile, and no wait for the thread pool
    } catch (err) {
      const { code, message } = describe(this.engine, err);
      await write(this.io.stderr, `winnow: ${dir}: ${code}: ${message}\n`);
      return EXIT_FAILED;
    }
    const { files } = this.settings;
    const ext = this.settings.format === 'json' ? '.json' : this.settings.format === 'markdown' ? '.md' : '.txt';
    const outs = files.map((file) => join(dir, outputStem(file) + ext));
    const progress = new Progress(this.io.stderr, files.length);
    // A FILE that is also an output of this run (`-o . a.html a.txt`) must be read only after
    // the earlier FILEs' outputs are written: then everything runs strictly one at a time.
    const outPaths = new Set(outs.map((o) => resolve(o)));
    const strict = files.some((f) => outPaths.has(resolve(f)));
    const jobs = strict ? 1 : Math.min(this.settings.jobs, files.length);
    const readAhead = strict ? 0 : 2;
    const maxPendingWrites = strict ? 0 : MAX_PENDING_WRITES;
    const job: CleanJob = { format: this.settings.format, frontMatter: this.settings.frontMatter, options: this.settings.options };
    let failures = 0;
    const report = (file: string, failure: Failure | null) => {
      if (failure) {
        failures += 1;
        progress.log(`winnow: ${file}: ${failure.code}: ${failure.message}\n`);
      }
      progress.tick(failure === null);
    };
    if (jobs <= 1) {
      // Cleaned here one after the other; each output is written on the thread pool while the
      // next page is cleaned, and reported (in FILE order) once written.
      const written = new Map<string, string>(); // output path → the FILE that produced it
      const writing = new Map<string, Promise<Failure | null>>(); // output path → its write in flight
      const pending: { file: string; result: Promise<Failure | null> }[] = [];
      // Pages read ahead on the thread pool while the current one is cleaned.
      const reads = new Map<number, Promise<{ bytes: Buffer } | { error: unknown }>>();
      const readSoon = (k: number) => {
        if (k < files.length && !reads.has(k)) {
          reads.set(k, readInputAsync(this.engine, files[k]!).then((bytes) => ({ bytes }), (error: unknown) => ({ error })));
        }
      };
      const reportFirst = async () => {
        const { file, result } = pending.shift()!;
        report(file, await result);
      };
      for (let i = 0; i < files.length; i++) {
        const file = files[i]!;
        const out = outs[i]!;
        progress.start(file);
        for (let k = i + 1; k <= i + readAhead; k++) readSoon(k);
        const inFlight = writing.get(out);
        if (inFlight) await inFlight; // a FILE with the same output name: its fate decides this one's
        const first = written.get(out);
        let result: Promise<Failure | null>;
        if (first !== undefined) {
          result = Promise.resolve(clash(out, first));
        } else {
          let text: string | null = null;
          let failure: Failure | null = null;
          try {
            const read = reads.get(i);
            reads.delete(i);
            const got = read ? await read : { bytes: readInput(this.engine, file) };
            if ('error' in got) throw got.error;
            text = cleanBytes(this.engine, job, got.bytes);
          } catch (err) {
            failure = describe(this.engine, err);
          }
          if (text === null) {
            result = Promise.resolve(failure);
          } else {
            result = writeOutput(this.engine, out, text).then((f) => {
              if (f === null) written.set(out, file);
              writing.delete(out);
              return f;
            });
            writing.set(out, result);
          }
        }
        pending.push({ file, result });
        reads.delete(i); // a clash's read-ahead is not used
        while (pending.length > maxPendingWrites) await reportFirst();
      }
      while (pending.length) await reportFirst();
    } else {
      await runWorkers({ files, outs, jobs, job, progress, report, clash });
    }
    progress.finish();
    return failures ? EXIT_FAILED : EXIT_OK;
  }
}

/** The second FILE with an output name already written: refused, not a silent overwrite. */
function clash(out: string, first: string): Failure {
  return { code: 'OUTPUT_CLASH', message: `would overwrite ${out}, written for ${first}` };
}
