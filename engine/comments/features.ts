/**
 * Features of a comment for the spam classifier: hashed word uni- and bigrams, hashed character
 * n-grams inside words, and cues that spam carries: links, "check out my channel", calls to
 * subscribe or like, money and prize words, phone numbers, e-mail addresses, shouting, repeated
 * text, length; and, for the spam under articles, helpline and tech-support patterns, selling,
 * "visit our website" plugs, templated praise followed by a plug, keyword lists, an author name
 * or author URL that is a business or a keyword phrase, and how much of the comment's vocabulary
 * the article it sits under shares (when the article is given). The cues of a commercial plug
 * also add up into one count (`#plug:N`), which YouTube spam and article spam share: what the
 * trainer learns of it from one carries over to the other. Word lists and thresholds are in
 * engine/config/spam.ts. Everything lands in one hashed space of `2^bits` buckets (the hashing
 * trick), each feature with a sign taken from its hash so that collisions cancel on average.
 *
 * The trainer (bench/train-spam.ts) and the runtime (spam.ts) both call `featurize`, so the
 * two can never disagree about what a feature is.
 */
import { decodeHTML } from 'entities';
import {
  ARTICLE_BODY_WORDS,
  AUTHOR_LINK_LABEL,
  BUSINESS_WORDS,
  COMMERCE,
  HELPLINE,
  HELPLINE_REPORT,
  HELPLINE_REPORT_CHARS,
  KEYWORD_LINE_MAX_WORDS,
  KEYWORD_LIST_LINES,
  MAX_ARTICLE_CHARS,
  MAX_NAME_WORDS,
  MAX_PLUGS,
  MIN_CONTENT_WORD_CHARS,
  MIN_OVERLAP_WORDS,
  OVERLAP,
  PLUG,
  PRAISE,
  TECH_SUPPORT,
} from '../config/spam';
import { ALL_STOPWORDS } from '../config/stopwords';

/** A comment as the classifier reads it: its text and, where known, who wrote it and under what. */
export interface SpamInput {
  text: string;
  author?: string | null;
  authorUrl?: string | null;
  /** The article the comment sits under (its body or at least its headline). */
  article?: string | null;
}

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

