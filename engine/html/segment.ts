/**
 * Segment: stream the page through htmlparser2's tokenizer once (no DOM is built) and cut
 * its visible text into blocks at block-level element boundaries. Each block-level element
 * that holds text becomes a Region covering a contiguous range of blocks, so any subtree's
 * blocks are `blocks[start, end)` and scoring a subtree is a subtraction of prefix sums.
 *
 * Streaming keeps memory flat and means no recursion at all: a page nested 100,000 elements
 * deep is only a long stack array (see tokenize.ts). The page may arrive as its bytes, one
 * character each (decode/page-chars.ts): text is decoded when a block is flushed.
 */
import { decodeHTML } from 'entities';
import { WinnowError } from '../errors';
import { ALWAYS_TRUSTED_KINDS, BLOCK_TAGS, FORM_OPTION_INPUTS, HEADING_TAGS, LIST_ITEM_TAGS, SKIP_TAGS } from '../config/html-hints';
import { HTML_DEFAULTS } from '../config/html';
import type { BlockKind, BlockRole, BlockStructure } from '../types';
import { HiddenByStyle, mediaShowsOnScreen } from './page-css';
import { hintFromNames, hintFromRole, hintFromTag, type NameHint } from './hints';
import { mayDescribeArticle, type PageMeta, readJsonLd, readMeta } from './metadata';
import { type Attrs, type TagSink, tokenize } from './tokenize';
import { textChars, type PageChars } from '../decode/page-chars';
import { isJsSpace, singleSpaced } from '../spaces';
import { META_READ, PUBLISHED_CLASS, MARKED_ITEMPROPS } from '../config/metadata';
import { INLINE_MARK_TAGS, MARKDOWN_DEFAULTS, PLACEHOLDER_IMAGE, UNWRITTEN_LINK, type MarkdownMarks } from '../config/markdown';
import { emptySignals, type PageSignals, type PlaceKind } from '../metadata/signals';

export interface Hint {
  kind: BlockKind;
  /** Region that carries the hint. */
  region: number;
  depth: number;
  /** Human-readable origin: `<nav>`, `class "share-bar"`, `role=navigation`. */
  source: string;
  /** False when the hinted element turned out to hold article-like text (see score.ts). */
  trusted: boolean;
  /** Given by a name of what is a list of links by nature (a menu, a table of contents: NameHint). */
  linkList: boolean;
  /** Read from a class or id name (not a tag or a role): a site's own words, the least sure hint. */
  fromName: boolean;
}

export interface Region {
  index: number;
  tag: string;
  /** `class` and `id` as written, for the region's label. */
  className: string;
  id: string;
  depth: number;
  parent: number;
  /** Blocks [start, end) are this element's. */
  start: number;
  end: number;
  /** Marked as the article's own container (`<article>`, `<main>`, itemprop=articleBody, class names). */
  content: boolean;
  /** itemprop=articleBody: the page says so itself. */
  articleBody: boolean;
}

export interface RawBlock {
  text: string;
  tag: string;
  role: BlockRole;
  /** Characters of the text inside links. */
  linkChars: number;
  /** Characters of link text before any other text (teasers start with their headline link). */
  leadingLinkChars: number;
  /** The first character after the leading link (`.` when the link was the block's first sentence). */
  afterLeadingLink: string;
  /** Innermost block-level element holding the text. */
  region: number;
  depth: number;
  /** Boilerplate hints of the ancestors, outermost first. */
  hints: Hint[];
  /** Heading level, list, quote, code (for the Markdown output); absent for a plain paragraph. */
  structure?: BlockStructure;
}

/**
 * `block` with other hints. Built field by field in the order `flush` writes a block: a spread
 * copy gets a hidden class of its own, and every function that reads blocks would meet two.
 */
export function withHints(block: RawBlock, hints: Hint[]): RawBlock {
  return {
    text: block.text,
    tag: block.tag,
    role: block.role,
    linkChars: block.linkChars,
    leadingLinkChars: block.leadingLinkChars,
    afterLeadingLink: block.afterLeadingLink,
    region: block.region,
    depth: block.depth,
    hints,
    structure: block.structure,
  };
}

export interface Segmented {
  blocks: RawBlock[];
  regions: Region[];
  meta: PageMeta;
}

/** `tag#id.class` as a person would name the element. */
/**
 * The elements beside `r` of its kind: the other children of its parent with the same tag and
 * class name (a blog's posts, a list's cards, a thread's comments). Regions are in document
 * order, so the parent's children follow it while its blocks go on.
 */
export function sameNamedSiblings(r: Region, regions: readonly Region[]): Region[] {
  const parent = regions[r.parent];
  const out: Region[] = [];
  if (!parent) return out;
  for (let j = parent.index + 1; j < regions.length && regions[j]!.start < parent.end; j++) {
    const other = regions[j]!;
    if (other !== r && other.parent === r.parent && other.tag === r.tag && other.className === r.className) out.push(other);
  }
  return out;
}

