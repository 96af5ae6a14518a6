/**
 * One system over one annotated set, in its own process so its peak RSS is its own.
 * node bin/tsx-run.cjs bench/worker.ts SYSTEM DATASET  → one JSON line on stdout.
 * DATASET is a name of bench/dataset.ts (default: the development benchmark, Zyte's set).
 */
import { gunzipSync } from 'node:zlib';
import { datasetByName, loadDataset } from './dataset';
import { commentLeak, scorePage } from './metric';
import { loadSystem, scoredText, systemInfo, type Extracted } from './systems';

const system = systemInfo(process.argv[2]);
const dataset = datasetByName(process.argv[3] ?? 'article-extraction');
const zyte = dataset.name === 'article-extraction';
const extract = loadSystem(system.name);
const pages = loadDataset(dataset.dir).map((p) => ({
  id: p.id,
  url: p.url,
  truth: p.truth,
  comments: p.comments,
  input: system.input === 'text' ? p.pageText : p.htmlGz,
}));
const inputBytes = (input: Buffer | string): number =>
  typeof input === 'string' ? Buffer.byteLength(input) : gunzipSync(input).length;
const totalBytes = pages.reduce((n, p) => n + inputBytes(p.input), 0);

// Steady state is what a warm Lambda or a long CLI run sees, so every system is warmed up the
// same way before the timed pass: the pages in order, again and again, for at least
// WARM_UP_SECONDS and at least one whole pass (jsdom, ~100× slower, only the seconds). One pass
// is not enough for a fast system: winnow's first pass takes ~0.4 s, and V8 was still
// optimizing functions through its second and third (measured with --trace-opt: 72 functions
// compiled during the pass after the first); Readability's one pass takes ~4 s.
// On the wide sets (for accuracy; one round by default) the slow peers (Readability, Defuddle:
// a whole pass over CleanEval takes them 10 to 50 s) stop warming up after the seconds too, as
// jsdom does everywhere. The page-text baseline (its input unchanged) is not timed at all.
const WARM_UP_SECONDS = 3;
const warmUpMidPass = system.warmUpMidPass === 'all' || (system.warmUpMidPass === 'wide' && !zyte);
const warmUpStart = performance.now();
const warmedUp = (): boolean => performance.now() - warmUpStart >= WARM_UP_SECONDS * 1000;
if (system.timed) {
  do {
    for (const page of pages) {
      try {
        extract(page.input, page);
      } catch {
        /* counted in the timed pass */
      }
      if (warmUpMidPass && warmedUp()) break;
    }
  } while (!warmedUp());
}

// The timed work lasts at least TIMED_SECONDS for every system, whole passes over the pages:
// one pass of Readability takes ~4 s, one of winnow ~0.4 s, and this machine's speed dips
// for tenths of a second at a time, so a single short pass is a noisy sample where a long one
// averages the dips in. Pages/s is over all timed passes; each page's ms is its mean.
//
// Extract everything first and score afterwards (the first timed pass's texts), so the
// scorer's garbage is not collected inside the timed extractions. No forced gc() in between:
// a forced full collection makes V8 throw away optimized code (on this benchmark it doubled
// the functions re-optimized and tripled the deoptimizations of the timed pass), so the pass
// would measure the JIT warming up again instead of the steady state the warm-up was for.
const TIMED_SECONDS = system.timed ? 2 : 0;
const outputs: { out: Extracted; ms: number; error: string | null }[] = pages.map(() => ({
  out: { title: null, body: '' },
  ms: 0,
  error: null,
}));
let errors = 0;
let extractMs = 0;
let passes = 0;
do {
  for (let i = 0; i < pages.length; i++) {
    const t0 = performance.now();
    let out: Extracted = { title: null, body: '' };
    let error: string | null = null;
    try {
      out = extract(pages[i].input, pages[i]);
    } catch (err) {
      error = String((err as Error).message ?? err).slice(0, 200);
    }
    const ms = performance.now() - t0;
    extractMs += ms;
    outputs[i].ms += ms;
    if (passes === 0) {
      outputs[i].out = out;
      outputs[i].error = error;
      if (error !== null) errors++;
    }
  }
  passes++;
} while (extractMs < TIMED_SECONDS * 1000);
for (const output of outputs) output.ms /= passes;
const seconds = extractMs / passes / 1000;
const results = pages.map((page, i) => ({
  id: page.id,
  url: page.url,
  ms: outputs[i].ms,
  error: outputs[i].error,
  ...scorePage(page.truth, scoredText(outputs[i].out, dataset.truthHasTitle)),
  // Pages whose readers' comments are annotated apart: how much of them the output carries.
  commentLeak: page.comments ? commentLeak(page.comments, scoredText(outputs[i].out, dataset.truthHasTitle)) : null,
}));
// The 10 MB page: real pages' HTML laid end to end up to 10 MB, cleaned as one page.
let bigPage: { bytes: number; ms: number } | null = null;
if (system.name === 'winnow' && zyte) {
  const target = 10_000_000;
  const parts: Buffer[] = [];
  let size = 0;
  for (let i = 0; size < target; i = (i + 1) % pages.length) {
    const html = gunzipSync(pages[i].input as Buffer);
    const piece = html.subarray(0, Math.min(html.length, target - size));
    parts.push(piece);
    size += piece.length;
  }
  const big = Buffer.concat(parts);
  const t0 = performance.now();
  extract(big, { url: '' });
  bigPage = { bytes: big.length, ms: performance.now() - t0 };
}

process.stdout.write(
  JSON.stringify({
    bigPage,
    system: system.name,
    dataset: dataset.name,
    pages: pages.length,
    errors,
    seconds,
    timedPasses: passes,
    bytes: totalBytes,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    results,
  }) + '\n',
);
