/**
 * What an element's tag, role, class and id say about its content. Data, not code: the HTML
 * path reads these tables and nothing else to give regions a boilerplate kind.
 *
 * Class names and ids are tested one name at a time, lower-cased. A pattern must match a whole
 * word of the name (words are separated by `-`, `_`, digits or a case change), so `share` hits
 * `share-bar` and `socialShare` but not `shareholder-report`.
 */
import type { BlockKind } from '../types';

/** Elements whose content is never article text and is dropped before segmentation. */
export const SKIP_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'embed',
  'canvas', 'video', 'audio', 'select', 'option', 'button', 'input', 'textarea',
  'link', 'meta', 'map', 'dialog',
]);

/** Elements that begin a new block of text. Everything else is inline. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5',
  'h6', 'header', 'hgroup', 'hr', 'html', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'summary', 'table', 'tbody', 'thead', 'tfoot', 'td', 'th', 'tr', 'ul', 'caption', 'menu',
  'legend', 'label', 'object', 'applet',
]);

/**
 * A plugin's element (Flash, Java, an old video player). No browser runs those plugins any
 * more, so it shows the element's fallback content instead: a video's description, its notice.
 */
export const PLUGIN_TAGS: ReadonlySet<string> = new Set(['object', 'applet']);

/**
 * Inputs whose text beside them is a form's options: a poll's answers, a rating's grades, a
 * payment's choices. The row or element holding one is boilerplate. Checkboxes are not here:
 * besides "Remember me" they stand beside a listing's entries ("add to my clipboard"), and a
 * classifieds page's entries are its content.
 */
export const FORM_OPTION_INPUTS: ReadonlySet<string> = new Set(['radio']);

export const HEADING_TAGS: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
export const LIST_ITEM_TAGS: ReadonlySet<string> = new Set(['li', 'dt', 'dd']);

/** Tags that say what their region is by themselves. */
export const TAG_KINDS: Readonly<Record<string, BlockKind>> = {
  nav: 'navigation',
  footer: 'footer',
  aside: 'related',
  figcaption: 'caption',
  figure: 'caption',
  address: 'author',
};

/** ARIA roles that say what their region is. */
export const ROLE_KINDS: Readonly<Record<string, BlockKind>> = {
  navigation: 'navigation',
  banner: 'header',
  contentinfo: 'footer',
  complementary: 'related',
  search: 'navigation',
  menu: 'navigation',
  menubar: 'navigation',
  dialog: 'consent',
  alertdialog: 'consent',
};

/**
 * Class/id words → kind, most specific first (the first rule that matches a name wins).
 * Each entry lists alternatives matched as whole words of a class name or id.
 */
