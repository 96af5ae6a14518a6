import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clean } from '../engine';
import { hintFromNames, normaliseName } from '../engine/html/hints';
import type { BlockKind, CleanResult } from '../engine';

const fixture = (name: string) => readFileSync(join(__dirname, '../examples', name));
const kinds = (r: CleanResult): Set<BlockKind> => new Set(r.blocks.filter((b) => !b.kept).map((b) => b.kind));

describe('HTML path: a WordPress post with share bar, related posts, comments and a comment form', () => {
  const result = clean(fixture('wordpress-post.html'));

  test('the text is the title, then the article', () => {
    expect(result.format).toBe('html');
    expect(result.title).toBe('How We Restored the Old Mill Wheel');
    expect(result.text.split('\n')[0]).toBe('How We Restored the Old Mill Wheel');
    for (const phrase of [
      'When our volunteers first opened the doors of the mill',
      'We spent the first month simply recording what was there.',
      'Finding the right timber',
      'Oak of the right size is hard to find today.',
      'On the first Saturday of October the sluice gate was opened',
    ]) {
      expect(result.text).toContain(phrase);
    }
    expect(result.body.startsWith('When our volunteers')).toBe(true);
  });

  test('a title the page never shows (only in <title>) stays out of the text', () => {
    const para = 'The council voted on Tuesday to keep the library open on Sundays, after a petition signed by two thousand residents asked for it. '.repeat(3);
    const page = (heading: string) =>
      `<html><head><title>Library stays open</title></head><body><article>${heading}<p>${para}</p><p>${para}</p></article></body></html>`;
    const hidden = clean(page('<h1>Sunday opening saved</h1>'));
    // The headline the page shows is its title (-79); the <title> it does not show stays out.
    expect(hidden.title).toBe('Sunday opening saved');
    expect(hidden.text).toBe(hidden.body);
    expect(hidden.text).not.toContain('Library stays open');
    const shown = clean(page('<h1>Library stays open</h1>'));
    expect(shown.text.split('\n')[0]).toBe('Library stays open');
    expect(shown.body.startsWith('The council voted')).toBe(true);
  });

  test('list items and table rows are lines; paragraphs are separated by one blank line', () => {
    expect(result.text).toContain(
      'Twenty-four new paddles, each cut from a single board.\nTwo new spokes to replace the ones that had cracked.\nA new bearing block for the main axle.',
    );
    expect(result.text).toContain('Part | Hours of work\nPaddles | 310\nSpokes | 45');
    expect(result.text).toContain('the gearing.\n\nWe spent the first month');
    expect(result.text).not.toMatch(/\n{3,}/);
  });

  test('nothing of the boilerplate, the comments or the comment form', () => {
    for (const phrase of [
      'Skip to content', 'Volunteer', 'Posted on', 'Share this', 'Twitter', 'Related', 'millpond',
      'Tagged', 'thoughts on', 'Peter Hale', 'grandfather', 'Replica Watches', 'claim your prize',
      'Leave a Reply', 'Your email address will not be published', 'Post Comment', 'Recent Posts',
      'All rights reserved', 'We use cookies',
    ]) {
      expect(result.text).not.toContain(phrase);
    }
  });

  test('every removed block says what it is and why', () => {
    for (const kind of ['navigation', 'share', 'related', 'comments', 'comment-form', 'footer', 'consent'] as BlockKind[]) {
      expect(kinds(result).has(kind)).toBe(true);
    }
    for (const block of result.blocks) {
      expect(block.reason.length).toBeGreaterThan(0);
    }
    const spam = result.blocks.find((b) => b.text.includes('Replica Watches'));
    expect(spam).toMatchObject({ kind: 'comments', kept: false });
    const notes = result.blocks.find((b) => b.text.startsWith('Your email address'));
    expect(notes).toMatchObject({ kind: 'comment-form', kept: false });
  });

  test('blocks are in document order and the stats add up', () => {
    result.blocks.forEach((b, i) => expect(b.index).toBe(i));
    const kept = result.blocks.filter((b) => b.kept);
    expect(result.stats.blocksKept).toBe(kept.length);
    expect(result.stats.blocksRemoved).toBe(result.blocks.length - kept.length);
    expect(result.stats.charsKept).toBe(kept.reduce((n, b) => n + b.text.length, 0));
    expect(result.stats.removed.comments?.blocks).toBeGreaterThanOrEqual(4);
    expect(result.language).toBe('en');
  });
});

describe('HTML path: a news page with navigation, breadcrumbs, related links, an ad and a footer', () => {
  const result = clean(fixture('news-article.html'));

  test('keeps the article', () => {
    expect(result.title).toBe('City council approves new cycle lanes');
    expect(result.body.split('\n\n')).toHaveLength(4);
    expect(result.body).toContain('eleven kilometres of protected cycle lanes');
    expect(result.body).toContain('“Now it is time to build, and to measure honestly what happens.”');
  });

  test('drops everything around it, each under its kind', () => {
    for (const phrase of ['Subscribe', 'Sport', 'Local', 'Maria Lopez', 'rush hour', 'Advertisement', 'morning briefing', 'Bus fares', 'ring road', 'Most read', 'bakery', 'Daily Courier', 'Privacy']) {
      expect(result.text).not.toContain(phrase);
    }
    for (const kind of ['navigation', 'breadcrumb', 'caption', 'ad', 'newsletter', 'related', 'footer'] as BlockKind[]) {
      expect(kinds(result).has(kind)).toBe(true);
    }
  });
});

