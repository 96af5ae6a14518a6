/**
 * Word lists and thresholds of the comment-spam features (engine/comments/features.ts).
 *
 * Each list names a kind of spam that comment sections under articles carry, in the nine
 * languages of the engine (en, de, fr, es, it, pt, nl, pl, ru) where the kind has set phrases
 * there. None names a site, a brand or a data set: the features ask what a comment does
 * (offers a service, gives a number to call, signs with a business), not who it is about.
 * Every pattern is bounded (no nested unbounded repetition), so a feature costs time linear in
 * the comment's length. The patterns carry no `u` flag: they need no Unicode property classes,
 * and V8 runs a case-insensitive list of alternatives ten times faster without it.
 */

/** "Call our helpline": support, customer care, toll-free numbers, 24/7 availability. */
export const HELPLINE =
  /\b(?:customer|tech(?:nical)?|client|product)\s+(?:care|support|service|help)\b|\bhelp\s?(?:line|desk)\b|\btoll[\s-]?free\b|\b(?:support|service|care|contact|phone|helpline|reservations?)\s+(?:phone\s+)?(?:number|no\.?)\b|\b24\s?[/x×]\s?7\b|\b(?:call|dial|ring)\s+(?:us|now|at|our|the)\b|\bdial\b|\bkundendienst|\bkundenservice|\bhotline\b|\bgebührenfrei|\bservice\s+client|\bnuméro\s+(?:vert|gratuit)|\bassistance\s+téléphonique|\batención\s+al\s+cliente|\bnúmero\s+gratuito|\bllame\s+(?:al|ahora)|\bassistenza\s+clienti|\bnumero\s+verde|\bchiama(?:ci)?\s+(?:al|ora)|\batendimento\s+ao\s+cliente|\bligue\s+(?:para|já|agora)|\bklantenservice|\bbel\s+(?:ons|nu)\b|\bobsługa\s+klienta|\binfolinia|\bzadzwoń|служба\s+поддержки|горячая\s+линия|звоните|бесплатн\S*\s+номер/i;

/**
 * Words just before a helpline phrase that make it a reader's report, not an offer: "I called
 * their customer service", "we contacted the helpline", "their support number" — a first person
 * who called, or a company's ("their") line. Read in the HELPLINE_REPORT_CHARS characters before it.
 */
export const HELPLINE_REPORT =
  /\b(?:i|we|i've|we've|i\s+have|we\s+have|i\s+had|we\s+had)\s+(?:\w+\s+)?(?:called|rang|phoned|contacted|tried|dialed|dialled|emailed|spoke\s+(?:to|with)|talked\s+to|waited\s+(?:on|for))\b|\btheir\s*$|\btheir\s+\w+\s*$|\bich\s+habe\b|\bj'ai\s+(?:appelé|contacté)|\bllamé\b|\bho\s+chiamato\b|\bliguei\b|\bik\s+heb\b|\bdzwoniłem|\bзвонил/i;
export const HELPLINE_REPORT_CHARS = 40;

/** A thing that breaks and a service that fixes it: "printer offline", "error code 0x10", "password reset". */
export const TECH_SUPPORT =
  /\b(?:printer|antivirus|anti-virus|router|extender|wi-?fi|e-?mail|mail|account|password|login|driver|software|laptop|computer|pc|mac)\s+(?:support|error|issues?|problems?|setup|set-up|offline|help|reset|recovery|repair|technicians?|experts?|installation)\b|\berror\s+(?:code\s+)?(?:[a-z]{0,3}\d[\w-]{1,8})\b|\b(?:technicians?|experts?)\s+(?:available|are\s+here|will\s+(?:help|guide|offer|provide))\b/i;

/** Selling: bookings, deals, discounts, cheap offers, service providers, the usual spam trades. */
export const COMMERCE =
  /\b(?:reservations?|bookings?|book\s+(?:your\s+|cheap\s+)?(?:flights?|tickets?|seats?)|cheap(?:est)?\s+(?:flights?|tickets?|prices?|rates?)|flight\s+tickets?|best\s+(?:prices?|deals?|offers?|rates?|discounts?)|(?:great|exclusive|amazing)\s+(?:deals?|offers?|discounts?)|discounts?|services?\s+provider|(?:seo|web\s+design|digital\s+marketing|essay\s+writing|assignment\s+help|packers\s+and\s+movers)\b|casino|payday|loans?\b|replica|viagra|cialis|escorts?\b|mlm\b|lead\s+site|work\s+at\s+home|payment\s+gateway|movers?\b|günstig|rabatt|angebote?\b|pas\s+cher|réduction|promotions?\b|barat[oa]s?\b|descuentos?|ofertas?|economic[oi]|sconto|offert[ae]|desconto|goedkoop|korting|aanbieding|tani[ea]?\b|zniżk[ai]|promocj[ai]|дешев\S*|скидк\S*|недорого)/i;

