/**
 * npm run bench [-- --dataset NAME] [--json] [--skip-jsdom] [--rounds N] [--wide-rounds N]
 *
 * Runs winnow over the four annotated page sets of ../shared/data (bench/dataset.ts; not part
 * of the repository): the development benchmark (Zyte's article-extraction, 181 news and blog
 * pages) and the wide sets CleanEval (732), CleanPortalEval (69) and L3S-GN1 (621). `--dataset`
 * runs one of them (`zyte` is the development benchmark); by default all four, one after the
 * other. On each set, side by side: winnow on the HTML and on page-text.json as plain-text
 * input; the plain text returned unchanged (page-text, the "remove nothing" baseline of the
 * plain-text path); a parse-only floor (htmlparser2 Parser + all text); Mozilla Readability.js
 * 0.6 on linkedom; Defuddle 0.19 on linkedom; and, on the development benchmark only,
 * Readability.js on jsdom. Every system runs in its own process (bench/worker.ts), pinned to
 * one core when `taskset` exists, so its speed and peak RSS are its own. The engine is bundled
 * once at the start, so every worker of a run measures the same engine.
 *
 * Timing. In each round every system is warmed up for 3 s, then timed over whole passes for at
 * least 2 s (bench/worker.ts). On the development benchmark speed is the median of `--rounds`
 * (default 5) rounds, the systems taking turns round by round: a shared machine's speed drifts
 * by tens of percent over minutes, and taking turns gives that drift to every system alike.
 * Readability on jsdom, ~100× slower, runs one round. The wide sets are for accuracy: they run
 * `--wide-rounds` rounds (default 1), speed is reported from those, and the slow peers
 * (Readability, Defuddle) may end their warm-up mid-pass there. The page-text baseline is not
 * timed. The 10 MB page (real pages laid end to end) is timed on the development benchmark.
 *
 * Accuracy is the benchmark's own metric (bench/metric.ts). The development benchmark's truth
 * is the article body without its headline, so systems are scored on their body there (winnow:
 * `result.body`); the wide sets' truth holds the headline, so every system is scored on its
 * title and text there (winnow: `result.text`); bench/systems.ts `scoredText` is the rule.
 * Printed per set: a table of every system (F1, P, R, speed, errors, winnow (HTML)'s speed over
 * each peer's), winnow (HTML)'s F1 minus each peer's, winnow (plain text)'s F1 minus the
 * page-text baseline's, and the ten worst pages of winnow on HTML and on plain text; then the
 * macro table (F1 per set and the mean over the sets). `--json` prints all of it as one object.
 *
 * On the development benchmark it also prints what the metadata stage adds to the engine's time
 * (bench/metadata-cost.ts: metadata on and off, interleaved passes, CPU time; must be ≤ 10%).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleEngine } from './bundle';
import { DATASET_NAMES, DATASETS, datasetAvailable, datasetByName, type DatasetName } from './dataset';
import { describeCost, type MetadataCost } from './metadata-cost';
import { aggregate, type PageScore } from './metric';
import { SYSTEMS, systemInfo, type SystemInfo, type SystemName } from './systems';

interface PageResult extends PageScore {
  id: string;
  url: string;
  ms: number;
  error: string | null;
  commentLeak: { shingles: number; leaked: number } | null;
}

/** The share of the annotated readers' comments (L3S-GN1) found in a system's output, pooled over pages; null without any. */
function commentLeakShare(results: PageResult[]): { pages: number; share: number } | null {
  let shingles = 0;
  let leaked = 0;
  let pages = 0;
  for (const r of results) {
    if (!r.commentLeak) continue;
    pages++;
    shingles += r.commentLeak.shingles;
    leaked += r.commentLeak.leaked;
  }
  return shingles ? { pages, share: leaked / shingles } : null;
}

