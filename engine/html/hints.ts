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

/** Kind and content mark of one `class`+`id` string, memoised (pages repeat their class names). */
export function hintFromNames(classAndId: string): NameHint {
  if (!classAndId) return NO_HINT;
  const hit = cache.get(classAndId);
  if (hit) return hit;
  let result: NameHint = NO_HINT;
  let content = false;
  for (const raw of classAndId.split(/\s+/)) {
    if (!raw) continue;
    const name = normaliseName(raw);
    if (CONTENT_RE.test(name)) content = true;
    if (result.kind) continue;
    for (const rule of KIND_RULES) {
      if (rule.re.test(name)) {
        result = { kind: rule.kind, name: raw, content: false };
        break;
      }
    }
  }
  result = { ...result, content };
  if (cache.size > 20000) cache.clear();
  cache.set(classAndId, result);
  return result;
}

export function hintFromTag(tag: string): BlockKind | null {
  return TAG_KINDS[tag] ?? null;
}

export function hintFromRole(role: string | undefined): BlockKind | null {
  if (!role) return null;
  return ROLE_KINDS[role.trim().toLowerCase()] ?? null;
}
