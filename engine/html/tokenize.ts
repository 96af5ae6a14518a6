/**
 * A lean tree-event layer over htmlparser2's Tokenizer: open / text / close events with the
 * implied closings that matter for text blocks (`<p>` closed by a block, `<li>` by `<li>`, table
 * cells and rows, headings), void elements, and only the attributes the engine reads.
 *
 * Why not htmlparser2's Parser: it slices every attribute and every script body into strings
 * and keeps its open-element stack with `unshift` (quadratic on pages nested 100,000 deep).
 * Here text is sliced only when the consumer wants it, and the stack is a plain array with a
 * count per tag name, so a stray `</div>` costs O(1). Character references (`&amp;`) are NOT
 * decoded here: text and attribute values arrive raw, and consumers decode what they keep.
 */
import { Tokenizer } from 'htmlparser2';

/** The attributes the engine reads; the rest are never sliced out of the page. */
export class AttrBag {
  class?: string = undefined;
  id?: string = undefined;
  role?: string = undefined;
  itemprop?: string = undefined;
  style?: string = undefined;
  hidden?: string = undefined;
  'aria-hidden'?: string = undefined;
  /** Presence only: always '' (a link's target is never read, and URLs are long), except on `<link>` (rel=canonical). */
  href?: string = undefined;
  type?: string = undefined;
  lang?: string = undefined;
  /** XHTML's `<html xml:lang>`. */
  'xml:lang'?: string = undefined;
  property?: string = undefined;
  name?: string = undefined;
  'http-equiv'?: string = undefined;
  content?: string = undefined;
  /** Page metadata (engine/metadata): `<time datetime>`, `<link rel=canonical>`. */
  datetime?: string = undefined;
  rel?: string = undefined;
  /** `<style media>`: a sheet for print only hides nothing on screen (engine/html/page-css.ts). */
  media?: string = undefined;
  /** `<img>` only, and only when images are read for the Markdown output (see `tokenize`'s `read`). */
  src?: string = undefined;
  alt?: string = undefined;
  'data-src'?: string = undefined;
}

export type Attrs = Readonly<AttrBag>;
type AttrName = keyof AttrBag;

export interface TagSink {
  // Methods, not getters: an object literal with getter closures gets a hidden class of its
  // own, and that old-generation class keeps the closures' whole scope (a page's blocks) alive
  // through every minor GC until a full one (seen: ~0.2 MB a page floating, GC a fifth of the time).
  /** Asked before each text run: false inside script/style/skipped subtrees, so nothing is sliced. */
  wantsText(): boolean;
  /** Asked at each start tag: false inside skipped subtrees (svg, script…), so no attribute is read. */
  wantsAttributes(): boolean;
  /** `isVoid`: the element has no content and no close event follows (`<img>`, `<br>`, `<meta>`). */
  open(name: string, attrs: Attrs, isVoid: boolean): void;
  /** A run of text, raw (character references left in); a run of only whitespace arrives as one space. */
  text(text: string): void;
  close(name: string): void;
}

/** Attributes whose presence is all the engine reads: their values are not sliced out. */
const PRESENCE_ONLY: AttrName = 'href';

/** Attributes read only on `<img>` when images are wanted. */
const IMAGE_ATTRS: ReadonlySet<AttrName> = new Set<AttrName>(['src', 'alt', 'data-src']);

/** What `tokenize` reads beyond the engine's needs, for the Markdown output: link addresses, images. */
export interface ReadExtras {
  /** `<a href>`'s value (otherwise presence only). */
  hrefs: boolean;
  /** `<img>`'s src, data-src and alt. */
  images: boolean;
}
const NO_EXTRAS: ReadExtras = { hrefs: false, images: false };

/**
 * The wanted attribute names by first letter (lower case; an array, not a Map: one lookup per
 * attribute of the page). A name on the page is matched in place against the few of its
 * letter, length first, so no string is made for it, and the name found is the constant here
 * (a property key V8 already knows, where a fresh string would be looked up each time).
 */
const WANTED_BY_FIRST_LETTER: readonly (readonly AttrName[] | undefined)[] = (() => {
  const byLetter: (AttrName[] | undefined)[] = new Array(128).fill(undefined);
  for (const name of Object.keys(new AttrBag()) as AttrName[]) {
    const letter = name.charCodeAt(0);
    byLetter[letter] = [...(byLetter[letter] ?? []), name];
  }
  return byLetter;
})();

