/**
 * npm run schemas — JSON Schemas generated from the TypeScript types (ts-json-schema-generator),
 * for the jobs that read winnow's outputs:
 *
 *   schemas/result.schema.json   the JSON result, `json/<key>.json` (engine `CleanResult`)
 *   schemas/item.schema.json     a DynamoDB table item, unmarshalled (lambdas `TableItem`)
 *   schemas/batch-line.schema.json  a line of the `batch` output (lambdas `BatchLine`)
 *   schemas/event.schema.json    the `detail` of a page event on the bus (lambdas `PageEventDetail`)
 *
 * `--check` writes nothing and exits 1 when a committed schema differs from the types
 * (test/schemas.test.ts runs the same comparison).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createGenerator } from 'ts-json-schema-generator';

export const ROOT = resolve(__dirname, '..');

export const SCHEMAS = [
  {
    file: 'schemas/result.schema.json',
    source: 'engine/types.ts',
    type: 'CleanResult',
    title: 'winnow JSON result (json/<key>.json)',
    description: 'What `clean()` returns and the pipeline writes to `json/<key>.json` in the output bucket; generated from engine/types.ts (CleanResult).',
  },
  {
    file: 'schemas/item.schema.json',
    source: 'lambdas/item.ts',
    type: 'TableItem',
    title: 'winnow DynamoDB table item',
    description: 'One item of the winnow table, unmarshalled (e.g. @aws-sdk/util-dynamodb unmarshall): a result (done, failed, deleted), possibly with a live claim, or a first claim (processing); generated from lambdas/item.ts (TableItem).',
  },
  {
    file: 'schemas/batch-line.schema.json',
    source: 'lambdas/batch-line.ts',
    type: 'BatchLine',
    title: 'winnow batch output line (batches/dt=YYYY-MM-DD/hour=HH/<batch id>.jsonl.gz)',
    description: 'One line of a gzipped JSON-lines batch object (the `batch` output): a page result as the table item has it (no claim, no batchKey), its idempotency key (pk#etag#filterVersion) and the clean text; generated from lambdas/batch-line.ts (BatchLine).',
  },
  {
    file: 'schemas/event.schema.json',
    source: 'lambdas/page-event.ts',
    type: 'PageEventDetail',
    title: 'winnow page event detail',
    description: 'The `detail` of the EventBridge event put for each page (source winnow; detail-type Page Cleaned, Page Failed or Page Deleted); generated from lambdas/page-event.ts (PageEventDetail).',
  },
] as const;

/** The schema text of one entry, as committed (stable key order, two-space indent, newline). */
export function generate(entry: (typeof SCHEMAS)[number]): string {
  const schema = createGenerator({
    path: join(ROOT, entry.source),
    tsconfig: join(ROOT, 'tsconfig.json'),
    type: entry.type,
    expose: 'export',
    topRef: false,
    jsDoc: 'extended',
    additionalProperties: false,
    skipTypeCheck: true,
    sortProps: true,
  }).createSchema(entry.type);
  const out = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
    title: entry.title,
    description: entry.description,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

function main(): void {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const entry of SCHEMAS) {
    const text = generate(entry);
    const path = join(ROOT, entry.file);
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      /* not written yet */
    }
    if (current === text) {
      console.log(`${entry.file}: up to date`);
      continue;
    }
    if (check) {
      stale += 1;
      console.error(`${entry.file}: stale (run npm run schemas)`);
    } else {
      writeFileSync(path, text);
      console.log(`${entry.file}: written`);
    }
  }
  if (stale) process.exitCode = 1;
}

if (resolve(process.argv[1] ?? '') === __filename) main();
