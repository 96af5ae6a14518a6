/**
 * The labelled comments of the shared pages (bench/data/comment-spam/, README there): one label
 * a line, `{set, page, hash, chars, spam}`, each comment found by the hash of its text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatasetName } from './dataset';

export const LABELS = join(__dirname, 'data', 'comment-spam', 'shared-page-comments.jsonl');

export interface Label {
  set: DatasetName;
  page: string;
  hash: string;
  chars: number;
  spam: boolean;
}

/** 32-bit FNV-1a over UTF-16 code units, as hex: the key of a labelled page comment. */
export function textHash(text: string): string {
  const s = text.replace(/[\s\u00a0\ufeff]+/g, ' ').trim();
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export function loadLabels(): Label[] {
  return readFileSync(LABELS, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Label);
}
