/**
 * The lines around a comment's text that say who wrote it and when: header lines ("Ann says:",
 * "JC Says: May 31st, 2004 at 11:37 pm", "Cherie McCluney August 17, 2019 - 2:19 pm", a short
 * name line above a date line), signatures below the text ("Posted by: Walters on December 29,
 * 2007 01:15 PM", "— Posted by Tom, Manhattan Beach CA", "Posted: 16:50 8th January 2008"), and
 * the thread's own lines that are no comment ("Reply", "3 Comments", the comment form). The
 * splitter (split.ts) reads a thread's lines and items with these.
 */
import { BYLINE_LEADS, BYLINE_WORDS, SAYS_VERB_GROUP } from '../config/comment-headers';
import { FIRST_PERSON, FIRST_PERSON_LABEL, MAX_CONTROL_LABEL_WORDS } from '../config/comment-notices';
import { isDateLine as isOnlyDate } from '../config/dates';
import { matchBoilerplate } from '../config/phrases';

/** The verb a comment's header puts after its author ("Ann says:", "Ann sagt:"), at the line's end. */
const SAYS = new RegExp(`\\s*[,:]?\\s*${SAYS_VERB_GROUP}\\s?:\\s*$`, 'iu');
/** "Ann says: May 31st, 2004 at 11:37 pm": the author, the verb, then what follows it on the line. */
const SAYS_THEN = new RegExp(`^(.*?)\\s*[,:]?\\s*${SAYS_VERB_GROUP}\\s?:\\s*(.*)$`, 'iu');
/** "Ann said, on August 3, 2019 at 3:12 pm": the author, the verb, a comma, then (only) the date. */
const SAYS_COMMA = new RegExp(`^(.*?)\\s*,?\\s*(?<![\\p{L}\\p{N}])${SAYS_VERB_GROUP}\\s*,\\s*(.+)$`, 'iu');
/** "Tracked", "Posted", "Kommentar": a header's label standing alone before its date. */
const LEAD_ALONE = new RegExp(`^(?:${BYLINE_LEADS.join('|')})$`, 'iu');
/** "Par Jean Dupont", "Kommentar von Ann", "Posted by: Ann", "From: Ann": the label before a commenter's name. */
export const LABEL_BEFORE_NAME = new RegExp(`^(?:(?:(?:${BYLINE_LEADS.join('|')})\\s+)?(?:${BYLINE_WORDS.join('|')})\\s*:?|from\\s*:)\\s+(?=\\S)`, 'iu');

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
export const DATE = new RegExp(
  [
    `\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?(?:\\s+\\d{4})?`,
    `\\b\\d{1,2}(?:st|nd|rd|th)?\\.?\\s+${MONTH}(?:\\s+\\d{4})?`,
    '\\b\\d{4}-\\d{2}-\\d{2}\\b',
    '\\b\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}\\b',
    '\\b\\d+\\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|yrs?)\\s+ago\\b',
    '\\b(?:yesterday|today|just now)\\b',
  ].join('|'),
  'i',
);

/** A date at the very start of a text (after an "on"): a header's date, not one inside a sentence. */
const STARTS_WITH_DATE = new RegExp(`^(?:on\\s+)?(?:${DATE.source})`, 'i');

export const MAX_AUTHOR_CHARS = 80;
export const MAX_DATE_CHARS = 60;
const MAX_AUTHOR_WORDS = 6;
/** A comment's number: "1.", "#12", "3)". */
export const ORDINAL = /^\s*#?\d{1,4}[.):]?\s*$/;
/** Lines a comment's header may stand on above its date (name, number, badge). */
export const MAX_HEADER_LINES = 2;

/**
 * A short line with a date in it (a header's date line): an English date among other words, or a
 * line that is only a date in any of the engine's languages ("16. März 2011 um 12:22", "Le 17
 * juillet à 22:09"; `isOnlyDate` alone is the stricter test).
 */
export function looksLikeDateLine(text: string): boolean {
  return text.length <= MAX_DATE_CHARS && (DATE.test(text) || isOnlyDate(text));
}

