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
