/**
 * Quick accuracy loop for development, over every annotated set at once:
 *   node bin/tsx-run.cjs bench/quick.ts [html|text] [--dataset NAME] [--worst N] [--id PREFIX] [--save FILE] [--diff FILE] [--with-comments]
 * Prints F1/P/R of the engine against each set's truth (body on Zyte, title + body elsewhere),
 * the macro mean, and the worst pages of each set. --save writes per-page F1 to a file;
 * --diff compares with such a file: how many pages moved each way (any change), and those that moved most.
 * --with-comments scores the output with the readers' comments the engine found put back after
 * it: what a set's annotation convention makes of comments (CleanEval's truth keeps them).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { clean } from '../engine';
import { DATASET_NAMES, datasetAvailable, datasetByName, loadDataset } from './dataset';
import { aggregate, commentLeak, scorePage } from './metric';

process.stdout.on('error', () => process.exit(0)); // piped into head
const args = process.argv.slice(2);
const opt = (flag: string): string | undefined => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const mode = args[0] === 'text' ? 'text' : 'html';
const worstN = Number(opt('--worst') ?? 5);
const only = opt('--id');
const withComments = args.includes('--with-comments');
const names = opt('--dataset') ? [datasetByName(opt('--dataset')!).name] : [...DATASET_NAMES];
const saved: Record<string, number> = opt('--diff') ? JSON.parse(readFileSync(opt('--diff')!, 'utf8')) : {};
const perPage: Record<string, number> = {};
const means: number[] = [];
const moves: { key: string; before: number; after: number }[] = [];

for (const name of names) {
  const info = datasetByName(name);
  if (!datasetAvailable(info.dir)) continue;
  const pages = loadDataset(info.dir).filter((p) => !only || p.id.startsWith(only));
  // Readers' comments annotated apart (L3S-GN1): how much of their text the output carries.
  let commentShingles = 0;
  let leaked = 0;
  const scores = pages.map((page) => {
    let out = '';
    try {
      const comments = withComments ? 'keep-all' : undefined;
      const result = mode === 'html' ? clean(page.htmlGz, { comments }) : clean(page.pageText, { mode: 'text', comments });
      out = info.truthHasTitle ? result.text : result.body;
      if (withComments) out += `\n${(result.comments ?? []).map((c) => c.text).join('\n')}`;
    } catch (err) {
      console.error(page.id.slice(0, 10), String((err as Error).stack).slice(0, 300));
    }
    if (page.comments) {
      const leak = commentLeak(page.comments, out);
      commentShingles += leak.shingles;
      leaked += leak.leaked;
    }
    return { id: page.id, url: page.url, ...scorePage(page.truth, out) };
  });
  const agg = aggregate(scores);
  means.push(agg.f1);
  const leak = commentShingles ? `  comment text leaked ${((100 * leaked) / commentShingles).toFixed(1)}%` : '';
  console.log(`${name} ${mode}: F1 ${agg.f1.toFixed(4)}  P ${agg.precision.toFixed(4)}  R ${agg.recall.toFixed(4)}  (${agg.pages} pages)${leak}`);
  for (const s of [...scores].sort((a, b) => a.f1 - b.f1).slice(0, worstN)) {
    console.log(`  ${s.f1.toFixed(3)} P ${(s.precision ?? 0).toFixed(3)} R ${(s.recall ?? 0).toFixed(3)}  ${s.id.slice(0, 40)} ${s.url}`);
  }
  for (const s of scores) {
    const key = `${name}/${s.id}`;
    perPage[key] = s.f1;
    // Every change counts: a rule's small losses are still losses.
    if (key in saved && saved[key] !== s.f1) moves.push({ key, before: saved[key], after: s.f1 });
  }
}
if (means.length > 1) console.log(`macro mean ${mode}: F1 ${(means.reduce((a, b) => a + b, 0) / means.length).toFixed(4)}`);
if (opt('--save')) writeFileSync(opt('--save')!, JSON.stringify(perPage));
if (opt('--diff')) {
  moves.sort((a, b) => b.after - b.before - (a.after - a.before));
  const up = moves.filter((m) => m.after > m.before);
  const down = moves.filter((m) => m.after < m.before).reverse();
  const small = moves.filter((m) => Math.abs(m.after - m.before) < 0.005).length;
  console.log(`moved: ${up.length} up, ${down.length} down (${small} of them by less than 0.005)`);
  for (const m of up.slice(0, 10)) console.log(`  + ${m.before.toFixed(3)} → ${m.after.toFixed(3)}  ${m.key}`);
  for (const m of down.slice(0, 15)) console.log(`  - ${m.before.toFixed(3)} → ${m.after.toFixed(3)}  ${m.key}`);
}
