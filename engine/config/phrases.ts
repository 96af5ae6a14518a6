/**
 * Known boilerplate phrases, per block kind, in en, de, fr, es, it, pt, nl, pl and ru.
 * Shared by the text and HTML paths. Data only, plus one matcher:
 *
 *   import { matchBoilerplate } from '../config/phrases';
 *   matchBoilerplate('Please enter your comment!')   // { kind: 'comment-form', rule: 'comment-form: …' }
 *   matchBoilerplate('Die Katze schläft.')           // null
 *
 * Each rule has
 *  - `lines`: whole-line phrases. A block matches when its text, lower-cased with surrounding
 *    punctuation/symbols stripped and whitespace collapsed, equals one of them
 *    ("Share", "Reply", "Tout lire" …). Constant-time lookups.
 *  - `patterns`: regular expressions searched in the block's text (case-insensitive; written
 *    without nested quantifiers so they stay linear). Only blocks of at most `maxChars`
 *    characters are tested, so that an article paragraph that merely quotes a phrase is not
 *    flagged.
 * Rules are tried in order; the first match wins. Comment forms and threads come first since
 * they decide where an article ends.
 */
import type { BlockKind } from '../types';
import { HashBits } from '../hash-bits';
import { isJsSpace, singleSpaced } from '../spaces';
import { escapeRegExp } from '../regexp';

export interface PhraseRule {
  kind: BlockKind;
  /** Whole-line phrases, lower case, no surrounding punctuation. */
  lines: readonly string[];
  /** Searched in the block text (blocks up to `maxChars` only). */
  patterns: readonly Matcher[];
  /** Longest block (characters) the patterns are tested on. */
  maxChars: number;
  /**
   * Patterns that hint at the kind but also occur in ordinary text ("… says:"). A match is
   * reported with `strong: false`, like single-word `lines` matches.
   */
  weak?: readonly Matcher[];
  /**
   * Whole-line single words as telling as a phrase of several (a compound such as
   * "Leserkommentare", readers' comments): matched like `lines`, and strong.
   */
  strongWords?: readonly string[];
}

export interface PhraseMatch {
  kind: BlockKind;
  /** Human-readable: which rule and phrase matched. */
  rule: string;
  /**
   * A multi-word phrase or a pattern (rather than a single word such as "Reply" or a `weak`
   * pattern): strong enough to act on alone, e.g. to end an article at a comment form.
   */
  strong: boolean;
  /** The block is the phrase alone (a `lines` entry), as a heading is, not a sentence holding it. */
  whole?: boolean;
}

const BOUNDARY = '(?<![\\p{L}\\p{N}])';

/** A phrase as a pattern's source: its words escaped, any whitespace between them. */
export function phraseSource(phrase: string): string {
  return phrase
    .trim()
    .split(/\s+/)
    .map(escapeRegExp)
    .join('\\s+');
}

/** What a rule's pattern must do: a RegExp literal, or a phrase pattern compiled on first use. */
export interface Matcher {
  readonly source: string;
  /**
   * For phrase patterns: the phrase lower-cased with single spaces. A block whose lower-cased,
   * space-collapsed text does not contain it cannot match, and the regex is not run.
   */
  readonly literal?: string;
  exec(text: string): RegExpExecArray | null;
}

/**
 * A phrase pattern, built and compiled on first use: hundreds of case-insensitive Unicode
 * patterns cost ~100 ms to compile (and their sources a few ms to build), which would all land
 * on the Lambda's cold start. Each is built the first time a block contains its first word.
 */
class PhrasePattern implements Matcher {
  private compiled: RegExp | null = null;
  private built: string | null = null;
  private lowered: string | null = null;
  constructor(
    private readonly phrase: string,
    /** The phrase must start the block (after up to three bullets or symbols). */
    private readonly anchored: boolean,
  ) {}
  get source(): string {
    if (this.built === null) {
      this.built = `${this.anchored ? '^[^\\p{L}\\p{N}]{0,3}' : BOUNDARY}${phraseSource(this.phrase)}`;
    }
    return this.built;
  }
  get literal(): string {
    return (this.lowered ??= this.phrase.trim().toLowerCase().split(/\s+/).join(' '));
  }
  exec(text: string): RegExpExecArray | null {
    this.compiled ??= new RegExp(this.source, 'iu');
    return this.compiled.exec(text);
  }
}

/** The first word of a phrase, as block tokens are written (lower case, ’ as '). */
function firstWord(phrase: string): string {
  const trimmed = phrase.trimStart();
  const space = trimmed.search(/\s/);
  return stripEdgePunctuation((space < 0 ? trimmed : trimmed.slice(0, space)).toLowerCase().replace(/’/g, "'"));
}

/**
 * First word of each phrase pattern: a pattern is only run on a block that contains its first
 * word, so a block is scanned by a handful of patterns instead of hundreds.
 */
const FIRST_WORD = new WeakMap<Matcher, string>();

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

// Edges are found character by character: ASCII by hand, anything else by one small Unicode
// test. `/[^\p{L}\p{N}]+$/u` does the same but tries every position of the text.

/** Index of the first letter or digit of `text` from `from` on (`to` when there is none before it). */
function firstLetterOrDigit(text: string, from = 0, to = text.length): number {
  for (let i = from; i < to; ) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (isAsciiAlnum(c)) return i;
      i++;
      continue;
    }
    const size = isHighSurrogate(c) && i + 1 < to && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
    if (LETTER_OR_DIGIT.test(text.slice(i, i + size))) return i;
    i += size;
  }
  return to;
}

/** Index after the last letter or digit (or `keep`, a character code) of `text` between `start` and `to`. */
function afterLastLetterOrDigit(text: string, start: number, keep: number, to = text.length): number {
  for (let end = to; end > start; ) {
    const c = text.charCodeAt(end - 1);
    if (c < 0x80) {
      if (isAsciiAlnum(c) || c === keep) return end;
      end--;
      continue;
    }
    const size = isLowSurrogate(c) && end - 2 >= start && isHighSurrogate(text.charCodeAt(end - 2)) ? 2 : 1;
    if (LETTER_OR_DIGIT.test(text.slice(end - size, end))) return end;
    end -= size;
  }
  return start;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
}

/** Punctuation a phrase's first word may carry in the data ("¿", "«", "(", ":"…). */
const EDGE_PUNCTUATION = new Set([...'"\'«»“”‘’¿¡()[]{}.,;:!?…-–—*#|/']);

/**
 * `token()` for the phrase data, without its Unicode regexes: compiling those costs several
 * milliseconds, which would land on every cold start.
 */
function stripEdgePunctuation(word: string): string {
  let start = 0;
  let end = word.length;
  while (start < end && EDGE_PUNCTUATION.has(word[start]!)) start++;
  while (end > start && EDGE_PUNCTUATION.has(word[end - 1]!)) end--;
  return word.slice(start, end);
}

