/**
 * Comments: threads split into comments (HTML and plain text), the spam classifier, the
 * `comments` options, the table item's counts and the `winnow spam` command.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clean, resolveOptions, isWinnowError, type CleanResult } from '../engine';
import { normalizeComment } from '../engine/comments/features';
import { splitLinesIntoComments } from '../engine/comments/split';
import { isFurnitureOnly } from '../engine/comments/furniture';
import { headerLine, tidyAuthor, tidyHeader } from '../engine/comments/header-lines';
import { createScorer, type SpamModel } from '../engine/comments/model';
import { classifySpam, defaultScorer, spamScore } from '../engine/comments/spam';
import { businessName, businessUrl, cues } from '../engine/comments/features';
import { configFromEnv } from '../lambdas/clients';
import { doneItem } from '../lambdas/item';
import { outputKeys } from '../lambdas/output-keys';

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'bin', 'winnow.cjs');
const WORDPRESS = readFileSync(join(ROOT, 'examples', 'wordpress-post.html'));
const BLOG_TEXT = readFileSync(join(__dirname, 'fixtures', 'text', 'blog-with-comments.txt'), 'utf8');
const MODEL_PATH = join(ROOT, 'engine', 'comments', 'spam-model.json');

const PETER = 'What a wonderful project. My grandfather worked at this mill';
const WATCHES = 'Check out my website for cheap watches';

describe('HTML: a WordPress comment thread', () => {
  const all = clean(WORDPRESS, { comments: 'keep-all' });

  it('splits the thread into its two comments, with author, date and text', () => {
    expect(all.comments).toHaveLength(2);
    const [peter, watches] = all.comments!;
    expect(peter).toMatchObject({ author: 'Peter Hale', date: 'May 4, 2021 at 9:12 am', spam: false });
    expect(peter!.text.startsWith(PETER)).toBe(true);
    expect(watches).toMatchObject({ author: 'Best Replica Watches', date: null, spam: true });
    expect(watches!.text).toContain(WATCHES);
    // Neither the "Reply" links, the thread's heading nor the comment form are comments.
    for (const c of all.comments!) expect(c.text).not.toMatch(/^Reply$|thoughts on|Leave a Reply|Post Comment/m);
    expect(all.commentStats).toEqual({ found: 2, spam: 1 });
  });

  it('points each comment at its first block', () => {
    for (const c of all.comments!) expect(all.blocks[c.block]!.kept).toBe(false);
  });

  it('keep-ham keeps only the genuine comment, and still counts the spam', () => {
    const ham = clean(WORDPRESS, { comments: 'keep-ham' });
    expect(ham.comments!.map((c) => c.author)).toEqual(['Peter Hale']);
    expect(ham.comments![0]!.score).toBeLessThan(defaultScorer().threshold);
    expect(ham.commentStats).toEqual({ found: 2, spam: 1 });
  });

  it('drop (the default) gives exactly the result it always gave: no comments, same text', () => {
    const plain = clean(WORDPRESS);
    const dropped = clean(WORDPRESS, { comments: 'drop' });
    expect(dropped).toEqual(plain);
    expect(plain).not.toHaveProperty('comments');
    expect(plain).not.toHaveProperty('commentStats');
    expect(plain.text).not.toContain(PETER);
    // Keeping comments never changes the article.
    expect(all.body).toBe(plain.body);
    expect(all.text).toBe(plain.text);
    expect(all.blocks).toEqual(plain.blocks);
  });

  it('commentsInText appends the kept comments after the article, under a separator', () => {
    const plain = clean(WORDPRESS);
    const withText = clean(WORDPRESS, { comments: 'keep-ham', commentsInText: true });
    expect(withText.body).toBe(plain.body);
    expect(withText.text.startsWith(`${plain.text}\n\n----- 1 comment -----\n\nPeter Hale · May 4, 2021 at 9:12 am\n${PETER}`)).toBe(true);
    expect(withText.text).not.toContain(WATCHES);
    const allText = clean(WORDPRESS, { comments: 'keep-all', commentsInText: true }).text;
    expect(allText).toContain('----- 2 comments -----');
    expect(allText).toMatch(/\[spam \d\.\d\d\] Best Replica Watches\nGreat post/);
  });
});

describe('HTML: other thread shapes', () => {
  const page = (thread: string): string => `<!doctype html><html lang="en"><head><title>The Harbour Reopens</title></head><body>
<article><h1>The Harbour Reopens</h1>
<p>After eighteen months of repairs, the old harbour reopened on Saturday morning, and the first boats came in with the tide before nine o'clock.</p>
<p>The council spent most of the budget on the north wall, which had been cracked by the storms of the winter before last, and on new mooring rings along the quay.</p>
<p>Fishermen who had moved their boats to the next town say they will come back over the summer, once the fuel pump on the pier is working again.</p>
</article>
${thread}
</body></html>`;

  it('nested replies are comments of their own', () => {
    const html = page(`<div id="comments"><h2>3 Comments</h2><ol class="comment-list">
<li class="comment depth-1" id="comment-1"><article class="comment-body">
  <div class="comment-author">Ann Lee</div><div class="comment-metadata">June 2, 2021</div>
  <div class="comment-content"><p>Good to see the quay busy again.</p></div><div class="reply"><a href="#r">Reply</a></div></article>
  <ol class="children"><li class="comment depth-2" id="comment-2"><article class="comment-body">
    <div class="comment-author">Bo Berg</div><div class="comment-metadata">June 3, 2021</div>
    <div class="comment-content"><p>Agreed, the north wall looks solid now.</p></div></article></li></ol>
</li>
<li class="comment depth-1" id="comment-3"><article class="comment-body">
  <div class="comment-author">Cy Diaz</div><div class="comment-content"><p>When does the fuel pump open?</p></div></article></li>
</ol></div>`);
    const r = clean(html, { comments: 'keep-all' });
    expect(r.comments!.map((c) => [c.author, c.date, c.text])).toEqual([
      ['Ann Lee', 'June 2, 2021', 'Good to see the quay busy again.'],
      ['Bo Berg', 'June 3, 2021', 'Agreed, the north wall looks solid now.'],
      ['Cy Diaz', null, 'When does the fuel pump open?'],
    ]);
    expect(r.body).toBe(clean(html).body);
  });

  it('repeated siblings without comment class names are split too', () => {
    const html = page(`<section id="comments"><h3>Readers' comments</h3>
<div class="c"><p class="who">Dee says:</p><p>The photos of the old wall are great.</p></div>
<div class="c"><p class="who">Eli says:</p><p>I hope the café on the pier opens again as well.</p></div>
</section>`);
    const r = clean(html, { comments: 'keep-all' });
    expect(r.comments!.map((c) => [c.author, c.text])).toEqual([
      ['Dee', 'The photos of the old wall are great.'],
      ['Eli', 'I hope the café on the pier opens again as well.'],
    ]);
  });

  it('a header that shows name and date inline in one line is the author and the date, not text', () => {
    const item = (id: number, name: string, date: string, text: string) =>
      `<li class="comment" id="comment-${id}"><div class="comment-text"><span class="author">${name}</span> <span class="date">${date}</span><div class="comment-content"><p>${text}</p></div></div></li>`;
    const html = page(`<div id="comments"><h3>3 Comments</h3><ol class="comment-list">
${item(1, 'Cherie McCluney', 'August 17, 2019 - 2:19 pm', 'I walked along the new quay today and it looks really good.')}
${item(2, 'Regan', 'August 19, 2019 - 5:48 pm', 'Glad you liked it, and thanks for your feedback.')}
${item(3, 'JC Says:', 'May 31st, 2004 at 11:37 pm', 'Any news about the fuel pump on the pier?')}
</ol></div>`);
    const r = clean(html, { comments: 'keep-all' });
    expect(r.comments!.map((c) => [c.author, c.date, c.text])).toEqual([
      ['Cherie McCluney', 'August 17, 2019 - 2:19 pm', 'I walked along the new quay today and it looks really good.'],
      ['Regan', 'August 19, 2019 - 5:48 pm', 'Glad you liked it, and thanks for your feedback.'],
      ['JC', 'May 31st, 2004 at 11:37 pm', 'Any news about the fuel pump on the pier?'],
    ]);
  });

  it('a line that is only a date, or words before a date that are no name, stay what they were', () => {
    const html = page(`<div id="comments"><h3>2 Comments</h3><ol class="comment-list">
<li class="comment" id="comment-1"><div class="comment-text"><p>Posted January 5, 2021 at 3:10 pm</p><div class="comment-content"><p>The wall looks solid now.</p></div></div></li>
<li class="comment" id="comment-2"><div class="comment-text"><p>the boats came back on June 5, 2021 at 9:00</p><p>and the pier was full again.</p></div></li>
</ol></div>`);
    const r = clean(html, { comments: 'keep-all' });
    expect(r.comments!.map((c) => c.author)).toEqual([null, null]);
    expect(r.comments![1]!.text).toContain('the boats came back on June 5, 2021 at 9:00');
  });

  it("short lines above a comment's date are its header: the first names the author; so is a short line below the date in the header's column", () => {
    const item = (name: string, no: number, date: string, country: string, text: string) => `<div class="individualcomment">
<div class="commentsleft"><a name="c${no}"></a><span class="byline">${name}</span><br/><p class="dateline">Comment No. ${no}</p><p class="dateline">${date}</p><em>${country}</em></div>
<div class="commentsright"><p>${text}</p><p>That is how it was last year too, and the year before.</p></div></div>`;
    const html = page(`<div id="comments"><h3>Comments</h3>
${item('recklessfox', 1034545, 'January 7 17:00', 'GBR', 'Free range and organic are not the same thing at all.')}
${item('misterbee', 1034558, 'January 7 17:05', 'CAN', 'Very poor article, both confused and uninformative.')}
</div>`);
    const r = clean(html, { comments: 'keep-all' });
    expect(r.comments!.map((c) => [c.author, c.date, c.text.split('\n\n')[0]])).toEqual([
      ['recklessfox', 'January 7 17:00', 'Free range and organic are not the same thing at all.'],
      ['misterbee', 'January 7 17:05', 'Very poor article, both confused and uninformative.'],
    ]);
    // The byline's label before the name, in any of the languages, is not the name.
    const labelled = clean(page(`<div id="comments"><h3>Kommentare</h3>
${item('von recklessfox', 1034545, '7. Januar 2021 17:00', 'DEU', 'Freilandhaltung und Bio sind nicht dasselbe.')}
${item('Posted by: misterbee', 1034558, 'January 7 17:05', 'CAN', 'Very poor article, both confused and uninformative.')}
</div>`), { comments: 'keep-all' });
    expect(labelled.comments!.map((c) => c.author)).toEqual(['recklessfox', 'misterbee']);
  });

  it('a byline label without its name above the date names nobody', () => {
    const html = page(`<div id="comments"><h3>Comments</h3>
<div class="comment"><div class="head"><p>By</p><p class="date">01/16/08 11:11AM</p></div><p>I have seen most of his films, and this is his best role.</p></div>
<div class="comment"><div class="head"><p>Ann</p><p class="date">01/16/08 11:40AM</p></div><p>His first film is better, I think, but this one is close.</p></div>
</div>`);
    const r = clean(html, { comments: 'keep-all' });
    expect(r.comments!.map((c) => [c.author, c.text])).toEqual([
      [null, 'I have seen most of his films, and this is his best role.'],
      ['Ann', 'His first film is better, I think, but this one is close.'],
    ]);
  });

  it("an item holding only its header (number, date or author) and its text in an element nested in it is one comment", () => {
    const html = page(`<h3 id="comments">2 comments so far...</h3><ul class="commentlist">
<li id="comment-35656"><div class="index">1.</div><div class="commentmetadata">June 2nd,<br>2021<br><a href="#comment-35656">7:51 pm</a></div>
  <div class="comment"><p>Good to see the quay busy again after all this time.</p><p><cite>— Posted by Tom, Manhattan Beach CA</cite></p></div></li>
<li id="comment-35679"><div class="index">2.</div><div class="commentmetadata">June 3rd,<br>2021<br><a href="#comment-35679">12:44 am</a></div>
  <div class="comment"><p>The fuel pump on the pier works again.</p><p>By the way, thanks to the council</p></div></li>
</ul>
<div id="more-comments"><div class="comment"><div class="user_info">Brittany Ross</div><div class="comment_body"><p>The north wall looks solid now, and the boats are back.</p></div></div>
<div class="comment"><div class="user_info">Mario Hunt</div><div class="comment_body"><p>Agreed, and the café on the pier should open soon too.</p></div></div></div>`);
    const r = clean(html, { comments: 'keep-all' });
    expect(r.comments!.map((c) => [c.author, c.date, c.text])).toEqual([
      ['Tom', 'June 2nd, 2021 7:51 pm', 'Good to see the quay busy again after all this time.'],
      [null, 'June 3rd, 2021 12:44 am', 'The fuel pump on the pier works again.\n\nBy the way, thanks to the council'],
      ['Brittany Ross', null, 'The north wall looks solid now, and the boats are back.'],
      ['Mario Hunt', null, 'Agreed, and the café on the pier should open soon too.'],
    ]);
  });

  it('a block with no visible text (a widget that failed to load) is no comment', () => {
    const found = splitLinesIntoComments(
      [
        [0, 'The photos of the old wall are great.'],
        [1, ''],
        [2, ' \u00a0 '],
      ],
      true,
    );
    expect(found.map((c) => c.text)).toEqual(['The photos of the old wall are great.']);
  });

  it("a comment's last line that dates or signs it is its date and author, not its text", () => {
    const html = page(`<div id="comments"><h3>Comments</h3>
<div class="comment"><p>Sure, that will work for the harbour.</p><p>Posted: 16:50 8th January 2021</p></div>
<div class="comment"><p>Kylie on the quay? Please spare me!</p><p>Posted by: The Old Salt of Brisbane 9:49pm January 08, 2021</p></div>
<div class="comment"><p>Boycott the council and others of their ilk</p><p>J Tzu Jun 28, 2021, 9:48 AM PDT</p></div>
<div class="comment"><p>It could always be worse for the harbour.</p><p>Comment by D-Bomb — January 7, 2021 @ 8:21 pm</p></div>
<div class="comment"><p>The boats came back, and we met again on the pier.</p><p>See you there on June 5, 2021 at nine.</p></div>
</div>`);
    const r = clean(html, { comments: 'keep-all' });
    expect(r.comments!.map((c) => [c.author, c.date, c.text])).toEqual([
      [null, 'Posted: 16:50 8th January 2021', 'Sure, that will work for the harbour.'],
      ['The Old Salt of Brisbane', '9:49pm January 08, 2021', 'Kylie on the quay? Please spare me!'],
      ['J Tzu', 'Jun 28, 2021, 9:48 AM PDT', 'Boycott the council and others of their ilk'],
      ['D-Bomb', 'January 7, 2021 @ 8:21 pm', 'It could always be worse for the harbour.'],
      [null, null, 'The boats came back, and we met again on the pier.\n\nSee you there on June 5, 2021 at nine.'],
    ]);
  });

  it('a byline above a date line with the thread\'s controls after a bar is the header', () => {
    const html = page(`<div id="comments"><h3>Comments</h3>
<div class="comment"><p>By DUMAS</p><p>Dec 30, 2021 7:06 PM | Link to this</p><p>Why has nobody fixed the fuel pump yet?</p></div>
<div class="comment"><p>By James</p><p>Dec 30, 2021 6:14 PM | Link to this</p><p>Wow, a column based wholly on speculation.</p></div>
</div>`);
    const r = clean(html, { comments: 'keep-all' });
    expect(r.comments!.map((c) => [c.author, c.date, c.text])).toEqual([
      ['DUMAS', 'Dec 30, 2021 7:06 PM', 'Why has nobody fixed the fuel pump yet?'],
      ['James', 'Dec 30, 2021 6:14 PM', 'Wow, a column based wholly on speculation.'],
    ]);
  });

  it("a \"comment\" that is only a line of the page's furniture (\"0 Comments\", \"Add Your Comment\", \"More\") is none", () => {
    const html = page(`<div id="comments"><h3>Readers' comments</h3>
<div class="comment"><p>The photos of the old wall are great.</p></div>
<div class="comment"><p>0 Comments</p></div>
<div class="comment"><p>Add Your Comment</p></div>
<div class="comment"><p>More</p></div>
<div class="comment"><p>Email Address:</p></div>
<div class="comment"><p>More of the same on the pier, please.</p></div>
<div class="comment"><p>Is the café open on Sundays?</p></div></div>`);
    const r = clean(html, { comments: 'keep-all' });
    expect(r.comments!.map((c) => c.text)).toEqual([
      'The photos of the old wall are great.',
      'More of the same on the pier, please.',
      'Is the café open on Sundays?',
    ]);
    const lines = splitLinesIntoComments(
      [
        [0, 'By far the best story on the harbour so far.'],
        [1, null],
        [2, 'By Jane Coaston'],
        [3, null],
        [4, 'posted by Aaron @ 9:43 AM'],
        [5, null],
        [6, 'Posted this on my blog too, great read'],
      ],
      true,
    );
    expect(lines.map((c) => c.text)).toEqual(['By far the best story on the harbour so far.', 'Posted this on my blog too, great read']);
  });

  it("the site's notices about its thread (policy, login, the form's fine print, an empty or closed thread) are no comments", () => {
    const html = page(`<div id="comments"><h3>Readers' comments</h3>
<div class="comment"><p>The ferry timetable changed again last week.</p></div>
<div class="comment"><p>Some comments may be reviewed before they are displayed. Posts that break our community guidelines will be removed.</p></div>
<div class="comment"><p>You must be logged in to recommend a comment.</p><p>Sign in here</p></div>
<div class="comment"><p>There are currently no comments for this entry.</p></div>
<div class="comment"><p>Kommentare werden vor der Veröffentlichung moderiert.</p></div>
<div class="comment"><p>Les commentaires sont modérés.</p></div>
<div class="comment"><p>Для отправки комментария вам необходимо авторизоваться.</p></div>
<div class="comment"><p>Сохранить моё имя, email и адрес сайта в этом браузере для последующих моих комментариев.</p></div>
<div class="comment"><p>well i guess comments are reviewed before they are displayed here, shame</p></div>
<div class="comment"><p>Remember personal info?</p><p>Yes No</p></div>
<div class="comment"><p>Comments (5 of 12)</p></div>
<div class="comment"><p>Reader Comments (0)</p></div>
<div class="comment"><p>Place your comment</p></div>
<div class="comment"><p>Read the comments above, priceless</p></div>
<div class="comment"><p>Email me if you want the recipe</p></div>
<div class="comment"><p>Agreed:</p><p>More of this please</p></div>
<div class="comment"><p>More...</p><p>http://cheap-shirts.example/sale</p></div>
<div class="comment"><p>I think comments like the one above should be removed.</p></div>
<div class="comment"><p>Good point. My comment was deleted twice by the moderators!</p></div>
<div class="comment"><p>Ah. Good old times (:</p></div>
<div class="comment"><p>Nice one. Full report here:</p></div>
<div class="comment"><p>Great post, but the new parking policy is a mess.</p></div></div>`);
    const r = clean(html, { comments: 'keep-all' });
    expect(r.comments!.map((c) => c.text)).toEqual([
      'The ferry timetable changed again last week.',
      'well i guess comments are reviewed before they are displayed here, shame',
      'Read the comments above, priceless',
      'Email me if you want the recipe',
      'Agreed:\n\nMore of this please',
      'More...\n\nhttp://cheap-shirts.example/sale',
      'I think comments like the one above should be removed.',
      'Good point. My comment was deleted twice by the moderators!',
      'Ah. Good old times (:',
      'Nice one. Full report here:',
      'Great post, but the new parking policy is a mess.',
    ]);
  });

  it("the form's fields with their marks and notes, its character counter and an empty thread's notice are no comments; a reader's words that hold them stay", () => {
    const html = page(`<div id="comments"><h3>Readers' comments</h3>
<div class="comment"><p>The ferry timetable changed again last week.</p></div>
<div class="comment"><p>Your Comments:* Required</p></div>
<div class="comment"><p>Email Address: (required, not shown)</p><p>Remember personal info?</p></div>
<div class="comment"><p>Your email address: * (We won't publish this.)</p><p>Your site's URL: (If you have one.)</p></div>
<div class="comment"><p>Your nickname | (optional)</p></div>
<div class="comment"><p>Email address | (will not be displayed or used for any other purpose)</p><p>Title</p></div>
<div class="comment"><p>Image verification | (enter the verification code from the image above)</p></div>
<div class="comment"><p>* Security Code:</p><p> </p></div>
<div class="comment"><p>500 characters maximum. 500 characters left.</p></div>
<div class="comment"><p>No comments have so far been submitted. Why not be the first to send us your thoughts?</p></div>
<div class="comment"><p>This article does not have any comments associated with it</p></div>
<div class="comment"><p>No discussion exists, click here to start it.</p></div>
<div class="comment"><p>Comment viewing options</p><p>Select your preferred way to display the comments and click "Save settings" to activate your changes.</p></div>
<div class="comment"><p>Registration should be optional.</p></div>
<div class="comment"><p>(not shown in the film, sadly)</p></div>
<div class="comment"><p>Required reading for everyone!</p></div>
<div class="comment"><p>My email: (I won't publish it here)</p></div>
<div class="comment"><p>There are no posts about this on the forum yet, strange.</p></div>
<div class="comment"><p>Thanks for your thoughts, no comments from me.</p></div></div>`);
    const r = clean(html, { comments: 'keep-all' });
    expect(r.comments!.map((c) => c.text)).toEqual([
      'The ferry timetable changed again last week.',
      'Registration should be optional.',
      '(not shown in the film, sadly)',
      'Required reading for everyone!',
      'My email: (I won\'t publish it here)',
      'There are no posts about this on the forum yet, strange.',
      'Thanks for your thoughts, no comments from me.',
    ]);
    // A one-line text with blank lines after it (a form's `<br><br>`) is still one line.
    expect(isFurnitureOnly('* Security Code:\n\n')).toBe(true);
    expect(isFurnitureOnly('Security matters:\n\nthe gate was open all night.')).toBe(false);
  });

  it("a comment's control bar or a share bar alone, in the nine languages, is no comment; a reader's sentence with those words stays", () => {
    for (const bar of ['Beantworten', 'Antworten Folgen', 'Kommentieren16', 'Kommentieren ...', 'Like · 3 · Reply', 'Gefällt mir 2 Antworten',
      'Répondre | Signaler', 'Ответить Цитировать', 'AntwortenMelden', 'FacebookTwitter', 'Facebook | E-Mail | Drucken',
      'Post this story to: del.icio.us | Digg | Newsvine | Reddit | Fark', 'Teilen: Facebook WhatsApp', 'Del.icio.us']) {
      expect([bar, isFurnitureOnly(bar)]).toEqual([bar, true]);
    }
    for (const reader of ['Like it!', 'Likewise', 'Post it to Digg, it deserves it', 'Follow the money', 'I like it', 'Facebook is evil', 'Quote of the day', 'Delete this nonsense',
      'Reply Reply Reply Reply Reply Reply Reply Reply Reply Reply Reply Reply Reply Reply Reply Reply']) {
      expect([reader, isFurnitureOnly(reader)]).toEqual([reader, false]);
    }
  });

  it("the thread's counts, calls and badges in the nine languages are no comments; a reader's question, emoticon or emoji stays", () => {
    const html = page(`<div id="comments"><h3>Kommentare</h3>
<div class="comment"><p>Die Fähre fährt wieder jede Stunde.</p></div>
<div class="comment"><p>45 Antworten</p></div>
<div class="comment"><p>Kommentare: 10</p></div>
<div class="comment"><p>Kommentare ()</p></div>
<div class="comment"><p>0 Kommentare zu „Der Hafen öffnet wieder“</p></div>
<div class="comment"><p>11 responses to “The Harbour Reopens”</p></div>
<div class="comment"><p>Ver 133 comentarios</p></div>
<div class="comment"><p>15</p></div>
<div class="comment"><p>/ 19</p></div>
<div class="comment"><p>Gast</p></div>
<div class="comment"><p>Hinterlasse jetzt einen Kommentar</p></div>
<div class="comment"><p>Kommentar hinzufügen</p></div>
<div class="comment"><p>Écrire un commentaire</p></div>
<div class="comment"><p>Escribe un comentario</p></div>
<div class="comment"><p>Invia il tuo commento</p></div>
<div class="comment"><p>Escreva um comentário</p></div>
<div class="comment"><p>Schrijf een reactie</p></div>
<div class="comment"><p>Напишите комментарий</p></div>
<div class="comment"><p>Subscribe to comments with RSS.</p></div>
<div class="comment"><p>Kommentare 0</p></div>
<div class="comment"><p>Neuer Kommentar</p></div>
<div class="comment"><p>ältere Kommentare</p></div>
<div class="comment"><p>Antwort schreiben</p></div>
<div class="comment"><p>Kommentieren Sie hier</p></div>
<div class="comment"><p>Um diesen Beitrag kommentieren zu können, müssen Sie eingeloggt sein.</p></div>
<div class="comment"><p>Delete Comment</p><p>Are you sure you want to delete this comment?</p></div>
<div class="comment"><p>Danke für die Antwort, das hilft mir sehr.</p></div>
<div class="comment"><p>heisst das nicht „Hafen-Fest“?</p><p>Zum Antworten anmelden</p></div>
<div class="comment"><p>Ich wollte schon lange einen Kommentar schreiben, danke!</p></div>
<div class="comment"><p>2 comments in and I still disagree with the parking plan</p></div>
<div class="comment"><p>Guest post was great</p></div>
<div class="comment"><p>:)</p></div>
<div class="comment"><p>8-)</p></div>
<div class="comment"><p>👍</p></div></div>`);
    const r = clean(html, { comments: 'keep-all' });
    expect(r.comments!.map((c) => c.text)).toEqual([
      'Die Fähre fährt wieder jede Stunde.',
      'Danke für die Antwort, das hilft mir sehr.',
      'heisst das nicht „Hafen-Fest“?\n\nZum Antworten anmelden',
      'Ich wollte schon lange einen Kommentar schreiben, danke!',
      '2 comments in and I still disagree with the parking plan',
      'Guest post was great',
      ':)',
      '8-)',
      '👍',
    ]);
  });

  it('teaser cards labelled with their comment counts are no thread; a reader\'s comment made of links keeps its author and date', () => {
    const teaser = (tag: string, line: string) =>
      `<div class="teaser"><a class="headline" href="/${tag}">${line}</a><div class="teaser-label-comment"><a class="label" href="/t/${tag}">${tag}</a><a class="description" href="/${tag}">${line} and more on it today</a></div></div>`;
    const teasers = clean(page(`<div class="more">${teaser('Courts', 'A man was fined for parking on the quay')}${teaser('Weather', 'Storms are expected again this weekend')}${teaser('Ferries', 'The island ferry returns to its summer timetable')}</div>`), { comments: 'keep-all' });
    expect(teasers.comments).toEqual([]);
    const links = [
      'The quay in old photographs', 'Why the north wall cracked', 'A history of the harbour master', 'Mooring rings, then and now',
      'The fuel pump saga', 'Storm damage along the coast', 'The ferry timetable explained', 'How the council spent the budget',
    ];
    const linked = clean(
      page(`<div id="comments"><h3>1 Comment</h3><div class="comment"><div class="comment-author">Ragnar</div><div class="comment-date">June 2, 2021 at 3:47 pm</div>
<div class="comment-content"><p>Worth reading:</p>${links.map((l, i) => `<p><a href="/p${i}">${l}</a></p>`).join('')}</div></div></div>`),
      { comments: 'keep-all' },
    );
    expect(linked.comments!.map((c) => [c.author, c.date])).toEqual([['Ragnar', 'June 2, 2021 at 3:47 pm']]);
    expect(linked.comments![0]!.text).toContain('Mooring rings, then and now');
  });

  it("a sidebar's list of the site's latest comments is no thread of this page", () => {
    const html = page(`<div class="module-recent-comments"><h3>Recent Comments</h3><ul class="recent-comments-list">
<li>Ann Lee on <a href="/a">The Harbour Reopens</a></li>
<li>Bo Berg on <a href="/b">A New Wall for the Quay</a></li>
<li>Cy Diaz on <a href="/c">Fuel Pump Repairs</a></li></ul></div>
<div id="comments"><h3>2 Comments</h3><ol class="comment-list">
<li class="comment"><div class="comment-author">Dee</div><div class="comment-content"><p>Lovely to see the boats back.</p></div></li>
<li class="comment"><div class="comment-author">Eli</div><div class="comment-content"><p>The café should open soon too.</p></div></li></ol></div>`);
    const r = clean(html, { comments: 'keep-all' });
    expect(r.comments!.map((c) => [c.author, c.text])).toEqual([
      ['Dee', 'Lovely to see the boats back.'],
      ['Eli', 'The café should open soon too.'],
    ]);
  });

  it("a name before a colon in the comment's header element, its text in a text element, is the author", () => {
    const item = (name: string, text: string) =>
      `<div class="comment"><div class="info"><div style="float: right;">(<a href="#c">link</a>)</div> ${name}:</div><div class="text">${text}</div></div>`;
    const html = page(`<div class="comments"><h3>Comments</h3>
${item('bengalgirl', 'I did not change my name when I married, and I am glad I did not.')}
${item('Jana (mail)', 'My husband took my last name instead, and nobody minded at all.')}
</div>`);
    const r = clean(html, { comments: 'keep-all' });
    expect(r.comments!.map((c) => [c.author, c.text])).toEqual([
      ['bengalgirl', 'I did not change my name when I married, and I am glad I did not.'],
      ['Jana', 'My husband took my last name instead, and nobody minded at all.'],
    ]);
  });

  it("a reader's text that opens by addressing someone (\"Bob:\") is text, below a header that names nobody", () => {
    const item = (date: string, to: string, text: string) =>
      `<div class="comment"><div class="head"><p>member since 2004</p><p class="date">${date}</p></div><div class="text"><p>${to}</p><p>${text}</p></div></div>`;
    const html = page(`<div class="comments"><h3>Comments</h3>
${item('January 7 17:00', 'Bob:', 'I agree with you about the north wall.')}
${item('January 7 18:00', 'Ann:', 'The café will open again in May, I hear.')}
</div>`);
    const r = clean(html, { comments: 'keep-all' });
    expect(r.comments!.map((c) => [c.author, c.date, c.text])).toEqual([
      [null, 'January 7 17:00', 'Bob:\n\nI agree with you about the north wall.'],
      [null, 'January 7 18:00', 'Ann:\n\nThe café will open again in May, I hear.'],
    ]);
  });

  it('a short comment above its date, with nothing below the date, stays the comment', () => {
    const html = page(`<div id="comments"><h3>2 Comments</h3>
<div class="comment"><p>Great idea</p><p class="date">January 7 17:00</p></div>
<div class="comment"><p>Not for me</p><p class="date">January 8 09:12</p></div>
</div>`);
    const r = clean(html, { comments: 'keep-all' });
    expect(r.comments!.map((c) => [c.author, c.text])).toEqual([
      [null, 'Great idea'],
      [null, 'Not for me'],
    ]);
  });

  it('comment elements named alike side by side, each signed below its text, are one comment each', () => {
    const html = page(`<div class="comments-head">Comments</div>
<div class="comments-body"><b>1.</b> Good to see the quay busy again after so long. <span class="comments-post">Posted by: Ann Lee on June 2, 2021 10:15 AM</span></div>
<div class="comments-body"><b>2.</b> Ann:<p>Agreed, the north wall looks solid now.</p><p>Let us hope it lasts.</p><span class="comments-post">Posted by: Bo Berg on June 3, 2021 01:59 PM</span></div>`);
    const r = clean(html, { comments: 'keep-all' });
    expect(r.comments!.map((c) => [c.author, c.date])).toEqual([
      ['Ann Lee', 'June 2, 2021 10:15 AM'],
      ['Bo Berg', 'June 3, 2021 01:59 PM'],
    ]);
    expect(r.comments![0]!.text).toBe('1. Good to see the quay busy again after so long.');
    expect(r.comments![1]!.text).toContain('Let us hope it lasts.');
    expect(r.body).not.toContain('quay busy');
  });

  it('a thread known only by its opening phrase still gives its comments', () => {
    const html = page(`<p>Comments are now closed for this story</p>
<div>Stephen B The council should spend less on consultants and more on the quay itself.</div>
<div>Lina The harbour looked better than ever on Saturday, well done to everyone.</div>`);
    const r = clean(html, { comments: 'keep-all' });
    const text = r.comments!.map((c) => c.text).join(' ');
    expect(text).toContain('spend less on consultants');
    expect(text).toContain('looked better than ever');
    expect(text).not.toContain('now closed');
  });

  it('a thread under a comment heading is not the article, however much it outweighs the story', () => {
    const story = 'The harbour board confirmed on Monday that the quay will reopen to fishing boats in the spring. ';
    const reply = (n: number) =>
      `<div>Reader ${n} here: I have walked along that quay every morning for thirty years and I still think the board spent far too long on the repairs, while the boats waited at the far end of the bay. </div>`;
    const html = `<!doctype html><html lang="en"><head><title>Quay to reopen</title></head><body>
<table><tr><td><h1>Quay to reopen</h1><p>${story}</p><p>${story}</p></td></tr>
<tr><td>${Array.from({ length: 30 }, (_, i) => `<p><a href="/s${i}">Section ${i}</a></p>`).join('')}</td></tr>
<tr><td><b>Have your say</b></td></tr>
<tr><td><div class="scroller">${[1, 2, 3, 4, 5, 6, 7, 8].map(reply).join('')}</div></td></tr></table></body></html>`;
    const r = clean(html, { comments: 'keep-all' });
    expect(r.body).toContain('will reopen to fishing boats');
    expect(r.body).not.toContain('Reader 1 here');
    expect(r.blocks.filter((b) => b.text.startsWith('Reader')).every((b) => b.kind === 'comments')).toBe(true);
    expect(r.comments!.map((c) => c.text).join(' ')).toContain('Reader 8 here');
  });

  it('a flat thread, each comment signed below with a name and a place, is split by its signatures', () => {
    // The only elements that repeat in the thread are two quote boxes; the comments stand flat between them.
    const comments = [
      ['I was on the first sailing after the repairs and the new mooring rings made a real difference to us.', 'Frances McErlane, Mallorca, Spain'],
      ['The north wall looks solid now, but the council should have fixed the fuel pump at the same time.', 'John Graham, London, UK'],
      ['My grandfather fished out of this harbour for forty years, and he would have been glad to see it busy.', 'Jean Booth, Hague, Netherlands'],
    ];
    const html = page(`<div class="comment-article"><h3>Have your say</h3>
${comments.map(([text, who]) => `<p class="small">${text}</p><div class="gap"></div><p class="small grey">${who}</p>`).join('')}
<div class="quote-box"><p>Best of the week</p></div><div class="quote-box"><p>Editor's pick</p></div>
</div>`);
    const r = clean(html, { comments: 'keep-all' });
    const signed = r.comments!.filter((c) => c.author !== null);
    expect(signed.map((c) => [c.author, c.text])).toEqual(comments.map(([text, who]) => [who!.slice(0, who!.indexOf(',')), text]));
  });

  it("a form's list of countries written \"Korea, Republic of\" is no run of signatures", () => {
    const lines = ['Comments', 'Your name:', 'Country:', 'Korea, Republic of', 'Moldova, Republic of', 'Tanzania, United Republic of', 'Submit'];
    const r = clean(page(`<div id="comments">${lines.map((l) => `<p>${l}</p>`).join('')}</div>`), { comments: 'keep-all' });
    expect(r.comments!.some((c) => c.author === 'Korea' || c.author === 'Moldova')).toBe(false);
  });

  it('"Report as inappropriate" under each comment is a control of the thread, not a comment', () => {
    const html = page(`<div id="commentsDiv"><h3>Reader comments</h3>
<p>Ann Lee said: Good to see the quay busy again after all this time.</p><div class="r"><a href="/r/1">Report as inappropriate</a></div>
<p>Bo Berg said: Agreed, the north wall looks solid now.</p><div class="r"><a href="/r/2">Report as inappropriate</a></div></div>`);
    const r = clean(html, { comments: 'keep-all' });
    expect(r.comments!.some((c) => /report as inappropriate/i.test(c.text))).toBe(false);
    expect(r.body).not.toContain('Report as inappropriate');
  });

  it('a page without a thread has no comments', () => {
    const r = clean(page(''), { comments: 'keep-all' });
    expect(r.comments).toEqual([]);
    expect(r.commentStats).toEqual({ found: 0, spam: 0 });
  });
});

describe('plain text: a blog post with a comment thread', () => {
  const r = clean(BLOG_TEXT, { mode: 'text', comments: 'keep-all' });

  it('reads author, date and text of each comment, without Reply lines or the form', () => {
    expect(r.comments!.map((c) => [c.author, c.date])).toEqual([
      ['Peter Holm', 'March 3, 2021 at 4:12 pm'],
      ['Anna K.', 'March 4, 2021 at 9:30 am'],
      ['Tom', 'March 5, 2021 at 11:02 am'],
    ]);
    expect(r.comments![0]!.text).toBe(
      'What a wonderful story. I remember reading in that old room as a child, and I am so glad that the town did not give up on it.',
    );
    for (const c of r.comments!) {
      expect(c.text).not.toMatch(/Reply|Comments|email|Riverside Weekly/);
      expect(c.spam).toBe(false);
    }
  });

  it("ends the thread at the heading of another list once a comment has been read, not before", () => {
    const article = [
      'The Harbour Reopens After Two Years',
      '',
      'The harbour wall that the storm broke two winters ago has been rebuilt, and the first fishing boats came back to the quay on Monday morning after a long wait.',
      '',
      'The council paid for most of the work, and the fishermen raised the rest at a series of suppers in the old market hall over the last two summers.',
      '',
      'The café on the pier will open again in the spring, its owner said, once the new kitchen has been fitted and the terrace has been repaired.',
      '',
    ];
    const text = [
      ...article,
      '2 Comments',
      'Related Articles',
      'Ann Lee says:',
      'March 3, 2021 at 4:12 pm',
      'Lovely to see the boats back in the harbour after such a long and difficult time for everyone here.',
      'Bo Berg says:',
      'March 4, 2021 at 9:30 am',
      'The café on the pier was always my favourite place in town, and I cannot wait for the spring.',
      'Recent Posts',
      'Ten years of the farmers market: how a few stalls in a car park became the biggest weekly market in the county.',
      'The mill museum opens its new room for the town’s photographs, with a scanner for visitors to use.',
    ].join('\n');
    const r = clean(text, { mode: 'text', comments: 'keep-all' });
    expect(r.comments!.map((c) => c.author)).toEqual(['Ann Lee', 'Bo Berg']);
    expect(r.comments!.map((c) => c.text).join('\n')).not.toMatch(/farmers market|mill museum/);
  });

  it('leaves the article as it was', () => {
    const plain = clean(BLOG_TEXT, { mode: 'text' });
    expect(r.body).toBe(plain.body);
    expect(r.text).toBe(plain.text);
  });
});

describe('a header line that names the author with "says:" and gives the date after it', () => {
  const lines = (texts: string[]) => texts.map((t, i) => [i, t] as const);

  it('"JC Says: May 31st, 2004 at 11:37 pm" is the author and the date, not a date line', () => {
    const found = splitLinesIntoComments(
      lines([
        'JC Says: May 31st, 2004 at 11:37 pm',
        'Any bets on what string theory folks will be working on if it falls out of favor?',
        'D R Lunsford Says: June 1st, 2004 at 1:21 am',
        'Weinberg in astrophysics, how nice. I heard a talk on early string theory once.',
      ]),
      true,
    );
    expect(found.map((c) => [c.author, c.date, c.block])).toEqual([
      ['JC', 'May 31st, 2004 at 11:37 pm', 0],
      ['D R Lunsford', 'June 1st, 2004 at 1:21 am', 2],
    ]);
    expect(found[1]!.text).toBe('Weinberg in astrophysics, how nice. I heard a talk on early string theory once.');
  });

  it('a sentence that quotes someone is no header: it stays in the comment', () => {
    const found = splitLinesIntoComments(
      lines([
        'Anna says: March 4, 2021 at 9:30 am',
        'My neighbour said: the mill will open again in May, and I believe her.',
        'The minister said: we will see about that on 12 May 2021 at the latest.',
      ]),
      true,
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.author).toBe('Anna');
    expect(found[0]!.text.split('\n\n')).toHaveLength(2);
  });

  it('in an HTML thread of flat lines, each comment gets its author and date', () => {
    const page = `<html><head><title>Strings</title></head><body><article><h1>Strings</h1>
<p>${'The theory has had a long run, and its critics have had a longer one, as the debate shows. '.repeat(4)}</p>
<p>${'Whether it survives another decade is a question for the next generation of physicists. '.repeat(4)}</p></article>
<div id="comments"><h3>2 Responses to Strings</h3>
<p>JC Says: May 31st, 2004 at 11:37 pm</p><p>Any bets on what string theory folks will be working on next year?</p>
<p>Peter Says: June 1st, 2004 at 12:04 am</p><p>A lot of people are already abandoning particle theory for astrophysics.</p>
</div></body></html>`;
    const r = clean(page, { comments: 'keep-all' });
    expect(r.comments!.map((c) => [c.author, c.date])).toEqual([
      ['JC', 'May 31st, 2004 at 11:37 pm'],
      ['Peter', 'June 1st, 2004 at 12:04 am'],
    ]);
  });
});

describe('a comment header in other languages and theme shapes', () => {
  const lines = (texts: string[]) => texts.map((t, i) => [i, t] as const);
  const article = `<article><h1>Der Garten im Winter</h1>
<p>${'Im Winter braucht der Garten weniger Pflege, aber die Beete wollen trotzdem gut vorbereitet sein. '.repeat(4)}</p>
<p>${'Wer im Herbst mulcht, schützt den Boden vor Frost und hat im Frühjahr weniger Arbeit damit. '.repeat(4)}</p></article>`;
  const page = (thread: string) => `<!doctype html><html lang="de"><head><title>Der Garten im Winter</title></head><body>${article}
<div id="comments" class="comments-area"><h2 class="comments-title">2 Kommentare</h2><ol class="comment-list">${thread}</ol></div></body></html>`;

  it('a German blog theme\'s "Name sagt:" names the author without the verb', () => {
    const item = (name: string, date: string, text: string) => `<li class="comment"><article class="comment-body">
<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">${name}</b> <span class="says">sagt:</span></div>
<div class="comment-metadata"><a href="#c"><time>${date}</time></a></div></footer>
<div class="comment-content"><p>${text}</p></div></article></li>`;
    const r = clean(
      page(
        item('Markus Reuter', '24. Juni 2016 um 10:45 Uhr', 'Danke für den Hinweis, das mit dem Mulch probiere ich im Herbst gleich aus.') +
          item('Petra', '28. Juni 2016 um 19:54 Uhr', 'Bei uns friert der Boden trotzdem jedes Jahr tief durch, leider.'),
      ),
      { comments: 'keep-all' },
    );
    expect(r.comments!.map((c) => [c.author, c.date])).toEqual([
      ['Markus Reuter', '24. Juni 2016 um 10:45 Uhr'],
      ['Petra', '28. Juni 2016 um 19:54 Uhr'],
    ]);
  });

  it('the label before a name goes too: "Par Jean Dupont", "Kommentar von Ann", "Posted by Ann"', () => {
    const item = (name: string, text: string) =>
      `<li class="comment"><div class="comment-author">${name}</div><div class="comment-content"><p>${text}</p></div></li>`;
    const r = clean(
      page(
        item('Par Jean Dupont', 'Merci pour cet article, le paillage a sauvé mes rosiers cet hiver.') +
          item('Kommentar von Ann', 'Bei mir hat der Mulch die Schnecken angelockt, das war weniger schön.') +
          item('Posted by Bo', 'Great tips, the compost heap got through the frost this year.'),
      ),
      { comments: 'keep-all' },
    );
    expect(r.comments!.map((c) => c.author)).toEqual(['Jean Dupont', 'Ann', 'Bo']);
  });

  it('"Ann said, on August 3, 2019 at 3:12 pm" is the author and the date; a sentence after the comma is not', () => {
    const found = splitLinesIntoComments(
      lines([
        'stephangoeldi said, on August 3, 2019 at 3:12 pm',
        'The photos of the old mill are wonderful, thank you for taking them.',
        'Obama said, yesterday he would go',
      ]),
      true,
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ author: 'stephangoeldi', date: 'August 3, 2019 at 3:12 pm' });
    expect(found[0]!.text).toContain('Obama said, yesterday he would go');
  });

  it('the German, Russian and Italian verbs: "Hanjo sagt:", "Иван говорит:", "Lucia ha detto:"', () => {
    const found = splitLinesIntoComments(
      lines(['Hanjo sagt:', 'Sehr schöner Beitrag, vielen Dank.', 'Иван говорит:', 'Спасибо за статью.', 'Lucia ha detto:', 'Grazie mille per i consigli.']),
      true,
    );
    expect(found.map((c) => c.author)).toEqual(['Hanjo', 'Иван', 'Lucia']);
  });

  it('a date line in any of the languages dates its comment ("8. Oktober 2016 um 02:15 Uhr", "Le 17 juillet 2019 à 22:09")', () => {
    const item = (name: string, date: string, text: string) =>
      `<li class="comment"><div class="comment-author">${name}</div><div class="comment-metadata"><a href="#c">${date}</a></div><div class="comment-content"><p>${text}</p></div></li>`;
    const r = clean(
      page(
        item('Marina', '8. Oktober 2016 um 02:15 Uhr', 'Ein sehr guter Artikel, der die Fakten genau auf den Punkt bringt.') +
          item('Burnsy', '29. März 2020 um 16:45 Uhr', 'Danke für die Arbeit und die Erläuterungen zum Mulchen.') +
          item('Horus', 'Le 17 juillet 2019 à 22:09', 'Très bon article, merci pour les conseils sur le jardin.'),
      ),
      { comments: 'keep-all' },
    );
    expect(r.comments!.map((c) => [c.author, c.date])).toEqual([
      ['Marina', '8. Oktober 2016 um 02:15 Uhr'],
      ['Burnsy', '29. März 2020 um 16:45 Uhr'],
      ['Horus', 'Le 17 juillet 2019 à 22:09'],
    ]);
    // Lines of a plain thread: a name, its date, the text.
    const found = splitLinesIntoComments(lines(['gnaddrig', '9. Dezember 2013 um 14:57', 'Schöne Einleitung', 'Nesselsetzer', '9. Dezember 2013 um 14:58', 'Danke! Du warst aber schnell']), true);
    expect(found.map((c) => [c.author, c.date, c.text])).toEqual([
      ['gnaddrig', '9. Dezember 2013 um 14:57', 'Schöne Einleitung'],
      ['Nesselsetzer', '9. Dezember 2013 um 14:58', 'Danke! Du warst aber schnell'],
    ]);
  });

  it('a date read with more around it keeps only the date, and the name beside it names a comment that had none', () => {
    expect(tidyHeader('Lukas', '3. Juni 2016 at 12:53 · Antwort')).toEqual({ author: 'Lukas', date: '3. Juni 2016 at 12:53' });
    expect(tidyHeader('J.P. Fallon', 'January 6, 2008 1:41 PM Report this comment')).toEqual({ author: 'J.P. Fallon', date: 'January 6, 2008 1:41 PM' });
    expect(tidyHeader(null, 'Kommentar von Mareike 8. Dezember 2010 um 10:56')).toEqual({ author: 'Mareike', date: '8. Dezember 2010 um 10:56' });
    expect(tidyHeader('[reply] [top]', '[»] Missing the point by slimy - Jan 10th 2000 14:49:17')).toEqual({ author: 'slimy', date: 'Jan 10th 2000 14:49:17' });
    expect(tidyHeader(null, '#1 — January 7, 2008 @ 13:00PM — Brandon Valentine [URL]')).toMatchObject({ author: 'Brandon Valentine' });
    expect(tidyHeader(null, 'Sana6. Juni 2015 um 10:23')).toEqual({ author: 'Sana', date: '6. Juni 2015 um 10:23' });
    expect(tidyHeader(null, 'At 4/19/2005 07:14:49 PM, Anonymous said...')).toEqual({ author: 'Anonymous', date: '4/19/2005 07:14:49 PM' });
    expect(tidyHeader(null, 'Posted 19 December 2006 by Ryan Garside')).toMatchObject({ author: 'Ryan Garside' });
    // Not names: a control, "by <someone> on <an article>", a title's words after the date.
    expect(tidyHeader(null, 'January 10, 2008 4:52 PM Report this comment')).toEqual({ author: null, date: 'January 10, 2008 4:52 PM' });
    expect(tidyHeader(null, '06.11.23 - 14:00 von Krisenmanagement zu')).toEqual({ author: null, date: '06.11.23 - 14:00' });
    expect(tidyHeader('Ann', 'January 4, 2008 - At the movies: Now showing')).toEqual({ author: 'Ann', date: 'January 4, 2008' });
    expect(tidyHeader(null, 'Antworten 4. Juni 2016 um 12:53')).toEqual({ author: null, date: '4. Juni 2016 um 12:53' });
    // A place after the date is no name unless set apart from it (a dash, a bar).
    expect(tidyHeader(null, 'January 4, 2008 12:00 New York')).toEqual({ author: null, date: 'January 4, 2008 12:00' });
    // A date alone, or no date in it at all: unchanged.
    expect(tidyHeader('Ann', 'May 4, 2021 at 9:12 am')).toEqual({ author: 'Ann', date: 'May 4, 2021 at 9:12 am' });
    expect(tidyHeader(null, 'View 6 months ago')).toEqual({ author: null, date: 'View 6 months ago' });
  });

  it('in a thread, the date element\'s controls are left out of the comment\'s date', () => {
    const item = (name: string, date: string, text: string) =>
      `<li class="comment"><div class="comment-author">${name}</div><div class="comment-date">${date} · <a href="#r">Antwort</a></div><div class="comment-content"><p>${text}</p></div></li>`;
    const r = clean(
      page(
        item('Lukas', '3. Juni 2016 at 12:53', 'Danke, die Tipps zum Mulchen haben bei mir gut funktioniert.') +
          item('Heiner', '6. Juni 2016 at 05:27', 'Bei Frost hilft bei uns nur noch Vlies über den Beeten.'),
      ),
      { comments: 'keep-all' },
    );
    expect(r.comments!.map((c) => [c.author, c.date])).toEqual([
      ['Lukas', '3. Juni 2016 at 12:53'],
      ['Heiner', '6. Juni 2016 at 05:27'],
    ]);
  });

  it('a line that is a whole header, name and date with labels and controls around them, opens a comment', () => {
    expect(tidyAuthor('From: Fred Mertz')).toBe('Fred Mertz');
    expect(headerLine('Kommentar von Georg77 16. März 2011 um 12:22')).toEqual({ author: 'Georg77', date: '16. März 2011 um 12:22' });
    expect(headerLine('par JPA le 7 mai 2020 - 12:38.')).toEqual({ author: 'JPA', date: 'le 7 mai 2020 - 12:38.' });
    expect(headerLine('geschrieben von berg2012 am 21. Jan. 2015, 19:04 [ antworten ]')).toMatchObject({ author: 'berg2012' });
    expect(headerLine('Chris Anamani February 23, 2017 at 12:33 pm Reply')).toEqual({ author: 'Chris Anamani', date: 'February 23, 2017 at 12:33 pm' });
    // A label is no name, and a sentence with a date in it is no header.
    expect(headerLine('Tracked on Jan 17, 2005 12:00:31 PM')).toBeNull();
    expect(headerLine('We met on March 3, 2020 at the quay')).toBeNull();
    expect(headerLine('Happy to see the quay reopened on May 4, 2021')).toBeNull();
    expect(headerLine('Great game on March 3, 2020 — Ann Smith')).toBeNull();
    expect(headerLine('Ann Smith March 3, 2020 was a great day at the quay')).toBeNull();
    const found = splitLinesIntoComments(
      lines([
        '[»] Missing the point by slimy - Jan 10th 2000 14:49:17',
        'One must learn Unix if one expects to run it safely.',
        '[»] Re: half an hour a day? by jwz - Jan 8th 2000 16:35:37',
        'Ten minutes would work just as well, a quick skim of the headlines.',
      ]),
      true,
    );
    expect(found.map((c) => [c.author, c.date, c.text])).toEqual([
      ['slimy', 'Jan 10th 2000 14:49:17', 'One must learn Unix if one expects to run it safely.'],
      ['jwz', 'Jan 8th 2000 16:35:37', 'Ten minutes would work just as well, a quick skim of the headlines.'],
    ]);
  });

  it("a comment element's first line that is a whole header gives its author and date, a weekday's short name included", () => {
    const item = (header: string, text: string) => `<li class="comment"><div class="comment-body"><p>${header}</p><p>${text}</p></div></li>`;
    const r = clean(
      page(
        item('Amna March 26, 2018 at 1:09 pm Reply', 'Thank you for the tips on mulching, very helpful.') +
          item('Josef Franz Lindner, Do 9 Apr 2020 / 08:34 Antworten', 'Sehr nachdenkenswert finde ich die Erwägungen zum Frost.') +
          item('Am 29. Mai 2017 um 14:38 von Hugo', 'Der Garten braucht im Winter mehr Pflege, als man denkt.'),
      ),
      { comments: 'keep-all' },
    );
    expect(r.comments!.map((c) => [c.author, c.date, c.text])).toEqual([
      ['Amna', 'March 26, 2018 at 1:09 pm', 'Thank you for the tips on mulching, very helpful.'],
      ['Josef Franz Lindner', 'Do 9 Apr 2020 / 08:34', 'Sehr nachdenkenswert finde ich die Erwägungen zum Frost.'],
      ['Hugo', 'Am 29. Mai 2017 um 14:38', 'Der Garten braucht im Winter mehr Pflege, als man denkt.'],
    ]);
  });

  it('in the article, a short line that opens a quote with "sagt:" stays', () => {
    const quote = `<!doctype html><html lang="de"><head><title>Braun bleibt Braun</title></head><body><article><h1>Braun bleibt Braun</h1>
<p>${'Mit dem Selbstfärben kann ordentlich etwas schief gehen, das weiß jeder, der es einmal versucht hat. '.repeat(3)}</p>
<p>Der Hersteller sagt:</p>
<p>${'Mit der Zeit hat die Farbkraft Ihrer Haare nachgelassen, deshalb braucht sie jetzt Unterstützung. '.repeat(3)}</p></article></body></html>`;
    expect(clean(quote).text).toContain('Der Hersteller sagt:');
  });
});

describe('spam classifier', () => {
  // Written for this test, in the style of comments under articles; none is a training line.
  const spam = [
    'Earn $500 a day working from home, visit www.quick-cash-now.biz',
    'Please subscribe to my channel, I post new covers every week!',
    'Contact me at loans4u@example.com for cheap loans',
    'Nice article. Visit my blog for more tips on weight loss http://slim-fast-tips.example',
    'CHECK OUT MY NEW VIDEO!!! LIKE AND SUBSCRIBE!!!',
  ];
  const ham = [
    'Interesting article. Does anyone know when the bridge reopens?',
    'My daughter goes to that school and the teachers are great.',
    'This song brings back so many memories.',
    'The author forgets that the tax was already cut in 2018, so the comparison with last year is misleading.',
  ];

  it.each(spam)('spam: %s', (text) => {
    expect(classifySpam(text).spam).toBe(true);
  });

  it.each(ham)('genuine: %s', (text) => {
    expect(classifySpam(text).spam).toBe(false);
  });

  it('scores are probabilities, repeatable, and agree with the threshold', () => {
    for (const text of [...spam, ...ham, '', '!!!', 'a'.repeat(10_000)]) {
      const { spam: isSpam, score } = classifySpam(text);
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
      expect(spamScore(text)).toBe(score);
      expect(isSpam).toBe(score >= defaultScorer().threshold);
    }
  });

  it('reads comments as shown: tags dropped, references decoded, zero-width characters removed', () => {
    expect(normalizeComment('Great&#39;s <b>news</b><br />see <a href="http://x.example/p">here</a>\ufeff')).toBe(
      "Great's news see here http://x.example/p",
    );
    expect(spamScore('Check out my channel&#39;s new video<br />\ufeff')).toBeCloseTo(spamScore("Check out my channel's new video"), 10);
  });

  it('the committed model loads, is one small JSON file, and its scorer is the default one', () => {
    const bytes = statSync(MODEL_PATH).size;
    expect(bytes).toBeLessThan(100 * 1024);
    const model = JSON.parse(readFileSync(MODEL_PATH, 'utf8')) as SpamModel;
    expect(model.format).toBe('winnow-spam-lr/1');
    expect(Buffer.from(model.weights, 'base64')).toHaveLength(1 << model.bits);
    expect(model.threshold).toBeGreaterThan(0);
    const scorer = createScorer(model);
    for (const text of [...spam, ...ham]) expect(scorer.score(text)).toBe(spamScore(text));
  });

  it('a model whose weights do not match its size is refused', () => {
    const model = JSON.parse(readFileSync(MODEL_PATH, 'utf8')) as SpamModel;
    expect(() => createScorer({ ...model, bits: model.bits + 1 })).toThrow(/weights/);
  });
});

describe('spam under articles: author, author URL and the article', () => {
  // Hand-written for these tests, none taken from a data set.
  const ARTICLE =
    'How to read and write Excel files with Python: install openpyxl and pandas, open a workbook, read the cells of a sheet, loop over rows, write a DataFrame to a new sheet with ExcelWriter, and save the file. Pandas reads spreadsheets into data frames; openpyxl edits cells, styles and formulas.';
  const UNRELATED =
    'The harbour reopened on Saturday morning after eighteen months of repairs to the north wall, and the first fishing boats came in with the tide before nine o clock; the council spent most of the budget on mooring rings along the quay.';

  it('a helpline scam with a phone number is spam', () => {
    const text = 'Facing printer offline problems? Call our toll free helpline +1 888-555-0199, our technicians are available 24/7 for printer support.';
    expect(cues(text)).toEqual(expect.arrayContaining(['phone', 'helpline', 'techsupport']));
    expect(classifySpam({ text, article: ARTICLE }).spam).toBe(true);
  });

  it('a question with code is genuine', () => {
    const text = "I get an error when I run this:\n\nimport pandas as pd\ndf = pd.read_excel('data.xlsx', sheet_name='Sheet1')\nprint(df.head())\n\nIt says the sheet was not found. What am I doing wrong?";
    expect(classifySpam({ text, article: ARTICLE }).spam).toBe(false);
  });

  it('"thanks, great tutorial" is genuine', () => {
    expect(classifySpam({ text: 'Thanks, great tutorial!', article: ARTICLE }).spam).toBe(false);
    expect(classifySpam({ text: 'Thanks, great tutorial! It helped me a lot.', author: 'Maria', article: ARTICLE }).spam).toBe(false);
  });

  it('a reader who reports calling a helpline is genuine; a helpline offered is spam', () => {
    const told = 'I called their customer service number twice and nobody picked up. Terrible support.';
    expect(classifySpam({ text: told, article: ARTICLE }).spam).toBe(false);
    const offered = 'Need help with your printer? Call the Zentor customer service number, our technicians are available 24/7.';
    expect(classifySpam({ text: offered, article: ARTICLE }).spam).toBe(true);
  });

  it('"my team", "our agency" in a reader\'s sentence are no plug; "visit our website" is', () => {
    for (const text of ['Wonderful article, I shared it with my team.', 'We use a similar approach at our agency, but with csv files instead of Excel.']) {
      expect(classifySpam({ text, article: ARTICLE }).spam).toBe(false);
    }
    expect(classifySpam({ text: 'Wonderful article. Visit our website for the best SEO services in town.', article: ARTICLE }).spam).toBe(true);
  });

  it('templated praise signed by a business with a link is spam; the same praise signed by a person is not', () => {
    const praise = 'Very informative post, thanks for sharing. Visit our website for more information.';
    const business = { author: 'Best Packers and Movers Pune', authorUrl: 'http://best-packers-movers-pune.example/' };
    expect(classifySpam({ text: praise, ...business, article: ARTICLE }).spam).toBe(true);
    const short = { text: 'Nice post, thanks for sharing.', article: ARTICLE };
    expect(spamScore({ ...short, ...business })).toBeGreaterThan(spamScore({ ...short, author: 'Maria' }));
    expect(classifySpam({ ...short, ...business }).spam).toBe(true);
  });

  it('tells a business name or keyword URL from a person and a personal site', () => {
    expect(businessName('Best Packers and Movers Pune')).toBe(true);
    expect(businessName('Cheap Flights Booking')).toBe(true);
    expect(businessName('Peter Hale')).toBe(false);
    expect(businessName('Anna K.')).toBe(false);
    // The page's link labels read as a name are no business ("top" is a trade word of names like "Top SEO Company").
    expect(businessName('[reply] [top]')).toBe(false);
    expect(businessName('Top SEO Company')).toBe(true);
    expect(businessUrl('https://cheap-flight-deals-online.example/book-now')).toBe(true);
    expect(businessUrl('http://seo-services.example')).toBe(true);
    expect(businessUrl('https://annak.example/blog')).toBe(false);
  });

  it('a comment that shares the article\'s vocabulary scores lower than the same comment under an unrelated article', () => {
    const text = 'I tried writing the DataFrame with ExcelWriter and openpyxl, and the cells of the sheet keep their formulas.';
    expect(spamScore({ text, article: ARTICLE })).toBeLessThan(spamScore({ text, article: UNRELATED }));
  });

  it('the article and author change the score only through what they say', () => {
    const text = 'Great explanation of the north wall repairs.';
    expect(spamScore({ text })).toBe(spamScore(text));
    expect(spamScore({ text, author: null, authorUrl: null, article: null })).toBe(spamScore(text));
    // The same article string twice (as for the comments of one page) scores the same.
    expect(spamScore({ text, article: UNRELATED })).toBe(spamScore({ text, article: `${UNRELATED}` }));
  });

  it('the engine scores a thread against its own article', () => {
    const r = clean(WORDPRESS, { comments: 'keep-all' });
    const scorer = defaultScorer();
    for (const c of r.comments!) expect(c.score).toBeCloseTo(scorer.score({ text: c.text, author: c.author, article: r.body }), 4);
  });
});

describe('options', () => {
  it('comments defaults to drop and rejects unknown modes', () => {
    expect(resolveOptions().comments).toBe('drop');
    expect(resolveOptions().commentsInText).toBe(false);
    let caught: unknown;
    try {
      resolveOptions({ comments: 'keep-some' as never });
    } catch (err) {
      caught = err;
    }
    expect(isWinnowError(caught) && caught.code).toBe('BAD_OPTIONS');
  });

  it('the pipeline reads WINNOW_COMMENTS', () => {
    const base = { OUTPUT_BUCKET: 'out', TABLE_NAME: 'pages' };
    expect(configFromEnv(base).engine?.comments).toBe('drop');
    expect(configFromEnv({ ...base, WINNOW_COMMENTS: 'keep-ham' }).engine?.comments).toBe('keep-ham');
    expect(() => configFromEnv({ ...base, WINNOW_COMMENTS: 'maybe' })).toThrow(/WINNOW_COMMENTS/);
  });

  it('the table item counts comments found and spam comments when comments are kept', () => {
    const event = { change: 'created' as const, eventName: 'ObjectCreated:Put', bucket: 'in', key: 'p.html', size: 1, etag: null, versionId: null, sequencer: null, eventTime: null };
    const item = (r: CleanResult) => doneItem(event, r, outputKeys('p.html'), 1, null, null);
    expect(item(clean(WORDPRESS, { comments: 'keep-ham' }))).toMatchObject({ commentsFound: 2, spamComments: 1 });
    expect(item(clean(WORDPRESS))).not.toHaveProperty('commentsFound');
  });
});

describe('CLI', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'winnow-spam-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  function winnow(args: string[], input = ''): { code: number | null; stdout: string; stderr: string } {
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd: work, input, encoding: 'utf8', timeout: 60_000 });
    if (r.error) throw r.error;
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  const LINES = [
    { id: 'a', text: 'Please subscribe to my channel, I post new covers every week!' },
    { id: 7, text: 'Interesting article. Does anyone know when the bridge reopens?' },
  ];
  const JSONL = LINES.map((l) => JSON.stringify(l)).join('\n') + '\n';

  it('winnow spam FILE writes one verdict per line, in order', () => {
    const file = join(work, 'c.jsonl');
    writeFileSync(file, JSONL);
    const r = winnow(['spam', file]);
    expect(r.code).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => [o.id, o.spam])).toEqual([['a', true], [7, false]]);
    expect(Object.keys(out[0]).sort()).toEqual(['id', 'score', 'spam']);
    expect(out[0].score).toBeCloseTo(spamScore(LINES[0]!.text), 4);
  });

  it('winnow spam - reads standard input; bad lines are reported and skipped (exit 1)', () => {
    const r = winnow(['spam', '-'], `${JSONL}not json\n{"id": 3}\n\n{"text": "Lovely photos of the old mill."}\n`);
    expect(r.code).toBe(1);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['a', 7, null]);
    expect(r.stderr).toMatch(/^winnow spam: 3: /m);
    expect(r.stderr).toMatch(/^winnow spam: 4: no string "text"/m);
  });

  it('winnow spam: help, usage errors, missing file, --threshold', () => {
    expect(winnow(['spam', '--help']).stdout).toContain('winnow spam [options] FILE.jsonl');
    expect(winnow(['--help']).stdout).toMatch(/^ {2}spam +score comments/m);
    expect(winnow(['spam']).code).toBe(2);
    expect(winnow(['spam', '-t', '2', '-']).code).toBe(2);
    const missing = winnow(['spam', 'nope.jsonl']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.jsonl: ENOENT/);
    const strict = winnow(['spam', '--threshold', '1', '-'], JSONL);
    expect(strict.stdout.trim().split('\n').map((l) => JSON.parse(l).spam)).toEqual([false, false]);
  });

  it('winnow spam reads author, authorUrl and article beside text', () => {
    const text = 'Nice post, thanks for sharing.';
    const article = 'The harbour reopened on Saturday morning after eighteen months of repairs to the north wall.';
    const lines = [
      { id: 1, text, author: 'Maria', article },
      { id: 2, text, author: 'Cheap Flights Booking Services', authorUrl: 'https://cheap-flight-deals-online.example/book-now', article },
      { id: 3, text, author: 42 },
    ];
    const r = winnow(['spam', '-'], lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    expect(r.code).toBe(1);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual([1, 2]);
    expect(out[0].score).toBeCloseTo(spamScore({ text, author: 'Maria', article }), 4);
    expect(out[1].score).toBeCloseTo(spamScore({ text, author: lines[1]!.author as string, authorUrl: lines[1]!.authorUrl, article }), 4);
    expect(out[1].score).toBeGreaterThan(out[0].score);
    expect(out[1].spam).toBe(true);
    expect(r.stderr).toMatch(/^winnow spam: 3: "author" must be a string/m);
  });

  it('winnow clean --comments keep-ham --comments-in-text', () => {
    const page = join(work, 'wp.html');
    writeFileSync(page, WORDPRESS);
    const r = winnow(['clean', '--comments', 'keep-ham', '--comments-in-text', page]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`----- 1 comment -----\n\nPeter Hale · May 4, 2021 at 9:12 am\n${PETER}`);
    expect(r.stdout).not.toContain(WATCHES);
    const json = JSON.parse(winnow(['clean', '--comments', 'keep-all', '-f', 'json', page]).stdout) as CleanResult;
    expect(json.commentStats).toEqual({ found: 2, spam: 1 });
    expect(winnow(['clean', '--comments', 'all', page]).code).toBe(2);
    expect(winnow(['clean', '--comments-in-text', page]).code).toBe(2);
  });
});
