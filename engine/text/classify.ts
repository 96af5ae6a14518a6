/**
 * Line classification of the plain-text path, in three steps:
 *
 * 1. Each line alone: known boilerplate phrase, link-heavy, short, or by length and stop-word
 *    density "good" (running prose), "near" (prose-like but short or sparse) or "bad".
 * 2. Main body: every line gets a score (good lines earn their length, near lines half of it,
 *    short and bad lines cost), and the run of lines with the maximum total is the article
 *    (one linear pass). Strong comment markers ("Leave a reply", "12 comments") are walls a
 *    run cannot cross; when the best run lies in a comment thread, the run before it wins.
 * 3. Inside the run, everything but boilerplate is kept (short lines there are subheadings,
 *    list items, quotes); outside it nothing is, and each line is given the kind it most
 *    likely is (navigation, related, footer, comments …).
 */
import { isCommentHeading, matchBoilerplate, phraseSource, TOOL_BAR_WORDS, type PhraseMatch } from '../config/phrases';
import { hasDate, isDateLine, isPlaceSignature, isSignatureLine, placeSignatureName, signatureAuthor } from '../config/dates';
import { isNotProse, LOOKS_LIKE_ADDRESS, TRUNCATED_EXCERPT } from '../config/signals';
import { ANNOUNCES_LIST, type TextThresholds } from '../config/text';
import type { BlockKind } from '../types';
import { lineFeatures, UNSPACED_LANGUAGES, type Line, type LineFeatures } from './lines';

export type LineClass = 'good' | 'near' | 'short' | 'bad';

export interface JudgedLine {
  line: Line;
  f: LineFeatures;
  cls: LineClass;
  /** Why `cls` (readable). */
  why: string;
  phrase: PhraseMatch | null;
  /** A strong comment-section marker: runs do not cross it. */
  wall: boolean;
  /** Short, capitalised, no sentence end: a menu entry or headline. */
  menuLike: boolean;
  score: number;
  /**
   * No letter or digit ("*", "|", "• • •"): a bullet, a rule or an icon's stand-in. It scores
   * nothing either way, even in a menu-like stretch, so that a story's tool icons ("Font: * * *
   * *") do not cut it in two like a menu would.
   */
  ornament?: boolean;
  /** A post's "Comments (3)" line on a blog's front page, not a thread's heading (see unwallPostFooters). */
  postFooter?: boolean;
}

const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Kinds whose strong phrases end an article: a run of body lines never crosses them. */
const WALL_KINDS: ReadonlySet<BlockKind> = new Set(['comment-form', 'comments', 'legal']);
/** Walls of these kinds start the comment section. */
export const COMMENT_KINDS: ReadonlySet<BlockKind> = new Set(['comment-form', 'comments']);
/** Headings of these kinds (another list's, a newsletter's) end a comment section once a comment has been read. */
const THREAD_END_KINDS: ReadonlySet<BlockKind> = new Set(['related', 'newsletter']);
/**
 * The site's own controls and notices, named by a phrase: they stay out even of a page kept
 * whole. Bylines and dates (author, metadata) are not among them: a listing's items carry them.
 */
export const CHROME_KINDS: ReadonlySet<BlockKind> = new Set([
  'share', 'legal', 'newsletter', 'tags', 'navigation', 'boilerplate', 'related', 'ad', 'consent',
]);

const BAR = /\s+\|\s+/u;
const TOOL_WORD = new RegExp(`(?<![\\p{L}\\p{N}])(?:${TOOL_BAR_WORDS.map(phraseSource).join('|')})(?![\\p{L}\\p{N}])`, 'giu');

/** How many different tools of TOOL_BAR_WORDS a line names. */
export function toolsNamed(text: string): number {
  const tools = new Set<string>();
  for (const m of text.matchAll(TOOL_WORD)) tools.add(m[0].toLowerCase());
  return tools.size;
}

/** A bar of page tools: items between bars, naming different tools of TOOL_BAR_WORDS. */
export function isToolBar(text: string, t: TextThresholds): boolean {
  if (text.length > t.toolBarMaxChars || !BAR.test(text)) return false;
  if (text.split(BAR).length < t.toolBarMinItems) return false;
  return toolsNamed(text) >= t.toolBarMinTools;
}

/** A short line that is mostly the names of page tools, with or without bars. */
function isToolLine(text: string, f: LineFeatures, t: TextThresholds): boolean {
  if (text.length > t.toolLineMaxChars || f.sentenceEnd) return false;
  const tools = toolsNamed(text);
  return tools >= t.toolBarMinTools && tools >= t.toolLineMinShare * f.words;
}

