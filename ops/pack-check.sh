#!/usr/bin/env bash
# The package as people get it: `npm pack`, the tarball installed into an empty project (the npm
# registry only, from the npm cache when it can), then there:
#   - the tarball's size (≤ 600 KB) and contents (compiled JavaScript, no TypeScript sources)
#   - `npx winnow --version` and `npx winnow clean` on the seed pages (examples/), --jobs 1 and 2 alike
#   - `require('winnow')` and `import 'winnow'` (one engine, no AWS SDK loaded), `winnow/lambda`,
#     `winnow/cdk`, the schemas
#   - the README's "Use it from code" examples type-checked as a consumer would (moduleResolution
#     node16 as CommonJS and as ES modules, and bundler), with the package's own .d.ts checked too
#   - a consumer CDK app (the README's construct example, compiled) putting WinnowPipeline into
#     its own stack on an existing bucket, synthesized; the template checked (and cfn-lint'ed
#     when cfn-lint is on the machine)
# Usage: ops/pack-check.sh [--keep]   (--keep leaves the temporary project for a look)
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
MAX_TARBALL_BYTES=$((600 * 1024))
KEEP=${1:-}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/winnow-pack-check.XXXXXX")
cleanup() { if [ "$KEEP" = "--keep" ]; then echo "left in $WORK"; else rm -rf "$WORK"; fi; }
trap cleanup EXIT
fail() { echo "pack-check: FAIL: $*" >&2; exit 1; }
step() { echo "--- pack-check: $*"; }

step "npm pack (prepack builds dist/)"
TARBALL=$(npm pack --silent --pack-destination "$WORK" | tail -n 1)
TGZ="$WORK/$TARBALL"
SIZE=$(stat -c %s "$TGZ")
echo "$TARBALL: $SIZE bytes ($((SIZE / 1024)) KB; limit $((MAX_TARBALL_BYTES / 1024)) KB)"
[ "$SIZE" -le "$MAX_TARBALL_BYTES" ] || fail "tarball is $SIZE bytes, over $MAX_TARBALL_BYTES"
tar tzf "$TGZ" > "$WORK/contents.txt"
if grep -E '\.ts$' "$WORK/contents.txt" | grep -vE '\.d\.m?ts$' > "$WORK/sources.txt"; then
  fail "TypeScript sources in the tarball: $(head -3 "$WORK/sources.txt")"
fi
for f in package/dist/index.cjs package/dist/index.mjs package/dist/cdk.cjs package/dist/lambda.cjs \
         package/dist/lambda-asset/index.js package/bin/winnow.cjs package/schemas/result.schema.json \
         package/schemas/item.schema.json package/CHANGELOG.md package/README.md; do
  grep -qx "$f" "$WORK/contents.txt" || fail "$f missing from the tarball"
done
node -e '
  const p = require(process.argv[1]);
  if (p.private) throw new Error("package.json says private");
  if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(p.version)) throw new Error("not a semver version: " + p.version);
  for (const d of ["tsx", "ts-node", "typescript", "esbuild"]) if ((p.dependencies || {})[d]) throw new Error(d + " is a runtime dependency");
' "$REPO/package.json"

# The consumer: an empty project; TypeScript and the CDK at the versions this repository uses.
CONSUMER="$WORK/consumer"
mkdir -p "$CONSUMER"
cd "$CONSUMER"
ver() { node -p "require('$REPO/node_modules/$1/package.json').version"; }
cat > package.json <<'JSON'
{ "name": "winnow-consumer", "version": "1.0.0", "private": true }
JSON
step "npm install the tarball into an empty project"
npm install --no-audit --no-fund --prefer-offline --loglevel=error \
  "$TGZ" "typescript@$(ver typescript)" "@types/node@$(ver @types/node)" \
  "aws-cdk-lib@$(ver aws-cdk-lib)" "constructs@$(ver constructs)"
[ ! -e node_modules/tsx ] || fail "tsx was installed with the package"

