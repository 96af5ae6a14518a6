/**
 * Word lists of the thread's own notices (engine/comments/furniture.ts): the sentences a site
 * writes about its comment section (its moderation policy, the form's fine print, the login it
 * asks for, the state of the thread), which the comment splitter must not return as a reader's
 * comment. In the nine languages of the engine where the words are set; no site's wording.
 *
 * A sentence is the site's notice when it names the thread's matter (THREAD_MATTER) and says how
 * the thread works (THREAD_PROCEDURE), and no one speaks in it in the first person singular
 * (FIRST_PERSON), except in a form's checkbox label (FIRST_PERSON_LABEL). The patterns are
 * bounded (no nested unbounded repetition); they run on the few texts a thread holds, so their
 * `u` flag (letters of every script at a word's edge) costs nothing that shows.
 */

/**
 * Alternatives as one case-insensitive pattern, each bounded by letters and digits on both sides
 * in any script (`\b` knows only ASCII letters: it finds no edge around "modéré" or "модерация").
 */
function words(alternatives: readonly string[], flags = 'iu'): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, flags);
}

/** The words a thread counts: "3 comments", "Kommentare (3)", "45 Antworten". */
const COUNTED = [
  'comments?', 'replies', 'responses?',
  'kommentare?', 'antworten',
  'commentaires?', 'réponses?',
  'comentarios?', 'respuestas?',
  'commenti', 'commento', 'risposte',
  'comentários?', 'respostas?',
  'reacties?',
  'komentarz(?:e|y|a)?', 'odpowiedzi',
  'комментари\\p{L}*', 'ответ(?:ов|а|ы)?',
];

/** What a thread is made of: comments, posts, messages, replies, talkbacks. */
export const THREAD_MATTER = words([
  'comment(?:s|ing|ers?)?', 'posts?', 'posting', 'submissions?', 'submitting', 'messages?', 'contributions?',
  'discussions?', 'talkbacks?', 'replies', 'feedback', 'entries', 'forums?', 'your\\s+thoughts',
  'kommentar(?:e|en)?', 'kommentieren', 'antwort', 'beitr(?:ag|äge|ägen)', 'leserbriefe?',
  'commentaires?', 'réactions?',
  'comentarios?', 'mensajes?',
  'commenti', 'commento',
  'comentários?',
  'reacties?', 'commentaar',
  'komentarz(?:e|y|a)?',
  'комментари\\p{L}*', 'сообщени\\p{L}*',
]);

/**
 * A thread's count at the start of a line: "3 Kommentare", "45 Antworten", "Kommentare: 10",
 * "Commentaires (2)", "Kommentare ()", "Kommentare 0", "11 responses to “The Loneliest Woman …”". The replies'
 * words count only here: "Zum Antworten anmelden" under a reader's question is no notice.
 */
export const THREAD_COUNT = new RegExp(
  `^[^\\p{L}\\p{N}]{0,3}(?:\\d+\\s+(?:${COUNTED.join('|')})|(?:${COUNTED.join('|')})\\s*(?::\\s*\\d+|\\(\\s*\\d*\\s*\\)|\\s\\d+\\s*$))(?![\\p{L}\\p{N}])`,
  'iu',
);

/**
 * How the thread works, as the site tells it: moderation and removal, guidelines and terms,
 * the account it asks for, the form's fine print, the thread's state (closed, empty, loading).
 */
