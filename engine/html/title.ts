/** Title: the page's own headline, agreed between `<h1>`, og:title, JSON-LD and `<title>`. */
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
