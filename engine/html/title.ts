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

/**
 * The article's headline when the title chosen from the page's metadata is not shown on it (no
 * heading reads as it): a site's name in `<title>` ("TimesLeader.com", "Latest News"), or no
 * title at all. It is the last kept h1–h4 heading above the article's first paragraph, with
 * `minWords` words at least and no date or time in it (a dateline set as a heading). Returns
 * the block's index, or -1.
 */
/** A block is the title, or a heading that reads as it. A loop, not a callback made at each call. */
function showsTitle(blocks: readonly Block[], title: string): boolean {
  for (const b of blocks) if ((b.kept && b.kind === 'title') || (b.role === 'heading' && similar(b.text, title))) return true;
  return false;
}

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
    headline = HEADLINE_TAGS.test(b.tag ?? '') ? i : -1;
  }
  if (headline < 0) return -1;
  const text = blocks[headline]!.text;
  return text.split(/\s+/).length >= minWords && !hasDate(text) ? headline : -1;
}
