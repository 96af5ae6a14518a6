/** Tell HTML from plain text by content. (Placeholder; the full version follows.) */
import type { Format } from '../types';

export function sniffFormat(text: string): Format {
  const head = text.slice(0, 4096).toLowerCase();
  return /<(!doctype html|html|head|body|div|p|article)[\s>]/.test(head) ? 'html' : 'text';
}
