/**
 * `npm run bench:metadata`: publication dates on ../shared/data/metadata/dates (779 pages with
 * their hand-checked day, from htmldate's evaluation set): winnow beside Readability.js 0.6
 * (`publishedTime`) and Defuddle 0.19 (`published`) on linkedom, in the same run; then the
 * time the metadata stage adds to the engine on the Zyte set (metadata on vs off).
 *
 *   node bin/tsx-run.cjs bench/metadata.ts [--only winnow] [--misses N] [--skip-timing] [--json]
 *
 * A page counts as right when the day matches. Accuracy: right / all pages; precision: right /
 * pages where a date was given; coverage: pages where a date was given / all pages. Each
 * system gets the page's URL as it accepts one (winnow: the `url` option; Defuddle: `url`;
 * Readability takes none).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { clean as cleanFn } from '../engine';
import { bundleEngine } from './bundle';
import { SHARED_DATA } from './dataset';
import { describeCost, metadataCost } from './metadata-cost';
import { htmlString, linkedomDocument } from './systems';

process.stdout.on('error', () => process.exit(0));
const args = process.argv.slice(2);
const opt = (flag: string): string | undefined => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const DATES_DIR = join(SHARED_DATA, 'metadata/dates');

interface DatePage {
  id: string;
  url: string;
  truth: string;
  html: Buffer;
}

function loadDates(): DatePage[] {
  const truth = JSON.parse(readFileSync(join(DATES_DIR, 'ground-truth.json'), 'utf8')) as Record<string, { url: string; date: string }>;
  return readdirSync(join(DATES_DIR, 'html'))
    .filter((f) => f.endsWith('.html.gz'))
    .map((f) => f.slice(0, -'.html.gz'.length))
    .sort()
    .map((id) => ({ id, url: truth[id]?.url ?? '', truth: truth[id]?.date ?? '', html: readFileSync(join(DATES_DIR, 'html', `${id}.html.gz`)) }));
}

type DateSystem = (page: DatePage) => { date: string | null; source?: string };

function systems(): Record<string, DateSystem> {
  const { clean } = require(bundleEngine()) as { clean: typeof cleanFn };
  const out: Record<string, DateSystem> = {
    winnow: (page) => {
      const m = clean(page.html, { url: page.url }).metadata;
      return { date: m?.published ?? null, source: m?.sources.published };
    },
  };
  if (opt('--only') === 'winnow') return out;
  const { Readability } = require('@mozilla/readability') as typeof import('@mozilla/readability');
  out['Readability.js 0.6 + linkedom'] = (page) => ({ date: new Readability(linkedomDocument(htmlString(page.html))).parse()?.publishedTime ?? null });
  // Defuddle logs each page's broken JSON-LD on the console; the report is written with process.stdout.
  console.log = console.error = console.warn = () => {};
  const D = require('defuddle');
  const Defuddle = (D.Defuddle || D.default || D) as typeof import('defuddle').default;
  out['Defuddle 0.19 + linkedom'] = (page) => ({ date: new Defuddle(linkedomDocument(htmlString(page.html)), { url: page.url || 'https://example.com/' }).parse().published || null });
  return out;
}

/** The day a system's date string names (`YYYY-MM-DD`), read the way a consumer would: ISO first, else Date. */
function dayOf(value: string | null): string | null {
  if (!value) return null;
  const iso = /(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
}

function main(): void {
  if (!existsSync(join(DATES_DIR, 'ground-truth.json'))) {
    console.log(`no dates set at ${DATES_DIR}: nothing to measure`);
    return;
  }
  const report: Record<string, unknown> = {};
  // Timed first, in a fresh process: the peers' DOMs (hundreds of MB) would weigh on the GC after.
  if (!args.includes('--skip-timing')) {
    const t = metadataCost(bundleEngine());
    if (t) {
      report.timing = t;
      process.stdout.write(`${describeCost(t)}\n`);
    }
  }
  const pages = args.includes('--timing-only') ? [] : loadDates();
  const missesN = Number(opt('--misses') ?? 0);
  for (const [name, system] of pages.length ? Object.entries(systems()) : []) {
    let given = 0;
    let right = 0;
    const misses: string[] = [];
    for (const page of pages) {
      let out: { date: string | null; source?: string } = { date: null };
      try {
        out = system(page);
      } catch {
        // A system that throws on a page gives no date for it.
      }
      const day = dayOf(out.date);
      if (day) given++;
      if (day === page.truth) right++;
      else misses.push(`${page.id} truth ${page.truth} got ${day ?? '-'} ${out.source ?? ''} ${page.url}`);
    }
    const n = pages.length;
    const r = { pages: n, accuracy: right / n, precision: given ? right / given : 0, coverage: given / n };
    report[name] = r;
    process.stdout.write(`${name.padEnd(32)} right day ${(100 * r.accuracy).toFixed(1)}% (${right}/${n})  precision ${r.precision.toFixed(3)}  coverage ${(100 * r.coverage).toFixed(1)}%\n`);
    if (name === 'winnow') for (const m of misses.slice(0, missesN)) process.stdout.write(`  ${m}\n`);
  }
  if (args.includes('--json')) process.stdout.write(`${JSON.stringify(report)}\n`);
}

main();
