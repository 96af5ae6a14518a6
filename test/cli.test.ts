import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { parseCommandLine, type Io, type OutStream } from '../cli/io';
import { Progress } from '../cli/progress';
import { outputStem } from '../cli/stem';

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'bin', 'winnow.cjs');
const CLI_FIXTURES = join(__dirname, 'fixtures', 'cli');
const DECODE_FIXTURES = join(__dirname, 'fixtures', 'decode');

const HARBOUR = 'After eighteen months of repairs, the old harbour reopened on Saturday morning';
const ALLOTMENT = 'The beans came up late this year because of the cold spring';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The real command, in a real process. */
function winnow(args: string[], opts: { cwd?: string; input?: Buffer | string } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? work,
    input: opts.input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'winnow-cli-'));
  for (const name of ['story.txt', 'a1.html.gz', 'bad.pdf', 'README', 'latin1.txt']) {
    copyFileSync(join(CLI_FIXTURES, name), join(work, name));
  }
  copyFileSync(join(DECODE_FIXTURES, 'cp1251-meta.html'), join(work, '0001.html'));
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('winnow --version', () => {
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

  test.each(['--version', '-V'])('%s prints the package version and nothing else', (flag) => {
    const r = winnow([flag]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`winnow ${version}\n`);
    expect(r.stderr).toBe('');
  });

  test('into a pipe whose reader has gone it exits quietly', () => {
    // The reader closes its end at once and lingers; node takes tens of milliseconds to start.
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" --version | (exec 0<&-; sleep 0.3)`], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });
});

describe('winnow clean (stdout)', () => {
  test('clean FILE prints the article text', () => {
    const r = winnow(['clean', 'story.txt']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(HARBOUR);
    expect(r.stdout.endsWith('\n')).toBe(true);
  });

  test('clean - reads standard input', () => {
    const r = winnow(['clean', '-'], { input: readFileSync(join(CLI_FIXTURES, 'README')) });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(ALLOTMENT);
  });

  test('gzipped HTML on standard input, told by content', () => {
    const r = winnow(['clean', '--format', 'json', '-'], { input: readFileSync(join(CLI_FIXTURES, 'a1.html.gz')) });
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.format).toBe('html');
    expect(result.encoding).toEqual({ charset: 'utf-8', gzip: true, source: 'meta' });
    expect(result.text).toContain(HARBOUR);
    expect(result.text).not.toContain('<p>');
  });

  test('--format markdown: emphasis by default, links and images with --md-links/--md-images', () => {
    const page = `<html><body><article><h1>The harbour</h1><p>${HARBOUR}, <em>to the joy</em> of the town, and the <a href="https://example.com/ferry">ferry</a> came back with it; the quay <img src="/quay.jpg" alt="The quay"> was rebuilt stone by stone.</p></article></body></html>`;
    const plain = winnow(['clean', '--format', 'markdown', '-'], { input: page });
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('*to the joy*');
    expect(plain.stdout).toContain(' the ferry came back');
    expect(plain.stdout).not.toContain('quay.jpg');
    const rich = winnow(['clean', '--format', 'markdown', '--md-links', '--md-images', '--no-md-emphasis', '-'], { input: page });
    expect(rich.code).toBe(0);
    expect(rich.stdout).toContain('[ferry](<https://example.com/ferry>)');
    expect(rich.stdout).toContain('![The quay](</quay.jpg>)');
    expect(rich.stdout).not.toContain('*to the joy*');
  });

  test('--format json writes the whole CleanResult', () => {
    const r = winnow(['clean', '--format', 'json', 'story.txt']);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.format).toBe('text');
    expect(result.text).toContain(HARBOUR);
    expect(typeof result.body).toBe('string');
    expect(Array.isArray(result.blocks)).toBe(true);
    expect(result.blocks.length).toBeGreaterThan(0);
    expect(result.stats.inputBytes).toBe(readFileSync(join(work, 'story.txt')).length);
    expect(result.encoding).toEqual({ charset: 'utf-8', gzip: false, source: 'utf8-valid' });
    // The metadata stage runs for JSON (the text format, which holds none of it, skips it).
    expect(result.metadata).toEqual(expect.objectContaining({ sources: expect.any(Object) }));
  });

  test('--mode overrides the sniffing', () => {
    const forcedHtml = JSON.parse(winnow(['clean', '-f', 'json', '--mode', 'html', 'story.txt']).stdout);
    expect(forcedHtml.format).toBe('html');
    const auto = JSON.parse(winnow(['clean', '-f', 'json', '0001.html']).stdout);
    expect(auto.format).toBe('html');
    const forcedText = JSON.parse(winnow(['clean', '-f', 'json', '-m', 'text', '0001.html']).stdout);
    expect(forcedText.format).toBe('text');
  });

  test('--content-type passes the charset hint', () => {
    const hinted = JSON.parse(
      winnow(['clean', '-f', 'json', '--content-type', 'text/html; charset=KOI8-R', '0001.html']).stdout,
    );
    expect(hinted.encoding).toMatchObject({ charset: 'koi8-r', source: 'content-type' });
    const plain = JSON.parse(winnow(['clean', '-f', 'json', '0001.html']).stdout);
    expect(plain.encoding).toMatchObject({ charset: 'windows-1251', source: 'meta' });
    const latin = JSON.parse(
      winnow(['clean', '-f', 'json', '--content-type', 'text/plain; charset=ISO-8859-1', 'latin1.txt']).stdout,
    );
    expect(latin.encoding).toMatchObject({ charset: 'windows-1252', source: 'content-type' });
    expect(latin.text).toContain('Le café du coin sert un “crème” à 2 €');
  });

  test('--no-title leaves the title out of the text', () => {
    const withTitle = JSON.parse(winnow(['clean', '-f', 'json', 'story.txt']).stdout);
    expect(withTitle.title).toBeTruthy();
    expect(withTitle.text.startsWith(withTitle.title)).toBe(true);
    const noTitle = JSON.parse(winnow(['clean', '-f', 'json', '--no-title', 'story.txt']).stdout);
    expect(noTitle.text).toBe(noTitle.body);
    expect(noTitle.text.startsWith(withTitle.title)).toBe(false);
  });

  test('a failing file: one stderr line with its code, exit 1, nothing on stdout', () => {
    const r = winnow(['clean', 'bad.pdf']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^winnow: bad\.pdf: BINARY_INPUT: .*PDF.*\n$/);
  });

  test('empty standard input → EMPTY_INPUT', () => {
    const r = winnow(['clean', '-'], { input: '  \n' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^winnow: <stdin>: EMPTY_INPUT: /);
  });
});

describe('winnow clean --out-dir', () => {
  test('writes <stem>.txt per FILE, creating DIR; .html.gz, .txt, .html and no extension', () => {
    const out = join(work, 'out', 'nested');
    const r = winnow(['clean', '--out-dir', out, 'a1.html.gz', 'story.txt', '0001.html', 'README']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(''); // not a TTY: no progress bar
    expect(readdirSync(out).sort()).toEqual(['0001.txt', 'README.txt', 'a1.txt', 'story.txt']);
    expect(readFileSync(join(out, 'a1.txt'), 'utf8')).toContain(HARBOUR);
    expect(readFileSync(join(out, 'story.txt'), 'utf8')).toContain(HARBOUR);
    expect(readFileSync(join(out, 'README.txt'), 'utf8')).toContain(ALLOTMENT);
    expect(readFileSync(join(out, '0001.txt'), 'utf8')).toContain('Москва');
  });

  test('a failing file among good ones: stderr line naming it and its code, others written, exit 1', () => {
    const out = join(work, 'out-mixed');
    const r = winnow(['clean', '-o', out, 'story.txt', 'bad.pdf', 'missing.html', 'README']);
    expect(r.code).toBe(1);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^winnow: bad\.pdf: BINARY_INPUT: /);
    expect(lines[1]).toMatch(/^winnow: missing\.html: ENOENT: /);
    expect(readdirSync(out).sort()).toEqual(['README.txt', 'story.txt']);
  });

  test('two FILEs with the same stem: the second is OUTPUT_CLASH, not a silent overwrite', () => {
    const out = join(work, 'out-clash');
    mkdirSync(join(work, 'other'), { recursive: true });
    copyFileSync(join(CLI_FIXTURES, 'README'), join(work, 'other', 'story.html'));
    const r = winnow(['clean', '-o', out, 'story.txt', 'other/story.html']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^winnow: other\/story\.html: OUTPUT_CLASH: /);
    expect(readFileSync(join(out, 'story.txt'), 'utf8')).toContain(HARBOUR);
  });

  test('--format json writes <stem>.json', () => {
    const out = join(work, 'out-json');
    const r = winnow(['clean', '-o', out, '-f', 'json', 'a1.html.gz', 'story.txt']);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['a1.json', 'story.json']);
    const a1 = JSON.parse(readFileSync(join(out, 'a1.json'), 'utf8'));
    expect(a1).toMatchObject({ format: 'html', encoding: { gzip: true } });
    expect(a1.text).toContain(HARBOUR);
  });
});

describe('winnow clean --out-dir --jobs N (worker threads)', () => {
  /** A mix: good pages, failures, a clash, and a same-named pair whose first fails (so the second is no clash). */
  function mixedInputs(): string[] {
    for (const d of ['other', 'dup1', 'dup2']) mkdirSync(join(work, d), { recursive: true });
    copyFileSync(join(CLI_FIXTURES, 'README'), join(work, 'other', 'story.html'));
    copyFileSync(join(CLI_FIXTURES, 'bad.pdf'), join(work, 'dup1', 'page.html'));
    copyFileSync(join(CLI_FIXTURES, 'story.txt'), join(work, 'dup2', 'page.html.gz'));
    return ['story.txt', 'bad.pdf', 'a1.html.gz', 'missing.html', 'other/story.html', 'dup1/page.html', 'dup2/page.html.gz', 'README', '0001.html', 'latin1.txt'];
  }

  function outputs(dir: string): Record<string, string> {
    return Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'latin1')]));
  }

  test.each([['text'], ['json']])('--format %s: files, stderr lines (in FILE order) and exit status are those of --jobs 1', (format) => {
    const inputs = mixedInputs();
    const runs = ['1', '2', '3', '16'].map((jobs) => {
      const out = join(work, `out-jobs-${format}`); // one name: it appears in the OUTPUT_CLASH line
      rmSync(out, { recursive: true, force: true });
      const r = winnow(['clean', '-f', format, '--jobs', jobs, '-o', out, ...inputs]);
      return { jobs, r, files: outputs(out) };
    });
    const [one, ...others] = runs;
    expect(one!.r.code).toBe(1);
    const lines = one!.r.stderr.trimEnd().split('\n');
    expect(lines.map((l) => l.split(': ').slice(1, 3).join(': '))).toEqual([
      'bad.pdf: BINARY_INPUT',
      'missing.html: ENOENT',
      'other/story.html: OUTPUT_CLASH',
      'dup1/page.html: BINARY_INPUT',
    ]);
    const ext = format === 'json' ? '.json' : '.txt';
    expect(Object.keys(one!.files).sort()).toEqual(['0001', 'README', 'a1', 'latin1', 'page', 'story'].map((n) => n + ext));
    for (const other of others) {
      expect({ jobs: other.jobs, code: other.r.code, stderr: other.r.stderr, stdout: other.r.stdout }).toEqual({ jobs: other.jobs, code: one!.r.code, stderr: one!.r.stderr, stdout: one!.r.stdout });
      expect(other.files).toEqual(one!.files);
    }
  });

  test.each([['0'], ['-1'], ['two'], ['1.5'], ['']])('--jobs %j is a usage error (exit 2)', (jobs) => {
    const r = winnow(['clean', `--jobs=${jobs}`, '-o', join(work, 'out-badjobs'), 'story.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--jobs must be a whole number/);
  });

  const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
  (hasScript ? test : test.skip)('the progress bar counts the files of every worker', () => {
    const out = join(work, 'out-tty-jobs');
    const inputs = ['bad.pdf', 'story.txt', 'README', 'a1.html.gz', 'missing.html', '0001.html'];
    const command = `'${process.execPath}' '${BIN}' clean --jobs 3 -o '${out}' ${inputs.join(' ')}`;
    const r = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: work, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('] 6/6 (2 failed)');
    expect(r.stdout.indexOf('winnow: bad.pdf: BINARY_INPUT')).toBeLessThan(r.stdout.indexOf('winnow: missing.html: ENOENT'));
    expect(r.stdout.endsWith('\r\x1b[2K')).toBe(true);
    expect(readdirSync(out).sort()).toEqual(['0001.txt', 'README.txt', 'a1.txt', 'story.txt']);
  });
});