export const THREAD_PROCEDURE = words([
  // en
  'moderat\\p{L}*', 'review(?:ed)?\\s+before', 'screened', 'pre-?moderat\\p{L}*',
  "(?:be|been|are|is|get|gets)\\s+(?:\\p{L}+\\s+)?(?:removed|deleted|edited|approved|published|displayed|moderated|reviewed|screened)",
  'publish\\s+(?:your|a|any)', 'guidelines', '(?:comment(?:ing)?|discussion|moderation|posting|privacy|community)\\s+policy',
  'house\\s+rules', 'terms\\s+(?:and\\s+conditions|of\\s+(?:use|service))', 'terms\\s*&\\s*conditions',
  'log(?:ged)?\\s*-?in', 'sign(?:ed)?\\s*-?in', 'sign\\s+up', 'registered\\s+(?:users?|members?)',
  'must\\s+(?:be\\s+)?register(?:ed)?', 'register\\s+(?:to|or|and|now|here|before)', 'registration',
  'offensive', 'inappropriate', 'abusive', 'profanity', 'obscene', 'libel\\p{L}*', 'harass\\p{L}*', 'personal\\s+attacks',
  'vouch', 'reserves?\\s+the\\s+right', '(?:represent|reflect)\\s+(?:\\p{L}+\\s+){0,4}(?:views|opinions)', 'own\\s+views',
  'views\\s+expressed', 'characters\\s+(?:left|remaining|maximum)',
  'html\\s+(?:tags\\s+)?(?:will\\s+be\\s+ignored|is\\s+not\\s+allowed|not\\s+allowed)',
  "(?:will\\s+not|won't)\\s+be\\s+(?:published|displayed|shown|shared)", 'not\\s+(?:be\\s+)?shown',
  '(?:are|is)\\s+(?:now\\s+)?closed', 'turned\\s+off', 'disabled', 'no\\s+(?:comments?|discussions?)', 'not\\s+(?:have\\s+)?any\\s+comments',
  'display\\s+the\\s+comments',
  '(?:post|add|leave|write|submit|send|enter|place|type\\s+in|share)\\s+(?:us\\s+)?(?:a\\s+|an\\s+|your\\s+(?:own\\s+)?|new\\s+)?(?:comments?|reply|message)',
  'read\\s+(?:more|all)\\s+comments', 'view\\s+(?:all\\s+)?comments',
  // A count, in any of the languages: "3 Kommentare", "Kommentare: 10", "Commentaires (2)", "Kommentare ()".
  `\\d+\\s+(?:${COUNTED.join('|')})`, `(?:${COUNTED.join('|')})\\s*(?::\\s*\\d+|\\(\\s*\\d*\\s*\\))`,
  'subscribe\\s+to\\s+(?:the\\s+)?comments', 'continue\\s+the\\s+discussion', 'delete\\s+(?:this\\s+)?comment', '(?:older|newer)\\s+comments',
  '(?:save|remember)\\s+my\\s+name', '\\(\\s*\\d+\\s+(?:of|von|de|di|van|z|из)\\s+\\d+\\s*\\)', 'be\\s+the\\s+first\\s+to\\s+(?:comment|post|reply|respond|review|write|add|share|send)', 'powered\\s+by', 'loading\\s+comments',
  // de
  'moderiert', 'freigeschaltet', 'gelöscht', 'nutzungsbedingungen', 'anmelden', 'angemeldet', 'einloggen', 'eingeloggt',
  'registrier\\p{L}*', 'keine\\s+kommentare', 'meinen\\s+namen',
  '(?:kommentar|antwort)\\s+(?:hinzufügen|schreiben|verfassen|abgeben|absenden|abschicken)',
  '(?:schreib|schreibe|schreiben\\s+sie|hinterlasse|hinterlassen\\s+sie|verfasse|verfassen\\s+sie)\\s+(?:jetzt\\s+|hier\\s+)?(?:einen|eine|ihren|deinen|den\\s+ersten)\\s+(?:kommentar|antwort)',
  'kommentare\\s+(?:werden\\s+geladen|ausblenden|einblenden|anzeigen)', '(?:neueste|ältere|neuere|weitere)\\s+(?:leser-?)?kommentare', 'diskutier\\p{L}*\\s+(?:sie\\s+)?(?:mit|in)',
  'neue[rns]?\\s+kommentar', 'kommentieren\\s+sie',
  // fr
  'modéré\\p{L}*', 'modération', 'charte', 'supprimé\\p{L}*', 'connecté\\p{L}*', 'connecte[rz]', 'connexion',
  'aucun\\s+commentaire', 'mon\\s+nom',
  '(?:laiss|ajout|écri|post|publi)\\p{L}*\\s+(?:un|une|votre)\\s+(?:commentaire|réponse)',
  // es
  'moderad\\p{L}*', 'normas', 'registr(?:ado|arse|ate)', 'iniciar\\s+sesión', 'sin\\s+comentarios', 'no\\s+hay\\s+comentarios', 'mi\\s+nombre',
  '(?:dej|escrib|añad|agreg|public)\\p{L}*\\s+(?:un|una|tu|su)\\s+(?:comentario|respuesta)',
  // it
  'moderat[oi]', 'regolamento', 'registrat[oi]', 'connesso', 'accedi', 'nessun\\s+commento', 'il\\s+mio\\s+nome',
  '(?:lasci|scriv|aggiung|invi)\\p{L}*\\s+(?:un|una|il\\s+tuo|la\\s+tua)\\s+(?:commento|risposta)',
  // pt
  'fazer\\s+(?:o\\s+)?login', 'logado', 'nenhum\\s+comentário', 'meu\\s+nome',
  '(?:deix|escrev|adicion|envi)\\p{L}*\\s+(?:um|uma|seu|sua)\\s+(?:comentário|resposta)',
  // nl
  'gemodereerd', 'huisregels', 'ingelogd', 'inloggen', 'geen\\s+reacties', 'mijn\\s+naam',
  '(?:laat|schrijf|plaats|geef)\\s+(?:een|je|uw)\\s+(?:reactie|commentaar)',
  // pl
  'moderowan\\p{L}*', 'regulamin\\p{L}*', 'zalogowa\\p{L}*', 'brak\\s+komentarzy', 'moje\\s+imię',
  // ru
  'модерац\\p{L}*', 'модерир\\p{L}*', 'авторизова\\p{L}*', 'зарегистрир\\p{L}*', 'нет\\s+комментари\\p{L}*', 'моё\\s+имя',
  '(?:оставить|оставьте|добавить|написать|напишите)\\s+(?:комментари\\p{L}*|ответ)',
]);

