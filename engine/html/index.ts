/** HTML path. (Placeholder.) */
import type { CleanOptions } from '../config/options';
import type { Extraction } from '../types';

export function extractHtml(_html: string, _opts: CleanOptions): Extraction {
  return { title: null, language: null, blocks: [], strategy: 'none' };
}
