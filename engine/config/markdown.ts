/**
 * What the HTML pass records of a block's inline markup for the Markdown output
 * (engine/format/markdown.ts), and which elements are which. Data only.
 */

export interface MarkdownMarks {
  /**
   * Emphasis (`<em>`, `<i>`; `<strong>`, `<b>`) and inline code (`<code>`, `<kbd>`, `<samp>`,
   * `<tt>`) as character ranges of the block's text (`structure.emphasis`): it adds no words,
   * only `*`, `**` and backticks around them. Off in the engine by default (recording it costs
   * ~2% of the engine's time, for the Markdown output only); on wherever Markdown is written:
   * `winnow clean --format markdown`, the pipeline's `markdown` output.
   */
  emphasis: boolean;
  /**
   * Links: each `<a href>`'s address over its text (`structure.links`), written `[text](url)`.
   * Off by default (corpus use: the link text stays either way; the address is extra).
   */
  links: boolean;
  /**
   * Images: each `<img>`'s address and alt text at its place in the text (`structure.images`),
   * written `![alt](src)`; an image before a block's first word stands at its start. Off by
   * default: alt text and addresses are words the text does not have.
   */
  images: boolean;
}

export const MARKDOWN_DEFAULTS: MarkdownMarks = {
  emphasis: false,
  links: false,
  images: false,
};

/** Inline elements that are emphasis, strong emphasis or code in Markdown. */
export const INLINE_MARK_TAGS: ReadonlyMap<string, 'em' | 'strong' | 'code'> = new Map([
  ['em', 'em'],
  ['i', 'em'],
  ['strong', 'strong'],
  ['b', 'strong'],
  ['code', 'code'],
  ['kbd', 'code'],
  ['samp', 'code'],
  ['tt', 'code'],
]);

/** Link addresses not written as links (scripts, a bare `#`; the text stays). */
export const UNWRITTEN_LINK = /^\s*(?:(?:javascript|vbscript|data):|#?\s*$)/i;

/** Image sources that are placeholders of a lazy-loading script: the real one is in `data-src`. */
export const PLACEHOLDER_IMAGE = /^\s*(?:data:|about:blank)|(?:blank|spacer|pixel|placeholder|lazy)[^/]*\.(?:gif|png|svg)(?:$|\?)/i;