describe('HTML path: structure and robustness', () => {
  const paragraph = (i: number) =>
    `<p>Paragraph ${i} of the report explains, in plain words and at some length, what the committee found when it visited the harbour last winter.</p>`;

  test('a short article after a short navigation bar is found (the page itself is no teaser card)', () => {
    const r = clean(`<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article>${[1, 2, 3].map(paragraph).join('')}</article></body></html>`);
    expect(r.body.split('\n\n')).toHaveLength(3);
    expect(r.blocks[0]).toMatchObject({ kind: 'navigation', kept: false });
  });

  test("a social post the story embeds is the article's, whatever its wrapper is named; the share bar is not", () => {
    const tweet =
      '<blockquote class="twitter-tweet"><p lang="en">The harbour wall held through the night, and the boats are back in.</p>' +
      '— Harbour Master (@harbourmaster) <a href="https://twitter.com/harbourmaster/status/1">November 18, 2019</a></blockquote>';
    const share = '<div class="social-share"><a href="/s/fb">Facebook</a> <a href="/s/tw">Twitter</a></div>';
    const page = (embed: string) =>
      `<html><body><article>${share}${paragraph(1)}${paragraph(2)}${embed}${paragraph(3)}</article></body></html>`;
    const r = clean(page(`<div class="social-media-embed">${tweet}</div>`));
    expect(r.body).toContain('The harbour wall held through the night');
    expect(r.body).not.toContain('Facebook');
    // A post inside a box that already holds something else (a sidebar of the site's own posts) keeps that box's hint.
    const sidebar = clean(page(`<div class="social-media-embed"><p>Follow the harbour on every network we are on.</p>${tweet}</div>`));
    expect(sidebar.body).not.toContain('The harbour wall held through the night');
    // Nor does a post a reader put in the comments.
    const thread = clean(page(`<div id="comments" class="comments">${tweet}<p>Great to see the boats back, thanks for the report.</p></div>`));
    expect(thread.body).not.toContain('The harbour wall held through the night');
    // A class names the post, in any case, among other names; an id of that name does not.
    const named = (attrs: string) =>
      clean(page(`<div class="social-media-embed"><blockquote ${attrs}><p lang="en">The harbour wall held through the night, and the boats are back in.</p></blockquote></div>`));
    expect(named('class="embed Twitter-Tweet tw-align-center"').body).toContain('The harbour wall held through the night');
    expect(named('id="twitter-tweet"').body).not.toContain('The harbour wall held through the night');
    expect(named('class="twitter-tweets"').body).not.toContain('The harbour wall held through the night');
  });

  test('a "related" box inside the article removes only its own section', () => {
    const html = `<html><body><article>${paragraph(1)}${paragraph(2)}
      <div class="box"><h4>Related articles</h4><p><a href="/x">Harbour fees rise again this spring, the port authority says</a></p></div>
      ${paragraph(3)}${paragraph(4)}</article></body></html>`;
    const r = clean(html);
    expect(r.body).toContain('Paragraph 4');
    expect(r.body).not.toMatch(/Related articles|Harbour fees/);
  });

  test('a list heading in the site\'s own words ("Recent … Articles") drops the headline rows below it; the same words over prose stay', () => {
    const row = (title: string) => `<tr><td><a href="/a/${title.length}">${title}</a> Jan 16, 7:00 AM A short blurb on what the story says about it.</td></tr>`;
    const rows = [row('Harbour fees rise again this spring'), row('Ferry service to resume after the storm')].join('');
    const listed = clean(`<html><body><table>${[1, 2, 3].map((i) => `<tr><td>${paragraph(i)}</td></tr>`).join('')}
      <tr><td>Recent Harbour Daily Articles</td></tr>${rows}</table></body></html>`);
    expect(listed.body).toContain('Paragraph 3');
    expect(listed.body).not.toMatch(/Recent Harbour|Harbour fees|Ferry service/);
    // An article's own subheading that reads like one, over a paragraph: kept.
    const subhead = clean(`<html><body><article>${paragraph(1)}${paragraph(2)}<h2>More bad news</h2>${paragraph(3)}</article></body></html>`);
    expect(subhead.body).toContain('More bad news');
    expect(subhead.body).toContain('Paragraph 3');
  });

  test('two <br>s end a paragraph, also with no-break spaces between them', () => {
    const text = (i: number) => `Paragraph ${i} of the letter explains, in plain words and at some length, what the committee found at the harbour.`;
    for (const gap of ['<br><br>', '<br>&nbsp;&nbsp;&nbsp;<br>', '<br>\u00a0<br>', '<br> &#160; <br>']) {
      const r = clean(`<html><body><table><tr><td>${text(1)}${gap}${text(2)}${gap}${text(3)}</td></tr></table></body></html>`);
      expect(r.body.split('\n\n')).toEqual([text(1), text(2), text(3)]);
    }
    // A UTF-8 page is walked as bytes: U+00A0 arrives as two of them.
    const utf8 = Buffer.from(`<html><head><meta charset="utf-8"></head><body><div>${text(1)}<br>\u00a0\u00a0<br>${text(2)}</div></body></html>`, 'utf8');
    expect(clean(utf8).body.split('\n\n')).toEqual([text(1), text(2)]);
    // One <br> is a line break inside the paragraph, not the end of it.
    expect(clean(`<html><body><div>${text(1)}<br>&nbsp;${text(2)}</div></body></html>`).body.split('\n\n')).toHaveLength(1);
  });

  test('a "Related stories:" line set as a bold paragraph drops the headlines below it, and only those', () => {
    const story = (title: string, blurb: string) => `<p><b><a href="/s/${title.length}">${title}</a></b><br>${blurb}<br>Daily Courier, January 26</p>`;
    const related = [
      story('Council delays the vote on the harbour plan', 'The vote on the new harbour plan was put off until March after a long debate on the cost of dredging the channel.'),
      story('What is a port for?', 'A columnist asks whether a town of this size needs a deep-water port at all, and who would pay to keep it open.'),
    ];
    const page = (list: string, after: string) =>
      `<html><body><table><tr><td>${paragraph(1)}${paragraph(2)}<p><b>Related stories:</b></p>${list}${after}</td></tr></table></body></html>`;
    const listed = clean(page(related.join(''), ''));
    expect(listed.body).toContain('Paragraph 2');
    expect(listed.body).not.toMatch(/Related stories|harbour plan|deep-water port/);
    // An inline box of links mid-article: the story goes on below the list.
    const inline = clean(page(related[0], `${paragraph(3)}${paragraph(4)}`));
    expect(inline.body).not.toContain('harbour plan');
    expect(inline.body).toContain('Paragraph 4');
  });

  test('teaser cards that open with a kicker above their headline link are not the article', () => {
    const card = (kicker: string, headline: string, blurb: string) =>
      `<div><div>${kicker}</div><h2><a href="/story">${headline}</a></h2><p>${blurb}</p></div>`;
    const html = `<html><body><div>${[1, 2, 3, 4].map(paragraph).join('')}
      ${card('REINDEER GAMES', 'Herders and miners meet in the north', 'The herders have moved their animals across the same valleys for generations, and now a mine stands in the way.')}
      ${card('A NATIONAL TRAGEDY', 'Bushfires spread across the state', 'Dozens of fires are burning across more than two million acres, and the smoke has reached the coast.')}
      </div></body></html>`;
    const r = clean(html);
    expect(r.body).toContain('Paragraph 4 of the report');
    expect(r.body).not.toMatch(/herders|Dozens of fires|REINDEER/);
    const blurb = r.blocks.find((b) => b.text.startsWith('Dozens of fires'));
    expect(blurb).toMatchObject({ kind: 'related', kept: false, reason: expect.stringContaining('teaser card') });
  });

  test('a short section under a short heading whose paragraph opens with a link stays in the article', () => {
    const html = `<html><body><article>${paragraph(1)}${paragraph(2)}
      <section><h3>Background</h3><p><a href="/report">The harbour committee's earlier report</a> was published in the spring, and it asked for the same repairs.</p></section>
      ${paragraph(3)}</article></body></html>`;
    const r = clean(html);
    expect(r.body).toContain("The harbour committee's earlier report was published in the spring");
    expect(r.body).toContain('Paragraph 3 of the report');
  });

  test('a comment section without class names ends the article', () => {
    const html = `<html><body><div>${[1, 2, 3].map(paragraph).join('')}
      <h3>Leave a Reply</h3><p>Your email address will not be published. Required fields are marked *</p>
      <p>I think the committee was wrong about the harbour and I have said so many times at the meetings.</p></div></body></html>`;
    const r = clean(html);
    expect(r.body).toContain('Paragraph 3 of the report');
    expect(r.body).not.toContain('Leave a Reply');
    expect(r.body).not.toContain('committee was wrong');
  });

  test('a copyright notice after the story ends it; a byline or credit that carries one does not', () => {
    const teaser = (h: string) =>
      `<p>${h} New Delhi, Jan 15: the ministry said on Tuesday that the plan would go ahead as announced last year.</p>`;
    const html = (notice: string, before = '') => `<html><body><div>${before}${[1, 2, 3].map(paragraph).join('')}
      <p>${notice}</p>${teaser('Army Day marked.')}${teaser('Court lifts a ban.')}</div></body></html>`;
    const ended = clean(html('© 2008 Associated Press. All rights reserved.'));
    expect(ended.body).toContain('Paragraph 3 of the report');
    expect(ended.body).not.toMatch(/Army Day|Court lifts/);
    expect(ended.blocks.find((b) => b.text.startsWith('Army Day'))).toMatchObject({ kind: 'legal', kept: false });
    // A notice without an owner's name, in parentheses, or above most of the story ends nothing.
    for (const notice of ['Copyright 1954, softbound manual with worked examples', '(Photo: Copyright Aetna, Inc., 1992. Used with permission)']) {
      expect(clean(html(notice)).body).toContain('Army Day marked.');
    }
    const byline = clean(html('Paragraph 4 of the report.', '<p>© 2003 Bulletin of the Atomic Scientists</p>'));
    expect(byline.body).toContain('Army Day marked.');
    // Readers' comments below the notice are still a comment section.
    const thread = clean(html('© 2008 Associated Press. All rights reserved.</p><h3>Reader comments</h3><p>I was there that day and the harbour looked nothing like the photos in this report.'));
    expect(thread.blocks.find((b) => b.text.startsWith('I was there'))).toMatchObject({ kind: 'comments', kept: false });
  });

  test('a legal notice longer than the phrase scan still goes; a copyright year inside prose stays', () => {
    const html = (extra: string) => `<html><body><div>${[1, 2, 3].map(paragraph).join('')}<p>${extra}</p></div></body></html>`;
    // Over 160 characters: past the phrase scan, not past what a legal notice says.
    const notice =
      'Disclaimer: This news article is copyrighted by Associated Press and published by the site. If you have any ' +
      'questions regarding information in this article please contact the agency, not the publisher.';
    expect(notice.length).toBeGreaterThan(160);
    const dropped = clean(html(notice));
    expect(dropped.body).toContain('Paragraph 3 of the report');
    expect(dropped.blocks.find((b) => b.text.startsWith('Disclaimer:'))).toMatchObject({ kind: 'legal', kept: false });
    const opens = '© 2007 Agence France Presse. The information contained in this report may not be republished or redistributed ' +
      'in any form, by any means, other than as the terms of the agreement with the agency allow.';
    expect(clean(html(opens)).body).not.toContain('Agence France Presse');
    // A book's edition in a long description is not a notice.
    const book = 'Copyright 1936 and 1939, small format hardbound. This book has everything from the design and construction ' +
      'of the instrument to its use in the field, with worked examples on nearly every page of it.';
    expect(clean(html(book)).body).toContain('small format hardbound');
  });

  test("a comment thread's policy, however long, is the comment section's, not the story's", () => {
    const policy =
      'COMMENT RULES Comment posters are responsible for the opinions they express and the accuracy of the information ' +
      'they provide. We reserve the right to remove comments that are off topic, abusive or that advertise anything at all.';
    expect(policy.length).toBeGreaterThan(160);
    const html = `<html><body><div>${[1, 2, 3].map(paragraph).join('')}<p>${policy}</p>
      <p>I was at the meeting and the harbour committee did not say any of this, whatever the paper says now.</p></div></body></html>`;
    const r = clean(html);
    expect(r.body).toContain('Paragraph 3 of the report');
    expect(r.blocks.find((b) => b.text.startsWith('COMMENT RULES'))).toMatchObject({ kind: 'comment-form', kept: false });
    expect(r.body).not.toContain('I was at the meeting');
    // The same words about something other than comments are the story's.
    const story = 'The council reserves the right to remove any market stall that blocks the square on a Saturday, the ' +
      'mayor said on Monday, and the traders who spoke at the meeting asked for the rule to be written down this time.';
    expect(clean(`<html><body><div>${[1, 2, 3].map(paragraph).join('')}<p>${story}</p></div></body></html>`).body).toContain('market stall');
  });

  test("a sentence with many links inside the article is the article's; the same links after it are not", () => {
    const linked =
      'Shares of <a href="/a">WeWork</a> and <a href="/b">SoftBank Group Corporation</a> fell after ' +
      '<a href="/c">Adam Neumann, the ousted chief executive</a>, kept his seats on the board.';
    const html = (tail: string) => `<html><body><div>${paragraph(1)}${paragraph(2)}<p>${linked}</p>${tail}</div></body></html>`;
    const inside = clean(html(paragraph(3)));
    const block = inside.blocks.find((b) => b.text.startsWith('Shares of WeWork'))!;
    expect(block).toMatchObject({ kind: 'body', kept: true });
    expect(block.reason).toMatch(/link density/);
    expect(inside.body).toContain('Paragraph 3 of the report');
    // Another story's headline set into the story between it and the next paragraph.
    const headline = '<h3><a href="/other">Harbour Reopens After Three Weeks of Repairs</a></h3>';
    expect(clean(html(headline + paragraph(3))).blocks.find((b) => b.text.startsWith('Shares of WeWork'))).toMatchObject({ kept: true });
    // After the article's last paragraph it reads as a link to elsewhere, a headline below or not.
    expect(clean(html('')).blocks.find((b) => b.text.startsWith('Shares of WeWork'))).toMatchObject({ kept: false });
    expect(clean(html(headline)).blocks.find((b) => b.text.startsWith('Shares of WeWork'))).toMatchObject({ kept: false });
    // A list of links has no sentence, whatever follows it.
    const list = '<p><a href="/x">Council budget</a> | <a href="/y">Harbour plans and the new cycle lanes of the centre</a> | <a href="/z">Weather</a></p>';
    const listed = clean(`<html><body><div>${paragraph(1)}${paragraph(2)}${list}${paragraph(3)}</div></body></html>`);
    expect(listed.blocks.find((b) => b.text.startsWith('Council budget'))).toMatchObject({ kept: false });
  });

  test('hidden elements, scripts and styles never reach the text', () => {
    const html = `<html><head><style>p{color:red}</style></head><body><div>${paragraph(1)}${paragraph(2)}
      <p style="display: none">Secret hidden paragraph that a browser would never show to anybody at all.</p>
      <div hidden><p>Another hidden paragraph that is not rendered by any browser on any device.</p></div>
      <script>var x = "a script string that is long enough to look like a paragraph of text.";</script></div></body></html>`;
    const r = clean(html);
    expect(r.body).toContain('Paragraph 2');
    expect(r.text).not.toMatch(/hidden|script string|color:red/);
  });

  test('entities are decoded and whitespace (no-break spaces too) collapsed', () => {
    const r = clean(`<html><body><article><p>Caf&eacute; &amp; bar&nbsp;owners   met
      on Monday &#8212; and they agreed, after a long discussion, that the new square needs more benches and more trees.</p></article></body></html>`);
    expect(r.body).toBe('Café & bar owners met on Monday — and they agreed, after a long discussion, that the new square needs more benches and more trees.');
  });

  test('a page with nothing article-like gives empty text and a reason', () => {
    const links = Array.from({ length: 40 }, (_, i) => `<li><a href="/p/${i}">Product ${i}</a></li>`).join('');
    const r = clean(`<html><body><nav><ul>${links}</ul></nav><footer>© Shop</footer></body></html>`);
    expect(r.text).toBe('');
    expect(r.body).toBe('');
    expect(r.emptyReason).toEqual(expect.any(String));
    expect(r.blocks.length).toBeGreaterThan(0);
    expect(r.blocks.every((b) => !b.kept)).toBe(true);
  });

  test('100,000 nested elements do not overflow the stack', () => {
    const depth = 100_000;
    const html = `<html><body>${'<div>'.repeat(depth)}${paragraph(1)}${paragraph(2)}${'</div>'.repeat(depth)}</body></html>`;
    const r = clean(html);
    expect(r.body).toContain('Paragraph 1');
    expect(r.body).toContain('Paragraph 2');
  });

  test('unclosed paragraphs and list items are closed as browsers do', () => {
    const r = clean(`<html><body><article><p>First paragraph of the story, which is long enough to be counted as text of the article.
      <p>Second paragraph of the story, also long enough to be counted as text of the article proper.
      <ul><li>first point<li>second point</ul></article></body></html>`);
    expect(r.body).toBe(
      'First paragraph of the story, which is long enough to be counted as text of the article.\n\n' +
        'Second paragraph of the story, also long enough to be counted as text of the article proper.\n\n' +
        'first point\nsecond point',
    );
  });

  test('the result is deterministic', () => {
    const input = fixture('wordpress-post.html');
    expect(clean(input)).toEqual(clean(input));
  });

  test('language is told from the text when the page does not declare it', () => {
    const de = Array.from({ length: 3 }, (_, i) =>
      `<p>Der Bericht ${i} zeigt, dass die Stadt und das Land mit dem neuen Hafen nicht so schnell vorankommen, wie es die Regierung im letzten Jahr versprochen hat.</p>`,
    ).join('');
    expect(clean(`<html><body><article>${de}</article></body></html>`).language).toBe('de');
  });

  test('language comes from the page when declared', () => {
    const r = clean(`<html lang="de-DE"><body><article>${paragraph(1)}${paragraph(2)}</article></body></html>`);
    expect(r.language).toBe('de');
  });
});

