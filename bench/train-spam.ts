/**
 * Train and evaluate the comment-spam classifier:
 *
 *   npm run train:spam [-- --json] [--data FILE] [--no-write] [--bits N]
 *
 * Reads the labelled comments (`../shared/data/comment-spam/comments.jsonl`, one
 * `{id, video, text, spam}` a line), evaluates across videos — train on three videos, test on
 * the fourth, for each of the four — and prints accuracy, precision, recall and F1 of the spam
 * class per rotation and their mean. Then trains on all comments and writes
 * engine/comments/spam-model.json.
 *
 * Deterministic: the comments are taken in file order, the epochs' shuffles come from a fixed
 * seed, and the weights are rounded to bytes; the same data gives the same file byte for byte.
 * Scores are computed with the run-time scorer on the quantised model, exactly as shipped.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { featurize, type FeatureVector } from '../engine/comments/features';
import { createScorer, type SpamModel } from '../engine/comments/model';

const ROOT = join(__dirname, '..');
const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(name);
const value = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

const DATA = value('--data') ?? join(ROOT, '..', 'shared', 'data', 'comment-spam', 'comments.jsonl');
const OUT = value('--out') ?? join(ROOT, 'engine', 'comments', 'spam-model.json');

/** Training settings: fixed, so runs repeat exactly. */
const SETTINGS = {
  bits: Number(value('--bits') ?? 15),
  epochs: Number(value('--epochs') ?? 30),
  learningRate: 0.5,
  l2: Number(value('--l2') ?? 1e-4),
  seed: 20261128,
  threshold: 0.5,
};

interface Comment {
  id: string;
  video: string;
  text: string;
  spam: boolean;
}

function load(path: string): Comment[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Comment);
}

/** mulberry32: a small seeded PRNG, enough for shuffling. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Logistic regression by AdaGrad over the examples, `epochs` seeded shuffles. */
function train(xs: FeatureVector[], ys: number[]): { w: Float64Array; bias: number } {
  const dim = 1 << SETTINGS.bits;
  const w = new Float64Array(dim);
  const g2 = new Float64Array(dim).fill(1e-8);
  let bias = 0;
  let gb2 = 1e-8;
  const rand = prng(SETTINGS.seed);
  const order = xs.map((_, i) => i);
  for (let epoch = 0; epoch < SETTINGS.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const k of order) {
      const x = xs[k]!;
      let z = bias;
      for (let i = 0; i < x.index.length; i++) z += w[x.index[i]!]! * x.value[i]!;
      const err = 1 / (1 + Math.exp(-z)) - ys[k]!;
      for (let i = 0; i < x.index.length; i++) {
        const j = x.index[i]!;
        const g = err * x.value[i]! + SETTINGS.l2 * w[j]!;
        g2[j] += g * g;
        w[j] -= (SETTINGS.learningRate * g) / Math.sqrt(g2[j]!);
      }
      gb2 += err * err;
      bias -= (SETTINGS.learningRate * err) / Math.sqrt(gb2);
    }
  }
  return { w, bias };
}

/** Weights as signed bytes with one scale: max |w| maps to 127. */
function quantize(w: Float64Array, bias: number, trained: Record<string, unknown>): SpamModel {
  let max = 0;
  for (const x of w) max = Math.max(max, Math.abs(x));
  const scale = max > 0 ? max / 127 : 1;
  const bytes = new Int8Array(w.length);
  for (let i = 0; i < w.length; i++) bytes[i] = Math.max(-127, Math.min(127, Math.round(w[i]! / scale)));
  return {
    format: 'winnow-spam-lr/1',
    bits: SETTINGS.bits,
    scale: Number(scale.toPrecision(8)),
    bias: Number(bias.toFixed(6)),
    threshold: SETTINGS.threshold,
    weights: Buffer.from(bytes.buffer).toString('base64'),
    trained,
  };
}

interface Metrics {
  n: number;
  spam: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
}

function metrics(truth: boolean[], predicted: boolean[]): Metrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  truth.forEach((t, i) => {
    const p = predicted[i];
    if (t && p) tp++;
    else if (!t && p) fp++;
    else if (t && !p) fn++;
    else tn++;
  });
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return {
    n: truth.length,
    spam: tp + fn,
    accuracy: (tp + tn) / truth.length,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
  };
}

