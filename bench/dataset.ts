/**
 * Loads the annotated page sets from ../shared/data (never copied into git): the development
 * benchmark (Zyte's article-extraction, 181 pages) and the wide sets (CleanEval,
 * CleanPortalEval, L3S-GN1), all in one layout: html/<id>.html.gz, ground-truth.json,
 * page-text.json.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SHARED_DATA = resolve(__dirname, '../../shared/data');

export interface DatasetInfo {
  name: DatasetName;
  dir: string;
  /**
   * Whether the set's truth holds the headline. Zyte's truth is the article body alone, so
   * systems are scored on the body there; the wide sets annotate the headline as part of the
   * text, so systems are scored on title + body.
   */
  truthHasTitle: boolean;
}

export const DATASET_NAMES = ['article-extraction', 'cleaneval', 'cleanportaleval', 'l3s-gn1'] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];

export const DATASETS: Record<DatasetName, DatasetInfo> = {
  'article-extraction': { name: 'article-extraction', dir: join(SHARED_DATA, 'article-extraction'), truthHasTitle: false },
  cleaneval: { name: 'cleaneval', dir: join(SHARED_DATA, 'wide/cleaneval'), truthHasTitle: true },
  cleanportaleval: { name: 'cleanportaleval', dir: join(SHARED_DATA, 'wide/cleanportaleval'), truthHasTitle: true },
  'l3s-gn1': { name: 'l3s-gn1', dir: join(SHARED_DATA, 'wide/l3s-gn1'), truthHasTitle: true },
};

/** The development benchmark's folder (kept for the suites that use only it). */
export const DATA_DIR = DATASETS['article-extraction'].dir;

export function datasetByName(name: string): DatasetInfo {
  const alias = name === 'zyte' ? 'article-extraction' : name;
  const info = DATASETS[alias as DatasetName];
  if (!info) throw new Error(`unknown dataset "${name}" (one of: ${DATASET_NAMES.join(', ')}, or zyte)`);
  return info;
}

export interface BenchPage {
  id: string;
  url: string;
  truth: string;
  /** Readers' comments annotated apart from the article (L3S-GN1), '' elsewhere. */
  comments: string;
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
    { articleBody: string; url?: string; comments?: string }
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
    comments: truth[id]?.comments ?? '',
    htmlGz: readFileSync(join(dir, 'html', `${id}.html.gz`)),
    pageText: pageText[id]?.text ?? '',
  }));
}
