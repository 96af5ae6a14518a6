/**
 * Thresholds of the HTML path, in one place. Lengths are in characters of collapsed text.
 * Each names the rule that reads it.
 */
import { MAX_WORD_CHARS } from './signals';

export interface HtmlThresholds {
  /** A run of more letters than this without a space is not prose (see config/signals.ts). */
  maxWordChars: number;
  /** More blocks than this: the page is refused as TOO_COMPLEX (memory stays bounded). */
  maxBlocks: number;
  /** A block this long with sentence punctuation counts fully as article-like text. */
  longBlockChars: number;
  /** A block this long counts in part even without sentence punctuation. */
  mediumBlockChars: number;
  /** Share of a medium block's length it contributes. */
  mediumWeight: number;
  /** Fixed penalty of a short block (menu items, labels) when choosing the main region. */
  shortBlockPenalty: number;
  /** Link-text share above which a block is link-like (navigation, related links). */
  maxLinkDensity: number;
  /**
   * A sentence of at least `linkedProseMinChars` with links over `maxLinkDensity` but at most
   * this share, in the article and followed by more of its prose, is the article's own text
   * with its links (a roundup's items, names linked to their pages), not a list of links.
   */
  linkedProseMaxDensity: number;
  linkedProseMinChars: number;
  /** Weight of text under a boilerplate hint (`<nav>`, class "share", …) when choosing the region. */
  hintPenalty: number;
  /** Extra share of positive text credited to a region the page marks as its article. */
  contentBonus: number;
  /** Extra share for itemprop=articleBody. */
  articleBodyBonus: number;
  /** Among regions scoring within this share of the best, the deepest wins (a tighter box). */
  tieRatio: number;
  /**
   * The article's span grows beside its region, within its parent element, by the run of
   * blocks that adds at least `widenMinGain` to the score (see score.ts, widenSpan).
   */
  widenMinGain: number;
  /** …and at least this share of the region's own score (a paragraph beside a whole article is not more of it). */
  widenMinShare: number;
  /** Below this much article-like text in the best region, the page has no article. */
  minArticleChars: number;
  /** …nor when the best region holds less than this share of the page's article-like text (a listing). */
  listingMaxShare: number;
  /**
   * A hint (class "share", `<aside>`, …) is not believed for an element that holds at least
   * this much article-like text, making up `distrustHintShare` of its text, with link density
   * under `distrustHintLinkDensity`: such names are often on the article's own wrappers.
   */
  distrustHintChars: number;
  /** …and whatever its text, for an element holding this share of the page's article-like text. */
  distrustHintPageShare: number;
  distrustHintShare: number;
  distrustHintLinkDensity: number;
  /**
   * …and a navigation or breadcrumb hint for an element with this much article-like text and
   * links in at most `linklessMaxLinkDensity` of its text.
   */
  distrustLinklessChars: number;
  linklessMaxLinkDensity: number;
  /**
   * Captions (`<figcaption>`, class "caption") holding at least this share of the page's
   * article-like text are the page's story told picture by picture (a gallery, a slideshow,
   * a listicle of photos): none of them is read as a caption beside an article.
   */
  galleryCaptionShare: number;
  /**
   * Teaser cards (a headline link, then a date or a blurb) in lists of other stories: a small
   * region — at most `cardMaxBlocks` blocks and `cardMaxChars` characters — whose first block is
   * link text (link density ≥ `cardLinkDensity`), or begins with a link of `cardLeadingLinkChars`.
   */
  cardMaxBlocks: number;
  cardMaxChars: number;
  cardLinkDensity: number;
  cardLeadingLinkChars: number;
  /**
   * Flat teaser lists: at least `cardMinRepeats` headline links (at most `cardHeadlineMaxChars`)
   * each followed by its blurb, the pair within `cardMaxChars`.
   */
  cardMinRepeats: number;
  cardHeadlineMaxChars: number;
  cardRunMaxPageShare: number;
  /** Teaser cards holding this share of the page's article-like text are the page's own listing. */
  cardsMaxPageShare: number;
  /** A card may open with a short label (a kicker) of at most this many characters above its headline. */
  cardKickerMaxChars: number;
  /** Weight of a teaser card's text (negative: it argues against its region). */
  cardPenalty: number;
  /** Blocks longer than this are not scanned for boilerplate phrases (article paragraphs). */
  phraseMaxChars: number;
  /** A weak boilerplate phrase ("Reply", "Share") removes a block only up to this length. */
  weakPhraseMaxChars: number;
  /** Soft hints (byline, caption, date) remove a block only when it is shorter than this. */
  softHintMaxChars: number;
  /** How many non-empty blocks above the chosen span are searched for a comment heading. */
  threadHeadingLookBack: number;
  /**
   * A plugin's fallback prose (a video's description) of at least this many characters, with
   * nothing longer than `mediumBlockChars` between it and the article region, is the article's lead.
   */
  pluginLeadMinChars: number;
  /**
   * A line that opens with a copyright notice ("© 2008 Associated Press…") ends the article
   * once the kept body holds at least this share of the region's prose: what follows it in the
   * region is the site's (more stories, feeds, footer links). Earlier, it is a byline's notice.
   */
  copyrightEndMinBodyShare: number;
  /**
   * A comment section opened by a link ("Comments (3)" under a post) ends at an h1–h3 heading
   * whose next block is a paragraph of prose this long at least: the next post of a blog's
   * front page, not a reply.
   */
  nextPostMinChars: number;
  /**
   * A page's `<style>` sheet is read for what it hides (engine/html/page-css.ts) up to this
   * many characters. A longer one is a site's or a framework's whole stylesheet inlined: its
   * bare hiding rules (`.hidden`, `.loading`) are for classes its scripts add and remove, and
   * reading a quarter of a modern page's bytes as CSS would cost more than the page's text.
   */
  maxSheetChars: number;
  /**
   * When the chosen title is not on the page (a `<title>` that is the site's name, "Latest
   * News", or no title at all), the heading just above the article's first paragraph is the
   * headline if it has at least this many words (a section label, "Fazit", has fewer).
   */
  headlineMinWords: number;
  /**
   * …and when that heading stands outside the article's element, left out with the page around
   * it, it is looked for among this many blocks with text just above the article's first paragraph.
   */
  headlineLookBack: number;
  /**
   * A line (not a heading) that says the page's `<title>` word for word is its headline when it
   * stands among this many blocks with text above the article's first paragraph: a byline, a
   * date, a photo and its caption, "Click photo to enlarge" may stand between. Farther up, a
   * line that says the title is the site's name at the top of the page.
   */
  titleLineLookBack: number;
}

