/**
 * Classify: give every block its kind, keep or drop it, and say why. Blocks outside the chosen
 * region are boilerplate; inside it, blocks under a boilerplate hint or made of links are too.
 */
import type { HtmlThresholds } from '../config/html';
import { PLUGIN_TAGS } from '../config/html-hints';
import { matchBoilerplate, matchLongNotice, NAMES_A_STORY_LIST, OPENS_WITH_COPYRIGHT, saysLegalSentence } from '../config/phrases';
import type { Block, BlockKind } from '../types';
import type { BlockFeatures, RootChoice } from './score';
import { type Hint, regionLabel, type RawBlock, type Region } from './segment';
import { titleKey } from './title';

/** The innermost trusted hint set deeper than `minDepth`. */
function innermostHint(hints: Hint[], minDepth: number): Hint | null {
  let found: Hint | null = null;
  for (let i = hints.length - 1; i >= 0; i--) {
    const h = hints[i];
    if (!h.trusted || h.depth <= minDepth) continue;
    // Inside a comment form, a "comment-notes" paragraph is part of the form, not a comment.
    if (h.kind === 'comment-form') return h;
    found ??= h;
  }
  return found;
}

function inPlugin(block: RawBlock, regions: Region[]): boolean {
  for (let r = block.region; r >= 0; r = regions[r].parent) if (PLUGIN_TAGS.has(regions[r].tag)) return true;
  return false;
}

/**
 * A video's description, shown by the browser in place of its plugin, just above the article
 * region: the article's lead (portals put the story's video first). Prose only, and nothing
 * but the player's own lines or short ones between it and the region.
 */
function isPluginLead(index: number, raw: RawBlock[], features: BlockFeatures[], regions: Region[], start: number, t: HtmlThresholds): boolean {
  const f = features[index];
  if (index >= start || f.chars < t.pluginLeadMinChars || f.textScore <= 0) return false;
  // A description is often marked as the video's caption; any other hint (an ad, a promo) rules it out.
  if ((f.hardHint && f.hardHint.kind !== 'caption') || !inPlugin(raw[index], regions)) return false;
  if (matchBoilerplate(raw[index].text)) return false;
  for (let j = index + 1; j < start; j++) {
    if (features[j].chars >= t.mediumBlockChars && !inPlugin(raw[j], regions)) return false;
  }
  return true;
}

/**
 * Prose whose links push it over the link-density limit, in the article's span and followed by
 * more of the article (the next block with text reads as its prose): the article's own sentence
 * with its links, as a roundup's items or a story that links every name are written. A list of
 * links has no sentence, and links after the article have no article below them.
 */
function isLinkedProse(index: number, raw: RawBlock[], features: BlockFeatures[], root: RootChoice, t: HtmlThresholds): boolean {
  const f = features[index];
  if (f.linkDensity > t.linkedProseMaxDensity || !f.sentence || f.chars < t.linkedProseMinChars) return false;
  for (let j = index + 1; j < root.end; j++) {
    if (!raw[j].text.trim()) continue;
    const next = features[j];
    // A headline link set into the story (another story's title) sits between its paragraphs.
    if (next.linkDensity >= t.cardLinkDensity && !next.sentence) continue;
    return readsAsArticleProse(next, t);
  }
  return false;
}

/** A block the article's prose is made of: a sentence, few links, no hint, no teaser. */
function readsAsArticleProse(f: BlockFeatures, t: HtmlThresholds): boolean {
  return f.textScore > 0 && f.sentence && f.linkDensity <= t.maxLinkDensity && !f.hardHint && !f.teaser;
}

/**
 * A heading, all link (a post's or a product's title linked to its page), over a section of the
 * article's prose: the article's own subheading. Not the last of a list of linked headlines (the
 * block above it with text is no link list), and not a headline over a one-paragraph blurb (its
 * section, to the next heading, holds more than a teaser card can).
 */
