/**
 * The JSON Schemas shipped in schemas/ (npm run schemas, generated from the TypeScript types):
 * the committed files are what the types give today, and real outputs validate against them —
 * the JSON result of every benchmark page (../shared/data, skipped with a message when absent)
 * and the table items the pipeline writes on a real moto.
 */
import Ajv, { type ValidateFunction } from 'ajv';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { clean, type CleanResult } from '../engine';
import { pkOf } from '../lambdas/item';
import { startLocalStack, type LocalStack } from '../local/stack';
import { generate, SCHEMAS } from '../scripts/schemas';
import { useMoto } from './support/moto';
import { readObject, scanAll, waitForItem } from './support/pipeline';

const ROOT = join(__dirname, '..');
const DATA = join(ROOT, '..', 'shared', 'data');
const ZYTE = join(DATA, 'article-extraction', 'html');

function validator(file: string): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  return ajv.compile(JSON.parse(readFileSync(join(ROOT, file), 'utf8')));
}

function errorsOf(validate: ValidateFunction, value: unknown): string {
  return validate(value) ? '' : JSON.stringify(validate.errors?.slice(0, 5));
}

describe('schemas/', () => {
  test.each(SCHEMAS.map((s) => [s.file, s] as const))('%s is what `npm run schemas` generates from the types today', (_file, entry) => {
    expect(readFileSync(join(ROOT, entry.file), 'utf8')).toBe(generate(entry));
  }, 60_000);

  test('the result schema refuses what is not a result (a missing field, a wrong kind, an extra field)', () => {
    const validate = validator('schemas/result.schema.json');
    const good = JSON.parse(JSON.stringify(clean('<html><body><article><p>' + 'A sentence of an article that runs on. '.repeat(20) + '</p></article></body></html>')));
    expect(errorsOf(validate, good)).toBe('');
    const { text: _text, ...noText } = good;
    expect(validate(noText)).toBe(false);
    expect(validate({ ...good, blocks: [{ ...good.blocks[0], kind: 'sidebar' }] })).toBe(false);
    expect(validate({ ...good, surprise: 1 })).toBe(false);
  });

  test('the item schema refuses an item without its key or with an unknown status', () => {
    const validate = validator('schemas/item.schema.json');
    const claim = { pk: 's3://b/k', bucket: 'b', key: 'k', status: 'processing', claimToken: 't', claimEtag: '"e"', claimUntil: 1 };
    expect(errorsOf(validate, claim)).toBe('');
    const { pk: _pk, ...noPk } = claim;
    expect(validate(noPk)).toBe(false);
    expect(validate({ ...claim, status: 'lost' })).toBe(false);
  });
});

const pagesPresent = existsSync(ZYTE);
if (!pagesPresent) {
  // eslint-disable-next-line no-console
  console.warn(`schemas.test.ts: ${ZYTE} is absent: the benchmark pages are not validated against the result schema`);
}
(pagesPresent ? describe : describe.skip)('JSON results of the benchmark pages validate against schemas/result.schema.json', () => {
  const validate = validator('schemas/result.schema.json');
  const files = pagesPresent ? readdirSync(ZYTE).filter((f) => f.endsWith('.html.gz')).sort() : [];

  test(`the ${files.length} article-extraction pages, default options (as json/<key>.json is written)`, () => {
    const bad: string[] = [];
    for (const f of files) {
      const result: CleanResult = JSON.parse(JSON.stringify(clean(readFileSync(join(ZYTE, f)))));
      const errors = errorsOf(validate, result);
      if (errors) bad.push(`${f}: ${errors}`);
    }
    expect(files.length).toBeGreaterThan(100);
    expect(bad).toEqual([]);
  });

  test('with comments kept (keep-all) and a page URL: comments, commentStats and metadata validate too', () => {
    const bad: string[] = [];
    let withComments = 0;
    for (const f of files.slice(0, 60)) {
      const result = JSON.parse(JSON.stringify(clean(readFileSync(join(ZYTE, f)), { comments: 'keep-all', url: 'https://www.example.com/2020/01/02/a-story' })));
      if (result.comments?.length) withComments += 1;
      const errors = errorsOf(validate, result);
      if (errors) bad.push(`${f}: ${errors}`);
    }
    expect(bad).toEqual([]);
    expect(withComments).toBeGreaterThan(0);
  });
});

describe('pipeline on moto: the items and json/<key>.json it writes validate against the schemas', () => {
  const moto = useMoto();
  let stack: LocalStack;

  beforeAll(async () => {
    stack = await startLocalStack({ endpoint: moto.endpoint, logLevel: 'SILENT', comments: 'keep-ham' });
  }, 60_000);

  afterAll(async () => {
    await stack?.stop();
  });

  test('done, failed and deleted items, and the JSON results', async () => {
    const names = stack.resources.names;
    const { s3, dynamodb } = stack.clients;
    const examples = readdirSync(join(ROOT, 'examples')).filter((f) => !f.endsWith('.md'));
    const uploads: { key: string; body: Buffer; meta?: Record<string, string> }[] = [
      ...examples.map((f) => ({ key: `pages/${f}`, body: readFileSync(join(ROOT, 'examples', f)), meta: { url: `https://www.example.com/2021/03/04/${f}` } })),
      { key: 'pages/broken.pdf', body: Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n', 'latin1') },
      { key: 'pages/empty.html', body: Buffer.alloc(0) },
    ];
    for (const u of uploads) {
      await s3.send(new PutObjectCommand({ Bucket: names.inputBucket, Key: u.key, Body: u.body, Metadata: u.meta }));
    }
    for (const u of uploads) await waitForItem(dynamodb, names.table, pkOf(names.inputBucket, u.key));
    const { DeleteObjectCommand } = await import('@aws-sdk/client-s3');
    await s3.send(new DeleteObjectCommand({ Bucket: names.inputBucket, Key: `pages/${examples[0]}` }));
    await waitForItem(dynamodb, names.table, pkOf(names.inputBucket, `pages/${examples[0]}`), (item) => item.status === 'deleted');

    const items = await scanAll(dynamodb, names.table);
    const validateItem = validator('schemas/item.schema.json');
    expect(items.map((i) => i.status).sort()).toEqual(['deleted', 'done', 'done', 'failed', 'failed']);
    for (const item of items) expect(`${item.key}: ${errorsOf(validateItem, item)}`).toBe(`${item.key}: `);

    const validateResult = validator('schemas/result.schema.json');
    for (const item of items.filter((i) => i.status === 'done')) {
      const json = JSON.parse((await readObject(s3, names.outputBucket, item.jsonKey!)).toString('utf8'));
      expect(`${item.key}: ${errorsOf(validateResult, json)}`).toBe(`${item.key}: `);
    }
  });
});
