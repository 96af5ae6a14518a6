/**
 * Metadata stage: the page's publication and modification dates, authors, site name,
 * canonical URL, description, image, tags, categories and type, each with the source that
 * gave it (`sources`), from what the HTML pass collected (engine/metadata/signals.ts), the
 * classified blocks (a visible byline or dateline) and the page's URL when it is known.
 *
 * Dates, in order of trust (htmldate's order): structured metadata (JSON-LD of the main
 * content, `<meta>` such as article:published_time, microdata), then a date in the URL, then a
 * `<time>` of the article (never one in a comment section or a list of other stories), then a
 * visible dateline near the headline. When two strong sources disagree, no date is given.
 */
import {
  BYLINE_PREFIXES, LD_MAIN_TYPES, LD_MEDIA_TYPES, LD_MODIFIED, LD_OTHER_TYPES, LD_PUBLISHED, META_AUTHOR, META_CATEGORIES,
  META_DESCRIPTION, META_IMAGE, META_MODIFIED, META_PUBLISHED, META_SITE, META_TAGS, META_TYPE, META_URL,
  META_WEAK_PUBLISHED, NAME_JOINERS, NOT_A_NAME, PUBLISHED_LABELS, NOT_PUBLISHED_CONTEXT, UPDATED_LABEL, type MetadataThresholds,
} from '../config/metadata';
import type { Block, MetadataField, PageMetadata } from '../types';
import { dateBounds, dateLanguage, parseMachineDate, textDates, urlDate, type DateBounds, type FoundDate } from './dates';
import type { PageSignals } from './signals';
import { decodeHTML } from 'entities';

export interface MetadataInput {
  signals: PageSignals | null;
  blocks: readonly Block[];
  language: string | null;
  /** The language tag the page declares (`en-GB`), if any: numeric dates follow its region. */
  declaredLanguage: string | null;
  url: string | undefined;
}

interface Candidate {
  date: FoundDate;
  source: string;
}

type LdObject = Record<string, unknown>;

/** Whitespace that `clean` would change (a run, a tab or line break, at either end). */
const UNTIDY_SPACE = /\s\s|[^\S ]|^\s|\s$/;
const clean = (value: string): string => {
  const decoded = value.includes('&') ? decodeHTML(value) : value;
  return UNTIDY_SPACE.test(decoded) ? decoded.replace(/\s+/g, ' ').trim() : decoded;
};

function asText(value: unknown): string | null {
  if (typeof value === 'string') return clean(value) || null;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return asText(value[0]);
  if (value && typeof value === 'object') {
    const o = value as LdObject;
    return asText(o.name ?? o.url ?? o['@value'] ?? o['@id']);
  }
  return null;
}

function typeOf(o: LdObject): string {
  const t = o['@type'];
  return Array.isArray(t) ? t.filter((x) => typeof x === 'string').join(',') : typeof t === 'string' ? t : '';
}

/** Objects of the JSON-LD values, outermost first; a comment's or a review's subtree is not entered. */
function ldObjects(values: readonly unknown[]): LdObject[] {
  const out: LdObject[] = [];
  for (const v of values) collectLdObjects(v, 0, out);
  return out;
}

/** The keys under which JSON-LD nests the objects of a page. */
const LD_NESTING_KEYS = ['@graph', 'mainEntity', 'mainEntityOfPage', 'itemListElement', 'hasPart'];

/** ldObjects' walk. A function of the module, not a closure made for each page: V8 compiles it once. */
function collectLdObjects(v: unknown, depth: number, out: LdObject[]): void {
  if (depth > 8 || v === null || typeof v !== 'object') return;
  if (Array.isArray(v)) {
    for (const item of v) collectLdObjects(item, depth + 1, out);
    return;
  }
  const o = v as LdObject;
  out.push(o);
  for (const key of LD_NESTING_KEYS) {
    if (o[key] && typeof o[key] === 'object') collectLdObjects(o[key], depth + 1, out);
  }
}

/** Rank of a JSON-LD object as the page's main content: 0 article-like, 1 another main type, 2 untyped, -1 not the page's. */
function ldRank(o: LdObject): number {
  const type = typeOf(o);
  if (!type) return 2;
  if (/article|posting|report|blog|news/i.test(type)) return 0;
  if (LD_OTHER_TYPES.test(type) && !LD_MAIN_TYPES.test(type.replace(LD_OTHER_TYPES, ''))) return -1;
  return LD_MAIN_TYPES.test(type) ? 1 : 2;
}

