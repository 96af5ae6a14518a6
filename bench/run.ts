/**
 * npm run bench [-- --json] [--skip-jsdom] [--rounds N]
 *
 * Runs winnow over the development benchmark (181 real pages with hand-annotated article
 * bodies, ../shared/data/article-extraction): the HTML pages, and page-text.json as plain-text
 * input. In the same run, Mozilla Readability.js 0.6 on linkedom and on jsdom and a parse-only
 * floor (htmlparser2 Parser + all text) go over the same HTML. Every system runs in its own
 * process, pinned to one core when `taskset` exists, so its speed and peak RSS are its own.
 *
 * In each round every system is warmed up for 3 s, then timed over whole passes for at least
 * 2 s (bench/worker.ts). Speed is the median of `--rounds` (default 5) rounds, the systems
 * taking turns round by round: a shared machine's speed drifts by tens of percent over minutes,
 * and taking turns gives that drift to every system alike. Readability on jsdom, ~100× slower,
 * runs one round.
 *
 * Accuracy is the benchmark's own metric (bench/metric.ts). The ground truth is the article
 * body without its headline, so winnow is scored on `result.body` (its text minus the title).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { DATA_DIR, datasetAvailable } from './dataset';
import { aggregate, type PageScore } from './metric';
import type { SystemName } from './systems';

interface PageResult extends PageScore {
  id: string;
  url: string;
  ms: number;
  error: string | null;
}

interface WorkerReport {
  system: SystemName;
  pages: number;
  errors: number;
  /** Seconds of one timed pass (the mean over timedPasses). */
  seconds: number;
  timedPasses: number;
  bytes: number;
  maxRssMB: number;
  bigPage: { bytes: number; ms: number } | null;
  results: PageResult[];
}

const SYSTEMS: { name: SystemName; label: string }[] = [
  { name: 'winnow', label: 'winnow (HTML)' },
  { name: 'winnow-text', label: 'winnow (plain text)' },
  { name: 'parse-only', label: 'parse-only floor' },
  { name: 'readability-linkedom', label: 'Readability.js 0.6 + linkedom' },
  { name: 'readability-jsdom', label: 'Readability.js 0.6 + jsdom' },
];

/** Published F1 on this benchmark (data README), for context. */
const PUBLISHED: [string, number][] = [
  ['rs-trafilatura', 0.97],
  ['Zyte AutoExtract (2019)', 0.97],
  ['go-trafilatura', 0.96],
  ['trafilatura 2.0.0', 0.958],
  ['newspaper4k', 0.949],
  ['Readability.js 0.6.0', 0.947],
  ['readability-lxml', 0.922],
  ['boilerpipe', 0.86],
  ['jusText', 0.804],
  ['html-text (all page text)', 0.665],
];

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const skipJsdom = args.includes('--skip-jsdom');
const roundsArg = args.indexOf('--rounds');
const rounds = roundsArg >= 0 ? Number(args[roundsArg + 1]) : 5;
if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds takes a whole number ≥ 1');