const VOID_ELEMENTS: ReadonlySet<string> = new Set([
  'area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input',
  'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr',
]);

const P_CLOSERS = new Set([
  'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'main',
  'menu', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul', 'li',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Opening `key` closes open elements in the set while they are on top of the stack. */
const IMPLIED_CLOSE: ReadonlyMap<string, ReadonlySet<string>> = new Map<string, ReadonlySet<string>>([
  ['li', new Set(['li', 'p'])],
  ['dt', new Set(['dt', 'dd', 'p'])],
  ['dd', new Set(['dt', 'dd', 'p'])],
  ['tr', new Set(['tr', 'td', 'th', 'p'])],
  ['td', new Set(['td', 'th', 'p'])],
  ['th', new Set(['td', 'th', 'p'])],
  ['tbody', new Set(['tr', 'td', 'th', 'thead', 'tbody', 'p'])],
  ['tfoot', new Set(['tr', 'td', 'th', 'thead', 'tbody', 'p'])],
  ['option', new Set(['option'])],
  ['a', new Set(['a'])],
  ['body', new Set(['head', 'link', 'script'])],
  ...[...HEADINGS].map((h): [string, ReadonlySet<string>] => [h, new Set([...HEADINGS, 'p'])]),
  ...[...P_CLOSERS]
    .filter((tag) => !HEADINGS.has(tag) && tag !== 'li')
    .map((tag): [string, ReadonlySet<string>] => [tag, new Set(['p'])]),
]);

const EMPTY_ATTRS: Attrs = Object.freeze(new AttrBag());

const SCRIPT_END = '</script';
const SCRIPT_END_PATTERN = /<\/script/i;

/** The tokenizer's cursor, as its `fastForwardTo` reads and moves it. */
interface TokenizerCursor {
  buffer: string;
  index: number;
  offset: number;
}

const ASCII_CHARS: readonly string[] = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));

/**
 * Skips to the next `c` (always an ASCII delimiter: `<`, `>`, a quote, the first letter of
 * `</script`) with String#indexOf, which searches natively (memchr on one-byte strings),
 * where the stock method calls charCodeAt once per character. Same contract: true with
 * `index` on the match, or false with `index` on the last character of the buffer.
 */
function fastForwardTo(this: TokenizerCursor, c: number): boolean {
  const found = this.buffer.indexOf(ASCII_CHARS[c] ?? String.fromCharCode(c), this.index + 1 - this.offset);
  if (found >= 0) {
    this.index = found + this.offset;
    return true;
  }
  this.index = this.buffer.length + this.offset - 1;
  return false;
}

/** The tokenizer's cursor as a name state reads it. */
type NameState = (this: TokenizerCursor, c: number) => void;

/** What ends a tag's or an attribute's name in htmlparser2 (its isEndOfTagSection): `/`, `>` or whitespace. */
function endsTagSection(c: number): boolean {
  return c === 0x2f || c === 0x3e || isHtmlSpace(c);
}

/**
 * The stock state for a name (a tag's, a closing tag's, an attribute's) wrapped so that the rest
 * of the name is skipped in one loop: the stock state does nothing for a character that does not
 * end the name, and its main loop goes round once per character of every name on the page. The
 * stock state is then called on the character that ends the name, exactly as it would have been.
 * `endsName`: the stock state's own test.
 */
function skippingName(stock: NameState, endsName: (c: number) => boolean): NameState {
  return function (this: TokenizerCursor, c: number): void {
    if (!endsName(c)) {
      const { buffer } = this;
      let i = this.index - this.offset + 1;
      while (i < buffer.length && !endsName(buffer.charCodeAt(i))) i++;
      if (i >= buffer.length) {
        // The piece ended inside the name: as fastForwardTo, the main loop's index++ ends it.
        this.index = buffer.length + this.offset - 1;
        return;
      }
      this.index = i + this.offset;
      c = buffer.charCodeAt(i);
    }
    stock.call(this, c);
  };
}

/** The tokenizer's fields a whole tag read at once sets, as its own states would have. */
interface TagCursor extends TokenizerCursor {
  state: number;
  sectionStart: number;
  isSpecial: boolean;
  currentSequence: unknown;
  sequenceIndex: number;
  running: boolean;
  xmlMode: boolean;
  decodeEntities: boolean;
  recognizeSelfClosing: boolean;
  cbs: TagCallbacks;
  enterTagBody(): void;
  fastForwardTo(c: number): boolean;
}

