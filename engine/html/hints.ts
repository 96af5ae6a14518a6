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
  // Most class names are already lower-case words and dashes: skip the rewriting for them.
  if (/^[a-z]+(?:-[a-z]+)*$/.test(name)) return name;
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

/**
 * Kind and content mark of one `class` or `id` attribute. `cache` lives for one page: pages
 * repeat their class names, and a longer-lived cache would keep slices of old pages alive.
 */
function hintFromAttribute(value: string, cache: Map<string, NameHint>): NameHint {
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
    if (kind || !ANY_RULE_RE.test(normalised)) continue;
    for (const rule of KIND_RULES) {
      if (rule.re.test(normalised)) {
        kind = rule.kind;
        name = raw;
        break;
      }
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

export function hintFromTag(tag: string): BlockKind | null {
  return TAG_KINDS[tag] ?? null;
}

export function hintFromRole(role: string | undefined): BlockKind | null {
  if (!role) return null;
  return ROLE_KINDS[role.trim().toLowerCase()] ?? null;
}
