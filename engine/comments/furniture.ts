/**
 * Texts the comment splitter finds in a thread that are the page's, not a reader's: a line of
 * the page's furniture ("0 Comments", "Email Address:", a byline alone) and the site's notices
 * about its thread (moderation policy, the form's fine print, the login it asks for).
 */
import { isDateLine as isOnlyDate, isSignatureLine } from '../config/dates';
import {
  CHARACTER_COUNTER,
  COMMENTER_BADGE,
  COMMENT_FORM_CHECKBOX,
  CONTROL_BAR,
  FIELD_MARK,
  FIELD_NOTE,
  FIRST_PERSON,
  FIRST_PERSON_LABEL,
  MAX_BAR_CHARS,
  MAX_CONTROL_LABEL_WORDS,
  MAX_NOTICE_SENTENCE_CHARS,
  SHARE_BAR,
  THREAD_COUNT,
  THREAD_MATTER,
  THREAD_PROCEDURE,
} from '../config/comment-notices';
import { matchBoilerplate } from '../config/phrases';
import { MAX_AUTHOR_CHARS, MAX_DATE_CHARS, speaksAsReader } from './header-lines';

/** Kinds of page furniture that no reader's one-line comment is: a label or a phrase of the page itself. */
const FURNITURE_KINDS: ReadonlySet<string> = new Set(['comments', 'comment-form', 'navigation', 'boilerplate', 'newsletter', 'share', 'legal']);

/**
 * "Email Address:", "Rate it:", "* Your Surname:", "Location (optional):": a form field's label,
 * a few words before a colon, no sentence among them ("Ah. Good old times (:" is a reader's).
 */
const FORM_LABEL_SOURCE = '^(?![^:]*\\p{L}[.!?]\\s)(?:\\S+\\s+){0,5}\\S*[\\p{L}\\p{N})\\]*]\\s*:\\s*';
const FORM_LABEL = new RegExp(`${FORM_LABEL_SOURCE}\\*?$`, 'u');

/** A label with a short note in brackets after it ("Your site's URL: (If you have one.)"), when the note is not someone speaking. */
const NOTED_FORM_LABEL = new RegExp(`${FORM_LABEL_SOURCE}\\*?\\s*\\([^()]{1,40}\\)$`, 'u');

/** A label with the form's mark or note after it ("Your Comments:* Required", "Email: (will not be published)"): only a form writes so. */
const MARKED_FORM_LABEL = new RegExp(`${FORM_LABEL_SOURCE}${FIELD_MARK}$`, 'iu');

/** "by Kujii", "By Jane Coaston", "Posted by: Ann": a byline alone, no sentence. */
const BYLINE_ALONE = /^(?:(?:posted|submitted|written|commented)\s+)?by\s*:?\s+[^.!?]{1,60}$/iu;

/**
 * A line only the page writes: a phrase of its furniture ("Add Your Comment", "More"), a checkbox
 * of its form, the thread's count, a field's mark or note, a character counter, a bar of a
 * comment's controls or of share buttons.
 */
function isPageLine(line: string): boolean {
  if (line.length <= MAX_NOTICE_SENTENCE_CHARS && (COMMENT_FORM_CHECKBOX.test(line) || (THREAD_COUNT.test(line) && !FIRST_PERSON.test(line)))) return true;
  if (((FIELD_NOTE.test(line) || MARKED_FORM_LABEL.test(line)) && !FIRST_PERSON.test(line)) || CHARACTER_COUNTER.test(line)) return true;
  if (line.length <= MAX_BAR_CHARS && (CONTROL_BAR.test(line) || SHARE_BAR.test(line))) return true;
  const m = matchBoilerplate(line);
  return m !== null && FURNITURE_KINDS.has(m.kind) && !speaksAsReader(line);
}

/** One line of the page's furniture: a page line, a form label, a byline or a date alone. */
function isFurnitureLine(line: string): boolean {
  if (isPageLine(line)) return true;
  if (line.length > MAX_AUTHOR_CHARS + MAX_DATE_CHARS) return false;
  return FORM_LABEL.test(line) || (NOTED_FORM_LABEL.test(line) && !FIRST_PERSON.test(line)) || BYLINE_ALONE.test(line) || isOnlyDate(line) || isSignatureLine(line, MAX_AUTHOR_CHARS);
}

/** The site telling how its thread works ("Comments are moderated", "You must be logged in to report a comment"). */
function isNoticeSentence(sentence: string): boolean {
  if (sentence.length > MAX_NOTICE_SENTENCE_CHARS) return false;
  if (!THREAD_MATTER.test(sentence) || !THREAD_PROCEDURE.test(sentence)) return false;
  return !FIRST_PERSON.test(sentence) || FIRST_PERSON_LABEL.test(sentence);
}

/** Digits and a count's marks only ("15", "/ 19", "*+"): no word, no emoji, no emoticon (":)", "8-)", ":3"). */
const NO_WORDS = /^[\s\p{N}.,/#+*–—-]*$/u;

/** An address in a comment's text is what its writer wanted read (a link spam's, often), never the form's. */
const WEB_ADDRESS = /https?:|www\.|\.[a-z]{2,}\//i;

/** "Sign in here", "Not registered?", "Write a new comment": a few words of a link or button, not a sentence anyone ends. */
function isControlLabel(sentence: string): boolean {
  return sentence.split(' ').length <= MAX_CONTROL_LABEL_WORDS && !/[.!]$/.test(sentence) && !FIRST_PERSON.test(sentence) && !WEB_ADDRESS.test(sentence);
}

/** A text's lines and sentences: a notice may run its sentences on one line or a form its labels on several. */
function sentencesOf(text: string): string[] {
  return text
    .split(/\n+|(?<=[.!?])\s+|\s+\|\s+/u)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => /\p{L}/u.test(s));
}

/**
 * A "comment" that is the page's, not a reader's:
 * - one line of furniture: a phrase of the page ("0 Comments", "Add Your Comment", "More",
 *   "Loading..."), a form field's label ("Email Address:"), a byline or a date alone ("by
 *   Kujii", "posted by Aaron @ 9:43 AM"). Lines that open like a byline or a date line but may
 *   be a reader's ("By far the best …", "Posted this on my blog too") are left alone;
 * - the site's notice about its thread or its form: every sentence either tells how the thread
 *   works ("Some comments may be reviewed before they are displayed.", "You must be logged in
 *   to recommend a comment."), is a line only the page writes ("Remember personal info?", "Add
 *   Your Comment") or a line of furniture ("Sign in here", "Email Address:"), and at least one
 *   is of the first two kinds. A reader who writes about moderation speaks in the first person
 *   or says something else beside it, and stays.
 */
export function isFurnitureOnly(text: string): boolean {
  // A number alone ("15", "/ 19") is a count or a control; a reader who writes no word writes
  // an emoji or an emoticon, which stays.
  if (NO_WORDS.test(text) || COMMENTER_BADGE.test(text)) return true;
  if (!/\n\s*\n/.test(text.trim()) && isFurnitureLine(text.replace(/\s+/g, ' ').trim())) return true;
  // At least one sentence must be the page's for sure: a label, a byline or a few words of a
  // link may open a reader's comment too.
  let pages = 0;
  for (const sentence of sentencesOf(text)) {
    if (isNoticeSentence(sentence) || isPageLine(sentence)) pages++;
    else if (!isFurnitureLine(sentence) && !isControlLabel(sentence)) return false;
  }
  return pages > 0;
}
