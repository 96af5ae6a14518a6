/**
 * Dates as pages write them, in the engine's nine languages (en, de, fr, es, it, pt, nl, pl,
 * ru): month and weekday names, numeric dates, times and "3 hours ago". Data plus one test,
 * `isDateLine`: is this short line only a date (and time), perhaps with a label such as
 * "Posted" or "Updated"? A feed of stories or a thread of comments repeats such lines, one
 * per item; an article has one at its top.
 */

/**
 * English-speaking regions that write a numeric date month first (11/20/2019), or both ways
 * (Canada). A page that declares English of any other region (en-GB, en-AU, en-IN) writes the
 * day first: 03/01/2020 is the 3rd of January there.
 */
export const MONTH_FIRST_ENGLISH_REGIONS: ReadonlySet<string> = new Set([
  'us', 'ca', 'ph', 'as', 'gu', 'mp', 'pr', 'um', 'vi', 'fm', 'mh', 'pw',
]);

/** Month names and abbreviations, with the month each names (one list per language). */
export const MONTH_NUMBERS: ReadonlyMap<string, number> = new Map(
  (
    [
      // en
      ['january', 'jan'], ['february', 'feb'], ['march', 'mar'], ['april', 'apr'], ['may'], ['june', 'jun'],
      ['july', 'jul'], ['august', 'aug'], ['september', 'sep', 'sept'], ['october', 'oct'], ['november', 'nov'],
      ['december', 'dec'],
      // de
      ['januar', 'jänner'], ['februar'], ['märz', 'mär'], [], ['mai'], ['juni'], ['juli'], [], [], ['oktober', 'okt'], [],
      ['dezember', 'dez'],
      // fr
      ['janvier', 'janv'], ['février', 'févr'], ['mars'], ['avril', 'avr'], [], ['juin'], ['juillet', 'juil'], ['août'],
      ['septembre'], ['octobre'], ['novembre'], ['décembre', 'déc'],
      // es
      ['enero', 'ene'], ['febrero'], ['marzo'], ['abril', 'abr'], ['mayo'], ['junio'], ['julio'], ['agosto', 'ago'],
      ['septiembre', 'setiembre'], ['octubre'], ['noviembre'], ['diciembre', 'dic'],
      // it
      ['gennaio', 'gen'], ['febbraio'], [], ['aprile'], ['maggio', 'mag'], ['giugno', 'giu'], ['luglio', 'lug'], [],
      ['settembre', 'set'], ['ottobre', 'ott'], [], ['dicembre'],
      // pt
      ['janeiro'], ['fevereiro', 'fev'], ['março'], [], ['maio'], ['junho'], ['julho'], [], ['setembro'],
      ['outubro', 'out'], ['novembro'], ['dezembro'],
      // nl
      ['januari'], ['februari'], ['maart'], [], ['mei'], [], [], ['augustus'], [], [], [], [],
      // pl (nominative and genitive)
      ['styczeń', 'stycznia'], ['luty', 'lutego'], ['marzec', 'marca'], ['kwiecień', 'kwietnia'], ['maj', 'maja'],
      ['czerwiec', 'czerwca'], ['lipiec', 'lipca'], ['sierpień', 'sierpnia'], ['wrzesień', 'września'],
      ['październik', 'października'], ['listopad', 'listopada'], ['grudzień', 'grudnia'],
      // ru (nominative and genitive)
      ['январь', 'января'], ['февраль', 'февраля'], ['март', 'марта'], ['апрель', 'апреля'], ['май', 'мая'],
      ['июнь', 'июня'], ['июль', 'июля'], ['август', 'августа'], ['сентябрь', 'сентября'], ['октябрь', 'октября'],
      ['ноябрь', 'ноября'], ['декабрь', 'декабря'],
    ] as string[][]
  ).flatMap((names, i) => names.map((name): [string, number] => [name, (i % 12) + 1])),
);

const MONTHS = [...MONTH_NUMBERS.keys()];

const WEEKDAYS = [
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag',
  'mo', 'di', 'mi', 'do', 'fr', 'sa', 'so',
  'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche',
  'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo',
  'lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato', 'domenica',
  'segunda', 'terça', 'quarta', 'quinta', 'sexta', 'feira',
  'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag',
  'poniedziałek', 'wtorek', 'środa', 'czwartek', 'piątek', 'sobota', 'niedziela',
  'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота', 'воскресенье',
];

/** Words that may stand beside a date in a date line (labels, "at", time zones, "ago"). */
const DATE_LINE_WORDS = [
  'posted', 'published', 'updated', 'last', 'on', 'at', 'am', 'pm', 'a', 'm', 'p', 'gmt', 'utc', 'est', 'edt', 'pst',
  'pdt', 'cet', 'cest', 'bst', 'ist', 'et', 'pt', 'of', 'the', 'th', 'st', 'nd', 'rd', 'de', 'del', 'di', 'le', 'um', 'uhr', 'à', 'às', 'h', 'ago', 'hours', 'hour', 'minutes', 'minute', 'days', 'day', 'weeks', 'week', 'hrs',
  'mins', 'today', 'yesterday', 'heute', 'gestern', 'hier', 'aujourd', 'hui', 'ayer', 'hoy', 'ieri', 'oggi',
  'ontem', 'hoje', 'gisteren', 'vandaag', 'wczoraj', 'dzisiaj', 'вчера', 'сегодня', 'в', 'г', 'года', 'veröffentlicht',
  'aktualisiert', 'publié', 'publicado', 'pubblicato', 'gepubliceerd', 'opublikowano', 'опубликовано',
];

