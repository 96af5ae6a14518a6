/** What makes a run of comment blocks a thread of readers' comments (engine/comments/split.ts). */

/**
 * Share of a thread's characters inside links above which it is a list of links to other pages
 * (teaser cards labelled with their comment counts, a sidebar of the site's latest comments):
 * readers write text, not links.
 */
export const MAX_THREAD_LINK_SHARE = 0.8;