/**
 * "Visit our website", "we provide", "our experts": the plug that follows the praise. An offer or
 * an invitation, not a mention: "my team", "our company", "my website" alone are things readers
 * say too ("I shared it with my team", "at our agency we do the same").
 */
export const PLUG =
  /\b(?:visit|check(?:\s+out)?|see|try)\s+(?:our|my)\s+(?:website|web\s?site|site|blog|page|store|shop|services?)\b|\b(?:my|our)\s+(?:online\s+store|shop|services)\b|\bour\s+(?:experts|technicians|products?)\b|\bwe\s+(?:provide|offer|are\s+(?:a|the)\s+(?:leading|best|top))\b|\bcontact\s+(?:us|our)\b|\bget\s+in\s+touch\s+with\s+(?:us|our)\b|\bfor\s+more\s+(?:info|information|details)\b|\bclick\s+here\b|\byou\s+(?:may|can)\s+(?:also\s+)?(?:visit|check)\b|\bread\s+(?:some\s+of\s+)?our\s+blogs?\b|\bbesuchen\s+sie\s+(?:unsere|meine)|\bunsere\s+(?:webseite|website|seite)|\bvisitez\s+(?:notre|mon)|\bnotre\s+site|\bvisite\s+(?:nuestr[ao]|mi|nossa|meu|il\s+nostro|il\s+mio)|\bnuestr[ao]\s+(?:sitio|página|web)|\bil\s+nostro\s+sito|\bnosso\s+site|\bbezoek\s+(?:onze|mijn)|\bonze\s+website|\bodwiedź\s+(?:nasz|moj)|\bnaszą\s+stronę|посетите|наш\s+сайт/i;

/** Praise in the templates of spam: "informative post", "thanks for sharing", "keep posting". */
export const PRAISE =
  /\b(?:great|nice|awesome|informative|wonderful|excellent|amazing|superb|useful|helpful|good|cool|lovely|fantastic|impressive)\s+(?:post|article|blog|information|info|write-?up|share|sharing|content|website|site|one)\b|\bthank(?:s|\s+you|\s+u)?\s+(?:so\s+much\s+)?(?:for|about)\s+(?:sharing|the\s+(?:information|info|post|article)|this\s+(?:post|article|information|blog))|\bkeep\s+(?:it\s+up|posting|sharing|up\s+the\s+good\s+work)\b|\bi\s+(?:really\s+)?(?:like|love|enjoyed)\s+(?:your|this)\s+(?:post|blog|article|website)\b|\bbookmark|\bvielen\s+dank\s+für\s+(?:den|diesen)\s+(?:beitrag|artikel)|\bmerci\s+pour\s+(?:ce|cet)\s+(?:article|partage)|\bgracias\s+por\s+compartir|\bgrazie\s+per\s+(?:la\s+)?condivi|\bobrigad[oa]\s+por\s+compartilhar|\bbedankt\s+voor\s+het\s+delen|\bdzięki\s+za\s+(?:artykuł|wpis)|спасибо\s+за\s+(?:статью|информацию)/i;

/**
 * Words that make an author name, an author URL's host or a signature line a business or a
 * keyword phrase rather than a person: "Best Packers and Movers Pune", "cheap-flights-deals.com".
 */
