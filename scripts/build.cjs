#!/usr/bin/env node
/**
 * Builds what the package runs into dist/ (esbuild, plus tsc for the .d.ts files):
 *
 *   dist/index.cjs           the engine (`winnow`): htmlparser2 and friends inside, no AWS
 *   dist/lambda.cjs          `winnow/lambda`: the handler and createHandler (AWS SDK, Powertools
 *                            from node_modules; the engine from ./index.cjs)
 *   dist/cdk.cjs             `winnow/cdk`: WinnowPipeline (aws-cdk-lib, constructs: peers)
 *   dist/*.mjs               ES module faces of the three (one copy of the code: no dual-package hazard)
 *   dist/lambda-asset/       the Lambda bundle (LAMBDA_BUNDLE: the construct's code when installed)
 *   dist/cli*.cjs            the CLI: a small main and one file per command, loaded when it runs
 *   dist/clean-worker.cjs    the worker thread of `winnow clean --jobs N`
 *   dist/types/ + *.d.mts    declarations
 *
 * Usage: node scripts/build.cjs [cli|all]   (cli: the engine and the CLI only, ~1 s; what
 * `prepare` and the tests need. all: everything, for `npm pack`.)
 *        node scripts/build.cjs lambda DIR  (the Lambda bundle alone, as DIR/index.js: what the
 * construct deploys from a checkout, the bench loads and the bundle's test runs)
 */
'use strict';
const { build } = require('esbuild');
const { execFileSync } = require('node:child_process');
const { mkdirSync, rmSync, writeFileSync, readFileSync, readdirSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { sdkSchemasPlugin } = require('./sdk-schemas.cjs');
const { sdkEventStreamsPlugin } = require('./sdk-event-streams.cjs');
const { asciiRegExps } = require('./ascii-only.cjs');

const ROOT = resolve(__dirname, '..');
const DIST = join(ROOT, 'dist');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
/** Runtime dependencies stay in node_modules (the lambda and CLI commands that talk to AWS). */
const RUNTIME_DEPS = Object.keys(pkg.dependencies ?? {});
const PEERS = Object.keys(pkg.peerDependencies ?? {});
const ENGINE_INDEX = join(ROOT, 'engine', 'index.ts');

/** The CLI's subcommands, each its own file (cli/main.ts requires './commands/<name>'). */
const COMMANDS = readdirSync(join(ROOT, 'cli', 'commands')).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3));

/**
 * Imports of the engine from other entries become `require('./index.cjs')` (one copy of the
 * engine, one WinnowError class); cli/main.ts's commands become their own files; package.json
 * is read at run time (the same `../package.json` from dist/ as from cli/).
 */
const splitPlugin = (self) => ({
  name: 'winnow-split',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      const target = resolve(args.resolveDir, args.path);
      if (self !== 'engine' && (target === join(ROOT, 'engine') || target === ENGINE_INDEX.slice(0, -3) || target === ENGINE_INDEX)) {
        return { path: './index.cjs', external: true };
      }
      if (args.importer === join(ROOT, 'cli', 'main.ts')) {
        if (args.path.startsWith('./commands/')) return { path: `./cli-${args.path.slice('./commands/'.length)}.cjs`, external: true };
        if (args.path === '../package.json') return { path: '../package.json', external: true };
      }
      return undefined;
    });
  },
});

/**
 * The Lambda bundle the construct deploys (the AWS SDK inside, minified CJS for node22, no source
 * maps, the Lambda-only credential chain of lambdas/bundle-alias.json, the SDK schemas of unused
 * operations left out: scripts/sdk-schemas.cjs, its event streams imported statically:
 * scripts/sdk-event-streams.cjs, written in ASCII: scripts/ascii-only.cjs); bench/bundle.ts
 * measures the same. Its plugins need esbuild's asynchronous `build`: `buildLambda`, or
 * `node scripts/build.cjs lambda DIR`.
 */
