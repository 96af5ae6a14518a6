/**
 * A spam model and its scorer: logistic regression over the hashed features of features.ts.
 * The weights are stored as signed bytes (base64) with one scale factor: 2^bits of them in a few
 * tens of kilobytes, decoded once when the scorer is built. Scoring a comment costs microseconds.
 */
import { articleContext, featurize, type ArticleContext, type SpamInput } from './features';

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
  threshold: number;
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
  return {
    threshold: model.threshold,
    score(input: string | SpamInput): number {
      const f = typeof input === 'string' ? featurize(input, opts, null) : featurize(input, opts, contextOf(input.article));
      let z = 0;
      for (let i = 0; i < f.index.length; i++) z += weights[f.index[i]!]! * f.value[i]!;
      z = z * model.scale + model.bias;
      return 1 / (1 + Math.exp(-z));
    },
  };
}

