/**
 * Segmentation of plain text into lines, and the text features of each line.
 * Everything here is linear in the input: no regex below can backtrack over a long line.
 */
import { ALL_STOPWORDS, STOPWORDS } from '../config/stopwords';
import type { TextThresholds } from '../config/text';
import { inStopList, words } from './language';

export interface Line {
  /** Position among the non-empty lines, from 0. */
  index: number;
  /** Trimmed, inner whitespace collapsed. */
  text: string;
  /** A blank line (paragraph break) precedes / follows it. */
  breakBefore: boolean;
  breakAfter: boolean;
  /** Starts with a bullet or a list number. */
  bullet: boolean;
}

export interface LineFeatures {
  chars: number;
  words: number;
  /** Share of words that are stop words (or the fallback measure, see `densityKind`). */
  density: number;
  /** Ends like a sentence (. ! ? … and closing quotes/brackets after them). */
  sentenceEnd: boolean;
  /** Sentence punctuation marks inside the line. */
  sentenceMarks: number;
  /** Share of words starting with a capital letter. */
  capitalShare: number;
  /** Share of the characters that belong to URLs or e-mail addresses. */
  linkShare: number;
  /** Contains a digit-heavy date/time or is mostly digits. */
  digitShare: number;
}

/** Bullets and list numbers at the start of a line ("• ", "- ", "1. ", "a) "). */
const BULLET_RE = /^(?:[•·▪◦●■□►▶✓✔*–—-]\s|\d{1,3}[.)]\s)/u;

export function splitLines(text: string): Line[] {
  const raw = text.split(/\r\n|\r|\n/);
  const lines: Line[] = [];
  let blank = true;
  for (const r of raw) {
    const t = r.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();
    if (!t) {
      blank = true;
      if (lines.length) lines[lines.length - 1]!.breakAfter = true;
      continue;
    }
    lines.push({ index: lines.length, text: t, breakBefore: blank, breakAfter: false, bullet: BULLET_RE.test(t) });
    blank = false;
  }
  if (lines.length) lines[lines.length - 1]!.breakAfter = true;
  return lines;
}

/** Starts with a lower-case word (not a web address, which a list of links puts on lines of its own). */
const LOWER_START_RE = /^(?!https?:|ftp:|www\.)\p{Ll}/u;

function firstWordLength(text: string): number {
  const space = text.indexOf(' ');
  return space < 0 ? text.length : space;
}

/** Lines `start..end` wrapped at one width somewhere in `lo..hi`. */
interface WrapChain {
  start: number;
  end: number;
  lo: number;
  hi: number;
}

/**
 * The longest chain of lines from `start` that a greedy wrap at one width W would produce: each
 * line fits in W, and the first word of the next one would not have fitted after it, so
 * len(i) <= W <= len(i) + len(first word of i+1). Each pair narrows the interval W may lie in;
 * lines that merely look alike (a menu, a list of titles) leave it empty within a pair or two.
 */
function chainFrom(lines: readonly Line[], start: number): WrapChain {
  let lo = lines[start]!.text.length;
  let hi = Infinity;
  let end = start;
  while (end < lines.length - 1 && !lines[end]!.breakAfter) {
    const next = lines[end + 1]!;
    const nextLo = Math.max(lo, next.text.length);
    const nextHi = Math.min(hi, lines[end]!.text.length + firstWordLength(next.text));
    if (next.bullet || nextLo > nextHi) break;
    lo = nextLo;
    hi = nextHi;
    end += 1;
  }
  return { start, end, lo, hi };
}

/**
 * Joins hard-wrapped lines back into paragraphs. Text wrapped at a fixed width (a `<pre>` block,
 * a mail archive, a text file) breaks every sentence over lines of 60–80 characters that, one by
 * one, look like headings or menu entries; joined, they read as the prose they are.
 */
