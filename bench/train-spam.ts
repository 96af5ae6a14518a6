/**
 * Train and evaluate the comment-spam classifier across sources:
 *
 *   npm run train:spam [-- --json] [--no-write] [--bits N]    train, evaluate, write the model
 *   npm run bench:spam [-- --json]                             the same, without writing
 *   npm run bench:spam -- --no-thread                          leave the held-out thread's figures
 *                                                              out (for work on the training sources)
 *
 * Training sources:
 *   - the YouTube Spam Collection (`../shared/data/comment-spam/comments.jsonl`, four videos),
 *     each comment with its video's title as the "article";
 *   - the comments found on the shared benchmark pages, labelled by a written rule
 *     (bench/data/comment-spam/, README there): their texts are rebuilt at run time by running
 *     the engine with `comments: 'keep-all'` on the pages in `../shared/data`, matched to the
 *     labels by a hash of the text, each with its author and its page's article body.
 * Held out of training, evaluation only: the article-comment thread
 * (`../shared/data/comment-spam/article-comments.jsonl`, its article given by its title).
 *
 * Printed in one run: YouTube cross-video (train on three videos and all the page comments,
 * test on the fourth); the page comments in folds by page (no page in both training and test);
 * the held-out thread by the shipped model; the threshold chosen for precision from the
 * out-of-fold scores of the training sources (engine/config/spam.ts: TARGET_PRECISION); scoring
 * time per comment with the article; the model file's size and the Lambda bundle's.
 *
 * Deterministic: the comments are taken in file order, the epochs' shuffles come from a fixed
 * seed, and the weights are rounded to bytes; the same data gives the same file byte for byte.
 * Scores are computed with the run-time scorer on the quantised model, exactly as shipped.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { clean } from '../engine';
import { articleContext, cues, featureBucket, featurize, type FeatureVector, type SpamInput } from '../engine/comments/features';
import { createScorer, type SpamModel } from '../engine/comments/model';
import { CUE_PRIORS, MAX_HAM_CALLED_SPAM, MIN_THRESHOLD, TARGET_PRECISION } from '../engine/config/spam';
import { bundleLambda } from './bundle';
import { loadLabels, textHash, type Label } from './comment-labels';
import { DATASETS } from './dataset';
import { prng, syntheticSpam } from './spam-synthetic';

const ROOT = join(__dirname, '..');
const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(name);
const value = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

const SPAM_DIR = join(ROOT, '..', 'shared', 'data', 'comment-spam');
const YOUTUBE = value('--data') ?? join(SPAM_DIR, 'comments.jsonl');
const THREAD = join(SPAM_DIR, 'article-comments.jsonl');
const OUT = value('--out') ?? join(ROOT, 'engine', 'comments', 'spam-model.json');

/** Training settings: fixed, so runs repeat exactly. */
const SETTINGS = {
  bits: Number(value('--bits') ?? 15),
  epochs: Number(value('--epochs') ?? 30),
  learningRate: 0.5,
  l2: Number(value('--l2') ?? 1e-5),
  seed: 20261128,
  pageFolds: 10,
  /** Weight of a page comment against a YouTube comment: the page comments are the kind the engine meets. */
  pageWeight: Number(value('--page-weight') ?? 3),
  /** Synthetic article spam (bench/spam-synthetic.ts): comments of each kind, and their weight. */
  syntheticPerKind: Number(value('--synthetic') ?? 60),
  syntheticWeight: Number(value('--synthetic-weight') ?? 0.7),
  /** Weight of a YouTube comment. */
  youtubeWeight: Number(value('--youtube-weight') ?? 1),
};

/** The titles of the four videos of the YouTube Spam Collection, as a viewer sees them. */
const VIDEO_TITLES: Record<string, string> = {
  'Youtube01-Psy': 'PSY - GANGNAM STYLE (강남스타일) M/V',
  'Youtube02-KatyPerry': 'Katy Perry - Roar',
  'Youtube03-LMFAO': 'LMFAO - Party Rock Anthem ft. Lauren Bennett, GoonRock',
  'Youtube04-Eminem': 'Eminem - Love The Way You Lie ft. Rihanna',
};