step "the CLI: npx winnow"
npx --no-install winnow --version | grep -qx "winnow $(node -p "require('$REPO/package.json').version")" || fail "winnow --version"
npx --no-install winnow clean "$REPO/examples/news-article.html" > article.txt
[ -s article.txt ] || fail "winnow clean printed nothing for examples/news-article.html"
head -c 300 article.txt; echo
EXAMPLES=("$REPO"/examples/*.html "$REPO"/examples/*.txt)
npx --no-install winnow clean --jobs 1 --out-dir out1 "${EXAMPLES[@]}"
npx --no-install winnow clean --jobs 2 --out-dir out2 "${EXAMPLES[@]}"
[ "$(ls out1 | wc -l)" -eq "${#EXAMPLES[@]}" ] || fail "winnow clean --out-dir wrote $(ls out1 | wc -l) files for ${#EXAMPLES[@]} pages"
diff -r out1 out2 || fail "--jobs 1 and --jobs 2 wrote different files"

step "require and import"
cat > require-check.cjs <<'JS'
const assert = require('node:assert');
const w = require('winnow');
assert.strictEqual(typeof w.clean, 'function');
assert.match(w.FILTER_VERSION, /\d/);
const r = w.clean('<html><body><article><h1>Harbour</h1><p>' + 'The old harbour reopened on Saturday after months of repairs. '.repeat(8) + '</p></article></body></html>');
assert.match(r.text, /harbour reopened/);
assert.throws(() => w.clean(''), (e) => e instanceof w.WinnowError && e.code === 'EMPTY_INPUT' && w.isWinnowError(e));
const heavy = Object.keys(require.cache).filter((k) => /[\\/](@aws-sdk|@smithy|@aws-lambda-powertools|aws-cdk-lib)[\\/]/.test(k));
assert.deepStrictEqual(heavy, [], 'require("winnow") loaded the AWS SDK');
const lambda = require('winnow/lambda');
assert.strictEqual(typeof lambda.createHandler, 'function');
assert.strictEqual(typeof lambda.handler, 'function');
const cdk = require('winnow/cdk');
assert.strictEqual(typeof cdk.WinnowPipeline, 'function');
for (const s of ['result', 'item']) assert.ok(require(`winnow/schemas/${s}.schema.json`).title);
console.log('require: ok');
JS
node require-check.cjs
cat > import-check.mjs <<'JS'
import assert from 'node:assert';
import { createRequire } from 'node:module';
import { clean, WinnowError, FILTER_VERSION, toMarkdown } from 'winnow';
import { createHandler, handler } from 'winnow/lambda';
import { WinnowPipeline } from 'winnow/cdk';
const require = createRequire(import.meta.url);
const r = clean('Plain text with a sentence or two that reads like an article body, and then some more of it.\n');
assert.strictEqual(typeof r.text, 'string');
assert.strictEqual(typeof toMarkdown(r), 'string');
assert.strictEqual(WinnowError, require('winnow').WinnowError, 'ESM and CJS faces share one engine');
assert.strictEqual(FILTER_VERSION, require('winnow').FILTER_VERSION);
assert.strictEqual(typeof createHandler, 'function');
assert.strictEqual(typeof handler, 'function');
assert.strictEqual(typeof WinnowPipeline, 'function');
console.log('import: ok');
JS
node import-check.mjs

step "TypeScript consumers: the README's examples, node16 (CommonJS and ES modules) and bundler"
mkdir -p src-node16 src-bundler
node - "$REPO/README.md" <<'JS'
// The ```ts blocks of the README's "Use it from code" section, each written three times.
const fs = require('node:fs');
const readme = fs.readFileSync(process.argv[2], 'utf8');
const start = readme.indexOf('\n## Use it from code');
if (start < 0) throw new Error('README has no "Use it from code" section');
const end = readme.indexOf('\n## ', start + 5);
const blocks = [...readme.slice(start, end).matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
if (blocks.length !== 3) throw new Error(`expected 3 examples (engine, construct, handler), found ${blocks.length}`);
const names = ['engine', 'construct', 'handler'];
blocks.forEach((code, i) => {
  fs.writeFileSync(`src-node16/${names[i]}.cts`, code);
  fs.writeFileSync(`src-node16/${names[i]}.mts`, code);
  fs.writeFileSync(`src-bundler/${names[i]}.ts`, code);
});
console.log(`${blocks.length} examples`);
JS
cat > tsconfig.node16.json <<'JSON'
{ "compilerOptions": { "module": "node16", "moduleResolution": "node16", "target": "es2022", "strict": true,
  "skipLibCheck": false, "types": ["node"], "outDir": "build", "rootDir": "src-node16" },
  "include": ["src-node16"] }
JSON
cat > tsconfig.bundler.json <<'JSON'
{ "compilerOptions": { "module": "esnext", "moduleResolution": "bundler", "target": "es2022", "strict": true,
  "skipLibCheck": false, "types": ["node"], "noEmit": true },
  "include": ["src-bundler"] }
JSON
# The package's own declarations are checked (skipLibCheck false); aws-cdk-lib's are not ours to fix.
npx --no-install tsc -p tsconfig.node16.json
npx --no-install tsc -p tsconfig.bundler.json
echo "tsc: ok"

step "consumer CDK app: WinnowPipeline in its own stack on an existing bucket"
CDK_OUTDIR="$CONSUMER/cdk.out" node build/construct.cjs
node - "$CONSUMER/cdk.out" <<'JS'
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const out = process.argv[2];
const tpl = JSON.parse(fs.readFileSync(path.join(out, 'Crawl.template.json'), 'utf8'));
const res = Object.values(tpl.Resources);
const fns = res.filter((r) => r.Type === 'AWS::Lambda::Function' && r.Properties.Handler === 'index.handler' && r.Properties.Runtime === 'nodejs22.x');
assert.ok(fns.length >= 1, 'no nodejs22.x function with handler index.handler');
const ours = fns.find((f) => f.Properties.Environment?.Variables?.TABLE_NAME);
assert.ok(ours, 'the winnow function (with TABLE_NAME) is missing');
assert.deepStrictEqual(ours.Properties.Architectures, ['arm64']);
assert.ok(!res.some((r) => r.Type === 'AWS::S3::Bucket' && JSON.stringify(r).includes('my-crawl-pages')), 'the existing bucket was created');
assert.ok(res.some((r) => r.Type === 'Custom::S3BucketNotifications' && JSON.stringify(r.Properties.BucketName) === '"my-crawl-pages"'), 'no notification on the existing bucket');
const assets = fs.readdirSync(out).filter((d) => d.startsWith('asset.') && fs.existsSync(path.join(out, d, 'index.js')));
const bundle = assets.map((d) => path.join(out, d, 'index.js')).find((f) => fs.readFileSync(f, 'utf8').includes('TABLE_NAME'));
assert.ok(bundle, 'the handler bundle is not among the assets');
const kb = fs.statSync(bundle).size / 1024;
assert.ok(kb < 1024, `handler bundle ${kb.toFixed(0)} KB`);
console.log(`synth: ok (${res.length} resources, handler bundle ${kb.toFixed(0)} KB)`);
JS
if command -v cfn-lint >/dev/null 2>&1; then
  cfn-lint --non-zero-exit-code error "$CONSUMER"/cdk.out/*.template.json
  echo "cfn-lint: ok"
else
  echo "cfn-lint not on this machine: template not linted"
fi

echo "pack-check: all ok ($TARBALL, $((SIZE / 1024)) KB)"
