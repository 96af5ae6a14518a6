/**
 * Thresholds of the plain-text path (line classification, main-body search, title and
 * language detection). Every number the text path decides by lives here, so it can be tuned
 * without code edits. Lengths are in characters; "stop density" is the share of a line's
 * words that are stop words of the page language.
 */
import { MAX_WORD_CHARS } from './signals';

export interface TextThresholds {
  /** A run of more letters than this without a space is not prose (see config/signals.ts). */
  maxWordChars: number;
  /** A line at least this long with enough stop words is a body paragraph on its own ("good"). */
  minParagraphChars: number;
  /**
   * Hard-wrapped text (a `<pre>` block, a mail archive, a text file): a run of at least
   * `wrapMinFullLines` lines each filled to the run's width, between `wrapMinWidth` and
   * `wrapMaxWidth` characters, is joined back into paragraphs before lines are judged.
   */
  wrapMinWidth: number;
  wrapMaxWidth: number;
  wrapMinFullLines: number;
  /** Share of a wrap's continuation lines that start in lower case (list items start capitalised). */
  wrapMinLowerStarts: number;
  /** A line this long needs only `stopDensityLow` to be "good". */
  longParagraphChars: number;
  /** Lines at least this long with `stopDensityLow` are "near-good" (body by context). */
  nearParagraphChars: number;
  /** Lines shorter than this are "short": neither good nor bad on their own. */
  shortLineChars: number;
  /**
   * A line without a sentence end is read as a heading or a link ("short") up to
   * `longParagraphChars`; but one longer than this with the stop words of running prose
   * (`stopDensityHigh`) is prose that lost its final period ("Chelsea have this morning paid
   * the £71.6million fee to the Spanish league this morning"), judged as any paragraph by its
   * stop words. Headlines are shorter.
   */
  headingMaxChars: number;
  /** Stop-word density of running prose. */
  stopDensityHigh: number;
  /** Lowest stop-word density a near-good or long good line may have. */
  stopDensityLow: number;
  /** Without a stop-word list: share of short lower-case words standing in for stop density. */
  shortWordDensityHigh: number;
  shortWordDensityLow: number;
  /** Without a stop-word list, this share of lower-case words also counts as function words. */
  lowercaseDensityWeight: number;
  /** Longest word (letters) counted as a "short word" by the fallback above. */
  shortWordMaxLetters: number;
  /** Scripts without spaces (CJK, Thai): a line with sentence punctuation this long is good. */
  unspacedGoodChars: number;
  unspacedNearChars: number;
  /** A line whose URL/e-mail characters are at least this share of it is bad. */
  maxLinkCharShare: number;
  /** A line with at least this share of capitalised words (and no sentence end) is menu-like. */
  menuCapitalShare: number;
  /** Menu-like lines are judged only up to this length. */
  menuMaxChars: number;
  /**
   * A bar of page tools ("Story Tools: E-MAIL | PRINT | Text Size | REPORT TYPO"): a line of at
   * most `toolBarMaxChars` with at least `toolBarMinItems` items between bars, naming at least
   * `toolBarMinTools` different tools of TOOL_BAR_WORDS (config/phrases.ts). Such a bar follows
   * a story's body; a run of article lines does not cross it.
   */
  toolBarMaxChars: number;
  toolBarMinItems: number;
  toolBarMinTools: number;
  /**
   * A line of page tools without bars ("Print Email Return to Top", "EMAIL STORY EASY PRINT"):
   * at most `toolLineMaxChars`, no sentence end, naming `toolBarMinTools` tools that are at least
   * `toolLineMinShare` of its words. Left out, but not a wall.
   */
  toolLineMaxChars: number;
  toolLineMinShare: number;
  /**
   * A numbered list right after the article's run ("1) Lego Star Wars…", "2) Polistil…") is the
   * article's own when it counts from 1 in order, each number at most `numberedListMaxStep`
   * past the one before (a skipped item), with at least `numberedListMinItems` items, and at
   * most `numberedListMaxGap` lines of an item's own (its link, a sentence) before the next.
   */
  numberedListMinItems: number;
  numberedListMaxStep: number;
  numberedListMaxGap: number;
  /**
   * A list the run's last line announces ("Below is the list of players invited:", "… at the
   * following clinics:"): the short lines right after it, each at most `announcedListMaxChars`,
   * at least `announcedListMinItems` of them, are its items (see ANNOUNCES_LIST).
   */
  announcedListMaxChars: number;
  announcedListMinItems: number;

