/**
 * Score: how article-like each block is, and which region (element) holds the article.
 *
 * Each block gets a signed score: long sentence-like text with few links is positive,
 * link lists, short labels and text under boilerplate hints are negative. A region's score
 * is the sum over its blocks, so the winner is the element that gathers the most article
 * text while taking in the least boilerplate (a maximum-sum subtree).
 */
import type { HtmlThresholds } from '../config/html';
import { ALWAYS_TRUSTED_KINDS, SOFT_KINDS } from '../config/html-hints';
import { isCommentHeading, matchBoilerplate } from '../config/phrases';
import { isNotProse, isServerDiagnostic, LOOKS_LIKE_ADDRESS, TRUNCATED_EXCERPT } from '../config/signals';
import { type Hint, type RawBlock, type Region, sameNamedSiblings, withHints } from './segment';
import { titleKey } from './title';

const SENTENCE_END = /[.!?…:;"”’»)\]。！？]\s*$|[.!?…]["”’»)]?\s+\S|[。！？]/;

/** A headline link followed by one of these was a sentence of its own, not a headline. */
const SENTENCE_PUNCTUATION = /^[.!?…:;,。！？]$/;

export interface BlockFeatures {
  chars: number;
  linkDensity: number;
  sentence: boolean;
  /** Not prose at all: a run of letters too long to be a word (base64, minified code…), or a server's error messages. */
  wordless: boolean;
  /** Nothing but a server's error messages (isServerDiagnostic): wordless, and weighing nothing. */
  diagnostic: boolean;
  /** Score from the text alone, before hints. */
  textScore: number;
  /** Part of a teaser card (headline link + blurb) pointing to another page. */
  teaser: boolean;
  /**
   * Part of a flat run of headline links each with its blurb (markTeaserRuns). It does not
   * weigh on the choice of region: such a run can also be a page's own list; classify drops it
   * only once the article has begun.
   */
  teaserRun: boolean;
  /** Nearest trusted hint that is not soft (metadata, caption, header). */
  hardHint: Hint | null;
  score: number;
}

export function nearestHardHint(block: RawBlock): Hint | null {
  for (let i = block.hints.length - 1; i >= 0; i--) {
    const h = block.hints[i];
    if (h.trusted && !SOFT_KINDS.has(h.kind)) return h;
  }
  return null;
}

function textScore(chars: number, linkDensity: number, sentence: boolean, wordless: boolean, t: HtmlThresholds): number {
  if (wordless) return -chars;
  if (linkDensity > t.maxLinkDensity) return -chars * linkDensity;
  if (chars >= t.longBlockChars && sentence) return chars * (1 - linkDensity);
  if (chars >= t.mediumBlockChars) return chars * t.mediumWeight * (1 - linkDensity);
  return -t.shortBlockPenalty;
}

/** Prefix sums over blocks, so any region's totals cost O(1). */
class Prefix {
  readonly sums: Float64Array;
  constructor(values: ArrayLike<number>) {
    this.sums = new Float64Array(values.length + 1);
    for (let i = 0; i < values.length; i++) this.sums[i + 1] = this.sums[i] + values[i];
  }
  range(r: Region): number {
    return this.sums[r.end] - this.sums[r.start];
  }
}

/** Distrust hints on elements that mostly hold article-like text (e.g. class "paywall" on the body). */
function validateHints(blocks: RawBlock[], regions: Region[], text: BlockFeatures[], t: HtmlThresholds): void {
  const positive = new Prefix(text.map((f) => Math.max(0, f.textScore)));
  const chars = new Prefix(text.map((f) => f.chars));
  const links = new Prefix(blocks.map((b) => b.linkChars));
  const pageGood = positive.sums[blocks.length];
  const seen = new Set<Hint>();
  let previous: Hint[] | null = null;
  for (const block of blocks) {
    // Blocks in a row under the same elements share one hints array: read it once.
    if (block.hints === previous) continue;
    previous = block.hints;
    for (const hint of block.hints) {
      if (seen.has(hint)) continue;
      seen.add(hint);
      if (ALWAYS_TRUSTED_KINDS.has(hint.kind)) continue;
      const region = regions[hint.region];
      const total = chars.range(region);
      const good = positive.range(region);
      const linkChars = links.range(region);
      const mostlyArticle =
        good >= t.distrustHintChars &&
        good >= total * t.distrustHintShare &&
        linkChars < total * t.distrustHintLinkDensity;
      // Navigation is links: a "toc"-named section that the table of contents points to,
      // holding prose and next to no link, is the article's.
      const linklessProse =
        hint.linkList === true &&
        linkChars <= total * t.linklessMaxLinkDensity &&
        good >= t.distrustLinklessChars &&
        good >= total * t.distrustHintShare;
      if (mostlyArticle || linklessProse || good >= pageGood * t.distrustHintPageShare) {
        hint.trusted = false;
      }
    }
  }
}