/** `a b c` → /(?<![\p{L}\p{N}])a\s+b\s+c/iu: a phrase starting at a word boundary. */
function p(...phrases: string[]): Matcher[] {
  return phrases.map((ph) => keyed(new PhrasePattern(ph, false), ph));
}

/**
 * What only a legal notice says ("All rights reserved", "may not be reproduced"), in any
 * sentence of it: the legal rule's phrases, and on their own the test for a long notice
 * (see matchLongNotice).
 */
const LEGAL_SENTENCES = p('all rights reserved', 'alle rechte vorbehalten', 'tous droits réservés', 'todos los derechos reservados',
  'tutti i diritti riservati', 'todos os direitos reservados', 'alle rechten voorbehouden',
  'wszelkie prawa zastrzeżone', 'все права защищены', 'may not be reproduced', 'may not be published, broadcast',
  'without prior written permission', 'this material may not be', 'no part may be reproduced',
  'no part of this publication may be', 'this document is subject to copyright', 'without the written permission',
  'have not been evaluated by the food and drug administration', 'is copyrighted by');

/**
 * What only a comment thread's policy says ("Comment posters are responsible for the opinions
 * they express", "we reserve the right to remove comments"): comment-form phrases, and on their
 * own the test for a policy paragraph too long for the phrase scan (see matchLongNotice).
 */
const COMMENT_POLICY = [
  ...p('responsible for the opinions they express', 'monitored for inappropriate content', 'comments are moderated'),
  containing('represent', /\bcomments? represents? the (?:individual|personal|author|writer|poster)/iu),
  containing('the right to', /\breserves? the right to (?:remove|delete|edit|reject)\b.{0,40}\b(?:comments?|posts?|submissions?)\b/iu),
];

/**
 * A pattern run only on a text that contains `literal` (lower case, single spaces: a part of
 * the pattern every match has): as a phrase pattern, most blocks skip its regex at once.
 */
function containing(literal: string, re: RegExp): Matcher {
  return { source: re.source, literal, exec: (text) => re.exec(text) };
}

/**
 * A pattern that only matches at the end of a text ending in `suffix`: run only on such texts
 * (its lookbehind would otherwise be tried at every space of every block).
 */
function endingWith(suffix: string, re: RegExp): Matcher {
  return { source: re.source, exec: (text) => (text.endsWith(suffix) ? re.exec(text) : null) };
}

/** Phrases must start the block (after bullets/symbols). */
function start(...phrases: string[]): Matcher[] {
  return phrases.map((ph) => keyed(new PhrasePattern(ph, true), ph));
}

function keyed(pattern: PhrasePattern, phrase: string): PhrasePattern {
  const first = firstWord(phrase);
  if (first) FIRST_WORD.set(pattern, first);
  return pattern;
}

