/**
 * Page metadata (engine/metadata): which `<meta>` names, JSON-LD properties and microdata
 * fill which field, in order of trust, and the thresholds of the date rules. Data only.
 */

export interface MetadataThresholds {
  /** Collect and return `metadata` at all (off: the HTML pass collects nothing for it). */
  enabled: boolean;
  /** Dates before this year are not publication dates of a web page (htmldate uses 1995 too). */
  minYear: number;
  /** A date more than this many days after the moment of cleaning is not a publication date. */
  maxFutureDays: number;
  /**
   * Two strong sources (structured metadata, the URL) that name days further apart than this
   * disagree: no date is given, as a wrong date is worse than none.
   */
  maxDisagreementDays: number;
  /** A visible dateline is looked for in this many blocks around the start of the article. */
  datelineWindow: number;
  /** How many datelines are read to tell which date the page shows (its datePublished or its dateModified). */
  shownDates: number;
  /** The longest block read as a byline. */
  bylineMaxChars: number;
  /** The longest block read as a dateline. */
  datelineMaxChars: number;
  /** A dateline's date begins within this many characters of its block. */
  datelineMaxOffset: number;
  /** In a longer block (a lead paragraph opened by its dateline), within this many. */
  datelineLeadOffset: number;
  /** A labelled date ("veröffentlicht 28.01.2022") begins within this many characters after its label… */
  labelDateAfter: number;
  /** …or ends within this many before it ("wurde am 14. Dezember 2015 um 14:48 von Heiner geschrieben"). */
  labelDateBefore: number;
  /** The longest block read for a labelled date. */
  labelMaxChars: number;
  /** At most this many authors are returned. */
  maxAuthors: number;
}

export const METADATA_DEFAULTS: MetadataThresholds = {
  enabled: true,
  minYear: 1995,
  maxFutureDays: 2,
  maxDisagreementDays: 2,
  datelineWindow: 15,
  shownDates: 3,
  bylineMaxChars: 120,
  datelineMaxChars: 200,
  datelineMaxOffset: 60,
  datelineLeadOffset: 30,
  labelDateAfter: 25,
  labelDateBefore: 60,
  labelMaxChars: 400,
  maxAuthors: 10,
};

/** itemprop values the HTML pass records with their element (dates, authors). */
export const MARKED_ITEMPROPS: ReadonlySet<string> = new Set([
  'datepublished', 'datecreated', 'datemodified', 'dateupdated', 'uploaddate', 'author', 'creator',
]);

/** Class names or ids that say an element holds the publication date. */
export const PUBLISHED_CLASS = /publish|pubdate|post-?date|entry-?date|article-?date|date-?posted|posted-?on|dateline|story-?date|news-?date|created/i;

/** `<meta>` names/properties giving the publication date, most trusted first. */
export const META_PUBLISHED: readonly string[] = [
  'article:published_time', 'og:article:published_time', 'article:published', 'og:published_time', 'published_time',
  'datepublished', 'citation_publication_date', 'citation_date', 'citation_online_date', 'dc.date.issued', 'dcterms.issued',
  'dc.date.created', 'dcterms.created', 'dc.date', 'dcterms.date', 'parsely-pub-date', 'sailthru.date', 'article.published',
  'publish-date', 'publish_date', 'publishdate', 'published-date', 'pubdate', 'date', 'datecreated', 'article_date_original',
  'original-publish-date', 'cxenseparse:recs:publishtime', 'og:pubdate', 'bt:pubdate', 'prism.publicationdate',
  'analyticsattributes.articledate', 'created', 'dc.created', 'release_date', 'pub_date', 'eprints.date',
  'schema:datepublished', 'schema:datecreated', 'dcterms:issued', 'dcterms:created', 'dc:created', 'dc:date',
];

/**
 * Generic date metas: often the day the page was generated or crawled rather than published.
 * They count only after the URL and the visible dateline.
 */
export const META_WEAK_PUBLISHED: ReadonlySet<string> = new Set(['date', 'dc.date', 'dcterms.date', 'created', 'dc.created', 'pubdate', 'dc:date', 'dc:created']);

/** `<meta>` names/properties giving the last modification. */
export const META_MODIFIED: readonly string[] = [
  'article:modified_time', 'og:article:modified_time', 'article:modified', 'og:updated_time', 'modified_time', 'datemodified',
  'dc.date.modified', 'dcterms.modified', 'last-modified', 'lastmod', 'revised', 'dateupdated', 'article.updated',
  'schema:datemodified', 'dcterms:modified',
];

/** JSON-LD properties: publication date first, then modification. */
export const LD_PUBLISHED: readonly string[] = ['datePublished', 'dateCreated', 'uploadDate'];
export const LD_MODIFIED: readonly string[] = ['dateModified'];

/** JSON-LD types that describe the page's main content (a date on them is the page's). */
export const LD_MAIN_TYPES = /article|posting|report|blog|review|news|creativework|webpage|videoobject|recipe|event|podcast|episode|scholarly|thesis|book|photograph|imageobject|question|discussion|howto|medicalwebpage|collectionpage|itempage|aboutpage|profilepage/i;
/**
 * JSON-LD types of a media object: the page's main content on a video's or a photo's own page,
 * else a clip the article embeds, uploaded before it (see structuredDates).
 */
