/**
 * Plain-text path: the whole visible text of a page in, the article's lines out.
 *
 *   lines (segmentation) → language → per-line judgement (phrases, length, stop words,
 *   links, capitals) → headline (repeat of the document title) → best-scoring run of lines
 *   after it = main body, cut at comment sections and at a feed of dated items → headline
 *   just above the body when none repeats → repeated text dropped → blocks with kind, role,
 *   kept and reason.
 *
 * See classify.ts for the method; every threshold is in config/text.ts.
 */
import type { CleanOptions } from '../config/options';
import { isServerDiagnostic } from '../config/signals';
import { STOPWORDS } from '../config/stopwords';
import type { TextThresholds } from '../config/text';
import type { Block, BlockKind, BlockRole, Extraction } from '../types';
import { acrossCreditLine, CHROME_KINDS, chooseRun, COMMENT_KINDS, cutAtExcerpts, cutAtFeed, extendOverAnnouncedList, extendOverNumberedList, cutAtPlaceSignedThread, cutAtSignatures, cutAtThread, decide, isProse, pct, judgeLine, runAfterHeadline, scoreInContext, unwallPostFooters, type Decision, type JudgedLine } from './classify';
import { detectLanguage, words } from './language';
import { splitLines, unwrapHardWrapped, type Line } from './lines';
import { mayHoldLabelledRecords, recordsAround, recordsOnPage, type RecordList } from './records';
import { findTitle, headlineBefore, NO_TITLE, titleDuplicates } from './title';
import { splitLinesIntoComments } from '../comments/split';

export { detectLanguage } from './language';

/** The strategy of a page read as plain text that has no article: its whole text is kept. */
export const TEXT_WHOLE_PAGE = 'text-whole-page';

const THREAD_KINDS: ReadonlySet<BlockKind> = new Set(['comments', 'metadata', 'author']);

function roleOf(l: JudgedLine, next: JudgedLine | undefined, isTitle: boolean, minParagraph: number): BlockRole {
  if (isTitle) return 'heading';
  if (l.line.bullet) return 'list-item';
  if (l.f.sentenceEnd || l.f.chars >= minParagraph) return 'paragraph';
  if (isProse(next) && l.line.breakAfter) return 'heading';
  return 'line';
}

/**
 * Kept lines whose word 4-grams were (almost) all kept already are repeats (a caption shown
 * under each photo of a gallery, a title or summary given again, a one-line copy of the article):
 * they are dropped. A page that shows its whole article a second time, paragraph after paragraph,
 * keeps that copy, as the HTML path does and as readers see it (see `articleAgainMinChars`).
 * Linear in the kept text.
 */
function dropRepeats(judged: readonly JudgedLine[], decisions: Decision[], t: TextThresholds): void {
  const seen = new Map<string, number>();
  /** Kept lines in order, and each repeat's line → the kept line it repeats most. */
  const keptOrder: number[] = [];
  const repeatOf = new Map<number, number>();
  for (let i = 0; i < judged.length; i++) {
    const d = decisions[i]!;
    if (!d.kept || d.kind === 'title') continue;
    const ws = words(judged[i]!.line.text);
    const grams: string[] = [];
    if (ws.length < 4) grams.push(ws.join(' '));
    else for (let k = 0; k + 4 <= ws.length; k++) grams.push(`${ws[k]} ${ws[k + 1]} ${ws[k + 2]} ${ws[k + 3]}`);
    let old = 0;
    const sources = new Map<number, number>();
    for (const g of grams) {
      const from = seen.get(g);
      if (from !== undefined) {
        old += 1;
        sources.set(from, (sources.get(from) ?? 0) + 1);
      }
    }
    // Short lines (list items, "Yes", "Get it on Amazon for $139") may repeat legitimately;
    // only lines long enough for their 4-grams to say "the same sentence again" are checked.
    if (ws.length >= t.repeatMinWords && grams.length > 0 && old / grams.length >= t.duplicateShare) {
      decisions[i] = { kind: 'boilerplate', kept: false, reason: `repeats text kept above (${Math.round((100 * old) / grams.length)}% of its 4-grams)` };
      let source = -1;
      let most = 0;
      for (const [from, n] of sources) if (n > most) [source, most] = [from, n];
      repeatOf.set(i, source);
      continue;
    }
    keptOrder.push(i);
    for (const g of grams) if (!seen.has(g)) seen.set(g, i);
  }
  // The article given again: repeats that follow one another in the order of what they repeat.
  const rank = new Map(keptOrder.map((line, k) => [line, k]));
  const repeats = [...repeatOf.keys()];
  const sourceRank = (r: number | undefined) => (r === undefined ? undefined : rank.get(repeatOf.get(r)!));
  for (let k = 0; k < repeats.length; k++) {
    const r = repeats[k]!;
    const source = repeatOf.get(r)!;
    const s = rank.get(source);
    if (s === undefined) continue;
    const inSequence = sourceRank(repeats[k - 1]) === s - 1 || sourceRank(repeats[k + 1]) === s + 1;
    const chars = judged[r]!.f.chars;
    const partOfLonger = chars >= t.articleAgainMinChars && judged[source]!.f.chars >= t.articleAgainPartOf * chars;
    if ((inSequence && judged[r]!.cls === 'good') || partOfLonger) {
      const how = inSequence ? 'with the lines around it, in their order' : 'a part of that longer line';
      decisions[r] = { kind: 'body', kept: true, reason: `the article given again: repeats line ${source}, ${how}` };
    }
  }
}