  // ── main-body search (maximum-sum run of line scores) ─────────────────────
  /** Score of a good line per character. */
  goodWeight: number;
  /** Score of a near-good line per character. */
  nearWeight: number;
  /** Fixed cost of a short line. */
  shortPenalty: number;
  /** Fixed cost of a short line that reads like prose (lower-case words, stop words). */
  shortProsePenalty: number;
  /** Share of a kept line's word 4-grams already kept above it that makes it a duplicate. */
  duplicateShare: number;
  /** Only kept lines of at least this many words are checked for repeating text kept above. */
  repeatMinWords: number;
  /**
   * A repeated paragraph is kept when the page gives its article a second time: when it follows
   * another repeated prose paragraph in the order of the first copy, or when it is at least
   * `articleAgainMinChars` long and repeats a part of a line at least `articleAgainPartOf` times
   * its length (the first copy was one block, the second is split into paragraphs).
   */
  articleAgainMinChars: number;
  articleAgainPartOf: number;
  /** Cost of a bad line: fixed part … */
  badPenalty: number;
  /** … plus this much per character. */
  badWeight: number;
  /** Cost of a line that matched a known boilerplate phrase: fixed part (plus `badWeight` per char). */
  phrasePenalty: number;
  /** A run before a comment section must reach this share of the best run to be chosen over it. */
  commentSplitShare: number;
  /** … and at least this score. */
  minRunScore: number;
  /** Below a repeated headline, the first run reaching this share of the best one is the body. */
  anchorRunShare: number;
  /** A feed or thread in the run: at least `feedMinDates` date lines, each within `feedMaxGap` lines of the next. */
  feedMinDates: number;
  feedMaxGap: number;
  /** …unless what comes before the feed holds less than this share of the run's prose (the page is the feed). */
  feedMinKeptShare: number;
  /** …or when its items hold more than this much prose each on average (a blog page's posts). */
  feedMaxItemChars: number;
  /** Teasers of other pages in the run (TRUNCATED_EXCERPT): at least this many end it (see cutAtExcerpts). */
  excerptMinLines: number;
  /** Lines cut short with an ellipsis, this many in a row: teasers or the latest comments, scored as menu lines… */
  teaserMinLines: number;
  /** …unless they hold this share of the page's prose or more (the page is that list). */
  teaserMaxPageShare: number;
  /**
   * A comment heading too plain to end the article alone ("Comments", "3 responses") does so
   * when at least `threadMinSignatures` short dated lines (a comment's "by X on <date>") follow
   * within `threadSpan` lines of it: a thread, whatever the length of its comments.
   */
  threadMinSignatures: number;
  threadSpan: number;
  /** A signature line is at most this long. */
  signatureMaxChars: number;
  /** A comment section ends before this many lines in a row without prose (the site's footer). */
  threadEndGap: number;
  /** A thread without a heading: its signatures name at least this many writers… */
  threadMinWriters: number;
  /** …and at least this many writers per signature (a blog's few writers sign many posts). */
  threadMinWriterShare: number;
  /**
   * A thread whose readers sign under each comment with a name and a place ("Jean Booth, Hague,
   * Netherlands", at most `placeSignatureMaxChars`) ends an article that has at least
   * `placeThreadMinArticleChars` of prose of its own above it, and at least
   * `placeThreadMinArticleShare` of the thread's: a debate page's short question and its readers'
   * answers are the page (see cutAtPlaceSignedThread).
   */
  placeSignatureMaxChars: number;
  placeThreadMinArticleChars: number;
  placeThreadMinArticleShare: number;
  /**
   * A comment wall with a signature line at most this many lines below it may be a post's
   * footer ("Comments (3)", then "posted by Ann @ 9:43 AM"): see unwallPostFooters.
   */
  postFooterSignatureSpan: number;
  /** A main run with less than this share of the page's prose makes the page a listing (all its prose kept). */
  listingMaxShare: number;
  /**
   * A main run with less than this share of the page's prose, whose paragraphs never stand
   * next to one another, is a listing's entries too (a directory or a catalogue: each entry's
   * paragraph between its name, phone and links). The HTML path's listing share.
   */
  listingEntriesMaxShare: number;
  /**
   * Records (text/records.ts): a field of a record is a label of at most `recordLabelMaxChars`
   * before a colon, or a whole line of at most `recordLineMaxChars` without a sentence end, that
   * recurs at least `recordMinRepeats` times on the page; a record's fields lie at most
   * `recordMaxGap` lines apart.
   */
  recordLabelMaxChars: number;
  recordLineMaxChars: number;
  recordMinRepeats: number;
  recordMaxGap: number;
  /**
   * A legal line just below the run is a credit inside the article, not the footer, when a run of
   * prose follows at once that scores at least this share of the run's (classify.ts, acrossCreditLine).
   */
  creditRunShare: number;
  /** A run holding a paragraph longer than this is an article, not a record's blurb. */
  recordMaxParagraphChars: number;
  /**
   * A page with no article whose list of records holds more than this share of its wordy lines'
   * characters keeps that list, not the whole page.
   */
  recordsPageMinShare: number;
  /**
   * When the lines kept hold less than this share of the page's characters, no article could be
   * told from the rest: the whole page is kept (measured: better than a fragment on every set).
   */
  wholePageMaxShare: number;
  /** …if its lines of at least `wholePageMinWords` words hold this many characters (not only menus and labels). */
  wholePageMinWords: number;
  wholePageMinWordyChars: number;

