#!/usr/bin/env node
// Runs a TypeScript script through tsx in this same process (so node flags such as
// --expose-gc apply to it): node bin/tsx-run.cjs SCRIPT.ts [args...]
require('tsx/cjs/api').register();
const path = require('node:path');
const script = path.resolve(process.argv[2]);
process.argv.splice(1, 2, script);
require(script);
