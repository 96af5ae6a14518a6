/**
 * Texts the comment splitter finds in a thread that are the page's, not a reader's: a line of
 * the page's furniture ("0 Comments", "Email Address:", a byline alone) and the site's notices
 * about its thread (moderation policy, the form's fine print, the login it asks for).
 */
import { isDateLine as isOnlyDate, isSignatureLine } from '../config/dates';
import {
  FIRST_PERSON,
  FIRST_PERSON_LABEL,
  MAX_CONTROL_LABEL_WORDS,
  MAX_NOTICE_SENTENCE_CHARS,
  THREAD_MATTER,
  THREAD_PROCEDURE,
} from '../config/comment-notices';
import { matchBoilerplate } from '../config/phrases';
import { MAX_AUTHOR_CHARS, MAX_DATE_CHARS } from './header-lines';

/** Kinds of page furniture that no reader's one-line comment is: a label or a phrase of the page itself. */
const FURNITURE_KINDS: ReadonlySet<string> = new Set(['comments', 'comment-form', 'navigation', 'boilerplate', 'newsletter', 'share', 'legal']);

/**
 * "Email Address:", "Rate it:", "* Your Surname:", "Location (optional):": a form field's label,
 * a few words before a colon, no sentence among them ("Ah. Good old times (:" is a reader's).
 */
const FORM_LABEL = /^(?![^:]*\p{L}[.!?]\s)(?:\S+\s+){0,5}\S*[\p{L}\p{N})\]*]\s*:\s*\*?$/u;

/** "by Kujii", "By Jane Coaston", "Posted by: Ann": a byline alone, no sentence. */
const BYLINE_ALONE = /^(?:(?:posted|submitted|written|commented)\s+)?by\s*:?\s+[^.!?]{1,60}$/iu;

/** One line of the page's furniture: a phrase of the tables, a form label, a byline or a date alone. */
function isFurnitureLine(line: string): boolean {
  const m = matchBoilerplate(line);
  if (m && FURNITURE_KINDS.has(m.kind)) return true;
  if (line.length > MAX_AUTHOR_CHARS + MAX_DATE_CHARS) return false;
  return FORM_LABEL.test(line) || BYLINE_ALONE.test(line) || isOnlyDate(line) || isSignatureLine(line, MAX_AUTHOR_CHARS);
}

/** The site telling how its thread works ("Comments are moderated", "You must be logged in to report a comment"). */
function isNoticeSentence(sentence: string): boolean {
  if (sentence.length > MAX_NOTICE_SENTENCE_CHARS) return false;
  if (!THREAD_MATTER.test(sentence) || !THREAD_PROCEDURE.test(sentence)) return false;
  return !FIRST_PERSON.test(sentence) || FIRST_PERSON_LABEL.test(sentence);
}

/** "Sign in here", "Not registered?", "Write a new comment": a few words of a link or button, not a sentence anyone ends. */
function isControlLabel(sentence: string): boolean {
  return sentence.split(' ').length <= MAX_CONTROL_LABEL_WORDS && !/[.!]$/.test(sentence) && !FIRST_PERSON.test(sentence);
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
 * - the site's notice about its thread: every sentence either tells how the thread works
 *   ("Some comments may be reviewed before they are displayed.", "You must be logged in to
 *   recommend a comment.") or is a line of furniture ("Sign in here", "Email Address:"), and at
 *   least one tells. A reader who writes about moderation speaks in the first person or says
 *   something else beside it, and stays.
 */
export function isFurnitureOnly(text: string): boolean {
  if (!/\n\s*\n/.test(text) && isFurnitureLine(text.replace(/\s+/g, ' ').trim())) return true;
  let notices = 0;
  for (const sentence of sentencesOf(text)) {
    if (isNoticeSentence(sentence)) notices++;
    else if (!isFurnitureLine(sentence) && !isControlLabel(sentence)) return false;
  }
  return notices > 0;
}
