/**
 * Comment threads on the benchmark pages: npm run -s bench:comments -- [html|text] [--show N] [--json]
 *
 * Zyte set: for each page, whether it has comment blocks, how many comments they split into
 * and how many the classifier calls spam; and a check that keeping comments leaves the article
 * (`body`) exactly as the default `drop` gives it. --show prints the first N comments found.
 *
 * L3S-GN1, whose readers' comments are annotated apart: leak, keep-all recall and precision
 * (bench/threads.ts).
 *
 * HTML: every page of the four sets against the labelled comments (bench/data/comment-spam/,
 * where every text the splitter returned was read): how many of the texts returned are readers'
 * comments and how many the page's own (left out by the labelling rule: forms, policies,
 * counters, widgets), how many labelled comments are no longer found, and how many of those
 * found carry their author and date. Plain text: the same labels, matched by words (the plain
 * text breaks and signs its comments otherwise): readers' comments returned, other texts, and
 * how many labelled comments are found.
 */
import { clean } from '../engine';
import { measureThreads } from './threads';
import { loadLabels, textHash } from './comment-labels';
import { DATASET_NAMES, datasetAvailable, datasetByName, DATASETS, loadDataset, type BenchPage, type DatasetName } from './dataset';

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

/** A text's words, lower case: what the plain-text comments are matched to the labelled ones by. */
const wordsOf = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
/** A plain-text comment is a labelled reader's comment when this share of its words is in one of them. */
const TEXT_MATCH_SHARE = 0.6;

const everySetAvailable = DATASET_NAMES.every((name) => datasetAvailable(datasetByName(name).dir));
/** Every page of the four sets, with its set's name. */
function* everyPage(): Generator<{ name: DatasetName; page: BenchPage }> {
  for (const name of DATASET_NAMES) for (const page of loadDataset(datasetByName(name).dir)) yield { name, page };
}
/** The labelled comments' keys: set, page and the hash of the text. */
const labelKeys = (): Set<string> => new Set(loadLabels().map((l) => `${l.set}/${l.page}/${l.hash}`));

if (mode === 'text' && everySetAvailable) {
  // The labels are keyed by the HTML comments' texts; the plain text of a page gives its comments
  // with other line breaks and signature lines, so they are matched by words, not by hash.
  const labels = labelKeys();
  let readers = 0;
  let others = 0;
  let elsewhere = 0;
  let labelsFound = 0;
  for (const { name, page } of everyPage()) {
    const labelled = (clean(page.htmlGz, { comments: 'keep-all' }).comments ?? [])
      .filter((c) => labels.has(`${name}/${page.id}/${textHash(c.text)}`))
      .map((c) => new Set(wordsOf(c.text)));
    const found = new Set<number>();
    let comments: { text: string }[];
    try {
      comments = clean(page.pageText, { mode: 'text', comments: 'keep-all' }).comments ?? [];
    } catch {
      continue; // an empty page text
    }
    for (const c of comments) {
      if (labelled.length === 0) {
        elsewhere += 1;
        continue;
      }
      // The labelled comment that holds most of its words.
      const words = wordsOf(c.text);
      let match = -1;
      let most = 0;
      labelled.forEach((set, i) => {
        const shared = words.filter((w) => set.has(w)).length;
        if (shared > most) [most, match] = [shared, i];
      });
      if (match < 0 || most < TEXT_MATCH_SHARE * words.length) others += 1;
      else {
        readers += 1;
        found.add(match);
      }
    }
    labelsFound += found.size;
  }
  const matched = { readers, pageTexts: others, onPagesWithoutLabels: elsewhere, labelsFound, labels: labels.size };
  if (args.includes('--json')) console.log(JSON.stringify({ matched }, null, 2));
  else
    console.log(
      `text, all four sets against the labelled comments (a text matches when ${100 * TEXT_MATCH_SHARE}% of its words are in one labelled comment of its page): ${readers} readers' comments returned, ${others} other texts on pages with labelled comments, ${elsewhere} texts on pages without; ${labelsFound} of the ${labels.size} labelled comments found`,
    );
}

if (mode === 'html' && everySetAvailable) {
  const labels = labelKeys();
  const seen = new Set<string>();
  let readers = 0;
  let pages = 0;
  let withAuthor = 0;
  let withDate = 0;
  for (const { name, page } of everyPage()) {
    for (const c of clean(page.htmlGz, { comments: 'keep-all' }).comments ?? []) {
      const key = `${name}/${page.id}/${textHash(c.text)}`;
      if (!labels.has(key)) {
        pages += 1;
        continue;
      }
      seen.add(key);
      readers += 1;
      if (c.author) withAuthor += 1;
      if (c.date) withDate += 1;
    }
  }
  const labelled = { readers, pageTexts: pages, labelsNotFound: labels.size - seen.size, withAuthor, withDate };
  if (args.includes('--json')) console.log(JSON.stringify({ labelled }, null, 2));
  else
    console.log(
      `html, all four sets against the labelled comments: ${readers} readers' comments returned (${withAuthor} with author, ${withDate} with date), ${pages} texts of the page returned as comments, ${labelled.labelsNotFound} labelled comments not found`,
    );
}