/** The callbacks a whole tag emits (htmlparser2's Callbacks, the ones of tags). */
interface TagCallbacks {
  onopentagname(start: number, end: number): void;
  onattribname(start: number, end: number): void;
  onattribdata(start: number, end: number): void;
  onattribend(quote: number, end: number): void;
  onopentagend(end: number): void;
  onselfclosingtag(end: number): void;
  onclosetag(start: number, end: number): void;
  ontext(start: number, end: number): void;
  isInForeignContext?: () => boolean;
}

const LT_CHAR = 0x3c;
const GT_CHAR = 0x3e;
const SLASH_CHAR = 0x2f;
const EQ_CHAR = 0x3d;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
// htmlparser2's QuoteType.
const NO_VALUE = 0;
const UNQUOTED = 1;
const SINGLE_QUOTED = 2;
const DOUBLE_QUOTED = 3;

function isAsciiLetter(c: number): boolean {
  return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
}

/**
 * Elements whose content htmlparser2 reads as raw text or RCDATA: their start tags go through
 * its own states (which match them letter by letter), as do all tags starting with one of
 * their first letters only when the name is one of them.
 */
const RAW_TEXT_NAMES = ['iframe', 'noembed', 'noframes', 'plaintext', 'script', 'style', 'textarea', 'title', 'xmp'];
/** Their first letters, a bit each (bit 0: `a`). */
const RAW_TEXT_FIRST_LETTERS = RAW_TEXT_NAMES.reduce((bits, n) => bits | (1 << (n.charCodeAt(0) - 0x61)), 0);

/** Does a name starting with this ASCII letter (either case) start like a raw-text element's? */
function startsLikeRawText(letter: number): boolean {
  return ((RAW_TEXT_FIRST_LETTERS >>> ((letter | 0x20) - 0x61)) & 1) === 1;
}

function isRawTextName(buffer: string, start: number, end: number): boolean {
  for (const name of RAW_TEXT_NAMES) {
    if (name.length !== end - start) continue;
    let i = 0;
    while (i < name.length && (buffer.charCodeAt(start + i) | 0x20) === name.charCodeAt(i)) i++;
    if (i === name.length) return true;
  }
  return false;
}

/**
 * A start tag's attributes as found: five numbers each (name start and end, quote type, value
 * start and end), reused from tag to tag.
 */
let found = new Int32Array(5 * 32);

/**
 * htmlparser2's states, as numbers, and its empty sequence: read from the library's own
 * tokenizer (its State enum is not exported), so a renumbering in a later version is followed.
 */
const STATES = (() => {
  const noop = (): void => {};
  const tokenizer = new Tokenizer({ decodeEntities: false }, new Proxy({}, { get: () => noop }) as never);
  const probe = tokenizer as unknown as TagCursor;
  const text = probe.state;
  const emptySequence = probe.currentSequence;
  tokenizer.write('<');
  const beforeTagName = probe.state;
  return { text, beforeTagName, emptySequence };
})();

/**
 * Reads the whole start tag whose `<` is at `lt` (the name's first letter after it), when all
 * of it is in the piece and its name is not a raw-text element's, and emits its events exactly
 * as htmlparser2's states would, one character at a time. Returns false, having emitted
 * nothing, when the tag must be left to those states.
 */