export const BOILERPLATE_PHRASES: readonly PhraseRule[] = [
  {
    kind: 'comment-form',
    maxChars: 220,
    lines: [
      'comment', 'comments', 'name', 'email', 'e-mail', 'website', 'url', 'post comment', 'submit comment',
      'password', 'subject', 'message', 'add your view',
      'submit', 'send', 'cancel reply', 'leave a reply', 'leave a comment', 'post a comment', 'add a comment',
      'add comment', 'write a comment', 'your comment', 'your name', 'your email', 'name (required)',
      'email (required)', 'mail (will not be published) (required)', 'kommentar', 'kommentare', 'webseite',
      'kommentar abschicken', 'antwort abbrechen', 'commentaire', 'commentaires', 'nom', 'site web',
      'annuler la réponse', 'comentario', 'comentarios', 'nombre', 'correo electrónico', 'sitio web',
      'cancelar respuesta', 'commento', 'commenti', 'nome', 'sito web', 'annulla risposta', 'comentário',
      'comentários', 'cancelar resposta', 'reactie', 'reacties', 'naam', 'reactie annuleren', 'komentarz',
      'komentarze', 'imię', 'anuluj pisanie odpowiedzi', 'комментарий', 'комментарии', 'имя', 'отменить ответ',
    ],
    patterns: [
      ...COMMENT_POLICY,
      ...start('submit comment'),
      ...p('commenter has not followed', 'comment entries are limited to'),
      ...p(
        // en
        'please enter your comment', 'please enter your name', 'please enter your email',
        'you have entered an incorrect email', 'leave a reply', 'leave a comment', 'post a comment',
        'your email address will not be published', 'your e-mail address will not be published',
        'required fields are marked', 'notify me of follow-up comments',
        // a form's labels with the marker first, as a flattened form reads: "(Required) Your e-mail address"
        '(required) name', '(required) your name', '(required) email', '(required) e-mail', '(required) your email',
        '(required) your e-mail', '(required) comment', '(required) comments', '(required) your comment',
        'notify me of new comments', 'notify me of new posts', 'save my name, email', 'join the discussion',
        'you must be logged in to post', 'log in to leave a comment', 'sign in to comment',
        'login to comment', 'comments are closed', 'comments are now closed', 'comments have been closed',
        'comments have now been closed', 'commenting is closed', 'commenting has been closed',
        'this site uses akismet', 'by submitting your comment', 'start the conversation', 'join the conversation',
        'be the first to comment', 'add your comment', 'write your comment', 'leave your comment',
        'by posting you agree', 'limit your comments',
        'post your comment', 'feedback is now closed',
        // a thread's moderation policy, in the languages below too
        'approved by the moderator', 'approved by a moderator', 'aprovados pelo moderador', 'aprovado pelo moderador',
        'aprobados por el moderador', 'aprobado por el moderador', 'approvati dal moderatore', 'approvato dal moderatore',
        'validés par le modérateur', 'vom moderator freigeschaltet', 'door de moderator goedgekeurd',
        'zatwierdzone przez moderatora', 'одобрены модератором', 'проверки модератором',
        // de
        'schreibe einen kommentar', 'hinterlasse einen kommentar', 'kommentar verfassen',
        'kommentar schreiben', 'e-mail-adresse wird nicht veröffentlicht', 'erforderliche felder sind',
        'pflichtfelder sind mit', 'bitte geben sie ihren kommentar', 'bitte geben sie hier ihren namen',
        'meinen namen, meine e-mail-adresse', 'benachrichtige mich über', 'kommentare sind geschlossen',
        // fr
        'laisser un commentaire', 'laisser une réponse', 'ajouter un commentaire', 'poster un commentaire',
        'publier un commentaire', 'adresse e-mail ne sera pas publiée', 'adresse de messagerie ne sera pas publiée', 'adresse email ne sera pas publiée', 'champs obligatoires sont indiqués',
        'veuillez entrer votre commentaire', 'veuillez entrer votre nom', 'veuillez saisir votre commentaire',
        'enregistrer mon nom, mon e-mail', 'prévenez-moi de tous les nouveaux', 'les commentaires sont fermés',
        // es
        'deja un comentario', 'deja una respuesta', 'dejar un comentario', 'escribe tu comentario',
        'añadir comentario', 'publicar comentario', 'correo electrónico no será publicada', 'correo electrónico no será publicado', 'los campos obligatorios están marcados',
        'por favor ingrese su comentario', 'por favor, introduce tu comentario', 'por favor ingrese su nombre',
        'guarda mi nombre, correo electrónico', 'los comentarios están cerrados',
        // it
        'lascia un commento', 'lascia una risposta', 'scrivi un commento', 'aggiungi un commento',
        'indirizzo email non sarà pubblicato', 'indirizzo e-mail non sarà pubblicato', 'i campi obbligatori sono contrassegnati', 'inserisci il tuo commento',
        'per favore inserisci il tuo commento', 'per favore inserisci il tuo nome',
        'salva il mio nome, email', 'i commenti sono chiusi',
        // pt
        'deixe um comentário', 'deixe uma resposta', 'deixe seu comentário', 'publicar comentário',
        'e-mail não será publicado', 'email não será publicado', 'campos obrigatórios são marcados', 'por favor, digite seu comentário',
        'por favor digite seu comentário', 'por favor digite seu nome', 'por favor, insira o seu comentário',
        'salvar meus dados neste navegador', 'comentários encerrados',
        // nl
        'laat een reactie achter', 'geef een reactie', 'plaats een reactie', 'reactie plaatsen',
        'e-mailadres wordt niet gepubliceerd', 'vereiste velden zijn gemarkeerd', 'voer je reactie in',
        'vul hier uw naam in', 'vul hier je naam in', 'mijn naam, e-mail en site bewaren',
        // pl
        'dodaj komentarz', 'zostaw komentarz', 'napisz komentarz', 'skomentuj', 'opublikuj komentarz',
        'e-mail nie zostanie opublikowany', 'email nie zostanie opublikowany', 'wymagane pola są oznaczone', 'wpisz swój komentarz',
        'proszę wpisać swój komentarz', 'wpisz tutaj swoje imię', 'podaj swoje imię',
        // ru
        'оставить комментарий', 'оставьте комментарий', 'добавить комментарий', 'написать комментарий',
        'отправить комментарий', 'email не будет опубликован', 'e-mail не будет опубликован', 'почты не будет опубликован', 'обязательные поля помечены',
        'пожалуйста, введите ваш комментарий', 'пожалуйста, введите ваше имя', 'введите ваш комментарий',
      ),
    ],
  },
  {
    kind: 'comments',
    maxChars: 80,
    lines: [
      'reply', 'replies', 'report', 'report abuse', 'flag', 'like', 'dislike', 'permalink', 'load more comments',
      'show more comments', 'view comments', 'show comments', 'hide comments', 'view all comments',
      'newest', 'oldest', 'newest first', 'oldest first', 'best', 'top comments', 'sort by',
      'discussion', 'conversation', 'antworten', 'melden', 'répondre', 'signaler', 'responder',
      'denunciar', 'rispondi', 'segnala', 'responder', 'beantwoorden', 'antwoord', 'odpowiedz', 'zgłoś',
      'ответить', 'пожаловаться',
      // Headings that open a thread of readers' comments (several words: strong).
      'reader comments', 'readers comments', "readers' comments", 'user comments', 'your comments',
      'your say', 'have your say', 'what you think', 'what do you think', 'tell us what you think',
      'readers respond', 'reader responses', 'reader reactions',
      'discuss this article', 'discuss this story', 'comments on this article', 'comments on this story',
      'report this comment', 'report comment', 'report this post', 'reply to this comment', 'recommend this comment',
      'report as inappropriate', 'flag as inappropriate', 'report inappropriate content',
      'article comments', 'story comments', 'missbrauch melden', 'kommentar melden',
      'beitrag melden', 'signaler un abus', 'signaler ce commentaire', 'reportar abuso', 'denunciar abuso',
      'segnala abuso', 'misbruik melden', 'zgłoś nadużycie', 'пожаловаться на комментарий',
      'ihre meinung', 'kommentare zu diesem artikel', 'diskutieren sie mit',
      'vos commentaires', 'vos réactions', 'réagissez', 'commentaires des lecteurs',
      'comentarios de los lectores', 'tu opinión', 'sus comentarios', 'deja tu opinión',
      'commenti dei lettori', 'i vostri commenti', 'la tua opinione', 'dì la tua',
      'comentários dos leitores', 'sua opinião', 'deixe sua opinião', 'seus comentários',
      'reacties van lezers', 'uw reactie', 'jouw reactie', 'praat mee',
      'komentarze czytelników', 'twoja opinia', 'wasze komentarze', 'opinie czytelników',
      'комментарии читателей', 'ваше мнение', 'ваши комментарии',
    ],
    strongWords: ['talkback', 'talkbacks', 'leserkommentare'],
    patterns: [
      // A count opens a thread; a count of none ("0 comments", "Comments (0)") is only a label (weak, below).
      /^[^\p{L}\p{N}]{0,3}(?!0(?![\d,.]))\d[\d,.\s]{0,8}(?:comments?|responses?|replies|thoughts? on|reactions?|kommentare?|commentaires?|comentarios?|comentários?|commenti|commento|reacties?|komentarz[ey]?|komentarzy|комментари[йяев]{1,2})(?![\p{L}])/iu,
      /^[^\p{L}\p{N}]{0,3}(?:comments?|kommentare|commentaires|comentarios|comentários|commenti|reacties|komentarze|комментарии)\s*[([]\s*(?!0\s*[)\]])\d{1,6}\s*[)\]]/iu,
      /^[^\p{L}\p{N}]{0,3}one (?:comments?|responses?|thoughts? on)/iu,
      ...start('load more comments', 'show more comments', 'view all comments', 'show all comments', 'have your say on',
        'have your say read', 'have a view on this'),
      ...p('report this comment', 'email this comment'),
      // An item of a bar of controls ("Quote | Report this post", "Post comment | Terms | Report
      // Abuse"), not the words in a sentence ("Call the hotline to report abuse.").
      /(?:^|[|•·])\s*(?:report abuse|report this post)\s*(?:[|•·]|$)/iu,
    ],
    weak: [
      // A commenter's name before the verb, or a longer header with the comment's date or time
      // ("Milan on September 12, 2018 at 4:47 pm said:"); a longer line without one is a story's
      // sentence that introduces a quote ("In listing his conditions before he would testify, Schreiber said:").
      // Fewer verbs than a comment's header knows (config/comment-headers.ts): here a short line of
      // the article may be one ("Plantur sagt:" opening a quote in a German post).
      endingWith(
        ':',
        /(?<=^(?:.{0,50}|.*(?:(?:19|20)\d\d|\d:\d\d).*))\s(?:says|said|wrote|schreibt|schrieb|dit|a écrit|dice|dijo|scrive|diz|disse|zegt|schreef|pisze|napisał|пишет|написал)\s?:$/iu,
      ),
      ...start('in reply to', 'reply to', 'replying to', 'load more', 'show more replies'),
      /^[^\p{L}\p{N}]{0,3}(?:0|no) (?:comments?|responses?|replies|thoughts? on|reactions?)(?![\p{L}])/iu,
      /^[^\p{L}\p{N}]{0,3}(?:comments?|kommentare|commentaires|comentarios|comentários|commenti|reacties|komentarze|комментарии)\s*[([]\s*0\s*[)\]]/iu,
    ],
  },
  {
    kind: 'consent',
    maxChars: 600,
    lines: ['accept', 'accept all', 'accept cookies', 'i accept', 'i agree', 'agree', 'got it', 'ok, got it',
      'allow cookies', 'reject all', 'manage cookies', 'cookie settings', 'cookie policy', 'cookies',
      'alle akzeptieren', 'akzeptieren', 'tout accepter', 'accepter', 'aceptar', 'aceptar todo', 'accetta',
      'accetta tutti', 'aceitar', 'aceitar todos', 'accepteren', 'alles accepteren', 'akceptuję',
      'zaakceptuj wszystkie', 'принять', 'принять все'],
    patterns: [
      ...p(
        'uses cookies', 'use cookies', 'we use cookies', 'this website uses cookies', 'this site uses cookies',
        'by continuing to use this site', 'by continuing to browse', 'by using this site, you agree',
        'by using our site, you', 'you consent to our use of cookies', 'consent to the use of cookies',
        'accept cookies', 'cookie policy', 'cookie settings', 'manage your cookie',
        'verwendet cookies', 'wir verwenden cookies', 'verwenden wir cookies', 'nutzt cookies', 'nutzen wir cookies',
        'setzen wir cookies', 'cookie-einstellungen',
        'utilise des cookies', 'nous utilisons des cookies', 'utilisation de cookies', 'utilisation des cookies',
        'utiliza cookies', 'utilizamos cookies', 'usamos cookies', 'uso de cookies', 'política de cookies',
        'utilizza cookie', 'utilizziamo i cookie', 'utilizza i cookie', 'uso dei cookie',
        'utiliza cookies', 'usa cookies', 'maakt gebruik van cookies', 'gebruikt cookies', 'wij gebruiken cookies',
        'używa plików cookie', 'używamy plików cookie', 'pliki cookie',
        'использует файлы cookie', 'используем файлы cookie', 'использует cookie',
      ),
    ],
  },
  {
    kind: 'newsletter',
    maxChars: 260,
    lines: ['subscribe', 'sign up', 'newsletter', 'newsletters', 'abonnieren', "s'abonner", 'suscribirse',
      'suscríbete', 'iscriviti', 'assinar', 'assine', 'inscreva-se', 'abonneren', 'nieuwsbrief', 'subskrybuj',
      'zapisz się', 'подписаться', 'рассылка'],
    patterns: [
      ...p(
        'subscribe to our newsletter', 'sign up for our newsletter', 'sign up for the', 'sign up to our',
        'signing up to our', 'sign up to receive', 'subscribe to our', 'newsletter subscription',
        'delivered via email', 'delivered via e-mail', 'delivered by email', 'delivered by e-mail', 'we email you',
        'e-mail newsletters', 'email newsletters', 'click here to sign up', 'news by e-mail', 'news by email',
        'headlines per email', 'headlines per e-mail', 'headlines by email', 'headlines by e-mail',
        'unsubscribe at any time', 'successfully subscribed', 'succesfully subscribed', 'activate your subscription',
        'subscribe to the', 'get our newsletter', 'join our newsletter', 'join our mailing list',
        'enter your email address', 'enter your e-mail', 'your inbox', 'delivered to your inbox',
        'straight to your inbox', 'newsletter abonnieren', 'für unseren newsletter', 'zum newsletter anmelden',
        'abonnez-vous à notre newsletter', 'inscrivez-vous à notre newsletter', 'inscrivez-vous à la newsletter',
        'suscríbete a nuestro boletín', 'suscríbete a nuestra newsletter', 'suscríbete al boletín',
        'iscriviti alla nostra newsletter', 'iscriviti alla newsletter', 'assine nossa newsletter',
        'assine a nossa newsletter', 'inscreva-se na nossa newsletter', 'schrijf je in voor onze nieuwsbrief',
        'abonneer op onze nieuwsbrief', 'meld je aan voor', 'zapisz się do newslettera',
        'zapisz się na newsletter', 'подпишитесь на нашу рассылку', 'подписаться на рассылку',
      ),
    ],
  },
  {
    kind: 'share',
    maxChars: 60,
    lines: [
      'share', 'share this', 'share this article', 'share this story', 'share this post', 'share on facebook',
      'share on twitter', 'share on linkedin', 'share via email', 'share via e-mail', 'tweet', 'tweet this',
      'pin it', 'facebook', 'twitter', 'linkedin', 'whatsapp', 'pinterest', 'reddit', 'tumblr', 'telegram',
      'messenger', 'email', 'e-mail', 'print', 'copy link', 'copy url', 'link copied', 'email this',
      'print this', 'comment', 'save', 'bookmark', 'share article', 'shares', 'print article', 'print story',
      'refer to a friend', 'email to a friend', 'e-mail to a friend', 'print this story', 'printer-friendly version',
      'printer friendly version', 'email a friend', 'email-a-friend', 'teilen', 'artikel teilen',
      'drucken', 'partager', 'partager cet article', 'imprimer', 'compartir', 'imprimir', 'condividi',
      'stampa', 'compartilhar', 'partilhar', 'delen', 'printen', 'udostępnij', 'drukuj', 'поделиться',
      'печать', 'vk', 'ok', 'xing', 'flipboard', 'email facebook twitter', 'facebook twitter',
      // the social bookmarks of the 2000s
      'digg', 'stumbleupon', 'newsvine', 'technorati', 'furl', 'save this page', 'listen to article',
      'listen to this article',
    ],
    patterns: [
      ...start('share this', 'share on', 'share via', 'share the', 'click to share', 'click to email', 'recommend this',
        'click to print', 'printer friendly', 'printer-friendly', 'send this article', 'send this story',
        'like this story?', 'like this article?', 'print article', 'print this page', 'add to del.icio.us',
        'post to del.icio.us', 'email article', 'e-mail article', 'print page', 'copy link', 'digg this',
        'mail this story', 'auf facebook teilen', 'partager sur', 'compartir en', 'condividi su',
        'compartilhar no', 'delen op', 'udostępnij na', 'поделиться в'),
    ],
  },
  {
    kind: 'related',
    maxChars: 80,
    lines: ['related', 'related articles', 'related posts', 'related stories', 'related news', 'related content',
      'related links', 'related sections', 'headlines', "editor's choice", 'external links',
      'related coverage', 'related topics', 'recommended', 'recommended for you', 'more stories',
      'more news', 'most popular', 'most read', 'most viewed', 'trending', 'trending now', 'read more',
      'read next', 'up next', 'you may also like', 'you might also like', 'more from', 'top stories',
      'explore further', 'internal links', 'web links',
      'latest news', 'latest', 'popular', 'trending news', 'more news', 'more videos', 'related video', 'related videos', 'editor\'s picks', 'ähnliche artikel', 'mehr zum thema',
      'das könnte sie auch interessieren', 'meistgelesen', 'weitere artikel', 'articles similaires',
      'à lire aussi', 'lire aussi', 'sur le même sujet', 'les plus lus', 'artículos relacionados',
      'te puede interesar', 'también te puede interesar', 'lo más leído', 'noticias relacionadas',
      'articoli correlati', 'potrebbe interessarti', 'leggi anche', 'i più letti', 'artigos relacionados',
      'leia também', 'veja também', 'mais lidas', 'você pode gostar', 'você também pode gostar',
      'você pode se interessar', 'vous aimerez aussi', 'vous aimerez peut-être', 'ti potrebbe interessare',
      'potrebbe interessarti anche', 'das könnte dich auch interessieren', 'puede que te guste', 'gerelateerde artikelen', 'lees ook', 'meer nieuws',
      'meest gelezen', 'podobne artykuły', 'zobacz też', 'zobacz także', 'czytaj także', 'czytaj też',
      'najczęściej czytane', 'похожие статьи', 'читайте также', 'смотрите также', 'популярное'],
    patterns: [
      ...start('more in ', 'more from ', 'related:', 'most blogged', 'more articles in ', 'next article in ',
        'diese artikel könnten', 'diese beiträge könnten', 'related articles', 'related stories', 'related posts', 'read more:', 'read also',
        'see also:', 'you may also like', 'you might also like', 'recommended for you', 'more from',
        'more on this', 'more about', 'also read', 'read next', 'don\'t miss', 'lesen sie auch',
        'mehr zum thema', 'lire aussi', 'à lire aussi', 'lee también', 'leer más', 'leggi anche',
        'leia também', 'você pode gostar', 'você também pode gostar', 'lees ook', 'czytaj też', 'czytaj także',
        'читайте также', 'related to this story', 'related to story', 'other news', 'other stories',
        'more headlines', 'top headlines', 'latest headlines', 'latest stories', 'recent articles',
        'recent stories', 'recent posts', "today's most", 'most read', 'most popular', 'most viewed',
        'most emailed', 'most e-mailed', 'most commented', 'sponsored links', 'more great ',
        'latest related', 'other articles by', 'more articles by', 'other stories by', 'more stories by'),
    ],
  },
  {
    // A link to another story set into the article: the words that introduce it, then its
    // headline ("READ MORE: China plague outbreak confirmed: Two diagnosed in Beijing").
    kind: 'related',
    maxChars: 160,
    lines: [],
    patterns: [...start('read more:', 'related:', 'see also:', 'also read:', 'read also:')],
  },
  {
    kind: 'ad',
    maxChars: 70,
    lines: ['advertisement', 'advertisements', 'advertising', 'ad', 'ads', 'sponsored', 'sponsored content',
      'paid content', 'promoted', 'promoted content', 'partner content', 'story continues below',
      'story continues', 'article continues', 'advert', 'iklan', 'subscription deals',
      'article continues below', 'continue reading below', 'continue reading the main story',
      'story continues below advertisement', 'anzeige', 'werbung', 'publicité', 'publicidad', 'pubblicità',
      'publicidade', 'advertentie', 'reklama', 'реклама'],
    patterns: [...start('advertisement', 'sponsored by', 'story continues below', 'article continues below',
      'continue reading below', 'ad feedback', 'report this ad')],
  },
  {
    kind: 'legal',
    maxChars: 300,
    lines: ['privacy policy', 'privacy', 'terms of use', 'terms of service', 'terms and conditions', 'terms',
      'cookie policy', 'imprint', 'legal', 'legal notice', 'disclaimer', 'accessibility', 'sitemap',
      'impressum', 'datenschutz', 'datenschutzerklärung', 'agb', 'mentions légales', 'confidentialité',
      'aviso legal', 'política de privacidad', 'note legali', 'privacy', 'política de privacidade',
      'privacybeleid', 'polityka prywatności', 'regulamin', 'политика конфиденциальности'],
    patterns: [
      /(?:©|\(c\)|copyright)\s*(?:\d{4}|[^\d\s]{1,40}\s\d{4})/iu,
      /\d{4}\s*(?:©|\(c\))/iu,
      ...LEGAL_SENTENCES,
    ],
    weak: [/©/u],
  },
  {
    // A site's disclaimer about all of its pages ("Information on this site is provided for
    // informational purposes and is not meant to substitute for the advice of your physician"):
    // a paragraph long, so it has its own length bound.
    kind: 'legal',
    maxChars: 1200,
    lines: [],
    patterns: [
      /^(?:the )?(?:information|materials?|contents?)(?: (?:contained|provided|published))? (?:on|in) this (?:web ?site|site)\b.{0,80}?\b(?:informational purposes|not (?:meant|intended) to (?:substitute|replace)|in no way intended to)/iu,
    ],
  },
  {
    kind: 'navigation',
    maxChars: 40,
    lines: ['home', 'menu', 'main menu', 'search', 'skip to content', 'skip to main content', 'skip navigation',
      'log in', 'login', 'sign in', 'sign out', 'log out', 'register', 'my account', 'toggle navigation',
      'create an account',
      'close', 'open menu', 'close menu', 'back to top', 'return to top', 'next', 'previous', 'next article',
      'previous article', 'next post', 'previous post', 'more', 'less', 'sections', 'navigation', 'go',
      'top of page', 'top of the page', 'lost password', 'lost your password', 'forgot password', 'forgot your password',
      'startseite', 'suche', 'anmelden', 'accueil', 'rechercher', 'connexion', 'inicio', 'buscar',
      'iniciar sesión', 'cerca', 'accedi', 'início', 'pesquisar', 'entrar', 'zoeken', 'inloggen',
      'szukaj', 'strona główna', 'zaloguj się', 'главная', 'поиск', 'войти'],
    patterns: [...start('skip to', 'jump to', 'go to', 'back to', 'already a member')],
  },
  {
    kind: 'tags',
    maxChars: 300,
    lines: ['tags', 'topics', 'tagged', 'categories', 'filed under'],
    patterns: [...start('tags:', 'tagged:', 'tagged with', 'topics:', 'filed under', 'categories:', 'category:',
      'schlagwörter', 'schlagworte:', 'themen:', 'mots-clés', 'mots clés', 'etiquetas:', 'temas:', 'tag:',
      'argomenti:', 'tagi:', 'tags', 'теги:', 'метки:')],
  },
  {
    kind: 'author',
    maxChars: 80,
    lines: [],
    patterns: [
      /^(?:by|written by|posted by|words by|von|par|por|door|autor|autore|autora|автор)[:\s]\s*\p{Lu}/u,
      /^(?:By|BY)\s+\p{Lu}/u,
      ...start('about the author', 'über den autor', 'à propos de l\'auteur', 'sobre el autor', 'sull\'autore',
        'sobre o autor', 'over de auteur', 'o autorze', 'об авторе'),
    ],
  },
  {
    kind: 'metadata',
    maxChars: 80,
    lines: [],
    patterns: [
      ...start('published', 'updated', 'last updated', 'posted on', 'posted', 'first published',
        'veröffentlicht', 'aktualisiert', 'stand:', 'publié le', 'mis à jour', 'publicado', 'actualizado',
        'pubblicato', 'aggiornato', 'atualizado', 'gepubliceerd', 'bijgewerkt', 'opublikowano',
        'aktualizacja', 'опубликовано', 'обновлено'),
      /(?<![\p{L}])\d{1,3}\s?(?:min(?:ute)?s?\.?\s(?:read|lesezeit|de lecture|de lectura|di lettura|de leitura|leestijd|czytania))/iu,
      /^[^\p{L}\p{N}]{0,3}(?:updated\s)?\d{1,3}\s?(?:s|m|h|d|w|mins?|minutes?|hrs?|hours?|days?|weeks?|months?|years?)\sago(?![\p{L}])/iu,
      ...p('reading time', 'lesezeit', 'temps de lecture', 'tiempo de lectura', 'tempo di lettura',
        'tempo de leitura', 'leestijd', 'czas czytania', 'время чтения'),
    ],
  },
  {
    // The labels a page reads out before a picture's caption and credit, left in its text by
    // the scraper ("Image caption Taylor Swift's seventh album…", "Image copyright Getty Images").
    kind: 'caption',
    maxChars: 300,
    lines: [],
    patterns: [...start('image caption', 'image copyright', 'media caption', 'picture caption')],
  },
  {
    kind: 'boilerplate',
    maxChars: 160,
    lines: ['loading', 'loading...', 'click here', 'javascript is disabled', 'image', 'photo', 'video',
      'watch', 'listen', 'play', 'audio', 'gallery', 'view gallery', 'enlarge', 'expand', 'collapse',
      'toggle caption', 'hide caption', 'show caption', 'caption', 'click to enlarge', 'click photo to enlarge',
      'click image to enlarge', 'view larger image', 'enlarge this image', 'videos', 'photos', 'text size',
      'font size', 'article tools', 'story tools', 'close modal', 'x', 'advertise', 'contact', 'contact us',
      'about', 'about us', 'careers', 'help', 'faq', 'rss', 'rss feeds', 'no thanks', 'feedback', 'follow us',
      'follow', 'subscribe now', 'download the app', 'get the app'],
    patterns: [
      ...p('click here to get the', 'please enable javascript', 'enable javascript', 'javascript is disabled', 'javascript is required',
        'your browser does not support', 'your browser is out of date', 'update your browser',
        'unable to load the stylesheet', 'unable to load the style sheet', 'page is best viewed', 'turn on notifications',
        'flash player', 'adobe flash', 'flash plugin', 'video is unavailable', 'video is not available',
        'video is playable',
        'ad blocker', 'adblocker', 'ad-blocker', 'disable your ad', 'turn off your ad',
        'follow us on', 'like us on facebook', 'click here to explore', 'send photos, videos', 'send us your photos',
        'send us your pictures', 'folgen sie uns', 'suivez-nous', 'síguenos', 'seguici',
        'siga-nos', 'volg ons', 'obserwuj nas', 'подписывайтесь на нас'),
      ...start('text size', 'font size'),
      // "Follow Newsbeat on Instagram, Facebook, Twitter and YouTube": the site's or the writer's accounts.
      /^follow\s.{0,80}?\bon\s+(?:twitter|facebook|instagram|linkedin|youtube|tiktok|threads|mastodon|bluesky)\b/iu,
    ],
  },
];

