/**
 * A page of records in plain text: a directory's entries, a catalogue's items, a list of courses.
 * Each record is a few short lines that recur record after record under the same labels
 * ("Telephone:", "Fee:", the same town), with perhaps a paragraph of its own. Such a paragraph can
 * win the main run; when records sit close together above it and below it, the run is one
 * record (or a few) among many and the page is the list: every record is kept whole, short
 * lines too.
 * An article with a list beside it is not touched: its paragraphs, one after another, break
 * any chain of fields, so the records never close around it.
 */
import type { TextThresholds } from '../config/text';
import { DATE_LINE_MAX_CHARS, isDateLine } from '../config/dates';
import type { BlockKind } from '../types';
import type { JudgedLine, Run } from './classify';

/** Phrases that sign a post or open a thread. */
const THREAD_KINDS: ReadonlySet<BlockKind> = new Set(['metadata', 'author', 'comments', 'comment-form']);

/** "Telephone: (925) 846-7768" → "telephone"; a label is a few words before a colon. */
const LABEL = /^(\p{L}[\p{L}\p{M} .'&/-]*?)\s*:/u;

/** Whether a line may open with a label: a colon within the label's reach (cheap, before the pattern). */
function mayHaveLabel(text: string, t: TextThresholds): boolean {
  const colon = text.indexOf(':');
  return colon > 0 && colon <= t.recordLabelMaxChars + 1;
}

/** Whether a line can be a field at all (cheap): short, or opening with a label. */
function mayBeField(l: JudgedLine, t: TextThresholds): boolean {
  return !l.phrase && (l.line.text.length <= t.recordLineMaxChars || mayHaveLabel(l.line.text, t));
}

/** Every date line has a digit (isDateLine); most short lines have none and skip its patterns. */
function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** What makes two lines the same field of two records: their label, or the whole short line. */
function fieldKey(l: JudgedLine, t: TextThresholds): string | null {
  if (!mayBeField(l, t)) return null;
  const text = l.line.text;
  // Each record's own date ("Wednesday 11 May 2005") is the same field.
  if (text.length <= DATE_LINE_MAX_CHARS && hasDigit(text) && isDateLine(text)) return 'date';
  const label = mayHaveLabel(text, t) ? LABEL.exec(text) : null;
  if (label && label[1]!.length <= t.recordLabelMaxChars) return `label:${label[1]!.toLowerCase()}`;
  if (text.length <= t.recordLineMaxChars && !l.f.sentenceEnd) return `line:${text.toLowerCase()}`;
  return null;
}

/**
 * Whether a chain of fields could reach across the run (cheap, before any key is made): no
 * more than `recordMaxGap` lines in a row inside it that cannot be fields. An article's
 * paragraphs, one after another, end it here.
 */
function mayCross(lines: readonly JudgedLine[], run: Run, t: TextThresholds): boolean {
  let since = 0;
  for (let i = run.start; i <= run.end; i++) {
    if (mayBeField(lines[i]!, t)) since = 0;
    else if (++since >= t.recordMaxGap) return false;
  }
  return true;
}

/**
 * The lines that are fields of records, in order: a key's occurrences count where at least
 * `recordMinRepeats` of them follow one another at most twice `recordMaxGap` lines apart (a
 * menu entry given again in the footer, far below, is no field) with another field between
 * each and the next (a record holds each field once: a section's name in the title, the menu
 * and a heading just below is no field).
 */
function recurringFields(keys: readonly (string | null)[], t: TextThresholds): number[] {
  const at = new Map<string, number[]>();
  keys.forEach((k, i) => {
    if (k) at.get(k)?.push(i) ?? at.set(k, [i]);
  });
  const groups: number[][] = [];
  for (const positions of at.values()) {
    for (let a = 0; a < positions.length; ) {
      let b = a;
      while (b + 1 < positions.length && positions[b + 1]! - positions[b]! <= 2 * t.recordMaxGap) b++;
      if (b - a + 1 >= t.recordMinRepeats) groups.push(positions.slice(a, b + 1));
      a = b + 1;
    }
  }
  const candidates = groups.flat().sort((x, y) => x - y);
  /** Whether a candidate field of another key lies strictly between lines a and b. */
  const otherBetween = (a: number, b: number): boolean => {
    let lo = 0;
    let hi = candidates.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (candidates[mid]! <= a) lo = mid + 1;
      else hi = mid;
    }
    return lo < candidates.length && candidates[lo]! < b && keys[candidates[lo]!] !== keys[a];
  };
  // Occurrences with no other field between them split a group; what remains long enough counts.
  const fields: number[] = [];
  for (const group of groups) {
    for (let a = 0; a < group.length; ) {
      let b = a;
      while (b + 1 < group.length && otherBetween(group[b]!, group[b + 1]!)) b++;
      if (b - a + 1 >= t.recordMinRepeats) fields.push(...group.slice(a, b + 1));
      a = b + 1;
    }
  }
  return fields.sort((x, y) => x - y);
}

export interface RecordList {
  start: number;
  end: number;
  /** Lines that recur as a record's field. */
  fields: number;
  /** One of the recurring fields is a label ("Telephone:"), not only dates and repeated lines. */
  labelled: boolean;
}

/**
 * The records around the run, or null: lines whose field recurs on the page (at least
 * `recordMinRepeats` times) chained while no more than `recordMaxGap` lines apart, with one
 * field recurring both above and below the run; widened by one record's gap at each end (a
 * record's name line stands above its first field).
 */
export function recordsAround(lines: readonly JudgedLine[], run: Run, t: TextThresholds): RecordList | null {
  // A record's paragraph is a blurb: a run holding a longer one is an article.
  for (let i = run.start; i <= run.end; i++) if (lines[i]!.f.chars > t.recordMaxParagraphChars) return null;
  if (!mayCross(lines, run, t)) return null;
  const { keys, chains } = fieldChains(lines, t);
  for (const chain of chains) {
    if (chain[0]! < run.start && chain[chain.length - 1]! > run.end) return records(lines, keys, chain, run, t);
  }
  return null;
}

/** Whether a page has labelled lines enough for labelled records (cheap: no key is made). */
export function mayHoldLabelledRecords(lines: readonly JudgedLine[], t: TextThresholds): boolean {
  let labels = 0;
  for (const l of lines) if (!l.phrase && mayHaveLabel(l.line.text, t) && ++labels >= t.recordMinRepeats) return true;
  return false;
}

/** The list of records with the most fields on a page (one with no article), or null. */
export function recordsOnPage(lines: readonly JudgedLine[], t: TextThresholds): RecordList | null {
  let best: RecordList | null = null;
  const { keys, chains } = fieldChains(lines, t);
  for (const chain of chains) {
    const list = records(lines, keys, chain, null, t);
    if (list && (!best || list.fields > best.fields)) best = list;
  }
  return best;
}

/**
 * Each line's field key, and the chains of field lines no more than `recordMaxGap` apart, each
 * beginning and ending with a recurring field.
 */
function fieldChains(lines: readonly JudgedLine[], t: TextThresholds): { keys: (string | null)[]; chains: number[][] } {
  const keys = lines.map((l) => fieldKey(l, t));
  // A record's own labelled lines ("Studio Hours:") link its fields too, across a list it holds.
  const recurring = new Set(recurringFields(keys, t));
  const fields = keys.flatMap((k, i) => (recurring.has(i) || k?.startsWith('label:') ? [i] : []));
  const out: number[][] = [];
  for (let a = 0; a < fields.length; ) {
    let b = a;
    while (b + 1 < fields.length && fields[b + 1]! - fields[b]! <= t.recordMaxGap) b++;
    // The records begin and end with recurring fields; a lone label only links them.
    let first = a;
    let last = b;
    while (first < last && !recurring.has(fields[first]!)) first++;
    while (last > first && !recurring.has(fields[last]!)) last--;
    if (recurring.has(fields[first]!)) out.push(fields.slice(first, last + 1));
    a = b + 1;
  }
  return { keys, chains: out };
}

/** The chain as a list of records, or null when it is none (see the guards). */
function records(lines: readonly JudgedLine[], keys: readonly (string | null)[], chain: number[], run: Run | null, t: TextThresholds): RecordList | null {
  const inChain = new Map<string, number>();
  for (const i of chain) inChain.set(keys[i]!, (inChain.get(keys[i]!) ?? 0) + 1);
  // At least `recordMinRepeats` records: one field recurs that often within the chain, and
  // above the run as well as below it (a site's menu, given again in its footer, does not).
  if (run) {
    const above = new Set(chain.filter((i) => i < run.start).map((i) => keys[i]!));
    const repeated = chain.filter((i) => i > run.end && above.has(keys[i]!) && inChain.get(keys[i]!)! >= t.recordMinRepeats);
    if (repeated.length === 0) return null;
  }
  // And records have several fields, two of them at least recurring that often, and carry data:
  // a label ("Fee:") or a date among them (the same bar of links after every item is no record).
  const repeating = chain.filter((i) => inChain.get(keys[i]!)! >= t.recordMinRepeats);
  if (new Set(repeating.map((i) => keys[i])).size < 2) return null;
  const labelled = repeating.some((i) => keys[i]!.startsWith('label:'));
  if (!labelled && !repeating.some((i) => keys[i] === 'date')) return null;
  // Posts signed one by one ("Posted: <date>", "By Ann on …") are a thread, not a list.
  let signed = 0;
  for (let i = chain[0]!; i <= chain[chain.length - 1]!; i++) if (lines[i]!.phrase && THREAD_KINDS.has(lines[i]!.phrase!.kind)) signed++;
  if (signed >= t.recordMinRepeats) return null;
  // One record's gap: the lines between the last field of a record and the first of the next,
  // measured at the chain's first field's next occurrence.
  const key = keys[chain[0]!]!;
  const next = chain.find((i) => i > chain[0]! && keys[i] === key);
  let gap = 0;
  if (next !== undefined) {
    const before = chain.filter((i) => i < next).pop()!;
    gap = before === chain[0] ? 0 : next - before - 1;
  }
  let start = chain[0]!;
  for (let k = 0; k < gap && start > 0 && !lines[start - 1]!.phrase && !lines[start - 1]!.wall; k++) start--;
  let end = chain[chain.length - 1]!;
  for (let k = 0; k < gap && end + 1 < lines.length && !lines[end + 1]!.phrase && !lines[end + 1]!.wall; k++) end++;
  return { start, end, fields: chain.length, labelled };
}