describe('class and id names are read as words', () => {
  test.each([
    ['share-bar', 'share-bar'],
    ['socialShare_bar2', 'social-share-bar-'],
    ['article__body', 'article-body'],
    ['col-md-6', 'col-md-'],
    ['HTMLParser', 'htmlparser'],
    ['_private', '-private'],
    ['ünïcode', '-n-code'],
    ['İstanbul', 'i-stanbul'],
  ])('%s → %s', (name, words) => {
    expect(normaliseName(name)).toBe(words);
  });

  test('a name hints at its kind when one of its words is a boilerplate word, never by a substring', () => {
    const cache = new Map();
    expect(hintFromNames('entry socialShare_bar', '', cache)).toMatchObject({ kind: 'share', content: true });
    expect(hintFromNames('shareholder-report', '', cache).kind).toBeNull();
    // The first rule in the table's order wins: 'widget' (related) is listed before 'sidebar'.
    expect(hintFromNames('col-md-6 sidebar-widget', 'main', cache).kind).toBe('related');
    expect(hintFromNames('col-md-6', 'sidebar', cache).kind).toBe('navigation');
    // A side of the box in a utility class is styling, not the page's footer or header.
    expect(hintFromNames('chevron-list padding-bottom-5', '', cache).kind).toBeNull();
    expect(hintFromNames('box box-edged-borders-bottom', '', cache).kind).toBeNull();
    expect(hintFromNames('page-bottom', '', cache).kind).toBe('footer');
    // A table of contents is a list of links by nature; a sidebar is a place that may hold prose.
    expect(hintFromNames('', 'TOC_TITLE_1', cache)).toMatchObject({ kind: 'navigation', linkList: true });
    expect(hintFromNames('col-md-6', 'sidebar', cache).linkList).toBe(false);
  });

  test("text the site hides from sight (Drupal's element-invisible, sr-only) is boilerplate", () => {
    const cache = new Map();
    expect(hintFromNames('element-invisible', '', cache).kind).toBe('boilerplate');
    expect(hintFromNames('sr-only', '', cache).kind).toBe('boilerplate');
    const story = Array.from({ length: 4 }, (_, i) => `<p>The council voted to keep the swimming pool open through the winter, after a petition signed by two thousand residents (part ${i + 1}).</p>`).join('');
    const result = clean(`<html><body><div class="story">${story}<div class="media"><h2 class="element-invisible"><a href="/files/pool-jpg">pool_winter.jpg</a></h2><img src="/pool.jpg"></div>${story}</div></body></html>`);
    expect(result.body).toContain('part 4');
    expect(result.body).not.toContain('pool_winter.jpg');
  });

  test('names are matched in place as their words: case, camelCase, runs of several words, non-ASCII', () => {
    const cache = new Map();
    expect(hintFromNames('POST-SHARE-BAR', '', cache)).toMatchObject({ kind: 'share', name: 'POST-SHARE-BAR' });
    expect(hintFromNames('storyBody', '', cache)).toMatchObject({ kind: null, content: true });
    expect(hintFromNames('td-post-content', '', cache).content).toBe(true);
    expect(hintFromNames('post', '', cache).content).toBe(true);
    expect(hintFromNames('sharebars navigations', '', cache)).toBe(hintFromNames('', '', cache));
    expect(hintFromNames('Überschrift commentRespond', '', cache)).toMatchObject({ kind: 'comment-form', name: 'commentRespond' });
    // A class list is split at any ASCII whitespace, as browsers do; a name of many words is read whole.
    expect(hintFromNames('x\tfooter\ny', '', cache).kind).toBe('footer');
    expect(hintFromNames(`${'a-'.repeat(100)}nav`, '', cache).kind).toBe('navigation');
  });
});

test('tag and role names that are properties of every JavaScript object are just unknown names', () => {
  const html = `<html><body><constructor role="toString"><p>${'A sentence of the article that goes on for a while. '.repeat(8)}</p></constructor>
    <div role="__proto__"><p>${'Another paragraph of the same article, long enough to count. '.repeat(6)}</p></div></body></html>`;
  const result = clean(html);
  expect(result.text).toContain('A sentence of the article');
  expect(result.text).toContain('Another paragraph of the same article');
  for (const b of result.blocks) expect(typeof b.kind).toBe('string');
});

describe('HTML path: an article whose paragraphs share their parent with the navigation', () => {
  // A layout table's cell holds the menu, the story's paragraphs and a list of other stories:
  // the cell as a whole scores below one paragraph, so the best element is one paragraph; the
  // span widens over its sibling paragraphs and stops at the menu and the list.
  const menu = Array.from({ length: 30 }, (_, i) => `<a href="/s${i}">Section number ${i}</a>`).join(' | ');
  const paragraphs = [
    'The county board voted on Monday night to close the old river bridge to all traffic from March, after inspectors found cracks in two of its piers.',
    'Engineers told the board that the cracks had grown by a third since the last inspection in the autumn, and that the bridge could not be repaired in place.',
    'A temporary crossing will be built a mile upstream, and the board expects the new bridge to open in two years if the state approves the money in its spring budget.',
    'Residents who spoke at the meeting asked for a shuttle bus while the crossing is closed, and the board agreed to study the idea before its next session.',
  ];
  const others = Array.from({ length: 8 }, (_, i) => `<li><a href="/o${i}">Another story about the county, number ${i}</a></li>`).join('');
  const html = `<html><head><title>River bridge to close</title></head><body><table><tr><td>
    <div class="menu">${menu}</div><div class="menu">${menu}</div>
    ${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
    <ul class="related-stories">${others}</ul>
  </td></tr></table></body></html>`;
  const result = clean(html);

  test('every paragraph of the story is kept, and neither the menu nor the other stories', () => {
    for (const p of paragraphs) expect(result.body).toContain(p);
    expect(result.body).not.toContain('Section number');
    expect(result.body).not.toContain('Another story');
  });

  test('a lone paragraph after a whole article is not taken in by the widening', () => {
    const article = `<article>${Array.from({ length: 8 }, (_, i) => `<p>${paragraphs[i % 4]} (${i})</p>`).join('')}</article>`;
    const page = `<html><body><div>${article}<p>Join our forums to keep talking about the county and its news, and follow us on social media.</p></div></body></html>`;
    expect(clean(page).body).not.toContain('Join our forums');
  });

  test('a long essay written flat, hundreds of blocks beside its best quote, is kept from its first paragraph', () => {
    // No <body>: loose paragraphs and quotes side by side under the document, the last quote
    // the best single element. The span widens back over every sibling block.
    const loose = Array.from({ length: 150 }, (_, i) => `${paragraphs[i % 4]} (part ${i})\n<blockquote>"A short quoted line, number ${i}."</blockquote>`).join('\n');
    const page = `<a href="/">Home</a> | <a href="/essays">Essays</a>\n<h1>On bridges</h1>\n${loose}\n<blockquote>${paragraphs.join(' ')} ${paragraphs.join(' ')}</blockquote>`;
    const body = clean(page).body;
    expect(body).toContain('(part 0)');
    expect(body).toContain('(part 149)');
    expect(body).not.toContain('Essays');
  });
});