/** Someone speaking for themself: a reader, not the site ("i" too: readers write it so). */
export const FIRST_PERSON = words(
  [
    '[Ii]', "[Ii]'m", "[Ii]'ve", "[Ii]'d", "[Ii]'ll", '[Mm]y', '[Mm]e', '[Mm]ine', '[Ii]ch', '[Mm]ein\\p{L}*', '[Jj]e', "[Jj]'", '[Mm]oi', '[Mm]on',
    '[Yy]o', '[Mm]i', '[Mm]ío', '[Ii]o', '[Ee]u', '[Ii]k', '[Mm]ijn', '[Jj]a', '[Mm]ój', '[Яя]', '[Мм]о[йёяи]\\p{L}*', '[Мм]не', '[Мм]еня',
  ],
  'u',
);

/** A form's checkbox label speaks in the first person all the same: "Remember me", "Notify me of new comments", "Save my name …". */
export const FIRST_PERSON_LABEL =
  /^[^\p{L}]*(?:remember|notify|e-?mail|save|subscribe|alert|send)\s+(?:me|my)(?![\p{L}])|(?<![\p{L}])the\s+next\s+time\s+I\s+comment(?![\p{L}])|^[^\p{L}]*(?:сохранить|speichern|enregistrer|guardar|salva|salvar|opslaan|zapisz)\s/iu;

/**
 * The checkboxes of a comment form, in the first person as forms write them: "Remember me?",
 * "Remember personal info?", "Notify me of follow-up comments by email", "Email me if my comment
 * is published", "Save my name …". Each is a line of the form, as a field's label is.
 */
export const COMMENT_FORM_CHECKBOX = new RegExp(
  `^[^\\p{L}]*(?:${[
    'remember\\s+(?:me|my\\s+(?:details|info(?:rmation)?|name)|personal\\s+info(?:rmation)?|info)',
    'notify\\s+me\\s+(?:of|via|by|when|if)',
    'e-?mail\\s+me\\s+(?:if|when)\\s+(?:my|a|new|any|someone|anyone)',
    'save\\s+my\\s+name',
    'benachrichtige\\s+mich',
    'prévenez-moi',
    'avísame',
    'avvisami',
    'notifique-me',
    'stuur\\s+(?:mij|me)\\s+een\\s+e-?mail',
    'powiadom\\s+mnie',
    'уведомлять\\s+меня',
  ].join('|')})(?![\\p{L}\\p{N}])`,
  'iu',
);