const CJK_MARK_RE = /[。！？]/gu;

function countCjkMarks(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(CJK_MARK_RE)) n += 1;
  return n;
}

export const pct = (x: number) => `${Math.round(x * 100)}%`;

/** A paragraph or a line close to one: prose a reader reads. */
export const isProse = (l: JudgedLine | undefined): boolean => !!l && (l.cls === 'good' || l.cls === 'near');

export function judgeLine(line: Line, lang: string | null, hasList: boolean, t: TextThresholds): JudgedLine {
  const f = lineFeatures(line, lang, t);
  let phrase = matchBoilerplate(line.text);
  let wall = !!phrase && phrase.strong && WALL_KINDS.has(phrase.kind);
  if (!phrase && isToolBar(line.text, t)) {
    // A story's tools follow its body: like a comment form, the bar ends the article, and what
    // comes after it (other stories' teasers) is the page's.
    phrase = { kind: 'share', rule: 'share: a bar of page tools', strong: true };
    wall = true;
  } else if (!phrase && isToolLine(line.text, f, t)) {
    phrase = { kind: 'share', rule: 'share: a line of page tools', strong: true };
  }
  const menuLike =
    f.chars <= t.menuMaxChars && !f.sentenceEnd && f.words > 0 && f.capitalShare >= t.menuCapitalShare;
  const hi = hasList ? t.stopDensityHigh : t.shortWordDensityHigh;
  const lo = hasList ? t.stopDensityLow : t.shortWordDensityLow;
  let cls: LineClass;
  let why: string;
  if (phrase) {
    cls = 'bad';
    why = phrase.rule;
  } else if (isNotProse(line.text, t.maxWordChars)) {
    cls = 'bad';
    why = 'not prose: a run of letters too long for a word, or almost no spaces';
  } else if (f.linkShare >= t.maxLinkCharShare) {
    cls = 'bad';
    why = `links/e-mails are ${pct(f.linkShare)} of the line`;
  } else if (lang && UNSPACED_LANGUAGES.has(lang)) {
    const marks = countCjkMarks(line.text) + f.sentenceMarks;
    if (f.chars >= t.unspacedGoodChars && marks > 0) {
      cls = 'good';
      why = `${f.chars} chars with sentence punctuation`;
    } else if (f.chars >= t.unspacedNearChars && marks > 0) {
      cls = 'near';
      why = `${f.chars} chars with sentence punctuation`;
    } else {
      cls = 'short';
      why = `${f.chars} chars, no sentence`;
    }
  } else if (f.chars < t.shortLineChars) {
    cls = 'short';
    why = `short line (${f.chars} chars)`;
  } else if (!f.sentenceEnd && f.chars < t.longParagraphChars && !(f.chars > t.headingMaxChars && f.density >= hi)) {
    cls = 'short';
    why = menuLike
      ? `capitalised words ${pct(f.capitalShare)}, no sentence end: headline or menu`
      : `no sentence end in ${f.chars} chars: heading or link`;
  } else if (menuLike) {
    cls = 'bad';
    why = `capitalised words ${pct(f.capitalShare)}, no sentence end: headline or menu`;
  } else {
    const d = `stop words ${pct(f.density)}`;
    if ((f.chars >= t.minParagraphChars && f.density >= hi) || (f.chars >= t.longParagraphChars && f.density >= lo)) {
      cls = 'good';
      why = `prose: ${f.chars} chars, ${d}`;
    } else if (f.density >= lo) {
      cls = 'near';
      why = `prose-like: ${f.chars} chars, ${d}`;
    } else {
      cls = 'bad';
      why = `few stop words (${d}) in ${f.chars} chars`;
    }
  }
  if (f.words === 0 && !phrase && !HAS_LETTER_OR_DIGIT.test(line.text)) {
    return { line, f, cls: 'short', why: 'no letter or digit: a drawn bullet or rule', phrase, wall, menuLike: false, score: 0, ornament: true };
  }
  let score: number;
  switch (cls) {
    case 'good':
      score = t.goodWeight * f.chars;
      break;
    case 'near':
      score = t.nearWeight * f.chars;
      break;
    case 'short':
      score =
        !menuLike && f.words >= t.shortProseMinWords && f.density >= lo ? -t.shortProsePenalty : -t.shortPenalty;
      break;
    default:
      // A picture's caption stands between the article's paragraphs: out of the text, but no
      // sign that the article has ended.
      score = phrase?.kind === 'caption' ? 0 : -((phrase ? t.phrasePenalty : t.badPenalty) + t.badWeight * Math.min(f.chars, t.longParagraphChars));
  }
  return { line, f, cls, why, phrase, wall, menuLike, score };
}