const LAMBDA_BUNDLE = {
  plugins: [sdkSchemasPlugin, sdkEventStreamsPlugin],
  bundle: true,
  alias: Object.fromEntries(
    Object.entries(JSON.parse(readFileSync(join(ROOT, 'lambdas', 'bundle-alias.json'), 'utf8'))).map(([from, to]) => [from, join(ROOT, to)]),
  ),
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  minify: true,
  mainFields: ['module', 'main'],
  sourcemap: false,
  logLevel: 'error',
};

const COMMON = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  keepNames: true,
  mainFields: ['module', 'main'],
  legalComments: 'none',
  logLevel: 'error',
};

function bundle(self, entry, outfile, extra = {}) {
  return build({
    ...COMMON,
    entryPoints: [join(ROOT, entry)],
    outfile: join(DIST, outfile),
    external: [...RUNTIME_DEPS, ...PEERS, ...(extra.external ?? [])],
    plugins: [splitPlugin(self)],
    ...extra,
  });
}

function buildEngine() {
  return bundle('engine', 'engine/index.ts', 'index.cjs');
}

function buildCli() {
  return Promise.all([
    bundle('cli', 'cli/main.ts', 'cli.cjs'),
    ...COMMANDS.map((name) => bundle('cli', `cli/commands/${name}.ts`, `cli-${name}.cjs`)),
    bundle('cli', 'cli/clean-worker.ts', 'clean-worker.cjs'),
  ]);
}

function buildLibraries() {
  return Promise.all([
    bundle('lambda', 'lambdas/index.ts', 'lambda.cjs'),
    bundle('cdk', 'cdk/index.ts', 'cdk.cjs'),
    buildLambda(join(DIST, 'lambda-asset')),
  ]);
}

/** The Lambda bundle as `dir`/index.js (the handler module Lambda loads: `index.handler`). */
async function buildLambda(dir) {
  const { outputFiles } = await build({ ...LAMBDA_BUNDLE, entryPoints: [join(ROOT, 'lambdas/handler.ts')], outfile: join(dir, 'index.js'), write: false });
  mkdirSync(dir, { recursive: true });
  for (const file of outputFiles) writeFileSync(file.path, asciiRegExps(file.text));
}

/** An ES module face over a CJS entry: the same objects, named exports listed at build time. */
function esmFace(cjsName, typesPath) {
  const mod = require(join(DIST, `${cjsName}.cjs`));
  const names = Object.keys(mod).filter((n) => n !== 'default' && n !== '__esModule' && /^[A-Za-z_$][\w$]*$/.test(n));
  writeFileSync(
    join(DIST, `${cjsName}.mjs`),
    `import m from './${cjsName}.cjs';\nexport const { ${names.join(', ')} } = m;\n`,
  );
  writeFileSync(join(DIST, `${cjsName}.d.mts`), `export * from './${typesPath}.js';\n`);
}

function buildTypes() {
  rmSync(join(DIST, 'types'), { recursive: true, force: true });
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit', cwd: ROOT });
}

async function main() {
  const what = process.argv[2] ?? 'all';
  if (what === 'lambda' && process.argv[3]) {
    await buildLambda(resolve(process.argv[3]));
    return;
  }
  if (what !== 'cli' && what !== 'all') throw new Error('usage: node scripts/build.cjs [cli|all] | lambda DIR');
  const t0 = Date.now();
  if (what === 'all') rmSync(DIST, { recursive: true, force: true });
  mkdirSync(DIST, { recursive: true });
  await Promise.all([buildEngine(), buildCli(), what === 'all' ? buildLibraries() : null]);
  if (what === 'all') {
    buildTypes();
    esmFace('index', 'types/engine/index');
    esmFace('lambda', 'types/lambdas/index');
    esmFace('cdk', 'types/cdk/index');
  }
  process.stderr.write(`built dist/ (${what}) in ${Date.now() - t0} ms\n`);
}

if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(`${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 1;
  });
}
/** The engine and the CLI (what the tests run: `bin/winnow.cjs` loads dist/cli.cjs). */
async function buildForTests() {
  mkdirSync(DIST, { recursive: true });
  await Promise.all([buildEngine(), buildCli()]);
}
module.exports = { buildForTests, buildLambda, DIST, LAMBDA_BUNDLE };
