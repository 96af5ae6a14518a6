/**
 * Whitespace runs as one space. Only runs that are not already one plain space are matched:
 * text is mostly single-spaced already, and `/\s+/g` would rewrite every space of it.
 */
export function singleSpaced(text: string): string {
  return text.replace(WHITESPACE_TO_REWRITE, ' ');
}
const WHITESPACE_TO_REWRITE = /\s{2,}|[^\S ]/g;
