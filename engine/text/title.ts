/**
 * Title of a plain-text page. Scraped page text usually starts with the document title
 * (`<title>`: headline plus site name), and repeats the headline (`<h1>`) just above the
 * article. The headline is the line near the body whose words are (almost) all in that first
 * line, the longest such; without one, the first line minus its site-name part is the title.
 */
import type { TextThresholds } from '../config/text';
import type { JudgedLine } from './classify';
import { words } from './language';

export interface TitleChoice {
  title: string | null;
  /** Index of the line that carries the title (kind `title`), if any. */
  line: number | null;
  /** Other lines repeating the title (the first line, copies in the body). */
  duplicates: number[];
  reason: string;
}

/** Separators between a headline and a site name in a document title. */
const SITE_SEPARATOR_RE = /\s+(?:[|–—»:]{1,2}|-{1,2})\s+/u;

/** The longest part of a document title split at its separators ("Headline - Site" → "Headline"). */
export function stripSiteName(docTitle: string): string {
  const parts = docTitle.split(SITE_SEPARATOR_RE).filter((p) => p.trim());
  if (parts.length < 2) return docTitle.trim();
  // Keep the headline when a separator is part of it: rejoin all but a trailing short part.
  let best = parts[0]!;
  for (const p of parts) if (p.length > best.length) best = p;
  return best.trim();
}

function norm(text: string): string {
  return words(text).join(' ');
}

export function findTitle(
  lines: readonly JudgedLine[],
  runStart: number | null,
  t: TextThresholds,
): TitleChoice {
  const none: TitleChoice = { title: null, line: null, duplicates: [], reason: 'no title-like line' };
  if (lines.length === 0) return none;
  const first = lines[0]!;
  const firstWords = new Set(words(first.line.text));
  const firstUsable = first.f.chars <= t.titleMaxChars && first.cls !== 'good' && !first.phrase;
  const body = runStart ?? lines.length;
  const from = Math.max(1, body - t.titleSearchLines);
  const to = Math.min(lines.length - 1, body + 1);

  let bestIdx = -1;
  let bestWords = 0;
  if (firstUsable && firstWords.size > 0) {
    for (let i = from; i <= to; i++) {
      const l = lines[i]!;
      if (l.f.chars > t.titleMaxChars || l.phrase || l.cls === 'good') continue;
      const ws = words(l.line.text);
      if (ws.length < 2) continue;
      let hit = 0;
      for (const w of ws) if (firstWords.has(w)) hit += 1;
      if (hit / ws.length < t.titleMinOverlap) continue;
      if (ws.length >= bestWords) {
        bestWords = ws.length;
        bestIdx = i;
      }
    }
  }

  let title: string;
  let line: number | null;
  let reason: string;
  if (bestIdx >= 0) {
    title = lines[bestIdx]!.line.text;
    line = bestIdx;
    reason = `headline: its words are in the document title (first line)`;
  } else if (firstUsable) {
    title = stripSiteName(first.line.text);
    line = 0;
    reason = 'first line of the page (document title), site name stripped';
  } else {
    return none;
  }
  const key = norm(title);
  const duplicates: number[] = [];
  if (line !== 0 && firstUsable) duplicates.push(0);
  // Copies of the headline right at the start of the body.
  for (let i = Math.max(1, body - 1); i <= Math.min(lines.length - 1, body + 2); i++) {
    if (i !== line && norm(lines[i]!.line.text) === key) duplicates.push(i);
  }
  return { title, line, duplicates, reason };
}
