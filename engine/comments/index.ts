/**
 * Comments of a page: the threads the HTML and text paths found, split into comments (split.ts),
 * scored by the spam classifier (spam.ts), and kept according to `options.comments`:
 *
 *   drop      (default) nothing of this runs; the result is exactly what it always was
 *   keep-ham  `result.comments` holds the genuine comments
 *   keep-all  `result.comments` holds every comment, each with `spam` and `score`
 *
 * `result.commentStats` counts the comments found and those called spam, whatever is kept.
 * With `commentsInText`, the kept comments follow the article in `text` under a separator line;
 * `body` (the article alone) never changes.
 */
import type { CleanOptions } from '../config/options';
import type { CleanResult, Comment } from '../types';
import { defaultScorer } from './spam';
import type { FoundComment } from './split';

export { classifySpam, spamScore, defaultScorer } from './spam';
export { splitHtmlComments, splitLinesIntoComments, type FoundComment } from './split';

/** Scores rounded for output: four decimals say all there is to say. */
function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/**
 * Each comment scored with its author (and author URL, where the splitter found one) and the
 * article it sits under.
 */
export function scoreComments(found: ReadonlyArray<FoundComment & { authorUrl?: string | null }>, article: string | null = null): Comment[] {
  const scorer = defaultScorer();
  return found.map((c) => {
    const { score, reasons } = scorer.explain({ text: c.text, author: c.author, authorUrl: c.authorUrl ?? null, article });
    return { author: c.author, date: c.date, text: c.text, score: round(score), spam: score >= scorer.threshold, reasons, block: c.block };
  });
}

/** The line between the article and its comments in `text`. */
export function commentsSeparator(count: number): string {
  return `----- ${count} comment${count === 1 ? '' : 's'} -----`;
}

/** Comments as text: "Author · date" over each comment, a blank line between them. */
export function renderComments(comments: readonly Comment[], markSpam: boolean): string {
  return comments
    .map((c) => {
      const head = [c.author, c.date].filter(Boolean).join(' · ');
      const flag = markSpam && c.spam ? `[spam ${c.score.toFixed(2)}] ` : '';
      return head || flag ? `${flag}${head}\n${c.text}` : c.text;
    })
    .join('\n\n');
}

/** The result with its comments attached as the options ask (a new object; `result` is not changed). */
export function withComments(result: CleanResult, found: readonly FoundComment[], opts: CleanOptions): CleanResult {
  if (opts.comments === 'drop') return result;
  const all = scoreComments(found, result.body || result.title);
  const kept = opts.comments === 'keep-all' ? all : all.filter((c) => !c.spam);
  let text = result.text;
  if (opts.commentsInText && kept.length > 0) {
    const block = `${commentsSeparator(kept.length)}\n\n${renderComments(kept, opts.comments === 'keep-all')}`;
    text = text ? `${text}\n\n${block}` : block;
  }
  return { ...result, text, comments: kept, commentStats: { found: all.length, spam: all.filter((c) => c.spam).length } };
}
