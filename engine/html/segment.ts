/**
 * Segment: walk the parsed document once, in document order, and cut its visible text into
 * blocks at block-level element boundaries. Each element that holds text becomes a Region
 * covering a contiguous range of blocks, so any subtree's blocks are `blocks[start, end)` and
 * scoring a subtree is a subtraction of prefix sums.
 *
 * The walk is iterative (an explicit stack), so pages nested 100,000 elements deep cannot
 * overflow the call stack.
 */
import type { AnyNode, Document, Element } from 'domhandler';
import { BLOCK_TAGS, HEADING_TAGS, LIST_ITEM_TAGS, SKIP_TAGS } from '../config/html-hints';
import type { BlockKind, BlockRole } from '../types';
import { hintFromNames, hintFromRole, hintFromTag } from './hints';
import { type PageMeta, readHead, readJsonLd } from './metadata';

export interface Hint {
  kind: BlockKind;
  /** Region that carries the hint. */
  region: number;
  depth: number;
  /** Human-readable origin: `<nav>`, `class "share-bar"`, `role=navigation`. */
  source: string;
  /** False when the hinted element turned out to hold article-like text (see score.ts). */
  trusted: boolean;
}

export interface Region {
  index: number;
  tag: string;
  /** `tag#id.class` as a person would name the element. */
  label: string;
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
  /** Inside an element whose text is a heading. */
  heading: boolean;
}

export interface Segmented {
  blocks: RawBlock[];
  regions: Region[];
  meta: PageMeta;
}

const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
const MAX_ROW_SCAN = 200;

function label(el: Element): string {
  const id = el.attribs.id ? `#${el.attribs.id}` : '';
  const cls = el.attribs.class ? `.${el.attribs.class.trim().split(/\s+/).slice(0, 3).join('.')}` : '';
  return `${el.name}${id}${cls}`;
}

function isHidden(el: Element): boolean {
  const a = el.attribs;
  if ('hidden' in a || a['aria-hidden'] === 'true') return true;
  return a.style !== undefined && HIDDEN_STYLE.test(a.style);
}

/** A table row whose cells hold only inline content: emitted as one line, cells separated. */
function isDataRow(tr: Element): boolean {
  let scanned = 0;
  const stack: AnyNode[] = [...tr.children];
  while (stack.length && scanned < MAX_ROW_SCAN) {
    const node = stack.pop()!;
    scanned++;
    if (node.type !== 'tag') continue;
    const el = node as Element;
    if (el.name !== 'td' && el.name !== 'th' && BLOCK_TAGS.has(el.name)) return false;
    stack.push(...el.children);
  }
  return scanned < MAX_ROW_SCAN;
}

interface Frame {
  node: AnyNode & { children?: AnyNode[] };
  next: number;
  region: number;
  isBlock: boolean;
  pushedHint: boolean;
  inLink: boolean;
  heading: boolean;
  dataRow: boolean;
}