/** One labelled comment of any source. */
interface Example {
  source: 'youtube' | 'pages' | 'synthetic' | 'thread';
  /** Synthetic spam only: the generic praise its text opens with (learned as the praise cue alone). */
  praise?: string | null;
  /** Video, page or article: the unit no evaluation splits. */
  group: string;
  input: SpamInput;
  spam: boolean;
}

function jsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

/** The labelled page comments with their texts, authors and articles, rebuilt from ../shared. */
function pageComments(): { examples: Example[]; missing: number; articles: Array<{ page: string; body: string; title: string }> } {
  const labels = loadLabels();
  const byPage = new Map<string, Label[]>();
  for (const l of labels) {
    const key = `${l.set}/${l.page}`;
    byPage.set(key, [...(byPage.get(key) ?? []), l]);
  }
  const examples: Example[] = [];
  const articles: Array<{ page: string; body: string; title: string }> = [];
  let missing = 0;
  for (const [key, list] of byPage) {
    const [set, page] = [list[0]!.set, list[0]!.page];
    const html = readFileSync(join(DATASETS[set].dir, 'html', `${page}.html.gz`));
    const r = clean(html, { comments: 'keep-all' });
    articles.push({ page: key, body: r.body, title: r.title || r.body.slice(0, 120) });
    const found = new Map<string, { text: string; author: string | null }>();
    for (const c of r.comments ?? []) found.set(textHash(c.text), c);
    for (const l of list) {
      const c = found.get(l.hash);
      if (!c) {
        missing += 1;
        continue;
      }
      // Every other comment is given only its page's title, as the synthetic spam is: the model
      // must learn how little a genuine comment shares with a headline, not only with a body.
      const title = examples.length % 2 === 1 && r.title ? r.title : null;
      examples.push({ source: 'pages', group: key, input: { text: c.text, author: c.author, article: title ?? (r.body || r.title) }, spam: l.spam });
    }
  }
  return { examples, missing, articles };
}

/**
 * The synthetic spam (bench/spam-synthetic.ts), each comment placed under one of the shared
 * pages' articles in turn, given its body or — for every other comment — only its title (as
 * a site that shows a comment with its headline does).
 */
function syntheticComments(articles: Array<{ page: string; body: string; title: string }>): Example[] {
  return syntheticSpam(SETTINGS.syntheticPerKind).map((c, i) => {
    const a = articles[(i * 7) % articles.length]!;
    return {
      source: 'synthetic',
      group: c.kind,
      praise: c.praise,
      input: { text: c.text, author: c.author, authorUrl: c.authorUrl, article: i % 2 ? a.title : a.body || a.title },
      spam: true,
    };
  });
}

/** The cues' prior weights (engine/config/spam.ts) in the hashed space. */
function priors(): Float64Array {
  const prior = new Float64Array(1 << SETTINGS.bits);
  for (const [name, weight] of Object.entries(CUE_PRIORS)) {
    const { index, sign } = featureBucket(name, SETTINGS.bits);
    prior[index] = sign * weight;
  }
  return prior;
}

/**
 * Logistic regression by AdaGrad over the examples, `epochs` seeded shuffles; each weight starts
 * at its prior and its L2 penalty pulls it back there.
 */
function train(xs: FeatureVector[], ys: number[], weights: number[]): { w: Float64Array; bias: number } {
  const dim = 1 << SETTINGS.bits;
  const prior = priors();
  const w = Float64Array.from(prior);
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
      const err = (1 / (1 + Math.exp(-z)) - ys[k]!) * weights[k]!;
      for (let i = 0; i < x.index.length; i++) {
        const j = x.index[i]!;
        const g = err * x.value[i]! + SETTINGS.l2 * (w[j]! - prior[j]!);
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
function quantize(w: Float64Array, bias: number, threshold: number, trained: Record<string, unknown>): SpamModel {
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
    threshold,
    weights: Buffer.from(bytes.buffer).toString('base64'),
    trained,
  };
}

interface Metrics {
  n: number;
  spam: number;
  /** Genuine comments called spam. */
  falsePositives: number;
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
    falsePositives: fp,
    accuracy: (tp + tn) / truth.length,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
  };
}