describe('help and usage errors', () => {
  test.each([[['--help']], [['help']], [['-h']]])('winnow %j documents the commands', (args) => {
    const r = winnow(args);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage:/);
    expect(r.stdout).toMatch(/clean/);
  });

  test.each([[['clean', '--help']], [['help', 'clean']]])('winnow %j documents every flag', (args) => {
    const r = winnow(args);
    expect(r.code).toBe(0);
    for (const flag of ['--out-dir', '--format', '--mode', '--content-type', '--no-title', 'BINARY_INPUT', '.html.gz']) {
      expect(r.stdout).toContain(flag);
    }
  });

  test.each([
    [[], /Usage:/],
    [['clean', '--bogus', 'story.txt'], /unknown option '--bogus'/],
    [['clean'], /no FILE/],
    [['clean', 'story.txt', 'README'], /--out-dir/],
    [['clean', '--mode', 'pdf', 'story.txt'], /--mode must be/],
    [['clean', '--format', 'xml', 'story.txt'], /--format must be/],
    [['clean', '--md-links', 'story.txt'], /--md-links needs --format markdown or json/],
    [['clean', '-o', 'x', '-'], /standard input/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['--frob'], /unknown option '--frob'/],
  ])('winnow %j → exit 2', (args, message) => {
    const r = winnow(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });
});

