/**
 * Tell HTML from plain text by content (never by a file name). Looks only at a bounded window
 * after a BOM and leading whitespace, so it is linear-time and cheap on any input.
 *
 * HTML when, in that window:
 *  - a document signal appears: `<!doctype html`, `<html`, `<head`, `<body` (as tags), or
 *  - the text starts with a comment or a well-known tag (`<div class=…>`, `<p>`, `</…>`), or
 *  - at least `htmlMinTags` well-known tags appear (a fragment with some prose in front).
 * A plain-text article that mentions `<p>` once or twice stays text.
 */
import { DECODE_DEFAULTS, type DecodeThresholds } from '../config/decode';
import type { Format } from '../types';

const KNOWN_TAGS = [
  'a', 'abbr', 'article', 'aside', 'audio', 'b', 'blockquote', 'body', 'br', 'button', 'caption', 'code', 'dd',
  'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head',
  'header', 'hr', 'html', 'i', 'iframe', 'img', 'input', 'label', 'li', 'link', 'main', 'meta', 'nav', 'noscript',
  'ol', 'option', 'p', 'picture', 'pre', 'script', 'section', 'select', 'small', 'source', 'span', 'strong', 'style',
  'sub', 'sup', 'svg', 'table', 'tbody', 'td', 'textarea', 'th', 'thead', 'time', 'title', 'tr', 'u', 'ul', 'video',
];

/** Bounded attribute run so a stray `<p` never scans far. */
const TAG = `</?(?:${KNOWN_TAGS.join('|')})(?=[\\s/>])[^<>]{0,512}>`;
const KNOWN_TAG_GLOBAL = new RegExp(TAG, 'gi');
const STARTS_WITH_TAG = new RegExp(`^(?:<!--|<\\?xml[\\s?]|${TAG})`, 'i');
const DOCUMENT_SIGNAL = /<!doctype\s+html|<(?:html|head|body)(?=[\s>/])/i;

/** What sniffing skips before the content: a BOM, whitespace, no-break spaces. */
export function isLeadingSpace(c: number): boolean {
  return c === 0xfeff || c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c || c === 0xa0;
}

/** Index of the first character that is not a BOM or whitespace (no copy of the input). */
function contentStart(text: string): number {
  let i = 0;
  while (i < text.length && isLeadingSpace(text.charCodeAt(i))) i += 1;
  return i;
}

export function sniffFormat(text: string, t: DecodeThresholds = DECODE_DEFAULTS): Format {
  const start = contentStart(text);
  const head = text.slice(start, start + t.formatSniffChars);
  if (DOCUMENT_SIGNAL.test(head)) return 'html';
  if (STARTS_WITH_TAG.test(head)) return 'html';
  let tags = 0;
  KNOWN_TAG_GLOBAL.lastIndex = 0;
  while (KNOWN_TAG_GLOBAL.exec(head)) {
    tags += 1;
    if (tags >= t.htmlMinTags) return 'html';
  }
  return 'text';
}