function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function runWorker(system: SystemName, pin: boolean): WorkerReport {
  const node = [process.execPath, join(__dirname, '../bin/tsx-run.cjs'), join(__dirname, 'worker.ts'), system];
  const [cmd, ...cmdArgs] = pin ? ['taskset', '-c', '0', ...node] : node;
  const out = spawnSync(cmd, cmdArgs, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (out.status !== 0) throw new Error(`${system} worker failed: ${out.stderr.slice(-2000)}`);
  return JSON.parse(out.stdout.trim().split('\n').pop()!) as WorkerReport;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** The round whose speed is the median of a system's rounds; peak RSS is the highest of all. */
function medianRound(runs: WorkerReport[]): WorkerReport {
  const bySpeed = [...runs].sort((a, b) => a.seconds - b.seconds);
  const median = bySpeed[(bySpeed.length - 1) >> 1];
  return { ...median, maxRssMB: Math.max(...runs.map((r) => r.maxRssMB)) };
}

function summarise(report: WorkerReport, runs: WorkerReport[]) {
  const acc = aggregate(report.results);
  const ms = report.results.map((r) => r.ms).sort((a, b) => a - b);
  return {
    system: report.system,
    f1: acc.f1,
    precision: acc.precision,
    recall: acc.recall,
    pages: report.pages,
    errors: report.errors,
    pagesPerSecond: report.pages / report.seconds,
    mbPerSecond: report.bytes / 1e6 / report.seconds,
    p50Ms: percentile(ms, 50),
    p95Ms: percentile(ms, 95),
    maxMs: ms[ms.length - 1] ?? 0,
    peakRssMB: report.maxRssMB,
    seconds: report.seconds,
    timedPasses: report.timedPasses,
    roundsPagesPerSecond: runs.map((r) => r.pages / r.seconds),
  };
}

function main(): void {
  if (!datasetAvailable()) {
    console.error(`winnow bench: the benchmark data is not at ${DATA_DIR} (it is not part of the repository).`);
    process.exitCode = 1;
    return;
  }
  const pin = hasTaskset();
  const runs = new Map<SystemName, WorkerReport[]>();
  for (let round = 1; round <= rounds; round++) {
    for (const s of SYSTEMS) {
      if (s.name === 'readability-jsdom' && (skipJsdom || round > 1)) continue;
      if (!asJson) process.stderr.write(`round ${round}/${rounds}: ${s.label}…\n`);
      const list = runs.get(s.name) ?? [];
      list.push(runWorker(s.name, pin));
      runs.set(s.name, list);
    }
  }
  const reports = [...runs.values()].map(medianRound);
  const rows = [...runs.values()].map((list, i) => summarise(reports[i], list));
  const winnow = rows.find((r) => r.system === 'winnow')!;
  const winnowReport = reports.find((r) => r.system === 'winnow')!;
  const speedRatios = Object.fromEntries(
    rows.filter((r) => r.system !== 'winnow' && r.system !== 'winnow-text').map((r) => [r.system, winnow.pagesPerSecond / r.pagesPerSecond]),
  );
  const worst = [...winnowReport.results].sort((a, b) => a.f1 - b.f1).slice(0, 10);
  const summary = {
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    pinnedToOneCore: pin,
    rounds,
    pages: winnow.pages,
    htmlMB: winnowReport.bytes / 1e6,
    systems: rows,
    winnowSpeedRatio: speedRatios,
    tenMbPage: winnowReport.bigPage,
    worstPages: worst.map((w) => ({ id: w.id, url: w.url, f1: w.f1, precision: w.precision, recall: w.recall })),
    published: Object.fromEntries(PUBLISHED),
  };
  if (asJson) {
    process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
    return;
  }
  const f = (x: number, d = 3) => x.toFixed(d);
  console.log(
    `\nwinnow benchmark: ${summary.pages} pages, ${f(summary.htmlMB, 1)} MB of HTML; Node ${summary.node}; ` +
      `${pin ? 'each system pinned to one core' : 'one process per system (taskset not found)'}; ` +
      `speed: 3 s warm-up, ≥ 2 s timed, median of ${rounds} round${rounds > 1 ? 's' : ''}, systems taking turns (jsdom: one round)\n`,
  );
  const header = ['system', 'F1', 'P', 'R', 'pages/s', 'MB/s', 'p50 ms', 'p95 ms', 'max ms', 'peak RSS MB', 'errors', 'winnow ×'];
  const table = rows.map((r) => {
    const label = SYSTEMS.find((s) => s.name === r.system)!.label;
    const ratio = speedRatios[r.system];
    return [
      label,
      f(r.f1, 4),
      f(r.precision, 4),
      f(r.recall, 4),
      f(r.pagesPerSecond, 1),
      f(r.mbPerSecond, 2),
      f(r.p50Ms, 1),
      f(r.p95Ms, 1),
      f(r.maxMs, 1),
      f(r.peakRssMB, 0),
      String(r.errors),
      ratio === undefined ? '' : `${f(ratio, 2)}×`,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of table) console.log(line(row));
  console.log('\n"winnow ×": winnow (HTML) pages/s divided by that system\'s pages/s, same run.');
  console.log(
    `pages/s of each round: ${rows
      .map((r) => `${r.system} ${r.roundsPagesPerSecond.map((x) => f(x, 1)).join(' ')}`)
      .join('; ')}`,
  );
  console.log('Plain-text row: page-text.json (the whole visible text of each page) as input.');
  if (summary.tenMbPage) {
    console.log(`\n10 MB page (${f(summary.tenMbPage.bytes / 1e6, 1)} MB of real pages end to end): ${f(summary.tenMbPage.ms, 0)} ms`);
  }
  console.log('\nTen worst pages (winnow, HTML):');
  for (const w of worst) {
    console.log(`  F1 ${f(w.f1)}  P ${f(w.precision ?? 0)}  R ${f(w.recall ?? 0)}  ${w.id.slice(0, 12)}  ${w.url}`);
  }
  console.log('\nPublished F1 on this benchmark (data README):');
  for (const [name, score] of PUBLISHED) console.log(`  ${score.toFixed(3)}  ${name}`);
}

main();