/**
 * A page whose captions hold most of its article-like text is a gallery: the story is told
 * under its pictures, one caption after another, and each caption alone is too short for
 * validateHints to doubt its name. Its caption hints are then not believed.
 */
function distrustGalleryCaptions(blocks: RawBlock[], features: BlockFeatures[], pageGood: number, t: HtmlThresholds): void {
  let captionGood = 0;
  const captions = new Set<Hint>();
  // Blocks in a row under the same elements share one hints array: read it once.
  let previous: Hint[] | null = null;
  let hint: Hint | null = null;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (block.hints !== previous) {
      previous = block.hints;
      hint = nearestHardHint(block);
    }
    if (hint?.kind !== 'caption') continue;
    captions.add(hint);
    captionGood += Math.max(0, features[i].textScore);
  }
  if (captionGood === 0 || captionGood < pageGood * t.galleryCaptionShare) return;
  for (const hint of captions) hint.trusted = false;
}

/**
 * Teaser cards: small regions that open with a headline link (a linked heading, or a list item
 * starting with a link) and go on with a date or a blurb. Article paragraphs rarely open that
 * way; lists of other stories always do.
 */
function markTeaserCards(blocks: RawBlock[], regions: Region[], features: BlockFeatures[], pageGood: number, ownTitle: string, t: HtmlThresholds): void {
  const inCard = new Uint8Array(features.length);
  // Per block: 0 not read yet, 1 its text is the page's title, 2 it is not (read once: nested
  // wrappers around one card share its blocks).
  const isOwnTitle = new Uint8Array(features.length);
  const ownTitleAt = (i: number): boolean => {
    if (!ownTitle || blocks[i].role !== 'heading') return false;
    if (isOwnTitle[i] === 0) isOwnTitle[i] = titleKey(blocks[i].text) === ownTitle ? 1 : 2;
    return isOwnTitle[i] === 1;
  };
  // Characters of blocks 0..i-1, counted when a card is first met.
  let charsBefore: Float64Array | null = null;
  for (const r of regions) {
    const count = r.end - r.start;
    // The page's own containers are never cards, however short the page.
    if (count < 1 || count > t.cardMaxBlocks || r.tag === 'body' || r.tag === 'html') continue;
    const first = blocks[r.start];
    const f = features[r.start];
    const linkedHead =
      (count >= 2 && isLinkedHeading(first, f, t)) ||
      // A card may open with a short label above its headline (a kicker: "EXCLUSIVE", a section).
      (count >= 3 && isKicker(first, f, t) && isLinkedHeading(blocks[r.start + 1], features[r.start + 1], t));
    const leadingLink =
      first.leadingLinkChars >= t.cardLeadingLinkChars &&
      first.leadingLinkChars < f.chars &&
      !SENTENCE_PUNCTUATION.test(first.afterLeadingLink) &&
      (count >= 2 || r.tag === 'li');
    if (!linkedHead && !leadingLink) continue;
    let chars = 0;
    for (let i = r.start; i < r.end; i++) chars += features[i].chars;
    if (chars > t.cardMaxChars) continue;
    // A blog theme links the post's own title to the post: headed by the page's title, the
    // region is the page's post, not a card pointing to another page.
    if (ownTitleAt(r.start) || (count >= 2 && ownTitleAt(r.start + 1))) continue;
    // A blog's front page repeats one element per post, short posts and long: an element whose
    // same-named sibling holds a whole post (longer than any card) is a post too, not a card.
    if (r.className && longestOfKindBeside(r, regions, (charsBefore ??= charsUpTo(features))) > t.cardMaxChars) continue;
    for (let i = r.start; i < r.end; i++) inCard[i] = 1;
  }
  markExcerpts(blocks, features, inCard, pageGood, t);
  let cardGood = 0;
  for (let i = 0; i < features.length; i++) if (inCard[i]) cardGood += Math.max(0, features[i].textScore);
  // Cards that hold most of the page's article-like text are what the page is (a listing of
  // entries), not other stories beside an article.
  if (cardGood >= pageGood * t.cardsMaxPageShare) return;
  for (let i = 0; i < features.length; i++) if (inCard[i]) features[i].teaser = true;
}

