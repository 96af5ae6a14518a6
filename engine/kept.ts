/**
 * Predicates on classified blocks, shared by the HTML path and assembly. Functions of a module,
 * not arrows made at each call: V8 compiles one function once, and kept compiling arrows made
 * anew page after page.
 */
import type { Block } from './types';

/** A kept block of the article's body (not its headline). */
export function isKeptBody(b: Block): boolean {
  return b.kept && b.kind !== 'title';
}

/** The kept block that is the page's headline. */
export function isKeptTitle(b: Block): boolean {
  return b.kind === 'title' && b.kept;
}
