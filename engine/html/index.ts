/**
 * HTML path: parse (htmlparser2) → segment into blocks → score blocks and choose the region
 * holding the article → classify every block (kept, kind, reason).
 */
import type { CleanOptions } from '../config/options';
import type { PageChars } from '../decode/page-chars';
import type { Extraction } from '../types';
import { classify } from './classify';
import { ALWAYS_TRUSTED_KINDS, SITE_CHROME_KINDS } from '../config/html-hints';
import { type BlockFeatures, chooseRoot, markHeadedThread, nearestHardHint, type RootChoice, scoreBlocks, threadHeadingAbove } from './score';
import { type Hint, type RawBlock, type Region, regionLabel, segment } from './segment';
import { chooseTitle, headlineAboveArticle, headlineAboveBody, titleKey } from './title';
import { splitHtmlComments } from '../comments/split';
import { detectLanguage } from '../text/language';
import { extractText, TEXT_WHOLE_PAGE } from '../text';
import type { Block } from '../types';
import { isKeptBody, isKeptTitle } from '../kept';

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
  const titleKeyOf = title ? titleKey(title) : '';
  const { features, root } = chooseArticle(raw, regions, titleKeyOf, opts);
  let blocks = classify(raw, features, regions, root, title, opts.html);
  if (root.region && !blocks.some(isKeptBody)) {
    // Read again: first with the class/id names set aside, then without what the choice held.
    blocks = withoutNameHints(raw, regions, titleKeyOf, title, opts) ?? withoutDroppedSpan(raw, regions, features, root, blocks, title, opts) ?? blocks;
  }
  // A title the page does not show (the site's name in <title>, or none): the page's headline
  // is the heading just above the article. It stays where it stands in the text.
  const headline = headlineAboveBody(blocks, title, opts.html.headlineMinWords);
  if (headline >= 0) title = blocks[headline]!.text;
  else {
    // …or it stands above the article's element, left out with what surrounds it.
    const above = headlineAboveArticle(blocks, title, meta.title, opts.html.headlineMinWords, opts.html.headlineLookBack, opts.html.titleLineLookBack);
    if (above.index >= 0) {
      const b = blocks[above.index]!;
      b.kept = true;
      b.kind = 'title';
      b.reason = above.reason;
      if (above.retitle) title = b.text;
    }
  }
  const hasArticle = blocks.some(isKeptBody);
  // The page's declaration first; else what the kept text's stop words and script say.
  const declaredLanguage = [meta.lang, meta.jsonLd.find((a) => a.language)?.language].find((tag) => languageCode(tag)) ?? null;
  const whole = wholePageIfNoArticle(raw, blocks, title, opts);
  if (whole) return { ...whole, declaredLanguage, language: languageCode(declaredLanguage) ?? whole.language, signals: meta.signals };
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
 * A page of which the HTML reading kept a sliver (under the plain-text path's `wholePageMaxShare`
 * of its text) and no headline is read as plain text too, without the blocks the markup names
 * as the site's chrome; when that reading finds no article either, the page has none (a table
 * of contents, a list of links or headlines, a directory) and, as on the plain-text path, its
 * whole text is the answer rather than the fragment (trafilatura falls back to a baseline the
 * same way). A kept headline says the page is an article, however short its body, and a short
 * notice beside the site's menus is what its page says: those pages are left as read. When the
 * HTML reading kept nothing at all, both of its passes failed the page (a front page of linked
 * story teasers wrapped in an element named like an ad), and the text reading is the answer
 * whatever it finds: an empty result is the one sure to be wrong.
 */
function wholePageIfNoArticle(raw: RawBlock[], blocks: Block[], title: string | null, opts: CleanOptions): Extraction | null {
  if (blocks.some(isKeptTitle)) return null;
  let total = 0;
  let kept = 0;
  for (const b of raw) total += b.text.length;
  for (const b of blocks) if (isKeptBody(b)) kept += b.text.length;
  if (kept >= opts.text.wholePageMaxShare * total) return null;
  // Read without what the markup names as the site's chrome (a menu in `<nav>` or `#footer`):
  // only the page's own text can be the page's whole answer.
  let text = '';
  for (const b of raw) if (!isSiteChrome(b)) text += `${b.text}\n`;
  const asText = extractText(text, opts);
  const whole = asText.strategy === TEXT_WHOLE_PAGE;
  if (!whole && (kept > 0 || !asText.blocks.some(isKeptBody))) return null;
  const why = `; the HTML reading kept ${kept} of the page's ${total} characters and no headline`;
  for (const b of asText.blocks) {
    // The title is the one chosen from the markup (<title>, og:title), or none: a page with no
    // article has no headline, and the line the text reading took for one ("THIS SEARCH |
    // THIS DOCUMENT | GOTO") stays where it is, as text.
    if (b.kind === 'title') b.kind = 'body';
    if (b.kept) b.reason += why;
  }
  return { ...asText, title, strategy: whole ? 'html-whole-page' : 'html-as-text' };
}