const LINE_INDEX: ReadonlyMap<string, BlockKind> = (() => {
  const index = new Map<string, BlockKind>();
  for (const rule of BOILERPLATE_PHRASES) {
    for (const line of [...rule.lines, ...(rule.strongWords ?? [])]) if (!index.has(line)) index.set(line, rule.kind);
  }
  return index;
})();

/** Single-word lines that are strong all the same (PhraseRule.strongWords). */
const STRONG_WORDS: ReadonlySet<string> = new Set(BOILERPLATE_PHRASES.flatMap((rule) => rule.strongWords ?? []));

/**
 * The whole-line phrases without their spaces, for headings set letter by letter
 * ("R E A D E R C O M M E N T S"): spaced out, a heading's word breaks are lost with its letters'.
 */
const SPACED_LINE_INDEX: ReadonlyMap<string, BlockKind> = (() => {
  const index = new Map<string, BlockKind>();
  for (const [line, kind] of LINE_INDEX) {
    const key = line.replace(/ /g, '');
    if (line.includes(' ') && !index.has(key)) index.set(key, kind);
  }
  return index;
})();

/** Single letters with one space between: a heading set letter by letter (five letters at least). */
const LETTER_SPACED = /^(?:\p{L} ){4,}\p{L}$/u;

/** Longest whole-line phrase: longer texts skip the exact-line lookup. */
const LONGEST_LINE = Math.max(...BOILERPLATE_PHRASES.flatMap((r) => r.lines.map((l) => l.length)));