export function segment(doc: Document): Segmented {
  const blocks: RawBlock[] = [];
  const regions: Region[] = [];
  const hints: Hint[] = [];
  const meta: PageMeta = { title: null, ogTitle: null, lang: null, jsonLd: [], h1: [] };

  let parts: string[] = [];
  let partsChars = 0;
  let linkChars = 0;
  let leadingLinkChars = 0;
  /** 0: no text yet in this block; 1: inside a leading run of link text; 2: past it. */
  let leadState = 0;
  let afterLeading = '';
  let pendingBreak = false;
  let rowCellCount = 0;

  const frames: Frame[] = [];

  const currentBlockFrame = (): Frame => {
    for (let i = frames.length - 1; i >= 0; i--) if (frames[i].isBlock) return frames[i];
    return frames[0];
  };

  const flush = (): void => {
    if (partsChars === 0) return;
    const text = parts.join('').replace(/\s+/g, ' ').trim();
    const owner = currentBlockFrame();
    const links = Math.min(linkChars, text.length);
    parts = [];
    partsChars = 0;
    linkChars = 0;
    const leading = leadingLinkChars;
    leadingLinkChars = 0;
    leadState = 0;
    const after = afterLeading;
    afterLeading = '';
    pendingBreak = false;
    if (!text) return;
    const region = regions[owner.region];
    const tag = region ? region.tag : 'body';
    if (tag === 'h1') meta.h1.push(text);
    const role: BlockRole = owner.heading
      ? 'heading'
      : owner.dataRow
        ? 'table-row'
        : LIST_ITEM_TAGS.has(tag)
          ? 'list-item'
          : 'paragraph';
    blocks.push({
      text,
      tag: owner.dataRow ? 'tr' : tag,
      role,
      linkChars: links,
      leadingLinkChars: Math.min(leading, links),
      afterLeadingLink: after,
      region: owner.region,
      depth: frames.length,
      hints: hints.slice(),
      heading: owner.heading,
    });
  };

  const append = (text: string, inLink: boolean): void => {
    parts.push(text);
    partsChars += text.length;
    const visible = inLink || leadState < 2 ? text.replace(/\s+/g, ' ').trim().length : 0;
    if (inLink) linkChars += visible;
    if (visible > 0 && leadState < 2) {
      if (inLink) {
        leadState = 1;
        leadingLinkChars += visible;
      } else {
        if (leadState === 1) afterLeading = text.trimStart().charAt(0);
        leadState = 2;
      }
    }
    if (pendingBreak && /\S/.test(text)) pendingBreak = false;
  };

  const enter = (el: Element, parent: Frame): void => {
    const tag = el.name;
    const parentRegion = parent.region;
    // Inside a data row nothing is a block: its cells are joined on the row's line.
    const isBlock = BLOCK_TAGS.has(tag) && !parent.dataRow;
    if (parent.dataRow && (tag === 'td' || tag === 'th') && rowCellCount++ > 0) append(' | ', false);
    if (tag === 'br') {
      if (pendingBreak) flush();
      else {
        append(' ', false);
        pendingBreak = true;
      }
      return;
    }
    let region = parentRegion;
    let pushedHint = false;
    if (isBlock) {
      flush();
      const classAndId = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`.trim();
      const named = tag === 'body' || tag === 'html' ? null : hintFromNames(classAndId);
      const itemprop = (el.attribs.itemprop ?? '').toLowerCase();
      const articleBody = itemprop.includes('articlebody');
      const role = el.attribs.role;
      region = regions.length;
      regions.push({
        index: region,
        tag,
        label: label(el),
        depth: frames.length,
        parent: parentRegion,
        start: blocks.length,
        end: blocks.length,
        content:
          articleBody || tag === 'article' || tag === 'main' || role === 'main' || Boolean(named?.content),
        articleBody,
      });
      const kind =
        hintFromTag(tag) ?? hintFromRole(role) ?? (named && named.kind ? named.kind : null);
      if (kind && !articleBody) {
        const source = hintFromTag(tag)
          ? `<${tag}>`
          : hintFromRole(role)
            ? `role=${role}`
            : `class/id "${named?.name}"`;
        hints.push({ kind, region, depth: frames.length, source, trusted: true });
        pushedHint = true;
      }
    }
    const dataRow = tag === 'tr' && isDataRow(el);
    if (dataRow) rowCellCount = 0;
    frames.push({
      node: el,
      next: 0,
      region,
      isBlock,
      pushedHint,
      inLink: parent.inLink || (tag === 'a' && el.attribs.href !== undefined),
      heading: parent.heading || HEADING_TAGS.has(tag),
      dataRow: dataRow || (parent.dataRow && !isBlock),
    });
  };

  const exit = (frame: Frame): void => {
    if (frame.isBlock) {
      flush();
      if (frame.region >= 0) regions[frame.region].end = blocks.length;
    }
    if (frame.pushedHint) hints.pop();
  };

  frames.push({
    node: doc,
    next: 0,
    region: -1,
    isBlock: true,
    pushedHint: false,
    inLink: false,
    heading: false,
    dataRow: false,
  });
  while (frames.length) {
    const frame = frames[frames.length - 1];
    const children = frame.node.children;
    if (!children || frame.next >= children.length) {
      exit(frame);
      frames.pop();
      continue;
    }
    const child = children[frame.next++];
    if (child.type === 'text') {
      append((child as unknown as { data: string }).data, frame.inLink);
    } else if (child.type === 'tag' || child.type === 'script' || child.type === 'style') {
      const el = child as Element;
      if (el.name === 'head') readHead(el, meta);
      else if (el.name === 'script' && /ld\+json/i.test(el.attribs.type ?? '')) readJsonLd(el, meta);
      if (el.name === 'html' && el.attribs.lang) meta.lang = el.attribs.lang;
      if (SKIP_TAGS.has(el.name) || isHidden(el)) continue;
      enter(el, frame);
    }
  }
  flush();
  return { blocks, regions, meta };
}
