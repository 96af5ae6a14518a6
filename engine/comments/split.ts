/**
 * Split comment threads into comments, with author, date and text where the page shows them.
 *
 * HTML: the blocks the HTML path labelled `comments` are grouped by the element that carries
 * the comments hint (`#comments`, `.comment-list`, a Disqus thread…). Inside it, comment items
 * are the elements named like one comment (`li.comment`, `article.comment-body`, `#comment-7`,
 * `div.comment-item`…) or, when none is named so, repeated sibling elements. An item nested in
 * another (a reply) is a comment of its own; an item that wraps exactly the same blocks as the
 * one inside it is the same comment, and one that holds only its header (its number, its date,
 * its author's box) gives it to the item nested in it that holds the text. Each item's blocks
 * are then read as author (a block under an element named author/user/name, "… says:", a first
 * line "Name <date>", short lines above the date), date (under date/time/meta, or a date-like
 * line), action links ("Reply", "Report"), text, and a last line that signs or dates it. The
 * lines that say who wrote a comment and when are recognised in header-lines.ts.
 *
 * Plain text (and HTML threads without item elements, or whose items hold under half of its
 * text while its lines give signed comments): a run of lines is read as author line ("Name
 * says:", or a short line followed by a date) → optional date → text lines → "Reply", or as text
 * lines closed by a signature ("Posted by: Name on <date>", or a name and a place under prose:
 * "Jean Booth, Hague, Netherlands"); "N comments" headers and the comment form around the
 * thread are not comments.
 *
 * Linear in the thread's blocks; nothing here touches the article's blocks.
 */
import { isDateLine as isOnlyDate, isPlaceSignature } from '../config/dates';
import { MAX_THREAD_LINK_SHARE } from '../config/threads';
import { isFurnitureOnly } from './furniture';
import {
  authorName,
  DATE,
  headerLine,
  headerLines,
  isAction,
  isThreadFurniture,
  LABEL_BEFORE_NAME,
  looksLikeDateLine,
  looksLikeName,
  looksLikePersonName,
  MAX_AUTHOR_CHARS,
  MAX_DATE_CHARS,
  MAX_HEADER_LINES,
  nameDateHeader,
  tidyAuthor,
  tidyHeader,
  ORDINAL,
  saysHeader,
  signature,
  SIGNED_WITHOUT_DATE,
  signedBelow,
  TRAILING_SIGNATURE,
  type SaysHeader,
} from './header-lines';
import type { Block } from '../types';
import { type RawBlock, type Region, sameNamedSiblings } from '../html/segment';

/** A comment as found on the page, before the spam classifier sees it. */
export interface FoundComment {
  author: string | null;
  date: string | null;
  text: string;
  /** Index of the comment's first block in the result's `blocks`. */
  block: number;
}

/** A line of at least this many words is prose, not a label or a list's entry. */
const MIN_PROSE_WORDS = 6;

class Builder {
  readonly out: FoundComment[] = [];
  private cur: { author: string | null; date: string | null; parts: string[]; block: number } | null = null;

  start(block: number, author: string | null, date: string | null): void {
    this.end();
    this.cur = { author, date, parts: [], block };
  }
  get open(): boolean {
    return this.cur !== null;
  }
  get hasText(): boolean {
    return (this.cur?.parts.length ?? 0) > 0;
  }
  /** Does the comment's text so far hold a line of prose (a sentence's worth of words)? */
  get hasProse(): boolean {
    return this.cur?.parts.some((p) => p.split(' ').length >= MIN_PROSE_WORDS) ?? false;
  }
  get hasDate(): boolean {
    return this.cur?.date != null;
  }
  setDate(date: string): void {
    if (this.cur) this.cur.date = date;
  }
  setAuthor(author: string): void {
    if (this.cur && !this.cur.author) this.cur.author = author;
  }
  get hasAuthor(): boolean {
    return this.cur?.author != null;
  }
  add(text: string): void {
    this.cur?.parts.push(text);
  }
  end(): void {
    const c = this.cur;
    this.cur = null;
    if (c && c.parts.length) {
      this.out.push({ author: c.author || null, date: c.date, text: c.parts.join('\n\n'), block: c.block });
    }
  }
}

