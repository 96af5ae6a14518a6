/** Reads an element's tag, role, class and id into a boilerplate kind (or a content mark). */
import {
  CONTENT_NAMES,
  EMBEDDED_POST_NAMES,
  NAME_KINDS,
  ROLE_KINDS,
  STYLE_WORDS,
  TAG_KINDS,
} from '../config/html-hints';
import { HashBits } from '../hash-bits';
import type { BlockKind } from '../types';
import { isHtmlSpace } from './tokenize';

const ALREADY_NORMAL = /^[a-z]+(?:-[a-z]+)*$/;

/** `socialShare_bar2` → `social-share-bar-` (words separated by single dashes). */
export function normaliseName(name: string): string {
  // Half the names are already lower-case words and dashes: nothing to rewrite.
  if (ALREADY_NORMAL.test(name)) return name;
  // The other half (`article__body`, `col-md-6`, `storyBody`) in one pass: three regex
  // replaces cost twice as much. Non-ASCII goes the general way (`İ` lower-cases to ASCII `i`).
  let out = '';
  let gap = false; // a run of non-letters is pending, written as one dash
  let prevLower = false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    const lower = c >= 97 && c <= 122;
    const upper = c >= 65 && c <= 90;
    if (!lower && !upper) {
      if (c >= 128) return normaliseAnyName(name);
      gap = true;
      prevLower = false;
      continue;
    }
    if (gap || (upper && prevLower)) out += '-';
    gap = false;
    out += lower ? name[i] : String.fromCharCode(c | 0x20);
    prevLower = lower;
  }
  return gap ? `${out}-` : out;
}

function normaliseAnyName(name: string): string {
  return name
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z]+/g, '-');
}

/**
 * The rules' names as runs of words. A rule word matches a name when it is a run of the name's
 * whole words as normaliseName cuts them (`share-bar` in `postShare_bar2`, not in `sharebars`).
 * Names are read in place, word by word, each word looked up by a hash of its letters: no
 * string is made for a name or its words (that cost more than all the matching).
 */
interface WordRun {
  /** The run's last word, lower case (the hash is checked against it). */
  word: string;
  /** Index in NAME_KINDS of the first rule this run is a word of, or NO_RULE. */
  rule: number;
  /** The run is a CONTENT_NAMES word. */
  content: boolean;
  /** Longer runs that start with this one, by their next word's hash. */
  next: Map<number, WordRun[]> | null;
}

const NO_RULE = Number.MAX_SAFE_INTEGER;
const WORD_RUNS = new Map<number, WordRun[]>();

function wordHash(text: string, start: number, end: number): number {
  let h = 0;
  for (let i = start; i < end; i++) h = (Math.imul(h, 31) + (text.charCodeAt(i) | 0x20)) | 0;
  return h;
}

/** Does `text[start, end)` spell `word`, ignoring ASCII case? */
function spells(text: string, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  for (let i = 0; i < word.length; i++) if ((text.charCodeAt(start + i) | 0x20) !== word.charCodeAt(i)) return false;
  return true;
}

function findRun(level: Map<number, WordRun[]> | null, text: string, start: number, end: number, hash = wordHash(text, start, end)): WordRun | undefined {
  const runs = level?.get(hash);
  if (runs) for (const run of runs) if (spells(text, start, end, run.word)) return run;
  return undefined;
}

/**
 * The hashes of the words that begin a rule's run: most words of a page's class names begin
 * none (`col`, `md`, `clearfix`), and one bit says so without a lookup.
 */
const FIRST_WORDS = new HashBits(16);

