/**
 * What the metadata stage adds to the engine's time on the Zyte set: the engine over every page
 * with `metadata: { enabled: true }` (the default) and with it off, passes taking turns, CPU
 * time of this process. Used by `npm run bench:metadata` (bench/metadata.ts) and, in its own
 * process pinned like the systems, by the Zyte section of `npm run bench` (bench/run.ts):
 *
 *   node bin/tsx-run.cjs bench/metadata-cost.ts   → one JSON line (engine: WINNOW_ENGINE_BUNDLE, else bundled here)
 *
 * CPU time, not wall time: the machine is shared, and another job's load would otherwise fall on
 * whichever pass it happened to meet. Interleaved, so a dip of the machine's speed weighs on both
 * alike. The figure is the overhead of the medians; each pass's figures are returned too.
 */
import { loadavg } from 'node:os';
import type { clean as cleanFn } from '../engine';
import { bundleEngine } from './bundle';
import { DATA_DIR, datasetAvailable, loadDataset } from './dataset';

export interface MetadataCost {
  pages: number;
  /** Median CPU ms of one pass over the set, metadata on and off. */
  on: number;
  off: number;
  /** (on − off) / off, from the medians. */
  overhead: number;
  /** Each timed pass's CPU ms, in the order run. */
  onPasses: number[];
  offPasses: number[];
  /** The machine's 1-minute load average before and after (another job's load shows here). */
  load: [number, number];
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/** Null without the Zyte set. `passes` timed passes each way after `warmUp` untimed ones. */
export function metadataCost(enginePath = process.env.WINNOW_ENGINE_BUNDLE || bundleEngine(), passes = 7, warmUp = 3): MetadataCost | null {
  if (!datasetAvailable(DATA_DIR)) return null;
  const { clean } = require(enginePath) as { clean: typeof cleanFn };
  const pages = loadDataset(DATA_DIR);
  // One round: every page with the stage and without, taking turns page by page (on-off, then
  // off-on for the next page), each call's CPU time added to its side.
  const round = (): [number, number] => {
    const sums = [0, 0];
    for (let i = 0; i < pages.length; i++) {
      const p = pages[i]!;
      for (const enabled of i & 1 ? [false, true] : [true, false]) {
        const start = process.cpuUsage();
        clean(p.htmlGz, { url: p.url, metadata: { enabled } });
        const used = process.cpuUsage(start);
        sums[enabled ? 0 : 1] += (used.user + used.system) / 1000;
      }
    }
    return [sums[0]!, sums[1]!];
  };
  const loadBefore = loadavg()[0]!;
  for (let i = 0; i < warmUp; i++) round();
  const onPasses: number[] = [];
  const offPasses: number[] = [];
  for (let i = 0; i < passes; i++) {
    const [on, off] = round();
    onPasses.push(on);
    offPasses.push(off);
  }
  const on = median(onPasses);
  const off = median(offPasses);
  return { pages: pages.length, on, off, overhead: (on - off) / off, onPasses, offPasses, load: [loadBefore, loadavg()[0]!] };
}

/** One line for a person: the medians, the overhead, the load. */
export function describeCost(c: MetadataCost): string {
  return (
    `metadata stage on the Zyte set (${c.pages} pages, CPU time, median of ${c.onPasses.length} rounds, each page with the stage and without in turns): ` +
    `with ${c.on.toFixed(0)} ms, without ${c.off.toFixed(0)} ms, overhead ${(100 * c.overhead).toFixed(1)}% ` +
    `(must be ≤ 10%; load average ${c.load[0].toFixed(2)} → ${c.load[1].toFixed(2)})`
  );
}

if (process.argv[1] === __filename) {
  process.stdout.write(`${JSON.stringify(metadataCost())}\n`);
}