function readStartTag(t: TagCursor, buffer: string, lt: number): boolean {
  const length = buffer.length;
  const nameStart = lt + 1;
  let i = nameStart + 1;
  let c = 0;
  while (i < length && !endsTagSection((c = buffer.charCodeAt(i)))) i++;
  if (i >= length) return false;
  const nameEnd = i;
  const rawTextLetter = startsLikeRawText(buffer.charCodeAt(nameStart));
  if (rawTextLetter && isRawTextName(buffer, nameStart, nameEnd)) return false;
  let count = 0;
  let selfClosing = false;
  for (;;) {
    // Before an attribute's name.
    while (isHtmlSpace(c)) {
      if (++i >= length) return false;
      c = buffer.charCodeAt(i);
    }
    if (c === GT_CHAR) break;
    if (c === SLASH_CHAR) {
      // `/`: whitespace after it is skipped; `>` closes the tag; anything else is read again as above.
      do {
        if (++i >= length) return false;
        c = buffer.charCodeAt(i);
      } while (isHtmlSpace(c));
      if (c === GT_CHAR) {
        selfClosing = true;
        break;
      }
      continue;
    }
    // The name: its first character whatever it is, then up to `=`, `/`, `>` or whitespace.
    const attrStart = i;
    do {
      if (++i >= length) return false;
      c = buffer.charCodeAt(i);
    } while (c !== EQ_CHAR && !endsTagSection(c));
    const attrEnd = i;
    while (isHtmlSpace(c)) {
      if (++i >= length) return false;
      c = buffer.charCodeAt(i);
    }
    if (count * 5 + 5 > found.length) {
      const grown = new Int32Array(found.length * 2);
      grown.set(found);
      found = grown;
    }
    const at = count++ * 5;
    found[at] = attrStart;
    found[at + 1] = attrEnd;
    if (c !== EQ_CHAR) {
      // No value: what follows is read again as above.
      found[at + 2] = NO_VALUE;
      continue;
    }
    do {
      if (++i >= length) return false;
      c = buffer.charCodeAt(i);
    } while (isHtmlSpace(c));
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
      const close = buffer.indexOf(c === DOUBLE_QUOTE ? '"' : "'", i + 1);
      if (close < 0) return false;
      found[at + 2] = c === DOUBLE_QUOTE ? DOUBLE_QUOTED : SINGLE_QUOTED;
      found[at + 3] = i + 1;
      found[at + 4] = close;
      i = close + 1;
      if (i >= length) return false;
      c = buffer.charCodeAt(i);
      continue;
    }
    // Unquoted: up to whitespace or `>` (a `/` is part of it); an empty value when `>` comes first.
    const valueStart = i;
    while (!isHtmlSpace(c) && c !== GT_CHAR) {
      if (++i >= length) return false;
      c = buffer.charCodeAt(i);
    }
    found[at + 2] = UNQUOTED;
    found[at + 3] = valueStart;
    found[at + 4] = i;
  }
  // All of it is here: the events, in the order and with the positions of the stock states.
  const { cbs, offset } = t;
  if (rawTextLetter) {
    t.isSpecial = false;
    t.currentSequence = STATES.emptySequence;
    t.sequenceIndex = 0;
  }
  t.index = nameEnd + offset;
  cbs.onopentagname(nameStart + offset, nameEnd + offset);
  for (let k = 0; k < count * 5; k += 5) {
    const attrEnd = found[k + 1] + offset;
    cbs.onattribname(found[k] + offset, attrEnd);
    const quote = found[k + 2];
    if (quote === NO_VALUE) cbs.onattribend(NO_VALUE, attrEnd);
    else {
      const valueEnd = found[k + 4] + offset;
      cbs.onattribdata(found[k + 3] + offset, valueEnd);
      cbs.onattribend(quote, quote === UNQUOTED ? valueEnd : valueEnd + 1);
    }
  }
  t.index = i + offset;
  if (selfClosing) {
    cbs.onselfclosingtag(i + offset);
    t.sectionStart = i + 1 + offset;
    t.enterTagBody();
  } else {
    cbs.onopentagend(i + offset);
    t.enterTagBody();
    t.sectionStart = i + 1 + offset;
  }
  return true;
}

/** The same for an end tag (`</` and a letter at `lt`): its name, then anything up to `>`. */
function readEndTag(t: TagCursor, buffer: string, lt: number): boolean {
  const length = buffer.length;
  const nameStart = lt + 2;
  let i = nameStart + 1;
  let c = 0;
  while (i < length && !endsTagSection((c = buffer.charCodeAt(i)))) i++;
  if (i >= length) return false;
  const gt = c === GT_CHAR ? i : buffer.indexOf('>', i + 1);
  if (gt < 0) return false;
  const { offset } = t;
  t.index = i + offset;
  t.cbs.onclosetag(nameStart + offset, i + offset);
  t.state = STATES.text;
  t.index = gt + offset;
  t.sectionStart = gt + 1 + offset;
  return true;
}

/**
 * Text up to the next `<` (as the stock state, entities left in), then the whole tag there in
 * one go when it is a plain start or end tag: the stock states go round the main loop once per
 * character of the tag between its names, ~15 rounds a tag. Comments, declarations, raw-text
 * elements and tags cut by the piece's end are left to the stock states.
 */