export const BUSINESS_WORDS = new Set(
  `seo services service support helpline care customer solutions solution agency company ltd llc inc pvt
  online shop store buy cheap best top deals deal offers offer discount discounts sale loans loan insurance
  casino games game guide guides reviews review tips movers packers repair repairs clinic dental
  marketing digital web design designer hosting software printer printers antivirus technical tech
  tickets flights flight airlines airline booking reservations travel tours escort escorts pharmacy
  replica watches jewellery jewelry fashion clothing essay essays writing assignment homework
  consultants consulting experts expert phone number toll free academy institute training course
  courses coaching real estate properties property rentals rental download downloads movies apk
  gmbh günstig kaufen angebot agence pas cher tienda comprar barato negozio acquista economico
  loja comprar barato winkel kopen goedkoop sklep tanie kupić магазин купить дешево`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * A link label of the page in brackets, which a splitter may read as (part of) an author's name
 * ("[reply] [top]", "[permalink]"): not a word of the name.
 */
export const AUTHOR_LINK_LABEL = /\[\s*(?:reply|top|quote|permalink|link|report|edit|delete|flag|share|up|down|parent|-|\+)\s*\]/gi;

/** A name of a person is at most this many words; a longer author is a phrase. */
export const MAX_NAME_WORDS = 3;

/**
 * Vocabulary overlap with the article. The article counts as a title (a headline and little
 * more) below ARTICLE_BODY_WORDS content words and as a body from there on: the two give
 * overlaps of different sizes, so each has features of its own. A comment with fewer than
 * MIN_OVERLAP_WORDS content words is too short to judge by overlap ("Thanks!").
 */
export const ARTICLE_BODY_WORDS = 60;
export const MIN_OVERLAP_WORDS = 4;
/**
 * A comment shares little with its article when at most `low` of its content words are words of
 * the article, much when at least `high` are; a title has few words to share, a body many.
 */
export const OVERLAP: Record<'title' | 'body', { low: number; high: number }> = {
  title: { low: 0, high: 0.2 },
  body: { low: 0.1, high: 0.4 },
};

/** Cues of a commercial plug are counted up to this many. */
export const MAX_PLUGS = 4;
/** Characters of the article read for its vocabulary (the rest adds little and costs time). */
export const MAX_ARTICLE_CHARS = 60_000;
/** Content words: at least this many letters, and not a stop word of any of the nine languages. */
export const MIN_CONTENT_WORD_CHARS = 3;

/**
 * A keyword list: at least KEYWORD_LIST_LINES short lines (2 to KEYWORD_LINE_MAX_WORDS words,
 * no sentence punctuation) of which at least KEYWORD_LIST_LINES share a word — "Avg support
 * phone number / Avg antivirus support phone number / Avg customer support number".
 */
export const KEYWORD_LIST_LINES = 3;
export const KEYWORD_LINE_MAX_WORDS = 7;

/**
 * Prior weights of the cues of article spam, set by hand from what each cue means before any
 * training run: the trainer starts each cue's weight here and pulls it back here (instead of
 * to zero) with its L2 penalty, so a cue the training comments rarely show keeps the weight its
 * meaning gives it, and one they show often is learned from them. YouTube comments, the larger
 * source, have almost no helplines, trades, keyword lists or business signatures.
 */
export const CUE_PRIORS: Readonly<Record<string, number>> = {
  '#helpline': 1.5,
  '#techsupport': 1.5,
  '#commerce': 1,
  '#plugphrase': 1,
  '#kwlist': 1.5,
  '#anchor': 1.5,
  '#author:business': 1.5,
  '#authorurl:business': 1.5,
  '#praise+plug': 1,
};

/**
 * The score from which the committed model calls a comment spam is chosen by the trainer
 * (bench/train-spam.ts) for precision: the lowest score, never below MIN_THRESHOLD, at which the
 * out-of-fold precision on the YouTube videos reaches TARGET_PRECISION…
 */
export const TARGET_PRECISION = 0.97;
/** …and at which at most this share of the labelled genuine page comments is called spam. */
export const MAX_HAM_CALLED_SPAM = 0.02;
export const MIN_THRESHOLD = 0.5;

/*
 * The rule layer (engine/comments/rules.ts): evidence that makes a comment spam whatever source
 * it comes from, beside the learned model. Each rule names what it saw; a comment that one rule
 * calls spam gets RULE_SCORE, and its score is the larger of the model's and the rules'. The
 * lists below are written from what such spam is (issue 14: tech-support and helpline scams,
 * "customer care" numbers, business signatures, keyword backlinks, templated praise with a
 * plug), in the engine's nine languages where the kind has set phrases; none names a site, a
 * brand or a data set.
 */

/** The score a rule gives a comment it calls spam: above any threshold the trainer may choose. */
export const RULE_SCORE = 0.99;

/**
 * A telephone number as adverts write it: North American (1-800-123-4567, (888) 555 0123,
 * +1.844.555.0199), international with a country code (+44 20 7946 0958, +91-98765-43210), or
 * ten to thirteen digits in a row. Dates, times, prices and version numbers have other shapes.
 */
export const PHONE_NUMBER =
  /(?:^|[^\w.+/-])(?:(?:\+?1[\s.-]?)?\(?[2-9]\d{2}\)?[\s.-]?\d{3}[\s.-]\d{4}|\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,5}){2,4}|\+?\d{10,13})(?![\w/-]|[.,]\d)/u;

/**
 * Words that say a number is a support or sales line: customer care, technical support,
 * helpline, toll-free, "support number", 24/7 — in the nine languages.
 */