/** The page's list of records when it holds more than `recordsPageMinShare` of the page's wordy lines' characters. */
function recordsHoldingPage(judged: readonly JudgedLine[], t: TextThresholds): RecordList | null {
  const list = recordsOnPage(judged, t);
  if (!list) return null;
  const wordyChars = (i: number) => (judged[i]!.f.words >= t.wholePageMinWords ? judged[i]!.line.text.length : 0);
  let wordy = 0;
  let inside = 0;
  for (let i = 0; i < judged.length; i++) {
    wordy += wordyChars(i);
    if (i >= list.start && i <= list.end) inside += wordyChars(i);
  }
  return inside > t.recordsPageMinShare * wordy ? list : null;
}

/**
 * A page whose kept lines are a sliver of it (nothing, or one stray paragraph) is not an article
 * the engine failed to find but a page with no article: a directory, a catalogue, a table of
 * contents, lyrics. Its whole text is a better answer than a fragment (trafilatura falls back to
 * a baseline the same way). Comment lines still go, but for a thread under its own heading.
 */
function keepWholePageIfNoArticle(
  judged: readonly JudgedLine[],
  decisions: Decision[],
  t: TextThresholds,
  language: string | null,
  holding?: RecordList | null,
): boolean {
  // Text that reads as no language at all (bytes decoded in the wrong charset, binary data) is
  // no page to keep whole.
  if (language === null) return false;
  let kept = 0;
  let total = 0;
  let wordy = 0;
  for (let i = 0; i < judged.length; i++) {
    const chars = judged[i]!.line.text.length;
    total += chars;
    if (judged[i]!.f.words >= t.wholePageMinWords) wordy += chars;
    if (decisions[i]!.kept && decisions[i]!.kind !== 'title') kept += chars;
  }
  // A page of menu entries and labels alone has no text worth keeping at all.
  if (kept >= t.wholePageMaxShare * total || wordy < t.wholePageMinWordyChars) return false;
  const why = `the kept lines held under ${pct(t.wholePageMaxShare)} of the page: no article, the whole page is kept`;
  // A list of records holding most of the page's words is what the page holds: the rest of it
  // (menus, the site's other sections) still goes.
  // (`holding`: that list when extractText has already looked for it.)
  const records = holding !== undefined ? holding : recordsHoldingPage(judged, t);
  /** The kind of the last wall above: a thread's heading, or a comment form, a tool bar, a legal line. */
  let lastWall: BlockKind | null = null;
  for (let i = 0; i < judged.length; i++) {
    const d = decisions[i]!;
    // Lines that name a comment form or thread still go; the page has no article for a
    // thread to end, and a listing repeats "Post a comment" under every item. So do the
    // site's controls and notices that a phrase names ("Share this", "Privacy policy").
    const phrase = judged[i]!.phrase;
    if (judged[i]!.wall && phrase) lastWall = phrase.kind;
    // But a thread under its own heading (reviews, a forum's posts) is what such a page holds:
    // its lines stay. Below a bare comment form, the "section" is the site's sidebar.
    if (COMMENT_KINDS.has(d.kind) && (phrase || lastWall !== 'comments')) continue;
    if (phrase && CHROME_KINDS.has(phrase.kind)) continue;
    if (records && (i < records.start || i > records.end)) continue;
    const because = records ? `no article: the page is a list of records (lines ${records.start}-${records.end})` : why;
    if (!d.kept) decisions[i] = { kind: 'body', kept: true, reason: `${because} (was: ${d.reason})` };
  }
  return true;
}

/** The lines that are nothing but a server's error messages (isServerDiagnostic), apart from the rest. */
function setAsideDiagnostics(all: Line[]): { lines: Line[]; diagnostics: Line[] } {
  const lines: Line[] = [];
  const diagnostics: Line[] = [];
  for (const l of all) (isServerDiagnostic(l.text) ? diagnostics : lines).push(l);
  return { lines: diagnostics.length === 0 ? all : lines, diagnostics };
}

/** The page's blocks with its error messages back where they stood (by line), removed; numbered again. */
function withDiagnostics(blocks: Block[], lineOf: number[], diagnostics: Line[]): Block[] {
  if (diagnostics.length === 0) return blocks;
  const out: Block[] = [];
  let d = 0;
  blocks.forEach((b, i) => {
    while (d < diagnostics.length && diagnostics[d]!.index < lineOf[i]!) out.push(diagnosticBlock(diagnostics[d++]!));
    out.push(b);
  });
  while (d < diagnostics.length) out.push(diagnosticBlock(diagnostics[d++]!));
  return out.map((b, index) => ({ ...b, index }));
}