function stateText(this: TagCursor, c: number): void {
  if (c !== LT_CHAR && !this.fastForwardTo(LT_CHAR)) return;
  if (this.index > this.sectionStart) this.cbs.ontext(this.sectionStart, this.index);
  this.state = STATES.beforeTagName;
  this.sectionStart = this.index;
  const { buffer } = this;
  const lt = this.index - this.offset;
  if (lt + 2 >= buffer.length || !this.running) return;
  const next = buffer.charCodeAt(lt + 1);
  if (isAsciiLetter(next)) readStartTag(this, buffer, lt);
  else if (next === SLASH_CHAR && isAsciiLetter(buffer.charCodeAt(lt + 2))) readEndTag(this, buffer, lt);
}

/**
 * htmlparser2's Tokenizer with internal methods replaced: skipping text runs, attribute
 * values, comments and script bodies is two thirds of its time on real pages, and indexOf
 * makes the whole tokenizer ~3× faster; reading names in one loop, and plain tags whole from
 * the text state, take another third off (the main loop went round once per character between
 * a tag's names). Only this subclass is changed, never the library's class. Should a future
 * htmlparser2 rename a method, the stock one runs and nothing breaks; tokenize.test.ts checks
 * that both emit the same events.
 */
export class FastForwardTokenizer extends Tokenizer {
  /**
   * Called from `onopentagend` of a script: what follows the tag is read as markup, not as the
   * script's raw text (htmlparser2 enters raw text after that callback while `isSpecial` is set).
   */
  leaveRawText(): void {
    (this as unknown as { isSpecial: boolean }).isSpecial = false;
  }
}
{
  const stock = Tokenizer.prototype as unknown as Record<string, unknown>;
  const replace = (name: string, value: unknown): void => {
    Object.defineProperty(FastForwardTokenizer.prototype, name, { value, writable: true, configurable: true });
  };
  if (typeof stock.fastForwardTo === 'function') replace('fastForwardTo', fastForwardTo);
  // Whole tags at once, only where the stock states are known to read them as readStartTag does:
  // HTML (not XML), entities left in, self-closing tags not recognised, no foreign content.
  if (typeof stock.stateText === 'function' && typeof stock.enterTagBody === 'function' && STATES.text !== STATES.beforeTagName) {
    const stockText = stock.stateText as (this: TagCursor, c: number) => void;
    replace('stateText', function (this: TagCursor, c: number): void {
      if (this.xmlMode || this.decodeEntities || this.recognizeSelfClosing || typeof this.cbs.isInForeignContext === 'function') {
        stockText.call(this, c);
      } else stateText.call(this, c);
    });
  }
  // Names: the same events, with the main loop's round per character replaced by one loop.
  const endsAttributeName = (c: number): boolean => c === 0x3d || endsTagSection(c);
  for (const [name, endsName] of [
    ['stateInTagName', endsTagSection],
    ['stateInClosingTagName', endsTagSection],
    ['stateInAttributeName', endsAttributeName],
  ] as const) {
    if (typeof stock[name] === 'function') replace(name, skippingName(stock[name] as NameState, endsName));
  }
}

/** HTML's whitespace: space, tab, line feed, carriage return, form feed (what separates class names too). */
export function isHtmlSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0x0c;
}

function isHtmlSpaceRun(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isHtmlSpace(text.charCodeAt(i))) return false;
  return true;
}

/** Reads the page's characters at positions in the whole page (see TreeBuilder.charCodeAt). */
interface CharReader {
  charCodeAt(position: number): number;
}

/** Does the page at `start` spell `name` (lower case), ignoring ASCII case? */
function sameNameIgnoringCase(page: CharReader, start: number, name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = page.charCodeAt(start + i);
    if ((c >= 65 && c <= 90 ? c | 0x20 : c) !== name.charCodeAt(i)) return false;
  }
  return true;
}

/** A tag name met on the page: what the tree layer needs to know of it, found with one lookup. */
interface TagName {
  name: string;
  /** Open elements this tag closes while they are on top (IMPLIED_CLOSE). */
  closes: ReadonlySet<string> | undefined;
  isVoid: boolean;
  /** Elements of this name open now. */
  open: number;
}

