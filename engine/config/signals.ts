/**
 * Text signals shared by the HTML and plain-text paths: is a block prose at all?
 *
 * Not prose: a "word" (letters and digits with no space or punctuation between them) longer
 * than MAX_WORD_CHARS — base64, hashes, minified code, a 10 MB line of one letter; a long block
 * that is mostly not letters (rows of dots, dashes, symbols); a long block of a spaced script
 * with almost no spaces (binary bytes read as windows-1252). Scripts written without spaces
 * (Chinese, Japanese, Korean, Thai, Lao, Khmer, Myanmar) are exempt from the word and space tests.
 *
 * One pass over the characters, no regular expressions: this runs on every long block.
 */
export const MAX_WORD_CHARS = 80;
/** Prose in a spaced script has a space every few words; below this share it is not prose. */
export const MIN_SPACE_SHARE = 0.03;
/** Prose is mostly letters; below this share of letters and digits a long block is not prose. */
export const MIN_LETTER_SHARE = 0.3;
/** Blocks shorter than this are too short to judge by their spacing and letters. */
export const SPACING_MIN_CHARS = 200;
/** Share of unspaced-script characters from which a block is judged as such a script. */
const UNSPACED_SHARE = 0.3;

type CharClass = 0 | 1 | 2 | 3; // 0 separator, 1 word character, 2 space, 3 unspaced-script character

function classify(c: number): CharClass {
  if (c < 128) {
    if (c === 32 || (c >= 9 && c <= 13)) return 2;
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return 1;
    return 0;
  }
  if (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000) return 2;
  if (
    (c >= 0x0e00 && c <= 0x0eff) || // Thai, Lao
    (c >= 0x1000 && c <= 0x109f) || // Myanmar
    (c >= 0x1780 && c <= 0x17ff) || // Khmer
    (c >= 0x2e80 && c <= 0x9fff) || // CJK radicals, kana, CJK ideographs
    (c >= 0xac00 && c <= 0xd7af) || // Hangul
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xff00 && c <= 0xffef)
  ) {
    return 3;
  }
  if ((c >= 0x80 && c <= 0xbf) || (c >= 0x2010 && c <= 0x206f) || (c >= 0x20a0 && c <= 0x2bff) || (c >= 0xd800 && c <= 0xdfff)) return 0;
  return 1;
}

/** Does `text` hold a run of more than `maxWordChars` word characters of a spaced script? */
export function hasWordlessRun(text: string, maxWordChars = MAX_WORD_CHARS): boolean {
  if (text.length <= maxWordChars) return false;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    if (classify(text.charCodeAt(i)) === 1) {
      if (++run > maxWordChars) return true;
    } else run = 0;
  }
  return false;
}

/** Text that cannot be prose (see the top of this file). */
export function isNotProse(text: string, maxWordChars = MAX_WORD_CHARS): boolean {
  const n = text.length;
  if (n <= maxWordChars) return false;
  let run = 0;
  let longestRun = 0;
  let spaces = 0;
  let letters = 0;
  let unspaced = 0;
  for (let i = 0; i < n; i++) {
    const k = classify(text.charCodeAt(i));
    if (k === 1) {
      letters++;
      if (++run > longestRun) longestRun = run;
    } else {
      run = 0;
      if (k === 2) spaces++;
      else if (k === 3) {
        unspaced++;
        letters++;
      }
    }
  }
  if (longestRun > maxWordChars) return true;
  if (n < SPACING_MIN_CHARS) return false;
  if (letters < n * MIN_LETTER_SHARE) return true;
  return spaces < n * MIN_SPACE_SHARE && unspaced < n * UNSPACED_SHARE;
}

/** A text that is a web address alone (`https://…`, `www.…`): a citation or a link list's entry, not words. */
export const LOOKS_LIKE_ADDRESS = /^\s*(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+\s*$/i;

/**
 * One of PHP's error messages as the server prints it into a page: its level, then the message,
 * then the script's path and line ("Warning: Use of undefined constant … in /www/site/wp-config.php
 * on line 12"). The path and the line number are PHP's own format, not a sentence that opens with
 * "Warning:". Sticky: read one message at a time from where the last ended (a pattern repeating
 * the message would backtrack through every way of splitting a run of them).
 */
const PHP_DIAGNOSTIC =
  /\s*(?:PHP\s+)?(?:warning|notice|deprecated|strict standards|(?:catchable |recoverable )?fatal error|parse error)\s*:\s.{0,600}?\sin\s+\S+?\.(?:php\d?|inc|phtml)\s+on\s+line\s+\d+\s*/iys;

/**
 * A block that is nothing but server error messages: the site's fault, never its article (a
 * broken WordPress theme prints hundreds of them above and inside the post). A block holding a
 * message and then the page's own text is left alone.
 */
export function isServerDiagnostic(text: string): boolean {
  if (!text.includes(' on line ')) return false;
  let at = 0;
  while (at < text.length) {
    PHP_DIAGNOSTIC.lastIndex = at;
    if (!PHP_DIAGNOSTIC.test(text)) return false;
    at = PHP_DIAGNOSTIC.lastIndex;
  }
  return true;
}

/**
 * Text cut short with a link to the rest: an ellipsis, then "Read more", "Continue reading"
 * (with the post's title, perhaps), "See full story": another page's teaser.
 */
export const TRUNCATED_EXCERPT =
  /(?:\.\.\.|…)\s*[[(]?(?:read more|continue reading|keep reading|read the rest|(?:read|see|view) (?:the )?full (?:story|article|post|gallery))\b(?:\s*["“][^"”]{0,120}["”])?[\s.»›→>)\]…]*$/i;
