/**
 * Dates as metadata and pages write them → a day (and a time when one is given). Month names
 * come from config/dates.ts (nine languages); numeric day-month order follows the language.
 */
import { MONTH_FIRST_ENGLISH_REGIONS, MONTH_NUMBERS } from '../config/dates';
import { escapeRegExp } from '../regexp';

export interface FoundDate {
  /** `YYYY-MM-DD`. */
  day: string;
  /** ISO 8601: the day, or the day and time as written (with its offset when given). */
  iso: string;
  /** Days since 1970-01-01 (for comparing two dates). */
  ordinal: number;
}

/** What makes a date a possible publication date: not before minYear, not in the future. */
export interface DateBounds {
  minYear: number;
  /** Latest ordinal allowed (today plus a little). */
  maxOrdinal: number;
}

export function dateBounds(minYear: number, maxFutureDays: number, now = Date.now()): DateBounds {
  return { minYear, maxOrdinal: Math.floor(now / 86_400_000) + maxFutureDays };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function makeDate(y: number, m: number, d: number, bounds: DateBounds, time = ''): FoundDate | null {
  if (!(y >= bounds.minYear && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  const ms = Date.UTC(y, m - 1, d);
  const check = new Date(ms);
  if (check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null; // 31 April
  const ordinal = Math.floor(ms / 86_400_000);
  if (ordinal > bounds.maxOrdinal) return null;
  const day = `${y}-${pad(m)}-${pad(d)}`;
  return { day, iso: time ? `${day}T${time}` : day, ordinal };
}

const ISO_LIKE = /^\s*(\d{4})-?(\d{1,2})-?(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{4})?)?/i;
const SLASHED_YMD = /^\s*(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?!\d)/;

/**
 * A date written for machines (`datetime`, `content`, JSON-LD): ISO 8601 and its common
 * variants; else whatever `textDates` finds in it (some sites write "20. November 2019").
 */
export function parseMachineDate(value: string, bounds: DateBounds, language: string | null): FoundDate | null {
  const iso = ISO_LIKE.exec(value);
  if (iso && (iso[0].includes('-') || /^\s*\d{8}(?!\d)/.test(value))) {
    let time = '';
    if (iso[4] !== undefined) {
      const zone = iso[7] ? (iso[7].toUpperCase() === 'Z' ? 'Z' : iso[7].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')) : '';
      time = `${pad(Number(iso[4]))}:${iso[5]}:${iso[6] ?? '00'}${zone}`;
      if (Number(iso[4]) > 23) time = '';
    }
    return makeDate(Number(iso[1]), Number(iso[2]), Number(iso[3]), bounds, time);
  }
  const slashed = SLASHED_YMD.exec(value);
  if (slashed) return makeDate(Number(slashed[1]), Number(slashed[2]), Number(slashed[3]), bounds);
  return textDates(value, bounds, language)[0]?.date ?? null;
}

const MONTH_ALTERNATION = [...MONTH_NUMBERS.keys()]
  .sort((a, b) => b.length - a.length)
  .map(escapeRegExp)
  .join('|');
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
/** 20. November 2019, 20 de noviembre de 2019, 20 listopada 2019, 1er mars 2019. */
const DAY_MONTH_YEAR = new RegExp(`${B}(\\d{1,2})(?:\\.|er|º|°)?\\s*(?:de\\s+)?(${MONTH_ALTERNATION})\\.?,?\\s*(?:de\\s+|del\\s+)?(\\d{4})${E}`, 'giu');
/** November 20, 2019; Nov. 20th 2019. */
const MONTH_DAY_YEAR = new RegExp(`${B}(${MONTH_ALTERNATION})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${E}`, 'giu');
/** 2019-11-20, 2019/11/20. */
const NUMERIC_YMD = /(?<![\p{L}\p{N}])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\p{L}\p{N}]|[-/.]\d)/gu;
/** 20.11.2019, 20/11/2019, 11/20/2019. */
const NUMERIC_DMY = /(?<![\p{L}\p{N}.\/-])(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?![\p{N}]|[-/.]\d)/gu;

export interface TextDate {
  date: FoundDate;
  index: number;
}

/**
 * The language numeric dates are read in: the page's language, or for English of a region that
 * writes the day first (`<html lang="en-GB">`) that region's tag ('en-gb'), which reads them as
 * the other languages do. English of no stated region, or of the US (the default of many site
 * templates, wherever their writers are), stays 'en'.
 */
export function dateLanguage(language: string | null, declared: string | null): string | null {
  if (language !== 'en' || !declared) return language;
  const tag = /^en[-_]([a-z]{2})(?![a-z])/i.exec(declared.trim());
  const region = tag?.[1]!.toLowerCase();
  return region && !MONTH_FIRST_ENGLISH_REGIONS.has(region) ? `en-${region}` : language;
}

/** Languages that write a numeric date month first (11/20/2019): English of no day-first region, when it uses slashes. */
function monthFirst(language: string | null, separator: string): boolean {
  return separator === '/' && (language === 'en' || language === null);
}

/** Every written date has a four-digit year: text without one is passed over at once. */
const HAS_YEAR = /(?:19|20)\d\d/;

const YEARS = /(?<!\d)(?:19|20)\d\d(?!\d)/g;
/** How far before and after a year a written date can reach ("Mittwoch, 20. November 2019", "2019-11-20"). */
const REACH_BEFORE = 40;
const REACH_AFTER = 10;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 160;
}

/**
 * Every date a text writes, in order of position. Ambiguous numeric dates (both parts ≤ 12) in
 * a language of unknown order are left out. A long text is read only around its years, each
 * piece widened to whole words (the patterns are costly over a whole paragraph).
 */
export function textDates(text: string, bounds: DateBounds, language: string | null, strict = false): TextDate[] {
  if (!HAS_YEAR.test(text)) return [];
  if (text.length <= 2 * REACH_BEFORE) return datesIn(text, 0, bounds, language, strict);
  const out: TextDate[] = [];
  let covered = 0;
  for (const y of matches(YEARS, text)) {
    let start = Math.max(covered, y.index - REACH_BEFORE);
    while (start > covered && !isSpace(text.charCodeAt(start - 1))) start--;
    let end = Math.min(text.length, y.index + 4 + REACH_AFTER);
    while (end < text.length && !isSpace(text.charCodeAt(end))) end++;
    if (start < covered) start = covered;
    for (const d of datesIn(text.slice(start, end), start, bounds, language, strict)) out.push(d);
    covered = end;
  }
  return out;
}

/** The matches of a global pattern, without `matchAll` (which copies the pattern on every call). */
function* matches(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) yield m;
}

