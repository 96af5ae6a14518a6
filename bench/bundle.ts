/**
 * The benchmark measures the engine as it ships: bundled and minified by esbuild into one
 * CommonJS file, as the Lambda bundle and the CLI load it.
 */
import { buildSync, type BuildOptions } from 'esbuild';
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

/** The Lambda bundle as the CDK builds it (handler, AWS SDK inside, minified CJS for node22): scripts/build.cjs's settings. */
export function bundleLambda(outDir = join(ROOT, '.bench', 'lambda')): string {
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, 'index.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { LAMBDA_BUNDLE } = require('../scripts/build.cjs') as { LAMBDA_BUNDLE: BuildOptions };
  buildSync({ ...LAMBDA_BUNDLE, entryPoints: [join(ROOT, 'lambdas/handler.ts')], outfile });
  return outfile;
}
