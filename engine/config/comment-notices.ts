/**
 * Word lists of the thread's own notices (engine/comments/furniture.ts): the sentences a site
 * writes about its comment section (its moderation policy, the form's fine print, the login it
 * asks for, the state of the thread), which the comment splitter must not return as a reader's
 * comment. In the nine languages of the engine where the words are set; no site's wording.
 *
 * A sentence is the site's notice when it names the thread's matter (THREAD_MATTER) and says how
 * the thread works (THREAD_PROCEDURE), and no one speaks in it in the first person singular
 * (FIRST_PERSON), except in a form's checkbox label (FIRST_PERSON_LABEL). The patterns are
 * bounded (no nested unbounded repetition) and carry no `u` flag (none needs a property class).
 */

/** What a thread is made of: comments, posts, messages, replies, talkbacks. */
export const THREAD_MATTER =
  /\b(?:comment(?:s|ing|ers?)?|posts?|posting|submissions?|submitting|messages?|contributions?|discussions?|talkbacks?|replies|feedback|entries|forums?|kommentar(?:e|en)?|beitr(?:ag|äge|ägen)|leserbrief(?:e)?|commentaires?|réactions?|comentarios?|mensajes?|commenti|commento|comentários?|reacties?|commentaar|komentarz(?:e|y)?|комментари\S*)\b/i;

/**
 * How the thread works, as the site tells it: moderation and removal, guidelines and terms,
 * the account it asks for, the form's fine print, the thread's state (closed, empty, loading).
 */
export const THREAD_PROCEDURE =
  /\b(?:moderat\w*|review(?:ed)?\s+before|screened|pre-?moderat\w*|(?:be|been|are|is|get|gets)\s+(?:\w+\s+)?(?:removed|deleted|edited|approved|published|displayed|moderated|reviewed|screened)|publish\s+(?:your|a|any)|guidelines|(?:comment(?:ing)?|discussion|moderation|posting|privacy|community)\s+policy|house\s+rules|terms\s+(?:and\s+conditions|of\s+(?:use|service))|terms\s*&\s*conditions|log(?:ged)?\s*-?in|sign(?:ed)?\s*-?in|sign\s+up|registered\s+(?:users?|members?)|must\s+(?:be\s+)?register(?:ed)?|register\s+(?:to|or|and|now|here|before)|registration|offensive|inappropriate|abusive|profanity|obscene|libel\w*|harass\w*|personal\s+attacks|vouch|reserves?\s+the\s+right|(?:represent|reflect)\s+(?:\w+\s+){0,4}(?:views|opinions)|own\s+views|views\s+expressed|characters\s+(?:left|remaining|maximum)|html\s+(?:tags\s+)?(?:will\s+be\s+ignored|is\s+not\s+allowed|not\s+allowed)|(?:will\s+not|won't)\s+be\s+(?:published|displayed|shown|shared)|not\s+(?:be\s+)?shown|are\s+(?:now\s+)?closed|is\s+(?:now\s+)?closed|turned\s+off|disabled|no\s+comments?|be\s+the\s+first\s+to\s+(?:comment|post|reply|respond|review|write|add|share|send)|powered\s+by|loading\s+comments|moderiert|freigeschaltet|gelöscht|nutzungsbedingungen|anmelden|registrier\w*|modéré\w*|modération|charte|supprimé\w*|connecte[rz]|moderad\w*|normas|registr(?:ado|arse|ate)|moderat[oi]|regolamento|registrat[oi]|gemodereerd|huisregels|moderowan\w*|regulamin|модерац\w*|модерир\w*)\b/i;

/** Someone speaking for themself: a reader, not the site. */
export const FIRST_PERSON = /\b(?:I|I'm|I've|I'd|I'll|my|me|mine|ich|mein\w*|je|moi|mon|yo|mi|mío|io|eu|ik|mijn|ja|я|мой)\b|\bj'/;

/** A form's checkbox label speaks in the first person all the same: "Remember me", "Notify me of new comments", "Save my name …". */
export const FIRST_PERSON_LABEL = /^\W*(?:remember|notify|e-?mail|save|subscribe|alert|send)\s+(?:me|my)\b|\bthe\s+next\s+time\s+I\s+comment\b/i;

/** A sentence longer than this is a reader's text whatever it says: a notice is told in a few lines. */
export const MAX_NOTICE_SENTENCE_CHARS = 400;

/** A link's or a button's label beside a notice ("Sign in here", "Not registered?") has at most this many words. */
export const MAX_CONTROL_LABEL_WORDS = 4;
