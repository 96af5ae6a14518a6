/** Page metadata the article is judged against: titles, declared language, JSON-LD. */
import { decodeHTML } from 'entities';
import type { PageSignals } from '../metadata/signals';

export interface JsonLdArticle {
  type: string;
  headline: string | null;
  articleBody: string | null;
  language: string | null;
}

export interface PageMeta {
  /** `<title>` text. */
  title: string | null;
  /** `og:title` or `twitter:title`. */
  ogTitle: string | null;
  /** `<html lang>`, `og:locale` or `content-language`. */
  lang: string | null;
  /** Article-like objects found in JSON-LD scripts. */
  jsonLd: JsonLdArticle[];
  /** Text of the `<h1>` elements, in order (filled by the segmenter). */
  h1: string[];
  /** What the metadata stage reads (null when metadata is off). */
  signals: PageSignals | null;
}

/** The `<meta>` names and properties read, and the field each fills (the first one found wins). */
const META_FIELDS: ReadonlyMap<string, 'ogTitle' | 'lang'> = new Map([
  ['og:title', 'ogTitle'],
  ['twitter:title', 'ogTitle'],
  ['og:locale', 'lang'],
  ['content-language', 'lang'],
  ['language', 'lang'],
]);

/** Reads one `<meta>` of the head: og:title / twitter:title, og:locale and content-language. */
export function readMeta(attribs: Readonly<Record<string, string>>, meta: PageMeta): void {
  const key = (attribs.property ?? attribs.name ?? attribs['http-equiv'] ?? '').toLowerCase();
  const field = META_FIELDS.get(key);
  // Most of a head's metas (viewport, description, og:image…) are not read: no content is decoded for them.
  if (!field || meta[field]) return;
  const raw = attribs.content ?? '';
  const content = (raw.includes('&') ? decodeHTML(raw) : raw).replace(/\s+/g, ' ').trim();
  if (content) meta[field] = content;
}

const ARTICLE_TYPES = /article|posting|report|newsarticle|blog|review|webpage|creativework/i;

function asString(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return null;
}

function visitLd(value: unknown, out: JsonLdArticle[], depth: number): void {
  if (depth > 6 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) visitLd(item, out, depth + 1);
    return;
  }
  const obj = value as Record<string, unknown>;
  const type = asString(obj['@type']) ?? '';
  if (ARTICLE_TYPES.test(type) && (obj.articleBody || obj.headline)) {
    out.push({
      type,
      headline: asString(obj.headline),
      articleBody: asString(obj.articleBody),
      language: asString(obj.inLanguage),
    });
  }
  if (obj['@graph']) visitLd(obj['@graph'], out, depth + 1);
  if (obj.mainEntity) visitLd(obj.mainEntity, out, depth + 1);
}

/**
 * Whether a JSON-LD script may hold an article: visitLd keeps only objects with an
 * `articleBody` or a `headline`, and JSON names them literally.
 */
export function mayDescribeArticle(raw: string): boolean {
  return raw.includes('articleBody') || raw.includes('headline');
}

/** A JSON-LD script's value, or undefined when it does not parse (broken JSON-LD is common). */
export function parseJsonLd(text: string): unknown {
  const raw = text.trim();
  if (!raw) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** One JSON-LD script: its article-like objects into `meta.jsonLd` (when it may name one), the whole value into the signals. */
export function readJsonLd(text: string, meta: PageMeta, mayHoldArticle: boolean): void {
  const value = parseJsonLd(text);
  if (value === undefined) return;
  meta.signals?.ld.push(value);
  if (mayHoldArticle) visitLd(value, meta.jsonLd, 0);
}