export interface Run {
  start: number;
  end: number;
  score: number;
  /** A comment wall lies between the search start and the run. */
  afterComments?: boolean;
  /** Index of the wall-delimited segment the run lies in. */
  segment: number;
  /** Where a comment section found without a wall (a signed thread) begins. */
  commentsFrom?: number;
  /** Lines from here to `end` are a list the body announced: items, not menus. */
  listFrom?: number;
}

/** Best (maximum-sum) run of each wall-delimited segment, in order. Linear. */
export function bestRuns(lines: readonly JudgedLine[], from = 0): Run[] {
  const runs: Run[] = [];
  let segment = 0;
  let best: Run | null = null;
  let cur = 0;
  let curStart = from;
  const close = () => {
    if (best) runs.push(best);
    best = null;
    segment += 1;
  };
  for (let i = from; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.wall) {
      close();
      cur = 0;
      curStart = i + 1;
      continue;
    }
    cur += l.score;
    if (cur <= 0) {
      cur = 0;
      curStart = i + 1;
    } else if (!best || cur > (best as Run).score) {
      best = { start: curStart, end: i, score: cur, segment };
    }
  }
  close();
  return runs;
}

/**
 * Every stretch's best run from `from` on (a stretch ends where the running sum falls to
 * zero or at a wall), in document order. Linear.
 */
export function stretchRuns(lines: readonly JudgedLine[], from: number): Run[] {
  const runs: Run[] = [];
  let best: Run | null = null;
  let cur = 0;
  let curStart = from;
  let segment = 0;
  let afterComments = false;
  const close = () => {
    if (best) runs.push(best);
    best = null;
  };
  for (let i = from; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.wall) {
      close();
      segment += 1;
      if (COMMENT_KINDS.has(l.phrase!.kind)) afterComments = true;
      cur = 0;
      curStart = i + 1;
      continue;
    }
    cur += l.score;
    if (cur <= 0) {
      close();
      cur = 0;
      curStart = i + 1;
    } else if (!best || cur > best.score) {
      best = { start: curStart, end: i, score: cur, segment, afterComments };
    }
  }
  close();
  return runs;
}

/**
 * Below a repeated headline the article comes first: the earliest run after it that reaches
 * `anchorRunShare` of the biggest one (teaser lists further down can outscore a short
 * article), ignoring runs after a comment wall.
 */
export function runAfterHeadline(lines: readonly JudgedLine[], t: TextThresholds, headline: number): Run | null {
  const all = stretchRuns(lines, headline + 1);
  // Runs in a comment section count only when there is nothing before it.
  const before = all.filter((r) => !r.afterComments && r.score >= t.minRunScore);
  const runs = before.length ? before : all;
  let max = 0;
  for (const r of runs) max = Math.max(max, r.score);
  if (max < t.minRunScore) return null;
  for (const r of runs) if (r.score >= t.minRunScore && r.score >= t.anchorRunShare * max) return r;
  return null;
}

/**
 * A legal line right after the run ("Copyright Aetna, Inc., 1992. All rights reserved.") is a
 * wall: the site's footer. But when a run of prose at least `creditRunShare` of the article's
 * follows at once, the line was a figure's or an excerpt's credit inside the article, which
 * goes on below it: the run takes that prose in (the line itself stays out, as a phrase).
 */
export function acrossCreditLine(lines: readonly JudgedLine[], run: Run, t: TextThresholds): Run {
  const credit = lines[run.end + 1];
  if (!credit?.wall || credit.phrase?.kind !== 'legal') return run;
  const next = stretchRuns(lines, run.end + 2)[0];
  if (!next || next.start > run.end + 3 || next.score < t.creditRunShare * run.score) return run;
  return { ...run, end: next.end };
}

/** Weak comment markers ("Reply", "… says:") in lines [start, end]. */
function commentHints(lines: readonly JudgedLine[], start: number, end: number): number {
  let n = 0;
  for (let i = start; i <= end; i++) {
    const k = lines[i]!.phrase?.kind;
    if (k === 'comments' || k === 'comment-form') n += 1;
  }
  return n;
}

/**
 * The article's run: the best one, unless it sits after a comment wall in what looks like a
 * thread (comment hints inside) or a run before the wall is big enough on its own; then the
 * first run before the wall that is not dwarfed by the others there (a comment between two
 * walls can outscore a short article above them).
 */
