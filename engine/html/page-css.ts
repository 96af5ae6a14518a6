/**
 * What the page's own `<style>` blocks hide. A browser does not show an element that a rule
 * like `#printDesc { display: none }` matches, so a reader never sees its text, and neither
 * should the article. Pages use this for the print copy of a story kept beside the screen
 * copy, for templates filled by script, for markup left for crawlers.
 *
 * Only what is hidden for sure counts:
 * - a rule at the top level of the sheet (a rule inside `@media` holds on some screens only);
 * - one whose selector is a single `#id` or `.class`, nothing else (`.tabs .panel` depends
 *   on the tree, `.panel:hover` on the reader);
 * - and no rule anywhere in the page's sheets names that id or class in a selector that
 *   shows something (`.panel.active { display: block }`): a panel that a tab or a "Read more"
 *   button opens is a name that is shown as well as hidden.
 *
 * External stylesheets are not fetched: the engine reads one page, offline.
 */

/** Declarations that take an element's text off the screen. */
const HIDES = /(?:^|[;{\s])(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;
/** The same, loosely: does a sheet hide anything at all (most of a page's sheets hide nothing)? */
const MAY_HIDE = /display\s*:\s*none|visibility\s*:\s*hidden/gi;
/** Declarations that put it back (any other display, visible). */
const SHOWS = /(?:^|[;{\s])(?:display\s*:\s*(?!none\b)[a-z-]+|visibility\s*:\s*visible)/i;
/** A selector that is one id or one class and nothing else. */
const SIMPLE = /^([#.])(-?[_a-zA-Z][\w-]*)$/;
const COMMENT = /\/\*[\s\S]*?(?:\*\/|$)/g;
const HTML_SPACES = /[ \t\n\r\f]+/;

/** Can this character code continue a CSS name (`[\w-]`, or any non-ASCII)? */
function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 95 || c >= 128;
}

export class HiddenByStyle {
  private readonly hiddenIds = new Set<string>();
  private readonly hiddenClasses = new Set<string>();
  /**
   * The selectors of every rule that shows something, as one text: whether a name is among
   * them is asked only for the few names some rule hides (see `isShown`).
   */
  private shownSelectors: string[] = [];
  private shownText: string | null = '';
  /** isShown's answers, by `#id` or `.class`; emptied when a sheet shows more. */
  private readonly shownAnswers = new Map<string, boolean>();
  /** Names of the elements `hides` has hidden (`#id`, `.class`). */
  private readonly used = new Set<string>();
  /** Set once every sheet of the page is known: `read` adds nothing more. */
  private isSettled = false;
  /** True once a sheet hid something: until then `hides` need not be asked. */
  any = false;

  /** Reads one `<style>` element's text. */
  read(css: string): void {
    if (this.isSettled) return;
    // Most sheets of a page hide nothing by a bare name: they are passed over, unless an
    // earlier sheet did (then a later one may show it again).
    if (!this.any && !hidesByBareName(css)) return;
    // Property names as sheets write them, in lower case (`DISPLAY: none` is left unread).
    readRules(css.includes('/*') ? css.replace(COMMENT, ' ') : css, (selectors, declarations, top) => {
      if (top && HIDES.test(declarations)) {
        for (const selector of selectors.split(',')) {
          const simple = SIMPLE.exec(selector.trim());
          if (!simple) continue;
          (simple[1] === '#' ? this.hiddenIds : this.hiddenClasses).add(simple[2]!);
          this.any = true;
        }
      } else if (SHOWS.test(declarations)) {
        this.shownSelectors.push(selectors);
        this.shownText = null;
        this.shownAnswers.clear();
      }
    });
  }

  /**
   * Does a rule of the page's sheets hide the element with this id and class attribute? Not
   * when any of its names is one that some rule shows: `class="d-none d-md-block"` is shown on
   * a wide screen.
   */
  hides(id: string | undefined, className: string | undefined): boolean {
    // Most elements carry none of the few hidden names: a substring search rules them out
    // without cutting the class attribute into names.
    const byId = id !== undefined && id !== '' && this.hiddenIds.has(id);
    if (!byId && !(className && this.mayNameHiddenClass(className))) return false;
    const names = className ? className.split(HTML_SPACES).filter(Boolean) : [];
    if (id && this.isShown('#', id)) return false;
    if (names.some((name) => this.isShown('.', name))) return false;
    if (!byId && !names.some((name) => this.hiddenClasses.has(name))) return false;
    // Remembered, so that a later sheet showing any of them sends the page through again.
    if (id) this.used.add(`#${id}`);
    for (const name of names) this.used.add(`.${name}`);
    return true;
  }

  private mayNameHiddenClass(className: string): boolean {
    for (const name of this.hiddenClasses) if (className.includes(name)) return true;
    return false;
  }

  /** Does some showing rule's selector name `#id` or `.class` (`.panel.active`, `#menu:hover`)? */
  private isShown(prefix: '#' | '.', name: string): boolean {
    const key = prefix + name;
    let answer = this.shownAnswers.get(key);
    if (answer === undefined) {
      const text = (this.shownText ??= this.shownSelectors.join(','));
      answer = false;
      for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) {
        if (!isNameChar(text.charCodeAt(at + key.length))) {
          answer = true;
          break;
        }
      }
      this.shownAnswers.set(key, answer);
    }
    return answer;
  }

  /** Did a sheet read after an element was hidden show that element's name again? */
  revoked(): boolean {
    for (const key of this.used) if (this.isShown(key[0] as '#' | '.', key.slice(1))) return true;
    return false;
  }

  /** These rules, all sheets read, for a second walk of the page (its sheets are not read again). */
  settled(): HiddenByStyle {
    this.isSettled = true;
    this.used.clear();
    return this;
  }
}

/**
 * Does some rule of `css` hide by a bare `#id` or `.class` (top level or not)? A quick look
 * from each hiding declaration back to its selector, so that a sheet hiding only by longer
 * selectors (most of them: `.menu li ul { display: none }`) is not parsed rule by rule.
 */
function hidesByBareName(css: string): boolean {
  MAY_HIDE.lastIndex = 0;
  for (let m = MAY_HIDE.exec(css); m; m = MAY_HIDE.exec(css)) {
    const open = css.lastIndexOf('{', m.index);
    if (open < 0) continue;
    const start = Math.max(css.lastIndexOf('}', open), css.lastIndexOf('{', open - 1), css.lastIndexOf(';', open)) + 1;
    const selectors = css.slice(start, open);
    if (selectors.includes('/*') || selectors.split(',').some((s) => SIMPLE.test(s.trim()))) return true;
  }
  return false;
}

/**
 * Calls `rule` for each rule of `css` that sets `display` or `visibility`: its selector text,
 * its declarations, and whether it stands at the top level. The rules inside a conditional
 * group (`@media`, `@supports`, `@layer`) come with top = false; `@media print` and other
 * at-rules (`@font-face`, `@keyframes`) are passed over.
 */
function readRules(css: string, rule: (selectors: string, declarations: string, top: boolean) => void): void {
  new RuleReader(css, rule).group(0, true);
}

/**
 * readRules' state. A class, not closures inside readRules: V8 keeps the optimized code of a
 * method for as long as the program runs, while closures made anew for each sheet had theirs
 * compiled again and again (their code is dropped once the sheet's closures are collected).
 */
class RuleReader {
  // Where the next `@`, `display` and `visibility` stand: each found once, and again only
  // once passed, so a rule that sets neither is passed over without cutting its text out.
  private nextAt = -1;
  private nextDisplay = -1;
  private nextVisibility = -1;

  constructor(
    private readonly css: string,
    private readonly rule: (selectors: string, declarations: string, top: boolean) => void,
  ) {}

  private after(word: string, from: number): number {
    const found = this.css.indexOf(word, from);
    return found < 0 ? Infinity : found;
  }

  group(from: number, top: boolean): number {
    const css = this.css;
    let i = from;
    while (i < css.length) {
      const open = css.indexOf('{', i);
      const close = css.indexOf('}', i);
      if (close >= 0 && (open < 0 || close < open)) return close + 1; // the group ends
      if (open < 0) return css.length;
      if (this.nextAt < i) this.nextAt = this.after('@', i);
      if (this.nextAt < open) {
        const prelude = css.slice(i, open);
        const at = prelude.slice(prelude.lastIndexOf(';') + 1).trim(); // `@import …;` may come before it
        if (at.startsWith('@')) {
          if (/^@media\b/i.test(at) && !mediaShowsOnScreen(at.slice(6))) i = skipBlock(css, open + 1); // `@media print`
          else if (/^@(?:media|supports|layer|container|document)\b/i.test(at)) i = this.group(open + 1, false);
          else i = skipBlock(css, open + 1);
          continue;
        }
      }
      const end = css.indexOf('}', open + 1);
      if (end < 0) return css.length;
      if (this.nextDisplay < open) this.nextDisplay = this.after('display', open);
      if (this.nextVisibility < open) this.nextVisibility = this.after('visibility', open);
      if (this.nextDisplay < end || this.nextVisibility < end) {
        const prelude = css.slice(i, open);
        this.rule(prelude.slice(prelude.lastIndexOf(';') + 1).trim(), css.slice(open + 1, end), top);
      }
      i = end + 1;
    }
    return i;
  }
}

/** Past the `}` that closes the block opened just before `from` (nested braces counted). */
function skipBlock(css: string, from: number): number {
  let depth = 1;
  for (let i = from; i < css.length; i++) {
    const c = css.charCodeAt(i);
    if (c === 123) depth++;
    else if (c === 125 && --depth === 0) return i + 1;
  }
  return css.length;
}

/**
 * Does a media query list (`print`, `screen and (max-width: 600px)`, `all`) include screens?
 * Only a list whose every query names another medium (print, speech) leaves them out.
 */
export function mediaShowsOnScreen(media: string | undefined): boolean {
  if (media === undefined) return true;
  return media.split(',').some((query) => {
    const q = query.trim().toLowerCase();
    if (q.startsWith('not ')) return true; // `not print`
    const medium = /^(?:only\s+)?([a-z-]+)/.exec(q)?.[1];
    return medium === undefined || medium === 'screen' || medium === 'all' || medium === 'and';
  });
}
