/**
 * HTML path: parse (htmlparser2) → segment into blocks → score blocks and choose the region
 * holding the article → classify every block (kept, kind, reason).
 */
import type { CleanOptions } from '../config/options';
import type { PageChars } from '../decode/page-chars';
import type { Extraction } from '../types';
import { classify } from './classify';
import { chooseRoot, markHeadedThread, scoreBlocks, threadHeadingAbove } from './score';
import { regionLabel, segment } from './segment';
import { chooseTitle, headlineAboveBody, titleKey } from './title';
import { splitHtmlComments } from '../comments/split';
import { detectLanguage } from '../text/language';
import type { Block } from '../types';

function keptText(blocks: Block[]): string {
  let out = '';
  for (const b of blocks) if (b.kept) out += `${b.text}\n`;
  return out;
}

function languageCode(tag: string | null | undefined): string | null {
  const m = tag?.trim().toLowerCase().match(/^([a-z]{2,3})(?:[-_]|$)/);
  return m ? m[1] : null;
}

export function extractHtml(page: PageChars, opts: CleanOptions): Extraction {
  const { blocks: raw, regions, meta } = segment(page, opts.html.maxBlocks, opts.metadata.enabled, opts.markdown, opts.html.maxSheetChars);
  let title = chooseTitle(meta);
  const features = scoreBlocks(raw, regions, opts.html, title ? titleKey(title) : '');
  let root = chooseRoot(regions, features, opts.html);
  // A region that a comment heading opens is the thread: choose again without it (twice at most).
  for (let tries = 0; tries < 2 && root.region; tries++) {
    const heading = threadHeadingAbove(raw, features, root, opts.html);
    if (heading < 0) break;
    markHeadedThread(raw, features, root, heading);
    root = chooseRoot(regions, features, opts.html);
  }
  const blocks = classify(raw, features, regions, root, title, opts.html);
  // A title the page does not show (the site's name in <title>, or none): the page's headline
  // is the heading just above the article. It stays where it stands in the text.
  const headline = headlineAboveBody(blocks, title, opts.html.headlineMinWords);
  if (headline >= 0) title = blocks[headline]!.text;
  const hasArticle = blocks.some(isKeptBody);
  // The page's declaration first; else what the kept text's stop words and script say.
  const declaredLanguage = [meta.lang, meta.jsonLd.find((a) => a.language)?.language].find((tag) => languageCode(tag)) ?? null;
  const language = languageCode(declaredLanguage) ?? (hasArticle ? detectLanguage(keptText(blocks), opts.text) : null);
  return {
    title,
    language,
    declaredLanguage,
    blocks,
    strategy: 'dom-scoring',
    signals: meta.signals,
    comments: opts.comments === 'drop' ? undefined : splitHtmlComments(blocks, raw, regions),
    emptyReason: hasArticle
      ? undefined
      : root.region
        ? `no region held enough article-like text (best: ${regionLabel(root.region)}, ${Math.round(root.positiveChars)} characters)`
        : 'the page has no visible text',
  };
}

/**
 * A kept block of the article's body (not its headline). Predicates passed to array methods are
 * functions of their modules, not arrows made at each call: V8 compiles one function once, and
 * kept compiling arrows made anew page after page.
 */
function isKeptBody(b: Block): boolean {
  return b.kept && b.kind !== 'title';
}