/** Lower-cased, whitespace collapsed, surrounding non-letter/digit characters stripped (a closing `)` kept). */
/**
 * The one word a comment section's heading often is ("Comments", "Kommentare"): weak alone,
 * since form labels are such words too ("Email", "Name"), but it names the thread.
 */
const COMMENT_WORDS = new Set(['comment', 'comments', 'kommentar', 'kommentare', 'commentaire', 'commentaires',
  'comentario', 'comentarios', 'comentário', 'comentários', 'commento', 'commenti', 'reactie', 'reacties',
  'komentarz', 'komentarze', 'комментарий', 'комментарии']);

/** Is this line a comment section's heading: a comments phrase, or the bare word "Comments"? */
export function isCommentHeading(text: string, match: PhraseMatch | null): boolean {
  if (!match) return false;
  return match.kind === 'comments' || (match.kind === 'comment-form' && COMMENT_WORDS.has(normalizePhrase(text)));
}

export function normalizePhrase(text: string): string {
  const start = firstLetterOrDigit(text);
  const end = afterLastLetterOrDigit(text, start, 0x29);
  return singleSpaced(text.slice(start, end)).toLowerCase();
}

interface PatternEntry {
  rule: PhraseRule;
  re: Matcher;
  weak: boolean;
  /** Rule order, then patterns before weak patterns: the first match in this order wins. */
  order: number;
}

