/**
 * The rule layer of the spam classifier: evidence that makes a comment spam whatever source it
 * comes from, beside the learned model (model.ts). The model learns from the comments it is
 * trained on, and those (YouTube videos, the shared pages) hold almost none of the spam that
 * fills comment sections under articles; these rules are written from what that spam is, not
 * learned:
 *
 *   phone+support        a telephone number with support, helpline, customer-care, toll-free
 *                        or tech-support words ("Printer offline? Call our toll free number
 *                        +1-888-555-0123")
 *   support+plug         support or helpline words in a plug for one's own service ("our
 *                        technical support experts", "contact us")
 *   business-author      an author name (two trade words or more, or a host name) or author
 *                        URL that is a business or a keyword phrase ("Best Packers and Movers
 *                        Pune", cheap-flight-deals.example) signing a
 *                        comment with a link or a phone number, or templated praise
 *   anchor-keyword       a link whose text is trade words the article does not need ("<a
 *                        href=…>best seo services</a>", [url=…]cheap flights[/url])
 *   praise+plug          templated praise ("great post, thanks for sharing") followed by a
 *                        plug, a phone number, a link to a business, or — in a short comment
 *                        that asks nothing — any link
 *
 * A comment one rule fires on scores RULE_SCORE; the scorer takes the larger of that and the
 * model's score, and says which rules fired (`reasons`). Word lists are data in
 * engine/config/spam.ts. Every pattern is bounded, so the rules cost time linear in the
 * comment's length.
 */
import {
  ANCHOR_TRADE_WORDS,
  AUTHOR_MIN_TRADE_WORDS,
  BUSINESS_WORDS,
  COMMERCE,
  PHONE_NUMBER,
  PRAISE_LINK_MAX_WORDS,
  RULE_PLUG,
  RULE_SCORE,
  SUPPORT_WORDS,
  TECH_SUPPORT,
  TEMPLATED_PRAISE,
} from '../config/spam';
import { businessName, businessUrl, normalizeComment, type ArticleContext, type SpamInput } from './features';

export { RULE_SCORE } from '../config/spam';

/** The names of the rules, as they appear in `reasons`. */
export type SpamRule = 'phone+support' | 'support+plug' | 'business-author' | 'anchor-keyword' | 'praise+plug';

const MAX_CHARS = 2000;
const MAX_RAW_CHARS = 16_000;

/** A link in running text: a scheme, "www.", or a host with a common top-level domain. */
const LINK = /https?:\/\/[^\s<>"')\]]{1,400}|\bwww\.[^\s<>"')\]]{1,400}|\b[a-z0-9][a-z0-9-]{1,62}\.(?:com|net|org|info|biz|in|co|us|uk|io|me|xyz|online|site|store|shop)\b(?:\/[^\s<>"')\]]{0,400})?/gi;
const HTML_ANCHOR = /<a\s[^<>]{0,400}?href\s*=\s*["']?([^"'\s>]{1,400})[^<>]{0,400}>([^<]{1,200})<\/a>/gi;
const BB_ANCHOR = /\[url=["']?([^\]\s"']{1,400})["']?\]([^[]{1,200})\[\/url\]/gi;
const MD_ANCHOR = /\[([^\][]{1,200})\]\((https?:\/\/[^\s)]{1,400})\)/gi;
const LETTERS = /[\p{L}\p{N}]+/gu;

function words(s: string): string[] {
  return s.toLowerCase().match(LETTERS) ?? [];
}

/** Whether the article (when given) does not use `word`: a trade the discussion does not need. */
function foreign(word: string, ctx: ArticleContext | null): boolean {
  return !ctx || !ctx.vocabulary.has(word);
}

/**
 * An author name that is surely a business or a keyword phrase: a host name, or a business
 * name (features.businessName) with at least AUTHOR_MIN_TRADE_WORDS trade words ("Shooting Games
 * Online", "Best Packers and Movers Pune"); one trade word can be a handle or a page's
 * leftovers ("[reply] [top]").
 */
function commercialAuthor(author: string): boolean {
  if (!businessName(author)) return false;
  if (/https?:\/\/|www\.|\.(?:com|net|org|info|biz|in|co|us|uk|xyz)\b/i.test(author)) return true;
  return words(author).filter((w) => BUSINESS_WORDS.has(w)).length >= AUTHOR_MIN_TRADE_WORDS;
}

/** Anchors of the raw comment (HTML, BBCode, Markdown): [href, text]. */
function anchors(raw: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  if (raw.includes('<a')) for (const m of raw.matchAll(HTML_ANCHOR)) out.push([m[1]!, m[2]!]);
  if (raw.includes('[url')) for (const m of raw.matchAll(BB_ANCHOR)) out.push([m[1]!, m[2]!]);
  if (raw.includes('](')) for (const m of raw.matchAll(MD_ANCHOR)) out.push([m[2]!, m[1]!]);
  return out;
}

/**
 * The rules that call the comment spam, in a fixed order (empty for most comments). `ctx` is
 * the article's vocabulary (features.articleContext), or null when the article is not known.
 */
export function spamRules(input: string | SpamInput, ctx: ArticleContext | null = null): SpamRule[] {
  const comment: SpamInput = typeof input === 'string' ? { text: input } : input;
  const raw = comment.text.length > MAX_RAW_CHARS ? comment.text.slice(0, MAX_RAW_CHARS) : comment.text;
  const text = normalizeComment(raw).slice(0, MAX_CHARS);
  const out: SpamRule[] = [];

  const phone = PHONE_NUMBER.test(text);
  const support = SUPPORT_WORDS.test(text);
  const plug = RULE_PLUG.test(text);
  const links = text.match(LINK) ?? [];
  const anchorList = anchors(raw);
  const anyLink = links.length > 0 || anchorList.length > 0;

  if (phone && (support || TECH_SUPPORT.test(text))) out.push('phone+support');
  if (support && plug) out.push('support+plug');

  const author = comment.author?.trim() ?? '';
  const authorUrl = comment.authorUrl?.trim() ?? '';
  const praise = TEMPLATED_PRAISE.test(text);
  const businessAuthor = (author !== '' && commercialAuthor(author)) || (authorUrl !== '' && businessUrl(authorUrl));
  if (businessAuthor && (anyLink || phone || praise)) out.push('business-author');

  for (const [href, anchorText] of anchorList) {
    if (/https?:|www\./i.test(anchorText)) continue;
    const trade = words(anchorText).filter((w) => ANCHOR_TRADE_WORDS.has(w) && foreign(w, ctx));
    if (trade.length >= 1 && (trade.length >= 2 || businessUrl(href) || words(anchorText).length >= 2)) {
      out.push('anchor-keyword');
      break;
    }
  }

  if (praise) {
    const commerce = COMMERCE.exec(text);
    const tradeOffered = commerce !== null && words(commerce[0]).every((w) => foreign(w, ctx));
    const businessLink = links.some((l) => businessUrl(l)) || anchorList.some(([href]) => businessUrl(href));
    const bare = text.replace(LINK, ' ');
    const shortAndAsksNothing = words(bare).length <= PRAISE_LINK_MAX_WORDS && !bare.includes('?');
    if (plug || phone || businessLink || (tradeOffered && anyLink) || (anyLink && shortAndAsksNothing)) out.push('praise+plug');
  }
  return out;
}

/** The rules' score: RULE_SCORE when one fired, 0 otherwise. */
export function ruleScore(rules: readonly SpamRule[]): number {
  return rules.length ? RULE_SCORE : 0;
}
