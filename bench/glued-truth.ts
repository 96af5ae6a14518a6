/**
 * How much of a set's score is lost to words its truth glued together: CleanEval's annotation
 * joined the lines of its source without a space ("service contractsrevenue"), so those words
 * match no system's output. Scores winnow against the truth as given and against the same truth
 * with each such word split where both halves are words of the page (and the whole is not).
 * An analysis, not the benchmark: `npm run bench` and its gates score the truth as given.
 *
 *   node bin/tsx-run.cjs bench/glued-truth.ts [html|text] [--dataset NAME]
 */
import { clean } from '../engine';
import { DATASET_NAMES, datasetAvailable, datasetByName, loadDataset } from './dataset';
import { aggregate, scorePage, type PageScore } from './metric';

const args = process.argv.slice(2);
const mode = args[0] === 'text' ? 'text' : 'html';
const only = args.includes('--dataset') ? args[args.indexOf('--dataset') + 1] : undefined;
const WORD = /[\p{L}\p{N}_]+/gu;
/** Halves shorter than this are left alone ("a" + "nd" would split too much). */
const MIN_PART = 2;

/** The truth with every word the page never shows, but whose two halves it does, split in two. */
function splitGlued(truth: string, pageText: string): { text: string; split: number } {
  const vocab = new Set(pageText.match(WORD) ?? []);
  let split = 0;
  const text = truth.replace(WORD, (w) => {
    if (vocab.has(w)) return w;
    for (let i = MIN_PART; i <= w.length - MIN_PART; i++) {
      if (vocab.has(w.slice(0, i)) && vocab.has(w.slice(i))) {
        split += 1;
        return `${w.slice(0, i)} ${w.slice(i)}`;
      }
    }
    return w;
  });
  return { text, split };
}

for (const name of only ? [datasetByName(only).name] : DATASET_NAMES) {
  const info = datasetByName(name);
  if (!datasetAvailable(info.dir)) continue;
  const asGiven: PageScore[] = [];
  const repaired: PageScore[] = [];
  let words = 0;
  for (const page of loadDataset(info.dir)) {
    let out = '';
    try {
      const r = mode === 'html' ? clean(page.htmlGz) : clean(page.pageText, { mode: 'text' });
      out = info.truthHasTitle ? r.text : r.body;
    } catch {
      // an input the engine refuses (an empty page text) scores as empty output, as in the bench
    }
    const fixed = splitGlued(page.truth, page.pageText);
    words += fixed.split;
    asGiven.push(scorePage(page.truth, out));
    repaired.push(scorePage(fixed.text, out));
  }
  console.log(`${name} ${mode}: ${words} glued words split; F1 ${aggregate(asGiven).f1.toFixed(4)} against the truth as given, ${aggregate(repaired).f1.toFixed(4)} with them split`);
}
