#!/usr/bin/env node
'use strict';
// The `winnow` command: this file stays tiny (`winnow --version` loads nothing else); the CLI
// itself is compiled JavaScript in dist/ (scripts/build.cjs: `npm run build`, run by `prepare`
// after `npm install` in a checkout), each command a file of its own loaded when it runs.
const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // Straight to the file descriptor: process.stdout builds a stream (its tty or pipe modules),
  // ~5 ms of a 60 ms start, for one line.
  const line = `winnow ${require('../package.json').version}\n`;
  try {
    require('node:fs').writeSync(1, line);
  } catch (err) {
    if (err && err.code === 'EAGAIN') process.stdout.write(line); // a non-blocking pipe that is full
    else if (!err || err.code !== 'EPIPE') throw err;
  }
} else {
  let cli;
  try {
    cli = require('../dist/cli.cjs');
  } catch (err) {
    if (err && err.code === 'MODULE_NOT_FOUND' && String(err.message).includes('dist/cli.cjs')) {
      process.stderr.write('winnow: the CLI is not built: run `npm run build` (or `npm install`) in the checkout\n');
      process.exit(2);
    }
    throw err;
  }
  cli.main(argv)
    .then((code) => { process.exitCode = code; })
    .catch((err) => { process.stderr.write(`winnow: ${err && err.stack ? err.stack : err}\n`); process.exitCode = 2; });
}
