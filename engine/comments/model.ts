/**
 * A spam model and its scorer: logistic regression over the hashed features of features.ts.
 * The weights are stored as signed bytes (base64) with one scale factor: 2^bits of them in a few
 * tens of kilobytes, decoded once when the scorer is built. Scoring a comment costs microseconds.
 * Beside the model, the rule layer (rules.ts) calls spam what is spam whatever the source; a
 * comment's score is the larger of the two.
 */
import { articleContext, featurize, type ArticleContext, type SpamInput } from './features';
import { ruleScore, spamRules, type SpamRule } from './rules';

export interface SpamModel {
  /** Format of this file. */
  format: 'winnow-spam-lr/1';
  /** Hash space: 2^bits weights. */
  bits: number;
  /** Weight = byte * scale. */
  scale: number;
  bias: number;
  /** A comment is spam when its score is at least this. */
  threshold: number;
  /** Signed bytes, base64. */
  weights: string;
  /** How the model was trained (data, seed, epochs…), for people. */
  trained?: Record<string, unknown>;
}

export interface SpamScorer {
  /**
   * Probability-like score in [0, 1]: how spam-like the comment is. Give the article (and the
   * author, author URL) where known: the comments of one page share the article string, whose
   * vocabulary is then read once.
   */
  score(input: string | SpamInput): number;
  /** The score with its parts: the model's score and the rules that fired (`reasons`). */
  explain(input: string | SpamInput): SpamExplanation;
  threshold: number;
}

export interface SpamExplanation {
  /** max(model, rules). */
  score: number;
  /** The learned model's score alone. */
  model: number;
  /** The rules that call the comment spam (rules.ts), empty for most comments. */
  reasons: SpamRule[];
}

export function createScorer(model: SpamModel): SpamScorer {
  const bytes = Buffer.from(model.weights, 'base64');
  if (bytes.length !== 1 << model.bits) {
    throw new Error(`spam model: ${bytes.length} weights for ${1 << model.bits} buckets`);
  }
  const weights = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  const opts = { bits: model.bits };
  let lastArticle: string | null = null;
  let lastContext: ArticleContext | null = null;
  const contextOf = (article: string | null | undefined): ArticleContext | null => {
    if (!article) return null;
    if (article !== lastArticle) {
      lastArticle = article;
      lastContext = articleContext(article);
    }
    return lastContext;
  };
  const explain = (input: string | SpamInput): SpamExplanation => {
    const ctx = typeof input === 'string' ? null : contextOf(input.article);
    const f = featurize(input, opts, ctx);
    let z = 0;
    for (let i = 0; i < f.index.length; i++) z += weights[f.index[i]!]! * f.value[i]!;
    z = z * model.scale + model.bias;
    const learned = 1 / (1 + Math.exp(-z));
    const reasons = spamRules(input, ctx);
    return { score: Math.max(learned, ruleScore(reasons)), model: learned, reasons };
  };
  return {
    threshold: model.threshold,
    explain,
    score: (input: string | SpamInput): number => explain(input).score,
  };
}

