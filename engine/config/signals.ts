/**
 * Text signals shared by the HTML and plain-text paths.
 *
 * A "word" longer than this (letters and digits with no space or punctuation between them) is
 * not prose: base64, hashes, minified code, a 10 MB line of one letter. Scripts written without
 * spaces (Chinese, Japanese, Korean, Thai…) are exempt.
 */
export const MAX_WORD_CHARS = 80;

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
