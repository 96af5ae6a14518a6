/**
 * The benchmark measures the engine as it ships: bundled and minified by esbuild into one
 * CommonJS file, as the Lambda bundle and the CLI load it.
 */
import { execFileSync } from 'node:child_process';
import { buildSync } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..');

export function bundleEngine(outDir = join(ROOT, '.bench')): string {
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, 'engine.cjs');
  buildSync({
    entryPoints: [join(ROOT, 'engine/index.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: process.env.WINNOW_BENCH_NOMINIFY ? false : true,
    mainFields: ['module', 'main'],
    outfile,
    logLevel: 'error',
  });
  return outfile;
}

/**
 * The Lambda bundle the construct deploys (handler, AWS SDK inside, minified CJS for node22):
 * built by scripts/build.cjs, whose esbuild plugin needs the asynchronous API, in a child process.
 */
export function bundleLambda(outDir = join(ROOT, '.bench', 'lambda')): string {
  mkdirSync(outDir, { recursive: true });
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.cjs'), 'lambda', outDir], { stdio: 'inherit' });
  return join(outDir, 'index.js');
}