/** A block under a trusted hint of a kind that is the site's rather than the page's (a menu, a footer, a promo). */
function isSiteChrome(block: RawBlock): boolean {
  const hint = nearestHardHint(block);
  return hint !== null && SITE_CHROME_KINDS.has(hint.kind);
}

/** Scores the blocks and chooses the article's region. */
function chooseArticle(raw: RawBlock[], regions: Region[], titleKeyOf: string, opts: CleanOptions): { features: BlockFeatures[]; root: RootChoice } {
  const features = scoreBlocks(raw, regions, opts.html, titleKeyOf);
  let root = chooseRoot(regions, features, opts.html);
  // A region that a comment heading opens is the thread: choose again without it (twice at most).
  for (let tries = 0; tries < 2 && root.region; tries++) {
    const heading = threadHeadingAbove(raw, features, root, opts.html);
    if (heading < 0) break;
    markHeadedThread(raw, features, root, heading);
    root = chooseRoot(regions, features, opts.html);
  }
  return { features, root };
}

/**
 * A second pass for a page of which the first kept nothing: the article chosen again with the
 * hints read from class and id names set aside (a comment thread's and a consent banner's
 * excepted). A site may name its story's paragraphs in words that read as boilerplate
 * ("outerAd", "pnlTeaser"), and an empty result is the one place where that is sure to have
 * cost the whole article. Tags and roles (`<footer>`, `role=navigation`) are the page's own
 * declarations and stay believed. Returns the blocks when the pass keeps some body, else null
 * (and the hints are believed again).
 */
function withoutNameHints(raw: RawBlock[], regions: Region[], titleKeyOf: string, title: string | null, opts: CleanOptions): Block[] | null {
  const setAside = new Set<Hint>();
  for (const b of raw) for (const h of b.hints) if (h.trusted && h.fromName && !ALWAYS_TRUSTED_KINDS.has(h.kind)) setAside.add(h);
  if (setAside.size === 0) return null;
  for (const h of setAside) h.trusted = false;
  const { features, root } = chooseArticle(raw, regions, titleKeyOf, opts);
  const blocks = classify(raw, features, regions, root, title, opts.html);
  if (!blocks.some(isKeptBody)) {
    for (const h of setAside) h.trusted = true;
    return null;
  }
  for (const b of blocks) if (b.kept && b.kind === 'body') b.reason += `; second pass, the page's ${setAside.size} hints from class/id names set aside (the first kept nothing)`;
  return blocks;
}

/**
 * A last pass for a page of which nothing is kept yet: the blocks of the chosen span that
 * classification dropped (a cookie notice, a legal text, a comment policy: found by their words,
 * after the choice) now weigh against it, and the article is chosen again. A short post beside
 * a long cookie notice in a `<form>` is found so. Returns the blocks when the pass keeps some
 * body, else null.
 */
function withoutDroppedSpan(
  raw: RawBlock[],
  regions: Region[],
  features: BlockFeatures[],
  root: RootChoice,
  first: Block[],
  title: string | null,
  opts: CleanOptions,
): Block[] | null {
  let dropped = 0;
  for (let i = root.start; i < root.end; i++) {
    if (first[i]!.kept || features[i]!.score <= 0) continue;
    features[i]!.score = -features[i]!.chars;
    dropped++;
  }
  if (dropped === 0) return null;
  const again = chooseRoot(regions, features, opts.html);
  if (!again.region || (again.start === root.start && again.end === root.end)) return null;
  const blocks = classify(raw, features, regions, again, title, opts.html);
  if (!blocks.some(isKeptBody)) return null;
  for (const b of blocks) if (b.kept && b.kind === 'body') b.reason += `; chosen again, ${dropped} blocks the first choice held were dropped (the first kept nothing)`;
  return blocks;
}