/** A sentence longer than this is a reader's text whatever it says: a notice is told in a few lines. */
export const MAX_NOTICE_SENTENCE_CHARS = 400;

/** A link's or a button's label beside a notice ("Sign in here", "Not registered?") has at most this many words. */
export const MAX_CONTROL_LABEL_WORDS = 4;

/**
 * A commenter's badge printed on its own ("Guest", "Gast", "Moderator"): the page's label of who
 * wrote a comment, never a comment.
 */
export const COMMENTER_BADGE = words(
  [
    'guest', 'member', 'moderator', 'admin(?:istrator)?', 'author', 'editor', 'verified', 'top\\s+commenter',
    'gast', 'mitglied', 'autor(?:in)?', 'redaktion', 'invité', 'membre', 'auteur', 'invitado', 'miembro', 'ospite', 'membro',
    'convidado', 'gość', 'гость', 'anonym(?:ous|e)?', 'anónimo', 'anonimo',
  ].map((w) => `^\\s*${w}\\s*$`),
);

/** A form field's mark, as the form prints it beside the field's label: "required", "optional". */
const FIELD_MARKS = [
  'required', 'optional', 'pflicht(?:feld)?', 'erforderlich', 'obligatoire', 'facultatif', 'obligatorio', 'opcional',
  'obbligatorio', 'facoltativo', 'obrigatório', 'verplicht', 'optioneel', 'wymagane', 'opcjonalnie', 'обязательно',
];

/**
 * What a form's fine print says of a field in brackets after its label: "(required, not shown)",
 * "(will not be displayed or used for any other purpose)", "(enter the verification code …)".
 */
const FIELD_NOTE_WORDS = [
  ...FIELD_MARKS,
  "(?:will\\s+not|won't|never)\\s+(?:be\\s+)?(?:publish(?:ed)?|display(?:ed)?|show(?:n)?|shared?)",
  'verification\\s+code', 'security\\s+code', 'captcha', 'wird\\s+nicht\\s+veröffentlicht', 'ne\\s+sera\\s+pas\\s+publié',
];

/** A field's mark or note after its label's colon: "Your Comments:* Required", "Email Address: (required, not shown)". */
export const FIELD_MARK = `\\*?\\s*(?:\\(?\\s*(?:${FIELD_MARKS.join('|')})\\s*\\)?|\\([^()]{0,40}(?<![\\p{L}\\p{N}])(?:${FIELD_NOTE_WORDS.join('|')})(?![\\p{L}\\p{N}])[^()]{0,60}\\))`;

/**
 * A field's note on a line of its own: the mark alone ("Required", "* optional") or a note in
 * brackets ("(optional)", "(will not be displayed or used for any other purpose)").
 */
export const FIELD_NOTE = new RegExp(
  `^(?:\\(\\s*[^()]{0,40}(?<![\\p{L}\\p{N}])(?:${FIELD_NOTE_WORDS.join('|')})(?![\\p{L}\\p{N}])[^()]{0,60}\\)|\\*?\\s*(?:${FIELD_MARKS.join('|')}))\\.?$`,
  'iu',
);

/**
 * A form's counter of the characters left: "500 characters maximum.", "You have 123 characters
 * left.", "noch 500 Zeichen übrig" (its number is often filled in by a script the crawl did not run).
 */
export const CHARACTER_COUNTER = new RegExp(
  `^(?:you\\s+have\\s+|noch\\s+)?\\d*\\s*(?:characters?|chars|zeichen|caractères|caracteres|caratteri|tekens|znaków|символ\\p{L}*)\\s+(?:left|remaining|maximum|max|übrig|verbleibend|restants?|restantes?|rimanenti|resterend|pozostało|осталось)\\.?$`,
  'iu',
);