/** A spelling of a tag name as the page writes it (ASCII, any case), by its nameHash. */
interface Spelling {
  /** Lower case: the page's letters are compared to it ignoring ASCII case. */
  lower: string;
  tag: TagName;
  /** Another spelling with the same nameHash. */
  sameHash: Spelling | undefined;
}

/**
 * Spellings kept per nameHash. A page can make names collide on purpose; past this many, a
 * name is looked up as a string (V8's seeded hash), so no page can make the lookup quadratic.
 */
const MAX_SAME_HASH = 8;

/**
 * The pieces written so far, addressed as one page: the tokenizer reports positions in the
 * whole page, and a tag or an attribute may begin in one piece and end in the next.
 */
class WrittenPieces {
  private readonly pieces: string[] = [];
  private readonly starts: number[] = [];
  length = 0;

  add(piece: string): void {
    this.pieces.push(piece);
    this.starts.push(this.length);
    this.length += piece.length;
  }

  /** The piece holding `position`: usually the last or the one before, found by halving. */
  private pieceAt(position: number): number {
    let low = 0;
    let high = this.pieces.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= position) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  slice(start: number, end: number): string {
    let i = this.pieceAt(start);
    let out = this.pieces[i].slice(start - this.starts[i], end - this.starts[i]);
    while (end > this.starts[i] + this.pieces[i].length && ++i < this.pieces.length) {
      out += this.pieces[i].slice(0, end - this.starts[i]);
    }
    return out;
  }

  charCodeAt(position: number): number {
    const i = this.pieceAt(position);
    return this.pieces[i].charCodeAt(position - this.starts[i]);
  }

  /** The pieces from `position` to the end (the first one cut at `position`). */
  tailFrom(position: number): string[] {
    if (position >= this.length) return [];
    const i = this.pieceAt(position);
    return [this.pieces[i].slice(position - this.starts[i]), ...this.pieces.slice(i + 1)];
  }
}

/** A hash of a name as lower case, read in place (same for `DIV` and `div`). */
function nameHash(page: CharReader, start: number, end: number): number {
  let h = end - start;
  for (let i = start; i < end; i++) {
    const c = page.charCodeAt(i);
    h = (Math.imul(h, 31) + (c >= 65 && c <= 90 ? c | 0x20 : c)) | 0;
  }
  return h;
}

/**
 * `pieces` are the page to walk, in order (an array or a generator: a bare string, iterated
 * character by character, is refused by the type); `attributeText` turns a raw attribute value
 * into text (the page's charset, when the pieces hold its bytes one character each: see
 * decode/page-chars.ts).
 */
export function tokenize(
  pieces: Iterable<string> & object,
  sink: TagSink,
  attributeText: (raw: string) => string = (raw) => raw,
  read: ReadExtras = NO_EXTRAS,
): void {
  new TreeBuilder(sink, attributeText, read).run(pieces);
}

/**
 * The tree layer of one walk: the tokenizer's callbacks and the state they share. A class, not
 * closures made anew for each page: its methods are the same functions page after page, so V8
 * compiles them once and can inline them into the tokenizer (per-page closures were compiled
 * again for each page, and their call sites in the tokenizer never settled on one target).
 *
 * Entities are left in place here: decoding them in the tokenizer makes it walk every
 * attribute value and text run byte by byte. The segmenter decodes the text it keeps.
 */
class TreeBuilder implements CharReader {
  // The piece being written is read directly; positions before it go through `written`.
  private written = new WrittenPieces();
  private piece = '';
  private pieceStart = 0;
  private readonly stack: TagName[] = [];
  // Tag names met on this page: one TagName per lower-cased name, found by the page's spelling
  // in place (by nameHash); a spelling not seen yet is sliced out of the page once.
  private readonly tagsByName = new Map<string, TagName>();
  private readonly spellings = new Map<number, Spelling>();
  private openTag: TagName | null = null;
  /** Where the open tag's `<` is. */
  private openTagStart = 0;
  private attrs: AttrBag | null = null;
  private attrName: AttrName = PRESENCE_ONLY;
  private attrValue = '';
  private attrWanted = false;
  private attrValueWanted = false;
  private tagAttributesWanted = true;
  /** `<link href>` is read (rel=canonical); `<a href>` when `read.hrefs`; other hrefs are presence only. */
  private hrefValueWanted = false;
  /** An `<img>` whose src and alt are read (`read.images`). */
  private imageWanted = false;
  // `<title>` is raw text up to `</title>`: a page that never closes it (a truncated or broken
  // head, common in old crawls) would hand its whole body to the title. Its text is held back
  // until the end tag; at the end of a page that never gave one, the title ends at its first
  // `<` and the rest of the page is walked again as markup (see `run`).
  private titleStart = -1;
  private tokenizer: FastForwardTokenizer | null = null;

