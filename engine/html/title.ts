/** Title: the page's own headline, agreed between `<h1>`, og:title, JSON-LD and `<title>`. */
import { hasDate } from '../config/dates';
import type { Block } from '../types';
import type { PageMeta } from './metadata';

/** Letters and digits only, lower-cased: how two titles are compared. */
export function titleKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

const SITE_SEPARATORS = /\s+[|–—·•:»-]\s+|\s+::\s+/;

/** `<title>` usually carries the site name: keep its longest part. */
function stripSiteName(title: string): string {
  const parts = title.split(SITE_SEPARATORS).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) return title.trim();
  return parts.reduce((a, b) => (b.length > a.length ? b : a));
}

function similar(a: string, b: string): boolean {
  const ka = titleKey(a);
  const kb = titleKey(b);
  if (!ka || !kb) return false;
  return ka === kb || (ka.length >= 10 && kb.includes(ka)) || (kb.length >= 10 && ka.includes(kb));
}

export function chooseTitle(meta: PageMeta): string | null {
  const references = [meta.ogTitle, meta.jsonLd.find((a) => a.headline)?.headline ?? null, meta.title].filter(
    (v): v is string => Boolean(v),
  );
  for (const h1 of meta.h1) {
    if (references.some((ref) => similar(h1, ref))) return h1;
  }
  if (meta.ogTitle) return meta.ogTitle;
  const headline = references[1];
  if (headline && headline !== meta.title) return headline;
  if (meta.title) return stripSiteName(meta.title);
  return meta.h1[0] ?? null;
}

const HEADLINE_TAGS = /^h[1-4]$/;

/** A block is the title, or a heading that reads as it. A loop, not a callback made at each call. */
function showsTitle(blocks: readonly Block[], title: string): boolean {
  for (const b of blocks) if ((b.kept && b.kind === 'title') || (b.role === 'heading' && similar(b.text, title))) return true;
  return false;
}

/**
 * An h1–h4 heading that can be a story's headline: `minWords` words at least (a section label,
 * "Fazit", has fewer) and no date or time in it (a dateline set as a heading).
 */
function isHeadlineHeading(b: Block, minWords: number): boolean {
  return b.role === 'heading' && HEADLINE_TAGS.test(b.tag ?? '') && b.text.split(/\s+/).length >= minWords && !hasDate(b.text);
}

/**
 * The article's headline when the title chosen from the page's metadata is not shown on it (no
 * heading reads as it): a site's name in `<title>` ("TimesLeader.com", "Latest News"), or no
 * title at all. It is the last kept heading above the article's first paragraph, when that one
 * is an h1–h4 that can be a headline (isHeadlineHeading). Returns the block's index, or -1.
 */
export function headlineAboveBody(blocks: readonly Block[], title: string | null, minWords: number): number {
  // A title the page shows as a heading, kept or not (an h1 outside the article's element), is its headline.
  if (title !== null && showsTitle(blocks, title)) return -1;
  let headline = -1;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (!b.kept) continue;
    if (b.role !== 'heading') {
      if (b.kind === 'body') break;
      continue;
    }
    headline = i;
  }
  return headline >= 0 && isHeadlineHeading(blocks[headline]!, minWords) ? headline : -1;
}

/** A heading that reads as the title but holds less than this share of its letters is the site's name in it. */
const HEADLINE_MIN_TITLE_SHARE = 0.5;

/**
 * The page's headline when it stands above the article's element and was left out with the
 * rest of the page around it (the article's element begins below the headline: a table row, a
 * story `div` under an `<h1>`). Only when no kept block is the title yet. It is
 * - the nearest heading above the article's first paragraph that reads as the title (the
 *   `<title>` says it with the site's name: "Adnkronos international Algeria: …"), when it holds
 *   at least half the title's letters (a blog's name in its header reads as part of the title
 *   too) and no date; `retitle` when the title then reads better as the heading's words; or a
 *   line among the `lookBack` blocks with text above it (a table row, a paragraph) that says
 *   the title word for word (among `titleLineLookBack` blocks: a byline, a date, a photo and
 *   its caption may stand between);
 * - else, when the page shows its title nowhere (the site's name in `<title>`, "Reuters.com"),
 *   the h1–h4 heading among the `lookBack` blocks with text just above the article's first
 *   paragraph, with `minWords` words, no date and few links, as headlineAboveBody asks of a kept
 *   one, and not the site's name that `pageTitle` (the `<title>` as written) carries.
 * Returns the block's index (-1 for none) and why.
 */
export function headlineAboveArticle(
  blocks: readonly Block[],
  title: string | null,
  pageTitle: string | null,
  minWords: number,
  lookBack: number,
  titleLineLookBack: number,
): { index: number; retitle: boolean; reason: string } {
  const none = { index: -1, retitle: false, reason: '' };
  let firstBody = -1;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (!b.kept) continue;
    if (b.kind === 'title') return none;
    if (firstBody < 0) firstBody = i;
  }
  if (firstBody < 0) return none;
  const key = title === null ? '' : titleKey(title);
  if (key) {
    for (let i = firstBody - 1, seen = 0; i >= 0; i--) {
      const b = blocks[i]!;
      if (b.text.trim()) seen++;
      // Set as a table row or a paragraph, not a heading, it must stand close and say the title
      // word for word, or the part of it left when the site's name is taken off (at least half
      // of it, no date): never more than the title (a breadcrumb ending with it).
      if (b.role !== 'heading') {
        if (b.kind === 'boilerplate' && seen <= titleLineLookBack) {
          const own = titleKey(b.text);
          if (own === key) return { index: i, retitle: false, reason: 'says the page title, just above the article' };
          if (seen <= lookBack && own.length >= HEADLINE_MIN_TITLE_SHARE * key.length && key.includes(own) && !hasDate(b.text)) return { index: i, retitle: true, reason: 'says most of the page title, just above the article' };
        }
        continue;
      }
      if (!similar(b.text, title!)) continue;
      const own = titleKey(b.text);
      if (own.length < HEADLINE_MIN_TITLE_SHARE * key.length || hasDate(b.text)) continue;
      return { index: i, retitle: own !== key, reason: 'reads as the page title, just above the article' };
    }
    if (showsTitle(blocks, title!)) return none;
  }
  for (let i = firstBody - 1, seen = 0; i >= 0 && seen < lookBack; i--) {
    const b = blocks[i]!;
    if (!b.text.trim()) continue;
    seen++;
    if (b.role !== 'heading') continue;
    // A heading that `<title>` carries beside its headline is the site's name ("… - Real Time Farming").
    const siteName = pageTitle !== null && similar(b.text, pageTitle);
    const headline = b.kind === 'boilerplate' && !siteName && isHeadlineHeading(b, minWords);
    return headline ? { index: i, retitle: true, reason: "the page's headline, just above the article (the page shows its title nowhere)" } : none;
  }
  return none;
}