/** "Reply", "Report", "Like", "3 likes", "Load more comments": the thread's controls. */
export function isAction(text: string): boolean {
  if (text.length > 40 || SAYS.test(text)) return false;
  if (/^\d+\s+(?:likes?|dislikes?|points?|votes?|replies)$/i.test(text)) return true;
  const m = matchBoilerplate(text);
  return m !== null && (m.kind === 'comments' || m.kind === 'share') && !/\d/.test(text);
}

/**
 * A reader's sentence that holds a phrase of the page ("I wanted to leave a comment for ages,
 * thanks!"): longer than a control's label, in the first person, and no checkbox of the form
 * ("Notify me of follow-up comments").
 */
export function speaksAsReader(line: string): boolean {
  return line.split(/\s+/).length > MAX_CONTROL_LABEL_WORDS && FIRST_PERSON.test(line) && !FIRST_PERSON_LABEL.test(line);
}

/** A header of the thread ("3 Comments", "2 thoughts on …") or a line of the comment form. */
export function isThreadFurniture(text: string): boolean {
  const m = matchBoilerplate(text);
  return m !== null && (m.kind === 'comment-form' || (m.kind === 'comments' && m.strong)) && !speaksAsReader(text);
}

/** "Posted by: Walters on December 29, 2007 01:15 PM", "by Ann at 3:10 pm": who wrote a comment and when. */
const SIGNATURE = /^\s*(?:(?:posted|submitted|written)\s+)?by\s*:?\s+(.{1,80}?)\s*(?:\bon\b|\bat\b|@|\||,|\(|-)\s*(.{4,60}?)\)?\s*$/iu;

/** A line of its own that signs a comment with a name and maybe a place, no date: "— Posted by Tom, Manhattan Beach CA". */
export const SIGNED_WITHOUT_DATE = /^\s*(?:[—–-]\s*(?:(?:posted|submitted|written)\s+)?|(?:posted|submitted|written)\s+)by\s*:?\s+([^,|]{1,60}?)(?:\s*,\s*[^,|]{1,60}){0,2}\s*$/iu;

/** The same signature closing a comment's text block. */
export const TRAILING_SIGNATURE = /(?:^|\s)(?:posted|submitted|written)\s+by\s*:?\s+(.{1,80}?)\s+(?:on|at|@|\|)\s+(.{4,60}?)\s*$/iu;

export function signature(text: string): { author: string; date: string } | null {
  if (text.length > MAX_AUTHOR_CHARS + MAX_DATE_CHARS) return null;
  const m = SIGNATURE.exec(text);
  return m && DATE.test(m[2]!) ? { author: m[1]!.trim(), date: m[2]!.trim() } : null;
}

export function authorName(text: string): string {
  return text.replace(SAYS, '').trim();
}

/** What a "says:" header line gives: the comment's author, and its date when the line has one. */
export interface SaysHeader {
  author: string | null;
  date: string | null;
}

/**
 * A comment's header line naming its author with "says:" ("Ann says:"), maybe followed on the
 * same line by the comment's date ("JC Says: May 31st, 2004 at 11:37 pm", the classic blog
 * theme's header). Null for any other line, and for a line whose words after the verb do not
 * open with a date (a sentence quoting someone).
 */
export function saysHeader(text: string): SaysHeader | null {
  if (text.length > MAX_AUTHOR_CHARS + MAX_DATE_CHARS) return null;
  if (text.length <= MAX_AUTHOR_CHARS + 8 && SAYS.test(text)) return { author: authorName(text) || null, date: null };
  const m = SAYS_THEN.exec(text);
  if (m && m[2]!.length <= MAX_DATE_CHARS && STARTS_WITH_DATE.test(m[2]!)) {
    const author = m[1]!.trim();
    return author && looksLikeName(author) ? { author, date: m[2]!.trim() } : null;
  }
  // After a comma only a date will do: "Obama said, yesterday he would go" is a sentence.
  const c = SAYS_COMMA.exec(text);
  if (!c || !isOnlyDate(c[2]!)) return null;
  const author = c[1]!.trim();
  return author && looksLikeName(author) ? { author, date: c[2]!.replace(/^on\s+/iu, '').trim() } : null;
}

