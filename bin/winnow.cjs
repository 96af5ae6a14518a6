#!/usr/bin/env node
// The `winnow` command. The CLI is TypeScript; tsx compiles it on the fly (and caches),
// so a checkout works right after `npm ci` with no build step.
require('tsx/cjs/api').register();
require('../cli/main.ts')
  .main(process.argv.slice(2))
  .then((code) => { process.exitCode = code; })
  .catch((err) => { process.stderr.write(`winnow: ${err && err.stack ? err.stack : err}\n`); process.exitCode = 2; });
