/**
 * Quick accuracy loop for development: node bin/tsx-run.cjs bench/quick.ts [html|text] [--worst N] [--id PREFIX]
 * Prints F1/P/R of the engine's body against the ground truth and the worst pages.
 */
import { clean } from '../engine';
import { loadDataset } from './dataset';
import { aggregate, scorePage } from './metric';

process.stdout.on('error', () => process.exit(0)); // piped into head
const args = process.argv.slice(2);
const mode = args[0] === 'text' ? 'text' : 'html';
const worstN = Number(args[args.indexOf('--worst') + 1]) || 10;
const only = args.includes('--id') ? args[args.indexOf('--id') + 1] : undefined;

const pages = loadDataset().filter((p) => !only || p.id.startsWith(only));
const scores = pages.map((page) => {
  let body = '';
  try {
    const result = mode === 'html' ? clean(page.htmlGz) : clean(page.pageText, { mode: 'text' });
    body = result.body;
  } catch (err) {
    console.error(page.id.slice(0, 10), String((err as Error).stack).slice(0, 300));
  }
  return { id: page.id, url: page.url, ...scorePage(page.truth, body) };
});
const agg = aggregate(scores);
console.log(`${mode}: F1 ${agg.f1.toFixed(4)}  P ${agg.precision.toFixed(4)}  R ${agg.recall.toFixed(4)}  (${agg.pages} pages)`);
for (const s of [...scores].sort((a, b) => a.f1 - b.f1).slice(0, worstN)) {
  console.log(`  ${s.f1.toFixed(3)} P ${(s.precision ?? 0).toFixed(3)} R ${(s.recall ?? 0).toFixed(3)}  ${s.id.slice(0, 10)} ${s.url}`);
}