const UNKEYED: PatternEntry[] = [];
const BY_FIRST_WORD = new Map<string, PatternEntry[]>();
{
  let order = 0;
  for (const rule of BOILERPLATE_PHRASES) {
    const all: [Matcher, boolean][] = [
      ...rule.patterns.map((re): [Matcher, boolean] => [re, false]),
      ...(rule.weak ?? []).map((re): [Matcher, boolean] => [re, true]),
    ];
    for (const [re, weak] of all) {
      const entry: PatternEntry = { rule, re, weak, order: order++ };
      const key = FIRST_WORD.get(re);
      if (key === undefined) UNKEYED.push(entry);
      else {
        const list = BY_FIRST_WORD.get(key) ?? [];
        list.push(entry);
        BY_FIRST_WORD.set(key, list);
      }
    }
  }
}

/** Longest block any pattern is tested on. */
const LONGEST_PATTERN_BLOCK = Math.max(...BOILERPLATE_PHRASES.map((r) => r.maxChars));

/** A hash of a key's characters, ’ read as ' (as the keys are written). */
function keyHash(text: string, start: number, end: number): number {
  let h = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    h = (Math.imul(h, 31) + (c === 0x2019 ? 0x27 : c)) | 0;
  }
  return h;
}

/** The keys' hashes: most words of a text are no key, and one bit says so without slicing them out. */
const KEY_HASHES = new HashBits(14);
for (const key of BY_FIRST_WORD.keys()) KEY_HASHES.add(keyHash(key, 0, key.length));

