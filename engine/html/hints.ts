/** Reads an element's tag, role, class and id into a boilerplate kind (or a content mark). */
import {
  CONTENT_NAMES,
  NAME_KINDS,
  ROLE_KINDS,
  TAG_KINDS,
} from '../config/html-hints';
import type { BlockKind } from '../types';

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

function wordsRegex(words: readonly string[]): RegExp {
  const alternatives = words.map((w) => normaliseName(w).replace(/^-|-$/g, '')).join('|');
  return new RegExp(`(?:^|-)(?:${alternatives})(?:-|$)`);
}

const KIND_RULES = NAME_KINDS.map((rule) => ({ kind: rule.kind, re: wordsRegex(rule.words) }));
const CONTENT_RE = wordsRegex(CONTENT_NAMES);
/** Every word of every rule in one pattern: most names match none, and one test rules them out. */
const ANY_RULE_RE = wordsRegex(NAME_KINDS.flatMap((rule) => rule.words));

export interface NameHint {
  kind: BlockKind | null;
  /** The matched name, for the block's reason. */
  name: string;
  content: boolean;
}

const NO_HINT: NameHint = { kind: null, name: '', content: false };

/** Kind and content mark of one name (one word of a `class`, or an `id`). */
function hintFromName(raw: string): NameHint {
  const normalised = normaliseName(raw);
  const content = CONTENT_RE.test(normalised);
  if (ANY_RULE_RE.test(normalised)) {
    for (const rule of KIND_RULES) {
      if (rule.re.test(normalised)) return { kind: rule.kind, name: raw, content };
    }
  }
  return content ? { kind: null, name: '', content } : NO_HINT;
}

/**
 * Kind (of the first name that has one) and content mark of one `class` or `id` attribute.
 * `cache` lives for one page and holds whole values and single names alike: pages repeat their
 * class names, alone and in ever new combinations (`col-md-6 …`). A longer-lived cache would
 * keep slices of old pages alive.
 */
function hintFromAttribute(value: string, cache: Map<string, NameHint>): NameHint {
  if (!value) return NO_HINT;
  const hit = cache.get(value);
  if (hit) return hit;
  let kind: BlockKind | null = null;
  let name = '';
  let content = false;
  const names = value.split(/\s+/);
  for (const raw of names) {
    if (!raw) continue;
    let one = names.length === 1 ? undefined : cache.get(raw);
    if (!one) {
      one = hintFromName(raw);
      if (names.length > 1) cache.set(raw, one);
    }
    content ||= one.content;
    if (!kind && one.kind) {
      kind = one.kind;
      name = one.name;
    }
  }
  const result: NameHint = kind || content ? { kind, name, content } : NO_HINT;
  cache.set(value, result);
  return result;
}

/** What an element's class names and id say: the first kind found (class names first), and any content mark. */
export function hintFromNames(className: string, id: string, cache: Map<string, NameHint>): NameHint {
  const byClass = hintFromAttribute(className, cache);
  const byId = hintFromAttribute(id, cache);
  if (byId === NO_HINT) return byClass;
  if (byClass === NO_HINT) return byId;
  return { kind: byClass.kind ?? byId.kind, name: byClass.kind ? byClass.name : byId.name, content: byClass.content || byId.content };
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