/**
 * The features of a training comment. A synthetic comment that opens with generic praise is
 * learned from the rest of its text plus the praise cues: its praise's words are the words of
 * genuine thanks too, and must not become spam words.
 */
function featuresOf(e: Example): FeatureVector {
  if (!e.praise) return featurize(e.input, { bits: SETTINGS.bits });
  const rest = e.input.text.slice(e.praise.length).trim();
  const f = featurize({ ...e.input, text: rest }, { bits: SETTINGS.bits });
  const whole = featurize(e.input, { bits: SETTINGS.bits });
  for (const name of ['#praise', '#praise+plug']) {
    // The praise cues as the whole comment has them (the second only when it also has a plug).
    const { index, sign } = featureBucket(name, SETTINGS.bits);
    const has = whole.index.some((x, i) => x === index && whole.value[i] === sign);
    const already = f.index.some((x, i) => x === index && f.value[i] === sign);
    if (has && !already) {
      f.index.push(index);
      f.value.push(sign);
    }
  }
  return f;
}

/** A model trained on `examples`, scored with the run-time scorer (threshold set later). */
function fit(examples: Example[], vectors: Map<Example, FeatureVector>, threshold = 0.5, meta: Record<string, unknown> = {}): SpamModel {
  const { w, bias } = train(
    examples.map((e) => vectors.get(e)!),
    examples.map((e) => (e.spam ? 1 : 0)),
    examples.map((e) => (e.source === 'pages' ? SETTINGS.pageWeight : e.source === 'synthetic' ? SETTINGS.syntheticWeight : SETTINGS.youtubeWeight)),
  );
  return quantize(w, bias, threshold, meta);
}

/** Scores of `test` by a model trained on `training`. */
function outOfFold(training: Example[], test: Example[], vectors: Map<Example, FeatureVector>): number[] {
  const scorer = createScorer(fit(training, vectors));
  return test.map((e) => scorer.score(e.input));
}

type Scored = Array<{ score: number; spam: boolean }>;

/**
 * The lowest threshold (in steps of 0.01, from MIN_THRESHOLD) at which the out-of-fold precision
 * on YouTube reaches the target and at most MAX_HAM_CALLED_SPAM of the genuine page comments are
 * called spam.
 */
function chooseThreshold(youtube: Scored, pages: Scored): number {
  const pageHam = pages.filter((s) => !s.spam);
  for (let t = Math.round(MIN_THRESHOLD * 100); t < 100; t++) {
    const cut = t / 100;
    const m = metrics(youtube.map((s) => s.spam), youtube.map((s) => s.score >= cut));
    const hamRate = pageHam.filter((s) => s.score >= cut).length / Math.max(1, pageHam.length);
    if (m.precision >= TARGET_PRECISION && hamRate <= MAX_HAM_CALLED_SPAM) return cut;
  }
  return 0.99;
}

