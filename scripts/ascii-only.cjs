'use strict';
/**
 * The Lambda bundle written in ASCII: the regular-expression literals' other characters as
 * `\uXXXX` escapes.
 *
 * esbuild escapes non-ASCII characters in strings and templates but not in regular-expression
 * literals, and the engine's word lists for other languages live in such literals. One such
 * character makes node hold the whole file as a two-byte string: ~2 ms of the bundle's load
 * (npm run bench:coldstart). In a regular expression an escaped code unit is the same character,
 * with or without the `u` flag (under `u`, a surrogate pair written as two escapes is still one
 * code point). The literals are found by parsing the bundle (TypeScript's parser, a build-time
 * dependency), so a tagged template's raw text, which an escape would change, is left as it is.
 */
function escapeNonAscii(text) {
  return text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `code` with every regular-expression literal's non-ASCII characters escaped. */
function asciiRegExps(code) {
  if (!/[^\x00-\x7f]/.test(code)) return code;
  const ts = require('typescript');
  const file = ts.createSourceFile('bundle.js', code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const literals = [];
  const visit = (node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      if (/[^\x00-\x7f]/.test(node.text)) literals.push(node);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = '';
  let at = 0;
  for (const node of literals) {
    const start = node.getStart(file);
    out += code.slice(at, start) + escapeNonAscii(code.slice(start, node.end));
    at = node.end;
  }
  return out + code.slice(at);
}

module.exports = { asciiRegExps };
