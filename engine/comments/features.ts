/**
 * Features of a comment for the spam classifier: hashed word uni- and bigrams, hashed character
 * n-grams inside words, and a handful of cues that spam carries (links, "check out my channel",
 * calls to subscribe or like, money and prize words, phone numbers, e-mail addresses, shouting,
 * repeated text, length). Everything lands in one hashed space of `2^bits` buckets (the hashing
 * trick), each feature with a sign taken from its hash so that collisions cancel on average.
 *
 * The trainer (bench/train-spam.ts) and the runtime (spam.ts) both call `featurize`, so the
 * two can never disagree about what a feature is.
 */
import { decodeHTML } from 'entities';

export interface FeatureVector {
  /** Bucket indexes (may repeat: values add up). */
  index: number[];
  value: number[];
}

/** 32-bit FNV-1a over UTF-16 code units. */
function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const TAG = /<[^<>]{0,400}>/g;
const HREF = /href\s*=\s*["']?([^"'\s>]{1,400})/gi;
const INVISIBLE = /[\ufeff\u200b-\u200d\u2060]/g;

/**
 * Comment text as a person reads it: HTML tags (some scraped comments keep `<br />` or links)
 * dropped, character references decoded, zero-width characters removed. Link targets are kept
 * as words, since a link is the point of most spam.
 */
export function normalizeComment(raw: string): string {
  let text = raw;
  if (text.includes('<')) {
    const hrefs: string[] = [];
    for (const m of text.matchAll(HREF)) hrefs.push(m[1]!);
    text = text.replace(TAG, ' ');
    if (hrefs.length) text += ` ${hrefs.join(' ')}`;
  }
  if (text.includes('&')) text = decodeHTML(text);
  return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?|[!?$€£#@]/gu;

/** Cues named by regular expressions, each a feature of its own (`#name`). */
const CUES: ReadonlyArray<[string, RegExp]> = [
  ['url', /https?:\/\/|www\.|\b[a-z0-9-]{2,63}\s?(?:\.|\[dot\]|\(dot\)| dot )\s?(?:com|net|org|info|biz|ly|me|tv|co|us|uk|de|ru|in)\b|watch\?v=|youtu\.?be|bit\.ly|goo\.gl/i],
  ['email', /[\w.+-]{1,64}@[\w-]{1,63}\.[\w.]{2,63}/],
  ['phone', /(?:\+?\d[\s().-]?){9,}/],
  ['money', /[$€£]\s?\d|\b(?:money|cash|earn(?:ing)?|income|paypal|bitcoin|dollars?|profit|rich|per (?:day|hour|week)|work(?:ing)? (?:from|at) home)\b/i],
  ['prize', /\b(?:free|prizes?|win(?:ner)?|gift ?cards?|giveaway|offers?|discount|cheap|deals?|promo|coupon|claim|bonus|lottery)\b/i],
  ['channel', /\b(?:my|our)\s+(?:new\s+|youtube\s+|music\s+|own\s+)?(?:channel|videos?|vids?|page|website|site|blog|music|songs?|covers?|band|profile|account|instagram|twitter|facebook|mixtape|album|stuff)\b/i],
  ['checkout', /\bcheck(?:ing)?\s*(?:it\s+|this\s+|me\s+)?out\b|\bcheck\s+(?:my|our|this)\b|\bgo (?:to|visit|watch)\b|\bvisit\b|\bclick\b/i],
  ['subscribe', /\bsub(?:scribe|scribing|bed|s)?\b|\bsub ?4 ?sub\b|\bfollow (?:me|us)\b/i],
  ['likecall', /\b(?:like|share|thumbs? up|upvote)\s+(?:this|my|our)\s+(?:comment|video|vid|page|post|pic|picture|photo|channel|song)\b|\b(?:like|thumbs? up)\s+if\b|\bplease\s+(?:like|share|subscribe|support|check|visit|watch|listen|give)\b/i],
  ['selfpromo', /\b(?:i'?m|i am)\s+(?:a|an)\s+(?:\d+\s*(?:yr|year)s?\s*old\s+)?(?:\w+\s+)?(?:rapper|singer|artist|producer|youtuber|musician|dancer|band)\b|\bup and coming\b|\bmake it big\b/i],
];

function shouting(text: string): number {
  let upper = 0;
  let letters = 0;
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const up = ch.toUpperCase();
    if (lower === up) continue;
    letters += 1;
    if (ch === up) upper += 1;
  }
  return letters >= 12 ? upper / letters : 0;
}

/**
 * Word and character n-grams together weigh half as much as one cue: with the trainer's L2
 * penalty this makes the model lean on the cues, which carry over from the YouTube comments it
 * learns from to comments under articles, more than on the videos' vocabulary.
 */
const NGRAM_WEIGHT = 0.5;

/** Characters of a comment that are read (longer comments are cut; every pattern stays linear). */
const MAX_CHARS = 2000;
const MAX_RAW_CHARS = 8 * MAX_CHARS;

export interface FeatureOptions {
  bits: number;
}

/** The named cues of a text (for explanations and tests). */
export function cues(text: string): string[] {
  const out: string[] = [];
  for (const [name, re] of CUES) if (re.test(text)) out.push(name);
  return out;
}

/**
 * The hashed feature vector of one comment. Word and character n-grams are scaled so that their
 * squared values sum to NGRAM_WEIGHT² (long and short comments weigh alike); the cues have weight one.
 */
export function featurize(raw: string, opts: FeatureOptions): FeatureVector {
  // A comment's first few thousand characters tell what it is; the rest would only cost time.
  const text = normalizeComment(raw.length > MAX_RAW_CHARS ? raw.slice(0, MAX_RAW_CHARS) : raw).slice(0, MAX_CHARS);
  const lower = text.toLowerCase();
  const mask = (1 << opts.bits) - 1;
  const grams: string[] = [];
  const words = lower.match(WORD) ?? [];
  let prev = '^';
  for (const w of words) {
    grams.push(`w:${w}`);
    grams.push(`b:${prev} ${w}`);
    prev = w;
    if (w.length < 2) continue;
    const padded = ` ${w.length > 40 ? w.slice(0, 40) : w} `;
    for (let n = 3; n <= 5; n++) {
      for (let i = 0; i + n <= padded.length; i++) grams.push(`c:${padded.slice(i, i + n)}`);
    }
  }
  if (words.length) grams.push(`b:${prev} $`);

  const index: number[] = [];
  const value: number[] = [];
  const push = (feature: string, v: number): void => {
    const h = fnv1a(feature);
    index.push(h & mask);
    value.push(h & 0x80000000 ? -v : v);
  };
  const scale = grams.length ? NGRAM_WEIGHT / Math.sqrt(grams.length) : 0;
  for (const g of grams) push(g, scale);

  for (const [name, re] of CUES) if (re.test(text)) push(`#${name}`, 1);
  const caps = shouting(text);
  if (caps > 0.6) push('#shout', 1);
  if (/([!?])\1{2,}/.test(text)) push('#bang', 1);
  if (/(\p{L})\1{3,}/u.test(lower)) push('#stretch', 1);
  if (/\b(\w{3,})\b(?:\W+\w+){0,3}\W+\1\b(?:\W+\w+){0,3}\W+\1\b/.test(lower)) push('#repeat', 1);
  const n = words.length;
  push(n <= 3 ? '#len:tiny' : n <= 8 ? '#len:short' : n <= 20 ? '#len:mid' : n <= 50 ? '#len:long' : '#len:huge', 1);
  return { index, value };
}
