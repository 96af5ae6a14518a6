/**
 * The four annotated page sets as a regression gate: the development benchmark (181 real pages
 * with hand-annotated article bodies) and the wide sets (CleanEval, CleanPortalEval, L3S-GN1),
 * on HTML and on their plain text, scored with the benchmark's own metric (on the body where
 * the truth has no headline, on title + body elsewhere, as bench/quick.ts and the bench do).
 * The data lives outside the repository (../shared/data), so on a user's clone a set's suite
 * is skipped, and says so.
 */
import { aggregate, commentLeak, scorePage } from '../bench/metric';
import { DATASET_NAMES, datasetAvailable, datasetByName, loadDataset, type DatasetName } from '../bench/dataset';
import { clean } from '../engine';
import { measureThreads } from '../bench/threads';

/**
 * The least F1 each set must score: the figures issue 13 asks for, minus 0.01; never lower than
 * an earlier gate. Measured at FILTER_VERSION 2026.12.05-108 with
 * `node bin/tsx-run.cjs bench/quick.ts html --worst 0` and `text`: article-extraction
 * 0.9786 / 0.9375, cleaneval 0.9202 / 0.9025, cleanportaleval 0.9803 / 0.9750, l3s-gn1
 * 0.9589 / 0.9376. The engine is deterministic, so a drop below a gate is a real regression.
 */
const MIN_F1: Record<DatasetName, { html: number; text: number }> = {
  'article-extraction': { html: 0.965, text: 0.92 },
  cleaneval: { html: 0.91, text: 0.89 },
  cleanportaleval: { html: 0.96, text: 0.955 },
  'l3s-gn1': { html: 0.94, text: 0.92 },
};

/**
 * L3S-GN1's readers' comments, annotated apart (77 pages): issue 14's figures. The share of
 * their text that leaks into `text` (at most), and the share `keep-all` returns as comments and
 * the share of what it returns that is comment text (at least, each 0.01 under the issue's
 * 0.85). Measured with `npm run -s bench:comments -- html` and `-- text`: leak 1.6% / 3.5%,
 * recall 85.8% / 85.6%, precision 94.1% / 88.6%.
 */
const COMMENT_GATES = {
  html: { maxLeak: 0.02, minRecall: 0.84, minPrecision: 0.84 },
  text: { maxLeak: 0.05, minRecall: 0.84, minPrecision: 0.84 },
};

for (const name of DATASET_NAMES) {
  const info = datasetByName(name);
  const available = datasetAvailable(info.dir);
  if (!available) {
    // eslint-disable-next-line no-console
    console.warn(`benchmark suite ${name} skipped: no benchmark data at ${info.dir}`);
  }
  const describeIfData = available ? describe : describe.skip;

  describeIfData(`benchmark: ${name}`, () => {
    const pages = available ? loadDataset(info.dir) : [];
    const scored = (result: { text: string; body: string }) => (info.truthHasTitle ? result.text : result.body);

    test(`HTML: F1 is at least ${MIN_F1[name].html}, and no page crashes the engine`, () => {
      const scores = pages.map((page) => scorePage(page.truth, scored(clean(page.htmlGz))));
      expect(aggregate(scores).f1).toBeGreaterThanOrEqual(MIN_F1[name].html);
    });

    test(`plain text: F1 of page-text.json is at least ${MIN_F1[name].text}`, () => {
      // A few L3S-GN1 pages have no plain text at all; the engine refuses empty input, and
      // such a page scores as an empty output.
      const scores = pages.map((page) =>
        scorePage(page.truth, page.pageText === '' ? '' : scored(clean(page.pageText, { mode: 'text' }))),
      );
      expect(aggregate(scores).f1).toBeGreaterThanOrEqual(MIN_F1[name].text);
    });
  });
}

const l3s = datasetByName('l3s-gn1');
(datasetAvailable(l3s.dir) ? describe : describe.skip)('benchmark: L3S-GN1 readers\' comments', () => {
  const pages = datasetAvailable(l3s.dir) ? loadDataset(l3s.dir).filter((p) => p.comments) : [];
  for (const mode of ['html', 'text'] as const) {
    const gate = COMMENT_GATES[mode];
    test(`${mode}: at most ${gate.maxLeak * 100}% of the comment text leaks into text; keep-all returns at least ${gate.minRecall * 100}% of it, ${gate.minPrecision * 100}% of what it returns being comment text`, () => {
      const t = measureThreads(pages, mode);
      expect(t.leaked).toBeLessThanOrEqual(gate.maxLeak);
      expect(t.recall).toBeGreaterThanOrEqual(gate.minRecall);
      expect(t.precision).toBeGreaterThanOrEqual(gate.minPrecision);
    });
  }
});

describe('the benchmark metric', () => {
  test('identical texts score 1, disjoint texts 0', () => {
    expect(scorePage('one two three four five', 'one two three four five').f1).toBe(1);
    expect(scorePage('one two three four five', 'six seven eight nine ten').f1).toBe(0);
  });

  test('shingles are counted as multisets and tokens split on non-word characters', () => {
    // prediction tokens a b c d a b c d: shingles abcd bcda cdab dabc abcd; the truth has abcd
    // once, so 1 true positive and 4 false positives.
    const s = scorePage('a b c d', 'a b c d. a-b-c-d');
    expect(s.precision).toBeCloseTo(1 / 5, 10);
    expect(s.recall).toBe(1);
  });

  test('comment leak counts the comments\' shingles found in the output, each at most as often as it occurs', () => {
    expect(commentLeak('a b c d e', 'x a b c d y')).toEqual({ shingles: 2, leaked: 1 });
    expect(commentLeak('a b c d', 'a b c d a b c d')).toEqual({ shingles: 1, leaked: 1 });
    expect(commentLeak('a b c d', 'nothing of it here')).toEqual({ shingles: 1, leaked: 0 });
  });

  test('texts shorter than four tokens are one shingle', () => {
    expect(scorePage('hello world', 'hello world').f1).toBe(1);
    expect(scorePage('hello world', 'hello').f1).toBe(0);
  });
});