interface WorkerReport {
  system: SystemName;
  dataset: DatasetName;
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

/** The systems of the macro table, in its column order. */
const MACRO_SYSTEMS: SystemName[] = ['winnow', 'winnow-text', 'page-text', 'readability-linkedom', 'defuddle-linkedom'];

/** Published F1 on the development benchmark (data README), for context. */
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
const opt = (flag: string): string | undefined => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
function wholeNumber(flag: string, fallback: number): number {
  const n = Number(opt(flag) ?? fallback);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} takes a whole number ≥ 1`);
  return n;
}
const zyteRounds = wholeNumber('--rounds', 5);
const wideRounds = wholeNumber('--wide-rounds', 1);
const datasetNames: DatasetName[] = opt('--dataset') ? [datasetByName(opt('--dataset')!).name] : [...DATASET_NAMES];

function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function runWorker(system: SystemName, dataset: DatasetName, pin: boolean, engineBundle: string): WorkerReport {
  const node = [process.execPath, join(__dirname, '../bin/tsx-run.cjs'), join(__dirname, 'worker.ts'), system, dataset];
  const [cmd, ...cmdArgs] = pin ? ['taskset', '-c', '0', ...node] : node;
  const out = spawnSync(cmd, cmdArgs, {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, WINNOW_ENGINE_BUNDLE: engineBundle },
  });
  if (out.status !== 0) throw new Error(`${system} worker on ${dataset} failed: ${out.stderr.slice(-2000)}`);
  return JSON.parse(out.stdout.trim().split('\n').pop()!) as WorkerReport;
}

/** The metadata stage's cost on the Zyte set (bench/metadata-cost.ts), in its own process pinned like the workers. */
function runMetadataCost(pin: boolean, engineBundle: string): MetadataCost | null {
  const node = [process.execPath, join(__dirname, '../bin/tsx-run.cjs'), join(__dirname, 'metadata-cost.ts')];
  const [cmd, ...cmdArgs] = pin ? ['taskset', '-c', '0', ...node] : node;
  const out = spawnSync(cmd, cmdArgs, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, env: { ...process.env, WINNOW_ENGINE_BUNDLE: engineBundle } });
  if (out.status !== 0) throw new Error(`metadata cost failed: ${out.stderr.slice(-2000)}`);
  return JSON.parse(out.stdout.trim().split('\n').pop()!) as MetadataCost | null;
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

type Row = ReturnType<typeof summarise>;

/**
 * winnow's pages/s over a peer's, round by round. The systems take turns within a round, so a
 * round's pair met the same machine; the medians of the two systems' rounds, taken apart, may
 * come from different rounds, and on a machine whose speed swings they say little of the ratio.
 */
function roundRatios(winnow: Row, peer: Row): number[] {
  const ours = winnow.roundsPagesPerSecond!;
  return peer.roundsPagesPerSecond!.map((theirs, i) => ours[i]! / theirs);
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function summarise(info: SystemInfo, runs: WorkerReport[]) {
  const report = medianRound(runs);
  const acc = aggregate(report.results);
  const ms = report.results.map((r) => r.ms).sort((a, b) => a - b);
  // The page-text baseline is not timed: its speed fields are null.
  const timed = <T>(value: T): T | null => (info.timed ? value : null);
  return {
    system: info.name,
    label: info.label,
    f1: acc.f1,
    precision: acc.precision,
    recall: acc.recall,
    pages: report.pages,
    errors: report.errors,
    pagesPerSecond: timed(report.pages / report.seconds),
    mbPerSecond: timed(report.bytes / 1e6 / report.seconds),
    p50Ms: timed(percentile(ms, 50)),
    p95Ms: timed(percentile(ms, 95)),
    maxMs: timed(ms[ms.length - 1] ?? 0),
    peakRssMB: report.maxRssMB,
    seconds: timed(report.seconds),
    timedPasses: timed(report.timedPasses),
    roundsPagesPerSecond: timed(runs.map((r) => r.pages / r.seconds)),
    commentLeak: commentLeakShare(report.results),
    bytes: report.bytes,
    bigPage: report.bigPage,
    results: report.results,
  };
}

function worstPages(row: Row, n = 10) {
  return [...row.results]
    .sort((a, b) => a.f1 - b.f1)
    .slice(0, n)
    .map((w) => ({ id: w.id, url: w.url, f1: w.f1, precision: w.precision, recall: w.recall, error: w.error }));
}

/** One set: every system over it, round after round, and what the bench reports of it. */
function benchDataset(name: DatasetName, pin: boolean, engineBundle: string) {
  const zyte = name === 'article-extraction';
  const rounds = zyte ? zyteRounds : wideRounds;
  const systems = SYSTEMS.filter((s) => (zyte || !s.zyteOnly) && !(skipJsdom && s.name === 'readability-jsdom'));
  const runs = new Map<SystemName, WorkerReport[]>();
  for (let round = 1; round <= rounds; round++) {
    for (const s of systems) {
      // Untimed (page-text) and very slow (jsdom) systems run one round.
      if (round > 1 && (!s.timed || s.name === 'readability-jsdom')) continue;
      if (!asJson) process.stderr.write(`${name} round ${round}/${rounds}: ${s.label}…\n`);
      runs.set(s.name, [...(runs.get(s.name) ?? []), runWorker(s.name, name, pin, engineBundle)]);
    }
  }
  const rows = systems.map((s) => summarise(s, runs.get(s.name)!));
  // Must reach of the metadata stage: ≤ 10% of the engine's time on the development benchmark.
  if (zyte && !asJson) process.stderr.write(`${name}: metadata stage on and off, interleaved…\n`);
  const metadataStage = zyte ? runMetadataCost(pin, engineBundle) : null;
  const row = (system: SystemName) => rows.find((r) => r.system === system);
  const winnow = row('winnow')!;
  const winnowText = row('winnow-text')!;
  const pageText = row('page-text')!;
  const peers = rows.filter((r) => systemInfo(r.system).peer);
  const ratiosByRound: Record<string, number[]> = Object.fromEntries(peers.map((r) => [r.system, roundRatios(winnow, r)]));
  return {
    pages: winnow.pages,
    htmlMB: winnow.bytes / 1e6,
    plainTextMB: winnowText.bytes / 1e6,
    truthHasTitle: DATASETS[name].truthHasTitle,
    scoredOn: DATASETS[name].truthHasTitle ? 'title + text' : 'body',
    rounds,
    systems: rows.map(({ bytes, bigPage, results, ...rest }) => rest),
    /**
     * winnow (HTML) pages/s over each peer's: the median of the rounds' ratios, each round's
     * winnow against the same round's peer (a one-round peer, jsdom, against round 1).
     */
    winnowSpeedRatio: Object.fromEntries(Object.entries(ratiosByRound).map(([system, xs]) => [system, median(xs)])),
    /** The ratio of each round, in round order. */
    winnowSpeedRatioByRound: ratiosByRound,
    /** winnow (HTML) F1 minus each peer's. */
    winnowF1Delta: Object.fromEntries(peers.map((r) => [r.system, winnow.f1 - r.f1])),
    /** winnow (plain text) F1 minus the page-text (remove nothing) baseline's. */
    plainTextF1DeltaToPageText: winnowText.f1 - pageText.f1,
    tenMbPage: winnow.bigPage,
    /** CPU time of the engine with the metadata stage and without (development benchmark only). */
    metadataStage,
    worstPages: { winnow: worstPages(winnow), 'winnow-text': worstPages(winnowText) },
  };
}

type DatasetSummary = ReturnType<typeof benchDataset>;

function macro(datasets: Partial<Record<DatasetName, DatasetSummary>>) {
  const names = Object.keys(datasets) as DatasetName[];
  const f1 = (name: DatasetName, system: SystemName) => datasets[name]!.systems.find((r) => r.system === system)?.f1 ?? null;
  const perDataset = Object.fromEntries(names.map((n) => [n, Object.fromEntries(MACRO_SYSTEMS.map((s) => [s, f1(n, s)]))]));
  const mean = Object.fromEntries(
    MACRO_SYSTEMS.map((s) => {
      const xs = names.map((n) => f1(n, s)).filter((x): x is number => x !== null);
      return [s, xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null];
    }),
  );
  return { datasets: names, systems: MACRO_SYSTEMS, f1PerDataset: perDataset, meanF1: mean };
}

const f = (x: number | null, d = 3) => (x === null ? '–' : x.toFixed(d));
const signed = (x: number | undefined, d = 4) => (x === undefined ? '' : `${x >= 0 ? '+' : ''}${x.toFixed(d)}`);

function printTable(header: string[], table: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of table) console.log(line(row));
}

function printWorst(title: string, worst: ReturnType<typeof worstPages>): void {
  console.log(`\nTen worst pages (${title}):`);
  const id = (w: { id: string }) => (/^[0-9a-f]{64}$/.test(w.id) ? w.id.slice(0, 12) : w.id); // Zyte's ids are hashes
  const idWidth = Math.max(0, ...worst.map((w) => id(w).length));
  for (const w of worst) {
    const error = w.error ? `  [error: ${w.error.slice(0, 80)}]` : '';
    const where = `${id(w).padEnd(idWidth)}  ${w.url}`.trimEnd();
    console.log(`  F1 ${f(w.f1)}  P ${f(w.precision ?? 0)}  R ${f(w.recall ?? 0)}  ${where}${error}`);
  }
}

function printDataset(name: DatasetName, s: DatasetSummary): void {
  console.log(
    `\n=== ${name}: ${s.pages} pages, ${f(s.htmlMB, 1)} MB of HTML, ${f(s.plainTextMB, 1)} MB of plain text; ` +
      `scored on ${s.scoredOn}; speed: 3 s warm-up, ≥ 2 s timed, ` +
      (s.rounds > 1 ? `median of ${s.rounds} rounds, systems taking turns (jsdom: one round)` : 'one round') +
      ' ===\n',
  );
  const header = ['system', 'F1', 'P', 'R', 'Δ F1', 'pages/s', 'MB/s', 'p50 ms', 'p95 ms', 'max ms', 'peak RSS MB', 'errors', 'winnow ×'];
  const table = s.systems.map((r) => {
    const ratio = s.winnowSpeedRatio[r.system];
    const delta = r.system === 'winnow-text' ? s.plainTextF1DeltaToPageText : s.winnowF1Delta[r.system];
    return [
      r.label,
      f(r.f1, 4),
      f(r.precision, 4),
      f(r.recall, 4),
      signed(delta),
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
  printTable(header, table);
  console.log(
    '\n"Δ F1": winnow (HTML) F1 minus that system\'s; on the plain-text row, winnow (plain text) F1 minus the\n' +
      'page-text baseline\'s (page-text.json returned unchanged: remove nothing). "winnow ×": winnow (HTML) pages/s\n' +
      'divided by that system\'s in the same round (the median of the rounds\' ratios). "errors": pages where the\n' +
      'system threw (scored as empty).',
  );
  if (s.rounds > 1) {
    const perRound = s.systems.filter((r) => r.roundsPagesPerSecond !== null);
    console.log(`pages/s of each round: ${perRound.map((r) => `${r.system} ${r.roundsPagesPerSecond!.map((x) => f(x, 1)).join(' ')}`).join('; ')}`);
    const ratios = Object.entries(s.winnowSpeedRatioByRound).filter(([, xs]) => xs.length > 1);
    console.log(`winnow × of each round: ${ratios.map(([system, xs]) => `${system} ${xs.map((x) => f(x, 2)).join(' ')}`).join('; ')}`);
  }
  const leaks = s.systems.filter((r) => r.commentLeak !== null);
  if (leaks.length) {
    console.log(
      `\nReaders' comments annotated apart (${leaks[0].commentLeak!.pages} pages): share of their text in each output: ` +
        leaks.map((r) => `${r.label} ${f(100 * r.commentLeak!.share, 1)}%`).join('; '),
    );
  }
  if (s.tenMbPage) {
    console.log(`\n10 MB page (${f(s.tenMbPage.bytes / 1e6, 1)} MB of real pages end to end): ${f(s.tenMbPage.ms, 0)} ms`);
  }
  if (s.metadataStage) console.log(`\n${describeCost(s.metadataStage)}`);
  printWorst('winnow, HTML', s.worstPages.winnow);
  printWorst('winnow, plain text', s.worstPages['winnow-text']);
  if (name === 'article-extraction') {
    console.log('\nPublished F1 on this benchmark (data README):');
    for (const [system, score] of PUBLISHED) console.log(`  ${score.toFixed(3)}  ${system}`);
  }
}