function mainLd(objects: LdObject[]): LdObject[] {
  return objects
    .map((o, i) => ({ o, i, r: ldRank(o) }))
    .filter((x) => x.r >= 0)
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.o);
}

/** The page's `<meta>` values by name, in page order. */
type MetaIndex = ReadonlyMap<string, string[]>;

function indexMetas(metas: readonly [string, string][]): MetaIndex {
  const index = new Map<string, string[]>();
  for (const [k, v] of metas) {
    const list = index.get(k);
    if (list) list.push(v);
    else index.set(k, [v]);
  }
  return index;
}

function metaValues(metas: MetaIndex, names: readonly string[]): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  for (const name of names) for (const v of metas.get(name) ?? []) if (v.trim()) out.push({ name, value: clean(v) });
  return out;
}

function firstMeta(metas: MetaIndex, names: readonly string[]): { name: string; value: string } | null {
  for (const name of names) for (const v of metas.get(name) ?? []) if (v.trim()) return { name, value: clean(v) };
  return null;
}

function structuredDates(signals: PageSignals, metas: MetaIndex, main: LdObject[], bounds: DateBounds, language: string | null, modified: boolean): Candidate[] {
  const out: Candidate[] = [];
  // A media object's date is the clip's or the photo's: on an article's page, one it embeds,
  // uploaded before the article was written. The page's own meta dates come before it.
  const media: Candidate[] = [];
  for (const o of main) {
    const type = typeOf(o);
    const isMedia = ldRank(o) > 0 && LD_MEDIA_TYPES.test(type);
    for (const prop of modified ? LD_MODIFIED : LD_PUBLISHED) {
      const raw = asText(o[prop]);
      const date = raw && parseMachineDate(raw, bounds, language);
      if (date) (isMedia ? media : out).push({ date, source: `json-ld ${type || 'object'}.${prop}` });
    }
  }
  for (const { name, value } of metaValues(metas, modified ? META_MODIFIED : META_PUBLISHED)) {
    const date = parseMachineDate(value, bounds, language);
    if (date) out.push({ date, source: `meta ${name}` });
  }
  out.push(...media);
  const props = modified ? ['datemodified', 'dateupdated'] : ['datepublished', 'datecreated', 'uploaddate'];
  for (const mark of signals.marks) {
    if (!props.includes(mark.itemprop) || mark.place === 'comments' || mark.place === 'related') continue;
    const date = mark.value ? parseMachineDate(mark.value, bounds, language) : null;
    if (date) out.push({ date, source: `microdata itemprop=${mark.itemprop}` });
  }
  return out;
}

/** The first kept block of the article (its headline, or its first paragraph). */
function articleStart(blocks: readonly Block[]): number {
  for (let i = 0; i < blocks.length; i++) if (blocks[i]!.kept) return i;
  return 0;
}

const isCommentKind = (b: Block | undefined): boolean => b !== undefined && (b.kind === 'comments' || b.kind === 'comment-form');

/** `<time>` elements of the article: not in comments, related stories, navigation or the footer; near its start. */
function timeDates(signals: PageSignals, blocks: readonly Block[], bounds: DateBounds, language: string | null, t: MetadataThresholds): Candidate[] {
  const start = articleStart(blocks);
  const out: (Candidate & { rank: number })[] = [];
  for (const mark of signals.marks) {
    if (!mark.isTime || (mark.place !== null && mark.place !== 'other')) continue;
    if (isCommentKind(blocks[mark.block])) continue;
    const near = mark.block >= start - t.datelineWindow && mark.block <= start + t.datelineWindow;
    if (!near && !mark.published) continue;
    let date = mark.value ? parseMachineDate(mark.value, bounds, language) : null;
    const text = blocks[mark.block]?.text ?? '';
    const byline = text.length <= t.bylineMaxChars && !NOT_PUBLISHED_CONTEXT.test(text);
    if (!date && !mark.value && byline) date = textDates(text, bounds, language)[0]?.date ?? null;
    // The day the reader is shown wins over a `datetime` days away from it (a template's, or
    // the last edit's: <time datetime="2019-07-03…">Publié le 29 juin 2019</time>). A day
    // apart is a time zone's doing.
    if (date && byline) {
      const shown = textDates(text, bounds, language, true);
      if (shown.length === 1 && Math.abs(shown[0]!.date.ordinal - date.ordinal) > 1) date = shown[0]!.date;
    }
    if (!date) continue;
    const rank = (mark.published ? 0 : 2) + (near ? 0 : 1);
    out.push({ date, source: `<time>${mark.published ? ' (published)' : ''} near the article's start`, rank });
  }
  return out.sort((a, b) => a.rank - b.rank);
}