export function chooseRun(lines: readonly JudgedLine[], t: TextThresholds, from = 0): Run | null {
  const runs = bestRuns(lines, from);
  let best: Run | null = null;
  for (const r of runs) if (!best || r.score > best.score) best = r;
  if (!best || best.score < t.minRunScore) return null;
  const looksLikeThread = commentHints(lines, best.start, best.end) >= 2;
  let earlier: Run | null = null;
  for (const r of runs) {
    if (r.segment >= best.segment || r.score < t.minRunScore) continue;
    if (!earlier || r.score > earlier.score) earlier = r;
  }
  if (!earlier || (!looksLikeThread && earlier.score < t.commentSplitShare * best.score)) return best;
  // Walls after the article open its comments, and a comment can outscore a short article: of the
  // runs before the best one's wall, the first that reaches `anchorRunShare` of the biggest.
  for (const r of runs) {
    if (r.segment < best.segment && r.score >= t.minRunScore && r.score >= t.anchorRunShare * earlier.score) return r;
  }
  return earlier;
}

/**
 * Inside the run: stretches of at least `menuRunMin` consecutive short lines, most of them
 * menu-like (capitalised, no sentence end), are menus that the run bridged, not lists of the
 * article. Returns a per-line flag (indexed like `lines`).
 */
function menuRuns(lines: readonly JudgedLine[], run: Pick<Run, 'start' | 'end'>, t: TextThresholds): boolean[] {
  const flags: boolean[] = new Array<boolean>(lines.length).fill(false);
  let i = run.start;
  while (i <= run.end) {
    if (lines[i]!.cls !== 'short' && !(lines[i]!.cls === 'bad' && lines[i]!.menuLike)) {
      i += 1;
      continue;
    }
    let j = i;
    let menu = 0;
    while (j <= run.end && (lines[j]!.cls === 'short' || (lines[j]!.cls === 'bad' && lines[j]!.menuLike))) {
      if (lines[j]!.menuLike || lines[j]!.f.words <= 1) menu += 1;
      j += 1;
    }
    const len = j - i;
    if (len >= t.menuRunMin && menu / len >= t.menuRunShare) for (let k = i; k < j; k++) flags[k] = true;
    i = j;
  }
  return flags;
}

/** A line that ends cut short: an ellipsis after its last word ("… and they won't get tied …"). */
const CUT_SHORT = /(?:\.\.\.|…)["”’)\]]?\s*$/;

/**
 * Lines cut short, `teaserMinLines` or more in a row: a list of other pages' teasers or of the
 * site's latest comments ("Ann on Some Post: I'd like to see …"). No article writes its
 * paragraphs so; they cost what a menu line does, so no run of the article's prose holds them.
 * Unless such lists hold `teaserMaxPageShare` of the page's prose or more: then they are what
 * the page holds (a catalogue, a blog's front page).
 */
function teaserLines(lines: readonly JudgedLine[], t: TextThresholds): boolean[] {
  const teaser = lines.map(() => false);
  let teaserProse = 0;
  let pageProse = 0;
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j < lines.length && CUT_SHORT.test(lines[j]!.line.text)) j++;
    if (j - i >= t.teaserMinLines) for (let k = i; k < j; k++) teaser[k] = true;
    i = Math.max(j, i + 1);
  }
  if (!teaser.includes(true)) return teaser;
  lines.forEach((l, i) => {
    const prose = Math.max(0, l.score);
    pageProse += prose;
    if (teaser[i]) teaserProse += prose;
  });
  return teaserProse < t.teaserMaxPageShare * pageProse ? teaser : lines.map(() => false);
}

/**
 * Scores in context, before the run search:
 *  - lines of a menu-like stretch (tag lists, section menus) cost `menuLinePenalty` each, so
 *    that the body run stops at them instead of bridging into teasers below;
 *  - so do lines cut short several in a row (teaserLines);
 *  - a good line that is not very long and has no prose neighbour (a teaser's summary between
 *    its headline and its date) earns only `isolatedWeight` of its length.
 */
export function scoreInContext(lines: JudgedLine[], t: TextThresholds): void {
  const menu = menuRuns(lines, { start: 0, end: lines.length - 1 }, t);
  const teaser = teaserLines(lines, t);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (menu[i] && !l.wall && !l.ornament && l.score > -t.menuLinePenalty) {
      l.score = -t.menuLinePenalty;
      l.why += '; in a menu-like stretch';
    } else if (teaser[i] && !l.wall && l.score > -t.menuLinePenalty) {
      l.score = -t.menuLinePenalty;
      l.why += '; one of several lines in a row cut short: teasers';
    } else if (
      l.cls === 'good' &&
      l.f.chars < t.isolatedMaxChars &&
      !isProse(lines[i - 1]) &&
      !isProse(lines[i + 1])
    ) {
      l.score = t.isolatedWeight * t.goodWeight * l.f.chars;
      l.why += '; isolated (no prose neighbour)';
    }
  }
}

