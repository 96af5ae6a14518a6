/** Loads the development benchmark from ../shared/data/article-extraction (never copied into git). */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const DATA_DIR = resolve(__dirname, '../../shared/data/article-extraction');

export interface BenchPage {
  id: string;
  url: string;
  truth: string;
  /** Gzipped HTML as fetched. */
  htmlGz: Buffer;
  /** The whole visible text of the page (the plain-text benchmark's input). */
  pageText: string;
}

export function datasetAvailable(dir = DATA_DIR): boolean {
  return existsSync(join(dir, 'ground-truth.json')) && existsSync(join(dir, 'html'));
}

export function loadDataset(dir = DATA_DIR): BenchPage[] {
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody: string; url: string }
  >;
  const pageText = JSON.parse(readFileSync(join(dir, 'page-text.json'), 'utf8')) as Record<string, { text: string }>;
  const ids = readdirSync(join(dir, 'html'))
    .filter((f) => f.endsWith('.html.gz'))
    .map((f) => f.slice(0, -'.html.gz'.length))
    .sort();
  return ids.map((id) => ({
    id,
    url: truth[id]?.url ?? '',
    truth: truth[id]?.articleBody ?? '',
    htmlGz: readFileSync(join(dir, 'html', `${id}.html.gz`)),
    pageText: pageText[id]?.text ?? '',
  }));
}