/** FNV-1a of `s` continued from the state `h` (fnv1a(a + b) = more(fnv1a(a), b)). */
function more(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** The FNV-1a states after the n-gram prefixes, where every n-gram's hash starts. */
const WORD_SEED = more(0x811c9dc5, 'w:');
const BIGRAM_SEED = more(0x811c9dc5, 'b:');
const CHAR_GRAM_SEED = more(0x811c9dc5, 'c:');
/** The hash state of a bigram whose first word is the start of the comment (`b:^`). */
const START = '^';

/** The bucket of a named feature in a space of 2^bits, and its sign (as `featurize` adds it). */
export function featureBucket(feature: string, bits: number): { index: number; sign: 1 | -1 } {
  const h = fnv1a(feature);
  return { index: h & ((1 << bits) - 1), sign: h & 0x80000000 ? -1 : 1 };
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
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      // ASCII by its code; anything else as a whole code point by its case mappings.
      if (c >= 65 && c <= 90) {
        letters += 1;
        upper += 1;
      } else if (c >= 97 && c <= 122) letters += 1;
      i += 1;
      continue;
    }
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    i += ch.length;
    const up = ch.toUpperCase();
    if (ch.toLowerCase() === up) continue;
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
const NGRAM_WEIGHT = 1;

/** Characters of a comment that are read (longer comments are cut; every pattern stays linear). */
const MAX_CHARS = 2000;
const MAX_RAW_CHARS = 8 * MAX_CHARS;

export interface FeatureOptions {
  bits: number;
}

/** Cues of the trades that fill comment sections under articles (engine/config/spam.ts). */
const TRADE: ReadonlyArray<[string, RegExp]> = [
  ['helpline', HELPLINE],
  ['techsupport', TECH_SUPPORT],
  ['commerce', COMMERCE],
  ['plugphrase', PLUG],
];

/** The named cues of a text (for explanations and tests). */
export function cues(text: string): string[] {
  const out: string[] = [];
  for (const [name, re] of [...CUES, ...TRADE]) if (re.test(text)) out.push(name);
  if (PRAISE.test(text)) out.push('praise');
  if (keywordList(text)) out.push('kwlist');
  return out;
}

/** What the features need of an article: its content words, counted once per article. */
export interface ArticleContext {
  vocabulary: ReadonlySet<string>;
  /** 'title' (a headline and little more) or 'body'. */
  kind: 'title' | 'body';
}

const LETTERS = /[\p{L}\p{N}]+/gu;

function contentWords(lower: string): string[] {
  const out: string[] = [];
  for (const m of lower.matchAll(LETTERS)) {
    const w = m[0];
    if (w.length >= MIN_CONTENT_WORD_CHARS && !ALL_STOPWORDS.has(w) && !/^\d+$/.test(w)) out.push(w);
  }
  return out;
}

/** The article's vocabulary, once for all the comments under it. Null when there is no article. */
export function articleContext(article: string | null | undefined): ArticleContext | null {
  if (!article || !article.trim()) return null;
  const words = contentWords(article.slice(0, MAX_ARTICLE_CHARS).toLowerCase());
  if (!words.length) return null;
  return { vocabulary: new Set(words), kind: words.length >= ARTICLE_BODY_WORDS ? 'body' : 'title' };
}

/** Words of a name, host or phrase, lower case. */
function nameWords(s: string): string[] {
  return s.toLowerCase().match(LETTERS) ?? [];
}

/** An author name that is a business or a keyword phrase, not a person ("Best Packers and Movers Pune"). */
export function businessName(author: string): boolean {
  // Link labels of the page that the splitter took for a name ("[reply] [top]") name nobody.
  const words = nameWords(author.replace(AUTHOR_LINK_LABEL, ' '));
  if (!words.length) return false;
  if (/https?:\/\/|www\.|\.(?:com|net|org|info|biz|in|co|us|uk|xyz)\b/i.test(author)) return true;
  const business = words.filter((w) => BUSINESS_WORDS.has(w)).length;
  return business >= 1 && (words.length >= 2 || business === words.length);
}

/** An author URL that advertises: keywords of trade in its host or path, or a chain of hyphenated keywords. */
export function businessUrl(url: string): boolean {
  const m = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^/?#\s]{1,253})([^?#\s]{0,400})/i.exec(url.trim());
  if (!m) return false;
  const host = m[1]!.toLowerCase().replace(/^www\./, '');
  const path = m[2] ?? '';
  const words = [...nameWords(host.replace(/\.[a-z]{2,6}$/, '')), ...nameWords(path)];
  if (words.some((w) => BUSINESS_WORDS.has(w))) return true;
  return (host.match(/-/g)?.length ?? 0) >= 2 || (path.match(/-/g)?.length ?? 0) >= 3;
}

/** Short lines sharing a word, one under the other: a list of keywords for search engines. */
function keywordList(text: string): boolean {
  const lines = text.split(/\n|\s\|\s|\u00a0\|/).map((l) => l.trim()).filter(Boolean);
  if (lines.length < KEYWORD_LIST_LINES) return false;
  const counts = new Map<string, number>();
  let short = 0;
  for (const line of lines) {
    const words = nameWords(line);
    if (words.length < 2 || words.length > KEYWORD_LINE_MAX_WORDS || /[.!?,;:]\s*$/.test(line)) continue;
    short += 1;
    for (const w of new Set(words)) if (w.length >= MIN_CONTENT_WORD_CHARS && !ALL_STOPWORDS.has(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  if (short < KEYWORD_LIST_LINES) return false;
  for (const n of counts.values()) if (n >= KEYWORD_LIST_LINES) return true;
  return false;
}

/** Whether none of the content words of `phrase` is in the article: a trade the article is not about. */
function offTopic(phrase: string, ctx: ArticleContext): boolean {
  return contentWords(phrase.toLowerCase()).every((w) => !ctx.vocabulary.has(w));
}

const ANCHOR = /<a\s[^<>]{0,400}>([^<]{1,200})<\/a>/gi;

/**
 * The hashed feature vector of one comment. Word and character n-grams are scaled so that their
 * squared values sum to NGRAM_WEIGHT² (long and short comments weigh alike); the cues have weight
 * one. `context` is the article's, from `articleContext` (computed here from `input.article` when
 * not given).
 */
export function featurize(input: string | SpamInput, opts: FeatureOptions, context?: ArticleContext | null): FeatureVector {
  const comment: SpamInput = typeof input === 'string' ? { text: input } : input;
  const raw = comment.text.length > MAX_RAW_CHARS ? comment.text.slice(0, MAX_RAW_CHARS) : comment.text;
  // A comment's first few thousand characters tell what it is; the rest would only cost time.
  const text = normalizeComment(raw).slice(0, MAX_CHARS);
  const lower = text.toLowerCase();
  const mask = (1 << opts.bits) - 1;
  // The n-grams' hashes (FNV-1a of `w:word`, `b:prev word`, `c:chars`). A character n-gram's
  // hash continues the hash of its prefix "c:" one character at a time, so the 3-, 4- and
  // 5-grams that start at one place cost five steps and no strings.
  const grams: number[] = [];
  const words = lower.match(WORD) ?? [];
  let prev = START;
  for (const w of words) {
    grams.push(more(WORD_SEED, w) >>> 0);
    grams.push(more(more(BIGRAM_SEED, prev), ` ${w}`) >>> 0);
    prev = w;
    if (w.length < 2) continue;
    const padded = ` ${w.length > 40 ? w.slice(0, 40) : w} `;
    for (let i = 0; i + 3 <= padded.length; i++) {
      let h = CHAR_GRAM_SEED;
      for (let j = i; j < i + 5 && j < padded.length; j++) {
        h ^= padded.charCodeAt(j);
        h = Math.imul(h, 0x01000193);
        if (j - i >= 2) grams.push(h >>> 0);
      }
    }
  }
  if (words.length) grams.push(more(BIGRAM_SEED, `${prev} $`) >>> 0);

  const index: number[] = [];
  const value: number[] = [];
  const pushHash = (h: number, v: number): void => {
    index.push(h & mask);
    value.push(h & 0x80000000 ? -v : v);
  };
  const push = (feature: string, v: number): void => pushHash(fnv1a(feature), v);
  const scale = grams.length ? NGRAM_WEIGHT / Math.sqrt(grams.length) : 0;
  for (const h of grams) pushHash(h, scale);

  // Cues of a commercial plug: each a feature, and together a count.
  let plugs = 0;
  const cue = (name: string): void => {
    push(`#${name}`, 1);
    plugs += 1;
  };
  for (const [name, re] of CUES) if (re.test(text)) cue(name);
  const ctx = context !== undefined ? context : articleContext(comment.article);
  for (const [name, re] of TRADE) {
    const m = re.exec(text);
    if (!m) continue;
    // A reader telling what happened when they called ("I called their customer service
    // number…") names a helpline without offering one: a feature of its own, not a plug.
    if (name === 'helpline' && HELPLINE_REPORT.test(text.slice(Math.max(0, m.index - HELPLINE_REPORT_CHARS), m.index))) {
      push('#helpline:report', 1);
      continue;
    }
    cue(name);
    // Selling something the article is not about is the point of the spam under articles.
    if (ctx) push(offTopic(m[0], ctx) ? `#${name}:offtopic` : `#${name}:ontopic`, 1);
  }
  const praise = PRAISE.test(text);
  if (praise) push('#praise', 1);
  if (keywordList(text)) cue('kwlist');
  if (raw.includes('<')) {
    for (const m of raw.matchAll(ANCHOR)) {
      if (!/https?:|www\./i.test(m[1]!)) {
        cue('anchor');
        break;
      }
    }
  }
  // Presence of an author (or of an article) says which source a comment came from, not
  // whether it is spam: only what they tell is a feature.
  const author = comment.author?.trim();
  if (author) {
    if (businessName(author)) cue('author:business');
    else if (nameWords(author).length > MAX_NAME_WORDS) push('#author:phrase', 1);
  }
  const authorUrl = comment.authorUrl?.trim();
  if (authorUrl && businessUrl(authorUrl)) cue('authorurl:business');
  // The count as a thermometer (at least 1, at least 2, …): what is learned of two cues holds for more.
  for (let k = 1; k <= Math.min(plugs, MAX_PLUGS); k++) push(`#plug>=${k}`, 1);
  if (praise && plugs) push('#praise+plug', 1);

  // How much of the comment the article shares: little or much, by the article's kind.
  if (ctx) {
    const mine = contentWords(lower);
    if (mine.length >= MIN_OVERLAP_WORDS) {
      let shared = 0;
      for (const w of mine) if (ctx.vocabulary.has(w)) shared += 1;
      const share = shared / mine.length;
      const bounds = OVERLAP[ctx.kind];
      if (share <= bounds.low) push('#overlap:low', 1);
      else if (share >= bounds.high) push('#overlap:high', 1);
    }
  }

  const caps = shouting(text);
  if (caps > 0.6) push('#shout', 1);
  if (/([!?])\1{2,}/.test(text)) push('#bang', 1);
  if (/(\p{L})\1{3,}/u.test(lower)) push('#stretch', 1);
  if (/\b(\w{3,})\b(?:\W+\w+){0,3}\W+\1\b(?:\W+\w+){0,3}\W+\1\b/.test(lower)) push('#repeat', 1);
  const n = words.length;
  push(n <= 3 ? '#len:tiny' : n <= 8 ? '#len:short' : n <= 20 ? '#len:mid' : n <= 50 ? '#len:long' : '#len:huge', 1);
  return { index, value };
}