function lastKept(blocks: readonly Block[], start: number): number {
  for (let i = blocks.length - 1; i > start; i--) if (blocks[i]!.kept) return i;
  return start;
}

/**
 * The blocks a dateline is looked for in, nearest the article's start first (the start, the
 * block after it, the one before it, …, `window` each way), then the article's metadata lines
 * further down in page order: a masthead's "Wednesday, 26 February 2020" (the day of the
 * crawl) stands further above the headline than the story's own date.
 */
function* datelineOrder(start: number, last: number, count: number, window: number): Generator<number> {
  for (let d = 0; d <= window; d++) {
    if (start + d < count) yield start + d;
    if (d > 0 && start - d >= 0) yield start - d;
  }
  for (let i = start + window + 1; i <= last + window && i < count; i++) yield i;
}

/**
 * A dateline: a block around the article's start, or a metadata line inside the article, that
 * writes a date near its beginning ("20. November 2019", "Posted on May 3, 2013 by…",
 * "BERLIN (20.11.2019) –"), not a copyright, update or registration line, nor a range.
 */
function datelineDates(blocks: readonly Block[], bounds: DateBounds, language: string | null, t: MetadataThresholds, limit = Infinity, updated = false): Candidate[] {
  const start = articleStart(blocks);
  const last = lastKept(blocks, start);
  const out: Candidate[] = [];
  for (const i of datelineOrder(start, last, blocks.length, t.datelineWindow)) {
    const b = blocks[i]!;
    if (i > start + t.datelineWindow && b.kind !== 'metadata') continue;
    if (isCommentKind(b)) continue;
    const head = b.text.length > t.datelineMaxChars ? b.text.slice(0, t.datelineMaxChars) : b.text;
    const dates = textDates(head, bounds, language, true);
    const found = dates[0];
    if (!found || found.index > (b.text.length > t.datelineMaxChars ? t.datelineLeadOffset : t.datelineMaxOffset)) continue;
    // With `updated`, only the datelines labelled as the last update ("Aktualisiert: 30.12.2016").
    const before = head.slice(0, found.index);
    if (updated ? !UPDATED_LABEL.test(before) || /copyright|©|\(c\)/i.test(before) : NOT_PUBLISHED_CONTEXT.test(before)) continue;
    // Two days in one line are a range or a schedule ("14. - 20. Januar", "vom 24. April bis 2. Oktober"), not a dateline;
    // a second day in brackets after the first is an aside ("Stand: 12.11.2021 (unverändert gültig seit: 05.11.2021)").
    const aside = head.indexOf('(', found.index);
    const other = (d: { date: FoundDate; index: number }) => d.date.day !== found.date.day && !(aside >= 0 && d.index > aside);
    if (dates.some(other) || RANGE_BEFORE.test(head.slice(Math.max(0, found.index - 8), found.index))) continue;
    out.push({ date: found.date, source: `${updated ? 'update line' : 'dateline'} "${b.text.slice(0, 60)}"` });
    if (out.length >= limit) break;
  }
  return out;
}

/** Every written date has a four-digit year (a cheap test before the label's). */
const HAS_YEAR = /(?:19|20)\d\d/;
const LABEL = new RegExp(`(?<![\\p{L}])(?:${PUBLISHED_LABELS.join('|')})(?![\\p{L}])`, 'giu');

/**
 * A date labelled as the publication's, anywhere outside comment threads and lists of other
 * stories: the date nearest after the label, else the one just before it.
 */
function labelledDates(blocks: readonly Block[], bounds: DateBounds, language: string | null, t: MetadataThresholds): Candidate | undefined {
  for (const b of blocks) {
    if (isCommentKind(b) || b.kind === 'related' || b.text.length > t.labelMaxChars || !HAS_YEAR.test(b.text)) continue;
    // Labels, or a byline's opening ("Von Christian am 03.05.2013", "By Jane Doe on May 3, 2013").
    const labels = [...b.text.matchAll(LABEL)];
    const byline = PREFIX.exec(b.text);
    if (byline) labels.push(byline);
    if (!labels.length) continue;
    const dates = textDates(b.text, bounds, language, true);
    for (const label of labels) {
      const end = label.index + label[0].length;
      const after = dates.find((d) => d.index >= end && d.index - end <= t.labelDateAfter && !NOT_PUBLISHED_CONTEXT.test(b.text.slice(end, d.index)));
      const before = [...dates].reverse().find((d) => d.index < label.index && label.index - d.index <= t.labelDateBefore);
      const found = after ?? before;
      if (found) return { date: found.date, source: `labelled date "${b.text.slice(0, 60)}"` };
    }
  }
  return undefined;
}

