/**
 * Words of a comment's header (engine/comments/header-lines.ts): the verb a blog theme puts
 * after the commenter's name ("Ann says:", "Ann sagt:", "Jean dit :") and the label it puts
 * before it ("by Ann", "von Ann", "par Jean"), in the engine's nine languages, as the common
 * blog engines' translations write them.
 */

/** "Ann says:" — the verb after a commenter's name, before a colon. */
export const SAYS_VERBS: readonly string[] = [
  'says', 'said', 'wrote',
  'sagt', 'sagte', 'schreibt', 'schrieb',
  'dit', 'a dit', 'a écrit',
  'dice', 'dijo', 'escribió',
  'ha detto', 'scrive', 'ha scritto',
  'diz', 'disse', 'escreveu',
  'zegt', 'schreef',
  'pisze', 'napisał', 'napisała', 'mówi',
  'пишет', 'написал', 'написала', 'говорит',
];

/** SAYS_VERBS as one regular-expression group (a space in a verb matches any run of spaces). */
export const SAYS_VERB_GROUP = `(?:${SAYS_VERBS.map((v) => v.replace(/ /g, '\\s+')).join('|')})`;

/** "by Ann", "von Ann", "par Jean": the word before a commenter's name ("di" is left out: Italian names start with it). */
export const BYLINE_WORDS: readonly string[] = ['by', 'von', 'par', 'por', 'door', 'przez', 'от'];

/** "Posted by", "Kommentar von", "Tracked on": what may stand before a byline's word or a header's date, never a name. */
export const BYLINE_LEADS: readonly string[] = [
  'posted', 'submitted', 'written', 'comment', 'commented', 'tracked', 'replied', 'updated', 'published',
  'veröffentlicht', 'publié', 'publicado', 'pubblicato', 'geplaatst', 'opublikowano', 'опубликовано',
  'kommentar', 'geschrieben', 'commentaire', 'écrit', 'comentario', 'escrito', 'commento', 'scritto',
  'comentário', 'reactie', 'geschreven', 'komentarz', 'napisane', 'комментарий',
];
