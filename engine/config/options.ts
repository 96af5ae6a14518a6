/**
 * The one options object of the engine, with its defaults. Thresholds of each stage live
 * beside it in this folder (decode.ts, html.ts, text.ts); word lists in the other files here.
 */
import { WinnowError } from '../errors';
import { DECODE_DEFAULTS, type DecodeThresholds } from './decode';
import { HTML_DEFAULTS, type HtmlThresholds } from './html';
import { MARKDOWN_DEFAULTS, type MarkdownMarks } from './markdown';
import { METADATA_DEFAULTS, type MetadataThresholds } from './metadata';
import { TEXT_DEFAULTS, type TextThresholds } from './text';

export type Mode = 'auto' | 'html' | 'text';

/** What becomes of a page's comment threads (always removed from the article text). */
export type CommentsMode = 'drop' | 'keep-ham' | 'keep-all';
export const COMMENTS_MODES: readonly CommentsMode[] = ['drop', 'keep-ham', 'keep-all'];

export interface CleanOptions {
  /** `auto` sniffs the content; `html` or `text` force a path. */
  mode: Mode;
  /** A Content-Type header that came with the bytes (e.g. S3's), for its charset. */
  contentType?: string;
  /** Put the headline first in `text` (the block that repeats the title, when the page shows one). */
  includeTitle: boolean;
  /**
   * `drop` (default): comments are removed and that is all. `keep-ham`: split into comments,
   * scored for spam, the genuine ones in `result.comments`. `keep-all`: every comment, with its score.
   */
  comments: CommentsMode;
  /** With `keep-ham`/`keep-all`: append the kept comments to `text` after a separator line. */
  commentsInText: boolean;
  /** The page's address when known (a date in its path, relative canonical/image URLs). */
  url?: string;
  decode: DecodeThresholds;
  html: HtmlThresholds;
  text: TextThresholds;
  /** The metadata stage: on or off, and its thresholds. */
  metadata: MetadataThresholds;
  /** What the HTML pass records for the Markdown output: emphasis, links and images (all off by default). */
  markdown: MarkdownMarks;
}

/** What callers pass: any subset, stage sections merged shallowly over the defaults. */
export interface CleanOptionsInput {
  mode?: Mode;
  contentType?: string;
  includeTitle?: boolean;
  comments?: CommentsMode;
  commentsInText?: boolean;
  url?: string;
  decode?: Partial<DecodeThresholds>;
  html?: Partial<HtmlThresholds>;
  text?: Partial<TextThresholds>;
  metadata?: Partial<MetadataThresholds>;
  markdown?: Partial<MarkdownMarks>;
}

export const DEFAULT_OPTIONS: CleanOptions = {
  mode: 'auto',
  includeTitle: true,
  comments: 'drop',
  commentsInText: false,
  decode: DECODE_DEFAULTS,
  html: HTML_DEFAULTS,
  text: TEXT_DEFAULTS,
  metadata: METADATA_DEFAULTS,
  markdown: MARKDOWN_DEFAULTS,
};

export function resolveOptions(input: CleanOptionsInput = {}): CleanOptions {
  const mode = input.mode ?? DEFAULT_OPTIONS.mode;
  if (mode !== 'auto' && mode !== 'html' && mode !== 'text') {
    throw new WinnowError('BAD_OPTIONS', `mode must be auto, html or text, not ${String(mode)}`);
  }
  const comments = input.comments ?? DEFAULT_OPTIONS.comments;
  if (!COMMENTS_MODES.includes(comments)) {
    throw new WinnowError('BAD_OPTIONS', `comments must be drop, keep-ham or keep-all, not ${String(comments)}`);
  }
  if (input.url !== undefined && typeof input.url !== 'string') {
    throw new WinnowError('BAD_OPTIONS', `url must be a string, not ${typeof input.url}`);
  }
  return {
    mode,
    url: input.url || undefined,
    contentType: input.contentType,
    includeTitle: input.includeTitle ?? DEFAULT_OPTIONS.includeTitle,
    comments,
    commentsInText: input.commentsInText ?? DEFAULT_OPTIONS.commentsInText,
    decode: { ...DECODE_DEFAULTS, ...input.decode },
    html: { ...HTML_DEFAULTS, ...input.html },
    text: { ...TEXT_DEFAULTS, ...input.text },
    metadata: { ...METADATA_DEFAULTS, ...input.metadata },
    markdown: { ...MARKDOWN_DEFAULTS, ...input.markdown },
  };
}
