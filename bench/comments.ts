/**
 * Comment threads on the benchmark pages: npm run -s bench:comments -- [html|text] [--show N] [--json]
 *
 * Zyte set: for each page, whether it has comment blocks, how many comments they split into
 * and how many the classifier calls spam; and a check that keeping comments leaves the article
 * (`body`) exactly as the default `drop` gives it. --show prints the first N comments found.
 *
 * L3S-GN1, whose readers' comments are annotated apart: how much of the annotated comment text
 * leaks into `text` (default `drop`), how much of it `keep-all` returns as comments (author,
 * date and text; recall),
 * and how much of what it returns is annotated comment text (precision); 4-gram shingles,
 * pooled over the pages with annotated comments.
 */
import { clean } from '../engine';
import { commentLeak } from './metric';
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
  let pages = 0;
  let annotated = 0;
  let leaked = 0;
  let recovered = 0;
  let returned = 0;
  let returnedInTruth = 0;
  let threads = 0;
  for (const page of loadDataset(l3s.dir)) {
    if (!page.comments) continue;
    const input = mode === 'html' ? page.htmlGz : page.pageText;
    let dropped;
    let kept;
    try {
      dropped = clean(input, { mode });
      kept = clean(input, { mode, comments: 'keep-all' });
    } catch {
      continue; // an empty page text: nothing to find
    }
    pages += 1;
    const leak = commentLeak(page.comments, dropped.text);
    annotated += leak.shingles;
    leaked += leak.leaked;
    // A comment's author and date lines are part of the annotated comment text too.
    const found = (kept.comments ?? []).map((c) => [c.author, c.date, c.text].filter(Boolean).join('\n')).join('\n\n');
    if (found) threads += 1;
    recovered += commentLeak(page.comments, found).leaked;
    const back = commentLeak(found, page.comments);
    returned += back.shingles;
    returnedInTruth += back.leaked;
  }
  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '-');
  const l3sReport = {
    pages,
    commentTextLeaked: annotated ? leaked / annotated : null,
    keepAllRecall: annotated ? recovered / annotated : null,
    keepAllPrecision: returned ? returnedInTruth / returned : null,
    pagesWithThreadFound: threads,
  };
  if (args.includes('--json')) console.log(JSON.stringify({ l3sGn1: l3sReport }, null, 2));
  else
    console.log(
      `${mode} l3s-gn1, ${pages} pages with annotated comments: comment text leaked into text ${pct(leaked, annotated)}; keep-all returns ${pct(recovered, annotated)} of it (recall), and ${pct(returnedInTruth, returned)} of what it returns is annotated comment text (precision); a thread found on ${threads} pages`,
    );
}