export function regionLabel(r: Region): string {
  const id = r.id ? `#${r.id}` : '';
  const cls = r.className ? `.${r.className.trim().split(/\s+/).slice(0, 3).join('.')}` : '';
  return `${r.tag}${id}${cls}`;
}

const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
const JSON_LD_TYPE = /ld\+json/i;
const LD_METADATA_HINT = /"(?:date|author|creator|publisher|keywords|articleSection|uploadDate)/;
const CELL_SEPARATOR = ' | ';

function isHidden(attribs: Attrs): boolean {
  if (attribs.hidden !== undefined || attribs['aria-hidden'] === 'true') return true;
  return attribs.style !== undefined && HIDDEN_STYLE.test(attribs.style);
}

interface Frame {
  tag: string;
  /**
   * Inline elements that change nothing (span, em, strong…) get no frame of their own: they
   * are counted here on the frame below them, and their close event just decrements the count.
   */
  transparent: number;
  /** Region of the nearest block-level element (this one, if it is block-level). */
  region: number;
  isBlock: boolean;
  pushedHint: boolean;
  /** An embedded post's frame: the hints around it, restored when it closes (see openBlock). */
  hintsOutside?: Hint[];
  inLink: boolean;
  heading: boolean;
  /** Heading level of the innermost heading around (0: none). */
  level: number;
  /** `<ul>`/`<ol>` around, and whether the innermost is `<ol>`. */
  listDepth: number;
  ordered: boolean;
  /** `<blockquote>` around. */
  quote: number;
  /** Inside `<pre>`: its text keeps its line breaks. */
  pre: boolean;
  /** The code language a `<pre>` or its `<code>` names by class. */
  codeLang: string | null;
}

