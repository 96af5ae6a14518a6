/**
 * The comment-spam classifier of the engine: the committed spam-model.json (written by
 * `npm run train:spam` from the labelled comments, see bench/train-spam.ts), loaded on first use.
 *
 *   classifySpam('Check out my channel and subscribe!!')   // { spam: true, score: 0.9… }
 *   classifySpam({ text, author: 'Best Packers and Movers Pune', article: result.body })
 */
import type { SpamInput } from './features';
import { createScorer, type SpamModel, type SpamScorer } from './model';
import type { SpamRule } from './rules';

export type { SpamModel, SpamScorer, SpamExplanation } from './model';
export type { SpamRule } from './rules';
export type { SpamInput } from './features';

let shared: SpamScorer | null = null;

/** The scorer of the committed model, built on first use. */
export function defaultScorer(): SpamScorer {
  // Required here, not imported at the top: the weights are only parsed when comments are
  // kept, so the default (comments dropped) never pays for them at cold start.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (shared ??= createScorer(require('./spam-model.json') as SpamModel));
}

/**
 * How spam-like a comment is, in [0, 1], by the committed model: its text alone, or with its
 * author, author URL and the article it sits under.
 */
export function spamScore(input: string | SpamInput): number {
  return defaultScorer().score(input);
}

/**
 * Whether the committed model (with the rule layer) calls the comment spam, with its score and
 * the rules that fired (`reasons`, empty when only the model spoke).
 */
export function classifySpam(input: string | SpamInput): { spam: boolean; score: number; reasons: SpamRule[] } {
  const scorer = defaultScorer();
  const { score, reasons } = scorer.explain(input);
  return { spam: score >= scorer.threshold, score, reasons };
}
