/**
 * winnow's extraction engine: bytes or a string in, the article out.
 *
 *   decode (gzip, charset) → sniff (html | text) → extract (html/ or text/ path: parse,
 *   segment into blocks, classify and score them) → assemble (text, stats)
 *
 * No AWS and no I/O here: the CLI and the Lambda are thin adapters around `clean`.
 */
import { assemble } from './assemble';
import { withComments } from './comments';
import { resolveOptions, type CleanOptions, type CleanOptionsInput } from './config/options';
import { decode, type Decoded } from './decode';
import { sniffFormat } from './decode/sniff';
import { extractHtml } from './html';
import { extractMetadata } from './metadata';
import { extractText } from './text';
import type { CleanResult, Format } from './types';

/**
 * HTML is told by its ASCII tags, which the page's bytes show as well as its text: only a page
 * that does not look like HTML is decoded whole to be sure (the text path needs that anyway).
 */
function sniff(decoded: Decoded, opts: CleanOptions): Format {
  if (sniffFormat(decoded.page.leading(opts.decode.formatSniffChars), opts.decode) === 'html') return 'html';
  return sniffFormat(decoded.text, opts.decode);
}

export function clean(input: Uint8Array | string, options?: CleanOptionsInput): CleanResult {
  const opts = resolveOptions(options);
  const decoded = decode(input, opts);
  const format: Format = opts.mode === 'auto' ? sniff(decoded, opts) : opts.mode;
  const extraction =
    format === 'html' ? extractHtml(decoded.page, opts) : extractText(decoded.text, opts);
  const result = assemble(extraction, format, decoded, opts);
  if (opts.metadata.enabled) {
    result.metadata = extractMetadata(
      {
        signals: extraction.signals ?? null,
        blocks: extraction.blocks,
        language: extraction.language,
        declaredLanguage: extraction.declaredLanguage ?? null,
        url: opts.url,
      },
      opts.metadata,
    );
  }
  return opts.comments === 'drop' ? result : withComments(result, extraction.comments ?? [], opts);
}

export { WinnowError, isWinnowError, type WinnowErrorCode } from './errors';
export { DEFAULT_OPTIONS, resolveOptions, COMMENTS_MODES, type CleanOptions, type CleanOptionsInput, type CommentsMode } from './config/options';
export { classifySpam, spamScore } from './comments';
export { defaultScorer, type SpamScorer } from './comments/spam';
export type * from './types';
export { toMarkdown, frontMatter, type MarkdownOptions } from './format/markdown';
export { FILTER_VERSION } from './version';