/**
 * Where a list of items (a feed's, other pages' excerpts) that begins at line `first` would end
 * the run: at `first`, or above the short lines just over it (its headline, an author), at
 * most `feedMaxGap` back; with the run's prose before that line and from it on. Null when the
 * run would keep none of its prose.
 */
function itemsCut(lines: readonly JudgedLine[], run: Run, first: number, t: TextThresholds): { cut: number; before: number; after: number } | null {
  let firstProse = run.start;
  while (firstProse <= run.end && !isProse(lines[firstProse])) firstProse++;
  let cut = first;
  while (cut - 1 > firstProse && !isProse(lines[cut - 1]) && first - cut < t.feedMaxGap) cut--;
  if (cut <= firstProse) return null;
  let before = 0;
  let after = 0;
  for (let i = run.start; i <= run.end; i++) {
    if (!isProse(lines[i])) continue;
    if (i < cut) before += lines[i]!.f.chars;
    else after += lines[i]!.f.chars;
  }
  return { cut, before, after };
}

/**
 * An article carries its date once, at its top; a feed of other stories or a thread of
 * comments repeats a date line per item. Where `feedMinDates` date lines follow each other
 * in the run, each within `feedMaxGap` lines of the next, the items begin and the run ends
 * before the first of them (and before the short lines, a headline or an author, just above
 * it). The run keeps at least its first prose line.
 */
export function cutAtFeed(lines: readonly JudgedLine[], run: Run, t: TextThresholds): Run {
  const dates: number[] = [];
  for (let i = run.start; i <= run.end; i++) if (isDateLine(lines[i]!.line.text)) dates.push(i);
  for (let k = 0; k + t.feedMinDates - 1 < dates.length; k++) {
    let close = true;
    for (let j = k; j < k + t.feedMinDates - 1 && close; j++) close = dates[j + 1]! - dates[j]! <= t.feedMaxGap;
    if (!close) continue;
    const items = itemsCut(lines, run, dates[k]!, t);
    // A page that is the feed (a list of dated items under a short intro) keeps it.
    if (!items || items.before < t.feedMinKeptShare * (items.before + items.after)) return run;
    // Short items (teasers, one-line comments) are a feed; long ones are posts of a blog page.
    if (items.after / (dates.length - k) > t.feedMaxItemChars) return run;
    return { ...run, end: items.cut - 1 };
  }
  return run;
}

/**
 * A teaser of another page is its first lines cut short, with a link to the rest: "… the
 * impossible demands of the ... Read More". An article does not end its own paragraphs that
 * way. Where `excerptMinLines` such lines stand in the run, the run ends before the first of
 * them (and the short lines above it, its headline), unless what comes before holds less than
 * `feedMinKeptShare` of the run's prose: then the page is that list of excerpts.
 */
export function cutAtExcerpts(lines: readonly JudgedLine[], run: Run, t: TextThresholds): Run {
  let first = -1;
  let count = 0;
  for (let i = run.start; i <= run.end; i++) {
    if (!TRUNCATED_EXCERPT.test(lines[i]!.line.text)) continue;
    if (first < 0) first = i;
    count++;
  }
  if (count < t.excerptMinLines) return run;
  const items = itemsCut(lines, run, first, t);
  if (!items || items.before < t.feedMinKeptShare * (items.before + items.after)) return run;
  return { ...run, end: items.cut - 1 };
}

/** An item of a numbered list: "1) …", "12. …". */
const NUMBERED_ITEM = /^(\d{1,3})[.)]\s+\S/;

/**
 * A numbered list that begins right after the run ("1) Lego Star Wars…", "2) Polistil…") goes on
 * with the article: the items of a list the body announced. It counts from 1, in order (an item
 * may be skipped: `numberedListMaxStep`), each item maybe followed by `numberedListMaxGap` lines
 * of its own (a link, a sentence), and ends at its last item: where the numbering stops, or at a
 * wall. A list of other stories comes under a heading of its own, so it does not begin right
 * after the body.
 */