const RANGE_BEFORE = /\d\s*[.]?\s*[-–—]\s*$|\b(?:bis|to|au|al|until)\s*$/u;

/** `2021-10` or `2021-10-05` → months since year 0. */
function monthIndex(day: string): number {
  return Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
}

function agree(a: FoundDate, b: FoundDate, t: MetadataThresholds): boolean {
  return Math.abs(a.ordinal - b.ordinal) <= t.maxDisagreementDays;
}

/** A date from a meta tag that often holds another day than the publication's (META_WEAK_PUBLISHED). */
function isWeakMeta(c: Candidate): boolean {
  return c.source.startsWith('meta ') && META_WEAK_PUBLISHED.has(c.source.slice(5));
}

function choosePublished(input: MetadataInput, metas: MetaIndex, main: LdObject[], bounds: DateBounds, language: string | null, t: MetadataThresholds, modified: Candidate | null): Candidate | null {
  const { signals, blocks } = input;
  const all = signals ? structuredDates(signals, metas, main, bounds, language, false) : [];
  const structured = all.filter((c) => !isWeakMeta(c));
  const weakMeta = all.filter(isWeakMeta);
  const fromUrl = input.url ? urlDate(input.url, bounds) : { date: null, month: null };
  const best = structured[0];
  // The weaker sources are read only when needed, and the datelines only as far as needed.
  let times: Candidate[] | null = null;
  let weakFound: Candidate[] | null = null;
  const timeMarks = (): Candidate[] => (times ??= signals ? timeDates(signals, blocks, bounds, language, t) : []);
  // The dates a page shows at its top: its <time> elements and its first few datelines.
  const weakDates = (): Candidate[] => (weakFound ??= [...timeMarks(), ...datelineDates(blocks, bounds, language, t, t.shownDates)]);
  const nearWeak = (): Candidate | undefined => (weakFound ?? timeMarks())[0] ?? datelineDates(blocks, bounds, language, t, 1)[0];
  if (best) {
    // The URL's date is written once, by the site, when the page is made: a structured date
    // that contradicts it is a template's (the crawl, the last edit), not the publication's.
    if (fromUrl.date && !agree(fromUrl.date, best.date, t)) {
      const other = structured.find((c) => agree(c.date, fromUrl.date!, t));
      return other ?? { date: fromUrl.date, source: `url path (${best.source} gives ${best.date.day})` };
    }
    if (!fromUrl.date && fromUrl.month && best.date.day.slice(0, 7) !== fromUrl.month) {
      return structured.find((c) => c.date.day.slice(0, 7) === fromUrl.month) ?? null;
    }
    // An article republished or updated shows readers its new date: when the page's dateline
    // (or its update line, "Updated Mar 12, 2020") gives the day of its dateModified and never
    // its datePublished, that is the day it dates itself by.
    const showsModified = (day: string) => weakDates().some((w) => w.date.day === day) || datelineDates(blocks, bounds, language, t, 1, true)[0]?.date.day === day;
    if (modified && modified.date.day !== best.date.day && !fromUrl.date && showsModified(modified.date.day) && !weakDates().some((w) => w.date.day === best.date.day)) {
      return { date: modified.date, source: `${modified.source} (the date the page shows; ${best.source} gives ${best.date.day})` };
    }
    // A timestamp in UTC can fall on the next or the previous day where the page was published;
    // the day the site writes (its URL, its visible dateline) is the local one.
    const utc = /T.*(?:Z|[+-]00:00)$/.test(best.date.iso);
    const local = fromUrl.date ? { date: fromUrl.date, source: 'url path' } : utc ? nearWeak() : undefined;
    if (local && local.date.day !== best.date.day && Math.abs(local.date.ordinal - best.date.ordinal) <= 1 && /T.*(?:Z|[+-]00:00)$/.test(best.date.iso)) {
      return { date: local.date, source: `${local.source} (${best.source} gives ${best.date.iso}, in UTC)` };
    }
    return best;
  }
  if (fromUrl.date) return { date: fromUrl.date, source: 'url path' };
  // Only the first weak date is wanted here: the datelines are read until one is found.
  const first = nearWeak() ?? labelledDates(blocks, bounds, language, t) ?? weakMeta[0] ?? datelineDates(blocks, bounds, language, t, 1, true)[0];
  if (!first) return null;
  // A URL's year and month (/2021/10/) may name the month a draft was made: a visible date a
  // month later is still this page's; one further away is another page's (a teaser, an event).
  if (fromUrl.month && Math.abs(monthIndex(first.date.day) - monthIndex(fromUrl.month)) > 1) return null;
  return first;
}