/**
 * Lines of a thread (text path, or an HTML thread without item elements) → comments.
 * `items` are `[block index, text]` in order; a null text (a line of another kind) ends a comment.
 * `anonymous`: every line is the thread's (an HTML comment element), so text before any author
 * or date line is a comment too.
 */
export function splitLinesIntoComments(items: ReadonlyArray<readonly [number, string | null]>, anonymous = false): FoundComment[] {
  const b = new Builder();
  for (let k = 0; k < items.length; k++) {
    const [index, text] = items[k]!;
    // A block with no visible text (an image's, a widget's frame) is nothing of a comment.
    if (text !== null && !text.trim()) continue;
    const next = items[k + 1]?.[1] ?? undefined;
    const signed = text === null ? null : (signature(text) ?? headerLine(text));
    const header = text === null || signed ? null : saysHeader(text);
    if (text === null) {
      b.end();
    } else if (signed) {
      // A signature under the text ends its comment; one above it opens the next.
      if (b.open && b.hasText && !b.hasAuthor) {
        b.setAuthor(signed.author);
        if (!b.hasDate) b.setDate(signed.date);
        b.end();
      } else b.start(index, signed.author, signed.date);
    } else if (b.open && b.hasProse && !b.hasAuthor && isPlaceSignature(text, MAX_AUTHOR_CHARS)) {
      // "Frances McErlane, Mallorca, Spain" under a comment's prose: the reader signs with a name
      // and a place ("Korea, Republic of" in a form's list of countries closes nothing).
      b.setAuthor(text.slice(0, text.indexOf(',')).trim());
      b.end();
    } else if (header) {
      b.start(index, header.author, header.date);
    } else if (isAction(text)) {
      b.end();
    } else if (isThreadFurniture(text)) {
      b.end();
    } else if (looksLikeName(text) && !looksLikeDateLine(text) && next !== undefined && looksLikeDateLine(next) && !(b.open && !b.hasText && !b.hasAuthor)) {
      b.start(index, text, null);
    } else if (looksLikeDateLine(text) && !b.hasText && b.open && !b.hasDate) {
      b.setDate(text);
    } else if (looksLikeDateLine(text) && !b.open) {
      b.start(index, null, text);
    } else if (b.open) {
      b.add(text);
    } else if (anonymous || (next !== undefined && signature(next))) {
      // Text before any author or date line: a comment that signs below it, or (where every
      // line is known to be the thread's) one that shows no name.
      b.start(index, null, null);
      b.add(text);
    }
  }
  b.end();
  return b.out.filter((c) => !isFurnitureOnly(c.text)).map(withTidyHeader);
}

// ---------------------------------------------------------------- HTML

/** Class or id of one comment: `comment`, `comment-body`, `comment-item`, `#comment-7`, `li-comment-7`… */
const ITEM_TOKEN =
  /^(?:(?:[a-z]+[-_])?comment(?:[-_](?:body|item|wrap|wrapper|container|entry|single|block|node|card|row|box|thread-item))?|(?:single|user|js|c|ugc)[-_]comment|(?:li|div|article)[-_]comment[-_]?\d+|comment[-_]?\d+|(?:reply|post)[-_]?\d+|dsq-comment|media-comment|comment-thread-item)$/;
/** Names of the parts of a comment. */
const AUTHOR_NAMES = /author|user(?!-?content)|(?:^|[-_\s])name|byline|vcard|(?:^|\s)fn(?:\s|$)|profile|commenter|nickname|poster/;
const DATE_NAMES = /date|time|meta|posted|published|stamp|ago/;
const TEXT_NAMES = /content|text|message|body(?!-)|entry/;
const ACTION_NAMES = /reply|report|flag|vote|like|share|action|button/;

