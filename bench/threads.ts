/**
 * Readers' comments annotated apart from the article (L3S-GN1's `comments`): how much of their
 * text leaks into `text` (default `drop`), how much of it `keep-all` returns as comments
 * (author, date and text: recall), and how much of what it returns is annotated comment text
 * (precision); 4-gram shingles, pooled over the pages. Used by bench:comments and the CI gate.
 */
import { clean } from '../engine';
import type { BenchPage } from './dataset';
import { commentLeak } from './metric';

export interface ThreadFigures {
  pages: number;
  /** Pages where keep-all returned any comment. */
  threads: number;
  leaked: number;
  recall: number;
  precision: number;
}

export function measureThreads(pages: readonly BenchPage[], mode: 'html' | 'text'): ThreadFigures {
  let measured = 0;
  let threads = 0;
  let annotated = 0;
  let leaked = 0;
  let recovered = 0;
  let returned = 0;
  let returnedInTruth = 0;
  for (const page of pages) {
    // A page with no plain text has nothing to find (the engine refuses empty input).
    if (!page.comments || (mode === 'text' && page.pageText === '')) continue;
    const input = mode === 'html' ? page.htmlGz : page.pageText;
    const dropped = clean(input, { mode });
    const kept = clean(input, { mode, comments: 'keep-all' });
    measured += 1;
    const leak = commentLeak(page.comments, dropped.text);
    annotated += leak.shingles;
    leaked += leak.leaked;
    // A comment's author and date lines are part of the annotated comment text too.
    const found = (kept.comments ?? []).map((c) => [c.author, c.date, c.text].filter(Boolean).join('\n')).join('\n\n');
    if (found) threads += 1;
    recovered += commentLeak(page.comments, found).leaked;
    const back = commentLeak(found, page.comments);
    returned += back.shingles;
    returnedInTruth += back.leaked;
  }
  return {
    pages: measured,
    threads,
    leaked: annotated ? leaked / annotated : 0,
    recall: annotated ? recovered / annotated : 0,
    precision: returned ? returnedInTruth / returned : 0,
  };
}
