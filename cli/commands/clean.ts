/**
 * `winnow clean`: files (or standard input) → clean article text, on stdout or into a folder.
 * The engine is loaded only when there is work to do, so `--help` stays instant.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type * as Engine from '../../engine';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, isEpipe, readAll, write, type Io } from '../io';
import { Progress } from '../progress';
import { outputStem } from '../stem';

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
  help: { type: 'boolean', short: 'h' },
} as const;

const FORMATS = ['text', 'markdown', 'json'] as const;
const MODES = ['auto', 'html', 'text'] as const;
const COMMENT_MODES = ['drop', 'keep-ham', 'keep-all'] as const;
type OutputFormat = (typeof FORMATS)[number];

/** Input bytes read beyond `maxBytes` before giving up: gzip never shrinks data by more than its framing. */
const READ_SLACK_BYTES = 64 * 1024;

interface Settings {
  files: string[];
  outDir: string | null;
  format: OutputFormat;
  frontMatter: boolean;
  options: Engine.CleanOptionsInput;
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
  return { files: positionals, outDir, format: format as OutputFormat, frontMatter: Boolean(values['front-matter']), options };
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
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const engine = require('../../engine') as typeof Engine;
  const cleaner = new Cleaner(engine, settings, io);
  return settings.outDir === null ? cleaner.toStdout(settings.files[0]!) : cleaner.toDir(settings.outDir);
}

/** Why an input failed, as `CODE` and a message. */
function describe(engine: typeof Engine, err: unknown): { code: string; message: string } {
  if (engine.isWinnowError(err)) return { code: err.code, message: err.message };
  const e = err as NodeJS.ErrnoException;
  if (e && typeof e.code === 'string') {
    const message = e.message.startsWith(`${e.code}: `) ? e.message.slice(e.code.length + 2) : e.message;
    return { code: e.code, message };
  }
  // A bug, not bad input: keep it on one line, with where it happened.
  if (err instanceof Error) {
    const frame = /\n\s+at (.+)/.exec(err.stack ?? '')?.[1];
    return { code: 'INTERNAL', message: `${err.name}: ${err.message}${frame ? ` (at ${frame})` : ''}` };
  }
  return { code: 'INTERNAL', message: String(err) };
}

class Cleaner {
  private readonly readLimit: number;

  constructor(
    private readonly engine: typeof Engine,
    private readonly settings: Settings,
    private readonly io: Io,
  ) {
    this.readLimit = engine.DEFAULT_OPTIONS.decode.maxBytes + READ_SLACK_BYTES;
  }

  private tooLarge(name: string): Error {
    const mb = (this.engine.DEFAULT_OPTIONS.decode.maxBytes / (1024 * 1024)).toFixed(1);
    return new this.engine.WinnowError('TOO_LARGE', `${name} is over the ${mb} MB limit (decode.maxBytes)`);
  }

  private async read(file: string): Promise<Buffer> {
    if (file === '-') return readAll(this.io.stdin, this.readLimit, () => this.tooLarge('standard input'));
    const info = await stat(file);
    if (info.isFile() && info.size > this.readLimit) throw this.tooLarge('the file');
    return readFile(file);
  }

  private render(result: Engine.CleanResult): string {
    if (this.settings.format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
    if (this.settings.format === 'markdown') return this.engine.toMarkdown(result, { frontMatter: this.settings.frontMatter });
    return result.text ? `${result.text}\n` : '';
  }

  private label(file: string): string {
    return file === '-' ? '<stdin>' : file;
  }

  async toStdout(file: string): Promise<number> {
    let output: string;
    try {
      const result = this.engine.clean(await this.read(file), this.settings.options);
      output = this.render(result);
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
      await mkdir(dir, { recursive: true });
    } catch (err) {
      const { code, message } = describe(this.engine, err);
      await write(this.io.stderr, `winnow: ${dir}: ${code}: ${message}\n`);
      return EXIT_FAILED;
    }
    const ext = this.settings.format === 'json' ? '.json' : this.settings.format === 'markdown' ? '.md' : '.txt';
    const progress = new Progress(this.io.stderr, this.settings.files.length);
    const written = new Map<string, string>(); // output path → the FILE that produced it
    let failures = 0;
    for (const file of this.settings.files) {
      progress.start(file);
      const out = join(dir, outputStem(file) + ext);
      try {
        const first = written.get(out);
        if (first !== undefined) {
          throw Object.assign(new Error(`would overwrite ${out}, written for ${first}`), { code: 'OUTPUT_CLASH' });
        }
        const result = this.engine.clean(await this.read(file), this.settings.options);
        await writeFile(out, this.render(result));
        written.set(out, file);
        progress.tick(true);
      } catch (err) {
        failures += 1;
        const { code, message } = describe(this.engine, err);
        progress.log(`winnow: ${file}: ${code}: ${message}\n`);
        progress.tick(false);
      }
    }
    progress.finish();
    return failures ? EXIT_FAILED : EXIT_OK;
  }
}