function names(r: Region): string {
  return `${r.className} ${r.id}`.toLowerCase();
}

function isItemRegion(r: Region): boolean {
  const tokens = names(r).split(/\s+/);
  for (const t of tokens) {
    if (t && t.length <= 40 && ITEM_TOKEN.test(t) && !/form|respond|list|area|count|title|nav|meta|content|text|author|reply-link|links?$/.test(t)) {
      return true;
    }
  }
  return false;
}

/** The outermost `comments` hint of a block: the element that holds the thread. */
function threadContainer(b: RawBlock): number | null {
  for (const h of b.hints) if (h.kind === 'comments') return h.region;
  return null;
}

/** Item regions of a thread: named ones, else repeated siblings. */
function itemRegions(container: Region | null, regions: Region[], start: number, end: number): Region[] {
  const inside = regions.filter(
    (r) => r.start >= start && r.end <= end && r.end > r.start && r !== container && (container === null || r.depth > container.depth),
  );
  let items = inside.filter(isItemRegion);
  if (items.length === 0 && container) {
    // Repeated siblings: the deepest parent with at least two children of one tag that hold text.
    const byParent = new Map<string, Region[]>();
    for (const r of inside) {
      const key = `${r.parent}:${r.tag}`;
      const list = byParent.get(key) ?? [];
      list.push(r);
      byParent.set(key, list);
    }
    let best: Region[] = [];
    for (const list of byParent.values()) {
      if (list.length < 2 || !['li', 'article', 'div', 'section', 'dd', 'blockquote'].includes(list[0]!.tag)) continue;
      if (list.length > best.length) best = list;
    }
    items = best;
  }
  // The same blocks wrapped twice (li.comment > article.comment-body) are one comment: keep the outer.
  items.sort((a, b) => a.start - b.start || a.depth - b.depth);
  const kept: Region[] = [];
  for (const r of items) {
    const prev = kept[kept.length - 1];
    if (prev && prev.start === r.start && prev.end === r.end) continue;
    kept.push(r);
  }
  return kept;
}

/** Does a region inside this one carry a single comment's name (a reply, a nested comment)? */
function holdsNamedItem(r: Region, regions: Region[]): boolean {
  for (const other of regions) {
    if (other.start >= r.start && other.end <= r.end && other.depth > r.depth && other.end > other.start && isItemRegion(other)) return true;
  }
  return false;
}

/** Does the region's parent hold at least one other child of the same tag and class? */
function repeatsAmongSiblings(r: Region, regions: Region[]): boolean {
  return r.className !== '' && sameNamedSiblings(r, regions).length > 0;
}

type Part = 'author' | 'date' | 'text' | 'action' | null;

/** "(link)", "[reply]", "[top]": a link's label in brackets above a comment. */
const BRACKETED_CONTROL = /^\s*[([][^)\]]{1,20}[)\]]\s*$/u;

/** "bengalgirl:", "(link) Jana (mail):": a name before a colon, links' labels in brackets around it. */
const NAME_LABEL = /^(?:[([][^)\]]{1,20}[)\]]\s*)*([^:()[\]]{1,60}?)\s*(?:[([][^)\]]{1,20}[)\]]\s*)*:$/u;

/** What part of a comment a block is, by the innermost element between it and its item that says. */
function partOf(b: RawBlock, item: Region, regions: Region[]): Part {
  for (let r: Region | undefined = regions[b.region]; r && r !== item && r.depth > item.depth; r = regions[r.parent]) {
    const n = names(r);
    if (!n.trim()) continue;
    if (AUTHOR_NAMES.test(n)) return 'author';
    if (DATE_NAMES.test(n)) return 'date';
    if (TEXT_NAMES.test(n)) return 'text';
    if (ACTION_NAMES.test(n)) return 'action';
  }
  return null;
}

