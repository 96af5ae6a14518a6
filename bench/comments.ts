/**
 * Comment threads on the benchmark pages: npm run -s bench:comments -- [html|text] [--show N] [--json]
 *
 * Zyte set: for each page, whether it has comment blocks, how many comments they split into
 * and how many the classifier calls spam; and a check that keeping comments leaves the article
 * (`body`) exactly as the default `drop` gives it. --show prints the first N comments found.
 *
 * L3S-GN1, whose readers' comments are annotated apart: leak, keep-all recall and precision
 * (bench/threads.ts).
 */
import { clean } from '../engine';
import { measureThreads } from './threads';
import { datasetAvailable, DATASETS, loadDataset } from './dataset';

process.stdout.on('error', () => process.exit(0));
const args = process.argv.slice(2);
const mode = args[0] === 'text' ? 'text' : 'html';
const show = args.includes('--show') ? Number(args[args.indexOf('--show') + 1]) || 10 : 0;

let withBlocks = 0;
let withComments = 0;
let comments = 0;
let spam = 0;
let authors = 0;
let dates = 0;
let bodyChanged = 0;
let extraMs = 0;
const shown: string[] = [];
for (const page of loadDataset()) {
  const input = mode === 'html' ? page.htmlGz : page.pageText;
  const t0 = performance.now();
  const dropped = clean(input, { mode });
  const t1 = performance.now();
  const kept = clean(input, { mode, comments: 'keep-all' });
  extraMs += performance.now() - t1 - (t1 - t0);
  if (kept.body !== dropped.body || kept.text !== dropped.text) bodyChanged += 1;
  if (dropped.blocks.some((b) => b.kind === 'comments')) withBlocks += 1;
  const found = kept.comments ?? [];
  if (found.length) withComments += 1;
  comments += found.length;
  spam += found.filter((c) => c.spam).length;
  authors += found.filter((c) => c.author).length;
  dates += found.filter((c) => c.date).length;
  for (const c of found) {
    if (shown.length >= show) break;
    shown.push(`${page.id.slice(0, 10)} [${c.spam ? 'SPAM' : 'ham '} ${c.score.toFixed(2)}] ${c.author ?? '-'} | ${c.date ?? '-'} | ${c.text.slice(0, 100).replace(/\n/g, ' ')}`);
  }
}
const report = { mode, pagesWithCommentBlocks: withBlocks, pagesWithComments: withComments, comments, spam, withAuthor: authors, withDate: dates, articleChanged: bodyChanged };
if (args.includes('--json')) console.log(JSON.stringify(report, null, 2));
else {
  console.log(
    `${mode}: ${withBlocks} pages with comment blocks, ${withComments} split into ${comments} comments (${authors} with author, ${dates} with date), ${spam} called spam; article changed on ${bodyChanged} pages; splitting + scoring ~${extraMs.toFixed(0)} ms over all pages`,
  );
  for (const s of shown) console.log(`  ${s}`);
}

const l3s = DATASETS['l3s-gn1'];
if (datasetAvailable(l3s.dir)) {
  const t = measureThreads(loadDataset(l3s.dir), mode);
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  if (args.includes('--json')) console.log(JSON.stringify({ l3sGn1: t }, null, 2));
  else
    console.log(
      `${mode} l3s-gn1, ${t.pages} pages with annotated comments: comment text leaked into text ${pct(t.leaked)}; keep-all returns ${pct(t.recall)} of it (recall), and ${pct(t.precision)} of what it returns is annotated comment text (precision); a thread found on ${t.threads} pages`,
    );
}