  /** Growing the run over trailing/leading near-good lines crosses at most this many short lines. */
  growMaxGap: number;
  /** Lines of a run longer than this many short lines in a row that look like a menu are dropped. */
  menuRunMin: number;
  /** … when at least this share of them is menu-like. Each such line costs `menuLinePenalty`. */
  menuRunShare: number;
  menuLinePenalty: number;
  /** A good line shorter than this with no prose line on either side earns `isolatedWeight`. */
  isolatedMaxChars: number;
  isolatedWeight: number;

  // ── title ─────────────────────────────────────────────────────────────────
  /** Longest line that can be a title. */
  titleMaxChars: number;
  /** Lines before the body searched for the title. */
  titleSearchLines: number;
  /** Share of a candidate's words that must appear in the document title (first line). */
  titleMinOverlap: number;
  /** Share of the document title's headline words (site name stripped) a candidate must cover. */
  titleMinCover: number;
  /** A headline followed by a prose line within this many lines is preferred. */
  titleFollowLines: number;
  /** Copies of the title this many lines around it or the body start are dropped. */
  titleDuplicateSpan: number;
  /** Without a repeated headline, the headline is looked for this many lines above the body … */
  headlineLookBack: number;
  /** … in a line of at least this many words. */
  headlineMinWords: number;
  /** Short lines with at least this many words and prose-like stop words cost `shortProsePenalty`. */
  shortProseMinWords: number;

  // ── language detection ────────────────────────────────────────────────────
  /** Only this many leading characters are sampled for language detection. */
  languageSampleChars: number;
  /** A script (Han, Arabic, …) wins when it holds at least this share of all letters. */
  languageScriptShare: number;
  /** Among Han + kana letters, at least this share of kana means Japanese. */
  languageKanaShare: number;
  /** The winning stop-word list needs at least this many hits. */
  languageMinHits: number;
  /** … and this share of all words. */
  languageMinStopwordShare: number;
  /** … and this ratio over the runner-up's hits. */
  languageMinLead: number;
}