/**
 * A commenter's name as the output gives it: without the label before it ("Par Jean Dupont",
 * "Kommentar von Ann") or the verb after it ("Ann sagt:"), whichever element it was read from.
 */
export function tidyAuthor(author: string | null): string | null {
  if (!author) return author;
  const name = authorName(author.replace(LABEL_BEFORE_NAME, ''));
  return name || author;
}

/** What stands between a header's name, date and controls: "|", "/", "·", "—". */
const HEADER_SEPARATOR = /^[\s|/·•,–—-]+|[\s|/·•,–—-]+$/gu;
/** A day glued to the name before it, as inline elements print them: "Sana6. Juni 2015", "Ecks28.04.2020". */
const GLUED_DAY = /(\p{Ll})(?=\d{1,2}\.(?:\s|\d))/gu;
/** "[»] Missing the point by slimy": the name after the last byline word of a header. */
const NAME_AFTER_BYLINE = new RegExp(`(?:^|\\s)(?:${BYLINE_WORDS.join('|')})\\s*:?\\s+([^|/·•]+)$`, 'iu');
/** Most words a date's element is searched in for the date. */
const MAX_HEADER_WORDS = 16;
/** The last word of a date: a number in it (day, year, time) or the time's mark ("PM", "Uhr", "h"). */
const DATE_END = /\d|^(?:[ap]\.?m\.?|uhr|h)$/iu;
/** An author that is only links' labels in brackets ("[reply] [top]"): no name at all. */
const BRACKETS_ONLY = /^\s*(?:[([][^)\]]{1,20}[)\]]\s*)+$/u;

/** "Jan 9th 2000 — Brandon Valentine [URL]": links' labels in brackets after a name. */
const BRACKETED_AFTER = /(?:\s*[([][^)\]]{1,20}[)\]])+\s*$/u;
/** "Anonymous said...", "Ann says:": a name and the verb, after a header's date. */
const SAYS_AFTER_DATE = new RegExp(`^(.+?)\\s*,?\\s+${SAYS_VERB_GROUP}\\s*(?::|\\.{3}|…)\\s*$`, 'iu');
/** Not a name whatever its shape: a thread's control ("Reply", "Antworten") or a page's label ("Posted", "Updated"). */
function isLabelWord(text: string): boolean {
  return isAction(text) || matchBoilerplate(text) !== null;
}

/**
 * The commenter's name in the words before a header's date: after its last byline word ("[»]
 * Missing the point by slimy", "Kommentar von Mareike"), or the words themselves when they read
 * as a name ("Stephanie", "Karsten Dörre /").
 */
function nameBefore(words: string): string | null {
  const text = words.replace(HEADER_SEPARATOR, '');
  if (!text || LEAD_ALONE.test(text)) return null;
  const byline = NAME_AFTER_BYLINE.exec(text)?.[1]?.replace(HEADER_SEPARATOR, '');
  if (byline) return looksLikeName(byline) ? byline : null;
  return looksLikePersonName(text) && !isLabelWord(text) ? text : null;
}

/**
 * The commenter's name in the words after a header's date: "by Ryan Garside", or a name of
 * capitalised words set apart from the date ("— Brandon Valentine [URL]").
 */
function nameAfter(words: string, setApart: boolean): string | null {
  const text = words.replace(HEADER_SEPARATOR, '').replace(BRACKETED_AFTER, '').replace(HEADER_SEPARATOR, '');
  if (!text) return null;
  const byline = NAME_AFTER_BYLINE.exec(text)?.[1]?.trim();
  if (byline) return looksLikePersonName(byline) ? byline : null;
  // "At 4/19/2005 07:14:49 PM, Anonymous said...": the name before the verb.
  const speaker = SAYS_AFTER_DATE.exec(text)?.[1]?.trim();
  if (speaker) return looksLikeName(speaker) ? speaker : null;
  return setApart && text.includes(' ') && looksLikePersonName(text) && !isLabelWord(text) ? text : null;
}

