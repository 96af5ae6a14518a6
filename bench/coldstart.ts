/**
 * npm run bench:coldstart — the Lambda bundle as the construct deploys it (scripts/build.cjs
 * lambda: esbuild bundle, minify, CJS, target node22, mainFields module/main, no source maps,
 * the AWS SDK inside, unused SDK schemas left out), its size,
 * and its cold init: the time to require it in a fresh node process (what Lambda's init phase
 * does with the handler module), over N fresh processes.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { bundleLambda } from './bundle';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 21;
const outfile = bundleLambda();
const bytes = statSync(outfile).size;
const zipped = gzipSync(readFileSync(outfile)).length;

const probe = `const t=process.hrtime.bigint();require(${JSON.stringify(outfile)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
const times: number[] = [];
for (let i = 0; i < runs; i++) {
  const out = execFileSync(process.execPath, ['-e', probe], {
    encoding: 'utf8',
    env: { ...process.env, OUTPUT_BUCKET: 'b', TABLE_NAME: 't', AWS_REGION: 'us-east-1' },
  });
  times.push(Number(out));
}
times.sort((a, b) => a - b);
const pct = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]!;
const result = {
  bundleBytes: bytes,
  bundleGzipBytes: zipped,
  runs,
  initMs: { min: times[0], p50: pct(50), p90: pct(90), max: times[times.length - 1] },
  node: process.version,
};
if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
else {
  console.log(`Lambda bundle: ${(bytes / 1024).toFixed(0)} KB minified (${(zipped / 1024).toFixed(0)} KB gzipped), ${outfile}`);
  console.log(`cold init (require in a fresh node ${process.version} process, ${runs} runs): min ${result.initMs.min.toFixed(0)} ms, p50 ${result.initMs.p50.toFixed(0)} ms, p90 ${result.initMs.p90.toFixed(0)} ms, max ${result.initMs.max.toFixed(0)} ms`);
}
