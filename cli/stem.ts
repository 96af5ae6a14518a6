import { basename, extname } from 'node:path';

/**
 * The output name of an input file: its base name without a trailing `.gz`, then without its
 * last extension. `a1.html.gz` → `a1`, `story.txt` → `story`, `README` → `README`,
 * `.profile` → `.profile`.
 */
export function outputStem(file: string): string {
  const base = basename(file);
  const unzipped = /\.gz$/i.test(base) && base.length > 3 ? base.slice(0, -3) : base;
  const ext = extname(unzipped);
  const stem = ext ? unzipped.slice(0, -ext.length) : unzipped;
  return stem || unzipped || base;
}