/** A header's longest run of words that is a date, and the words before and after it. */
interface DateRun {
  /** The date, without an English "on", "at" or "of" before it. */
  date: string;
  before: string;
  after: string;
  /** A separator ("|", "—", ",") stands between the date and the words after it. */
  apart: boolean;
}

/**
 * The longest run of a header's words that is a date and ends on its day, year or time ("… 2008
 * - At the" is a date and a title's words), or null. A day glued to the name before it is cut
 * off it first; a text of more than MAX_HEADER_WORDS words is no header (the search is quadratic).
 */
function dateRun(text: string): DateRun | null {
  const words = text.replace(GLUED_DAY, '$1 ').split(/\s+/).filter(Boolean);
  if (words.length > MAX_HEADER_WORDS) return null;
  for (let size = words.length; size >= 2; size--) {
    for (let start = 0; start + size <= words.length; start++) {
      const last = words[start + size - 1]!;
      if (!DATE_END.test(last.replace(HEADER_SEPARATOR, ''))) continue;
      const run = words.slice(start, start + size).join(' ').replace(HEADER_SEPARATOR, '');
      if (!isOnlyDate(run)) continue;
      const after = words.slice(start + size).join(' ');
      return {
        date: run.replace(/^(?:on|at|of)\s+/iu, ''),
        before: words.slice(0, start).join(' '),
        after,
        apart: /[|/·•,–—-]$/u.test(last) || /^[|/·•,–—-]/u.test(after),
      };
    }
  }
  return null;
}

/**
 * A comment's date as the output gives it: only the date, when the element it was read from
 * holds more ("3. Juni 2016 at 12:53 · Antwort", "Kommentar von Mareike 8. Dezember 2010 um
 * 10:56", "Dec 30, 2007 7:06 PM | Link to this"): the longest run of its words that is a date.
 * When no author was found (or only links' labels), the words around the date name it if they
 * read as a name. Unchanged when no run of its words is a date.
 */
export function tidyHeader(author: string | null, date: string | null): { author: string | null; date: string | null } {
  if (!date || isOnlyDate(date)) return { author, date };
  const found = dateRun(date);
  if (!found) return { author, date };
  if (author && !BRACKETS_ONLY.test(author)) return { author, date: found.date };
  return { author: nameBefore(found.before) ?? nameAfter(found.after, found.apart) ?? author, date: found.date };
}

/** A header line's trailing controls: "Reply", "Antworten", "[ antworten ]", "| Report this comment". */
function withoutControls(text: string): string {
  let line = text.replace(BRACKETED_AFTER, '').trim();
  for (;;) {
    const tail = /(?:\s+[|·•]\s+[^|·•]+|\s+\S+)$/u.exec(line);
    if (!tail || !isAction(tail[0].replace(HEADER_SEPARATOR, ''))) return line;
    line = line.slice(0, tail.index).trim();
  }
}

/**
 * A line that is a comment's whole header, its author's name and its date with nothing else but
 * labels and controls: "Kommentar von Georg77 16. März 2011 um 12:22", "par JPA le 7 mai 2020 -
 * 12:38.", "geschrieben von berg2012 am 21. Jan. 2015, 19:04 [ antworten ]", "Chris Anamani
 * February 23, 2017 at 12:33 pm Reply", "#1 — January 7, 2008 @ 13:00PM — Brandon Valentine".
 * Null when any word is neither (a sentence with a date in it) or no name is found.
 */
export function headerLine(text: string): { author: string; date: string } | null {
  if (text.length > MAX_AUTHOR_CHARS + MAX_DATE_CHARS) return null;
  const found = dateRun(withoutControls(text));
  if (!found) return null;
  // The longest date decides: the words around it are a name and labels, or this is no header.
  const { before, after } = found;
  const named = /\p{L}/u.test(before) ? nameBefore(before) : null;
  if (named === null && /\p{L}/u.test(before)) return null;
  const signed = after ? nameAfter(after, found.apart) : null;
  if (after && signed === null) return null;
  const author = named ?? signed;
  return author ? { author, date: found.date } : null;
}

