'use strict';
/**
 * An esbuild plugin for the Lambda bundle: lets esbuild drop the AWS SDK schemas of operations
 * the handler never calls.
 *
 * Each SDK client ships one generated module (`@aws-sdk/client-<name>/dist-es/schemas/schemas_0.js`)
 * with a schema for every shape and operation of its service: S3's is 138 KB. The handler calls a
 * handful of operations, yet esbuild kept the whole module (65 KB of the 699 KB bundle, ~15 ms of
 * its load). The module builds its objects with computed keys whose values are string constants
 * of the same module (`{ [_hE]: 403 }` with `const _hE = "httpError"`) and with `64 | 0`, and
 * esbuild does not prove either free of side effects, so it keeps every statement.
 *
 * The plugin writes those keys as the strings they stand for and those expressions as their
 * numbers: the same objects, which esbuild can now prove pure and drop where unused. A key whose
 * constant is not a plain string of the module is left as it is; a module of another shape
 * loads unchanged (the bundle is then only larger).
 */
const { readFileSync } = require('node:fs');

/** The generated schema modules of the SDK's clients (ES module builds, which esbuild bundles). */
const SCHEMA_MODULE = /[\\/]@aws-sdk[\\/]client-[a-z0-9-]+[\\/]dist-es[\\/]schemas[\\/]schemas_\d+\.js$/;

/** `const _hE = "httpError";`: the module's string constants, one a line. */
const STRING_CONSTANT = /^const (_\w+) = ("(?:[^"\\\n]|\\.)*");$/gm;
/** A computed key naming one of them, after `{` or `,`: `{ [_hE]: 403 }`. */
const COMPUTED_KEY = /([{,]\s*)\[(_\w+)\]:/g;
/** A bitwise or of two integer literals: `64 | 0`. */
const OR_OF_INTEGERS = /\b(\d+) \| (\d+)\b/g;

/** The schema module's source with its keys and numbers written out (exported for the test). */
function writeOutConstants(source) {
  const strings = new Map();
  for (const m of source.matchAll(STRING_CONSTANT)) strings.set(m[1], m[2]);
  return source
    .replace(COMPUTED_KEY, (all, before, name) => (strings.has(name) ? `${before}${strings.get(name)}:` : all))
    .replace(OR_OF_INTEGERS, (all, a, b) => String(Number(a) | Number(b)));
}

const sdkSchemasPlugin = {
  name: 'winnow-sdk-schemas',
  setup(build) {
    build.onLoad({ filter: SCHEMA_MODULE }, (args) => ({
      contents: writeOutConstants(readFileSync(args.path, 'utf8')),
      loader: 'js',
    }));
  },
};

module.exports = { sdkSchemasPlugin, writeOutConstants, SCHEMA_MODULE };