const MONTH_SET: ReadonlySet<string> = new Set(MONTHS);
const WEEKDAY_SET: ReadonlySet<string> = new Set(WEEKDAYS);
const DATE_WORD_SET: ReadonlySet<string> = new Set(DATE_LINE_WORDS);

/** 2019-11-20, 20/11/2019, 20.11.19, 11/20/2019. */
const NUMERIC_DATE = /(?<!\d)(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2}))(?!\d)/u;
/** "3 hours ago", "vor 2 Stunden" is not covered: the label words above cover the common forms. */
const AGO = /\d+\s*(?:hours?|hrs?|minutes?|mins?|days?|weeks?)\s+ago/iu;
const TOKEN = /[\p{L}]+|\d+/gu;

/** The longest line that can be a date line. */
export const DATE_LINE_MAX_CHARS = 60;

/**
 * A short line that is only a date, perhaps with a time and a label ("Wednesday November 20,
 * 2019", "Posted 14/01/2008 1:40 PM", "5 hours ago"): every word is a month, a weekday, a
 * number or a date label, and it names a month or writes a numeric date.
 */
export function isDateLine(text: string): boolean {
  if (text.length > DATE_LINE_MAX_CHARS) return false;
  const numeric = NUMERIC_DATE.test(text) || AGO.test(text);
  let month = false;
  let hasDigit = false;
  const tokens = text.toLowerCase().match(TOKEN);
  if (!tokens) return false;
  for (const token of tokens) {
    const c = token.charCodeAt(0);
    if (c >= 48 && c <= 57) {
      if (token.length > 4) return false;
      hasDigit = true;
    } else if (MONTH_SET.has(token)) month = true;
    else if (!WEEKDAY_SET.has(token) && !DATE_WORD_SET.has(token)) return false;
  }
  return numeric || (month && hasDigit);
}

/** A clock time: 7:06 PM, 13:40, 8:21pm. */
const CLOCK = /(?<!\d)\d{1,2}:\d{2}(?!\d)/u;

/**
 * Does this short line carry a date or a time among other words ("Posted by: Walters on
 * December 29, 2007 01:15 PM", "Barak H - Israel (12/19/2007 16:36)")? The signature line of
 * a comment or a post has that shape; `isDateLine` is the stricter test for a line that is only a date.
 */
export function hasDate(text: string): boolean {
  if (NUMERIC_DATE.test(text) || AGO.test(text) || CLOCK.test(text)) return true;
  const tokens = text.toLowerCase().match(TOKEN);
  if (!tokens) return false;
  // A month name next to a number: "Dec 30", "29 December", "1 Jan 08".
  for (let i = 0; i < tokens.length; i++) {
    if (!MONTH_SET.has(tokens[i]!)) continue;
    const near = (j: number) => j >= 0 && j < tokens.length && /^\d{1,4}$/.test(tokens[j]!);
    if (near(i - 1) || near(i + 1)) return true;
  }
  return false;
}

/**
 * "Posted by: X | Jan 10, 2008 7:29 PM", "by Ann at 3:10 pm", "Ann wrote on 12/01/2008", and a
 * name after a comma in French, German, Spanish or Portuguese ("Le 3 juillet à 16:55, par Horus"):
 * who and when.
 */
const SIGNED = /^\s*(?:(?:posted|submitted|written|commented)\s+)?by\b|\b(?:wrote|says|said|posted)\b|,\s*(?:par|von|por)\s+\S/iu;

/**
 * A post's or a comment's signature line: a short line naming its writer ("by", "posted by",
 * "wrote") and carrying a date or a time.
 */
export function isSignatureLine(text: string, maxChars: number): boolean {
  return text.length <= maxChars && SIGNED.test(text) && hasDate(text);
}

/**
 * "Frances McErlane, Mallorca, Spain", "Dave, Truro, Cornwall", "tom, Southampton,": a name and
 * a place, two to four parts of a few words between commas, no digit, no sentence.
 */
const PLACE_SIGNED = /^\p{L}[^\d,.!?:;"“”()|•]{0,29}(?:,\s*[^\d,.!?:;"“”()|•\s][^\d,.!?:;"“”()|•]{0,29}){1,3},?\s*$/u;

/** A reader's signature of a name and a place, under a comment (see PLACE_SIGNED). */
export function isPlaceSignature(text: string, maxChars: number): boolean {
  if (text.length > maxChars || !PLACE_SIGNED.test(text)) return false;
  return text.split(/\s+/).length <= 8;
}

/** The name a place signature gives ("Jean Booth, Hague, Netherlands" → "jean booth"). */
export function placeSignatureName(text: string): string {
  return text.slice(0, text.indexOf(',')).trim().toLowerCase();
}

const BY_NAME = /(?:\bby|,\s*(?:par|von|por))\s*:?\s+(.+?)\s*(?:\||\bon\b|\bat\b|@|,|\(|-|\d|$)/iu;

/** The writer a signature line names ("Posted by: Sean | Jan 10" → "sean"), or null. */
export function signatureAuthor(text: string): string | null {
  const m = BY_NAME.exec(text);
  return m && m[1] ? m[1].toLowerCase() : null;
}