function main(): void {
  const json = flag('--json');
  const youtube: Example[] = jsonl<{ id: string; video: string; text: string; spam: boolean }>(YOUTUBE).map((c) => ({
    source: 'youtube',
    group: c.video,
    input: { text: c.text, article: VIDEO_TITLES[c.video] ?? null },
    spam: c.spam,
  }));
  const { examples: pages, missing, articles } = pageComments();
  const synthetic = syntheticComments(articles);
  const thread: Example[] = jsonl<{ id: string; article: string; text: string; spam: boolean }>(THREAD).map((c) => ({
    source: 'thread',
    group: c.article,
    input: { text: c.text, article: c.article },
    spam: c.spam,
  }));
  const training = [...youtube, ...pages, ...synthetic];
  const vectors = new Map<Example, FeatureVector>(training.map((e) => [e, featuresOf(e)]));

  // YouTube across videos: train on three videos and every page comment, test on the fourth.
  const videos = [...new Set(youtube.map((e) => e.group))].sort();
  const videoScores = new Map<string, number[]>();
  for (const video of videos) {
    const test = youtube.filter((e) => e.group === video);
    videoScores.set(video, outOfFold(training.filter((e) => e.group !== video), test, vectors));
  }
  // Page comments in folds by page: a page's comments are all in training or all in test.
  const pageIds = [...new Set(pages.map((e) => e.group))].sort();
  const foldOf = new Map(pageIds.map((p, i) => [p, i % SETTINGS.pageFolds]));
  const pageScores = new Map<Example, number>();
  for (let fold = 0; fold < SETTINGS.pageFolds; fold++) {
    const test = pages.filter((e) => foldOf.get(e.group) === fold);
    if (!test.length) continue;
    const scores = outOfFold(training.filter((e) => e.source !== 'pages' || foldOf.get(e.group) !== fold), test, vectors);
    test.forEach((e, i) => pageScores.set(e, scores[i]!));
  }

  // Synthetic spam by kind: train without one kind of spam, see how much of it is caught.
  const kinds = [...new Set(synthetic.map((e) => e.group))];
  const kindScores = new Map<string, number[]>();
  for (const kind of kinds) {
    const test = synthetic.filter((e) => e.group === kind);
    kindScores.set(kind, outOfFold(training.filter((e) => e.source !== 'synthetic' || e.group !== kind), test, vectors));
  }

  // The threshold, chosen for precision on the training sources' out-of-fold scores.
  const threshold = chooseThreshold(
    videos.flatMap((video) => {
      const scores = videoScores.get(video)!;
      return youtube.filter((e) => e.group === video).map((e, i) => ({ score: scores[i]!, spam: e.spam }));
    }),
    pages.map((e) => ({ score: pageScores.get(e)!, spam: e.spam })),
  );

  const rotations = videos.map((video) => {
    const test = youtube.filter((e) => e.group === video);
    const scores = videoScores.get(video)!;
    return { test: video, ...metrics(test.map((e) => e.spam), scores.map((s) => s >= threshold)) };
  });
  const mean = (k: 'precision' | 'recall' | 'f1'): number => rotations.reduce((s, r) => s + r[k], 0) / rotations.length;
  const youtubeSummary = { precision: mean('precision'), recall: mean('recall'), f1: mean('f1'), minF1: Math.min(...rotations.map((r) => r.f1)) };
  const pageMetrics = metrics(pages.map((e) => e.spam), pages.map((e) => pageScores.get(e)! >= threshold));
  const pageHam = pages.filter((e) => !e.spam).length;
  const pagesWithFalsePositive = new Set(pages.filter((e) => !e.spam && pageScores.get(e)! >= threshold).map((e) => e.group)).size;

  // The shipped model: every training comment.
  const model = fit(training, vectors, threshold, {
    data: [
      'shared/data/comment-spam/comments.jsonl (YouTube Spam Collection v1, 4 videos, CC BY 4.0)',
      'bench/data/comment-spam/shared-page-comments.jsonl (comments of the shared benchmark pages, labelled by rule)',
      'bench/spam-synthetic.ts (synthetic article-comment spam from templates of public spam kinds, made-up brands)',
    ],
    comments: { youtube: youtube.length, pages: pages.length, synthetic: synthetic.length },
    ...SETTINGS,
    threshold,
    crossVideoF1: Number(youtubeSummary.f1.toFixed(4)),
  });
  const file = `${JSON.stringify(model, null, 1)}\n`;
  const scorer = createScorer(model);
  const threadScores = thread.map((e) => scorer.score(e.input));
  const threadMetrics = metrics(thread.map((e) => e.spam), threadScores.map((s) => s >= threshold));
  const threadTextOnly = metrics(thread.map((e) => e.spam), thread.map((e) => scorer.score(e.input.text) >= threshold));

  // Speed of the shipped scorer with the article: every comment, several passes, after a warm-up.
  // The comments of one page share its article string, so its vocabulary is read once a page.
  // (The synthetic comments are left out: each sits under another page, which is not how a page's
  // comments come.)
  const all = [...youtube, ...pages, ...thread];
  for (const e of all) scorer.score(e.input);
  const passes = 5;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let sink = 0;
  for (let p = 0; p < passes; p++) for (const e of all) sink += scorer.score(e.input);
  const msPerComment = (performance.now() - t0) / (passes * all.length);
  // CPU time of this process too: on a shared machine the wall clock also counts waiting for a core.
  const cpu = process.cpuUsage(cpu0);
  const cpuMsPerComment = (cpu.user + cpu.system) / 1000 / (passes * all.length);
  const longest = Math.max(...pages.map((e) => e.input.article?.length ?? 0));
  const a0 = performance.now();
  for (let p = 0; p < 20; p++) articleContext(`${p} ${pages.find((e) => e.input.article?.length === longest)!.input.article!}`);
  const msPerArticle = (performance.now() - a0) / 20;

  // What the rule layer (engine/comments/rules.ts) fires on, by source and label.
  const fired = (list: Example[]): Record<string, { spam: number; ham: number }> => {
    const out: Record<string, { spam: number; ham: number }> = {};
    for (const e of list) {
      for (const r of scorer.explain(e.input).reasons) {
        out[r] ??= { spam: 0, ham: 0 };
        out[r][e.spam ? 'spam' : 'ham'] += 1;
      }
    }
    return out;
  };
  const rulesFired = { youtube: fired(youtube), pages: fired(pages), ...(flag('--no-thread') ? {} : { thread: fired(thread) }) };

  if (!flag('--no-write')) writeFileSync(OUT, file);
  const bundle = bundleLambda();
  const bundleBytes = statSync(bundle).size;
  const report = {
    settings: { ...SETTINGS, targetPrecision: TARGET_PRECISION, maxHamCalledSpam: MAX_HAM_CALLED_SPAM, cuePriors: CUE_PRIORS },
    threshold,
    youtube: { rotations, mean: youtubeSummary },
    pages: { comments: pages.length, ham: pageHam, pages: pageIds.length, labelsNotFound: missing, ...pageMetrics, hamCalledSpam: pageMetrics.falsePositives / pageHam, pagesWithFalsePositive },
    synthetic: {
      comments: synthetic.length,
      byKindHeldOut: Object.fromEntries(kinds.map((k) => [k, Number((kindScores.get(k)!.filter((x) => x >= threshold).length / kindScores.get(k)!.length).toFixed(3))])),
    },
    thread: flag('--no-thread') ? null : { ...threadMetrics, textOnly: threadTextOnly },
    rulesFired,
    model: { path: flag('--no-write') ? null : OUT, bytes: Buffer.byteLength(file), gzipBytes: gzipSync(file).length },
    msPerComment: Number(msPerComment.toFixed(4)),
    cpuMsPerComment: Number(cpuMsPerComment.toFixed(4)),
    msPerArticle: Number(msPerArticle.toFixed(3)),
    lambdaBundleBytes: bundleBytes,
    checksum: sink > 0,
  };
  if (json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  const pct = (x: number): string => (100 * x).toFixed(1).padStart(5);
  const row = (name: string, m: Metrics): string =>
    `  ${name.padEnd(24)} ${String(m.n).padStart(4)}  ${String(m.spam).padStart(4)}  ${pct(m.precision)}  ${pct(m.recall)}  ${m.f1.toFixed(4)}  ${String(m.falsePositives).padStart(3)}`;
  console.log(`comment spam: threshold ${threshold} (lowest with out-of-fold YouTube precision >= ${TARGET_PRECISION} and <= ${100 * MAX_HAM_CALLED_SPAM}% of page ham called spam)`);
  console.log(`  ${'test set'.padEnd(24)}    n  spam  prec%   rec%      F1   FP`);
  console.log(`YouTube, cross-video (train: the other 3 videos + all page comments)`);
  for (const r of rotations) console.log(row(r.test, r));
  console.log(`  ${'mean'.padEnd(24)}             ${pct(youtubeSummary.precision)}  ${pct(youtubeSummary.recall)}  ${youtubeSummary.f1.toFixed(4)}  (lowest rotation F1 ${youtubeSummary.minF1.toFixed(4)})`);
  console.log(`comments of the shared pages, ${SETTINGS.pageFolds} folds by page (${pageIds.length} pages; train: YouTube + the other folds)`);
  console.log(row('labelled by rule', pageMetrics));
  console.log(`  genuine comments called spam: ${pageMetrics.falsePositives} of ${pageHam} (${pct(pageMetrics.falsePositives / pageHam).trim()}%) on ${pagesWithFalsePositive} pages${missing ? `; ${missing} labels not found on the pages (splitting changed?)` : ''}`);
  const kindLine = kinds.map((k) => `${k} ${pct(report.synthetic.byKindHeldOut[k]!).trim()}`).join(', ');
  console.log(`synthetic article spam, each kind held out of training in turn (${synthetic.length} comments; recall %): ${kindLine}`);
  if (flag('--no-thread')) console.log(`article-comment thread: not shown (--no-thread)`);
  else {
    console.log(`article-comment thread, held out of training (the shipped model; article = its title)`);
    console.log(row('with article title', threadMetrics));
    console.log(row('text alone', threadTextOnly));
  }
  const firedLine = (counts: Record<string, { spam: number; ham: number }>): string =>
    Object.entries(counts).map(([r, c]) => `${r} ${c.spam} spam/${c.ham} ham`).join(', ') || 'none';
  console.log(`rule layer (shipped model's rules; fires on): ${Object.entries(rulesFired).map(([src, c]) => `${src}: ${firedLine(c)}`).join('; ')}`);
  console.log(`model: ${report.model.path ?? '(not written)'}, ${report.model.bytes} bytes (${report.model.gzipBytes} gzipped), 2^${SETTINGS.bits} weights`);
  console.log(`speed: ${report.msPerComment} ms/comment wall clock, ${report.cpuMsPerComment} ms CPU (featurize + score, article given, ${passes} passes over ${all.length} comments); an article's vocabulary ${report.msPerArticle} ms (longest page, ${longest} chars)`);
  console.log(`Lambda bundle: ${(bundleBytes / 1024).toFixed(0)} KB (${bundleBytes} bytes), ${bundle}`);
  if (flag('--sweep')) {
    // Training sources only: YouTube cross-video mean F1 and page ham called spam at each cut.
    for (let t = 30; t <= 90; t += 5) {
      const cut = t / 100;
      const f1s = videos.map((video) => {
        const test = youtube.filter((e) => e.group === video);
        return metrics(test.map((e) => e.spam), videoScores.get(video)!.map((s) => s >= cut)).f1;
      });
      const yt = metrics(
        youtube.map((e) => e.spam),
        videos.flatMap((video) => videoScores.get(video)!.map((s) => s >= cut)),
      );
      const ham = pages.filter((e) => !e.spam && pageScores.get(e)! >= cut).length / pageHam;
      console.log(`  sweep ${cut.toFixed(2)}: YouTube F1 ${f1s.map((f) => f.toFixed(3)).join(' ')} mean ${(f1s.reduce((a, b) => a + b, 0) / f1s.length).toFixed(4)} prec ${yt.precision.toFixed(3)}; page ham called spam ${(100 * ham).toFixed(1)}%`);
    }
  }
  if (flag('--show-rules')) {
    // Training sources only: the comments a rule fires on, to read.
    for (const e of [...youtube, ...pages]) {
      const { reasons } = scorer.explain(e.input);
      if (reasons.length) console.log(`  rule ${e.spam ? 'spam' : 'HAM '} ${reasons.join(',')} ${e.input.author ?? '-'} | ${e.input.text.slice(0, 160).replace(/\s+/g, ' ')}`);
    }
  }
  if (flag('--show')) {
    // The errors, to read: page comments out of fold, the thread by the shipped model.
    const line = (tag: string, score: number, e: Example): string => `  ${tag} ${score.toFixed(2)} [${cues(e.input.text).join(',')}] ${e.input.author ?? '-'} | ${e.input.text.slice(0, 120).replace(/\s+/g, ' ')}`;
    for (const e of pages) {
      const s = pageScores.get(e)!;
      if (e.spam !== s >= threshold || (!e.spam && s >= Number(value('--show-from') ?? 2))) console.log(line(e.spam ? 'page FN' : s >= threshold ? 'page FP' : 'page near', s, e));
    }
    thread.forEach((e, i) => {
      if (e.spam !== threadScores[i]! >= threshold) console.log(line(e.spam ? 'thread FN' : 'thread FP', threadScores[i]!, e));
    });
  }
}

main();