function addWordRun(ruleWord: string, rule: number, content: boolean): void {
  const words = normaliseName(ruleWord).split('-').filter(Boolean);
  if (words.length === 0) throw new Error(`class/id word "${ruleWord}" has no letters`);
  FIRST_WORDS.add(wordHash(words[0]!, 0, words[0]!.length));
  let level = WORD_RUNS;
  let run: WordRun | undefined;
  for (const word of words) {
    run = findRun(level, word, 0, word.length);
    if (!run) {
      run = { word, rule: NO_RULE, content: false, next: null };
      const hash = wordHash(word, 0, word.length);
      level.set(hash, [...(level.get(hash) ?? []), run]);
    }
    level = run.next ??= new Map();
  }
  run!.rule = Math.min(run!.rule, rule);
  run!.content ||= content;
}
NAME_KINDS.forEach((rule, index) => rule.words.forEach((word) => addWordRun(word, index, false)));
CONTENT_NAMES.forEach((word) => addWordRun(word, NO_RULE, true));

/** Words of the name being read: start and end offsets (scratch, reused; names are read one at a time). */
let wordStarts = new Int32Array(64);
let wordEnds = new Int32Array(64);
/** Each word's wordHash, found as it is cut. */
let wordHashes = new Int32Array(64);

function growWords(): void {
  const starts = new Int32Array(wordStarts.length * 2);
  const ends = new Int32Array(wordEnds.length * 2);
  const hashes = new Int32Array(wordHashes.length * 2);
  starts.set(wordStarts);
  ends.set(wordEnds);
  hashes.set(wordHashes);
  wordStarts = starts;
  wordEnds = ends;
  wordHashes = hashes;
}

/**
 * Cuts `text[start, end)` into words as normaliseName does (runs of ASCII letters, a new word
 * at an upper-case letter after a lower-case one) into wordStarts/wordEnds. Returns how many,
 * or -1 for a non-ASCII name, which normaliseName must rewrite first.
 */
function cutWords(text: string, start: number, end: number): number {
  let count = 0;
  let inWord = false;
  let prevLower = false;
  let hash = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const lower = c >= 97 && c <= 122;
    const upper = c >= 65 && c <= 90;
    if (!lower && !upper) {
      if (c >= 128) return -1;
      if (inWord) {
        wordEnds[count - 1] = i;
        wordHashes[count - 1] = hash;
      }
      inWord = false;
      prevLower = false;
      continue;
    }
    if (!inWord || (upper && prevLower)) {
      if (inWord) {
        wordEnds[count - 1] = i;
        wordHashes[count - 1] = hash;
      }
      if (count === wordStarts.length) growWords();
      wordStarts[count++] = i;
      inWord = true;
      hash = 0;
    }
    hash = (Math.imul(hash, 31) + (c | 0x20)) | 0;
    prevLower = lower;
  }
  if (inWord) {
    wordEnds[count - 1] = end;
    wordHashes[count - 1] = hash;
  }
  return count;
}

/** Words of CSS box properties: the word after one in a class name is a side, not a part of the page. */
function isStyleWord(text: string, start: number, end: number): boolean {
  for (const word of STYLE_WORDS) if (spells(text, start, end, word)) return true;
  return false;
}

export interface NameHint {
  kind: BlockKind | null;
  /** The matched name, for the block's reason. */
  name: string;
  content: boolean;
  /** The name is of a list of links by nature (NAME_KINDS' `linkList`: a menu, a table of contents). */
  linkList: boolean;
  /** One of the class names is an embedded social post's (EMBEDDED_POST_NAMES). Not read from `id`. */
  embedsPost: boolean;
}

const NO_HINT: NameHint = { kind: null, name: '', content: false, linkList: false, embedsPost: false };

/** Is `text[start, end)` one of EMBEDDED_POST_NAMES, ignoring ASCII case? */
function isEmbeddedPostName(text: string, start: number, end: number): boolean {
  for (const name of EMBEDDED_POST_NAMES) if (spells(text, start, end, name)) return true;
  return false;
}

