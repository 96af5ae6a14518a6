/**
 * Text signals shared by the HTML and plain-text paths.
 *
 * A "word" longer than this (letters and digits with no space or punctuation between them) is
 * not prose: base64, hashes, minified code, a 10 MB line of one letter. Scripts written without
 * spaces (Chinese, Japanese, Korean, Thai…) are exempt.
 */
export const MAX_WORD_CHARS = 80;

/** Prose in a spaced script has a space every few words; below this share it is not prose. */
export const MIN_SPACE_SHARE = 0.03;
/** Blocks shorter than this are too short to judge by their spacing. */
export const SPACING_MIN_CHARS = 200;

const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/gu;
const SPACE = /\s/g;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/gu;
/** Prose is mostly letters; a long block of dots, dashes or symbols is not. */
export const MIN_LETTER_SHARE = 0.3;

function count(text: string, re: RegExp): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

/**
 * Text that cannot be prose: a run of letters too long to be a word, a long block that is
 * mostly not letters, or a long block of a spaced script with almost no spaces (mojibake of
 * binary bytes, minified code, encoded data).
 */
export function isNotProse(text: string, maxWordChars = MAX_WORD_CHARS): boolean {
  if (hasWordlessRun(text, maxWordChars)) return true;
  if (text.length < SPACING_MIN_CHARS) return false;
  if (count(text, LETTER_OR_DIGIT) < text.length * MIN_LETTER_SHARE) return true;
  const spaces = count(text, SPACE);
  if (spaces >= text.length * MIN_SPACE_SHARE) return false;
  return count(text, UNSPACED_SCRIPT) < text.length * 0.3;
}

const wordlessRuns = new Map<number, RegExp>();

/** Does `text` hold a run of more than `maxWordChars` word characters of a spaced script? */
export function hasWordlessRun(text: string, maxWordChars = MAX_WORD_CHARS): boolean {
  if (text.length <= maxWordChars) return false;
  let re = wordlessRuns.get(maxWordChars);
  if (!re) {
    // One character class repeated: linear, no backtracking, whatever the input.
    re = new RegExp(
      `[^\\s\\p{P}\\p{S}\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\p{Script=Thai}\\p{Script=Lao}\\p{Script=Khmer}\\p{Script=Myanmar}]{${maxWordChars + 1}}`,
      'u',
    );
    wordlessRuns.set(maxWordChars, re);
  }
  return re.test(text);
}