export const LD_MEDIA_TYPES = /videoobject|audioobject|imageobject|mediaobject|photograph|clip/i;
/** JSON-LD types that name a date for something else (the site, a person, an offer). */
export const LD_OTHER_TYPES = /organization|person|website|searchaction|breadcrumb|listitem|offer|product|place|localbusiness|comment|answer|rating|review$/i;

export const META_AUTHOR: readonly string[] = [
  'author', 'article:author', 'og:article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator',
  'citation_author', 'byl', 'twitter:creator:name', 'cxenseparse:author',
];
export const META_SITE: readonly string[] = ['og:site_name', 'application-name', 'apple-mobile-web-app-title', 'twitter:app:name:iphone'];
export const META_DESCRIPTION: readonly string[] = ['og:description', 'description', 'twitter:description', 'dc.description'];
export const META_IMAGE: readonly string[] = ['og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src', 'thumbnail'];
export const META_URL: readonly string[] = ['og:url', 'twitter:url'];
export const META_TAGS: readonly string[] = ['article:tag', 'og:article:tag', 'keywords', 'news_keywords', 'parsely-tags', 'sailthru.tags'];
export const META_CATEGORIES: readonly string[] = ['article:section', 'og:article:section', 'parsely-section', 'section', 'category'];
export const META_TYPE: readonly string[] = ['og:type'];

/**
 * Every `<meta>` name the stage reads: the HTML pass keeps only these (a head's other metas —
 * viewport, robots, verification codes, app ids — are neither lower-cased into the signals nor indexed).
 */
export const META_READ: ReadonlySet<string> = new Set([
  ...META_PUBLISHED, ...META_MODIFIED, ...META_AUTHOR, ...META_SITE, ...META_DESCRIPTION, ...META_IMAGE, ...META_URL,
  ...META_TAGS, ...META_CATEGORIES, ...META_TYPE,
]);

/** Words that open a byline, in the engine's nine languages ("By", "Von", "Par"…). */
export const BYLINE_PREFIXES: readonly string[] = [
  'by', 'written by', 'posted by', 'author', 'authors', 'von', 'autor', 'autorin', 'text', 'par', 'auteur', 'por',
  'de', 'di', 'a cura di', 'door', 'auteur', 'autorzy', 'автор', 'авторы', 'текст',
];
/** Words that join two names in a byline ("Jane Doe and John Smith"). */
export const NAME_JOINERS: readonly string[] = ['and', 'und', 'et', 'y', 'e', 'en', 'i', 'и', '&'];
/** Words that make a byline part a role or a desk rather than a person's name. */
export const NOT_A_NAME: readonly string[] = [
  'staff', 'editor', 'editors', 'editorial', 'reporter', 'reporters', 'correspondent', 'team', 'desk', 'agencies',
  'agency', 'redaktion', 'redaction', 'rédaction', 'redacción', 'redazione', 'redactie', 'redakcja', 'редакция',
  'admin', 'administrator', 'guest', 'contributor', 'contributors', 'writer', 'others', 'more', 'updated', 'published',
  'photo', 'photos', 'comments', 'comment', 'read', 'minutes', 'min',
];
/**
 * Words that label a date as the publication's ("Published on", "veröffentlicht am", "wurde am
 * … geschrieben", "publié le"…), in the nine languages. A labelled date counts anywhere on the
 * page outside comment threads and lists of other stories.
 */
export const PUBLISHED_LABELS: readonly string[] = [
  'published', 'posted', 'written', 'veröffentlicht', 'publiziert', 'erschienen', 'geschrieben', 'gepostet', 'erstellt',
  'publié', 'publiée', 'mis en ligne', 'publicado', 'publicada', 'pubblicato', 'pubblicata', 'gepubliceerd', 'geplaatst',
  'opublikowano', 'opublikowany', 'опубликовано', 'опубликован',
];

/**
 * Words that, before a date, say it is the page's last update ("Aktualisiert: 30.12.2016",
 * "Stand: 12.11.2021"). Such a date is taken only when the page gives no other date at all:
 * a page that shows only its update day dates itself by it.
 */
export const UPDATED_LABEL = /(?<![\p{L}])(?:updated|last updated|aktualisiert|stand|mis à jour|actualizado|actualizada|aggiornato|atualizado|bijgewerkt|zaktualizowano|обновлено)(?![\p{L}])/iu;

/** Words that, before a date, say it is not the publication date. */
export const NOT_PUBLISHED_CONTEXT = /copyright|©|\(c\)|\b(?:version|nächste[nrs]?|kommende[nrs]?|upcoming|next|prochaine?|próxim[oa]|prossim[oa]|volgende)\b|następn|следующ|registriert|registered|joined|member since|mitglied seit|inscrit|updated|aktualisiert|mis à jour|actualizado|aggiornato|atualizado|bijgewerkt|zaktualizowano|обновлено|modified|geändert|last edited|expires|deadline|event|termin/i;
