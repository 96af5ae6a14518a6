/**
 * The comment-spam classifier of the engine: the committed spam-model.json (written by
 * `npm run train:spam` from the labelled comments, see bench/train-spam.ts), loaded on first use.
 *
 *   classifySpam('Check out my channel and subscribe!!')   // { spam: true, score: 0.9… }
 */
import { createScorer, type SpamModel, type SpamScorer } from './model';

export type { SpamModel, SpamScorer } from './model';

let shared: SpamScorer | null = null;

/** The scorer of the committed model, built on first use. */
export function defaultScorer(): SpamScorer {
  // Required here, not imported at the top: the weights are only parsed when comments are
  // kept, so the default (comments dropped) never pays for them at cold start.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (shared ??= createScorer(require('./spam-model.json') as SpamModel));
}

/** How spam-like a comment is, in [0, 1], by the committed model. */
export function spamScore(text: string): number {
  return defaultScorer().score(text);
}

/** Whether the committed model calls the comment spam, with its score. */
export function classifySpam(text: string): { spam: boolean; score: number } {
  const scorer = defaultScorer();
  const score = scorer.score(text);
  return { spam: score >= scorer.threshold, score };
}