export const NAME_KINDS: ReadonlyArray<{ kind: BlockKind; words: string[]; linkList?: boolean }> = [
  { kind: 'comment-form', words: ['respond', 'comment-form', 'commentform', 'comment-respond', 'reply-form', 'comment-reply', 'add-comment', 'post-comment', 'leave-reply', 'comments-form'] },
  // A sidebar's list of the site's latest comments, each "Name on <another post>": no thread of this page.
  { kind: 'related', words: ['recent-comments', 'recentcomments', 'recent_comments', 'latest-comments', 'latestcomments'] },
  { kind: 'comments', words: ['comment', 'comments', 'commentlist', 'comment-list', 'comments-area', 'disqus', 'disqus_thread', 'discussion', 'replies', 'talkback', 'fb-comments', 'commentary-list', 'user-comments'] },
  { kind: 'consent', words: ['cookie', 'cookies', 'consent', 'gdpr', 'cmp', 'privacy-banner', 'cookiebar', 'cookie-notice', 'onetrust'] },
  { kind: 'newsletter', words: ['newsletter', 'subscribe', 'subscription', 'signup', 'sign-up', 'mailing-list', 'optin', 'opt-in'] },
  { kind: 'share', words: ['share', 'shares', 'sharing', 'social', 'sharebar', 'share-bar', 'sharedaddy', 'addthis', 'sociable', 'social-links', 'follow-us', 'print-email'] },
  { kind: 'related', words: ['related', 'recommended', 'recommendations', 'more-stories', 'read-more', 'readmore', 'also-read', 'taboola', 'outbrain', 'trending', 'popular', 'most-read', 'mostread', 'most-popular', 'next-article', 'more-from', 'you-may-like', 'yarpp', 'jp-relatedposts', 'teaser', 'teasers', 'promo', 'promos', 'carousel', 'widget', 'widgets'] },
  { kind: 'ad', words: ['ad', 'ads', 'advert', 'adverts', 'advertisement', 'advertising', 'adsense', 'adslot', 'ad-slot', 'ad-container', 'ad-wrapper', 'dfp', 'gpt', 'sponsor', 'sponsored', 'banner-ad', 'native-ad', 'googleads'] },
  { kind: 'breadcrumb', words: ['breadcrumb', 'breadcrumbs', 'crumbs', 'crumb'], linkList: true },
  // Names of what is a list of links by nature (a menu, a table of contents)…
  { kind: 'navigation', words: ['nav', 'navbar', 'navigation', 'menu', 'menus', 'pagination', 'pager', 'skip-link', 'skiplink', 'sitemap', 'jump-to', 'toc', 'table-of-contents'], linkList: true },
  // …and of places on the page, which may hold prose (a sidebar's "about me").
  { kind: 'navigation', words: ['masthead', 'toolbar', 'topbar', 'site-header', 'sidebar', 'side-bar', 'rail', 'right-rail', 'left-rail', 'search'] },
  { kind: 'tags', words: ['tags', 'tag-list', 'taglist', 'tag-links', 'tagcloud', 'tag-cloud', 'post-tags', 'entry-tags', 'keywords', 'topics', 'categories', 'cat-links', 'post-categories'] },
  { kind: 'author', words: ['author-bio', 'author-box', 'authorbox', 'about-author', 'about-the-author', 'author-info', 'author-card', 'bio', 'contributor-bio', 'byline-bio'] },
  { kind: 'caption', words: ['caption', 'captions', 'wp-caption-text', 'credit', 'credits', 'photo-credit', 'image-credit', 'gallery', 'slideshow', 'lightbox', 'media-caption', 'image-caption', 'photo-caption'] },
  { kind: 'metadata', words: ['byline', 'dateline', 'post-meta', 'entry-meta', 'article-meta', 'meta', 'timestamp', 'published', 'posted-on', 'date', 'time', 'kicker', 'eyebrow', 'label'] },
  { kind: 'legal', words: ['copyright', 'legal', 'disclaimer', 'terms', 'privacy'] },
  { kind: 'footer', words: ['footer', 'site-footer', 'page-footer', 'colophon', 'bottom'] },
  { kind: 'header', words: ['header', 'site-header', 'page-header', 'topnav', 'top-nav', 'banner'] },
  { kind: 'boilerplate', words: ['visually-hidden', 'sr-only', 'screen-reader-text', 'screenreader', 'element-invisible', 'modal', 'popup', 'print-only', 'offscreen'] },
];

/**
 * Words of CSS box properties in utility class names (`padding-bottom-5`, `border-top`,
 * `box-edged-borders-bottom`): the word after one names a side of the box, not a footer or a
 * header of the page.
 */
export const STYLE_WORDS: readonly string[] = ['padding', 'margin', 'border', 'borders', 'radius'];

/**
 * Names that mark the article's own container. They raise a region's score when the engine
 * chooses the main content; they never remove anything.
 */
export const CONTENT_NAMES: readonly string[] = [
  'article-body', 'articlebody', 'article-content', 'article-text', 'articletext', 'article__body',
  'entry-content', 'post-content', 'post-body', 'postbody', 'post-entry', 'story-body', 'storybody',
  'story-content', 'story-text', 'body-text', 'bodytext', 'main-content', 'content-body', 'text-body',
  'article', 'story', 'entry', 'post', 'blog-post', 'news-text', 'article-main', 'td-post-content',
  'rich-text', 'richtext', 'prose', 'page-content', 'single-content', 'content',
];

/**
 * Class names of a social post embedded in the article (the blockquote Twitter/X, Instagram and
 * TikTok put in a page): a post the story quotes. The wrappers sites put around one are named
 * for the service ("social-media-embed", "article-widget"), so their hints do not reach it.
 */
export const EMBEDDED_POST_NAMES: ReadonlySet<string> = new Set(['twitter-tweet', 'instagram-media', 'tiktok-embed']);

/** Kinds whose class names are specific enough to trust even over long, article-like text. */
export const ALWAYS_TRUSTED_KINDS: ReadonlySet<BlockKind> = new Set(['comments', 'comment-form', 'consent']);

/**
 * Kinds that are the site's rather than the page's: a page read as plain text when its HTML
 * reading found no article leaves their blocks out. Ads, bylines and captions are not here: a
 * site may name the element wrapping its whole page like an ad, and the text reading judges
 * such lines itself.
 */
export const SITE_CHROME_KINDS: ReadonlySet<BlockKind> = new Set([
  'navigation', 'footer', 'breadcrumb', 'consent', 'related', 'share', 'newsletter',
  'comments', 'comment-form', 'legal', 'tags', 'boilerplate',
]);

/** Kinds that are metadata about the article rather than navigation away from it. */
export const SOFT_KINDS: ReadonlySet<BlockKind> = new Set(['metadata', 'header']);