  constructor(
    private readonly sink: TagSink,
    private readonly attributeText: (raw: string) => string,
    private readonly read: ReadExtras,
  ) {}

  run(pieces: Iterable<string>): void {
    this.walk(pieces);
    const { sink } = this;
    if (this.titleStart >= 0) {
      const textStart = this.titleStart;
      const rest = this.written.tailFrom(textStart);
      const lt = rest.findIndex((p) => p.includes('<'));
      const textEnd = lt < 0 ? -1 : rest.slice(0, lt).reduce((n, p) => n + p.length, 0) + rest[lt].indexOf('<');
      if (textEnd < 0) {
        if (this.written.length > textStart && sink.wantsText()) sink.text(this.slice(textStart, this.written.length));
      } else {
        if (textEnd > 0 && sink.wantsText()) sink.text(this.slice(textStart, textStart + textEnd));
        while (this.stack.length && this.stack[this.stack.length - 1].name !== 'title') this.pop();
        if (this.stack.length) this.pop();
        const markup = this.written.tailFrom(textStart + textEnd);
        this.written = new WrittenPieces();
        this.walk(markup);
      }
    }
    while (this.stack.length) this.pop();
  }

  private walk(input: Iterable<string>): void {
    const tokenizer = new FastForwardTokenizer({ decodeEntities: false }, this);
    this.tokenizer = tokenizer;
    for (const next of input) {
      this.pieceStart = this.written.length;
      this.piece = next;
      this.written.add(next);
      tokenizer.write(next);
    }
    tokenizer.end();
  }

  private slice(start: number, end: number): string {
    const { piece, pieceStart } = this;
    return start >= pieceStart && end - pieceStart <= piece.length ? piece.slice(start - pieceStart, end - pieceStart) : this.written.slice(start, end);
  }

  charCodeAt(position: number): number {
    return position >= this.pieceStart ? this.piece.charCodeAt(position - this.pieceStart) : this.written.charCodeAt(position);
  }

  private tagAt(start: number, end: number): TagName {
    const hash = nameHash(this, start, end);
    let seen = 0;
    for (let s = this.spellings.get(hash); s; s = s.sameHash, seen++) {
      if (s.lower.length === end - start && sameNameIgnoringCase(this, start, s.lower)) return s.tag;
    }
    const name = this.slice(start, end).toLowerCase();
    let tag = this.tagsByName.get(name);
    if (!tag) {
      tag = { name, closes: IMPLIED_CLOSE.get(name), isVoid: VOID_ELEMENTS.has(name), open: 0 };
      this.tagsByName.set(name, tag);
    }
    // Kept when comparing ignoring ASCII case finds it again (not for non-ASCII names).
    if (seen < MAX_SAME_HASH && name.length === end - start && sameNameIgnoringCase(this, start, name)) {
      this.spellings.set(hash, { lower: name, tag, sameHash: this.spellings.get(hash) });
    }
    return tag;
  }

  private pop(): void {
    const tag = this.stack.pop()!;
    tag.open--;
    if (tag.name === 'title') this.titleStart = -1;
    this.sink.close(tag.name);
  }

  /** Does the start tag at [start, end] hold `</script` (in a value whose quote ran on)? */
  private swallowedScriptEnd(start: number, end: number): boolean {
    return end - start > SCRIPT_END.length && SCRIPT_END_PATTERN.test(this.slice(start + 1, end));
  }

  // The tokenizer's callbacks.

  onopentagname(start: number, end: number): void {
    const tag = this.tagAt(start, end);
    this.openTag = tag;
    this.openTagStart = start - 1;
    this.attrs = null;
    this.tagAttributesWanted = this.sink.wantsAttributes();
    this.hrefValueWanted = tag.name === 'link' || (this.read.hrefs && tag.name === 'a');
    this.imageWanted = this.read.images && tag.name === 'img';
  }