function diagnosticBlock(line: Line): Block {
  return { index: line.index, text: line.text, kind: 'boilerplate', role: 'paragraph', kept: false, reason: "the server's error message (PHP)" };
}

export function extractText(text: string, opts: CleanOptions): Extraction {
  const t = opts.text;
  const strategy = 'text-lines';
  // A server's error messages are not the page's text: the page is read without them (they
  // would split a run of prose or stand as its headline), and they come back removed where they stood.
  const { lines, diagnostics } = setAsideDiagnostics(unwrapHardWrapped(splitLines(text), t));
  if (lines.length === 0) {
    const emptyReason = diagnostics.length ? "the input holds nothing but the server's error messages" : 'the input has no text';
    return { title: null, language: null, blocks: withDiagnostics([], [], diagnostics), strategy, emptyReason };
  }
  const language = detectLanguage(text, t);
  const hasList = !!language && language in STOPWORDS;
  const judged = lines.map((l) => judgeLine(l, language, hasList, t));
  scoreInContext(judged, t);
  unwallPostFooters(judged, t);
  let title = findTitle(judged, t);
  // The body follows the headline when the headline is repeated on the page; but a line
  // that repeats the first one can also be the site's name again in the footer: the run after
  // it does not win over a far bigger run before it.
  const anchoredRun = title.anchored && title.line !== null ? runAfterHeadline(judged, t, title.line) : null;
  const bestRun = chooseRun(judged, t);
  let run =
    anchoredRun && !(bestRun && bestRun.end < title.line! && anchoredRun.score < t.anchorRunShare * bestRun.score)
      ? anchoredRun
      : bestRun;
  if (run && (!title.anchored || run !== anchoredRun)) title = headlineBefore(judged, run.start, t) ?? (title.anchored ? NO_TITLE : title);
  if (run) run = acrossCreditLine(judged, run, t);
  if (run) run = extendOverNumberedList(judged, cutAtPlaceSignedThread(judged, cutAtSignatures(judged, cutAtThread(judged, cutAtExcerpts(judged, cutAtFeed(judged, run, t), t), t), t), t), t);
  if (run) run = extendOverAnnouncedList(judged, run, t);
  const decisions = decide(judged, run, t);

  if (title.line !== null && title.shown) {
    decisions[title.line] = { kind: 'title', kept: true, reason: title.reason };
  }
  const around = run ? run.start : title.line ?? 0;
  for (const d of titleDuplicates(judged, title, around, t.titleDuplicateSpan)) {
    decisions[d] = { kind: 'header', kept: false, reason: 'repeats the title' };
  }
  dropRepeats(judged, decisions, t);
  // After the repeats: a record's fields recur by nature (the same broker line under each).
  // Or, whichever run won, records that hold most of the page's words: the page is that list.
  const aroundRun = run ? recordsAround(judged, run, t) : null;
  const holding = run && !aroundRun && mayHoldLabelledRecords(judged, t) ? recordsHoldingPage(judged, t) : undefined;
  const records = aroundRun ?? (holding?.labelled ? holding : null);
  if (records) {
    const where = aroundRun ? 'around the main run' : "holding most of the page's words";
    for (let i = records.start; i <= records.end; i++) {
      const d = decisions[i]!;
      if (d.kept || judged[i]!.phrase || d.kind === 'comments') continue;
      decisions[i] = { kind: 'body', kept: true, reason: `one of a list of records (lines ${records.start}-${records.end}, ${records.fields} recurring fields) ${where}` };
    }
  }
  const wholePage = keepWholePageIfNoArticle(judged, decisions, t, language, holding);

  const blocks: Block[] = withDiagnostics(
    judged.map((l, index) => {
      const d = decisions[index]!;
      return {
        index,
        text: l.line.text,
        kind: d.kind,
        role: roleOf(l, judged[index + 1], d.kind === 'title', t.minParagraphChars),
        kept: d.kept,
        reason: d.reason,
      };
    }),
    judged.map((l) => l.line.index),
    diagnostics,
  );

  const extraction: Extraction = { title: title.title, language, blocks, strategy: wholePage ? TEXT_WHOLE_PAGE : strategy };
  if (opts.comments !== 'drop') {
    // From the first comment line on, other kinds (the form, the footer) end the comment they follow.
    let first = blocks.findIndex((b) => b.kind === 'comments');
    // The first comment's author line ("BY ANN AT 01/08/08") may stand just above it.
    while (first > 0 && THREAD_KINDS.has(blocks[first - 1]!.kind) && blocks[first - 1]!.kind !== 'comments') first--;
    extraction.comments =
      first < 0
        ? []
        : splitLinesIntoComments(
            // Author and date lines inside the thread are the comments' signatures.
            blocks.slice(first).map((b) => [b.index, THREAD_KINDS.has(b.kind) ? b.text : null] as const),
            true,
          );
  }
  if (!run && !wholePage) {
    extraction.emptyReason = `no run of prose lines scored at least ${t.minRunScore} (${lines.length} lines, ${
      judged.filter((j) => j.cls === 'good').length
    } prose-like)`;
  }
  return extraction;
}
