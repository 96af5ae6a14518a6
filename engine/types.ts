/** Public types of the winnow extraction engine. No AWS, no I/O. */
import type { FoundComment } from './comments/split';
import type { PageSignals } from './metadata/signals';

export type { FoundComment } from './comments/split';

export type Format = 'html' | 'text';

/**
 * What the engine decided a block is. `title` and `body` are the article; the rest are
 * the kinds of boilerplate it recognises (and removes).
 */
export type BlockKind =
  | 'title'
  | 'body'
  | 'navigation'
  | 'breadcrumb'
  | 'related'
  | 'share'
  | 'ad'
  | 'consent'
  | 'newsletter'
  | 'author'
  | 'tags'
  | 'metadata'
  | 'caption'
  | 'header'
  | 'footer'
  | 'legal'
  | 'comment-form'
  | 'comments'
  | 'boilerplate';

/** How a block is laid out in the text output. */
export type BlockRole = 'paragraph' | 'heading' | 'list-item' | 'table-row' | 'line';

export interface Block {
  /** Position in document order, from 0. */
  index: number;
  text: string;
  kind: BlockKind;
  role: BlockRole;
  kept: boolean;
  /** The rule or score that decided `kind` and `kept`, readable by a person. */
  reason: string;
  /** For HTML input: the element that carried the block (`p`, `h2`, `li`, `tr`, …). */
  tag?: string;
  /** For HTML input, what the Markdown output needs beyond the role (absent for a plain paragraph). */
  structure?: BlockStructure;
}

/** A block's place in the page's structure: heading level, list, quote, code, table cells. */
export interface BlockStructure {
  /** Heading level, 1–6. */
  level?: number;
  /** A list item: nesting depth (1 = top level) and whether its list is ordered (`<ol>`). */
  list?: { depth: number; ordered: boolean };
  /** Depth of `<blockquote>` around the block. */
  quote?: number;
  /** A `<pre>` block: its text with line breaks kept, and the language the page names (class `language-python`). */
  code?: { text: string; language: string | null };
  /** A table row's cells (the block's text is them joined by ` | `). */
  cells?: string[];
  /** Emphasis and inline code in `text`: [start, end) character ranges and their kind (option `markdown.emphasis`). */
  emphasis?: [number, number, 'em' | 'strong' | 'code'][];
  /** Links over `text`: [start, end) and the address as the page writes it (option `markdown.links`). */
  links?: [number, number, string][];
  /** Images: the character of `text` each stands before, its address and alt text (option `markdown.images`). */
  images?: [number, string, string][];
}

export interface KindStats {
  blocks: number;
  chars: number;
}

export interface CleanStats {
  inputBytes: number;
  /** Characters of decoded input. */
  inputChars: number;
  charsKept: number;
  charsRemoved: number;
  blocksKept: number;
  blocksRemoved: number;
  /** Kept blocks, by kind. */
  kept: Partial<Record<BlockKind, KindStats>>;
  /** Removed blocks, by kind. */
  removed: Partial<Record<BlockKind, KindStats>>;
}

export interface CleanResult {
  /** The article: title first when found, then its blocks; paragraphs separated by a blank line. */
  text: string;
  /** The article without its title line (what article-body benchmarks compare against). */
  body: string;
  /** Detected title, or null. */
  title: string | null;
  format: Format;
  /** ISO 639-1 code when it can be told (declared `<html lang>` or stop-word evidence), else null. */
  language: string | null;
  /** How the bytes were decoded: the charset used and whether they were gzipped. */
  encoding: { charset: string; gzip: boolean; source: string };
  blocks: Block[];
  stats: CleanStats;
  /** Why `text` is empty, when it is (e.g. nothing article-like was found); null otherwise. */
  emptyReason: string | null;
  /** Which strategy produced the article (e.g. `dom-scoring`, `json-ld`, `text-lines`). */
  strategy: string;
  /**
   * The page's comments, split from its comment threads and scored for spam: the genuine ones
   * (`comments: 'keep-ham'`) or all (`'keep-all'`). Absent with the default `'drop'`.
   */
  comments?: Comment[];
  /** Comments found and comments called spam (absent with `comments: 'drop'`). */
  commentStats?: { found: number; spam: number };
  /** Publication date, authors, site… (absent with `metadata: { enabled: false }`). */
  metadata?: PageMetadata;
}

export type MetadataField =
  | 'published'
  | 'modified'
  | 'authors'
  | 'siteName'
  | 'canonicalUrl'
  | 'description'
  | 'image'
  | 'tags'
  | 'categories'
  | 'type';

/** What the page says about itself, each field with the source that gave it in `sources`. */
export interface PageMetadata {
  /** Publication date, ISO 8601: `YYYY-MM-DD`, or with the time when the page gives one. */
  published: string | null;
  /** Last modification, ISO 8601, when the page's metadata says. */
  modified: string | null;
  /** Names of the authors (a byline's "By Jane Doe and John Smith" → two names). */
  authors: string[];
  siteName: string | null;
  canonicalUrl: string | null;
  description: string | null;
  image: string | null;
  tags: string[];
  categories: string[];
  /** What the page is: the JSON-LD `@type` of its main content, or og:type. */
  type: string | null;
  /** Where each field came from (`json-ld NewsArticle.datePublished`, `url path`, `meta og:site_name`…). */
  sources: Partial<Record<MetadataField, string>>;
}

/** One comment of a page's comment thread. */
export interface Comment {
  author: string | null;
  date: string | null;
  text: string;
  /** Spam score in [0, 1] from the comment-spam classifier. */
  score: number;
  /** The score is at or above the classifier's threshold. */
  spam: boolean;
  /**
   * The rules of the classifier's rule layer that call this comment spam whatever the model says
   * (`phone+support`, `support+plug`, `business-author`, `anchor-keyword`, `praise+plug`; see
   * engine/comments/rules.ts); empty when only the model's score decides.
   */
  reasons: string[];
  /** Index in `blocks` of the comment's first block. */
  block: number;
}

/** What a format path (HTML or text) hands to the assembler. */
export interface Extraction {
  title: string | null;
  language: string | null;
  /** The language tag the page declares, as written (`en-GB`): its region orders numeric dates. */
  declaredLanguage?: string | null;
  blocks: Block[];
  strategy: string;
  /** Set when the path found nothing article-like. */
  emptyReason?: string;
  /** Comments split from the page's threads (only when the options keep comments). */
  comments?: FoundComment[];
  /** What the HTML pass collected for the metadata stage (HTML path with metadata on). */
  signals?: PageSignals | null;
}