  onattribname(start: number, end: number): void {
    // Most attributes (src, alt, width, data-*) are not read: rejected by first letter and
    // length, the rest matched in place.
    this.attrWanted = false;
    this.attrValueWanted = false;
    if (!this.tagAttributesWanted) return;
    const first = this.charCodeAt(start) | 0x20;
    const candidates = first < 128 ? WANTED_BY_FIRST_LETTER[first] : undefined;
    if (!candidates) return;
    for (const name of candidates) {
      if (name.length === end - start && sameNameIgnoringCase(this, start, name)) {
        if (!this.imageWanted && IMAGE_ATTRS.has(name)) return;
        this.attrName = name;
        this.attrWanted = true;
        this.attrValueWanted = name !== PRESENCE_ONLY || this.hrefValueWanted;
        this.attrValue = '';
        return;
      }
    }
  }

  onattribdata(start: number, end: number): void {
    if (this.attrValueWanted) this.attrValue += this.slice(start, end);
  }

  onattribentity(codepoint: number): void {
    if (this.attrValueWanted) this.attrValue += String.fromCodePoint(codepoint);
  }

  onattribend(): void {
    if (!this.attrWanted) return;
    const attrs = (this.attrs ??= new AttrBag());
    // The first of duplicates wins, as in browsers.
    if (attrs[this.attrName] === undefined) attrs[this.attrName] = this.attrValue && this.attributeText(this.attrValue);
  }

  onopentagend(endIndex: number): void {
    const tag = this.openTag!;
    const { stack } = this;
    const closes = tag.closes;
    if (closes) while (stack.length && closes.has(stack[stack.length - 1].name)) this.pop();
    let isVoid = tag.isVoid;
    if (tag.name === 'script' && this.swallowedScriptEnd(this.openTagStart, endIndex)) {
      // The start tag ran over a later `</script>`: an attribute's quote was never closed
      // (`src="/a.js` …). Its raw text would run to the next `</script>`, often after the
      // article; the tag is taken as empty and what follows is read as markup.
      isVoid = true;
      this.tokenizer!.leaveRawText();
    }
    if (!isVoid) {
      stack.push(tag);
      tag.open++;
    }
    this.sink.open(tag.name, this.attrs ?? EMPTY_ATTRS, isVoid);
    if (tag.name === 'title') this.titleStart = endIndex + 1; // `<title/>` too: raw text all the same
  }

  onselfclosingtag(endIndex: number): void {
    this.onopentagend(endIndex);
  }

  onclosetag(start: number, end: number): void {
    const { sink, stack } = this;
    if (this.titleStart >= 0) {
      // `</title>` (the tokenizer reports no other end tag inside it): its text at once.
      const textEnd = start - 2;
      if (textEnd > this.titleStart && sink.wantsText()) sink.text(this.slice(this.titleStart, textEnd));
      this.titleStart = -1;
    }
    // Fast path: the end tag closes the element on top (the common case), compared in place.
    const top = stack.length ? stack[stack.length - 1].name : '';
    if (top.length === end - start && sameNameIgnoringCase(this, start, top)) {
      this.pop();
      return;
    }
    const closing = this.tagAt(start, end);
    if (closing.isVoid) {
      if (closing.name === 'br') sink.open('br', EMPTY_ATTRS, true); // `</br>` is a line break in every browser
      return;
    }
    if (!closing.open) return; // a stray end tag: browsers ignore it
    while (stack.length) {
      const open = stack[stack.length - 1];
      this.pop();
      if (open === closing) break;
    }
  }

  ontext(start: number, end: number): void {
    if (this.titleStart >= 0 || !this.sink.wantsText()) return;
    // Most text runs of a page are the indentation between two tags: they arrive as one
    // space, never sliced out (the engine collapses whitespace anyway).
    const { pieceStart } = this;
    if (start >= pieceStart && isHtmlSpaceRun(this.piece, start - pieceStart, end - pieceStart)) this.sink.text(' ');
    else this.sink.text(this.slice(start, end));
  }

  ontextentity(codepoint: number): void {
    if (this.sink.wantsText()) this.sink.text(String.fromCodePoint(codepoint));
  }

  oncdata(): void {}
  oncomment(): void {}
  ondeclaration(): void {}
  onprocessinginstruction(): void {}
  onend(): void {}
}