function isLinkedHeadingOverProse(index: number, raw: RawBlock[], features: BlockFeatures[], root: RootChoice, t: HtmlThresholds): boolean {
  if (raw[index].role !== 'heading' || !/^h[1-6]$/.test(raw[index].tag)) return false;
  for (let j = index - 1; j >= root.start; j--) {
    if (!raw[j].text.trim()) continue;
    if (features[j].linkDensity > t.maxLinkDensity) return false;
    break;
  }
  let prose = 0;
  for (let j = index + 1; j < root.end; j++) {
    if (!raw[j].text.trim()) continue;
    if (prose === 0 && !readsAsArticleProse(features[j], t)) return false;
    if (raw[j].role === 'heading') break;
    if (features[j].linkDensity <= t.maxLinkDensity) prose += features[j].chars;
    if (prose > t.cardMaxChars) return true;
  }
  return false;
}

/**
 * After a "Related stories:" line set as a paragraph (bold, not a heading), the run of blocks
 * that each open with a headline link: the list of other stories it names. Returns the
 * index past the run, or -1 when the next block with text is no such headline. The article may
 * go on below the list (an inline promo box), so the section is the run, not the element.
 */
function headlineLinkRunEnd(raw: RawBlock[], index: number, t: HtmlThresholds): number {
  let end = -1;
  for (let j = index + 1; j < raw.length; j++) {
    if (!raw[j].text.trim()) continue;
    // The first headline is full length; later ones may be short ("What is family?").
    if (raw[j].leadingLinkChars < (end < 0 ? t.cardLeadingLinkChars : 1)) break;
    end = j + 1;
  }
  return end;
}

/** The next block with text after `index` is a paragraph of prose (long, few links): a post's first paragraph. */
function opensProse(index: number, raw: RawBlock[], features: BlockFeatures[], t: HtmlThresholds): boolean {
  for (let i = index + 1; i < raw.length; i++) {
    if (!raw[i].text.trim()) continue;
    const f = features[i];
    return raw[i].role !== 'heading' && f.chars >= t.nextPostMinChars && f.linkDensity <= t.maxLinkDensity && f.score > 0;
  }
  return false;
}

/** The blocks [index + 1, end) are the list of other stories that the line at `index` names. */
function storyListWall(index: number, end: number, text: string): { kind: BlockKind; reason: string; end: number } {
  return { kind: 'related', end, reason: `in the list of other stories under block ${index} ("${text.slice(0, 40)}")` };
}

/**
 * Where the section that the block at `index` opens ends: at the end of the element that holds
 * the block's own element. A comment thread's heading may sit in a wrapper of its own
 * (`<div class="head"><h2>`): that wrapper is not the thread, the element around it is, when
 * the heading opens that one too (a count of comments in a story's byline opens nothing). A
 * list of other stories is not looked for so far up: its headings are less sure ("More about
 * this recipe" heads the recipe's own story).
 */
function sectionEnd(regions: Region[], own: number, index: number, fallback: number, comments: boolean): number {
  let holder = regions[regions[own]?.parent ?? -1];
  while (comments && holder && holder.end <= index + 1) {
    const around = regions[holder.parent];
    if (!around || around.start !== index) break;
    holder = around;
  }
  return holder ? holder.end : fallback;
}

/** A copyright notice at `index` after most of the article ends it: the rest of the region, to `end`, is the site's. */
function copyrightWall(index: number, text: string, end: number): { kind: BlockKind; reason: string; end: number } {
  return { kind: 'legal', end, reason: `after the copyright notice that ends the article at block ${index} ("${text.slice(0, 40)}")` };
}

const COMMENT_KINDS: ReadonlySet<BlockKind> = new Set(['comments', 'comment-form']);

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/**
 * The block of raw block `b` at `index`, decided. A function of the module, not a closure made
 * for each block: V8 compiles it once.
 */
function blockOf(index: number, b: RawBlock, kind: BlockKind, kept: boolean, reason: string): Block {
  const block: Block = { index, text: b.text, kind, role: b.role, kept, reason, tag: b.tag };
  if (b.structure) block.structure = b.structure;
  return block;
}

