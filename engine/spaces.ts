/**
 * Whitespace runs as one space. Only runs that are not already one plain space are matched:
 * text is mostly single-spaced already, and `/\s+/g` would rewrite every space of it.
 */
export function singleSpaced(text: string): string {
  return text.replace(WHITESPACE_TO_REWRITE, ' ');
}
const WHITESPACE_TO_REWRITE = /\s{2,}|[^\S ]/g;

/** JavaScript's `\s` (what `singleSpaced`, `trim` and `split(/\s+/)` treat as space). */
export function isJsSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}