function chooseModified(input: MetadataInput, metas: MetaIndex, main: LdObject[], bounds: DateBounds, language: string | null): Candidate | null {
  return input.signals ? structuredDates(input.signals, metas, main, bounds, language, true)[0] ?? null : null;
}

const PREFIX = new RegExp(`^(?:${[...BYLINE_PREFIXES].sort((a, b) => b.length - a.length).join('|')})\\s*[:\\-–]?\\s+`, 'iu');
const JOINERS = new RegExp(`\\s*(?:,|;|\\s(?:${NAME_JOINERS.filter((j) => j !== '&').join('|')})\\s|&|\\||/)\\s*`, 'iu');
const NOT_NAME_SET = new Set(NOT_A_NAME);

/** "By Jane Doe and John Smith, staff writers" → ["Jane Doe", "John Smith"]. */
export function splitNames(raw: string, t: MetadataThresholds): string[] {
  const names: string[] = [];
  const text = clean(raw).replace(PREFIX, '').replace(/\s+(?:on|am|le|el|il|op|в)\s+.*$/iu, '');
  for (const part of text.split(JOINERS)) {
    const name = part.replace(PREFIX, '').replace(/^[@\s]+|[\s.,:;|–-]+$/gu, '').trim();
    if (!name || name.length > 60 || /\d|https?:|www\.|@/.test(name)) continue;
    const words = name.split(/\s+/);
    if (words.length > 5 || words.some((w) => NOT_NAME_SET.has(w.toLowerCase()))) continue;
    if (!/^\p{Lu}/u.test(name)) continue;
    if (!names.includes(name)) names.push(name);
    if (names.length >= t.maxAuthors) break;
  }
  return names;
}

function ldAuthors(main: LdObject[], t: MetadataThresholds): { names: string[]; source: string } | null {
  for (const o of main) {
    const author = o.author ?? o.creator;
    if (!author) continue;
    const list = Array.isArray(author) ? author : [author];
    const names = list.flatMap((a) => {
      const text = asText(typeof a === 'object' && a !== null ? (a as LdObject).name ?? null : a);
      return text && !/^https?:/.test(text) ? splitNames(text, t) : [];
    });
    if (names.length) return { names: names.slice(0, t.maxAuthors), source: `json-ld ${typeOf(o) || 'object'}.author` };
  }
  return null;
}

function bylineAuthors(blocks: readonly Block[], t: MetadataThresholds): { names: string[]; source: string } | null {
  const start = articleStart(blocks);
  for (let i = Math.max(0, start - t.datelineWindow); i < Math.min(blocks.length, start + t.datelineWindow); i++) {
    const b = blocks[i]!;
    if (isCommentKind(b) || b.text.length > t.bylineMaxChars || !PREFIX.test(b.text)) continue;
    const names = splitNames(b.text, t);
    if (names.length) return { names, source: `byline "${b.text.slice(0, 60)}"` };
  }
  return null;
}

function resolveUrl(value: string, base: string | undefined): string {
  if (/^https?:\/\/[^\s]*$/i.test(value)) return value; // absolute already (URL parsing is not free)
  try {
    return new URL(value, base).href;
  } catch {
    return value;
  }
}

function splitList(values: string[]): string[] {
  const out = new Set<string>();
  for (const v of values) for (const part of v.split(/\s*[,;]\s*/)) if (part) out.add(part);
  return [...out];
}