export function classify(
  raw: RawBlock[],
  features: BlockFeatures[],
  regions: Region[],
  root: RootChoice,
  title: string | null,
  t: HtmlThresholds,
): Block[] {
  const region = root.region;
  // A region holding only a sliver of the page's prose is no article: the page is a listing
  // (news items, entries, a directory) whose prose is all its own.
  const listing = region !== null && root.positiveChars < t.listingMaxShare * root.pagePositiveChars;
  const hasArticle = region !== null && root.positiveChars >= t.minArticleChars && !listing;
  const fallback = !hasArticle && region !== null;
  const minHintDepth = hasArticle ? region.depth : -1;
  const key = title ? titleKey(title) : '';
  const rootLabel = region ? regionLabel(region) : '';
  let bodySeen = false;
  /** Positive score of the kept body so far. */
  let bodyScore = 0;
  /** Set once a comment section or a list of other stories begins inside the region. */
  let wall: { kind: BlockKind; reason: string; end: number; byLink?: boolean } | null = null;
  // A loop, not raw.map with an arrow: the arrow, made anew for each page, was compiled by V8
  // again and again.
  const blocks: Block[] = [];
  for (let index = 0; index < raw.length; index++) {
    const b = raw[index];
    const f = features[index];
    if (key && b.role === 'heading' && titleKey(b.text) === key) {
      blocks.push(blockOf(index, b, 'title', true, 'matches the page title'));
      continue;
    }
    // A page with no article region (a directory, a short notice, a list) keeps its blocks
    // that read as prose, judged by the in-article rules below (hints, link lists, teaser
    // cards and boilerplate phrases still go).
    const inside = hasArticle ? index >= root.start && index < root.end : fallback && f.score > 0;
    if (!inside && hasArticle && isPluginLead(index, raw, features, regions, root.start, t)) {
      blocks.push(blockOf(index, b, 'body', true, `the video's description just above the article region ${rootLabel}`));
      continue;
    }
    if (!inside) {
      // Outside the article only the cheap signals name the kind: most of a page is here.
      const lastHint = innermostHint(b.hints, -1);
      const kind: BlockKind = lastHint?.kind ?? (f.linkDensity > t.maxLinkDensity ? 'navigation' : 'boilerplate');
      const why = hasArticle ? `outside the article region ${rootLabel}` : 'the page has no article region';
      blocks.push(blockOf(index, b, kind, false, lastHint ? `${why}; ${lastHint.source}` : why));
      continue;
    }
    // Hints set by elements inside the article region speak about this block; hints above it
    // were outweighed when the region was chosen.
    const innerHint = innermostHint(b.hints, minHintDepth);
    if (innerHint) {
      const soft = f.hardHint === null || f.hardHint.depth <= minHintDepth;
      if (!soft || f.chars < t.softHintMaxChars) {
        // The site's own copyright element after most of the article, saying what only a
        // legal notice says ("This material may not be published…"), ends it as a notice found
        // by its words does (below). A photo's credit ("© Agency 2019") says no such sentence.
        if (innerHint.kind === 'legal' && !wall && bodyScore >= t.copyrightEndMinBodyShare * root.positiveChars && saysLegalSentence(b.text)) {
          wall = copyrightWall(index, b.text, root.end);
        }
        blocks.push(blockOf(index, b, innerHint.kind, false, `inside the article region, under ${innerHint.source}`));
        continue;
      }
    }
    // A comment section opened by a link ("Comments (3)" under a post) ends where a new titled
    // section of prose begins: on a blog's front page the link leads to that post's thread
    // elsewhere, and the next post follows.
    if (wall?.byLink && index < wall.end && b.role === 'heading' && /^h[1-3]$/.test(b.tag) && opensProse(index, raw, features, t)) wall = null;
    if (wall && index < wall.end) {
      // Below a copyright notice readers' comments may still begin: they are a thread, not the site's.
      const opener = wall.kind === 'legal' && f.chars <= t.phraseMaxChars ? matchBoilerplate(b.text) : null;
      if (!opener?.strong || !COMMENT_KINDS.has(opener.kind)) {
        blocks.push(blockOf(index, b, wall.kind, false, wall.reason));
        continue;
      }
      wall = { kind: 'comments', end: root.end, reason: `in the comment section that begins at block ${index} ("${b.text.slice(0, 40)}")` };
      blocks.push(blockOf(index, b, opener.kind, false, `boilerplate phrase (${opener.rule})`));
      continue;
    }
    if (f.wordless) {
      const why = f.diagnostic ? "the server's error message (PHP)" : 'not prose: a run of letters too long for a word, or almost no spaces';
      blocks.push(blockOf(index, b, 'boilerplate', false, why));
      continue;
    }
    // Boilerplate lines are short; long article paragraphs are not worth the phrase scan. Legal
    // notices and a thread's rules run longer: only their own words are looked for past it.
    const phrase = f.chars <= t.phraseMaxChars ? matchBoilerplate(b.text) : matchLongNotice(b.text);
    if (phrase && (phrase.strong || f.chars <= t.weakPhraseMaxChars)) {
      // A comment section, or a heading that opens a list of other stories ("Related
      // articles", "You may also like"), ends the article: nothing after it is the article's.
      const opensSection =
        bodySeen && phrase.strong && (COMMENT_KINDS.has(phrase.kind) || (phrase.kind === 'related' && b.role === 'heading'));
      const listEnd =
        bodySeen && phrase.strong && phrase.whole && phrase.kind === 'related' && b.role !== 'heading' ? headlineLinkRunEnd(raw, index, t) : -1;
      if (listEnd > index) wall = storyListWall(index, listEnd, b.text);
      // A copyright notice after most of the article ends it: the rest of the region is the site's.
      const closesArticle =
        phrase.kind === 'legal' &&
        phrase.strong &&
        bodyScore >= t.copyrightEndMinBodyShare * root.positiveChars &&
        OPENS_WITH_COPYRIGHT.test(b.text) &&
        !b.text.trimEnd().endsWith(')'); // a notice in parentheses credits a figure or a quote
      if (closesArticle) {
        wall = copyrightWall(index, b.text, root.end);
      }
      if (opensSection) {
        const kind: BlockKind = phrase.kind === 'related' ? 'related' : 'comments';
        wall = {
          kind,
          byLink: kind === 'comments' && f.linkDensity > t.maxLinkDensity,
          end: sectionEnd(regions, b.region, index, root.end, kind === 'comments'),
          reason: `in the ${kind === 'related' ? 'related stories' : 'comment section'} that begins at block ${index} ("${b.text.slice(0, 40)}")`,
        };
      }
      blocks.push(blockOf(index, b, phrase.kind, false, `boilerplate phrase (${phrase.rule})`));
      continue;
    }
    // A list's heading in the site's own words, over a run of headline links: the same section.
    if (bodySeen && f.chars <= t.phraseMaxChars && NAMES_A_STORY_LIST.test(b.text.trim())) {
      const end = headlineLinkRunEnd(raw, index, t);
      if (end > index) {
        wall = storyListWall(index, end, b.text);
        blocks.push(blockOf(index, b, 'related', false, 'heads the list of other stories below it'));
        continue;
      }
    }
    if (f.teaser) {
      blocks.push(blockOf(index, b, 'related', false, 'teaser card: opens with a headline link'));
      continue;
    }
    if (f.teaserRun && bodySeen) {
      blocks.push(blockOf(index, b, 'related', false, 'after the article, in a run of headline links each with its blurb'));
      continue;
    }
    if (
      f.linkDensity > t.maxLinkDensity &&
      !(hasArticle && bodySeen && (isLinkedProse(index, raw, features, root, t) || isLinkedHeadingOverProse(index, raw, features, root, t)))
    ) {
      blocks.push(blockOf(index, b, f.chars > t.longBlockChars ? 'related' : 'navigation', false, `link density ${pct(f.linkDensity)}`));
      continue;
    }
    bodySeen = true;
    bodyScore += Math.max(0, f.score);
    const reason = hasArticle
      ? f.linkDensity > t.maxLinkDensity
        ? b.role === 'heading'
          ? `in the article region ${rootLabel}: its subheading, a link (link density ${pct(f.linkDensity)}), over a section of its prose`
          : `in the article region ${rootLabel}: its prose with its links (link density ${pct(f.linkDensity)}), more of it below`
        : `in the article region ${rootLabel} (score ${f.score.toFixed(0)})`
      : `the page has no article region: kept as prose (score ${f.score.toFixed(0)})`;
    blocks.push(blockOf(index, b, 'body', true, reason));
  }
  return blocks;
}
