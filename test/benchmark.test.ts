/**
 * The whole development benchmark as a regression gate: 181 real pages with hand-annotated
 * article bodies, scored with the benchmark's own metric. It lives outside the repository
 * (../shared/data), so on a user's clone this suite is skipped, and says so.
 */
import { aggregate, scorePage } from '../bench/metric';
import { datasetAvailable, DATA_DIR, loadDataset } from '../bench/dataset';
import { clean } from '../engine';

const available = datasetAvailable();
if (!available) {
  // eslint-disable-next-line no-console
  console.warn(`benchmark suite skipped: no benchmark data at ${DATA_DIR}`);
}
const describeIfData = available ? describe : describe.skip;

describeIfData('development benchmark (181 pages)', () => {
  const pages = available ? loadDataset() : [];

  test('HTML: F1 of the article bodies is at least 0.95, and no page crashes the engine', () => {
    const scores = pages.map((page) => scorePage(page.truth, clean(page.htmlGz).body));
    const { f1 } = aggregate(scores);
    expect(f1).toBeGreaterThanOrEqual(0.95);
  });

  test('plain text: F1 of page-text.json → article body is at least 0.90', () => {
    const scores = pages.map((page) => scorePage(page.truth, clean(page.pageText, { mode: 'text' }).body));
    const { f1 } = aggregate(scores);
    expect(f1).toBeGreaterThanOrEqual(0.9);
  });
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

  test('texts shorter than four tokens are one shingle', () => {
    expect(scorePage('hello world', 'hello world').f1).toBe(1);
    expect(scorePage('hello world', 'hello').f1).toBe(0);
  });
});