export function extractMetadata(input: MetadataInput, t: MetadataThresholds, now = Date.now()): PageMetadata {
  const bounds = dateBounds(t.minYear, t.maxFutureDays, now);
  const sources: Partial<Record<MetadataField, string>> = {};
  const signals = input.signals;
  const main = signals ? mainLd(ldObjects(signals.ld)) : [];
  const metas = indexMetas(signals?.metas ?? []);
  const set = <T>(field: MetadataField, value: T, source: string | undefined): T => {
    if (source && value !== null && !(Array.isArray(value) && value.length === 0)) sources[field] = source;
    return value;
  };

  // The language numeric dates are read in, once for both dates.
  const language = dateLanguage(input.language, input.declaredLanguage);
  const modified = chooseModified(input, metas, main, bounds, language);
  const published = choosePublished(input, metas, main, bounds, language, t, modified);

  const authorsFrom = ldAuthors(main, t) ?? (() => {
    const metaAuthors = metaValues(metas, META_AUTHOR).filter((m) => !/^https?:/.test(m.value));
    const names = splitNames(metaAuthors.map((m) => m.value).join(', '), t);
    return names.length ? { names, source: `meta ${metaAuthors[0]!.name}` } : null;
  })() ?? bylineAuthors(input.blocks, t);

  const ldField = (prop: string, pick: (v: unknown) => string | null = asText): { value: string; source: string } | null => {
    for (const o of main) {
      const value = pick(o[prop]);
      if (value) return { value, source: `json-ld ${typeOf(o) || 'object'}.${prop}` };
    }
    return null;
  };
  const publisherName = (() => {
    for (const o of main) {
      const p = o.publisher as LdObject | undefined;
      const name = p && typeof p === 'object' ? asText(p.name) : null;
      if (name) return { value: name, source: `json-ld ${typeOf(o) || 'object'}.publisher.name` };
    }
    return null;
  })();
  const site = firstMeta(metas, META_SITE);
  const siteName = site ? { value: site.value, source: `meta ${site.name}` } : publisherName;

  const canonical = signals?.canonical
    ? { value: resolveUrl(clean(signals.canonical), input.url), source: 'link rel=canonical' }
    : (() => {
        const m = firstMeta(metas, META_URL);
        return m ? { value: resolveUrl(m.value, input.url), source: `meta ${m.name}` } : null;
      })();
  const description = (() => {
    const m = firstMeta(metas, META_DESCRIPTION);
    return m ? { value: m.value, source: `meta ${m.name}` } : ldField('description');
  })();
  const image = (() => {
    const m = firstMeta(metas, META_IMAGE);
    return m ? { value: resolveUrl(m.value, input.url), source: `meta ${m.name}` } : ldField('image');
  })();
  const tagMetas = metaValues(metas, META_TAGS);
  const ldKeywords = ldField('keywords', (v) => (Array.isArray(v) ? v.filter((x) => typeof x === 'string').join(', ') : asText(v)));
  const tags = tagMetas.length ? splitList(tagMetas.filter((m) => m.name === tagMetas[0]!.name).map((m) => m.value)) : ldKeywords ? splitList([ldKeywords.value]) : [];
  const catMetas = metaValues(metas, META_CATEGORIES);
  const ldSection = ldField('articleSection', (v) => (Array.isArray(v) ? v.filter((x) => typeof x === 'string').join(', ') : asText(v)));
  const categories = catMetas.length ? splitList(catMetas.filter((m) => m.name === catMetas[0]!.name).map((m) => m.value)) : ldSection ? splitList([ldSection.value]) : [];
  const ldType = main.length && typeOf(main[0]!) ? { value: typeOf(main[0]!), source: 'json-ld @type' } : null;
  const ogType = firstMeta(metas, META_TYPE);
  const type = ldType ?? (ogType ? { value: ogType.value, source: `meta ${ogType.name}` } : null);

  return {
    published: set('published', published?.date.iso ?? null, published?.source),
    modified: set('modified', modified?.date.iso ?? null, modified?.source),
    authors: set('authors', authorsFrom?.names ?? [], authorsFrom?.source),
    siteName: set('siteName', siteName?.value ?? null, siteName?.source),
    canonicalUrl: set('canonicalUrl', canonical?.value ?? null, canonical?.source),
    description: set('description', description?.value ?? null, description?.source),
    image: set('image', image?.value ?? null, image?.source),
    tags: set('tags', tags, tagMetas.length ? `meta ${tagMetas[0]!.name}` : ldKeywords?.source),
    categories: set('categories', categories, catMetas.length ? `meta ${catMetas[0]!.name}` : ldSection?.source),
    type: set('type', type?.value ?? null, type?.source),
    sources,
  };
}
