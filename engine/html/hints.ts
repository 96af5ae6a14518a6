/** Reads an element's tag, role, class and id into a boilerplate kind (or a content mark). */
import {
  CONTENT_NAMES,
  NAME_KINDS,
  ROLE_KINDS,
  TAG_KINDS,
} from '../config/html-hints';
import type { BlockKind } from '../types';

/** `socialShare_bar2` → `social-share-bar-` (words separated by single dashes). */
export function normaliseName(name: string): string {
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

export interface NameHint {
  kind: BlockKind | null;
  /** The matched name, for the block's reason. */
  name: string;
  content: boolean;
}

const cache = new Map<string, NameHint>();
const NO_HINT: NameHint = { kind: null, name: '', content: false };
const MAX_CACHE = 20000;

/** Kind and content mark of one `class` or `id` attribute, memoised (pages repeat their class names). */
function hintFromAttribute(value: string): NameHint {
  if (!value) return NO_HINT;
  const hit = cache.get(value);
  if (hit) return hit;
  let kind: BlockKind | null = null;
  let name = '';
  let content = false;
  for (const raw of value.split(/\s+/)) {
    if (!raw) continue;
    const normalised = normaliseName(raw);
    if (CONTENT_RE.test(normalised)) content = true;
    if (kind) continue;
    for (const rule of KIND_RULES) {
      if (rule.re.test(normalised)) {
        kind = rule.kind;
        name = raw;
        break;
      }
    }
  }
  const result: NameHint = kind || content ? { kind, name, content } : NO_HINT;
  if (cache.size > MAX_CACHE) cache.clear();
  cache.set(value, result);
  return result;
}

/** What an element's class names and id say: the first kind found (class names first), and any content mark. */
export function hintFromNames(className: string, id: string): NameHint {
  const byClass = hintFromAttribute(className);
  const byId = hintFromAttribute(id);
  if (byId === NO_HINT) return byClass;
  if (byClass === NO_HINT) return byId;
  return { kind: byClass.kind ?? byId.kind, name: byClass.kind ? byClass.name : byId.name, content: byClass.content || byId.content };
}

export function hintFromTag(tag: string): BlockKind | null {
  return TAG_KINDS[tag] ?? null;
}

export function hintFromRole(role: string | undefined): BlockKind | null {
  if (!role) return null;
  return ROLE_KINDS[role.trim().toLowerCase()] ?? null;
}