/** Kind and content mark of one name, `text[start, end)` (one word of a `class`, or an `id`). */
function hintFromName(text: string, start: number, end: number): NameHint {
  let source = text;
  let count = cutWords(text, start, end);
  if (count < 0) {
    // The general way: normaliseName's lower-casing (`İ` is `i`), then its words, all ASCII.
    source = normaliseName(text.slice(start, end));
    count = cutWords(source, 0, source.length);
  }
  let rule = NO_RULE;
  let content = false;
  for (let i = 0; i < count; i++) {
    // Every run of words starting at word i that some rule or content name spells.
    if (!FIRST_WORDS.mayHave(wordHashes[i]!)) continue;
    let run = findRun(WORD_RUNS, source, wordStarts[i], wordEnds[i], wordHashes[i]);
    // A word after a property of the box (`padding-bottom-5`, `edged-borders-bottom`) is styling
    // (looked at only for a word that matched: most words match nothing).
    if (run && i > 0 && isStyleWord(source, wordStarts[i - 1], wordEnds[i - 1])) continue;
    for (let j = i + 1; run; j++) {
      if (run.rule < rule) rule = run.rule;
      content ||= run.content;
      if (!run.next || j >= count) break;
      run = findRun(run.next, source, wordStarts[j], wordEnds[j], wordHashes[j]);
    }
  }
  if (rule !== NO_RULE) return { kind: NAME_KINDS[rule].kind, name: text.slice(start, end), content, linkList: NAME_KINDS[rule].linkList === true, embedsPost: false };
  return content ? { kind: null, name: '', content, linkList: false, embedsPost: false } : NO_HINT;
}

/**
 * Kind (of the first name that has one) and content mark of one `class` or `id` attribute.
 * `cache` lives for one page and holds whole values: pages repeat their class lists. A longer-
 * lived cache would keep slices of old pages alive.
 */
function hintFromAttribute(value: string, cache: Map<string, NameHint>): NameHint {
  if (!value) return NO_HINT;
  const hit = cache.get(value);
  if (hit) return hit;
  let kind: BlockKind | null = null;
  let name = '';
  let content = false;
  let linkList = false;
  let embedsPost = false;
  for (let i = 0; i < value.length; ) {
    while (i < value.length && isHtmlSpace(value.charCodeAt(i))) i++;
    const start = i;
    while (i < value.length && !isHtmlSpace(value.charCodeAt(i))) i++;
    if (i === start) break;
    const one = hintFromName(value, start, i);
    content ||= one.content;
    embedsPost ||= isEmbeddedPostName(value, start, i);
    if (!kind && one.kind) {
      kind = one.kind;
      name = one.name;
      linkList = one.linkList;
    }
  }
  const result: NameHint = kind || content || embedsPost ? { kind, name, content, linkList, embedsPost } : NO_HINT;
  cache.set(value, result);
  return result;
}

/** What an element's class names and id say: the first kind found (class names first), and any content mark. */
export function hintFromNames(className: string, id: string, cache: Map<string, NameHint>): NameHint {
  const byClass = hintFromAttribute(className, cache);
  const byId = hintFromAttribute(id, cache);
  if (byId === NO_HINT) return byClass;
  if (byClass === NO_HINT && !byId.embedsPost) return byId;
  const first = byClass.kind ? byClass : byId;
  return { kind: first.kind, name: first.name, content: byClass.content || byId.content, linkList: first.linkList, embedsPost: byClass.embedsPost };
}

// Maps, not the objects' own lookup: `<constructor>` or role="toString" must find nothing,
// not a property of Object.prototype.
const TAG_KIND_MAP: ReadonlyMap<string, BlockKind> = new Map(Object.entries(TAG_KINDS));
const ROLE_KIND_MAP: ReadonlyMap<string, BlockKind> = new Map(Object.entries(ROLE_KINDS));

export function hintFromTag(tag: string): BlockKind | null {
  return TAG_KIND_MAP.get(tag) ?? null;
}

export function hintFromRole(role: string | undefined): BlockKind | null {
  if (!role) return null;
  return ROLE_KIND_MAP.get(role.trim().toLowerCase()) ?? null;
}
