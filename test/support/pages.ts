/**
 * Real pages for tests that push many uploads through the pipeline: the example pages (plain
 * and gzipped), the text fixtures with an article and the CLI fixtures — all of which the engine cleans
 * (`done`), in HTML, text, gzip, UTF-8 and Latin-1.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { PageSource } from '../../local/faults';

const ROOT = join(__dirname, '..', '..');

export function testPages(): PageSource[] {
  const pages: PageSource[] = [];
  const examples = join(ROOT, 'examples');
  for (const f of readdirSync(examples).filter((f) => /\.(html?|txt)$/i.test(f)).sort()) {
    const body = readFileSync(join(examples, f));
    const contentType = /\.txt$/i.test(f) ? 'text/plain' : 'text/html';
    pages.push({ name: f, body, contentType });
    pages.push({ name: `${f}.gz`, body: gzipSync(body), contentType: 'application/gzip' });
  }
  const text = join(ROOT, 'test', 'fixtures', 'text');
  // menu-only.txt has no article text: the pipeline fails it (NO_CONTENT).
  for (const f of readdirSync(text).filter((f) => f.endsWith('.txt') && f !== 'menu-only.txt').sort()) {
    pages.push({ name: f, body: readFileSync(join(text, f)), contentType: 'text/plain; charset=utf-8' });
  }
  const cli = join(ROOT, 'test', 'fixtures', 'cli');
  pages.push({ name: 'a1.html.gz', body: readFileSync(join(cli, 'a1.html.gz')), contentType: 'application/gzip' });
  pages.push({ name: 'latin1.txt', body: readFileSync(join(cli, 'latin1.txt')), contentType: 'text/plain' });
  pages.push({ name: 'story.txt', body: readFileSync(join(cli, 'story.txt')), contentType: 'text/plain' });
  return pages;
}