/**
 * Blocks cut short with a link to the rest ("… heroic in serving the United ... Read More") are
 * other pages' teasers, as cards are; unless together they hold `cardRunMaxPageShare` of the
 * page's article-like text: then the page is that list of excerpts (a blog's front page).
 */
function markExcerpts(blocks: RawBlock[], features: BlockFeatures[], inCard: Uint8Array, pageGood: number, t: HtmlThresholds): void {
  let good = 0;
  const excerpts: number[] = [];
  for (let i = 0; i < blocks.length; i++) {
    if (features[i].linkDensity === 0 || !TRUNCATED_EXCERPT.test(blocks[i].text)) continue;
    excerpts.push(i);
    good += Math.max(0, features[i].textScore);
  }
  if (good >= pageGood * t.cardRunMaxPageShare) return;
  for (const i of excerpts) inCard[i] = 1;
}

function charsUpTo(features: BlockFeatures[]): Float64Array {
  const before = new Float64Array(features.length + 1);
  for (let i = 0; i < features.length; i++) before[i + 1] = before[i] + features[i].chars;
  return before;
}

/** The characters of the longest element beside `r` of its kind (sameNamedSiblings). */
function longestOfKindBeside(r: Region, regions: Region[], charsBefore: Float64Array): number {
  let longest = 0;
  for (const other of sameNamedSiblings(r, regions)) longest = Math.max(longest, charsBefore[other.end] - charsBefore[other.start]);
  return longest;
}

/**
 * Teaser lists written flat: a headline link, then its blurb, again and again (`<dt>`/`<dd>`
 * pairs, or links and paragraphs side by side in one container), with no element per card
 * for markTeaserCards to find. At least `cardMinRepeats` such pairs in a row are a list of
 * other stories, unless it holds `cardRunMaxPageShare` of the page's article-like text.
 */
function markTeaserRuns(blocks: RawBlock[], features: BlockFeatures[], pageGood: number, t: HtmlThresholds): void {
  // A link whose text is an address cites a source; a headline is words.
  const isHeadline = (i: number): boolean =>
    features[i].linkDensity >= t.cardLinkDensity &&
    features[i].chars >= t.cardLeadingLinkChars &&
    features[i].chars <= t.cardHeadlineMaxChars &&
    !LOOKS_LIKE_ADDRESS.test(blocks[i].text);
  const isBlurb = (f: BlockFeatures, headline: BlockFeatures): boolean =>
    f.linkDensity <= t.maxLinkDensity && f.chars > 0 && f.chars + headline.chars <= t.cardMaxChars;
  for (let i = 0; i < features.length; ) {
    let j = i;
    let pairs = 0;
    while (j + 1 < features.length && isHeadline(j) && isBlurb(features[j + 1], features[j])) {
      pairs++;
      j += 2;
    }
    let runGood = 0;
    for (let k = i; k < j; k++) runGood += Math.max(0, features[k].textScore);
    // A list that is most of the page's prose is what the page is about (a directory, a list
    // of resources), not other stories beside an article.
    if (pairs >= t.cardMinRepeats && runGood < pageGood * t.cardRunMaxPageShare) {
      for (let k = i; k < j; k++) features[k].teaserRun = true;
      i = j;
    } else i = Math.max(i + 1, j);
  }
}