/** `language-python`, `lang-js`, `brush: ruby`, `highlight-source-go`: the language a code element's class names. */
const CODE_LANGUAGE = /(?:^|\s)(?:language|lang|brush:|highlight-source|sourceCode)[-:\s]?([a-z0-9+#_-]+)/i;

function codeLanguage(className: string | undefined): string | null {
  if (!className) return null;
  const m = CODE_LANGUAGE.exec(className);
  return m ? m[1].toLowerCase() : null;
}

/** The structure of a block flushed in `owner` (null for a plain paragraph: no object is made). */
function structureOf(owner: Frame, tag: string, rawText: string | null): BlockStructure | undefined {
  if (!owner.level && !owner.listDepth && !owner.quote && !owner.pre) return undefined;
  const s: BlockStructure = {};
  if (owner.level) s.level = owner.level;
  if (owner.listDepth && tag === 'li') s.list = { depth: owner.listDepth, ordered: owner.ordered };
  if (owner.quote) s.quote = owner.quote;
  if (owner.pre && rawText !== null) s.code = { text: rawText.replace(/^\s*\n|\s+$/g, ''), language: owner.codeLang };
  return s.level || s.list || s.quote || s.code ? s : undefined;
}

/** A block's structure with its inline marks (either may be absent). */
function withInline(s: BlockStructure | undefined, marks: Pick<BlockStructure, 'emphasis' | 'links' | 'images'> | undefined): BlockStructure | undefined {
  return marks ? { ...s, ...marks } : s;
}

/** Character references (`&amp;`, `&#8212;`) decoded, as a browser shows them. */
export function decodeReferences(raw: string): string {
  return raw.includes('&') ? decodeHTML(raw) : raw;
}

/** Runs of whitespace (no-break spaces too) as one space, trimmed. */
function collapse(text: string): string {
  return singleSpaced(text).trim();
}

/** Length without leading and trailing whitespace, without allocating a trimmed copy. */
function visibleLength(text: string): number {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 32) start++;
  while (end > start && text.charCodeAt(end - 1) <= 32) end--;
  return end - start;
}

/**
 * Raw text of nothing but spaces and no-break spaces: the character (or its UTF-8 bytes, on a
 * page walked as bytes) or its references, which are decoded only at flush.
 */
const NO_BREAK_SPACES = /^(?:\s|\xc2\xa0|&nbsp;|&#0*160;|&#x0*a0;)+$/i;


/** Text being gathered for the next block. */
class Pending {
  /**
   * The raw text so far, in the page's characters (its bytes when walked as bytes; decoded at
   * flush). String concatenation: V8 builds a rope, flattened once at flush.
   */
  raw = '';
  /** A raw piece whose leading link ended, for `afterLeading`, decoded only at flush. */
  afterLeadingRaw = '';
  visible = 0;
  linkChars = 0;
  leadingLinkChars = 0;
  /** 0: no text yet; 1: inside a leading run of link text; 2: past it. */
  leadState = 0;
  /** A `<br>` was just seen: a second one in a row ends the block. */
  pendingBreak = false;

  constructor(private readonly page: PageChars) {}

  add(text: string, inLink: boolean): void {
    this.raw += text;
    const visible = visibleLength(text);
    if (visible === 0) return;
    this.visible += visible;
    // `<br>&nbsp;&nbsp;<br>` is a blank line as much as `<br><br>`: no-break spaces keep the break pending.
    if (this.pendingBreak && !NO_BREAK_SPACES.test(text)) this.pendingBreak = false;
    if (!inLink) {
      if (this.leadState === 1) this.afterLeadingRaw = text;
      this.leadState = 2;
      return;
    }
    // Link text is measured in characters of text (not bytes): link density compares it to the block's text.
    const chars = this.page.textLength(text, 0, text.length) - (text.length - visible);
    this.linkChars += chars;
    if (this.leadState === 2) return;
    this.leadState = 1;
    this.leadingLinkChars += chars;
  }

  /** The first visible character after the leading link. */
  afterLeading(): string {
    return this.afterLeadingRaw && this.page.text(this.afterLeadingRaw).trimStart().charAt(0);
  }

  reset(): void {
    this.raw = '';
    this.visible = 0;
    this.linkChars = 0;
    this.leadingLinkChars = 0;
    this.leadState = 0;
    this.afterLeadingRaw = '';
    this.pendingBreak = false;
  }
}

type InlineKind = 'em' | 'strong' | 'code' | 'link';

/**
 * Inline markup of the pending block for the Markdown output (options `markdown`): emphasis,
 * inline code and links as spans, images as points, all first as positions in the block's raw
 * text, turned into positions in its final text when the block is flushed. Only built when an
 * option asks for it; blocks without markup cost nothing more.
 */
class InlineMarks {
  /** Elements open now, with where they opened in the pending raw text. */
  private open: { tag: string; kind: InlineKind; at: number; href: string; depth: number }[] = [];
  private spans: { kind: InlineKind; start: number; end: number; href: string }[] = [];
  private images: { at: number; src: string; alt: string }[] = [];

  constructor(private readonly wanted: MarkdownMarks, private readonly page: PageChars) {}

  /** An inline element opens at `at` (raw position) inside `depth` frames. */
  openElement(name: string, attribs: Attrs, at: number, depth: number, inPre: boolean, inLink: boolean): void {
    if (name === 'a') {
      if (!this.wanted.links || inLink || !attribs.href) return;
      const href = decodeReferences(attribs.href).trim();
      if (!UNWRITTEN_LINK.test(href)) this.open.push({ tag: name, kind: 'link', at, href, depth });
      return;
    }
    const kind = this.wanted.emphasis && !inPre ? INLINE_MARK_TAGS.get(name) : undefined;
    if (kind) this.open.push({ tag: name, kind, at, href: '', depth });
  }

  /** A block element closed: what opened inside it and was never closed ends with it. */
  closeDeeperThan(depth: number): void {
    if (this.open.length && this.open[this.open.length - 1]!.depth > depth) this.open = this.open.filter((o) => o.depth <= depth);
  }

  closeElement(name: string, at: number): void {
    for (let i = this.open.length - 1; i >= 0; i--) {
      const o = this.open[i]!;
      if (o.tag !== name) continue;
      this.open.splice(i, 1);
      if (at > o.at) this.spans.push({ kind: o.kind, start: o.at, end: at, href: o.href });
      return;
    }
  }

  image(attribs: Attrs, at: number): void {
    if (!this.wanted.images) return;
    const src = attribs.src && !PLACEHOLDER_IMAGE.test(attribs.src) ? attribs.src : attribs['data-src'] || attribs.src;
    if (!src || /^\s*data:/i.test(src)) return;
    const alt = attribs.alt ? collapse(decodeReferences(attribs.alt)) : '';
    this.images.push({ at, src: decodeReferences(src).trim(), alt });
  }

  /** A pending run of whitespace only was dropped: what was open goes on from the next text; images wait for it. */
  carry(): void {
    // Most blocks have no markup: nothing is touched then (not even an array's length, which V8 sets slowly).
    if (this.spans.length) this.spans = [];
    for (let i = 0; i < this.open.length; i++) this.open[i]!.at = 0;
    for (let i = 0; i < this.images.length; i++) this.images[i]!.at = 0;
  }

  /**
   * The block is flushed: its marks as positions in `text` (the collapsed decoding of `raw`),
   * or undefined when it has none. Elements still open go on into the next block.
   */
  take(raw: string, text: string, inPre: boolean): Pick<BlockStructure, 'emphasis' | 'links' | 'images'> | undefined {
    const open = this.open;
    if (open.length === 0 && this.spans.length === 0 && this.images.length === 0) return undefined;
    for (let i = 0; i < open.length; i++) {
      const o = open[i]!;
      if (raw.length > o.at) this.spans.push({ kind: o.kind, start: o.at, end: raw.length, href: o.href });
      o.at = 0;
    }
    const spans = this.spans;
    const images = this.images;
    if (spans.length) this.spans = [];
    if (images.length) this.images = [];
    if (inPre || (spans.length === 0 && images.length === 0)) return undefined;
    const cuts: number[] = [];
    for (const sp of spans) cuts.push(sp.start, sp.end);
    for (const im of images) cuts.push(im.at);
    cuts.sort((a, b) => a - b);
    const at = this.textPositions(raw, cuts, text);
    if (!at) return undefined;
    const pos = (rawAt: number): number => at[cuts.indexOf(rawAt)]!;
    const out: Pick<BlockStructure, 'emphasis' | 'links' | 'images'> = {};
    for (const sp of spans) {
      const start = pos(sp.start);
      const end = pos(sp.end);
      if (end <= start) continue;
      if (sp.kind === 'link') (out.links ??= []).push([start, end, sp.href]);
      else (out.emphasis ??= []).push([start, end, sp.kind]);
    }
    for (const im of images) (out.images ??= []).push([pos(im.at), im.src, im.alt]);
    return out.emphasis || out.links || out.images ? out : undefined;
  }

  /** Raw positions (sorted) → positions in the collapsed text, in the same order; null when the pieces do not add up to it (then no marks). */
  private textPositions(raw: string, cuts: readonly number[], text: string): number[] | null {
    const at: number[] = [];
    let count = 0;
    let started = false;
    let space = false;
    let prev = 0;
    const advance = (to: number): void => {
      if (to <= prev) return;
      const piece = decodeReferences(this.page.text(raw.slice(prev, to)));
      for (let i = 0; i < piece.length; i++) {
        if (isJsSpace(piece.charCodeAt(i))) {
          if (started && !space) {
            count++;
            space = true;
          }
        } else {
          count++;
          started = true;
          space = false;
        }
      }
      prev = to;
    };
    for (const cut of cuts) {
      advance(Math.min(cut, raw.length));
      at.push(Math.min(count, text.length));
    }
    advance(raw.length);
    return count - (space ? 1 : 0) === text.length ? at : null;
  }
}

/** The kind of the innermost boilerplate region open, as the metadata stage weighs a date found there. */
function placeOf(hints: readonly Hint[]): PlaceKind {
  for (let i = hints.length - 1; i >= 0; i--) {
    const kind = hints[i].kind;
    if (kind === 'comments' || kind === 'comment-form') return 'comments';
    if (kind === 'related' || kind === 'ad') return 'related';
    if (kind === 'navigation' || kind === 'breadcrumb') return 'navigation';
    if (kind === 'footer' || kind === 'legal') return 'footer';
  }
  return hints.length ? 'other' : null;
}

/** `<meta>`, `<link rel=canonical>`, `<time>` and itemprop dates: what engine/metadata reads. */
function collectSignal(signals: PageSignals, name: string, attribs: Attrs, block: number, hints: readonly Hint[]): void {
  if (name === 'meta') {
    // An itemprop date or author is a mark (it may stand in a comment); other metas are the page's.
    const key = attribs.property ?? attribs.name ?? attribs['http-equiv'] ?? attribs.itemprop;
    if (key && attribs.content) {
      const name = key.toLowerCase();
      if (META_READ.has(name) && !(key === attribs.itemprop && MARKED_ITEMPROPS.has(name))) signals.metas.push([name, attribs.content]);
    }
  } else if (name === 'link') {
    if (attribs.href && signals.canonical === null && attribs.rel?.toLowerCase() === 'canonical') signals.canonical = attribs.href;
    return;
  }
  // RDFa in the body (`<span property="schema:dateCreated" content="…">`) reads like a meta.
  if (attribs.property && attribs.content && name !== 'meta') {
    const property = attribs.property.toLowerCase();
    if (META_READ.has(property)) signals.metas.push([property, attribs.content]);
  }
  const itemprop = attribs.itemprop ? attribs.itemprop.toLowerCase() : '';
  const isTime = name === 'time';
  if (!isTime && !(itemprop && MARKED_ITEMPROPS.has(itemprop))) return;
  const names = `${attribs.class ?? ''} ${attribs.id ?? ''}`;
  signals.marks.push({
    value: attribs.datetime ?? attribs.content ?? null,
    block,
    place: placeOf(hints),
    itemprop,
    published: PUBLISHED_CLASS.test(names),
    isTime,
  });
}

export function segment(
  input: PageChars | string,
  maxBlocks = Infinity,
  collectSignals = false,
  markdown: MarkdownMarks = MARKDOWN_DEFAULTS,
  maxSheetChars = HTML_DEFAULTS.maxSheetChars,
): Segmented {
  const page = typeof input === 'string' ? textChars(input) : input;
  const limits: WalkLimits = { maxBlocks, collectSignals, markdown, maxSheetChars };
  const sheets = new HiddenByStyle();
  let walk = segmentOnce(page, limits, sheets);
  // A sheet read later showed a name an earlier one had hidden (`.article { visibility:
  // visible }` once the page has loaded): walk the page again with all its sheets known.
  if (sheets.revoked()) walk = segmentOnce(page, limits, sheets.settled());
  // What the sheets hid outweighs what the page shows: the page is a shell its script reveals
  // (a loader's `.loading { display: none }` around everything), and a reader does see it.
  if (walk.hiddenChars > walk.shownChars) walk = segmentOnce(page, limits, null);
  return walk.segmented;
}

interface Walk {
  segmented: Segmented;
  /** Characters of text inside elements the page's sheets hide. */
  hiddenChars: number;
  /** Characters of text in the blocks. */
  shownChars: number;
}

interface WalkLimits {
  maxBlocks: number;
  collectSignals: boolean;
  markdown: MarkdownMarks;
  maxSheetChars: number;
}

/** U+00A0 encoded in UTF-8 (C2 A0) and read as Latin-1, its no-break space collapsed away. */
const MOJIBAKE_NBSP = '\u00c2';

// A dateline the site hides by its sheet still dates the page (the metadata stage reads it;
// as before, its line is classified as metadata, not kept as the article's).
function hiddenBySheet(hiddenByStyle: HiddenByStyle, name: string, attribs: Attrs): boolean {
  return name !== 'body' && name !== 'html' && hiddenByStyle.hides(attribs.id, attribs.class) && !PUBLISHED_CLASS.test(`${attribs.class ?? ''} ${attribs.id ?? ''}`);
}

/** One walk of the page; `hiddenByStyle` null: its sheets are not read (nothing is hidden by them). */
function segmentOnce(page: PageChars, limits: WalkLimits, hiddenByStyle: HiddenByStyle | null): Walk {
  return new PageWalk(page, limits, hiddenByStyle).run();
}

/**
 * The state of one walk and the tree events that change it (the TagSink `tokenize` calls). A
 * class, not closures made anew for each page: its methods stay the same functions from page to
 * page, so V8 compiles them once (closures were compiled again page after page).
 */
class PageWalk implements TagSink {
  private readonly inline: InlineMarks | null;
  private readonly blocks: RawBlock[] = [];
  private readonly regions: Region[] = [];
  private readonly hints: Hint[] = [];
  /** A copy of `hints` shared by every block flushed until the hint stack changes. */
  private hintsSnapshot: Hint[] | null = null;
  private readonly signals: PageSignals | null;
  private readonly meta: PageMeta;
  private readonly pending: Pending;
  private readonly nameCache = new Map<string, NameHint>();
  private readonly frames: Frame[] = [
    {
      tag: '#root', transparent: 0, region: -1, isBlock: true, pushedHint: false, hintsOutside: undefined, inLink: false,
      heading: false, level: 0, listDepth: 0, ordered: false, quote: 0, pre: false, codeLang: null,
    },
  ];
  /** Depth of skipped elements we are inside (script, style, hidden…); their text is not the page's. */
  private skipDepth = 0;
  /** Inside an element a sheet hides: its text is counted (hiddenChars), not kept. */
  private inSheetHidden = false;
  private hiddenChars = 0;
  /** Collecting raw text of a JSON-LD script or the head's `<title>`. */
  private capture: 'json-ld' | 'title' | 'style' | null = null;
  private captured: string[] = [];
  /** Characters of the `<style>` being captured; past `maxSheetChars` it is not read at all. */
  private sheetChars = 0;
  private inHead = false;
  /** Regions holding a form's option inputs (radio buttons): see markFormOptions. */
  private readonly formOptionRegions = new Set<number>();

  constructor(
    private readonly page: PageChars,
    private readonly limits: WalkLimits,
    private readonly hiddenByStyle: HiddenByStyle | null,
  ) {
    const { markdown } = limits;
    this.inline = markdown.emphasis || markdown.links || markdown.images ? new InlineMarks(markdown, page) : null;
    this.signals = limits.collectSignals ? emptySignals() : null;
    this.meta = { title: null, ogTitle: null, lang: null, jsonLd: [], h1: [], signals: this.signals };
    this.pending = new Pending(page);
  }

  run(): Walk {
    const { page, blocks, regions } = this;
    const { markdown } = this.limits;
    tokenize(page.pieces(), this, page.text, { hrefs: markdown.links, images: markdown.images });
    this.flush();
    markFormOptions(blocks, regions, this.formOptionRegions);
    let shownChars = 0;
    if (this.hiddenChars > 0) for (const block of blocks) shownChars += block.text.length;
    return { segmented: { blocks: mergeTableRows(blocks, regions), regions, meta: this.meta }, hiddenChars: this.hiddenChars, shownChars };
  }

  // The TagSink.

  wantsAttributes(): boolean {
    return this.skipDepth === 0;
  }

  wantsText(): boolean {
    return this.capture !== null || (this.skipDepth === 0 && !this.inHead) || this.inSheetHidden;
  }

  text(text: string): void {
    if (this.capture) {
      if (this.capture !== 'style') this.captured.push(text);
      else if ((this.sheetChars += text.length) <= this.limits.maxSheetChars) this.captured.push(text);
    } else if (this.inSheetHidden) this.hiddenChars += text.length;
    else this.pending.add(text, this.frames[this.frames.length - 1].inLink);
  }

  private flush(): void {
    if (this.pending.visible === 0) {
      if (this.pending.raw.length) this.pending.reset();
      this.inline?.carry();
      return;
    }
    const decoded = decodeReferences(this.page.text(this.pending.raw));
    const text = collapse(decoded);
    // "Â" alone is a no-break space whose UTF-8 bytes were read as Latin-1 (by the page's own
    // tools, before it was served): an empty spacer, not a block of text.
    if (text === MOJIBAKE_NBSP) {
      this.pending.reset();
      this.inline?.carry();
      return;
    }
    const owner = this.frames[this.frames.length - 1]; // inline frames carry their block's region
    const region = owner.region >= 0 ? this.regions[owner.region] : null;
    const tag = region ? region.tag : 'body';
    const role: BlockRole = owner.heading ? 'heading' : LIST_ITEM_TAGS.has(tag) ? 'list-item' : 'paragraph';
    if (tag === 'h1') this.meta.h1.push(text);
    if (this.blocks.length >= this.limits.maxBlocks) {
      throw new WinnowError('TOO_COMPLEX', `the page has over ${this.limits.maxBlocks} blocks of text (html.maxBlocks); refused to keep memory bounded`);
    }
    this.blocks.push({
      text,
      tag,
      role,
      linkChars: Math.min(this.pending.linkChars, text.length),
      leadingLinkChars: Math.min(this.pending.leadingLinkChars, this.pending.linkChars, text.length),
      afterLeadingLink: this.pending.afterLeading(),
      region: owner.region,
      depth: this.frames.length,
      hints: (this.hintsSnapshot ??= this.hints.slice()),
      structure: withInline(structureOf(owner, tag, owner.pre ? decoded : null), this.inline?.take(this.pending.raw, text, owner.pre)),
    });
    this.pending.reset();
  }

  private openBlock(tag: string, attribs: Attrs, parent: Frame): Frame {
    this.flush();
    const className = attribs.class ?? '';
    const id = attribs.id ?? '';
    const named = tag === 'body' || tag === 'html' ? null : hintFromNames(className, id, this.nameCache);
    const articleBody = (attribs.itemprop ?? '').toLowerCase().includes('articlebody');
    const role = attribs.role;
    const index = this.regions.length;
    this.regions.push({
      index,
      tag,
      className,
      id,
      depth: this.frames.length,
      parent: parent.region,
      start: this.blocks.length,
      end: this.blocks.length,
      content: articleBody || tag === 'article' || tag === 'main' || role === 'main' || Boolean(named?.content),
      articleBody,
    });
    // A social post the story embeds: the hints of the elements that hold nothing but it so
    // far (its wrappers, named for the service) do not reach its text. A comment thread's or a
    // consent banner's do: a post there is a reader's, or the banner's.
    let hintsOutside: Hint[] | undefined;
    if (named?.embedsPost) {
      hintsOutside = this.hints.slice();
      const kept = this.hints.filter((h) => this.regions[h.region]!.start < this.blocks.length || ALWAYS_TRUSTED_KINDS.has(h.kind));
      this.hints.length = 0;
      this.hints.push(...kept);
      this.hintsSnapshot = null;
    }
    const tagKind = hintFromTag(tag);
    const roleKind = tagKind ? null : hintFromRole(role);
    const kind = tagKind ?? roleKind ?? named?.kind ?? null;
    let pushedHint = false;
    if (kind && !articleBody) {
      const source = tagKind ? `<${tag}>` : roleKind ? `role=${role}` : `class/id "${named?.name}"`;
      const linkList = !tagKind && !roleKind && named?.linkList === true;
      const fromName = !tagKind && !roleKind;
      this.hints.push({ kind, region: index, depth: this.frames.length, source, trusted: true, linkList, fromName });
      this.hintsSnapshot = null;
      pushedHint = true;
    }
    return {
      tag,
      transparent: 0,
      region: index,
      isBlock: true,
      pushedHint,
      hintsOutside,
      inLink: parent.inLink,
      heading: parent.heading || HEADING_TAGS.has(tag),
      level: HEADING_TAGS.has(tag) ? tag.charCodeAt(1) - 48 : parent.level,
      listDepth: tag === 'ul' || tag === 'ol' ? parent.listDepth + 1 : parent.listDepth,
      ordered: tag === 'ol' ? true : tag === 'ul' ? false : parent.ordered,
      quote: tag === 'blockquote' ? parent.quote + 1 : parent.quote,
      pre: parent.pre || tag === 'pre',
      codeLang: tag === 'pre' ? codeLanguage(className) : parent.codeLang,
    };
  }

  /** A `<style>` element: its text is captured for hiddenByStyle (unless it is for print only). */
  private openSheet(attribs: Attrs): void {
    if (this.hiddenByStyle === null || !mediaShowsOnScreen(attribs.media)) return;
    this.capture = 'style';
    this.captured = [];
    this.sheetChars = 0;
  }

  open(name: string, attribs: Attrs, isVoid: boolean): void {
    if (this.skipDepth > 0) {
      if (!isVoid) this.skipDepth++;
      return;
    }
    const isBlock = BLOCK_TAGS.has(name);
    // XHTML declares it as xml:lang.
    if (name === 'html' && (attribs.lang || attribs['xml:lang'])) this.meta.lang = attribs.lang || attribs['xml:lang']!;
    if (name === 'head') this.inHead = true;
    else if (isBlock || name === 'body') this.inHead = false; // a page that never closed its head
    if (this.inHead && name === 'meta') readMeta(attribs, this.meta);
    if (this.signals && (isVoid || name === 'time' || attribs.itemprop !== undefined || attribs.content !== undefined)) collectSignal(this.signals, name, attribs, this.blocks.length, this.hints);
    if (name === 'script' && JSON_LD_TYPE.test(attribs.type ?? '')) {
      this.capture = 'json-ld';
      this.captured = [];
    } else if (name === 'title' && this.inHead) {
      this.capture = 'title';
      this.captured = [];
    }
    if (name === 'br') {
      if (this.pending.pendingBreak) this.flush();
      else {
        this.pending.add(' ', false);
        this.pending.pendingBreak = true;
      }
      return;
    }
    if (isVoid) {
      if (this.inline && name === 'img' && !isHidden(attribs)) this.inline.image(attribs, this.pending.raw.length);
      if (name === 'input' && FORM_OPTION_INPUTS.has((attribs.type ?? '').trim().toLowerCase())) {
        const region = this.frames[this.frames.length - 1].region; // the option's own element (markFormOptions may widen a cell to its row)
        if (region >= 0) this.formOptionRegions.add(region);
      }
      return; // img, hr, input…: no text of their own
    }
    if (SKIP_TAGS.has(name) || isHidden(attribs)) {
      if (name === 'style') this.openSheet(attribs);
      this.skipDepth = 1;
      return;
    }
    if (this.hiddenByStyle !== null && this.hiddenByStyle.any && hiddenBySheet(this.hiddenByStyle, name, attribs)) {
      this.inSheetHidden = true;
      this.skipDepth = 1;
      return;
    }
    const parent = this.frames[this.frames.length - 1];
    if (this.inline && !isBlock) this.inline.openElement(name, attribs, this.pending.raw.length, this.frames.length, parent.pre, parent.inLink);
    if (isBlock) {
      this.frames.push(this.openBlock(name, attribs, parent));
    } else if (!parent.inLink && name === 'a' && attribs.href !== undefined) {
      // Field by field in openBlock's order, for one hidden class of frames (see withHints).
      this.frames.push({
        tag: name, transparent: 0, region: parent.region, isBlock: false, pushedHint: false, hintsOutside: undefined, inLink: true,
        heading: parent.heading, level: parent.level, listDepth: parent.listDepth, ordered: parent.ordered, quote: parent.quote,
        pre: parent.pre, codeLang: parent.codeLang,
      });
    } else {
      if (name === 'code' && parent.pre && parent.codeLang === null) parent.codeLang = codeLanguage(attribs.class);
      parent.transparent++;
    }
  }

  private closeSheet(): void {
    // Raw, not decoded: the names and properties it reads are ASCII, the same in every charset.
    if (this.sheetChars <= this.limits.maxSheetChars) this.hiddenByStyle?.read(this.captured.join(''));
    this.capture = null;
  }

  close(name: string): void {
    if (this.capture === 'style') {
      if (name === 'style') this.closeSheet();
    } else if (this.capture && (name === 'script' || name === 'title')) {
      const raw = this.captured.join('');
      // JSON-LD that names no article (an organisation, breadcrumbs, a search box) is not parsed.
      if (this.capture === 'json-ld') {
        const mayHoldArticle = mayDescribeArticle(raw);
        // For the metadata stage, only scripts naming a field it reads (dates, authors, publisher, keywords, section).
        if (mayHoldArticle || (this.signals && LD_METADATA_HINT.test(raw))) readJsonLd(this.page.text(raw), this.meta, mayHoldArticle);
      } else if (!this.meta.title) this.meta.title = collapse(decodeReferences(this.page.text(raw))) || null;
      this.capture = null;
    }
    if (name === 'head') this.inHead = false;
    if (this.skipDepth > 0) {
      if (--this.skipDepth === 0) this.inSheetHidden = false;
      return;
    }
    if (this.inline && !BLOCK_TAGS.has(name)) this.inline.closeElement(name, this.pending.raw.length);
    const top = this.frames[this.frames.length - 1];
    if (top.transparent > 0) {
      top.transparent--;
      return;
    }
    if (this.frames.length <= 1) return;
    if (top.isBlock) this.flush(); // while the block is still on top: its text is its own
    const frame = this.frames.pop()!;
    if (frame.isBlock) this.regions[frame.region].end = this.blocks.length;
    if (this.inline && frame.isBlock) this.inline.closeDeeperThan(this.frames.length);
    if (frame.pushedHint) {
      this.hints.pop();
      this.hintsSnapshot = null;
    }
    if (frame.hintsOutside) {
      this.hints.length = 0;
      this.hints.push(...frame.hintsOutside);
      this.hintsSnapshot = null;
    }
  }
}

/**
 * The text of an element holding a radio button is a form's options (a poll, a rating), never
 * the article's: its blocks get a boilerplate hint. A cell's option is its row's (the label
 * sits in the next cell) when the row is one line of cells. An element with paragraphs or other
 * blocks of its own inside is a container the input was dropped into ("Rate this story: ○ 1 ○ 2"
 * at the end of the story's element), not an option, and is left alone. Like any hint, score.ts
 * distrusts it on an element that mostly holds article-like text.
 */
function markFormOptions(blocks: RawBlock[], regions: Region[], marked: Set<number>): void {
  if (marked.size === 0) return;
  const withHint = new Map<Hint[], Hint[]>(); // blocks share hint arrays: extend each once per hint
  for (const index of marked) {
    let region = regions[index];
    const row = regions[region.parent];
    if ((region.tag === 'td' || region.tag === 'th') && row?.tag === 'tr' && isOneLineRow(row, blocks, regions)) region = row;
    else if (!holdsOnlyItsOwnText(region, blocks)) continue;
    const hint: Hint = { kind: 'boilerplate', region: region.index, depth: region.depth, source: 'a form\'s options (radio buttons)', trusted: true, linkList: false, fromName: false };
    withHint.clear();
    for (let i = region.start; i < region.end; i++) {
      const old = blocks[i].hints;
      let hints = withHint.get(old);
      if (!hints) withHint.set(old, (hints = [...old, hint]));
      blocks[i] = withHints(blocks[i], hints);
    }
  }
}

/** No block-level element inside `region` holds text: its text is its own line (a label, not a container's paragraphs). */
function holdsOnlyItsOwnText(region: Region, blocks: RawBlock[]): boolean {
  for (let i = region.start; i < region.end; i++) if (blocks[i].region !== region.index) return false;
  return true;
}

/** A table row whose cells each hold one line of text (no layout cell of paragraphs): mergeTableRows makes it one block. */
function isOneLineRow(row: Region, blocks: RawBlock[], regions: Region[]): boolean {
  for (let i = row.start; i < row.end; i++) {
    const owner = regions[blocks[i].region];
    if (owner === undefined) return false;
    if (owner === row) continue;
    if ((owner.tag !== 'td' && owner.tag !== 'th') || owner.parent !== row.index || owner.end - owner.start !== 1) return false;
  }
  return true;
}

/** A merged row's structure: its cells, and their inline marks moved to where each cell stands in the row's text. */
function rowStructure(first: BlockStructure | undefined, cells: RawBlock[]): BlockStructure {
  const s: BlockStructure = { ...first, cells: cells.map((c) => c.text) };
  delete s.emphasis;
  delete s.links;
  delete s.images;
  let offset = 0;
  for (const c of cells) {
    const m = c.structure;
    if (m?.emphasis) for (const [a, b, k] of m.emphasis) (s.emphasis ??= []).push([a + offset, b + offset, k]);
    if (m?.links) for (const [a, b, h] of m.links) (s.links ??= []).push([a + offset, b + offset, h]);
    if (m?.images) for (const [a, src, alt] of m.images) (s.images ??= []).push([a + offset, src, alt]);
    offset += c.text.length + CELL_SEPARATOR.length;
  }
  return s;
}

/** A `<tr>` holding blocks. A function of the module, not an arrow made at each call. */
function isRowWithText(r: Region): boolean {
  return r.tag === 'tr' && r.end > r.start;
}

/**
 * A table row whose cells each hold one line of text becomes one block, cells separated by
 * ` | ` (layout tables, whose cells hold paragraphs, stay as they are).
 */
function mergeTableRows(blocks: RawBlock[], regions: Region[]): RawBlock[] {
  const rows = regions.filter(isRowWithText);
  if (rows.length === 0) return blocks;
  const mergeAt = new Map<number, Region>();
  for (const row of rows) if (isOneLineRow(row, blocks, regions)) mergeAt.set(row.start, row);
  if (mergeAt.size === 0) return blocks;
  const out: RawBlock[] = [];
  const newPos = new Int32Array(blocks.length + 1);
  for (let i = 0; i < blocks.length; ) {
    const row = mergeAt.get(i);
    if (!row) {
      newPos[i] = out.length;
      out.push(blocks[i]);
      i++;
      continue;
    }
    const cells = blocks.slice(row.start, row.end);
    const first = cells[0];
    newPos[row.start] = out.length;
    for (let j = row.start + 1; j < row.end; j++) newPos[j] = out.length + 1;
    // Field by field in `flush`'s order, for one hidden class of blocks (see withHints).
    out.push({
      text: cells.map((c) => c.text).join(CELL_SEPARATOR),
      tag: 'tr',
      role: 'table-row',
      linkChars: cells.reduce((n, c) => n + c.linkChars, 0),
      leadingLinkChars: first.leadingLinkChars,
      afterLeadingLink: first.afterLeadingLink,
      region: row.index,
      depth: first.depth,
      hints: first.hints,
      structure: rowStructure(first.structure, cells),
    });
    i = row.end;
  }
  newPos[blocks.length] = out.length;
  for (const r of regions) {
    r.start = newPos[r.start];
    r.end = newPos[r.end];
  }
  return out;
}