describe('HTML path: flat lists of other stories (a headline link, then its blurb, again and again)', () => {
  const story = [
    'The city library will stay open until ten in the evening from next month, the council said on Thursday after a year of requests from students.',
    'The longer hours will cost about forty thousand a year, paid from the budget for community services, and will be reviewed after six months.',
    'Librarians said the reading rooms were full most evenings before closing time, and that exam weeks brought queues at the door.',
  ];
  const blurbs = [
    'Road works on the ring road will close two lanes for three weeks from Monday, the transport office said.',
    'The football club named a new coach after a season in which it finished in the bottom half of the table.',
    'A new bakery opened in the old post office building, the first shop there since the office moved out.',
    'Schools will get new computers for their science rooms, paid for by a grant from a regional fund.',
  ];
  const list = blurbs.map((b, i) => `<dt><a href="/story/${i}">Other headline of the day, number ${i + 1}</a></dt><dd>${b}</dd>`).join('');

  test('after the article they are removed as related stories', () => {
    // The article is most of the page's prose (a list that is most of it is the page's own: next test).
    const paragraphs = [...story, ...story.map((p) => p.replace('.', ', as the council noted again.'))];
    const html = `<html><body><div id="main"><h1>Library opens late</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}<h3>More headlines</h3><dl>${list}</dl></div></body></html>`;
    const result = clean(html);
    for (const p of story) expect(result.body).toContain(p);
    for (const b of blurbs) expect(result.body).not.toContain(b);
    const removed = result.blocks.filter((b) => blurbs.includes(b.text));
    expect(removed.map((b) => b.kind)).toEqual(['related', 'related', 'related', 'related']);
  });

  test('a page that is only such a list keeps it: it is what the page is about', () => {
    const html = `<html><body><div><h1>Resources</h1><dl>${list}</dl></div></body></html>`;
    const result = clean(html);
    for (const b of blurbs) expect(result.body).toContain(b);
  });
});

describe('HTML path: teaser cards (a linked headline, a date, a blurb, each in its own element)', () => {
  const blurbs = [
    'Road works on the ring road will close two lanes for three weeks from Monday, the transport office said.',
    'The football club named a new coach after a season in which it finished in the bottom half of the table.',
    'A new bakery opened in the old post office building, the first shop there since the office moved out.',
    'Schools will get new computers for their science rooms, paid for by a grant from a regional fund.',
  ];
  const cards = blurbs
    .map((b, i) => `<div class="item"><h3><a href="/story/${i}">Other headline of the day, number ${i + 1}</a></h3><h4>Mon 18th Dec 2006</h4><p>${b}</p></div>`)
    .join('');
  const story = Array.from(
    { length: 6 },
    (_, i) => `<p>The city library will stay open until ten in the evening from next month, the council said after a year of requests (part ${i + 1}).</p>`,
  ).join('');

  test('beside an article they are other stories', () => {
    const result = clean(`<html><body><div><h1>Library opens late</h1>${story}</div><div>${cards}</div></body></html>`);
    expect(result.body).toContain('part 6');
    for (const b of blurbs) expect(result.body).not.toContain(b);
  });

  test('a page that is only cards (a news listing) keeps their blurbs', () => {
    const result = clean(`<html><body><div><h1>Latest news</h1><p>Behind the headlines: what the week brought</p>${cards}</div></body></html>`);
    for (const b of blurbs) expect(result.body).toContain(b);
  });

  test("a blog's short post, in the same element as its long posts, is a post and not a card", () => {
    const long = (topic: string) =>
      Array.from({ length: 4 }, (_, i) => `<p>The ${topic} took most of the weekend: we measured twice, cut once, and still had to go back to the shop for more screws (day ${i + 1}). It was worth it in the end, and the neighbours came round to see.</p>`).join('');
    const short = 'Happy holidays to everyone reading: we are baking pies today and will be back with more projects next week.';
    const post = (n: number, body: string) =>
      `<div class="entry"><p class="date">December ${n}, 2006</p><h2><a href="/2006/12/${n}/post.html">Post of December ${n}</a></h2><div class="body">${body}</div></div>`;
    const result = clean(`<html><body><div id="main">${post(20, long('new bookshelf'))}${post(18, `<p>${short}</p>`)}${post(15, long('garden shed'))}</div></body></html>`);
    expect(result.body).toContain('new bookshelf');
    expect(result.body).toContain(short);
    expect(result.body).toContain('garden shed');
  });
});

describe('HTML path: excerpts of other pages, cut short with a "Read More" link', () => {
  const excerpts = [
    'The committee heard from the last of its witnesses on Friday, and the most important moment of the day came near its end, when the',
    'The central bank chairman told the budget committee that growth would slow next year, though unemployment, especially at the lower',
    'A new poll of voters in the state found the former governor ahead by twelve points, with the rest of the field far behind, and the',
  ];
  const teaser = (e: string, i: number) =>
    `<article class="post"><span><a href="/section/${i}">Politics</a></span><h4><a href="/2019/11/other-${i}">Another story, number ${i + 1}</a></h4><div class="entry">${e} ... <a href="/2019/11/other-${i}">Read More</a></div></article>`;
  const story = Array.from(
    { length: 6 },
    (_, i) => `<p>The impeachment inquiry moved into its public phase this week, and both parties spent the days before it preparing their arguments (part ${i + 1}).</p>`,
  ).join('');

  test('after an article they are other stories, not its text', () => {
    const result = clean(`<html><body><main><div><h1>The inquiry's clock</h1>${story}</div>${excerpts.map(teaser).join('')}</main></body></html>`);
    expect(result.body).toContain('part 6');
    for (const e of excerpts) expect(result.body).not.toContain(e.slice(0, 40));
  });

  test("a page that is mostly such excerpts (a blog's front page, its newest post whole) keeps them", () => {
    const newest = story.split('</p>').slice(0, 3).join('</p>') + '</p>';
    const result = clean(`<html><body><main><h1>Latest posts</h1><article><h2>The inquiry's clock</h2>${newest}</article>${excerpts.map(teaser).join('')}</main></body></html>`);
    expect(result.body).toContain('part 3');
    for (const e of excerpts) expect(result.body).toContain(e.slice(0, 40));
  });
});

describe('HTML path: a heading that is all link, inside the article', () => {
  const para = (topic: string, i: number) =>
    `<p>The ${topic} charges a laptop at full speed from the car's socket, and its cable is long enough to reach the back seat, which matters on a long drive (note ${i}).</p>`;
  const section = (name: string) => `<h3><a href="/shop/${name.replace(/\W+/g, '-')}">${name}</a></h3>` + [1, 2, 3, 4, 5].map((i) => para(name, i)).join('');

  test("over a section of the article's prose it is the article's subheading (a product in a roundup)", () => {
    const result = clean(`<html><body><div class="post-body"><p>${'Here are the chargers we liked best this year, after a month of testing them on the road. '.repeat(2)}</p>${section('Satechi Car Charger')}${section('RAVPower Wall Charger')}</div></body></html>`);
    for (const name of ['Satechi Car Charger', 'RAVPower Wall Charger']) expect(result.blocks.find((b) => b.text === name)?.kept).toBe(true);
  });

  test('over a one-paragraph blurb, or ending a list of linked headlines, it is another story', () => {
    const story = [1, 2, 3].map((i) => para('story charger', i)).join('');
    const promo = '<h3><a href="/news/other">Council approves new bus lanes</a></h3><p>The council approved two new bus lanes on Tuesday.</p>';
    const list = '<h4><a href="/news/a">Young people must be heard, envoy says</a></h4><h4><a href="/news/b">Officials invited for two-day talks</a></h4>';
    const result = clean(`<html><body><div class="story">${story}${promo}<h3>More on chargers</h3>${story}${list}${story}${story}</div></body></html>`);
    expect(result.body).toContain('story charger');
    expect(result.body).not.toContain('Council approves new bus lanes');
    expect(result.body).not.toContain('Officials invited for two-day talks');
  });
});

describe('HTML path: a thread of readers\' comments under a heading that does not say "comment"', () => {
  const story = Array.from(
    { length: 4 },
    (_, i) => `The ferry service to the islands will run twice a day again from April, the operator said, after a winter of single sailings (part ${i + 1}).`,
  );
  const replies = [
    'About time too, the single sailing made it impossible to get to work on the mainland and back on the same day.',
    'I will believe it when I see it, they promised the same thing last spring and nothing happened until June.',
  ];
  test.each(['Have your say', 'Your say', 'Reader comments', 'Ihre Meinung', 'Vos réactions'])('"%s" ends the article', (heading) => {
    const html = `<html><body><div class="story"><h1>Ferries</h1>${story.map((p) => `<p>${p}</p>`).join('')}<h3>${heading}</h3>${replies.map((r) => `<p>${r}</p>`).join('')}</div></body></html>`;
    const result = clean(html);
    for (const p of story) expect(result.body).toContain(p);
    for (const r of replies) expect(result.body).not.toContain(r);
  });
});

describe('HTML path: a blog\'s front page, each post ending with a link to its comments', () => {
  const post = (title: string, n: number) =>
    `<h2>${title}</h2>` +
    Array.from({ length: 3 }, (_, i) =>
      `<p>${title}: the allotment committee met on Thursday to settle the water rota for the dry months, and part ${i + 1} of the plan ` +
      'was agreed after a long evening of argument about who would carry the cans to the far beds by the railway fence.</p>').join('') +
    `<p><a href="/posts/${n}.html#comments">Comments (${n})</a></p><div>posted by Ann</div>`;
  test('the next post, a heading over prose, ends the section the link opened', () => {
    const result = clean(`<html><body><div id="main">${post('First of May', 3)}${post('Water rota', 1)}</div></body></html>`);
    expect(result.body).toContain('First of May: the allotment committee');
    expect(result.body).toContain('Water rota: the allotment committee');
    expect(result.body).not.toContain('Comments (');
  });
  test('readers\' replies below such a link, with no heading between, stay out', () => {
    const replies = [
      'I was at that meeting and the argument about the cans went on far longer than anyone wanted, but the rota is fair in the end.',
      'Could the committee put the rota on the gate of the allotments as well, not everyone reads the blog every week in summer?',
    ];
    const html = `<html><body><div id="main">${post('First of May', 2)}${replies.map((r) => `<p>${r}</p>`).join('')}</div></body></html>`;
    const result = clean(html);
    expect(result.body).toContain('First of May: the allotment committee');
    for (const r of replies) expect(result.body).not.toContain(r);
  });
});

describe('HTML path: a page with no article region', () => {
  test('keeps its blocks that read as prose, not its menus', () => {
    const menu = ['Home', 'Listings', 'Contact', 'Sitemap'].map((m) => `<a href="/${m}">${m}</a>`).join(' | ');
    const notice = 'The office is closed on public holidays and reopens the next day.';
    const result = clean(`<html><body><table><tr><td>${menu}</td></tr><tr><td>${notice}</td></tr></table></body></html>`);
    expect(result.body).toBe(notice);
    expect(result.emptyReason ?? null).toBeNull();
    expect(result.blocks.find((b) => b.text === notice)?.reason).toMatch(/no article region: kept as prose/);
  });
});