function isLinkedHeading(block: RawBlock, f: BlockFeatures, t: HtmlThresholds): boolean {
  return block.role === 'heading' && f.linkDensity >= t.cardLinkDensity;
}

/** A short label with no link and no sentence, as kickers above headlines are. */
function isKicker(block: RawBlock, f: BlockFeatures, t: HtmlThresholds): boolean {
  return f.chars > 0 && f.chars <= t.cardKickerMaxChars && block.linkChars === 0 && !f.sentence;
}

/** What a block's text alone says of it. */
function blockFeatures(block: RawBlock, t: HtmlThresholds): BlockFeatures {
  const chars = block.text.length;
  const linkDensity = chars ? block.linkChars / chars : 0;
  const sentence = SENTENCE_END.test(block.text);
  // A server's error messages are noise the site printed, not evidence against the element
  // they landed in: they weigh nothing. (A `<pre>` may quote one on purpose, in a tutorial.)
  const diagnostic = block.tag !== 'pre' && isServerDiagnostic(block.text);
  const wordless = diagnostic || isNotProse(block.text, t.maxWordChars);
  const score = diagnostic ? 0 : textScore(chars, linkDensity, sentence, wordless, t);
  return { chars, linkDensity, sentence, wordless, diagnostic, textScore: score, hardHint: null, teaser: false, teaserRun: false, score };
}

/** `ownTitle`: the page title's key (titleKey), or '' when the page has none. */
export function scoreBlocks(blocks: RawBlock[], regions: Region[], t: HtmlThresholds, ownTitle = ''): BlockFeatures[] {
  // Loops, not callbacks, in this function and the ones it calls once a page: a callback made
  // for each page is a new closure, and V8 compiled such closures again and again.
  const features: BlockFeatures[] = [];
  for (const block of blocks) features.push(blockFeatures(block, t));
  validateHints(blocks, regions, features, t);
  // The page's article-like text, before hints and cards weigh on it.
  let pageGood = 0;
  for (const f of features) pageGood += Math.max(0, f.textScore);
  distrustGalleryCaptions(blocks, features, pageGood, t);
  markTeaserCards(blocks, regions, features, pageGood, ownTitle, t);
  markTeaserRuns(blocks, features, pageGood, t);
  for (let i = 0; i < blocks.length; i++) {
    const f = features[i];
    f.hardHint = nearestHardHint(blocks[i]);
    if (f.hardHint) f.score = -f.chars * t.hintPenalty;
    else if (f.teaser) f.score = -f.chars * t.cardPenalty;
  }
  return features;
}

export interface RootChoice {
  region: Region | null;
  score: number;
  positiveChars: number;
  /** Article-like text of the whole page (the same measure over every block). */
  pagePositiveChars: number;
  /**
   * Blocks [start, end) are the article's span: the region, widened over the runs of blocks
   * beside it that add to its score (see widenSpan).
   */
  start: number;
  end: number;
}

/**
 * The best element is not always the whole article: on pages laid out in tables or with
 * paragraphs loose in a wide container next to menus, the article's paragraphs are siblings
 * whose common parent also holds the navigation, so the best subtree is one paragraph. The
 * span grows from the region to the left and to the right by the run of blocks with the
 * largest positive sum (a maximum-sum segment that contains the region), within the region's
 * parent element and never past a block under a hard hint (navigation, comments, footer…). No
 * count of blocks bounds it: an essay written flat under <body>, its quotes in <blockquote>s,
 * is hundreds of sibling blocks, and the parent and the hints already bound the span.
 */