/** Adds a date found at `index` (none: nothing). A function of the module, not a closure made for each block. */
function pushDate(out: TextDate[], date: FoundDate | null, index: number): void {
  if (date) out.push({ date, index });
}

function datesIn(text: string, offset: number, bounds: DateBounds, language: string | null, strict: boolean): TextDate[] {
  const out: TextDate[] = [];
  // The month patterns ignore case, so the text is not lower-cased (a copy of every block); the month found is.
  for (const m of matches(DAY_MONTH_YEAR, text)) pushDate(out, makeDate(Number(m[3]), MONTH_NUMBERS.get(m[2]!.toLowerCase())!, Number(m[1]), bounds), m.index + offset);
  for (const m of matches(MONTH_DAY_YEAR, text)) pushDate(out, makeDate(Number(m[3]), MONTH_NUMBERS.get(m[1]!.toLowerCase())!, Number(m[2]), bounds), m.index + offset);
  for (const m of matches(NUMERIC_YMD, text)) pushDate(out, makeDate(Number(m[1]), Number(m[3]), Number(m[4]), bounds), m.index + offset);
  for (const m of matches(NUMERIC_DMY, text)) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const y = Number(m[4]);
    if (a > 12 || b > 12) pushDate(out, a > 12 ? makeDate(y, b, a, bounds) : makeDate(y, a, b, bounds), m.index + offset);
    else if (a === b) pushDate(out, makeDate(y, a, b, bounds), m.index + offset);
    // 03/04/2019: which is the month is not known without the language, nor in English (US and UK differ).
    else if (m[2] === '/' && (language === null || (strict && language === 'en'))) continue;
    else pushDate(out, monthFirst(language, m[2]!) ? makeDate(y, a, b, bounds) : makeDate(y, b, a, bounds), m.index + offset);
  }
  return out.length > 1 ? out.sort((x, y) => x.index - y.index) : out;
}

/** A date in a URL path: /2019/11/20/, /2019-11-20-, /20191120/, /29-10-2021; `month` when only /2019/11/ is there. */
export interface UrlDate {
  date: FoundDate | null;
  /** Year and month (YYYY-MM) when the path names them. */
  month: string | null;
}

export function urlDate(url: string, bounds: DateBounds): UrlDate {
  let path = url;
  const scheme = path.indexOf('://');
  if (scheme >= 0) {
    const slash = path.indexOf('/', scheme + 3);
    path = slash >= 0 ? path.slice(slash) : '';
  }
  // The day ends its path segment (/2019/11/20/) or is two digits before the slug (/2019-11-20-title):
  // in /2023/10/3-fragen-an… the 3 belongs to the title.
  const full = /(?<!\d)((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{2}(?!\d)|\d(?=[/._?#]|$))/.exec(path);
  if (full) {
    const date = makeDate(Number(full[1]), Number(full[2]), Number(full[3]), bounds);
    if (date) return { date, month: date.day.slice(0, 7) };
  }
  // Day first (/meldungen/29-10-2021): only when the day cannot be a month (the order is not known otherwise).
  const dayFirst = /(?<![\d.])(\d{1,2})[-_.](\d{1,2})[-_.]((?:19|20)\d{2})(?![\d])/.exec(path);
  if (dayFirst && Number(dayFirst[1]) > 12) {
    const date = makeDate(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]), bounds);
    if (date) return { date, month: date.day.slice(0, 7) };
  }
  const compact = /(?<![\d])((?:19|20)\d{2})(\d{2})(\d{2})(?![\d])/.exec(path);
  if (compact) {
    const date = makeDate(Number(compact[1]), Number(compact[2]), Number(compact[3]), bounds);
    if (date) return { date, month: date.day.slice(0, 7) };
  }
  const month = /\/((?:19|20)\d{2})[/_-](\d{1,2})(?:\/|$)/.exec(path);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12 && Number(month[1]) >= bounds.minYear) {
    return { date: null, month: `${month[1]}-${pad(Number(month[2]))}` };
  }
  return { date: null, month: null };
}
