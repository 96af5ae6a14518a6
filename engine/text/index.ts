/** Plain-text path. (Placeholder: keeps every paragraph; the classifier follows.) */
import type { CleanOptions } from '../config/options';
import type { Block, Extraction } from '../types';

export function extractText(text: string, _opts: CleanOptions): Extraction {
  const blocks: Block[] = text
    .split(/\n\s*\n/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t, index) => ({ index, text: t, kind: 'body', role: 'paragraph', kept: true, reason: 'placeholder' }));
  return { title: null, language: null, blocks, strategy: 'text-lines' };
}