/** The comment with its author's name and its date tidied (header-lines.ts tidyAuthor, tidyHeader). */
function withTidyHeader(c: FoundComment): FoundComment {
  const { author, date } = tidyHeader(tidyAuthor(c.author), c.date);
  return author === c.author && date === c.date ? c : { ...c, author, date };
}

function readItem(own: number[], item: Region, raw: RawBlock[], regions: Region[]): FoundComment | null {
  let author: string | null = null;
  let date: string | null = null;
  const parts: string[] = [];
  /** The block of each part, and what its element says it is. */
  const partBlocks: number[] = [];
  const partKinds: Part[] = [];
  // Where the date was found, when lines came before it: the comment's header may be above it.
  let partsBeforeDate = 0;
  for (const i of own) {
    const b = raw[i]!;
    const text = b.text;
    // A comment's number or a bracketed link above its header or text ("1.", "#12", "(link)") is no part of what the reader wrote.
    if (parts.length === 0 && (ORDINAL.test(text) || BRACKETED_CONTROL.test(text))) continue;
    const part = partOf(b, item, regions);
    // A header line standing first, in whatever element: "Ann August 17, 2019 - 2:19 pm", "JC Says: May 31st, 2004 at 11:37 pm".
    const first: boolean = parts.length === 0 && !author && !date;
    const dated: SaysHeader | null = first ? saysHeader(text) : null;
    const nameDate: { author: string | null; date: string | null } | null = first ? (dated?.date ? dated : (nameDateHeader(text) ?? headerLine(text))) : null;
    if (nameDate) {
      author = nameDate.author;
      date = nameDate.date;
      continue;
    }
    if (part === 'text') {
      parts.push(text);
      partBlocks.push(i);
      partKinds.push(part);
      continue;
    }
    if (isAction(text) || isThreadFurniture(text) || (part === 'action' && text.length <= 40)) continue;
    const signed = signature(text);
    if (signed && !author) {
      author = signed.author;
      date ??= signed.date;
      continue;
    }
    const header: SaysHeader | null = author ? null : saysHeader(text);
    if (header) {
      author = header.author;
      date ??= header.date;
      continue;
    }
    if (!author && text.length <= MAX_AUTHOR_CHARS + 8 && part === 'author') {
      author = authorName(text) || null;
      continue;
    }
    // Below a header's lines ("By DUMAS"), a line that is only a date, perhaps with the thread's
    // controls after a bar ("Dec 30, 2007 7:06 PM | Link to this"), dates the comment too.
    const dateAfterHeader = !date && parts.length > 0 && part !== 'date' && headerLines(parts) ? text.split(/\s+\|\s+/)[0]! : null;
    if (dateAfterHeader !== null && isOnlyDate(dateAfterHeader)) {
      date = dateAfterHeader;
      partsBeforeDate = parts.length;
      continue;
    }
    if (!date && looksLikeDateLine(text) && (part === 'date' || parts.length === 0)) {
      date = text;
      partsBeforeDate = parts.length;
      continue;
    }
    // Other short lines of the comment's header ("Member", "Top commenter") are not its text.
    if (parts.length === 0 && (part === 'date' || part === 'author') && text.length <= MAX_DATE_CHARS) continue;
    parts.push(text);
    partBlocks.push(i);
    partKinds.push(part);
  }
  // "recklessfox" / "Comment No. 1034545" / date / text: short lines above the date, with the
  // text below it, were the header: the first names the author.
  if (partsBeforeDate > 0 && partsBeforeDate <= MAX_HEADER_LINES && parts.length > partsBeforeDate) {
    const header = parts.slice(0, partsBeforeDate);
    if (headerLines(header)) {
      const name = header[0]!.replace(LABEL_BEFORE_NAME, '');
      if (!author && looksLikePersonName(name)) author = name;
      // A short line below the date in the header's own element (a country, a badge) is the header's too.
      const headerRegion = raw[partBlocks[0]!]!.region;
      let end = partsBeforeDate;
      while (end < parts.length - 1 && raw[partBlocks[end]!]!.region === headerRegion && parts[end]!.length <= MAX_AUTHOR_CHARS && !/[.!?]$/.test(parts[end]!)) end++;
      parts.splice(0, end);
      partBlocks.splice(0, end);
      partKinds.splice(0, end);
    }
  }
  // "(link) bengalgirl:" in the comment's header element, its text in an element named for text:
  // the name before the colon is the author.
  if (!author && parts.length >= 2 && partKinds[0] !== 'text' && partKinds[1] === 'text') {
    const label = NAME_LABEL.exec(parts[0]!);
    const name = label?.[1]!.trim();
    if (name && looksLikePersonName(name)) {
      author = name;
      parts.shift();
      partBlocks.shift();
      partKinds.shift();
    }
  }
  // A header alone ("1." / its date, the text in an element of its own inside the item):
  // splitHtmlComments gives it to the text's comment.
  if (parts.length === 0) return author || date ? { author, date, text: '', block: own[0]! } : null;
  // "… This is fun to watch! Posted by: Walters on December 29, 2007 01:15 PM" in one block.
  const tail = TRAILING_SIGNATURE.exec(parts[parts.length - 1]!);
  if (tail && DATE.test(tail[2]!)) {
    author ??= tail[1]!.trim();
    date ??= tail[2]!.trim();
    const rest = parts[parts.length - 1]!.slice(0, tail.index).trim();
    if (rest) parts[parts.length - 1] = rest;
    else parts.pop();
  }
  // "Posted: 16:50 8th January 2008", "Posted by: Shaun of New Zealand 5:22pm January 08, 2008":
  // a last line of its own that signs the comment or dates it.
  const below = parts.length >= 2 ? signedBelow(parts[parts.length - 1]!) : null;
  if (below && ((below.author && !author) || (below.date && !date))) {
    author ??= below.author;
    date ??= below.date;
    parts.pop();
  }
  // "— Posted by Tom, Manhattan Beach CA": a last line that signs the comment without a date.
  const byline = parts.length >= 2 && !author ? SIGNED_WITHOUT_DATE.exec(parts[parts.length - 1]!) : null;
  if (byline && looksLikeName(byline[1]!.trim()) && !/\d/.test(byline[1]!)) {
    author = byline[1]!.trim();
    parts.pop();
  }
  if (parts.length === 0) return null;
  return { author, date, text: parts.join('\n\n'), block: own[0]! };
}