/** A reader's name as a header shows it: a handle ("recklessfox", "jaded1") or capitalised words ("Cherie McCluney"). */
export function looksLikePersonName(text: string): boolean {
  if (!looksLikeName(text) || BYLINE_LABEL.test(text)) return false;
  const words = text.split(/\s+/);
  return words.length === 1 ? /^[\p{L}\p{N}][\p{L}\p{N}_.'-]*$/u.test(text) : words.every((w) => /^\p{Lu}/u.test(w));
}

/** A byline's label standing without its name ("By", "Posted by:", "Von"). */
const BYLINE_LABEL = /^(?:(?:posted|submitted|written)\s+)?(?:by|from|von|par|por|door|di|przez|от)\s*:?$|^(?:posted|submitted|written)\s*:?$/iu;

/** The date of a header: only date words, with the year or the time of day. */
const HEADER_DATE_DETAIL = /\d{4}|\d:\d\d/;

/**
 * "Cherie McCluney August 17, 2019 - 2:19 pm": a comment's header line, its author's name and
 * then its date (a theme that puts both in one element, inline). Null for a line that is only a
 * date ("Posted January 5, 2008") and for one whose words before the date are no name.
 */
export function nameDateHeader(text: string): { author: string; date: string } | null {
  // "JC Says: May 31st, …" and "Posted by …" lines are saysHeader's and signature's.
  if (text.length > MAX_AUTHOR_CHARS + MAX_DATE_CHARS || isOnlyDate(text) || SAYS_THEN.test(text) || signature(text)) return null;
  const words = text.split(/\s+/);
  for (let k = 1; k <= Math.min(MAX_AUTHOR_WORDS, words.length - 1); k++) {
    const date = words.slice(k).join(' ').replace(/^[-–—|,·•]\s*/u, '');
    if (!isOnlyDate(date)) continue;
    const author = words.slice(0, k).join(' ').replace(/\s*[-–—|,·•:]$/u, '');
    return HEADER_DATE_DETAIL.test(date) && looksLikePersonName(author) ? { author, date } : null;
  }
  return null;
}


/** Lines that can be a comment's header above its date: at most two, each short and no sentence. */
export function headerLines(lines: readonly string[]): boolean {
  return (
    lines.length > 0 &&
    lines.length <= MAX_HEADER_LINES &&
    lines.every((line) => line.length <= MAX_AUTHOR_CHARS && !/[.!?]$/.test(line) && line.split(/\s+/).length <= MAX_AUTHOR_WORDS)
  );
}

/**
 * A comment's last line that signs or dates it: a date alone ("Posted: 16:50 8th January
 * 2008"), "Posted by: <name> <date>" ("Posted by: Pam Owen of 11:00pm January 08, 2008", the
 * name maybe with its place: "Shaun of New Zealand"; "Comment by D-Bomb — January 7, 2008 @ 8:21
 * pm"), or a name then a date as a header gives them.
 */
export function signedBelow(line: string): { author: string | null; date: string | null } | null {
  if (line.length > MAX_AUTHOR_CHARS + MAX_DATE_CHARS) return null;
  if (isOnlyDate(line)) return { author: null, date: line };
  const labelled = /^(?:posted|submitted|written|comment|commented)\s+by\s*:?\s+(.+)$/iu.exec(line);
  if (labelled) {
    const words = labelled[1]!.split(/\s+/);
    for (let k = 1; k < words.length; k++) {
      const rest = words.slice(k).join(' ');
      if (!isOnlyDate(rest)) continue;
      const author = words.slice(0, k).join(' ').replace(/[\s,|–—-]+$/u, '');
      return looksLikeName(author) && !/\d/.test(author) ? { author, date: rest.replace(/^(?:on|at|of|[-–—|])\s+/iu, '') } : null;
    }
    return null;
  }
  return nameDateHeader(line);
}

export function looksLikeName(text: string): boolean {
  if (text.length > MAX_AUTHOR_CHARS || /[.!?]$/.test(text.replace(/\s+[A-Z]\.$/, ''))) return false;
  return text.split(/\s+/).length <= MAX_AUTHOR_WORDS;
}