function printMacro(m: ReturnType<typeof macro>): void {
  console.log('\n=== F1 per set and the macro mean over the sets ===\n');
  const header = ['set', ...m.systems.map((s) => systemInfo(s).label)];
  const cells = (values: Record<string, number | null>) => m.systems.map((s) => f(values[s], 4));
  const table = m.datasets.map((n) => [n, ...cells(m.f1PerDataset[n])]);
  table.push([`macro mean (${m.datasets.length} set${m.datasets.length > 1 ? 's' : ''})`, ...cells(m.meanF1)]);
  printTable(header, table);
}

function main(): void {
  const started = performance.now();
  const names = datasetNames.filter((n) => datasetAvailable(DATASETS[n].dir));
  for (const n of datasetNames.filter((n) => !names.includes(n))) {
    console.error(`winnow bench: no data for ${n} at ${DATASETS[n].dir} (it is not part of the repository); skipped.`);
  }
  if (names.length === 0) {
    process.exitCode = 1;
    return;
  }
  const pin = hasTaskset();
  const bundleDir = mkdtempSync(join(tmpdir(), 'winnow-bench-'));
  const datasets: Partial<Record<DatasetName, DatasetSummary>> = {};
  try {
    const engineBundle = bundleEngine(bundleDir);
    for (const name of names) datasets[name] = benchDataset(name, pin, engineBundle);
  } finally {
    rmSync(bundleDir, { recursive: true, force: true });
  }
  const summary = {
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    pinnedToOneCore: pin,
    rounds: { 'article-extraction': zyteRounds, wide: wideRounds },
    datasets,
    macro: macro(datasets),
    published: Object.fromEntries(PUBLISHED),
    elapsedSeconds: (performance.now() - started) / 1000,
  };
  if (asJson) {
    process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
    return;
  }
  console.log(
    `\nwinnow benchmark: ${names.length} set${names.length > 1 ? 's' : ''}; Node ${summary.node}; ${summary.cpu}; ` +
      `${pin ? 'each system pinned to one core' : 'one process per system (taskset not found)'}`,
  );
  for (const name of names) printDataset(name, datasets[name]!);
  printMacro(summary.macro);
  console.log(`\nThe whole run took ${f(summary.elapsedSeconds / 60, 1)} min.`);
}

main();