/** Do the item elements hold under half of the thread's text (the rest flat between them)? */
function itemsCoverLittle(items: Region[], indexes: number[], raw: RawBlock[]): boolean {
  const first = indexes[0]!;
  const covered = new Uint8Array(indexes[indexes.length - 1]! - first + 1);
  for (const item of items) {
    for (let i = Math.max(item.start, first); i < item.end && i - first < covered.length; i++) covered[i - first] = 1;
  }
  let all = 0;
  let inItems = 0;
  for (const i of indexes) {
    const chars = raw[i]!.text.length;
    all += chars;
    if (covered[i - first]) inItems += chars;
  }
  return inItems * 2 < all;
}

function signedComments(comments: FoundComment[]): number {
  let n = 0;
  for (const c of comments) if (c.author) n++;
  return n;
}

/** Blocks that are links to other pages rather than text (a thread of teasers, of another page's comments). */
function isLinkList(indexes: readonly number[], raw: RawBlock[]): boolean {
  let chars = 0;
  let linked = 0;
  for (const i of indexes) {
    chars += raw[i]!.text.length;
    linked += raw[i]!.linkChars;
  }
  return chars > 0 && linked / chars > MAX_THREAD_LINK_SHARE;
}

/** The comments of one thread: its items read one by one, or its lines when it has no items. */
function commentsOfThread(thread: { container: Region | null; indexes: number[] }, raw: RawBlock[], regions: Region[]): FoundComment[] {
  const first = thread.indexes[0]!;
  const end = thread.indexes[thread.indexes.length - 1]! + 1;
  const container = thread.container;
  // A container that is itself one comment (div.comment, or div.comments-body again and again
  // beside its siblings) with no comment named inside it is read as one comment: the parts
  // inside it (author line, text, "Report" link) are not comments of their own.
  if (container && (isItemRegion(container) || repeatsAmongSiblings(container, regions)) && !holdsNamedItem(container, regions)) {
    const found = readItem(thread.indexes, container, raw, regions);
    return found?.text ? [found] : [];
  }
  const items = itemRegions(container, regions, container?.start ?? first, container?.end ?? end);
  const member = new Set(thread.indexes);
  const byLines = () => splitLinesIntoComments(thread.indexes.map((i) => [i, raw[i]!.text] as const), true);
  if (items.length === 0) return byLines();
  if (itemsCoverLittle(items, thread.indexes, raw)) {
    const lines = byLines();
    if (lines.length >= 2 && signedComments(lines) >= 2) return lines;
  }
  // Each block belongs to the innermost item that holds it.
  const owner = new Map<number, Region>();
  for (const item of items) {
    for (let i = item.start; i < item.end; i++) {
      const cur = owner.get(i);
      if (!cur || item.depth > cur.depth) owner.set(i, item);
    }
  }
  const out: FoundComment[] = [];
  // An item whose own blocks are only a header (its number, its date) holds its text in an
  // item nested in it (`li#comment-7` > `div.comment`): the two are one comment.
  let header: { found: FoundComment; item: Region } | null = null;
  for (const item of items) {
    const own: number[] = [];
    for (let i = item.start; i < item.end; i++) if (owner.get(i) === item && member.has(i)) own.push(i);
    if (own.length === 0) continue;
    const found = readItem(own, item, raw, regions);
    if (!found) continue;
    if (!found.text) {
      header = { found, item };
      continue;
    }
    if (header && item.start >= header.item.start && item.end <= header.item.end) {
      found.author ??= header.found.author;
      found.date ??= header.found.date;
      found.block = header.found.block;
    }
    header = null;
    out.push(found);
  }
  return out;
}