export function extendOverNumberedList(lines: readonly JudgedLine[], run: Run, t: TextThresholds): Run {
  let last = 0;
  let items = 0;
  let end = run.end;
  for (let i = run.end + 1; i < lines.length && i - end <= t.numberedListMaxGap + 1; i++) {
    const l = lines[i]!;
    if (l.wall) break;
    const item = NUMBERED_ITEM.exec(l.line.text.trim());
    if (!item) {
      if (last === 0) break; // the list begins right after the body
      continue; // an item's own line (its link, a sentence about it)
    }
    const n = Number(item[1]);
    if (last === 0 ? n !== 1 : n <= last || n > last + t.numberedListMaxStep) break;
    last = n;
    items += 1;
    end = i;
  }
  return items >= t.numberedListMinItems ? { ...run, end } : run;
}

/**
 * A list the run's last line announces ("Below is the list of players invited to the combine:")
 * goes on with the article: its items are short lines (names, places, dates) that the menu test
 * would take for a menu. The list ends at a wall, a phrase, a paragraph, a line longer than
 * `announcedListMaxChars` or a bare web address (a list of links is the page's).
 */
export function extendOverAnnouncedList(lines: readonly JudgedLine[], run: Run, t: TextThresholds): Run {
  if (!ANNOUNCES_LIST.test(lines[run.end]!.line.text)) return run;
  // A numbered list is extendOverNumberedList's to judge (one that does not count from 1 is another list).
  if (run.end + 1 < lines.length && NUMBERED_ITEM.test(lines[run.end + 1]!.line.text.trim())) return run;
  let end = run.end;
  for (let i = run.end + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.wall || l.phrase || l.cls === 'good' || l.f.chars > t.announcedListMaxChars || LOOKS_LIKE_ADDRESS.test(l.line.text)) break;
    end = i;
  }
  return end - run.end >= t.announcedListMinItems ? { ...run, end, listFrom: run.end + 1 } : run;
}

/**
 * A blog's front page ends each post with a "Comments (3)" line and the post's signature
 * ("// posted by Ann @ 9:43 AM"): such lines are comment walls and headings, and the posts after
 * the first would read as a thread. When two such lines or more each have a signature line just
 * below them, and every signature from the first of them on names one and the same writer, they
 * are the posts' footers: no walls, no thread's heading (the lines themselves stay out as
 * phrases). A readers' thread is signed by many.
 */
export function unwallPostFooters(lines: JudgedLine[], t: TextThresholds): void {
  const signedBelow = (i: number) => {
    for (let j = i + 1; j <= Math.min(lines.length - 1, i + t.postFooterSignatureSpan); j++) {
      if (isSignatureLine(lines[j]!.line.text, t.signatureMaxChars)) return true;
    }
    return false;
  };
  const footers: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.phrase && COMMENT_KINDS.has(l.phrase.kind) && isCommentHeading(l.line.text, l.phrase) && signedBelow(i)) footers.push(i);
  }
  if (footers.length < 2) return;
  const writers = new Set<string | null>();
  for (let i = footers[0]!; i < lines.length; i++) {
    const text = lines[i]!.line.text;
    if (isSignatureLine(text, t.signatureMaxChars)) writers.add(signatureAuthor(text));
  }
  if (writers.size !== 1 || writers.has(null)) return;
  for (const i of footers) lines[i] = { ...lines[i]!, wall: false, postFooter: true };
}

/**
 * Finds the first comment heading after the article's start that a thread follows (see
 * `threadMinSignatures`) and makes it a wall: the comment section begins there, and the run,
 * if it reaches that far, ends before it.
 */
export function cutAtThread(lines: JudgedLine[], run: Run, t: TextThresholds): Run {
  let bodySeen = false;
  for (let i = run.start; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.cls === 'good') bodySeen = true;
    if (!bodySeen || l.postFooter || !isCommentHeading(l.line.text, l.phrase)) continue;
    let signatures = 0;
    const last = Math.min(lines.length - 1, i + t.threadSpan);
    for (let j = i + 1; j <= last; j++) {
      const text = lines[j]!.line.text;
      if (text.length <= t.signatureMaxChars && hasDate(text)) signatures++;
    }
    if (signatures < t.threadMinSignatures) continue;
    lines[i] = { ...l, wall: true };
    return i <= run.end ? { ...run, end: i - 1 } : run;
  }
  return run;
}

/**
 * A thread that signs its comments ("Posted by: X | <date>" under each) but has no heading:
 * `threadMinSignatures` + 1 signature lines after the run's first prose line, by many
 * writers (`threadMinWriters`, and at least `threadMinWriterShare` of the signatures), end the
 * article at the first of them (a blog post's own "Posted by" line closes it just the same).
 */