export function unwrapHardWrapped(lines: readonly Line[], t: TextThresholds): Line[] {
  const chains: WrapChain[] = [];
  for (let i = 0; i < lines.length; ) {
    const chain = chainFrom(lines, i);
    let lowerStarts = 0;
    for (let k = chain.start + 1; k <= chain.end; k++) if (LOWER_START_RE.test(lines[k]!.text)) lowerStarts += 1;
    // A wrap breaks sentences anywhere, so its lines mostly go on in lower case; the items of
    // a list or a menu each start with a capital.
    const plausible =
      chain.end > chain.start &&
      chain.hi >= t.wrapMinWidth &&
      chain.lo <= t.wrapMaxWidth &&
      lowerStarts >= t.wrapMinLowerStarts * (chain.end - chain.start);
    if (plausible) chains.push(chain);
    i = chain.end + 1;
  }
  // A width is established by wrapped lines that agree on it: a chain is joined when it and the
  // chains whose width interval meets its own hold `wrapMinFullLines` wrapped lines together.
  const pairs = (c: WrapChain) => c.end - c.start;
  // One of them must be a paragraph of three lines at least: a template line repeated down a
  // listing ("Posted by … | Comments (0)" over each item's title) can fake a two-line wrap.
  const joined = chains.filter((c) => {
    const agreeing = chains.filter((other) => other.lo <= c.hi && c.lo <= other.hi);
    return agreeing.some((other) => pairs(other) >= 2) && agreeing.reduce((n, other) => n + pairs(other), 0) >= t.wrapMinFullLines;
  });
  if (joined.length === 0) return lines as Line[];
  const out: Line[] = [];
  let next = 0;
  for (const chain of joined) {
    for (; next < chain.start; next++) out.push({ ...lines[next]!, index: out.length });
    const parts = lines.slice(chain.start, chain.end + 1);
    out.push({ ...parts[0]!, index: out.length, text: parts.map((l) => l.text).join(' '), breakAfter: parts[parts.length - 1]!.breakAfter });
    next = chain.end + 1;
  }
  for (; next < lines.length; next++) out.push({ ...lines[next]!, index: out.length });
  return out;
}

const SENTENCE_END_RE = /[.!?…。！？;:][\s"'”’»)\]]*$/u;
const SENTENCE_MARK_RE = /[.!?。！？]+(?=\s|$)/gu;
const UPPER_START_RE = /^\p{Lu}/u;
/** Languages written without spaces between words. */
export const UNSPACED_LANGUAGES: ReadonlySet<string> = new Set(['zh', 'ja', 'th', 'km', 'lo', 'my']);

/** Characters of `text` inside whitespace-separated tokens that look like URLs or e-mails. */
function linkChars(text: string): number {
  if (text.indexOf('://') < 0 && text.indexOf('www.') < 0 && text.indexOf('@') < 0) return 0;
  let n = 0;
  for (const token of text.split(' ')) {
    if (token.length > 2048) {
      n += token.length;
      continue;
    }
    const at = token.indexOf('@');
    if (
      token.includes('://') ||
      token.startsWith('www.') ||
      (at > 0 && token.indexOf('.', at) > at + 1)
    ) {
      n += token.length;
    }
  }
  return n;
}

export function lineFeatures(line: Line, lang: string | null, t: TextThresholds): LineFeatures {
  const text = line.text;
  const ws = words(text);
  const list = lang ? STOPWORDS[lang] : undefined;
  let stops = 0;
  let shortLower = 0;
  let caps = 0;
  for (const w of ws) {
    if (list ? inStopList(w, list) : inStopList(w, ALL_STOPWORDS)) stops += 1;
    if (w.length <= t.shortWordMaxLetters) shortLower += 1;
  }
  // Capitalisation needs the original case: count words whose first letter is upper case.
  for (const m of text.matchAll(/(?<![\p{L}\p{M}'’])\p{L}/gu)) if (UPPER_START_RE.test(m[0])) caps += 1;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits += 1;
  }
  let marks = 0;
  for (const _ of text.matchAll(SENTENCE_MARK_RE)) marks += 1;
  // Without a stop-word list, function words are guessed: the share of stop words of any
  // language, of short words, or half the share of lower-case words (prose is mostly lower
  // case, menus are capitalised), whichever is largest.
  const lowerHalf = (ws.length - Math.min(ws.length, caps)) * t.lowercaseDensityWeight;
  const density = ws.length === 0 ? 0 : (list ? stops : Math.max(stops, shortLower, lowerHalf)) / ws.length;
  return {
    chars: text.length,
    words: ws.length,
    density,
    sentenceEnd: SENTENCE_END_RE.test(text.length > 64 ? text.slice(-64) : text),
    sentenceMarks: marks,
    capitalShare: ws.length === 0 ? 0 : Math.min(1, caps / ws.length),
    linkShare: text.length === 0 ? 0 : linkChars(text) / text.length,
    digitShare: text.length === 0 ? 0 : digits / text.length,
  };
}