/** Split the HTML path's comment blocks into comments. */
export function splitHtmlComments(blocks: Block[], raw: RawBlock[], regions: Region[]): FoundComment[] {
  // Threads: comment blocks grouped by the element holding the comments hint; blocks made comments
  // by a phrase ("12 Comments" inside the article region) form runs of their own.
  const threads: { container: Region | null; indexes: number[] }[] = [];
  let last: { container: Region | null; indexes: number[] } | null = null;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    // Parts of a comment may carry hints of their own (`.comment-author` reads as an author
    // byline): under a comments element, every removed block but the form's is the thread's.
    if (block.kept || block.kind === 'comment-form') continue;
    const c = threadContainer(raw[i]!);
    if (block.kind !== 'comments' && c === null) continue;
    const container = c === null ? null : regions[c] ?? null;
    const prevIndex = last?.indexes[last.indexes.length - 1] ?? -2;
    if (last && last.container === container && (container !== null || prevIndex === i - 1)) {
      last.indexes.push(i);
    } else {
      last = { container, indexes: [i] };
      threads.push(last);
    }
  }
  const out: FoundComment[] = [];
  for (const thread of threads) {
    const found = commentsOfThread(thread, raw, regions);
    // A list of links to other pages (teaser cards labelled with their comment counts) that no
    // one signs is no thread; a reader's comment made of links keeps its author and date.
    if (isLinkList(thread.indexes, raw) && !found.some((c) => c.author || c.date)) continue;
    out.push(...found);
  }
  out.sort((a, b) => a.block - b.block);
  return out.filter((c) => !isFurnitureOnly(c.text)).map(withTidyHeader);
}