export function cutAtSignatures(lines: readonly JudgedLine[], run: Run, t: TextThresholds): Run {
  const { signed } = signedByMany(lines, run, t.threadMinSignatures + 1, t, (i) => {
    const text = lines[i]!.line.text;
    return isSignatureLine(text, t.signatureMaxChars) ? (signatureAuthor(text) ?? '') : null;
  });
  if (!signed) return run;
  const first = signed[0]!;
  return { ...run, end: Math.min(run.end, first - 1), commentsFrom: first };
}

/**
 * The signature lines after the run's first prose line (`writerOf` gives a line's writer, or null
 * for a line that signs nothing), when at least `minSignatures` of them name many writers:
 * readers are many, each signing once or twice; a blog's posts are signed by its few writers.
 * The signatures may all lie below the run (the thread already outside the article).
 */
function signedByMany(lines: readonly JudgedLine[], run: Run, minSignatures: number, t: TextThresholds, writerOf: (i: number) => string | null): { firstProse: number; signed: number[] | null } {
  let firstProse = run.start;
  while (firstProse <= run.end && lines[firstProse]!.cls !== 'good') firstProse++;
  const signed: number[] = [];
  const writers = new Set<string>();
  for (let i = firstProse + 1; i < lines.length; i++) {
    const writer = writerOf(i);
    if (writer === null) continue;
    signed.push(i);
    writers.add(writer);
  }
  const many = signed.length >= minSignatures && writers.size >= t.threadMinWriters && writers.size >= t.threadMinWriterShare * signed.length;
  return { firstProse, signed: many ? signed : null };
}

/**
 * A thread whose readers sign under each comment with a name and a place ("I was on the maiden
 * voyage…" / "Frances McErlane, Mallorca, Spain"): `threadMinSignatures` + 2 such lines or more
 * after the article's first prose, each straight under a prose line (its comment), by many names
 * (as cutAtSignatures counts them). The first comment is the prose just above the first
 * signature, as many lines as the longest of the others; the article ends before it. Only an
 * article with prose of its own above the thread (see `placeThreadMinArticleChars`) is cut: a
 * debate page ("Have your say", a question, the readers' answers) is its thread.
 */
export function cutAtPlaceSignedThread(lines: readonly JudgedLine[], run: Run, t: TextThresholds): Run {
  const { firstProse, signed } = signedByMany(lines, run, t.threadMinSignatures + 2, t, (i) => {
    const text = lines[i]!.line.text;
    return isProse(lines[i - 1]) && isPlaceSignature(text, t.placeSignatureMaxChars) ? placeSignatureName(text) : null;
  });
  if (!signed) return run;
  // The comments between two signatures: the longest tells how far up the first one reaches.
  let longest = 1;
  for (let k = 1; k < signed.length; k++) longest = Math.max(longest, signed[k]! - signed[k - 1]! - 1);
  let from = signed[0]!;
  while (from - 1 > firstProse && signed[0]! - (from - 1) <= longest && isProse(lines[from - 1])) from--;
  const proseChars = (a: number, b: number): number => {
    let n = 0;
    for (let i = a; i < b; i++) if (isProse(lines[i])) n += lines[i]!.f.chars;
    return n;
  };
  const article = proseChars(firstProse, from);
  const thread = proseChars(from, signed[signed.length - 1]! + 1);
  if (article < t.placeThreadMinArticleChars || article < t.placeThreadMinArticleShare * thread) return run;
  return { ...run, end: Math.min(run.end, from - 1), commentsFrom: Math.min(run.commentsFrom ?? from, from) };
}

export interface Decision {
  kind: BlockKind;
  kept: boolean;
  reason: string;
}

