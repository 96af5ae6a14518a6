#!/usr/bin/env node
/**
 * npm run bench:cli — the `winnow` command as a whole process (bin/winnow.cjs → dist/, built by
 * `npm run build`), timed from outside with child_process (wall time of spawn to exit), several
 * runs, median:
 *
 *   - `winnow --version`                                         (target ≤ 60 ms), and when
 *     NODE_EXTRA_CA_CERTS is set (node reads that file at every start), again without it
 *   - `winnow clean --out-dir` on the 181 article-extraction pages, --jobs 1   (≤ 0.9 s), without
 *     NODE_EXTRA_CA_CERTS (as a user's node starts)
 *   - the same with --jobs 2                                     (≤ 0.6 s on a 2-core machine)
 *
 * then the byte-identity of `--jobs 1` and `--jobs N` on every shared benchmark page (all sets
 * under ../shared/data/article-extraction and ../shared/data/wide/*): the output files (text and
 * JSON formats), the stderr lines and the exit status.
 *
 * Options: --runs N (default 7; --version gets 3×N), --jobs N (the parallel run, default 2),
 * --skip-identity, --only-identity, --json. The load average is printed with the figures: on a
 * shared machine they are noisy, and the medians are what to quote.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } = require('node:fs');
const { loadavg, tmpdir, availableParallelism } = require('node:os');
const { join, resolve } = require('node:path');

const ROOT = resolve(__dirname, '..');
const BIN = join(ROOT, 'bin', 'winnow.cjs');
const DATA = resolve(ROOT, '..', 'shared', 'data');
const ZYTE = join(DATA, 'article-extraction', 'html');

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
const RUNS = Number(arg('--runs', 7));
const JOBS = Number(arg('--jobs', 2));
const has = (flag) => process.argv.includes(flag);

function pages(dir) {
  return readdirSync(dir).filter((f) => /\.html(\.gz)?$/.test(f)).sort().map((f) => join(dir, f));
}

/** This environment without NODE_EXTRA_CA_CERTS (node reads that file at every start, before any of winnow). */
const WITHOUT_EXTRA_CA = (() => {
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
})();