describe('HTML path: a listing page (news items, entries) with no one article', () => {
  test('keeps the prose of every item, not the menus between them', () => {
    const blurbs = Array.from(
      { length: 6 },
      (_, i) => `Item ${i + 1}: the council published its weekly notice about road works, parking rules and the opening hours of the town's offices.`,
    );
    const nav = Array.from({ length: 12 }, (_, i) => `<a href="/s${i}">Section ${i}</a>`).join(' ');
    const rows = blurbs.map((b) => `<tr><td><p>${b}</p></td></tr><tr><td class="nav">${nav}</td></tr>`).join('');
    const result = clean(`<html><body><table>${rows}</table></body></html>`);
    for (const b of blurbs) expect(result.body).toContain(b);
    expect(result.body).not.toContain('Section 3');
  });
});

describe("HTML path: a video player's fallback content (what a browser shows in place of a plugin)", () => {
  const description =
    'The panel asks whether the new disclosure rule would change how much money reaches the campaigns, and who would have to report it.';
  const story = [
    'Half a million people have signed a petition that asks the regulator to make companies disclose what they give to political groups.',
    'A coalition of activists and officials has written to the commission, and the chairman said on Tuesday that a draft rule is being studied.',
  ];
  const player = (inside: string) =>
    `<div class="player"><object width="620" height="362" data="/player.swf"><param name="movie" value="/player.swf" />` +
    `<div class="player-box"><p class="status">This video is unavailable in the format required for your device.</p>` +
    `<p class="video-caption">${inside}</p></div></object></div>`;
  const page = (between: string, inside = description) =>
    `<html><head><title>Disclosure rule</title></head><body><h1>Disclosure rule</h1>${player(inside)}${between}` +
    `<div class="post"><div class="entry-content">${story.map((p) => `<p>${p}</p>`).join('')}</div></div></body></html>`;

  test("the video's description just above the article is the article's lead; the player's notice is not", () => {
    const result = clean(page(''));
    expect(result.body.startsWith(description)).toBe(true);
    for (const p of story) expect(result.body).toContain(p);
    expect(result.text).not.toContain('unavailable in the format');
    expect(result.blocks.find((b) => b.text === description)?.reason).toMatch(/video's description/);
  });

  test('a description that other text parts from the article stays out, as does a notice to install the plugin', () => {
    const promo = '<div class="promo"><p>Our newsletter brings the week in politics to your inbox every Friday morning, free of charge.</p></div>';
    expect(clean(page(promo)).body).not.toContain(description);
    const notice = 'You need the latest Adobe Flash Player to watch this video. Download it free from the Adobe website today.';
    const result = clean(page('', notice));
    expect(result.text).not.toContain('Flash Player');
    expect(result.body.startsWith(story[0])).toBe(true);
  });
});

describe("HTML path: the browser's own notices are not the article", () => {
  test('a page whose only prose is a notice that the stylesheet did not load yields no article', () => {
    const notice = 'Please note: Your browser has been unable to load the stylesheet that accompanies this page. The page is still readable.';
    const html = `<html><body><p class="none">${notice}</p><ul><li><a href="/">Home</a></li><li><a href="/books">Books</a></li></ul></body></html>`;
    expect(clean(html).body).not.toContain('stylesheet');
  });
});

describe("HTML path: a form's options (a poll's radio buttons) are not the article", () => {
  const story = [
    'The council voted on Tuesday to close the old bridge to lorries after engineers found cracks in two of its piers.',
    'Cars may still cross while the repairs are planned, the engineer said, and buses will take the ring road from May.',
  ];
  const question =
    'Should the town build a new bridge rather than repair the old one, even if it means a higher council tax for the next ten years and two years of works on the river?';
  const options = [
    'Yes, build a new bridge now. The old one has been patched for thirty years and the repairs will only buy a few more years of use.',
    'No, repair the old bridge. It is part of the town and a new one would cost far more than the council can afford this decade.',
    'Only if the government pays for most of it, as it did for the bypass that opened on the other side of the town last spring.',
  ];
  const poll = (type: string) =>
    `<form action="/vote" method="post"><table class="small"><tr><td colspan="2" class="question">${question}</td></tr>` +
    options.map((o, i) => `<tr><td><input type="${type}" name="choice" value="${i}"></td><td>${o}</td></tr>`).join('') +
    '<tr><td colspan="2"><input type="submit" value="Vote"></td></tr></table></form>';
  const page = (type: string) =>
    `<html><head><title>Bridge closed to lorries</title></head><body><table><tr>` +
    `<td><table class="small"><tr><td>${story.map((p) => `<p>${p}</p>`).join('')}</td></tr></table></td>` +
    `<td>${poll(type)}</td></tr></table></body></html>`;

  test('the poll beside a short story: its answers are left out and the story is the article', () => {
    const result = clean(page('radio'));
    for (const p of story) expect(result.body).toContain(p);
    for (const o of options) expect(result.text).not.toContain(o);
    const answer = result.blocks.find((b) => b.text.includes(options[0]));
    expect(answer?.kept).toBe(false);
    expect(answer?.reason).toMatch(/form's options/);
  });

  test("a rating's buttons dropped into the story's own element leave the story alone", () => {
    const related = [
      'The ferry company said on Monday that it would add two crossings a day from June, as the bridge works begin.',
      'A survey of traders on the north bank found that most expect fewer customers while the lorries are kept off the bridge.',
      'The county has set aside money for a temporary footbridge, which could open in the autumn if the plans are approved.',
    ];
    const html =
      `<html><head><title>Bridge closed to lorries</title></head><body><div class="story">${story.map((p) => `<p>${p}</p>`).join('')}` +
      'Rate this story: <input type="radio" name="r" value="1"> 1 <input type="radio" name="r" value="2"> 2</div>' +
      `<div class="related">${related.map((p) => `<p>${p}</p>`).join('')}</div></body></html>`;
    const result = clean(html);
    for (const p of story) expect(result.body).toContain(p);
    expect(result.blocks.some((b) => /form's options/.test(b.reason))).toBe(false);
  });

  test("checkboxes beside a listing's entries (save this ad) do not make the entries boilerplate", () => {
    const entries = clean(page('checkbox')).blocks.filter((b) => options.some((o) => b.text.includes(o)));
    expect(entries).toHaveLength(options.length);
    for (const b of entries) expect(b.reason).not.toMatch(/form's options/);
  });
});

describe("HTML path: what the page's own <style> sheets hide is not the article", () => {
  const story = [
    'The harbour board agreed on Monday to dredge the eastern channel before the autumn storms, after two trawlers ran aground there in a single week.',
    'Fishermen had asked for the work for three years. The board said the cost would be shared with the county, which owns the quay on that side.',
    'Dredging will start in August and take six weeks; the channel stays open to small boats while the barges work the deeper stretch.',
  ];
  const paragraphs = story.map((p) => `<p>${p}</p>`).join('');
  const count = (text: string, phrase: string) => text.split(phrase).length - 1;
  const page = (head: string, body: string) => `<html><head><title>Dredging</title>${head}</head><body>${body}</body></html>`;

  test("a print copy of the story that a sheet hides (#printCopy { display: none }) is not read twice", () => {
    const html = page('<style>#printCopy{display:none;}</style>', `<div id="main"><h1>Channel to be dredged</h1><span id="printCopy">${paragraphs}</span><div class="storytext">${paragraphs}</div></div>`);
    const result = clean(html);
    for (const p of story) expect(count(result.text, p)).toBe(1);
    // Without the sheet, the page does show both copies.
    const shown = clean(html.replace('<style>#printCopy{display:none;}</style>', ''));
    expect(count(shown.text, story[0]!)).toBe(2);
  });

  test('a hidden notice beside the story stays out; a print-only or screen-size rule hides nothing', () => {
    const notice = '<div class="print-note">You are trying to print this page. Printing is only available to subscribers of the print edition, please sign in first.</div>';
    const body = `<article><h1>Channel to be dredged</h1>${paragraphs}${notice}</article>`;
    expect(clean(page('<style>.print-note { display: none }</style>', body)).text).not.toContain('You are trying to print');
    expect(clean(page('<style media="print">.print-note { display: none }</style>', body)).text).toContain('You are trying to print');
    expect(clean(page('<style>@media (max-width: 600px) { .print-note { display: none } }</style>', body)).text).toContain('You are trying to print');
  });

  test('a name some rule also shows (a tab, a menu, a wide screen) is not hidden', () => {
    const panel = '<div class="panel active">The quay on the eastern side will be closed to cars on weekdays while the barges unload the dredged sand there.</div>';
    const body = `<article><h1>Channel to be dredged</h1>${paragraphs}${panel}</article>`;
    const kept = (head: string) => clean(page(head, body)).text.includes('The quay on the eastern side');
    expect(kept('<style>.panel{display:none}</style>')).toBe(false);
    expect(kept('<style>.panel{display:none}.panel.active{display:block}</style>')).toBe(true);
    expect(kept('<style>.panel{display:none}@media (min-width: 900px){.panel{display:block}}</style>')).toBe(true);
    // `@media print` shows it on paper only: on screen it stays hidden.
    expect(kept('<style>.panel{display:none}@media print{.panel{display:block}}</style>')).toBe(false);
  });

  test('a sheet later in the page that shows the element again (revealed once loaded) keeps it', () => {
    const html = `<html><head><title>Dredging</title></head><body><style>.article { visibility: hidden; }</style><div class="article"><h1>Channel to be dredged</h1>${paragraphs}</div><style>.article { visibility: visible; }</style></body></html>`;
    expect(clean(html).text).toContain(story[2]!);
  });

  test("a dateline the site's sheet hides still dates the page, and stays out of the text", () => {
    const html = page('<style>.entry-date{display:none !important}</style>', `<article><h1>Channel to be dredged</h1><div class="entry-date">Published on 5 April 2017</div>${paragraphs}</article>`);
    const result = clean(html);
    expect(result.metadata?.published).toBe('2017-04-05');
    expect(result.text).not.toContain('Published on');
  });

  test('a shell hidden until its script runs (everything under .loading) is still read', () => {
    const html = page('<style>.loading { visibility: hidden; }</style>', `<div class="wrapper loading"><h1>Channel to be dredged</h1>${paragraphs}</div><div class="footer">About us</div>`);
    expect(clean(html).text).toContain(story[0]!);
  });
});

describe("HTML path: the site's own copyright element after the story ends it", () => {
  const story = [
    'Researchers followed seventy adults for a week and found that those exposed to the signal in the evening took longer to fall asleep.',
    'The team said the effect was small but consistent, and that the study will be repeated with a larger group of volunteers next year.',
    'Until then, the researchers advise leaving the phone in another room for the last hour before going to bed, as a simple precaution.',
  ];
  const promos = [
    'Are you tired of working a job that you do not enjoy? Find out how to get the career you actually want, with our partners. More',
    'Are you paying on a high-interest mortgage? Enter basic information about your home and see what a refinance could save. More',
  ];
  const page = (notice: string) =>
    `<html><head><title>Phones and sleep</title></head><body><div id="story"><h1>Phones and sleep</h1>${story.map((p) => `<div>${p}</div>`).join('')}` +
    `${notice}<h1>Links We Like</h1>${promos.map((p) => `<div>${p}</div>`).join('')}</div></body></html>`;

  test('a redistribution notice in the copyright element ends the article: the partner links below it stay out', () => {
    const result = clean(page('<p class="copyright">Distributed by Internet Broadcasting. This material may not be published, broadcast, rewritten or redistributed.</p>'));
    for (const p of story) expect(result.text).toContain(p);
    expect(result.text).not.toContain('high-interest mortgage');
  });

  test("a photo's credit in a copyright element says no legal sentence and ends nothing", () => {
    const html = `<html><head><title>Phones and sleep</title></head><body><div id="story"><h1>Phones and sleep</h1>${story
      .slice(0, 2)
      .map((p) => `<div>${p}</div>`)
      .join('')}<figure><img src="a.jpg"><p class="copyright">© 2019 Example Agency</p></figure><div>${story[2]}</div></div></body></html>`;
    expect(clean(html).text).toContain(story[2]!);
  });
});

describe('HTML path: a gallery, its story told in the captions under its pictures', () => {
  const slides = [
    ['1. A lantern of paper', 'Fold a sheet of baking paper into a tube, glue the edge and set a battery candle inside for a soft light on the table.'],
    ['2. A wreath of leaves', 'Collect the last red leaves of the autumn, press them for a week between books and wire them around a ring of willow.'],
    ['3. A jar of seeds', 'Fill an old jam jar with seeds from the garden, label it by hand and give it away to a neighbour who likes to grow things.'],
    ['4. A mobile of shells', 'Drill a small hole through each shell, thread them on fishing line and hang them from a piece of driftwood by the window.'],
    ['5. A box for letters', 'Cover a shoe box in old maps, line the inside with felt and keep every letter and card you are sent during the year in it.'],
    ['6. A garland of stars', 'Cut stars from the covers of old magazines, punch a hole in each one and string them along a ribbon above the fireplace.'],
  ];
  const article = [
    'The council voted on Tuesday to keep the library open on Sundays, after a petition signed by two thousand residents asked for it.',
    'Librarians said the Sunday hours were the busiest of the week, and that families and students used them more than any other.',
    'The extra hours will be paid for from the reserve fund until the end of the year, when the budget is set again for the next one.',
    'A second vote in the spring will decide whether the opening stays for good, after the council has counted the visitors again.',
  ];
  const figure = ([heading, caption]: string[]) =>
    `<figure class="slide"><h2 class="title">${heading}</h2><img src="x.jpg"><figcaption>${caption}</figcaption></figure>`;

  test('a page whose captions hold most of its text keeps them: they are the story', () => {
    const html =
      `<html><head><title>Six things to make</title></head><body><nav><a href="/">Home</a> <a href="/diy">DIY</a></nav>` +
      `<article class="post gallery"><h1>Six things to make</h1><p>Short on time? Here are <a href="/a">six ideas</a>.</p>` +
      `${slides.map(figure).join('')}</article><footer>© 2020 Example Media</footer></body></html>`;
    const result = clean(html);
    for (const [heading, caption] of slides) {
      expect(result.text).toContain(caption);
      expect(result.text).toContain(heading);
    }
    expect(result.text).not.toContain('Example Media');
  });

  test("an article's own captions stay out when the article's paragraphs hold most of its text", () => {
    const html =
      `<html><head><title>Library stays open</title></head><body><article><h1>Library stays open</h1>` +
      `<p>${article[0]}</p><p>${article[1]}</p>${figure(slides[0]!)}<p>${article[2]}</p><p>${article[3]}</p></article></body></html>`;
    const result = clean(html);
    for (const p of article) expect(result.text).toContain(p);
    expect(result.text).not.toContain(slides[0]![1]);
  });
});

describe("HTML path: a thread's heading in a wrapper of its own", () => {
  const story = [
    'The council voted on Tuesday to keep the library open on Sundays, after a petition signed by two thousand residents asked for it.',
    'Librarians said the Sunday hours were the busiest of the week, and that families and students used them more than any other.',
    'The extra hours will be paid for from the reserve fund until the end of the year, when the budget is set again for the next one.',
  ];
  const comments = [
    'Finally some good news from the town hall, I have been going there every Sunday with my kids for years and we would have missed it.',
    'Who pays for this in the end? The reserve fund is our money too, and nobody asked the rest of us whether we wanted the extra hours.',
  ];
  const page = (thread: string) =>
    `<html><head><title>Library stays open</title></head><body><div id="pages"><h1>Library stays open</h1>` +
    `${story.map((p) => `<p>${p}</p>`).join('')}${thread}</div></body></html>`;

  test('a German compound heading ("Leserkommentare") wrapped twice opens the thread below it', () => {
    const thread =
      `<div class="sect"><div class="secthead"><h2><a name="c"><span>Leserkommentare</span></a></h2></div>` +
      // Each comment long enough not to read as a teaser card (a linked name, then a blurb).
      `<ul class="sectbody">${comments.map((c, i) => `<li><a class="author" href="/u${i}"><h4>reader${i}</h4></a><time>14. 01. 2020</time><p>${c} ${c} ${c} ${c}</p><p>${c} ${c}</p></li>`).join('')}</ul></div>`;
    const result = clean(page(thread));
    for (const p of story) expect(result.text).toContain(p);
    for (const c of comments) expect(result.text).not.toContain(c);
  });

  test('a heading that only may name a list of other stories ("More about this recipe") is not looked past its wrapper', () => {
    const html =
      `<html><head><title>Library stays open</title></head><body><div id="pages"><h1>Library stays open</h1><p>${story[0]}</p>` +
      `<div class="drawer"><div class="head"><h2>More About This Story</h2></div><ul><li>${story[1]}</li><li>${story[2]}</li></ul></div></div></body></html>`;
    const result = clean(html);
    for (const p of story) expect(result.text).toContain(p);
  });

  test("a count of comments in the story's byline, wrapped alone, ends nothing", () => {
    const html =
      `<html><head><title>Library stays open</title></head><body><div id="pages"><h1>Library stays open</h1><p>${story[0]}</p>` +
      `<div class="info"><div class="count"><span>53 Comments</span></div></div><p>${story[1]}</p><p>${story[2]}</p></div></body></html>`;
    const result = clean(html);
    for (const p of story) expect(result.text).toContain(p);
  });
});

describe('HTML path: a name of a table of contents on the section it points to', () => {
  const intro = [
    'It can be frustrating to step on the scale every morning and see no change at all after weeks of effort.',
    'While it is natural to want some objective feedback on your progress, your weight should not be your main focus.',
    'Your body fat percentage tells you what that weight is made of, and here are the best ways to measure it.',
  ];
  const sections = [
    'Skinfold calipers measure the thickness of the fat just under the skin at three or seven places on the body, and a formula turns the sum into an estimate.',
    'Body circumference measurements use a tape around the neck, the waist and the hips, and the army has used such a formula for its recruits for decades.',
  ];
  const toc = `<nav class="toc"><ul><li><a href="#s1">Skinfold calipers</a></li><li><a href="#s2">Body circumference</a></li><li><a href="#s3">Scans</a></li></ul></nav>`;

  test("a section named for the table of contents (id=\"TOC_TITLE_1\") that holds prose and next to no link is the article's", () => {
    const html =
      `<html><head><title>Ways to measure body fat</title></head><body><article class="article-body"><h1>Ways to measure body fat</h1>${toc}` +
      `<div class="content_body" id="TOC_TITLE_1">${intro.map((p) => `<p>${p}</p>`).join('')}</div>` +
      `${sections.map((p, i) => `<h2 id="s${i + 1}">Method ${i + 1}</h2><div class="content_body"><p>${p}</p><p>${p}</p><p>${p}</p></div>`).join('')}</article></body></html>`;
    const result = clean(html);
    for (const p of [...intro, ...sections]) expect(result.text).toContain(p);
    expect(result.text).not.toContain('Body circumference\n');
  });

  test("a sidebar's prose without links is not believed to be the article's on that ground", () => {
    const promo = [
      'Click on the photo of our columnist and read all of his weekly columns on racing, from the first race of the season to the last.',
      'Click on the picture above and see the ranking of the drivers this season, updated after every race with the points of each team.',
    ];
    const html =
      `<html><head><title>Race calendar</title></head><body><div id="page"><h1>Race calendar</h1>` +
      `<p>The season opens on 10 March at Interlagos and moves on to Curitiba on 8 April and to the Velopark circuit on 22 April, before the first break.</p>` +
      `<p>After the break the cars race at Londrina on 6 May and at Santa Cruz do Sul on 20 May, and the million race follows at the start of August.</p>` +
      `<p>The organisers say the calendar may still change, as it has in every season so far, and the last two rounds have no circuit named yet.</p>` +
      `<div class="module-sidebar">${promo.map((p) => `<p>${p}</p>`).join('')}</div></div></body></html>`;
    const result = clean(html);
    expect(result.text).toContain('The season opens on 10 March');
    for (const p of promo) expect(result.text).not.toContain(p);
  });
});

describe('HTML path: utility class names that style a side of the box', () => {
  test('an article element styled "box-edged-borders-bottom" is not a footer: its post is the article', () => {
    const post = [
      'From Monday the supermarket looks for ten thousand testers for the new biscuit, crisp outside and creamy inside, in two flavours.',
      'Apply on Monday morning, and if you are one of the winners you get a free pack at home and a short form to fill in about the taste.',
    ];
    const html =
      `<html><head><title>Ten thousand testers wanted</title></head><body><div class="deals"><article class="box box-edged-borders-bottom post">` +
      `<h1 class="entry-title">Ten thousand testers wanted</h1>${post.map((p) => `<p>${p}</p>`).join('')}</article></div>` +
      // Readers' comments hold more prose than the post: the post's own name must not sink it.
      `<div class="comments">${post.map((p) => `<p>Great, I applied. ${p} ${p}</p>`).join('')}</div>` +
      `<div class="page-bottom"><p>About us | Contact | Imprint</p></div></body></html>`;
    const result = clean(html);
    for (const p of post) expect(result.text).toContain(p);
    expect(result.text).not.toContain('Imprint');
    expect(result.text).not.toContain('Great, I applied');
  });
});

describe('HTML path: a cookie banner with no name to tell it by', () => {
  const story = [
    'The council voted on Tuesday to keep the library open on Sundays, after a petition signed by two thousand residents asked for it.',
    'Librarians said the Sunday hours were the busiest of the week, and that families and students used them more than any other.',
    // Longer than the phrase scan, and cookies are not what it opens with: the article's.
    'The librarians also noted that many websites use cookies to follow their readers from page to page, while the library\'s own site keeps no record of what its visitors read.',
  ];
  const page = (banner: string) =>
    `<html><head><title>Library stays open</title></head><body><div class="main"><h1>Library stays open</h1>` +
    `${story.map((p) => `<p>${p}</p>`).join('')}<p>${banner}</p></div></body></html>`;

  test('a paragraph that opens saying the site uses cookies is the banner, past the phrase scan too', () => {
    const banner =
      'Um unsere Webseite für Sie optimal zu gestalten und fortlaufend verbessern zu können, verwenden wir Cookies. ' +
      'Durch die weitere Nutzung der Webseite stimmen Sie der Verwendung von Cookies zu. Weitere Informationen zu Cookies erhalten Sie in unserer Datenschutzerklärung.';
    const result = clean(page(banner));
    for (const p of story) expect(result.text).toContain(p);
    expect(result.text).not.toContain('verwenden wir Cookies');
  });
});

describe("HTML path: a blog post whose title links to the post itself", () => {
  test('a short post under its own linked title is the article, not a card pointing elsewhere', () => {
    const post = 'Ingo said he did not write this text. It is there all the same, as if it had been planned. But what for? Nobody knows, so tell us what you think it was.';
    const comments = Array.from({ length: 3 }, (_, i) => `Comment ${i}: a lovely episode again, we laughed all the way through it and the intro was the best part of the whole show this time round, thanks.`);
    const html =
      `<html><head><title>Episode 82: reasons to keep listening</title></head><body><div id="content"><div class="post">` +
      `<h2 class="entry-title"><a href="/episode-82/">Episode 82: reasons to keep listening</a></h2>` +
      `<div class="entry-meta">Posted on <a href="/episode-82/">21 July 2019</a> by <a href="/author/ann/">Ann</a></div>` +
      `<div class="entry-content"><p>${post}</p><p>Greetings, Heiko</p></div></div>` +
      `<div id="comments">${comments.map((c) => `<div class="comment"><p>${c}</p></div>`).join('')}</div></div></body></html>`;
    const result = clean(html);
    expect(result.text).toContain(post);
    for (const c of comments) expect(result.text).not.toContain(c);
  });
});

describe("HTML path: the server's error messages printed into the page", () => {
  const story = [
    'The county fair opened on Friday with a parade of tractors, and more than four thousand visitors came through the gates on the first day.',
    'Organisers said the new livestock hall drew the largest crowds, and that the pie contest would be judged on Sunday afternoon as every year.',
  ];
  const warning = (n: number) =>
    `<br />\n<b>Warning</b>:  Use of undefined constant comments_${n} - assumed 'comments_${n}' (this will throw an Error in a future version of PHP) in <b>/homepages/15/htdocs/wp-content/themes/old/sidebar.php</b> on line <b>${10 + n}</b><br />`;

  test('PHP warnings inside the article element are left out, and they do not outweigh the story', () => {
    const html =
      `<html><head><title>County fair opens</title></head><body><ul class="menu"><li><a href="/">Home</a></li></ul>` +
      `<div id="content"><h1>County fair opens</h1>${Array.from({ length: 6 }, (_, i) => warning(i)).join('')}` +
      `${story.map((p) => `<p>${p}</p>`).join('')}</div>` +
      `<div class="sidebar"><p>${Array.from({ length: 6 }, (_, i) => warning(i + 10)).join('')}</p></div></body></html>`;
    const result = clean(html);
    for (const p of story) expect(result.text).toContain(p);
    expect(result.text).not.toContain('Use of undefined constant');
    expect(result.blocks.find((b) => b.text.startsWith('Warning:'))?.reason).toBe("the server's error message (PHP)");
  });

  test('a sentence that opens with "Warning:" is prose, and a tutorial may quote the message in <pre>', () => {
    const advice = 'Warning: the pier will be closed to walkers on Saturday while the storm passes, the harbour master said in a statement on line two of the radio bulletin.';
    const quoted = "Notice: Undefined variable: title in /var/www/html/index.php on line 7";
    const html =
      `<html><head><title>Fixing notices</title></head><body><article><h1>Fixing notices</h1><p>${story[0]}</p><p>${advice}</p>` +
      `<p>${story[1]} Here is the message the page printed before the fix:</p><pre>${quoted}</pre></article></body></html>`;
    const result = clean(html);
    expect(result.text).toContain(advice);
    expect(result.text).toContain(quoted);
  });
});

describe('HTML path: a no-break space mis-encoded as "Â"', () => {
  test('a spacer of "Â&nbsp;" is no block of text; an "Â" inside a sentence stays', () => {
    const story = [
      'The county fair opened on Friday with a parade of tractors, and more than four thousand visitors came through the gates on the first day.',
      'Organisers said the new livestock hall drew the largest crowds, and that the pie contest would be judged on Sunday afternoon as every year.',
    ];
    const html =
      `<html><head><title>County fair opens</title></head><body><div id="story"><h1>County fair opens</h1><p>Published:Â&nbsp;Friday, January 18, 2008</p>` +
      `<p>${story[0]}</p><div class="clear">Â&nbsp;</div><p>${story[1]}</p><div class="clear">Â&nbsp;</div></div></body></html>`;
    const result = clean(html);
    for (const p of story) expect(result.text).toContain(p);
    expect(result.text.split('\n').map((l) => l.trim())).not.toContain('Â');
    expect(result.blocks.some((b) => b.text.trim() === 'Â')).toBe(false);
    expect(result.blocks.some((b) => b.text.startsWith('Published:Â'))).toBe(true);
  });
});

describe("HTML path: a <title> the page does not show", () => {
  const story = [
    'The county fair opened on Friday with a parade of tractors, and more than four thousand visitors came through the gates on the first day.',
    'Organisers said the new livestock hall drew the largest crowds, and that the pie contest would be judged on Sunday afternoon as every year.',
  ];
  const page = (title: string, above: string, outside = '') =>
    `<html><head><title>${title}</title></head><body><div class="masthead">${outside}<ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></div>` +
    `<div class="story">${above}${story.map((p) => `<p>${p}</p>`).join('')}</div></body></html>`;

  test("the site's name in <title>: the headline is the heading just above the article", () => {
    const result = clean(page('TimesLeader.com', '<h2>Tractors lead the parade as the county fair opens</h2>'));
    expect(result.title).toBe('Tractors lead the parade as the county fair opens');
    // It stays where it stands in the text.
    expect(result.text.indexOf('Tractors lead the parade')).toBeLessThan(result.text.indexOf(story[0]!));
  });

  test('no headline is taken from a dateline, a two-word label, or when the page shows its <title> as a heading', () => {
    expect(clean(page('TimesLeader.com', '<h2>Friday, January 18, 2008 4:52 PM</h2>')).title).toBe('TimesLeader.com');
    expect(clean(page('TimesLeader.com', '<h3>Local news</h3>')).title).toBe('TimesLeader.com');
    // og:title as an h2 says it at more length, a deck below it: the page shows its title.
    const shown = page('The Times Leader', '<h2>County fair opens with a parade of tractors</h2><h3>Four thousand came through the gates on the first day</h3>')
      .replace('<title>', '<meta property="og:title" content="County fair opens"><title>');
    expect(clean(shown).title).toBe('County fair opens');
  });

  // The story's element begins below its headline: the headline stands outside it, in the page's
  // table row or header band, and was left out with them.
  const outside = (title: string, headline: string, tag = 'h1') =>
    `<html><head><title>${title}</title></head><body><div class="masthead"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></div>` +
    `<table><tr><td><${tag}>${headline}</${tag}></td></tr><tr><td><div class="story">${story.map((p) => `<p>${p}</p>`).join('')}</div></td></tr></table></body></html>`;

  test("a headline above the article's element is the title when <title> shows only the site's name, and opens the text", () => {
    const result = clean(outside('Brandon Sun Online', 'Tractors lead the parade as the county fair opens'));
    expect(result.title).toBe('Tractors lead the parade as the county fair opens');
    expect(result.text.startsWith('Tractors lead the parade as the county fair opens\n\n')).toBe(true);
    expect(result.body.startsWith(story[0]!)).toBe(true);
    expect(result.blocks.find((b) => b.kind === 'title')?.reason).toMatch(/headline, just above the article/);
  });

  test('a heading above the article that reads as <title> with the site name is the title, in its own words', () => {
    // An h2: an h1 that reads as the title is chosen as it already (chooseTitle).
    const result = clean(outside('Times Leader Online: County fair opens with a parade of tractors', 'County fair opens with a parade of tractors', 'h2'));
    expect(result.title).toBe('County fair opens with a parade of tractors');
    expect(result.text.startsWith('County fair opens with a parade of tractors\n\n')).toBe(true);
    // A blog's name in its header reads as part of the title too, but is not its headline.
    const blog = clean(outside('County fair opens with a parade of tractors - Real Time Farming', 'Real Time Farming', 'h2'));
    expect(blog.title).toBe('County fair opens with a parade of tractors');
    expect(blog.text.startsWith(story[0]!)).toBe(true);
    expect(blog.blocks.find((b) => b.text === 'Real Time Farming')?.kept).toBe(false);
  });

  test('a table row above the article that says the title word for word is the headline, past a byline, a date and a caption; one at the top of the page is not', () => {
    const row = (between: string) =>
      `<html><head><title>Tractors lead the parade as the county fair opens</title></head><body><table><tr><td><a href="/">Home</a> <a href="/news">News</a></td></tr>` +
      `<tr><td>Tractors lead the parade as the county fair opens</td></tr>${between}<tr><td><div class="story">${story.map((p) => `<p>${p}</p>`).join('')}</div></td></tr></table></body></html>`;
    const near = clean(row(''));
    expect(near.text.startsWith('Tractors lead the parade as the county fair opens\n\n')).toBe(true);
    expect(near.blocks.find((b) => b.kind === 'title')?.reason).toMatch(/says the page title/);
    // A byline, a date, "Click photo to enlarge" and a photo's caption between headline and story.
    const furniture = ['By JANE DOE Associated Press Writer', 'Posted: 12/30/2007 01:50:35 AM PST', 'Click photo to enlarge', 'Children wave from a tractor on Main Street on Saturday.'];
    const past = clean(row(furniture.map((line) => `<tr><td>${line}</td></tr>`).join('')));
    expect(past.text.startsWith('Tractors lead the parade as the county fair opens\n\n')).toBe(true);
    // At the top of a page, above its menus, a line that says the title is the site's name in it.
    const menus = Array.from({ length: 16 }, (_, i) => `<tr><td><a href="/s${i}">Section ${i}</a></td></tr>`).join('');
    const far = clean(row(menus));
    expect(far.text.startsWith(story[0]!)).toBe(true);
  });

  test('a line just above the article that says most of the title (the site name left off) is the headline, and the title', () => {
    const page = (title: string, line: string) =>
      `<html><head><title>${title}</title></head><body><div class="nav"><a href="/">Home</a> <a href="/news">News</a></div>` +
      `<div class="headline">${line}</div><div class="story">${story.map((p) => `<p>${p}</p>`).join('')}</div></body></html>`;
    const suffixed = clean(page('Tractors lead the parade as the county fair opens_English_Xinhua', 'Tractors lead the parade as the county fair opens'));
    expect(suffixed.title).toBe('Tractors lead the parade as the county fair opens');
    expect(suffixed.text.startsWith('Tractors lead the parade as the county fair opens\n\n')).toBe(true);
    expect(suffixed.blocks.find((b) => b.kind === 'title')?.reason).toMatch(/says most of the page title/);
    // A breadcrumb that ends with the title says more than the title: it is no headline.
    const crumbs = clean(page('Tractors lead the parade as the county fair opens', '» Home » Community News » Tractors lead the parade as the county fair opens'));
    expect(crumbs.title).toBe('Tractors lead the parade as the county fair opens');
    expect(crumbs.text.startsWith(story[0]!)).toBe(true);
  });

  test('no headline from above the article when it is a dateline, a label, or too far above it', () => {
    expect(clean(outside('TimesLeader.com', 'Friday, January 18, 2008 4:52 PM')).title).toBe('TimesLeader.com');
    expect(clean(outside('TimesLeader.com', 'Local news')).title).toBe('TimesLeader.com');
    const far = outside('TimesLeader.com', 'Tractors lead the parade as the county fair opens').replace(
      '</h1></td></tr>',
      '</h1></td></tr><tr><td>Weather: sunny</td></tr><tr><td>Tickets</td></tr><tr><td>Parking</td></tr>',
    );
    expect(clean(far).title).toBe('TimesLeader.com');
  });
});

describe('HTML path: a page of which the first pass keeps nothing', () => {
  const story = [
    'The harbour board met on Tuesday and agreed to dredge the channel before the spring tides, at a cost the town will share with the port.',
    'Fishermen told the meeting that two boats had run aground since October, and asked that the work begin before the herring season opens.',
    'The board said the contract would go out to tender next week, and that the channel would stay open to small boats while the work goes on.',
  ];
  const menu = '<ul>' + ['Home', 'News', 'Port', 'Contact'].map((m) => `<li><a href="/${m}">${m}</a></li>`).join('') + '</ul>';

  test("a story whose paragraphs the site names like ads is found again with the class names set aside, and says so", () => {
    const result = clean(`<html><body>${menu}<div id="main">${story.map((p) => `<p class="outerAd">${p}</p>`).join('')}</div></body></html>`);
    for (const p of story) expect(result.body).toContain(p);
    expect(result.body).not.toContain('Contact');
    expect(result.emptyReason).toBeNull();
    expect(result.blocks.find((b) => b.text === story[0])?.reason).toMatch(/second pass, the page's \d+ hints from class\/id names set aside/);
  });

  test("markup's own declarations (a tag, a role) and a cookie notice are still believed: no article then", () => {
    const asides = clean(`<html><body>${menu}<div id="main">${story.map((p) => `<aside><p>${p}</p></aside>`).join('')}</div></body></html>`);
    expect(asides.body).toBe('');
    expect(asides.emptyReason).toEqual(expect.any(String));
    const roles = clean(`<html><body>${menu}<div id="main">${story.map((p) => `<div role="complementary"><p>${p}</p></div>`).join('')}</div></body></html>`);
    expect(roles.body).toBe('');
    const consent = clean(`<html><body>${menu}<div id="main">${story.map((p) => `<p class="cookie-consent">${p}</p>`).join('')}</div></body></html>`);
    expect(consent.body).toBe('');
    expect(consent.blocks.find((b) => b.text === story[0])?.kind).toBe('consent');
  });

  test('a short post beside a longer cookie notice in a <form> is found when the notice, chosen first, is dropped', () => {
    const post = 'Who slips next on the ice? I bet it will be you, I said, and then I fell myself. You win, she said.';
    const notice = 'Privacy & Cookies: This site uses cookies. By continuing to use this website, you agree to their use. To find out more, including how to control cookies, see here: our cookie policy, which explains everything in detail.';
    // The site's links around the post outweigh it: the notice's element is chosen first.
    const links = '<ul>' + Array.from({ length: 16 }, (_, i) => `<li><a href="/archive/${i}">Archive for month ${i + 1}</a></li>`).join('') + '</ul>';
    const result = clean(`<html><body>${links}<div class="post"><p>${post}</p></div>${links}<form><p>${notice}</p></form></body></html>`);
    expect(result.body).toBe(post);
    expect(result.blocks.find((b) => b.text === post)?.reason).toMatch(/chosen again, \d+ blocks the first choice held were dropped/);
    expect(result.blocks.find((b) => b.text === notice)?.kept).toBe(false);
  });

  test('an article the first pass finds is never chosen again', () => {
    const result = clean(`<html><body>${menu}<div class="story">${story.map((p) => `<p>${p}</p>`).join('')}</div><div class="ad"><p>${story[0]!.replace('harbour', 'sponsored')}</p></div></body></html>`);
    expect(result.body).not.toContain('sponsored');
    expect(result.blocks.some((b) => /second pass/.test(b.reason))).toBe(false);
  });
});

describe('HTML path: a page with no article at all (a table of contents, a list of links)', () => {
  const sections = Array.from({ length: 40 }, (_, i) => `Title ${i + 1} of the appropriations bill for rural development programs`);
  const contents = '<ul>' + sections.map((s, i) => `<li><a href="#s${i}">${s}</a></li>`).join('') + '</ul>';
  const heading = '<center><strong>House Report 107-116: Agriculture and Rural Development Appropriations Bill, 2002</strong></center>';

  test('whose HTML reading keeps a sliver and no headline, and whose text reads as no article either, is kept whole', () => {
    const result = clean(`<html><head><title>Committee Reports</title></head><body>${heading}${contents}</body></html>`);
    for (const s of sections) expect(result.body).toContain(s);
    expect(result.strategy).toBe('html-whole-page');
    // The title chosen from the markup stands.
    expect(result.title).toBe('Committee Reports');
    expect(result.blocks.find((b) => b.text === sections[0])?.reason).toMatch(/the HTML reading kept \d+ of the page's \d+ characters and no headline/);
  });

  test("a short notice beside the site's menus (a page not found) is what the page says: the menus stay out", () => {
    const menu = (n: number, word: string) => '<ul>' + Array.from({ length: n }, (_, i) => `<li><a href="/s${i}">${word} section number ${i} of the site</a></li>`).join('') + '</ul>';
    const notice = 'Sorry, the page you are looking for does not exist or has been moved.';
    const result = clean(`<html><head><title>Example News</title></head><body><div id="nav">${menu(40, 'News')}</div><div id="main"><h2>Oops!</h2><p>${notice}</p></div><div id="footer">${menu(30, 'About')}</div></body></html>`);
    expect(result.strategy).toBe('dom-scoring');
    expect(result.body).toBe(notice);
  });

  test('with no <title>, the page kept whole has no title: the line the text reading would take for one stays text', () => {
    const result = clean(`<html><body>${heading}${contents}</body></html>`);
    expect(result.strategy).toBe('html-whole-page');
    expect(result.title).toBeNull();
    expect(result.blocks.some((b) => b.kind === 'title')).toBe(false);
  });

  test('a page of which the HTML reading keeps nothing at all is its plain-text reading, even when that finds an article', () => {
    // A front page of linked story teasers, all but a notice wrapped in an element named like
    // an ad: every block there is a link, and neither HTML pass keeps any.
    const teasers = [
      ['Beyond the realms of the islands', 'A winter book. She is best known to readers of English as the writer of books for children, and these stories are billed as being for adults.'],
      ['Santa can bring me anything, as long as I do not have to read it', 'Last week, as my colleagues prepared to depart on their festive breaks, a major topic of conversation at the parties was what people would read.'],
      ['Nostalgia for a golden age', 'The cartoonist draws a collector of old comics who spends his days in second-hand shops looking for the one issue he never found as a boy.'],
      ['Between the headlines', 'How much truth is there in the stories of the birth, asks a historian who has spent twenty years reading the oldest manuscripts that survive.'],
      ['Ghosts of writers past', 'There are, a playwright once idly observed, words that we only use at Christmas, and only then will we say them without embarrassment.'],
    ];
    const items = teasers.map(([h, p], i) => `<div class="row"><h3><a href="/books?id=${i}">${h}</a></h3><p><a href="/books?id=${i}">${p}</a></p></div>`).join('');
    const side = '<div class="sideBar">' + Array.from({ length: 6 }, (_, i) => `<p><a href="/s${i}">Section ${i} of the site and its latest news</a></p>`).join('') + '</div>';
    const notice = '<p>Please note: your browser has been unable to load the style sheet that goes with this page. The page is still usable, but it will not look as it should.</p>';
    const result = clean(`<html><head><title>Books</title></head><body>${notice}<div id="outerAd"><div id="container">${side}<div class="main">${items}</div></div></div></body></html>`);
    expect(result.strategy).toBe('html-as-text');
    for (const [h, p] of teasers) {
      expect(result.body).toContain(h);
      expect(result.body).toContain(p);
    }
    // The sidebar the markup names stays out; the title is the markup's.
    expect(result.body).not.toContain('of the site and its latest news');
    expect(result.title).toBe('Books');
    expect(result.blocks.find((b) => b.text === teasers[0]![1])?.reason).toMatch(/the HTML reading kept 0 of the page's \d+ characters/);
  });

  test('a short article under its headline, beside the same list, is left as read', () => {
    const story = 'The committee approved the bill on Tuesday by a vote of 30 to 12, sending it to the full House.';
    const result = clean(
      `<html><head><title>Committee approves farm bill</title></head><body><h1>Committee approves farm bill</h1><div class="story"><p>${story}</p></div>${contents}</body></html>`,
    );
    expect(result.strategy).toBe('dom-scoring');
    expect(result.body).toBe(story);
  });
});