export const SUPPORT_WORDS =
  /\b(?:customer|tech(?:nical)?|client|product|account|billing|printer|antivirus|router|e-?mail)\s+(?:care|support|service|services|help|assistance)\b|\bhelp\s?(?:line|desk)\b|\btoll[\s-]?free\b|\b(?:support|service|care|contact|helpline|customer|reservations?|booking|enquiry|inquiry)\s+(?:phone\s+|telephone\s+)?(?:number|no\.?|#)|\b24\s?[/x×*]\s?7\b|\b24\s+hours?\s+(?:support|service|helpline)\b|\bkundendienst|\bkundenservice|\bkundensupport|\bhotline\b|\bgebührenfrei|\bservice\s+(?:client|après-vente)|\bsupport\s+technique|\bnuméro\s+(?:vert|gratuit)|\bassistance\s+(?:téléphonique|technique)|\batención\s+al\s+cliente|\bservicio\s+(?:al\s+cliente|técnico)|\bsoporte\s+técnico|\bnúmero\s+gratuito|\bassistenza\s+(?:clienti|tecnica)|\bnumero\s+verde|\bservizio\s+clienti|\batendimento\s+ao\s+cliente|\bsuporte\s+técnico|\bklantenservice|\bklantendienst|\bhelpdesk|\bobsługa\s+klienta|\binfolinia|\bpomoc\s+techniczna|служба\s+поддержки|техподдержк|горячая\s+линия|бесплатн\S*\s+номер/i;

/**
 * Words of trade that make an anchor's text a keyword backlink rather than a reader pointing at
 * a source ("best seo services", "cheap flights", "packers and movers"): one is enough in a
 * link's text. Generic words a reader links with ("guide", "review", "docs") are not here.
 */
export const ANCHOR_TRADE_WORDS = new Set(
  `seo services cheap cheapest buy discount discounts deals casino casinos poker betting loans loan payday
  insurance escort escorts dating viagra cialis pharmacy pills replica movers packers helpline
  customer support care toll essay essays assignment homework rehab dentist dental clinic lawyer
  lawyers attorney plumber plumbing locksmith roofing contractors contractor marketing agency
  bookings booking reservations flights airlines tickets followers likes crypto forex trading
  günstig kaufen rabatt pas cher acheter barato comprar descuento economico acquista sconto
  goedkoop kopen korting tanie kupić tanio дешево купить скидки`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Praise that could sit under any post, as spam templates write it: "great post, thanks for
 * sharing", "very informative article", "keep up the good work", "I bookmarked your site".
 * It is PRAISE (above) in a rule: only with a link, a phone number or a plug does it call spam.
 */
export const TEMPLATED_PRAISE = PRAISE;

/** Trade words (BUSINESS_WORDS) an author name needs for the business-author rule, unless it is a host name. */
export const AUTHOR_MIN_TRADE_WORDS = 2;

/** A comment with templated praise and a link is templated only when this short (words, link excluded). */
export const PRAISE_LINK_MAX_WORDS = 60;

/**
 * The plug of the rule layer: a comment offering its writer's own site or service ("visit our
 * website", "we provide", "contact us", "our experts"). Narrower than PLUG, which as a model
 * feature also counts "my team", "my company": a reader says those too.
 */
export const RULE_PLUG =
  /\b(?:visit|check(?:\s+out)?|see|try)\s+(?:our|my)\s+(?:website|web\s?site|site|blog|page|store|shop|services?)\b|\bour\s+(?:website|web\s?site|online\s+store|shop|agency|services|experts|technicians|support\s+team|customer\s+care)\b|\bwe\s+(?:provide|offer|are\s+(?:a|the)\s+(?:leading|best|top))\b|\bcontact\s+(?:us|our)\b|\bget\s+in\s+touch\s+with\s+(?:us|our)\b|\bclick\s+here\b|\bbesuchen\s+sie\s+(?:unsere|meine)|\bunsere\s+(?:webseite|website|seite)|\bwir\s+bieten\b|\bkontaktieren\s+sie\s+uns|\bvisitez\s+(?:notre|mon)|\bnotre\s+site|\bnous\s+(?:offrons|proposons)|\bcontactez[-\s]nous|\bvisite\s+(?:nuestr[ao]|mi|nossa|meu|il\s+nostro|il\s+mio)|\bnuestr[ao]\s+(?:sitio|página|web)|\bofrecemos\b|\bcontáct(?:enos|anos)|\bil\s+nostro\s+sito|\boffriamo\b|\bcontattaci|\bnosso\s+site|\boferecemos\b|\bentre\s+em\s+contato|\bbezoek\s+(?:onze|mijn)|\bonze\s+website|\bwij\s+bieden|\bneem\s+contact\s+met\s+ons|\bodwiedź\s+(?:nasz|moj)|\bnaszą\s+stronę|\boferujemy\b|\bskontaktuj\s+się|посетите|наш\s+сайт|мы\s+предлагаем|свяжитесь\s+с\s+нами/i;