function winnow(args, env = process.env) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.error) throw r.error;
  return { ms, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (xs) => `median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}, ${xs.length} runs)`;
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

function timing() {
  if (!existsSync(join(ROOT, 'dist', 'cli.cjs'))) throw new Error('dist/ is not built: run npm run build (or npm install)');
  const out = {};
  out.loadBefore = load();
  // --version: warm the disk cache once, then time.
  winnow(['--version']);
  const version = [];
  const floor = [];
  for (let i = 0; i < RUNS * 3; i++) {
    version.push(winnow(['--version']).ms);
    // The floor: a node process that does nothing (NODE_EXTRA_CA_CERTS, when set, is read at startup).
    const t = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0']);
    floor.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  out.version = { medianMs: median(version), runs: version };
  out.nodeFloor = { medianMs: median(floor), runs: floor, extraCaCerts: Boolean(process.env.NODE_EXTRA_CA_CERTS) };
  if (process.env.NODE_EXTRA_CA_CERTS) {
    // The same two without the certificate file: what the command costs where node starts bare.
    const bare = [];
    const bareFloor = [];
    for (let i = 0; i < RUNS * 3; i++) {
      bare.push(winnow(['--version'], WITHOUT_EXTRA_CA).ms);
      const t = process.hrtime.bigint();
      spawnSync(process.execPath, ['-e', '0'], { env: WITHOUT_EXTRA_CA });
      bareFloor.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    out.versionWithoutExtraCa = { medianMs: median(bare), runs: bare };
    out.nodeFloorWithoutExtraCa = { medianMs: median(bareFloor), runs: bareFloor };
  }
  if (!existsSync(ZYTE)) {
    console.error(`bench:cli: ${ZYTE} is absent: the clean timings are skipped`);
    return out;
  }
  const files = pages(ZYTE);
  const work = mkdtempSync(join(tmpdir(), 'winnow-bench-cli-'));
  try {
    // As a user runs it: without this sandbox's NODE_EXTRA_CA_CERTS (~40 ms of node's start).
    for (const jobs of [1, JOBS]) {
      const times = [];
      winnow(['clean', '--jobs', String(jobs), '--out-dir', join(work, 'warm'), ...files], WITHOUT_EXTRA_CA); // disk cache
      for (let i = 0; i < RUNS; i++) {
        const dir = join(work, `j${jobs}-${i}`);
        const r = winnow(['clean', '--jobs', String(jobs), '--out-dir', dir, ...files], WITHOUT_EXTRA_CA);
        if (r.status !== 0) throw new Error(`winnow clean --jobs ${jobs} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
        times.push(r.ms);
        rmSync(dir, { recursive: true, force: true });
      }
      out[`jobs${jobs}`] = { pages: files.length, medianMs: median(times), runs: times };
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  out.loadAfter = load();
  return out;
}

/** Every file of a and b, byte for byte; the names that differ. */
function compareDirs(a, b) {
  const names = new Set([...readdirSync(a), ...readdirSync(b)]);
  const differ = [];
  for (const n of names) {
    const pa = join(a, n);
    const pb = join(b, n);
    if (!existsSync(pa) || !existsSync(pb) || !readFileSync(pa).equals(readFileSync(pb))) differ.push(n);
  }
  return { files: names.size, differ };
}

function identity() {
  const sets = [];
  if (existsSync(ZYTE)) sets.push(['article-extraction', ZYTE]);
  const wide = join(DATA, 'wide');
  if (existsSync(wide)) {
    for (const d of readdirSync(wide).sort()) {
      const html = join(wide, d, 'html');
      if (existsSync(html) && statSync(html).isDirectory()) sets.push([`wide/${d}`, html]);
    }
  }
  if (!sets.length) {
    console.error(`bench:cli: no benchmark pages under ${DATA}: identity not checked`);
    return { ok: true, sets: [] };
  }
  const results = [];
  const work = mkdtempSync(join(tmpdir(), 'winnow-bench-identity-'));
  try {
    for (const [name, dir] of sets) {
      const files = pages(dir);
      for (const format of ['text', 'json']) {
        const runs = [1, JOBS].map((jobs) => {
          const outDir = join(work, `${name.replace(/\W/g, '_')}-${format}-${jobs}`);
          const r = winnow(['clean', '--format', format, '--jobs', String(jobs), '--out-dir', outDir, ...files]);
          return { outDir, ...r };
        });
        const cmp = compareDirs(runs[0].outDir, runs[1].outDir);
        const same = cmp.differ.length === 0 && runs[0].stderr === runs[1].stderr && runs[0].status === runs[1].status;
        results.push({ set: name, format, pages: files.length, outputs: cmp.files, differ: cmp.differ.slice(0, 10), stderrSame: runs[0].stderr === runs[1].stderr, status: [runs[0].status, runs[1].status], same });
        for (const r of runs) rmSync(r.outDir, { recursive: true, force: true });
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return { ok: results.every((r) => r.same), sets: results };
}

function main() {
  const report = { node: process.version, cpus: availableParallelism(), jobs: JOBS };
  if (!has('--only-identity')) report.timing = timing();
  if (!has('--skip-identity')) report.identity = identity();
  if (has('--json')) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    const t = report.timing;
    if (t) {
      console.log(`node ${report.node}, ${report.cpus} cores; load average before ${t.loadBefore}, after ${t.loadAfter ?? '-'}`);
      console.log(`winnow --version                     ${fmt(t.version.runs)}   target ≤ 60 ms`);
      console.log(`node -e 0 (the floor)                ${fmt(t.nodeFloor.runs)}${t.nodeFloor.extraCaCerts ? '   (NODE_EXTRA_CA_CERTS is set: read at every start)' : ''}`);
      if (t.versionWithoutExtraCa) {
        console.log(`winnow --version, no NODE_EXTRA_CA_CERTS ${fmt(t.versionWithoutExtraCa.runs)}`);
        console.log(`node -e 0, no NODE_EXTRA_CA_CERTS    ${fmt(t.nodeFloorWithoutExtraCa.runs)}`);
      }
      if (t.jobs1) console.log(`clean --out-dir, ${t.jobs1.pages} pages, --jobs 1   ${fmt(t.jobs1.runs)}   target ≤ 900 ms${t.nodeFloor.extraCaCerts ? '   (no NODE_EXTRA_CA_CERTS)' : ''}`);
      if (t[`jobs${JOBS}`]) console.log(`clean --out-dir, ${t.jobs1.pages} pages, --jobs ${JOBS}   ${fmt(t[`jobs${JOBS}`].runs)}   target ≤ 600 ms (2 cores)${t.nodeFloor.extraCaCerts ? '   (no NODE_EXTRA_CA_CERTS)' : ''}`);
    }
    if (report.identity) {
      for (const r of report.identity.sets) {
        console.log(`identity --jobs 1 vs --jobs ${JOBS}: ${r.set} (${r.pages} pages, ${r.format}): ${r.same ? 'identical' : `DIFFERENT ${JSON.stringify(r)}`} (exit ${r.status.join('/')})`);
      }
    }
  }
  if (report.identity && !report.identity.ok) process.exitCode = 1;
}

main();