function widenSpan(region: Region, regionScore: number, regions: Region[], features: BlockFeatures[], t: HtmlThresholds): { start: number; end: number } {
  const minGain = Math.max(t.widenMinGain, t.widenMinShare * regionScore);
  const parent = regions[region.parent];
  const low = parent ? parent.start : 0;
  const high = parent ? parent.end : features.length;
  const reach = (from: number, step: -1 | 1, limit: number): number => {
    let sum = 0;
    let best = 0;
    let bestAt = from;
    for (let i = from; i !== limit; i += step) {
      const f = features[i];
      if (f.hardHint) break;
      sum += f.score;
      if (sum > best) {
        best = sum;
        bestAt = i + (step > 0 ? 1 : 0);
      }
    }
    return best >= minGain ? bestAt : from + (step > 0 ? 0 : 1);
  };
  const start = region.start > low ? reach(region.start - 1, -1, low - 1) : region.start;
  const end = region.end < high ? reach(region.end, 1, high) : region.end;
  return { start: Math.min(start, region.start), end: Math.max(end, region.end) };
}

export function chooseRoot(regions: Region[], features: BlockFeatures[], t: HtmlThresholds): RootChoice {
  const sum = new Prefix(features.map((f) => f.score));
  const positive = new Prefix(features.map((f) => Math.max(0, f.score)));
  const scoreOf = (r: Region): number => {
    const bonus = r.articleBody ? t.articleBodyBonus : r.content ? t.contentBonus : 0;
    return sum.range(r) + bonus * positive.range(r);
  };
  let best: Region | null = null;
  let bestScore = -Infinity;
  for (const r of regions) {
    if (r.end <= r.start) continue;
    const s = scoreOf(r);
    if (s > bestScore) {
      bestScore = s;
      best = r;
    }
  }
  if (!best) return { region: null, score: 0, positiveChars: 0, pagePositiveChars: 0, start: 0, end: 0 };
  // A deeper region scoring nearly as well is a tighter box around the same article.
  let chosen = best;
  for (const r of regions) {
    if (r.end <= r.start || r.depth <= chosen.depth) continue;
    if (r.start >= best.start && r.end <= best.end && scoreOf(r) >= bestScore * t.tieRatio) chosen = r;
  }
  const span = widenSpan(chosen, scoreOf(chosen), regions, features, t);
  const positiveChars = positive.sums[span.end] - positive.sums[span.start];
  return { region: chosen, score: scoreOf(chosen), positiveChars, pagePositiveChars: positive.sums[features.length], ...span };
}

/**
 * The block just above the chosen span, when it is a comment section's heading ("What you
 * think...", "Your say", "12 comments") standing outside it: the span is then that section's
 * thread (a story's readers can outwrite a short story), not the article. Returns its index.
 */
export function threadHeadingAbove(blocks: RawBlock[], features: BlockFeatures[], root: RootChoice, t: HtmlThresholds): number {
  for (let i = root.start - 1, seen = 0; i >= 0 && seen < t.threadHeadingLookBack; i--) {
    const text = blocks[i].text;
    if (!text.trim()) continue;
    seen++;
    // A link is a menu entry ("What do you think?" in the site's navigation), not a heading.
    if (text.length > t.phraseMaxChars || features[i].linkDensity > t.maxLinkDensity) return -1;
    const match = matchBoilerplate(text);
    return match?.strong && isCommentHeading(text, match) ? i : -1;
  }
  return -1;
}

/** `f` under another hard hint, with another score: field by field, for one hidden class (see withHints). */
function featuresWith(f: BlockFeatures, hardHint: Hint, score: number): BlockFeatures {
  const { chars, linkDensity, sentence, wordless, diagnostic, textScore, teaser, teaserRun } = f;
  return { chars, linkDensity, sentence, wordless, diagnostic, textScore, hardHint, teaser, teaserRun, score };
}

/** Marks the span [start, end) as the comment thread that the heading at `heading` opens. */
export function markHeadedThread(blocks: RawBlock[], features: BlockFeatures[], root: RootChoice, heading: number): void {
  const region = root.region!;
  const hint: Hint = {
    kind: 'comments',
    region: region.index,
    depth: region.depth,
    source: `under the comment heading "${blocks[heading].text.slice(0, 40)}"`,
    trusted: true,
    linkList: false,
    fromName: false,
  };
  for (let i = root.start; i < root.end; i++) {
    blocks[i] = withHints(blocks[i], [...blocks[i].hints, hint]);
    features[i] = featuresWith(features[i], hint, -features[i].chars);
  }
}
