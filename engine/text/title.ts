/**
 * Title of a plain-text page. Scraped page text usually starts with the document title
 * (`<title>`: headline plus site name), and repeats the headline (`<h1>`) just above the
 * article. The headline is a later line whose words are (almost) all in that first line and
 * that covers most of the first line's headline part; it also anchors the search for the
 * body, which starts after it. Without one, the first line minus its site name is the title.
 */
import type { TextThresholds } from '../config/text';
import { toolsNamed, type JudgedLine } from './classify';
import { words } from './language';

export interface TitleChoice {
  title: string | null;
  /** Index of the line that carries the title (kind `title`), if any. */
  line: number | null;
  /** True when `line` is a repeated headline below the first line (an anchor for the body). */
  anchored: boolean;
  /**
   * False for a first line that nothing below repeats: the page's document title at best, often
   * the site's name or a menu's first entry. It stays in `title` and out of the text, as a
   * `<title>` the page does not show does in the HTML path.
   */
  shown: boolean;
  reason: string;
}

/** Separators between a headline and a site name in a document title. */
const SITE_SEPARATOR_RE = /\s+(?:[|–—»:·•]{1,2}|-{1,2})\s+/u;

/** The longest part of a document title split at its separators ("Headline - Site" → "Headline"). */
export function stripSiteName(docTitle: string): string {
  const parts = docTitle.split(SITE_SEPARATOR_RE).filter((p) => p.trim());
  if (parts.length < 2) return docTitle.trim();
  let best = parts[0]!;
  for (const p of parts) if (p.length > best.length) best = p;
  return best.trim();
}

/** Could this line be a headline at all? */
export function titleLike(l: JudgedLine, t: TextThresholds): boolean {
  return l.f.chars <= t.titleMaxChars && !l.phrase && l.f.words > 0 && l.f.linkShare === 0;
}

export const NO_TITLE: TitleChoice = { title: null, line: null, anchored: false, shown: false, reason: 'no title-like line' };

/** Finds the title from the page's first line and its repeat below. */
export function findTitle(lines: readonly JudgedLine[], t: TextThresholds): TitleChoice {
  const none = NO_TITLE;
  if (lines.length === 0) return none;
  const first = lines[0]!;
  if (!titleLike(first, t) || first.f.sentenceMarks > 1) return none;
  const firstWords = new Set(words(first.line.text));
  const headWords = new Set(words(stripSiteName(first.line.text)));

  let bestIdx = -1;
  let bestHits = 0;
  let bestFollowed = false;
  const limit = Math.min(lines.length, t.titleSearchLines * 10);
  for (let i = 1; i < limit; i++) {
    const l = lines[i]!;
    if (!titleLike(l, t)) continue;
    const ws = words(l.line.text);
    if (ws.length < 2) continue;
    let hit = 0;
    let headHit = 0;
    for (const w of ws) {
      if (firstWords.has(w)) hit += 1;
      if (headWords.has(w)) headHit += 1;
    }
    if (hit / ws.length < t.titleMinOverlap || headHit / headWords.size < t.titleMinCover) continue;
    // Prefer the copy that is followed by prose (the article), then the most words.
    let followed = false;
    for (let j = i + 1; j < Math.min(lines.length, i + t.titleFollowLines + 1); j++) {
      if (lines[j]!.cls === 'good') {
        followed = true;
        break;
      }
    }
    if (bestIdx < 0 || (followed && !bestFollowed) || (followed === bestFollowed && headHit > bestHits)) {
      bestIdx = i;
      bestHits = headHit;
      bestFollowed = followed;
    }
  }
  if (bestIdx >= 0) {
    return {
      title: lines[bestIdx]!.line.text,
      line: bestIdx,
      anchored: true,
      shown: true,
      reason: 'headline: repeats the document title (first line) without the site name',
    };
  }
  if (first.cls === 'good') return none;
  return {
    title: stripSiteName(first.line.text),
    line: 0,
    anchored: false,
    shown: false,
    reason: 'first line of the page (document title), site name stripped',
  };
}

/** Lines near `around` whose words equal the title's (repeated headlines), plus line 0 when the title is elsewhere. */
export function titleDuplicates(lines: readonly JudgedLine[], title: TitleChoice, around: number, span: number): number[] {
  if (title.title === null) return [];
  const key = words(title.title).join(' ');
  const out: number[] = [];
  if (title.line !== 0) out.push(0);
  for (let i = Math.max(1, around - span); i <= Math.min(lines.length - 1, around + span); i++) {
    if (i !== title.line && words(lines[i]!.line.text).join(' ') === key) out.push(i);
  }
  return out;
}

/** Tokens made only of digits (dates, times, counts). */
const NUMERIC_TOKEN = /^\p{N}+$/u;

/** A bar, or a breadcrumb trail's arrow between words: a line of navigation, never a headline. */
const NOT_A_HEADLINE = /\||\s[>»]\s/u;

/**
 * Without a document title to repeat (page text that starts at the body), the headline is
 * the line just above the article: the nearest of the `headlineLookBack` lines before the
 * body that reads as one (title-like, at least `headlineMinWords` words, no full stop, not
 * mostly numbers as a dateline is).
 */
export function headlineBefore(lines: readonly JudgedLine[], bodyStart: number, t: TextThresholds): TitleChoice | null {
  for (let i = bodyStart - 1; i >= Math.max(0, bodyStart - t.headlineLookBack); i--) {
    const l = lines[i]!;
    if (!titleLike(l, t) || l.wall) continue;
    const ws = words(l.line.text);
    if (ws.length < t.headlineMinWords || /[.;,]\s*$/.test(l.line.text)) continue;
    if (ws.filter((w) => NUMERIC_TOKEN.test(w)).length * 3 >= ws.length) continue;
    // "E-mail Article Print-Friendly" names page tools; a line with a bar ("Story Tools: E-MAIL |
    // PRINT", "US World News | Home", "| Reprints | Single Page |") or a trail's arrow ("Home >
    // Tourist Guide > Money") is navigation. Neither is a headline.
    if (toolsNamed(l.line.text) >= t.toolBarMinTools || NOT_A_HEADLINE.test(l.line.text)) continue;
    return { title: l.line.text, line: i, anchored: false, shown: true, reason: 'headline: the title-like line just above the body' };
  }
  return null;
}