export const HTML_DEFAULTS: HtmlThresholds = {
  maxWordChars: MAX_WORD_CHARS,
  maxBlocks: 200_000,
  longBlockChars: 80,
  mediumBlockChars: 40,
  mediumWeight: 0.3,
  shortBlockPenalty: 10,
  maxLinkDensity: 0.5,
  linkedProseMaxDensity: 0.8,
  linkedProseMinChars: 80,
  hintPenalty: 1,
  contentBonus: 0.1,
  articleBodyBonus: 0.25,
  tieRatio: 0.98,
  widenMinGain: 80,
  widenMinShare: 0.1,
  minArticleChars: 60,
  listingMaxShare: 0.3,
  softHintMaxChars: 150,
  threadHeadingLookBack: 2,
  pluginLeadMinChars: 80,
  copyrightEndMinBodyShare: 0.4,
  nextPostMinChars: 200,
  maxSheetChars: 16_384,
  headlineMinWords: 3,
  headlineLookBack: 3,
  titleLineLookBack: 15,
  weakPhraseMaxChars: 40,
  phraseMaxChars: 160,
  cardMaxBlocks: 6,
  cardMaxChars: 700,
  cardLinkDensity: 0.8,
  cardLeadingLinkChars: 20,
  cardKickerMaxChars: 40,
  cardMinRepeats: 3,
  cardHeadlineMaxChars: 200,
  cardRunMaxPageShare: 0.4,
  cardsMaxPageShare: 0.75,
  cardPenalty: 0.5,
  distrustHintChars: 500,
  distrustHintPageShare: 0.5,
  distrustHintShare: 0.6,
  distrustHintLinkDensity: 0.25,
  distrustLinklessChars: 200,
  linklessMaxLinkDensity: 0.1,
  galleryCaptionShare: 0.5,
};