/**
 * The patterns keyed by a word of the text (lower-cased, ’ folded to ', outer punctuation
 * stripped), each list once, plus the unkeyed ones, in rule order (the unkeyed ones alone are
 * in order already).
 */
function candidatesFor(text: string): readonly PatternEntry[] {
  let found: PatternEntry[][] | null = null;
  const lower = text.toLowerCase();
  // The words (runs between JavaScript's whitespace) read in place: a word is sliced out only
  // when its hash is one of the keys'.
  for (let i = 0; i < lower.length; ) {
    while (i < lower.length && isJsSpace(lower.charCodeAt(i))) i++;
    const start = i;
    while (i < lower.length && !isJsSpace(lower.charCodeAt(i))) i++;
    if (i === start) break;
    const list = keyedList(lower, start, i);
    if (!list || found?.includes(list)) continue;
    (found ??= []).push(list);
  }
  return found ? inRuleOrder(found) : UNKEYED;
}

/** The patterns keyed by the word `text[start, end)` as a token (outer punctuation stripped, ’ as '). */
function keyedList(text: string, start: number, end: number): PatternEntry[] | undefined {
  const tokenStart = firstLetterOrDigit(text, start, end);
  const tokenEnd = afterLastLetterOrDigit(text, tokenStart, -1, end);
  if (tokenStart === tokenEnd || !KEY_HASHES.mayHave(keyHash(text, tokenStart, tokenEnd))) return undefined;
  const word = text.slice(tokenStart, tokenEnd);
  return BY_FIRST_WORD.get(word.includes('’') ? word.replace(/’/g, "'") : word);
}

/** The unkeyed patterns and the lists found, merged by rule order (each is in order already). */
function inRuleOrder(lists: PatternEntry[][]): PatternEntry[] {
  let merged: PatternEntry[] = UNKEYED;
  for (const list of lists) {
    const out: PatternEntry[] = [];
    let a = 0;
    let b = 0;
    while (a < merged.length && b < list.length) out.push(merged[a]!.order < list[b]!.order ? merged[a++]! : list[b++]!);
    while (a < merged.length) out.push(merged[a++]!);
    while (b < list.length) out.push(list[b++]!);
    merged = out;
  }
  return merged;
}

/**
 * The first boilerplate rule the block text matches, or null. Texts longer than every rule's
 * `maxChars` return null at once, so calling this on every block is cheap.
 */
export function matchBoilerplate(text: string): PhraseMatch | null {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > LONGEST_PATTERN_BLOCK) return null;
  if (trimmed.length <= LONGEST_LINE + 8) {
    const norm = normalizePhrase(trimmed);
    const kind = LINE_INDEX.get(norm);
    if (kind) return { kind, rule: `${kind}: line "${norm}"`, strong: norm.includes(' ') || STRONG_WORDS.has(norm), whole: true };
  }
  if (trimmed.length <= 2 * LONGEST_LINE + 8 && LETTER_SPACED.test(trimmed)) {
    const kind = SPACED_LINE_INDEX.get(trimmed.replace(/ /g, '').toLowerCase());
    if (kind) return { kind, rule: `${kind}: spaced-out line "${trimmed}"`, strong: true, whole: true };
  }
  const candidates = candidatesFor(trimmed);
  let lowered: string | null = null;
  for (const e of candidates) {
    if (trimmed.length > e.rule.maxChars) continue;
    if (e.re.literal !== undefined) {
      lowered ??= singleSpaced(trimmed.toLowerCase());
      if (!lowered.includes(e.re.literal)) continue;
    }
    const m = e.re.exec(trimmed);
    if (m) {
      const what = e.weak ? 'hint' : 'phrase';
      return { kind: e.rule.kind, rule: `${e.rule.kind}: ${what} "${m[0].trim().slice(0, 40)}"`, strong: !e.weak };
    }
  }
  return null;
}

/**
 * A line that heads a list of other stories in its own words ("Recent Online Media Daily
 * Articles", "More Local News"). Article subheadings can read so too ("More bad news"), so it
 * counts only over a run of headline links (see classify).
 */