export const TEXT_DEFAULTS: TextThresholds = {
  maxWordChars: MAX_WORD_CHARS,
  minParagraphChars: 70,
  wrapMinWidth: 50,
  wrapMaxWidth: 120,
  wrapMinFullLines: 3,
  wrapMinLowerStarts: 0.4,
  longParagraphChars: 200,
  nearParagraphChars: 40,
  shortLineChars: 40,
  headingMaxChars: 150,
  stopDensityHigh: 0.3,
  stopDensityLow: 0.2,
  shortWordDensityHigh: 0.3,
  shortWordDensityLow: 0.2,
  shortWordMaxLetters: 3,
  lowercaseDensityWeight: 0.5,
  unspacedGoodChars: 40,
  unspacedNearChars: 15,
  maxLinkCharShare: 0.5,
  menuCapitalShare: 0.8,
  menuMaxChars: 80,
  toolBarMaxChars: 200,
  toolBarMinItems: 3,
  toolBarMinTools: 2,
  toolLineMaxChars: 60,
  toolLineMinShare: 0.25,
  numberedListMinItems: 3,
  numberedListMaxStep: 3,
  numberedListMaxGap: 2,
  announcedListMaxChars: 100,
  announcedListMinItems: 3,

  goodWeight: 1,
  nearWeight: 0.5,
  shortPenalty: 20,
  shortProsePenalty: 5,
  duplicateShare: 0.8,
  repeatMinWords: 8,
  articleAgainMinChars: 200,
  articleAgainPartOf: 2,
  badPenalty: 20,
  badWeight: 0.5,
  phrasePenalty: 60,
  commentSplitShare: 0.2,
  minRunScore: 60,
  anchorRunShare: 0.3,
  feedMinDates: 3,
  feedMaxGap: 6,
  feedMinKeptShare: 0.35,
  feedMaxItemChars: 400,
  excerptMinLines: 2,
  teaserMinLines: 3,
  teaserMaxPageShare: 0.5,
  threadMinSignatures: 2,
  threadSpan: 12,
  signatureMaxChars: 120,
  threadMinWriters: 3,
  threadEndGap: 8,
  threadMinWriterShare: 0.5,
  placeSignatureMaxChars: 50,
  placeThreadMinArticleChars: 1000,
  placeThreadMinArticleShare: 0.5,
  postFooterSignatureSpan: 2,
  listingMaxShare: 0.1,
  listingEntriesMaxShare: 0.3,
  recordLabelMaxChars: 24,
  recordLineMaxChars: 40,
  recordMinRepeats: 3,
  recordMaxGap: 10,
  recordMaxParagraphChars: 1000,
  creditRunShare: 0.5,
  recordsPageMinShare: 0.5,
  wholePageMaxShare: 0.05,
  wholePageMinWords: 4,
  wholePageMinWordyChars: 200,

  growMaxGap: 1,
  menuRunMin: 3,
  menuRunShare: 0.6,
  menuLinePenalty: 60,
  isolatedMaxChars: 300,
  isolatedWeight: 0.5,

  titleMaxChars: 300,
  titleSearchLines: 60,
  titleMinOverlap: 0.8,
  titleMinCover: 0.6,
  titleFollowLines: 8,
  titleDuplicateSpan: 3,
  headlineLookBack: 6,
  headlineMinWords: 3,
  shortProseMinWords: 3,

  languageSampleChars: 200_000,
  languageScriptShare: 0.3,
  languageKanaShare: 0.1,
  languageMinHits: 3,
  languageMinStopwordShare: 0.08,
  languageMinLead: 1.2,
};

/**
 * A line that announces a list and ends in a colon: "the following", "below", "list of", "as
 * follows", "here are", "these are", "include". A label alone ("Tags:", "Share this:") says none
 * of these, and is no prose line of the article's run anyway. Or a line that says "… listed
 * (shown, given, set out) below", at its end or with more after it ("… to the department listed
 * below. Please include …").
 */
export const ANNOUNCES_LIST = /\b(?:the following|below|list of|as follows|here (?:is|are)|these (?:are|were)|include|includes)\b[^:]*:\s*$|\b(?:listed|shown|given|set out) below\b/i;