/** Kind and keep decision of every line given the article run. */
export function decide(lines: readonly JudgedLine[], run: Run | null, t: TextThresholds): Decision[] {
  const out: Decision[] = [];
  // The first wall after the run starts the comment section.
  let commentsFrom = run?.commentsFrom ?? lines.length;
  if (run) {
    for (let i = run.end + 1; i < commentsFrom; i++) {
      const l = lines[i]!;
      if (l.wall && COMMENT_KINDS.has(l.phrase!.kind)) {
        commentsFrom = i;
        break;
      }
    }
  }
  // The section ends with its last comment: before a wall of another kind (the legal footer)
  // or, once its first comment is seen, a stretch of `threadEndGap` lines without prose.
  let commentsTo = commentsFrom;
  for (let i = commentsFrom + 1, gap = 0, started = false; i < lines.length; i++) {
    const l = lines[i]!;
    // (A story's tool bar is no such wall: a thread can carry one under each comment.)
    if (l.wall && WALL_KINDS.has(l.phrase!.kind) && !COMMENT_KINDS.has(l.phrase!.kind)) break;
    // So is, once a comment has been read, the heading of another list ("Recent posts from
    // News Blog", "Subscribe to our newsletter"). Before the first comment such a list may sit
    // between the thread's heading and its comments.
    if (started && l.phrase?.strong && THREAD_END_KINDS.has(l.phrase.kind)) break;
    // A signature line is the thread's too, however short its comments.
    if (isProse(l) || isSignatureLine(l.line.text, t.signatureMaxChars)) {
      commentsTo = i;
      gap = 0;
      started = true;
    } else if (started && l.phrase && COMMENT_KINDS.has(l.phrase.kind)) {
      // So are the thread's own controls under each comment ("Reply", "Report this comment").
      commentsTo = i;
      gap = 0;
    } else if (started && ++gap >= t.threadEndGap) break;
  }
  // A last signature that stands above its comment takes the comment's lines with it.
  if (commentsTo < lines.length && isSignatureLine(lines[commentsTo]!.line.text, t.signatureMaxChars)) {
    for (let k = 0; k < t.threadEndGap && commentsTo + 1 < lines.length; k++) {
      const next = lines[commentsTo + 1]!;
      if (next.phrase || next.menuLike) break;
      commentsTo++;
    }
  }
  commentsTo = Math.min(lines.length, commentsTo + 1);
  const menuRun = run ? menuRuns(lines, run, t) : [];
  // A run holding only a sliver of the page's prose is no article: the page is a listing
  // (news items, entries, a directory), and its prose lines outside the run are kept too.
  let pageProse = 0;
  let runProse = 0;
  for (let i = 0; i < lines.length; i++) {
    const s = Math.max(0, lines[i]!.score);
    pageProse += s;
    if (run && i >= run.start && i <= run.end) runProse += s;
  }
  // So is a run holding a minor share whose paragraphs never stand next to one another: one
  // entry of a directory or catalogue, or a few, each between its own name, phone and links.
  let joinedParagraphs = 0;
  if (run) {
    for (let i = run.start; i <= run.end; i++) {
      if (lines[i]!.cls !== 'good' || lines[i]!.score <= 0) continue;
      if ((i > run.start && isProse(lines[i - 1])) || (i < run.end && isProse(lines[i + 1]))) joinedParagraphs++;
    }
  }
  const sliver = !!run && runProse < t.listingMaxShare * pageProse;
  const entries = !!run && joinedParagraphs === 0 && runProse < t.listingEntriesMaxShare * pageProse;
  const listing = sliver || entries;
  const listingWhy = sliver
    ? `the main run holds under ${pct(t.listingMaxShare)} of its prose`
    : `the main run's paragraphs stand apart, entries holding under ${pct(t.listingEntriesMaxShare)} of its prose`;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const inRun = !!run && i >= run.start && i <= run.end;
    if (inRun) {
      const listItem = run!.listFrom !== undefined && i >= run!.listFrom;
      if (l.phrase) out.push({ kind: l.phrase.kind, kept: false, reason: `in body, but ${l.phrase.rule}` });
      else if (listItem) out.push({ kind: 'body', kept: true, reason: `main body: an item of the list its last line announces` });
      else if (menuRun[i]) out.push({ kind: 'navigation', kept: false, reason: `in body, but part of a menu-like run of short lines` });
      else if (l.cls === 'bad' && !l.f.sentenceEnd && !l.menuLike)
        out.push({ kind: 'boilerplate', kept: false, reason: `in body, but ${l.why}` });
      else out.push({ kind: 'body', kept: true, reason: `main body (run score ${Math.round(run.score)}): ${l.why}` });
      continue;
    }
    if (l.phrase) {
      out.push({ kind: l.phrase.kind, kept: false, reason: l.phrase.rule });
      continue;
    }
    if (listing && l.score > 0 && i < commentsFrom) {
      out.push({ kind: 'body', kept: true, reason: `a listing page (${listingWhy}): ${l.why}` });
      continue;
    }
    if (i >= commentsFrom && i < commentsTo) {
      out.push({ kind: 'comments', kept: false, reason: `in the comment section, lines ${commentsFrom}-${commentsTo - 1}` });
      continue;
    }
    const before = !run || i < run.start;
    const prose = isProse(l);
    let kind: BlockKind;
    if (before) kind = prose ? 'header' : 'navigation';
    else kind = prose || l.menuLike ? 'related' : 'footer';
    out.push({ kind, kept: false, reason: `${before ? 'before' : 'after'} the main body: ${l.why}` });
  }
  return out;
}