function fit(comments: Comment[], vectors: FeatureVector[], meta: Record<string, unknown>): SpamModel {
  const { w, bias } = train(vectors, comments.map((c) => (c.spam ? 1 : 0)));
  return quantize(w, bias, meta);
}

function main(): void {
  const comments = load(DATA);
  const vectors = comments.map((c) => featurize(c.text, { bits: SETTINGS.bits }));
  const videos = [...new Set(comments.map((c) => c.video))].sort();
  const json = flag('--json');

  const rotations = videos.map((test) => {
    const trainIdx = comments.flatMap((c, i) => (c.video === test ? [] : [i]));
    const testSet = comments.filter((c) => c.video === test);
    const model = fit(trainIdx.map((i) => comments[i]!), trainIdx.map((i) => vectors[i]!), {});
    const scorer = createScorer(model);
    const predicted = testSet.map((c) => scorer.score(c.text) >= scorer.threshold);
    return { test, train: videos.filter((v) => v !== test), ...metrics(testSet.map((c) => c.spam), predicted) };
  });
  const mean = (k: 'accuracy' | 'precision' | 'recall' | 'f1'): number => rotations.reduce((s, r) => s + r[k], 0) / rotations.length;
  const summary = { accuracy: mean('accuracy'), precision: mean('precision'), recall: mean('recall'), f1: mean('f1'), minF1: Math.min(...rotations.map((r) => r.f1)) };

  const model = fit(comments, vectors, {
    data: 'shared/data/comment-spam/comments.jsonl (YouTube Spam Collection v1, 4 videos, CC BY 4.0)',
    comments: comments.length,
    ...SETTINGS,
    crossVideoF1: Number(summary.f1.toFixed(4)),
  });
  const file = `${JSON.stringify(model, null, 1)}\n`;

  // Speed of the shipped scorer: every comment, several passes, after a warm-up.
  const scorer = createScorer(model);
  for (const c of comments) scorer.score(c.text);
  const passes = 5;
  const t0 = performance.now();
  let sink = 0;
  for (let p = 0; p < passes; p++) for (const c of comments) sink += scorer.score(c.text);
  const usPerComment = ((performance.now() - t0) * 1000) / (passes * comments.length);
  const trainAcc = metrics(comments.map((c) => c.spam), comments.map((c) => scorer.score(c.text) >= scorer.threshold)).accuracy;

  if (!flag('--no-write')) writeFileSync(OUT, file);
  const report = {
    data: DATA,
    settings: SETTINGS,
    rotations,
    mean: summary,
    model: { path: flag('--no-write') ? null : OUT, bytes: Buffer.byteLength(file), trainingAccuracy: trainAcc },
    usPerComment: Number(usPerComment.toFixed(2)),
    checksum: sink > 0,
  };
  if (json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  const pct = (x: number): string => (100 * x).toFixed(1).padStart(5);
  console.log(`comment spam, cross-video (train on 3 videos, test on the 4th), ${comments.length} comments`);
  console.log(`  test video            n  spam   acc%  prec%   rec%     F1`);
  for (const r of rotations) {
    console.log(`  ${r.test.padEnd(20)} ${String(r.n).padStart(3)}  ${String(r.spam).padStart(4)}  ${pct(r.accuracy)}  ${pct(r.precision)}  ${pct(r.recall)}  ${r.f1.toFixed(4)}`);
  }
  console.log(`  ${'mean'.padEnd(20)}            ${pct(summary.accuracy)}  ${pct(summary.precision)}  ${pct(summary.recall)}  ${summary.f1.toFixed(4)}  (lowest rotation F1 ${summary.minF1.toFixed(4)})`);
  console.log(`model: ${report.model.path ?? '(not written)'}, ${report.model.bytes} bytes, 2^${SETTINGS.bits} weights; accuracy on its own training data ${pct(trainAcc)}%`);
  console.log(`speed: ${report.usPerComment} µs/comment (featurize + score, ${passes} passes over ${comments.length} comments)`);
}

main();
