/**
 * Language identification from stop-word evidence (Latin and Cyrillic languages with a
 * stop-word list) and from the writing system (CJK, Arabic, Greek, Hebrew, Thai, Devanagari).
 *
 *   detectLanguage('Der Hund und die Katze sind nicht hier.') // 'de'
 *
 * Linear in the input; only the first `languageSampleChars` characters are looked at.
 */
import { STOPWORDS, STOPWORD_LANGUAGES } from '../config/stopwords';
import { TEXT_DEFAULTS, type TextThresholds } from '../config/text';

/** Words: letter runs, with inner apostrophes kept (`don't`, `l'homme`, `dell'anno`). */
const WORD_RE = /\p{L}[\p{L}\p{M}]*(?:'[\p{L}\p{M}]+)*/gu;

/** The lower-cased words of `text`, curly apostrophes folded to `'`. */
export function words(text: string): string[] {
  let lower = text.toLowerCase();
  if (lower.includes('’')) lower = lower.replace(/’/g, "'");
  return lower.match(WORD_RE) ?? [];
}

/**
 * Whether a lower-cased word is a stop word of `list`. Elided forms count by their first
 * part (`l'homme` → `l`, `qu'il` → `qu`), as do contractions not in the list.
 */
export function inStopList(word: string, list: ReadonlySet<string>): boolean {
  if (list.has(word)) return true;
  const apos = word.indexOf("'");
  return apos > 0 && list.has(word.slice(0, apos));
}

const LETTER_RUN = /\p{L}+/gu;
const ANY_LETTER = /\p{L}/u;

/** Letters (code points) of `text`, a run of letters at a time: one regex step per word, not per letter. */
function countLetters(text: string): number {
  let n = 0;
  LETTER_RUN.lastIndex = 0;
  for (let m = LETTER_RUN.exec(text); m; m = LETTER_RUN.exec(text)) {
    const run = m[0];
    n += run.length;
    for (let i = 0; i < run.length; i++) {
      const c = run.charCodeAt(i);
      if (c >= 0xdc00 && c <= 0xdfff) n -= 1; // the second half of a surrogate pair
    }
  }
  return n;
}

/**
 * Where every character of the scripts below lies (Greek onwards, skipping the punctuation,
 * currency and other symbols of U+2000–U+20FF): text with none of these has none of them,
 * and typographic quotes and dashes alone do not cost eight scans.
 */
const SCRIPT_RANGE = /[\u0370-\u1fff\u2100-\uffff]/;

/** Per-script character counts that decide languages without a stop-word list. */
const SCRIPTS: { lang: string; re: RegExp }[] = [
  { lang: 'ja', re: /[\p{Script=Hiragana}\p{Script=Katakana}]/gu },
  { lang: 'ko', re: /\p{Script=Hangul}/gu },
  { lang: 'zh', re: /\p{Script=Han}/gu },
  { lang: 'ar', re: /\p{Script=Arabic}/gu },
  { lang: 'el', re: /\p{Script=Greek}/gu },
  { lang: 'he', re: /\p{Script=Hebrew}/gu },
  { lang: 'th', re: /\p{Script=Thai}/gu },
  { lang: 'hi', re: /\p{Script=Devanagari}/gu },
];

/** Matches of a global pattern, counted with test() so no match array is built per letter. */
function countMatches(text: string, re: RegExp): number {
  let n = 0;
  re.lastIndex = 0;
  while (re.test(text)) n += 1;
  return n;
}

/**
 * For every stop word of any list, the languages whose list has it, one bit each (in
 * STOPWORD_LANGUAGES order): one lookup per word instead of one per word and language.
 */
const STOPWORD_LANGUAGE_BITS: ReadonlyMap<string, number> = (() => {
  const bits = new Map<string, number>();
  STOPWORD_LANGUAGES.forEach((lang, i) => {
    for (const w of STOPWORDS[lang]!) bits.set(w, (bits.get(w) ?? 0) | (1 << i));
  });
  return bits;
})();

/**
 * Stop-word hit counts per language over `tokens` (lower-cased words), as `inStopList` counts
 * them (elided forms by their first part). Exposed for callers that already have the words.
 */
export function stopwordHits(tokens: readonly string[]): Record<string, number> {
  const counts = new Array<number>(STOPWORD_LANGUAGES.length).fill(0);
  for (const w of tokens) {
    let bits = STOPWORD_LANGUAGE_BITS.get(w) ?? 0;
    const apos = w.indexOf("'");
    if (apos > 0) bits |= STOPWORD_LANGUAGE_BITS.get(w.slice(0, apos)) ?? 0;
    for (let i = 0; bits !== 0; i++, bits >>>= 1) if (bits & 1) counts[i]! += 1;
  }
  const hits: Record<string, number> = {};
  STOPWORD_LANGUAGES.forEach((lang, i) => {
    hits[lang] = counts[i]!;
  });
  return hits;
}

/**
 * ISO 639-1 code of the main language of `text`, or null when the evidence is too thin or
 * ambiguous. Script languages win when their characters outnumber Latin/Cyrillic words'
 * letters by the configured share; otherwise the stop-word list with the most hits wins if
 * it has enough hits and leads the runner-up clearly.
 */
export function detectLanguage(text: string, t: TextThresholds = TEXT_DEFAULTS): string | null {
  const sample = text.length > t.languageSampleChars ? text.slice(0, t.languageSampleChars) : text;
  // Letters are counted only to weigh the scripts against them; text with none of those
  // scripts needs only to hold a letter (the count was a tenth of the time on old pages that
  // declare no language).
  if (!SCRIPT_RANGE.test(sample)) return ANY_LETTER.test(sample) ? languageByStopwords(sample, t) : null;
  const letters = countLetters(sample);
  if (letters === 0) return null;

  let kana = 0;
  for (const { lang, re } of SCRIPTS) {
    const n = countMatches(sample, re);
    if (lang === 'ja') {
      kana = n;
      continue;
    }
    if (lang === 'zh' && kana > 0 && (n + kana) / letters >= t.languageScriptShare) {
      return kana / (n + kana) >= t.languageKanaShare ? 'ja' : 'zh';
    }
    if (n / letters >= t.languageScriptShare) return lang;
  }
  if (kana / letters >= t.languageScriptShare) return 'ja';
  return languageByStopwords(sample, t);
}

/** The language whose stop words `sample` holds most, if it has enough of them and leads clearly. */
function languageByStopwords(sample: string, t: TextThresholds): string | null {
  const tokens = words(sample);
  const hits = stopwordHits(tokens);
  let best: string | null = null;
  let bestN = 0;
  let secondN = 0;
  for (const lang of STOPWORD_LANGUAGES) {
    const n = hits[lang]!;
    if (n > bestN) {
      secondN = bestN;
      bestN = n;
      best = lang;
    } else if (n > secondN) {
      secondN = n;
    }
  }
  if (!best || bestN < t.languageMinHits) return null;
  if (bestN / tokens.length < t.languageMinStopwordShare) return null;
  if (secondN > 0 && bestN / secondN < t.languageMinLead) return null;
  return best;
}
