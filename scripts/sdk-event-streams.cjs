'use strict';
/**
 * An esbuild plugin for the Lambda bundle: the AWS SDK's event-stream support imported as the
 * module it already is, not loaded lazily.
 *
 * `HttpProtocol` (@smithy/core) reaches event streams with `await import("@smithy/core/event-streams")`.
 * esbuild keeps a dynamic import's semantics by wrapping its target, and every module that target
 * imports, in a lazy initializer: ~180 SDK modules (190 KB unminified). V8 pre-parses each wrapper
 * when it compiles the bundle and parses it again when the initializer runs, and they all run at
 * load anyway, because S3's client imports the same module statically. Written as a static
 * import, those modules are plain top-level code: the same objects, evaluated once, at load, in
 * the same order; the bundle loads ~5 ms sooner (npm run bench:coldstart). A module of another
 * shape loads unchanged.
 */
const { readFileSync } = require('node:fs');

/** The one module that imports event streams dynamically. */
const HTTP_PROTOCOL = /[\\/]@smithy[\\/]core[\\/]dist-es[\\/]submodules[\\/]protocols[\\/]HttpProtocol\.js$/;
const DYNAMIC_IMPORT = /await import\("@smithy\/core\/event-streams"\)/g;

/** HttpProtocol's source with the dynamic import written as a static one (exported for the test). */
function importStatically(source) {
  if (!DYNAMIC_IMPORT.test(source)) return source;
  DYNAMIC_IMPORT.lastIndex = 0;
  return `import * as __winnowEventStreams from "@smithy/core/event-streams";\n${source.replace(DYNAMIC_IMPORT, '__winnowEventStreams')}`;
}

const sdkEventStreamsPlugin = {
  name: 'winnow-sdk-event-streams',
  setup(build) {
    build.onLoad({ filter: HTTP_PROTOCOL }, (args) => ({ contents: importStatically(readFileSync(args.path, 'utf8')), loader: 'js' }));
  },
};

module.exports = { sdkEventStreamsPlugin, importStatically };