/**
 * The controls of a comment, as its bar prints them, in the nine languages: "Reply", "Antworten
 * Folgen", "Zitieren", "Like 3 Reply", "Kommentieren16". A text made of these words alone (with
 * counts and separators) is the bar, never a reader's comment.
 */
const COMMENT_CONTROLS = [
  'reply', 'replies', 'quote', 'report', 'flag', 'like', 'likes', 'unlike', 'dislike', 'share', 'follow', 'unfollow', 'edit', 'delete',
  'permalink', 'link', 'vote', 'upvote', 'downvote', 'recommend', 'comment', 'comments', 'hide', 'show', 'collapse', 'expand',
  'antworten', 'antwort', 'beantworten', 'zitieren', 'melden', 'gefällt\\s+mir', 'teilen', 'folgen', 'bearbeiten', 'löschen',
  'kommentieren', 'empfehlen', 'ausblenden', 'einblenden',
  'répondre', 'citer', 'signaler', "j'aime", 'partager', 'suivre', 'modifier', 'supprimer', 'commenter',
  'responder', 'citar', 'denunciar', 'reportar', 'me\\s+gusta', 'compartir', 'seguir', 'editar', 'eliminar', 'borrar', 'comentar',
  'rispondi', 'cita', 'segnala', 'mi\\s+piace', 'condividi', 'segui', 'modifica', 'elimina', 'commenta',
  'curtir', 'compartilhar', 'excluir',
  'beantwoorden', 'reageren', 'citeren', 'vind\\s+ik\\s+leuk', 'delen', 'volgen', 'bewerken', 'verwijderen',
  'odpowiedz', 'cytuj', 'zgłoś', 'lubię\\s+to', 'udostępnij', 'obserwuj', 'edytuj', 'usuń', 'skomentuj',
  'ответить', 'цитировать', 'пожаловаться', 'нравится', 'поделиться', 'подписаться', 'редактировать', 'удалить', 'комментировать',
];

/** A bar of controls or share buttons is short: a longer line is a reader's, whatever its words. */
export const MAX_BAR_CHARS = 80;

/** Between and around the controls: spaces, separators, counts ("|", "·", "(3)", "16"). */
const BAR_GAP = '[\\s\\p{P}\\p{S}\\p{N}]*';

/**
 * A comment's control bar alone (COMMENT_CONTROLS): "Reply", "Antworten Folgen", "Like · 3 · Reply",
 * "Kommentieren16", its labels glued as a crawl of its buttons gives them ("AntwortenMelden").
 */
export const CONTROL_BAR = new RegExp(`^(?:${BAR_GAP}(?:${COMMENT_CONTROLS.join('|')}))+${BAR_GAP}$`, 'iu');

/** The networks of a share bar, run together as a crawl of its icons' labels gives them ("FacebookTwitter", "Facebook | E-Mail"). */
const SHARE_NETWORKS = [
  'facebook', 'twitter', 'whatsapp', 'pinterest', 'linkedin', 'reddit', 'telegram', 'tumblr', 'xing', 'flipboard', 'messenger',
  'e-?mail', 'print', 'drucken',
  // The bookmarking sites of older pages.
  'digg', 'del\\.icio\\.us', 'delicious', 'stumbleupon', 'newsvine', 'nowpublic', 'fark', 'myspace', 'technorati', 'slashdot', 'mixx',
];

/** What may head a share bar: "Post this story to:", "Share this article", "Teilen:". */
const SHARE_LEADS = [
  '(?:share|post|send|bookmark|add)\\s+(?:this|it)(?:\\s+(?:story|article|post|page|entry))?(?:\\s+(?:to|on|via|with))?',
  'teilen', 'partager', 'compartir', 'condividi', 'compartilhar', 'delen', 'udostępnij', 'поделиться',
];

/** A share bar alone, its networks' names glued or apart, maybe after its lead ("Post this story to: del.icio.us | Digg"). */
export const SHARE_BAR = new RegExp(`^(?:${BAR_GAP}(?:${SHARE_LEADS.join('|')})\\s*:?)?(?:${BAR_GAP}(?:${SHARE_NETWORKS.join('|')}))+${BAR_GAP}$`, 'iu');
