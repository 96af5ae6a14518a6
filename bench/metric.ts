/**
 * The article-extraction benchmark's own metric (Zyte's article-extraction-benchmark):
 * 4-gram shingles of word tokens, per-page tp/fp/fn as multiset counts normalised to
 * sum to 1, precision and recall averaged over pages, F1 of the two means.
 */

const TOKEN = /[\p{L}\p{N}_]+/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

export function shingles(text: string, n = 4): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  if (tokens.length === 0) return counts;
  if (tokens.length < n) {
    counts.set(tokens.join(' '), 1);
    return counts;
  }
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export interface PageScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number | null;
  recall: number | null;
  f1: number;
}

export function scorePage(truth: string, prediction: string): PageScore {
  const t = shingles(truth);
  const p = shingles(prediction);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, pc] of p) {
    const tc = t.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fp += Math.max(0, pc - tc);
  }
  for (const [key, tc] of t) fn += Math.max(0, tc - (p.get(key) ?? 0));
  const total = tp + fp + fn;
  if (total > 0) {
    tp /= total;
    fp /= total;
    fn /= total;
  }
  const perfect = fp === 0 && fn === 0;
  const precision = perfect ? 1 : tp + fp > 0 ? tp / (tp + fp) : null;
  const recall = perfect ? 1 : tp + fn > 0 ? tp / (tp + fn) : null;
  const f1 = precision && recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}

export interface Aggregate {
  precision: number;
  recall: number;
  f1: number;
  pages: number;
}

export function aggregate(scores: PageScore[]): Aggregate {
  const ps = scores.map((s) => s.precision).filter((v): v is number => v !== null);
  const rs = scores.map((s) => s.recall).filter((v): v is number => v !== null);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const precision = mean(ps);
  const recall = mean(rs);
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, pages: scores.length };
}

/**
 * Readers' comments annotated apart from the article (L3S-GN1's `comments`): how many of their
 * 4-gram shingles an output carries (multiset counts, so a comment kept once counts once).
 * Pooled over pages by the caller: leaked / shingles is the share of comment text leaked.
 */
export function commentLeak(comments: string, output: string): { shingles: number; leaked: number } {
  const inOutput = shingles(output);
  let total = 0;
  let leaked = 0;
  for (const [key, n] of shingles(comments)) {
    total += n;
    leaked += Math.min(n, inOutput.get(key) ?? 0);
  }
  return { shingles: total, leaked };
}