describe('CLI helpers', () => {
  test('parseCommandLine: the options; a bad command line → exit 2, why and the usage on stderr; --help → exit 0, the usage on stdout', async () => {
    const run = async (args: string[]) => {
      const [out, err] = [new PassThrough(), new PassThrough()];
      const io: Io = { stdin: new PassThrough(), stdout: out, stderr: err };
      const config = { args, options: { once: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: false, strict: true } as const;
      const parsed = await parseCommandLine('tail', config, 'Usage: winnow tail\n', io);
      return { parsed, out: String(out.read() ?? ''), err: String(err.read() ?? '') };
    };
    const ok = await run(['--once']);
    expect(ok.parsed).toMatchObject({ values: { once: true } });
    expect(ok.out + ok.err).toBe('');
    const bad = await run(['--follow']);
    expect(bad.parsed).toBe(2);
    expect(bad.err).toMatch(/^winnow tail: Unknown option '--follow'[^]*\n\nUsage: winnow tail\n$/);
    expect(bad.out).toBe('');
    const help = await run(['-h']);
    expect(help.parsed).toBe(0);
    expect(help.out).toBe('Usage: winnow tail\n');
    expect(help.err).toBe('');
  });

  test.each([
    ['a1.html.gz', 'a1'],
    ['story.txt', 'story'],
    ['0001.html', '0001'],
    ['README', 'README'],
    ['dir/page.HTML.GZ', 'page'],
    ['archive.tar.gz', 'archive'],
    ['.profile', '.profile'],
    ['x.gz', 'x'],
  ])('outputStem(%s) = %s', (file, stem) => {
    expect(outputStem(file)).toBe(stem);
  });

  function fakeStream(isTTY: boolean): { stream: OutStream; written: () => string } {
    const stream = new PassThrough() as unknown as OutStream;
    stream.isTTY = isTTY;
    stream.columns = 60;
    let data = '';
    stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
    return { stream, written: () => data };
  }

  test('progress bar draws and clears on a TTY, error lines go through', async () => {
    const { stream, written } = fakeStream(true);
    let now = 0;
    const p = new Progress(stream, 2, () => (now += 1000));
    p.start('a.html');
    p.tick(true);
    p.start('b.pdf');
    p.log('winnow: b.pdf: BINARY_INPUT: x\n');
    p.tick(false);
    expect(p.render()).toMatch(/^\[#+\] 2\/2 \(1 failed\)/);
    p.finish();
    await new Promise((r) => setImmediate(r));
    const out = written();
    expect(out).toContain('] 1/2 ');
    expect(out).toContain('winnow: b.pdf: BINARY_INPUT: x\n');
    expect(out.endsWith('\r\x1b[2K')).toBe(true);
    for (const line of out.split('\r\x1b[2K')) expect(line.length).toBeLessThanOrEqual(60);
  });

  test('no progress bar when the stream is not a TTY', async () => {
    const { stream, written } = fakeStream(false);
    const p = new Progress(stream, 3);
    p.start('a');
    p.tick(true);
    p.log('winnow: a: X: y\n');
    p.finish();
    await new Promise((r) => setImmediate(r));
    expect(written()).toBe('winnow: a: X: y\n');
  });

  const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
  (hasScript ? test : test.skip)('a real terminal (script(1) pty) gets the progress bar, then it is cleared', () => {
    const out = join(work, 'out-tty');
    const command = `'${process.execPath}' '${BIN}' clean -o '${out}' bad.pdf story.txt README`;
    const r = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: work, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/\x1b\[2K\[[#-]+\] \d\/3/);
    expect(r.stdout).toContain('] 3/3 (1 failed)');
    expect(r.stdout).toMatch(/winnow: bad\.pdf: BINARY_INPUT: /);
    expect(r.stdout.endsWith('\r\x1b[2K')).toBe(true);
    expect(readdirSync(out).sort()).toEqual(['README.txt', 'story.txt']);
  });
});