export const NAMES_A_STORY_LIST = /^(?:recent|latest|more|other|related|top|popular)\s(?:[\p{L}'’&-]+\s){0,3}(?:articles|stories|posts|headlines|news)\s*:?$/iu;

/**
 * The tools of a story's tool bar, per language: "E-MAIL | PRINT | SHARE", "Drucken | Versenden".
 * One word alone is ordinary text; two different ones in a bar of links are the page's controls
 * (see `toolBarMinTools` in config/text.ts). Comment and permalink links are not among them: a
 * blog's post footer ("Posted by … | Permalink | Comments (2)") has the next post below it.
 */
export const TOOL_BAR_WORDS: readonly string[] = [
  'e-mail', 'email', 'print', 'printer', 'text size', 'font size', 'share', 'save', 'bookmark', 'reprint', 'reprints',
  'digg', 'del.icio.us', 'facebook', 'twitter', 'tweet', 'whatsapp', 'pinterest', 'linkedin', 'reddit', 'telegram',
  'drucken', 'versenden', 'teilen', 'merken', 'schriftgröße',
  'imprimer', 'envoyer', 'partager',
  'imprimir', 'enviar', 'compartir', 'compartilhar', 'partilhar',
  'stampa', 'invia', 'condividi',
  'afdrukken', 'printen', 'delen', 'mailen',
  'drukuj', 'wyślij', 'udostępnij',
  'печать', 'распечатать', 'отправить', 'поделиться',
];

/**
 * A line that opens with a copyright notice: the mark, maybe a year, then its owner's name
 * ("© 2008 Associated Press", "Copyright © Reed Business"), not a byline or caption that
 * carries one, nor a phrase such as "Copyright 1954, softbound". No `i` flag: the owner's
 * name must start with a capital.
 */
export const OPENS_WITH_COPYRIGHT = /^[\s\p{P}]*(?:©|\([cC]\)|[Cc]opyright|COPYRIGHT)(?:[\s,.\-–©]|\d|\([cC]\))*\p{Lu}/u;

/**
 * A cookie banner opens by saying, in its first sentence, that the site uses cookies ("We use
 * cookies to …", "Um unsere Webseite … zu gestalten, verwenden wir Cookies."). A paragraph about
 * cookies in an article or a privacy policy does not speak so for the site at its start.
 */
const COOKIE_NOTICE_OPENING =
  /^[^.!?]{0,160}?\b(?:we use|we are using|this (?:web)?site uses|our (?:web)?site uses|wir verwenden|verwenden wir|wir nutzen|nutzen wir|wir setzen|setzen wir|(?:diese|unsere) (?:web)?(?:seite|site) (?:verwendet|nutzt|benutzt)|nous utilisons|ce site utilise|utilizamos|este sitio (?:web )?utiliza|usamos|utilizziamo|questo sito utilizza|wij gebruiken|deze (?:web)?site gebruikt)\s+(?:(?:des|i|os|as|los|las|les)\s+)?cookies?\b/iu;
/** A cookie banner's length limit (the consent rule's). */
const COOKIE_NOTICE_MAX_CHARS = BOILERPLATE_PHRASES.find((r) => r.kind === 'consent')!.maxChars;

/** The legal rule's length limit: its notices run longer than the phrase scan's blocks. */
const LEGAL_NOTICE_MAX_CHARS = BOILERPLATE_PHRASES.find((r) => r.kind === 'legal')!.maxChars;
/** A thread's rules can take a paragraph. */
const COMMENT_POLICY_MAX_CHARS = 600;
const LONGEST_NOTICE = Math.max(LEGAL_NOTICE_MAX_CHARS, COMMENT_POLICY_MAX_CHARS, COOKIE_NOTICE_MAX_CHARS);

/**
 * A notice too long for the phrase scan. A legal notice (a redistribution notice, an agency's
 * copyright line with its terms) that opens with its copyright mark and owner, or says what
 * only a legal notice says; a bare "Copyright 1936" inside a sentence (a book's edition, a
 * reprint credit) is prose, so the copyright-and-year pattern alone does not count here. Or a
 * comment thread's policy, or a cookie banner.
 */
export function matchLongNotice(text: string): PhraseMatch | null {
  if (text.length > LONGEST_NOTICE) return null;
  // Lower-cased and single-spaced once: a phrase it does not contain is not run (most blocks
  // here are prose, and these are a few dozen regexes each).
  if (text.length <= LEGAL_NOTICE_MAX_CHARS && OPENS_WITH_COPYRIGHT.test(text)) {
    return { kind: 'legal', rule: 'legal: opens with a copyright notice', strong: true };
  }
  const lowered = singleSpaced(text.toLowerCase());
  // One search for every notice's words first: most blocks here are prose and hold none.
  if (!lowered.includes('cookie') && !mayHoldNotice(lowered)) return null;
  if (text.length <= LEGAL_NOTICE_MAX_CHARS) {
    const m = mayHoldLegalSentence(lowered) ? firstMatch(LEGAL_SENTENCES, text, lowered) : null;
    if (m) return { kind: 'legal', rule: `legal: phrase "${m}"`, strong: true };
  }
  const m = text.length <= COMMENT_POLICY_MAX_CHARS && mayHoldCommentPolicy(lowered) ? firstMatch(COMMENT_POLICY, text, lowered) : null;
  if (m) return { kind: 'comment-form', rule: `comment-form: policy "${m}"`, strong: true };
  if (text.length <= COOKIE_NOTICE_MAX_CHARS && lowered.includes('cookie') && COOKIE_NOTICE_OPENING.test(text)) {
    return { kind: 'consent', rule: 'consent: opens saying the site uses cookies', strong: true };
  }
  return null;
}

/**
 * Whether a lower-cased, single-spaced text holds any of the patterns' literals: one regex over
 * the text instead of one search per literal (most long blocks hold none). Patterns without a
 * literal always pass.
 */
function anyLiteralTest(patterns: readonly Matcher[]): (lowered: string) => boolean {
  if (patterns.some((re) => re.literal === undefined)) return () => true;
  const re = new RegExp(patterns.map((p) => escapeRegExp(p.literal!)).join('|'), 'u');
  return (lowered) => re.test(lowered);
}
const mayHoldLegalSentence = anyLiteralTest(LEGAL_SENTENCES);

/** Does the text say what only a legal notice says ("All rights reserved", "may not be reproduced")? */
export function saysLegalSentence(text: string): boolean {
  const lowered = singleSpaced(text.toLowerCase());
  return mayHoldLegalSentence(lowered) && firstMatch(LEGAL_SENTENCES, text, lowered) !== null;
}
const mayHoldCommentPolicy = anyLiteralTest(COMMENT_POLICY);
const mayHoldNotice = anyLiteralTest([...LEGAL_SENTENCES, ...COMMENT_POLICY]);

/**
 * The first of `patterns` found in `text`, as it reads there (40 characters at most). `lowered`:
 * the text lower-cased and single-spaced, for the phrase patterns' literal test.
 */
function firstMatch(patterns: readonly Matcher[], text: string, lowered: string): string | null {
  for (const re of patterns) {
    if (re.literal !== undefined && !lowered.includes(re.literal)) continue;
    const m = re.exec(text);
    if (m) return m[0].trim().slice(0, 40);
  }
  return null;
}
