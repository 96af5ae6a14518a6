/**
 * What the HTML path's single pass over the page collects for the metadata stage: `<meta>`
 * pairs, parsed JSON-LD, `<time>` elements and microdata `itemprop` values, the canonical link.
 * Gathered by segment.ts as it walks the page (no second parse); read by engine/metadata.
 */

/** Where on the page an element stood: the kind of the boilerplate region around it, if any. */
export type PlaceKind = 'comments' | 'related' | 'navigation' | 'footer' | 'other' | null;

export interface DateMark {
  /** `datetime` or `content` attribute, as written (null: the element's text is in `block`). */
  value: string | null;
  /** Index of the next block flushed when the element opened (its text, when it has no attribute). */
  block: number;
  /** The boilerplate region the element sits in (comments, related…), null in plain content. */
  place: PlaceKind;
  /** `itemprop` of the element, lower-cased ('' when none). */
  itemprop: string;
  /** The element's class names hint at a publication date (published, entry-date, pubdate…). */
  published: boolean;
  /** `<time>` (true) or another element carrying `itemprop` (false). */
  isTime: boolean;
}

export interface PageSignals {
  /** `<meta>` name / property / itemprop (lower case) and content, in page order: only the names the stage reads (config META_READ). */
  metas: [string, string][];
  /** Every JSON-LD script that parsed. */
  ld: unknown[];
  /** `<time>` elements and itemprop date/author elements. */
  marks: DateMark[];
  /** `<link rel=canonical href>`. */
  canonical: string | null;
}

export function emptySignals(): PageSignals {
  return { metas: [], ld: [], marks: [], canonical: null };
}
