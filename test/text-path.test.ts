/** Plain-text path: behaviour on small hand-written pages and the shared seed example. */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { clean, resolveOptions } from '../engine';
import { extractText } from '../engine/text';
import { isToolBar, judgeLine } from '../engine/text/classify';
import { matchBoilerplate, normalizePhrase } from '../engine/config/phrases';
import { STOPWORDS } from '../engine/config/stopwords';
import { detectLanguage } from '../engine/text/language';
import { splitLines, unwrapHardWrapped } from '../engine/text/lines';

const FIXTURES = join(__dirname, 'fixtures', 'text');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const SEED = resolve(__dirname, '../../shared/data/examples/news-with-comment-form.txt');

/** The paragraphs of a text (blank-line separated, trimmed, non-empty). */
const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);

describe('seed example: news with a comment form', () => {
  const run = existsSync(SEED) ? it : it.skip;
  run('detects the title, keeps every article paragraph and drops the form', () => {
    const input = readFileSync(SEED, 'utf8');
    const r = clean(input, { mode: 'text' });
    expect(r.title).toBe('US, Russia Seek Int’l Talks Soon ‘to Save Syria’');
    expect(r.format).toBe('text');
    expect(r.strategy).toBe('text-lines');
    expect(r.language).toBe('en');
    const article = paragraphs(input).filter((p) => p.length > 100);
    expect(article.length).toBeGreaterThan(5);
    for (const p of article) expect(r.body).toContain(p);
    expect(r.text.startsWith(r.title!)).toBe(true);
    expect(r.body).not.toContain(r.title!);
    expect(r.text).not.toMatch(/enter your (comment|name)/i);
    const form = r.blocks.filter((b) => /Please enter/.test(b.text));
    expect(form.map((b) => [b.kind, b.kept])).toEqual([
      ['comment-form', false],
      ['comment-form', false],
    ]);
  });
});

describe('blog post with a comment thread', () => {
  const r = clean(fixture('blog-with-comments.txt'), { mode: 'text' });

  it('keeps the article and its headline as title', () => {
    expect(r.title).toBe('How Our Town Rebuilt Its Library After the Flood');
    expect(r.body).toContain('When the river broke its banks');
    expect(r.body).toContain('more people visit now than before the flood.');
    expect(paragraphs(r.body)).toHaveLength(4);
  });

  it('removes the thread, the form, menus, share bar, related links and footer', () => {
    for (const gone of ['says:', 'Reply', 'wonderful story', 'grandfather', 'Leave a Reply', 'Share this', 'Related Posts', 'Farmers Market', 'All rights reserved', 'Opinion', 'By Maria Jensen']) {
      expect(r.text).not.toContain(gone);
    }
    const kindOf = (text: string) => r.blocks.find((b) => b.text === text)?.kind;
    expect(kindOf('3 Comments')).toBe('comments');
    expect(kindOf('Reply')).toBe('comments');
    expect(kindOf('Leave a Reply')).toBe('comment-form');
    expect(kindOf('Share this:')).toBe('share');
    expect(kindOf('Related Posts')).toBe('related');
    expect(kindOf('© 2021 Riverside Weekly. All rights reserved.')).toBe('legal');
    const comment = r.blocks.find((b) => b.text.startsWith('What a wonderful story'))!;
    expect(comment.kept).toBe(false);
    expect(comment.kind).toBe('comments');
  });

  it('covers every line of the input, in order, each with a reason', () => {
    const lines = splitLines(fixture('blog-with-comments.txt'));
    expect(r.blocks.map((b) => b.text)).toEqual(lines.map((l) => l.text));
    r.blocks.forEach((b, i) => {
      expect(b.index).toBe(i);
      expect(b.reason.length).toBeGreaterThan(0);
    });
    expect(r.stats.blocksKept + r.stats.blocksRemoved).toBe(r.blocks.length);
  });
});

describe('a reader-submission form flattened to text (its labels marked "(Required)" first)', () => {
  it('ends the article: the form and what follows it are removed', () => {
    const page = [
      'Bridge reopens after repairs',
      'The old river bridge reopened to traffic on Monday after eight months of repairs to its steel frame and deck.',
      'Engineers said the work had cost less than expected because the piers needed only minor strengthening.',
      'The council said buses would return to their usual route through the town centre from next week.',
      'Did you see the bridge reopen? Share your pictures and your experience with us using the form below.',
      '(Required) Name (Required) Your E-mail address (Required) Town & Country (Required) Comments',
      'If you are happy to be contacted by one of our journalists please leave a telephone number that we can contact you on.',
    ].join('\n');
    const r = clean(page, { mode: 'text' });
    expect(r.body).toContain('buses would return to their usual route');
    expect(r.blocks.find((b) => b.text.startsWith('(Required) Name'))).toMatchObject({ kind: 'comment-form', kept: false });
    expect(r.text).not.toContain('telephone number');
  });
});

describe('a short article, then a closed comment thread and an explainer below it', () => {
  it('keeps the article, not the comment or the explainer that outscore it', () => {
    const page = [
      'Home | News | Sport',
      'Coach recalls two forwards',
      'Two forwards have been recalled to the starting line-up for this afternoon\'s game against the league leaders at home.',
      'The coach said both players had trained well all week and that the squad was ready for a difficult run of fixtures.',
      'Thanks for your comments - this feedback is now closed',
      'Posted by: Dom, London on 5:19pm Tue 1 Jan 08',
      'How many times does this have to be said: this is a very tight league and even the teams at the bottom can beat anyone on their day, so every point at home matters and the fans know it better than anyone.',
      'Come on boys! Sort the home form out and we will be laughing all the way to the end of the season.',
      'Quote | Report this post',
      'If you liked this article and would like to share it with others on the web who might be interested, use the links below.',
      'At the bottom of all articles you will see links to six sites, which are commonly called social bookmarking sites and let people keep lists of pages.',
      'Clicking one of the links will add the address of the story you are reading to that site, where you can keep it with a few words of your own for later.',
    ].join('\n');
    const r = clean(page, { mode: 'text' });
    expect(r.body).toContain('recalled to the starting line-up');
    expect(r.body).toContain('trained well all week');
    expect(r.text).not.toContain('very tight league');
    expect(r.text).not.toContain('social bookmarking');
  });
});

describe('the headline above the body', () => {
  it('is not a bar of tools or links, even right above the body', () => {
    const page = [
      'Premier tours flooded town',
      'Last Updated: Monday, January 14, 2008 | 2:21 PM ET',
      'Story Tools: E-MAIL | PRINT | Text Size: S M L XL | REPORT TYPO | SEND YOUR FEEDBACK',
      'The premier toured the northern town on Sunday to view the damage caused by the ice jam on the river.',
      'He flew over the jam with four members of the legislature and met residents whose homes were flooded.',
      'The city and the province have already spent three million dollars on the ice jam this winter.',
    ].join('\n');
    const r = clean(page, { mode: 'text' });
    expect(r.title).not.toContain('Story Tools');
    expect(r.body).toContain('view the damage');
  });
});

describe("a video player's notices above the body", () => {
  it('are not the article', () => {
    const page = [
      'Disclosure rule studied',
      'This video is playable across all supported devices.',
      'This video is unavailable in the format required for your device.',
      'You need the latest Adobe Flash Player to watch this video.',
      'Half a million people have signed a petition that asks the regulator to make companies disclose their political gifts.',
      'A coalition of activists and officials has written to the commission, and its chairman said a draft rule is being studied.',
      'The commission will take comments on the draft until the end of the summer, a spokesman said on Tuesday.',
    ].join('\n');
    const r = clean(page, { mode: 'text' });
    expect(r.body).toContain('Half a million people');
    expect(r.text).not.toMatch(/This video|Flash Player/);
  });
});

describe('a line of prose that lost its final period', () => {
  const lead = 'The city council this morning approved the new budget for the coming year after a long debate about the cost of repairing the old bridge over the river';
  const page = [
    'Home', 'About', 'Politics', 'World News', 'Sports', 'Events', 'Contact',
    'Council approves the budget after a long debate',
    'Riverside Weekly, August 08, 2018',
    lead,
    'The mayor said the vote was close, and that the bridge would be closed for repairs from the first week of September until the end of the year.',
    'Officials will meet again next week to decide how the money for the repairs is to be found, and residents may speak at that meeting.',
    'Tags:', 'Facebook', 'Twitter', 'Popular Posts',
  ].join('\n');

  it('is the article, not a heading: too long for one, and worded like prose', () => {
    expect(lead.length).toBeGreaterThan(resolveOptions().text.headingMaxChars);
    const r = clean(page, { mode: 'text' });
    expect(r.body).toContain(lead);
    expect(r.body).toContain('The mayor said the vote was close');
    expect(r.body).not.toMatch(/Politics|Popular Posts|Facebook/);
  });

  it('a long line without stop words, or one a headline could be, is still read as no sentence', () => {
    const t = resolveOptions().text;
    const judge = (text: string) => judgeLine({ index: 0, text, breakBefore: false, breakAfter: false, bullet: false }, 'en', true, t);
    expect(judge(lead).cls).toBe('good');
    const names = 'Hampton Fitness Satellite Series Dumbbell Club Pack BodyCraft Flat Incline Decline Weight Bench Stamina Versa Bell Adjustable Dumbbell CAP Barbell Neoprene Dumbbell Set';
    expect(names.length).toBeGreaterThan(t.headingMaxChars);
    expect(judge(names).cls).toBe('short');
    const headline = 'The city council this morning approved the new budget for the coming year after a long debate';
    expect(headline.length).toBeLessThanOrEqual(t.headingMaxChars);
    expect(judge(headline).cls).toBe('short');
  });
});

describe('excerpts of other pages after the body ("… Read More")', () => {
  const body = [
    'Home', 'Politics', 'World', 'Sports', 'Contact',
    'The inquiry enters its public phase',
    'The impeachment inquiry moved into its public phase this week, and both parties spent the days before it preparing their arguments for the cameras.',
    'The first witnesses are career diplomats, who are expected to describe what they saw of the effort to press a foreign government for an investigation.',
    'The committee chairman said the hearings would run for two weeks, after which a report would go to the judiciary committee for a vote.',
  ];
  const excerpts = [
    'Another story, number one',
    'The committee heard from the last of its witnesses on Friday. The most important moment of the day came near its end, when the former ambassador was asked about the call, and she said that she had not been told of it until the ... Read More',
    'Another story, number two',
    'The central bank chairman told the budget committee that growth would slow next year. He added that unemployment, especially at the lower end of the wage scale, was still falling, and that the bank would watch the figures for the ... Read More',
    'Another story, number three',
    'A new poll of voters in the state found the former governor ahead by twelve points. The rest of the field is far behind, and the poll found that most voters had not yet made up their minds about the candidates who ... Read More',
  ];

  it('end the article: they are teasers of other pages', () => {
    const r = clean([...body, ...excerpts].join('\n'), { mode: 'text' });
    expect(r.body).toContain('two weeks, after which a report');
    expect(r.body).not.toMatch(/Read More|Another story|central bank/);
  });

  it('a page that is a list of such excerpts keeps them', () => {
    const intro = ['Here is what we wrote this week, with the newest posts at the top of the page.', 'Every post is written by one of our three editors, and each of them reads the others before it goes out.'];
    const r = clean(['Latest posts', ...intro, ...excerpts].join('\n'), { mode: 'text' });
    expect(r.body).toContain(intro[1]);
    expect(r.body).toContain('central bank chairman');
    expect(r.body).toContain('A new poll of voters');
  });
});

describe('lines cut short, several in a row, before the article ("Ann on Some Post: I\'d like …")', () => {
  const teasers = [
    'Latest Comments',
    "Ann Lee on The harbour reopens: I'd like to see the old lighthouse open again too, and the café on the pier should get its terrace back before the …",
    'Bo Berg on New bridge opens next week: It is about time. The ferry has been late every morning this winter and nobody at the council seems to care about …',
    'Cy Diaz on Farmers market turns ten: Congratulations to all the stallholders, the market is the best thing that happened to this town in the last …',
  ];
  const article = [
    'The Harbour Wall Is Rebuilt',
    'The harbour wall that the storm broke two winters ago has been rebuilt, and the first fishing boats came back to the quay on Monday morning after a long wait.',
    'The council paid for most of the work, and the fishermen raised the rest at a series of suppers in the old market hall over the last two summers.',
    'The café on the pier will open again in the spring, its owner said, once the new kitchen has been fitted and the terrace has been repaired.',
    'The harbour master said that the new wall is a metre higher than the old one, and that it was built to stand the worst storm of the last hundred years.',
  ];

  it('are a list of teasers or of the latest comments, not the article', () => {
    const r = clean([...teasers, ...article].join('\n'), { mode: 'text' });
    expect(r.body).toContain('a metre higher than the old one');
    expect(r.body).not.toMatch(/Ann Lee|ferry has been late|Congratulations/);
  });

  it('a page that is mostly such lines keeps them (a catalogue, a front page)', () => {
    const r = clean(['Our courses', ...teasers.slice(1), article[1]].join('\n'), { mode: 'text' });
    expect(r.body).toContain('ferry has been late');
  });
});

describe('a link to another story set into the article ("READ MORE: <its headline>")', () => {
  const link = 'READ MORE: Plague outbreak confirmed in the capital after two patients fall ill with the disease';
  const page = [
    'Home', 'News', 'Science', 'Contact',
    'Health officials confirm a third case of plague',
    'Health officials confirmed a third case of plague on Monday, in a hunter who had eaten a wild rabbit he caught in the hills north of the city.',
    'The patient is being treated in hospital, and the officials said that the people he met in the days before he fell ill were being traced.',
    link,
    'The disease is treated with antibiotics when it is caught early, and cases have been rare in the region for many years, the officials said.',
    'They asked hunters not to eat animals found dead and to report any sick rabbits or marmots to the local health office at once.',
  ].join('\n');

  it('is left out, and the article goes on after it', () => {
    expect(link.length).toBeGreaterThan(80); // longer than the related phrases' lines
    const r = clean(page, { mode: 'text' });
    expect(r.body).not.toContain('READ MORE');
    expect(r.body).toContain('treated in hospital');
    expect(r.body).toContain('report any sick rabbits');
    expect(r.blocks.find((b) => b.text === link)).toMatchObject({ kept: false, kind: 'related' });
  });
});

describe("a picture's labels read out in the text (\"Image caption …\", \"Image copyright …\")", () => {
  const page = [
    'Home', 'News', 'Music', 'Contact',
    'Singer says she cannot play her old songs on television',
    'The singer said on Thursday that her former record label had told her she could not perform her old songs at an awards show next week.',
    'Image copyright Getty Images',
    'Image caption The singer has released seven albums since she first signed to the label at the age of fifteen',
    'The label said in a statement that it had never tried to stop her from performing, and that it was willing to talk to her managers.',
    'The awards show is due to be broadcast live on Sunday evening, and the singer is still listed among the artists who will appear.',
  ].join('\n');

  it('are left out of the article, which goes on after them', () => {
    const r = clean(page, { mode: 'text' });
    expect(r.body).not.toMatch(/Image (?:copyright|caption)/);
    expect(r.body).toContain('could not perform her old songs');
    expect(r.body).toContain('still listed among the artists');
    expect(r.blocks.find((b) => b.text.startsWith('Image caption'))).toMatchObject({ kept: false, kind: 'caption' });
  });
});

describe('a numbered list right after the body', () => {
  const body = [
    'Gift ideas for the nostalgic',
    'Black Friday is almost here, and the shops have already started to cut their prices on the toys and films of the eighties.',
    'We went through the offers and picked the ones that will please anyone who grew up with a video recorder in the living room.',
    'Here are the deals not to miss this year:',
  ];
  const items = [
    '1) Lego Star Wars Resistance Bomber',
    'https://example.com/deal/1',
    '2) Polistil electric race track',
    'https://example.com/deal/2',
    '3) Blade Runner The Final Cut (4K Ultra HD)',
    'https://example.com/deal/3',
    '5) Ghostbusters Collection 1-2 (Steelbook)',
  ];
  it('is the article: counted from 1, in order, each item with a line of its own', () => {
    const r = clean([...body, ...items, 'Popular today', 'Why the video recorder came back'].join('\n'), { mode: 'text' });
    expect(r.body).toContain('deals not to miss');
    for (const item of items.filter((l) => /^\d/.test(l))) expect(r.body).toContain(item);
    expect(r.text).not.toContain('Why the video recorder came back');
  });

  it('is not when it does not begin at 1 or has too few items', () => {
    const notFromOne = clean([...body, '4) Lego Star Wars Resistance Bomber', '5) Polistil electric race track', '6) Blade Runner The Final Cut'].join('\n'), { mode: 'text' });
    expect(notFromOne.body).not.toContain('Polistil');
    const two = clean([...body, '1) Lego Star Wars Resistance Bomber', '2) Polistil electric race track'].join('\n'), { mode: 'text' });
    expect(two.body).not.toContain('Polistil');
  });
});

describe("a story's tool icons in the middle of it", () => {
  const before = [
    'Police cruiser crash stops wrong-way driver',
    'BURNABY - A police officer crashed his cruiser into a car driving on the wrong side of the highway early Friday, stopping it before anyone was hurt.',
    'About 4 a.m., a traffic officer spotted the vehicle heading east in the westbound lanes of the highway near the bridge, with its lights off.',
    'After attempts to stop it failed, the officer put himself and his cruiser in front of the car, and the two vehicles collided at low speed.',
  ];
  const tools = ['Email to a friend', 'Printer friendly', 'Font:', '*', '*', '*', '*'];
  const after = [
    'The impact deployed the cruiser airbag, causing minor injuries to the officer.',
    'The other driver, an elderly man, was taken to hospital for observation, but was not hurt.',
    'Investigators later learned that the man had been reported missing on Wednesday by his family.',
    'They believe the man may have been confused at the time of the incident.',
  ];
  it('does not cut the story in two: bullets drawn as "*" count for nothing either way', () => {
    const r = clean([...before, ...tools, ...after, 'Home | News | Sports | Contact us'].join('\n'), { mode: 'text' });
    expect(r.body).toContain('After attempts to stop it failed');
    for (const line of after) expect(r.body).toContain(line);
    expect(r.body).not.toMatch(/^\*$/m);
    expect(r.body).not.toContain('Printer friendly');
  });
});

describe('a list the last line of the body announces', () => {
  const body = [
    'Players to be evaluated at the league combine this weekend',
    'More than sixty players will be tested this weekend in front of the coaches and general managers of every club in the league.',
    'The combine gives the coaches a last chance to see the college players before the draft, which takes place on Friday in the same city.',
    'Below is the list of players who have been invited to the combine:',
  ];
  const players = ['Sean Franklin (State University)', 'Eric Brunner (Ohio University)', 'Geoff Cameron (University of Rhode Island)', 'Hugh Cronin (City College)', 'Pavle Dundjer (University of Illinois)'];
  const footer = ['All rights reserved. This material may not be published or broadcast.', 'Advertisements', 'Print Ads', 'Top Jobs', 'Real Estate', 'Cars'];

  it('keeps its items, short and capitalised as they are, and stops at the footer', () => {
    const r = clean([...body, ...players, ...footer].join('\n'), { mode: 'text' });
    for (const p of players) expect(r.body).toContain(p);
    expect(r.body).not.toMatch(/Print Ads|Top Jobs/);
    // "… are listed below." announces it too.
    const listed = clean([...body.slice(0, 3), 'The players invited to the combine are listed below.', ...players, ...footer].join('\n'), { mode: 'text' });
    for (const p of players) expect(listed.body).toContain(p);
    // …and so does "listed below" inside the paragraph, with more said after it.
    const inside = clean([...body.slice(0, 3), 'Write to the clubs listed below. Please give your full name and the name of the player you are asking about, and allow two weeks for a reply.', ...players, ...footer].join('\n'), { mode: 'text' });
    for (const p of players) expect(inside.body).toContain(p);
  });

  it('is not a list of bare web addresses, nor a list no line announces', () => {
    const links = ['Official biography', 'https://example.com/bio', 'Mission pages', 'https://example.com/mission'];
    const linked = clean([...body.slice(0, 3), 'For more about the players, visit the following links:', ...links].join('\n'), { mode: 'text' });
    expect(linked.body).not.toContain('Mission pages');
    const unannounced = clean([...body.slice(0, 3), ...players, ...footer].join('\n'), { mode: 'text' });
    expect(unannounced.body).not.toContain('Hugh Cronin');
  });
});

describe("a story's tool bar after its body", () => {
  const teasers = [
    'Province unveils transit plan',
    'The province has announced a fourteen billion dollar plan to upgrade transit in the region over the next decade, with new lines and buses.',
    'Breweries rewrite their recipes',
    'A worldwide shortage of hops is forcing some small breweries to rewrite the recipes of their flagship beers, and some have stopped brewing them.',
    'Man arrested after crash',
    'A young man has been charged in connection with a hit-and-run on the north shore that left one person dead and two others in hospital.',
    'Student fights piercing ban',
    'A culinary school will not allow one of its students to complete her studies because she refuses to remove her facial piercing in the kitchen.',
  ];
  it('ends the story: the teasers below it are not the article', () => {
    const page = [
      'Premier tours flooded town',
      'The premier toured the northern town on Sunday to view the damage caused by the ice jam on the river.',
      'He flew over the jam with four members of the legislature and met residents whose homes were flooded.',
      'The city and the province have already spent three million dollars on the ice jam this winter.',
      'Story Tools: E-MAIL | PRINT | Text Size: S M L XL | REPORT TYPO | SEND YOUR FEEDBACK',
      'B.C. Headlines',
      ...teasers,
    ].join('\n');
    const r = clean(page, { mode: 'text' });
    expect(r.body).toContain('view the damage');
    expect(r.body).toContain('three million dollars');
    for (const teaser of teasers) expect(r.text).not.toContain(teaser);
  });

  it('does not end a comment thread that carries one', () => {
    const page = [
      'Premier tours flooded town',
      'The premier toured the northern town on Sunday to view the damage caused by the ice jam on the river.',
      'He flew over the jam with four members of the legislature and met residents whose homes were flooded.',
      'Leave a comment',
      'Posted by: Dom, Prince George on 5:19pm Tue 1 Jan 08',
      'The water has been rising for a week now and nobody from the province came until the cameras did, which tells you everything.',
      'Print | E-mail | Share this comment',
      'Posted by: Ann, Quesnel on 6:02pm Tue 1 Jan 08',
      'My brother lost his basement to the flood and the insurance company says it does not cover ice jams, so who will pay for it?',
    ].join('\n');
    const r = clean(page, { mode: 'text', comments: 'keep-all' });
    expect(r.body).toContain('view the damage');
    const comments = (r.comments ?? []).map((c) => c.text).join('\n');
    expect(comments).toContain('nobody from the province');
    expect(comments).toContain('insurance company');
  });

  it('leaves out a short line of tools without bars, without ending the story there', () => {
    const page = [
      'Premier tours flooded town',
      'The premier toured the northern town on Sunday to view the damage caused by the ice jam on the river.',
      'Residents have been moving their belongings to higher ground since the water began to rise last week.',
      'Print Email Return to Top',
      'He flew over the jam with four members of the legislature and met residents whose homes were flooded.',
      'The city and the province have already spent three million dollars on the ice jam this winter.',
    ].join('\n');
    const r = clean(page, { mode: 'text' });
    expect(r.body).not.toContain('Print Email');
    expect(r.body).toContain('view the damage');
    expect(r.body).toContain('three million dollars');
  });

  it('is never the headline', () => {
    const page = [
      'HITZFELD BEGINS SWISS TALKS',
      'E-mail Article Print-Friendly Subscribe to RSS Feed',
      'Ottmar Hitzfeld has begun talks with the football federation with a view to becoming the national coach.',
      'The coach, who has confirmed he will leave his club at the end of the season, met the federation on Monday.',
      'Both sides said the talks were informal and that no decision would be taken before the spring.',
    ].join('\n');
    expect(clean(page, { mode: 'text' }).title).toBe('HITZFELD BEGINS SWISS TALKS');
  });

  it('is told by its tools, in any of the languages, not by bars alone', () => {
    const t = resolveOptions({}).text;
    expect(isToolBar('Story Tools: E-MAIL | PRINT | Text Size: S M L XL | REPORT TYPO', t)).toBe(true);
    expect(isToolBar('Print article | E-mail article | Post comment | View comments', t)).toBe(true);
    expect(isToolBar('Artikel drucken | Versenden | Teilen', t)).toBe(true);
    expect(isToolBar('Share: WhatsApp | Pinterest | LinkedIn', t)).toBe(true);
    // A blog's post footer (the next post follows it), a menu, a bar of two items.
    expect(isToolBar('Posted by jamie at 04:29 PM | Permalink | Comments (0) | TrackBack (0)', t)).toBe(false);
    expect(isToolBar('Home | News | Sport | Business', t)).toBe(false);
    expect(isToolBar('Print | E-mail', t)).toBe(false);
  });
});

describe('German and French pages', () => {
  it('extracts a German article and drops the German comment form', () => {
    const r = clean(fixture('de-artikel.txt'), { mode: 'text' });
    expect(r.language).toBe('de');
    expect(r.title).toBe('Neue Radwege für die Innenstadt');
    expect(paragraphs(r.body)).toHaveLength(4);
    expect(r.body).toContain('zwölf Millionen Euro');
    for (const gone of ['Schreibe einen Kommentar', 'veröffentlicht', 'Alle Rechte vorbehalten', 'Startseite', 'Spielplatz']) {
      expect(r.text).not.toContain(gone);
    }
  });

  it('extracts a French article and drops the French comment form', () => {
    const r = clean(fixture('fr-article.txt'), { mode: 'text' });
    expect(r.language).toBe('fr');
    expect(r.title).toBe('Le marché couvert rouvre ses portes');
    expect(paragraphs(r.body)).toHaveLength(3);
    for (const gone of ['Laisser un commentaire', 'ne sera pas publiée', 'Tous droits réservés', 'festival']) {
      expect(r.text).not.toContain(gone);
    }
  });
});

describe('nothing article-like', () => {
  it('returns empty text with a reason for a page of menus and footer links', () => {
    const r = clean(fixture('menu-only.txt'), { mode: 'text' });
    expect(r.text).toBe('');
    expect(r.body).toBe('');
    expect(r.emptyReason).toMatch(/no run of prose/);
    expect(r.blocks.every((b) => !b.kept)).toBe(true);
    expect(r.blocks.length).toBe(10);
  });

  it('gives blank input no blocks and a reason (the decoder rejects empty bytes before this)', () => {
    for (const input of ['', '   \n\n \t\n']) {
      const x = extractText(input, resolveOptions({ mode: 'text' }));
      expect(x.blocks).toEqual([]);
      expect(x.title).toBeNull();
      expect(x.emptyReason).toBeTruthy();
    }
  });

  it('keeps the whole page, comment lines and the site\'s controls aside, when it has text but no article (a catalogue)', () => {
    const items = ['Oak dining table, seats six', 'Pine bookshelf with five shelves', 'Walnut writing desk and chair', 'Birch bed frame for a double bed'];
    const page = [
      'Furniture catalogue',
      ...items.flatMap((item, i) => [item, `Solid wood, hand finished in our workshop. Price ${120 + i * 40} EUR`, 'Add to basket']),
      'Leave a comment',
      'Share this page',
      'Privacy Policy',
    ].join('\n\n');
    const r = clean(page, { mode: 'text' });
    expect(r.strategy).toBe('text-whole-page');
    expect(r.emptyReason).toBeNull();
    for (const item of items) expect(r.body).toContain(item);
    expect(r.body).toContain('Add to basket');
    for (const line of ['Leave a comment', 'Share this page', 'Privacy Policy']) expect(r.body).not.toContain(line);
    const kept = r.blocks.filter((b) => b.kept && b.kind === 'body');
    expect(kept.every((b) => /no article, the whole page is kept/.test(b.reason))).toBe(true);
  });

  it('keeps no page whole whose text reads as no language (bytes valid in no charset, read as windows-1252)', () => {
    const junk = Buffer.alloc(20_000);
    for (let i = 0; i < junk.length; i++) junk[i] = 0x80 + ((i * 7919) % 0x7f); // never valid UTF-8
    const r = clean(junk, { mode: 'text' });
    expect(r.encoding.charset).toBe('windows-1252');
    expect(r.language).toBeNull();
    expect(r.strategy).not.toBe('text-whole-page');
    expect(r.body).toBe('');
  });

  it('returns empty text with a reason for prose-free punctuation and numbers', () => {
    const r = clean('---\n\n12 34\n\n***\n', { mode: 'text' });
    expect(r.text).toBe('');
    expect(r.emptyReason).toBeTruthy();
  });
});

describe('detectLanguage', () => {
  const samples: [string, string][] = [
    ['en', 'The committee said that it would not publish the report until all of the members had read it.'],
    ['de', 'Der Ausschuss hat erklärt, dass er den Bericht erst veröffentlichen wird, wenn alle Mitglieder ihn gelesen haben.'],
    ['fr', "Le comité a déclaré qu'il ne publierait pas le rapport avant que tous les membres l'aient lu."],
    ['es', 'El comité dijo que no publicaría el informe hasta que todos los miembros lo hubieran leído.'],
    ['it', 'Il comitato ha detto che non pubblicherà la relazione finché tutti i membri non l’avranno letta.'],
    ['pt', 'O comitê disse que não publicaria o relatório até que todos os membros o tivessem lido.'],
    ['nl', 'De commissie zei dat zij het rapport pas zou publiceren als alle leden het hadden gelezen.'],
    ['pl', 'Komisja powiedziała, że nie opublikuje raportu, dopóki wszyscy członkowie go nie przeczytają.'],
    ['ru', 'Комитет заявил, что не опубликует доклад, пока все члены не прочитают его.'],
    ['ja', '委員会は、すべての委員が読むまで報告書を公表しないと述べた。'],
    ['zh', '委员会表示，在所有成员阅读之前不会公布这份报告。'],
  ];
  it.each(samples)('recognises %s', (lang, text) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('returns null without evidence', () => {
    expect(detectLanguage('')).toBeNull();
    expect(detectLanguage('12345 67 89')).toBeNull();
    expect(detectLanguage('Home')).toBeNull();
  });

  it('has stop-word lists for the required languages', () => {
    for (const lang of ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'ru']) {
      expect(STOPWORDS[lang]!.size).toBeGreaterThan(100);
    }
  });
});

describe('boilerplate phrases', () => {
  it.each([
    ['Please enter your comment!', 'comment-form'],
    ['Hinterlasse einen Kommentar', 'comment-form'],
    ['Deja un comentario', 'comment-form'],
    ['Lascia un commento', 'comment-form'],
    ['Deixe um comentário', 'comment-form'],
    ['Laat een reactie achter', 'comment-form'],
    ['Dodaj komentarz', 'comment-form'],
    ['Оставить комментарий', 'comment-form'],
    ['(Required) Name (Required) Your E-mail address (Required) Town (Required) Comments', 'comment-form'],
    ['12 Comments', 'comments'],
    ['Please leave your comments below:', 'comment-form'],
    ['Thanks for your comments - this feedback is now closed', 'comment-form'],
    ['Quote | Report this post', 'comments'],
    ['Post comment | Terms | Report Abuse', 'comments'],
    ['Print Email this Comment', 'comments'],
    ['Article Comments', 'comments'],
    ['This document is subject to copyright. Apart from any fair dealing, no part may be reproduced without the written permission.', 'legal'],
    ['Disclaimer: This news article is copyrighted by the Associated Press and published here with permission.', 'legal'],
    ['Explore further', 'related'],
    ['Click photo to enlarge', 'boilerplate'],
    ['Text size', 'boilerplate'],
    ['Print article', 'share'],
    ['Refer to a friend', 'share'],
    ['Story continues', 'ad'],
    ['Related Links', 'related'],
    ['View larger image', 'boilerplate'],
    ['Sign up for e-mail newsletters', 'newsletter'],
    ['Advert', 'ad'],
    ['Printer-friendly version', 'share'],
    ['Related sections', 'related'],
    ['No spam, we promise. You can unsubscribe at any time.', 'newsletter'],
    ['Note: please limit your comments to 300 words.', 'comment-form'],
    ['By posting you agree to the terms and conditions', 'comment-form'],
    ['Internal Links', 'related'],
    ['Top of page', 'navigation'],
    ['ATENÇÃO: Comentários com textos ininteligíveis não serão aprovados pelo moderador.', 'comment-form'],
    ['Your comment will appear once it has been approved by a moderator.', 'comment-form'],
    ['Lost Password?', 'navigation'],
    ['More Great WIRED Stories', 'related'],
    ['Subscription Deals', 'ad'],
    ['Start Receiving News Headlines per email.', 'newsletter'],
    ['Interesting? Click here to explore further', 'boilerplate'],
    ['When news happens: send photos, videos & tip-offs to our newsroom.', 'boilerplate'],
    ['Have your say on this story', 'comments'],
    ['Recommend this story', 'share'],
    ['Latest related coverage', 'related'],
    ['Other articles by Jane Example:', 'related'],
    // a heading set letter by letter
    ['R E A D E R C O M M E N T S', 'comments'],
    ['We use cookies to give you the best experience.', 'consent'],
    ['Subscribe to our newsletter', 'newsletter'],
    ['Never miss the latest news by signing up to our newsletter today!', 'newsletter'],
    ['Sign up to receive daily sports headlines.', 'newsletter'],
    ['SUBSCRIBE TO OUR RSS FEEDS & GET YOUR NEWS LIVE!', 'newsletter'],
    ['Click here for free Newsletter subscription!', 'newsletter'],
    ['Share this article', 'share'],
    ['Printer friendly page Send this article to Friends by E-Mail', 'share'],
    ['Send this story to a friend', 'share'],
    ['Like this story? Share it with a friend!', 'share'],
    ['• Add to Del.icio.us', 'share'],
    ['Print article: Print', 'share'],
    ['Email article: Email', 'share'],
    ['Copy Link URL Copied!', 'share'],
    ['Listen to Article', 'share'],
    ['More Articles in International »', 'related'],
    ['Diese Artikel könnten dich auch interessieren:', 'related'],
    ['Already a member? Login now', 'navigation'],
    ['Submit comment: Submit comment', 'comment-form'],
    ['Comment entries are limited to 100 words.', 'comment-form'],
    ['Have your say Read comments', 'comments'],
    ['CLICK HERE TO GET THE EXAMPLE NEWS APP', 'boilerplate'],
    ['Type any number of key words. We email you the related headlines.', 'newsletter'],
    ['text size: A | A | A', 'boilerplate'],
    ['Get the latest news from Example World delivered via email. Sign up now', 'newsletter'],
    ['Most Blogged about Example.com Articles', 'related'],
    ['Related articles', 'related'],
    ['© 2020 Example Ltd. All rights reserved.', 'legal'],
  ])('%s → %s', (text, kind) => {
    expect(matchBoilerplate(text)?.kind).toBe(kind);
  });

  it("takes a site's paragraph-long disclaimer for legal text, not an article's words about advice", () => {
    const disclaimer =
      'Information on this site is provided for informational purposes and is not meant to substitute for the advice ' +
      'provided by your own physician or other medical professional. You should not use the information contained ' +
      'herein for diagnosing or treating a health problem or disease, or prescribing any medication. ' +
      'If you have or suspect that you have a medical problem, promptly contact your health care provider. '.repeat(2);
    expect(disclaimer.length).toBeGreaterThan(300); // longer than the other legal lines may be
    expect(matchBoilerplate(disclaimer)?.kind).toBe('legal');
    expect(matchBoilerplate('The materials in this web site are in no way intended to replace the care of a doctor.')?.kind).toBe('legal');
    // The same words inside an article's own sentence are the article's.
    expect(matchBoilerplate('Dr. Krumholz says the information on this site is not meant to substitute for a visit to a neurologist.')).toBeNull();
    expect(matchBoilerplate('Online symptom checkers are not meant to substitute for the advice of your physician, the study found.')).toBeNull();
  });

  it("takes \"Follow … on Twitter\" for the site's accounts, not a sentence about following", () => {
    expect(matchBoilerplate('Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.')?.kind).toBe('boilerplate');
    expect(matchBoilerplate('Follow me on Twitter or LinkedIn. Check out my website.')?.kind).toBe('boilerplate');
    expect(matchBoilerplate('Follow the river path on foot for two miles to reach the old mill.')).toBeNull();
    expect(matchBoilerplate('Fans who follow the band closely were not surprised by the news on Monday.')).toBeNull();
  });

  it('takes "… said:" for a comment\'s header after a name or a date, not after a sentence that introduces a quote', () => {
    for (const header of ['King Eric wrote:', 'Nancy Reyes Says:', 'Milan Griffes on September 12, 2018 at 4:47 pm said:']) {
      expect(matchBoilerplate(header)?.kind).toBe('comments');
    }
    expect(matchBoilerplate('In listing his conditions before he would testify, Schreiber said:')).toBeNull();
    const quote = 'Commenting on his appointment, the new chief executive of the rescue fund said:';
    const story = [
      'Fund names its first chief executive',
      'The euro zone rescue fund named a former finance ministry official as its first chief executive on Monday, after a month of talks.',
      'He will take up the post next week and will lead a staff of about twenty, the fund said in a statement released in the morning.',
      quote,
      '"I am honoured to lead the fund at this time, and I look forward to working with the member states to make it a success."',
      'The fund can lend up to four hundred billion euros to member states that lose access to the markets, under strict conditions.',
    ].join('\n');
    expect(clean(story, { mode: 'text' }).body).toContain(quote);
  });

  it('takes "report abuse" for a control only as an item of a bar, not in a sentence', () => {
    expect(matchBoilerplate('Post comment | Terms | Report Abuse')?.kind).toBe('comments');
    expect(matchBoilerplate('Call the hotline to report abuse.')).toBeNull();
  });

  it.each([
    ['12 Comments', true],
    ['Comments (3)', true],
    ['Comments are now closed for this story', true],
    // A count of none opens no thread: such a label sits above many articles.
    ['0 comments', false],
    ['No comments', false],
    ['Comments (0)', false],
  ])('%s: a comment marker, strong %s', (text, strong) => {
    expect(matchBoilerplate(text)?.kind).toMatch(/^comment/);
    expect(matchBoilerplate(text)?.strong).toBe(strong);
  });

  it.each([
    ['  « Leave a Reply »  ', 'leave a reply'],
    ['¿Qué opinas?', 'qué opinas'],
    ['(see more)', 'see more)'],
    ['>>  Read\tmore\u00a0 here...', 'read more here'],
    ['\u{1F642} \u{1D400}bc 2 \u{1F642}', '\u{1D400}bc 2'],
    ['İstanbul!', 'i̇stanbul'],
    ['* — ·', ''],
  ])('normalises the line %j as %j', (text, normal) => {
    expect(normalizePhrase(text)).toBe(normal);
    // The definition the hand-written edges stand for.
    const byRegex = text
      .replace(/^[^\p{L}\p{N}]+/u, '')
      .replace(/[^\p{L}\p{N})]+$/u, '')
      .replace(/\s+/g, ' ')
      .toLowerCase();
    expect(normalizePhrase(text)).toBe(byRegex);
  });

  it('leaves prose and long paragraphs alone', () => {
    expect(matchBoilerplate('The council met on Tuesday to discuss the budget.')).toBeNull();
    expect(matchBoilerplate(`${'The readers were asked to leave a comment on the plan. '.repeat(10)}`)).toBeNull();
  });
});

describe('robustness', () => {
  it('handles a very long line without spaces quickly', () => {
    const huge = 'x'.repeat(5_000_000);
    const start = Date.now();
    const r = clean(`Title\n\n${huge}\n\nshort`, { mode: 'text' });
    expect(Date.now() - start).toBeLessThan(5000);
    expect(r.blocks.length).toBe(3);
  });

  it('honours thresholds passed as options', () => {
    const input = fixture('fr-article.txt');
    const strict = clean(input, { mode: 'text', text: { minRunScore: 1e9, wholePageMaxShare: 0 } });
    expect(strict.body).toBe('');
    expect(strict.emptyReason).toBeTruthy();
  });
});

describe('the body is not anchored on the site name repeated in the footer', () => {
  const story = [
    'The harbour board approved a plan on Tuesday to dredge the main channel before the summer, so that larger ferries can dock at the old pier again.',
    'The work will take about six weeks and will be paid for by the port fees that the board raised last year, its chairman told the meeting.',
    'Fishermen asked the board to keep one berth open during the dredging, and the board agreed to move the work boats to the north side for that time.',
    'A survey of the channel found that silt had raised the bottom by almost a metre since the last dredging, which was done ten years ago.',
  ];
  // Page text without the document title: the first line is the site's name, which the footer repeats.
  const footer = 'Reliance on the information this site contains is at your own risk, and the publisher accepts no liability for any loss that it may cause.';
  const text = ['Harbour Herald Online', 'Home', 'News', 'Sport', 'Harbour to dredge its main channel', ...story, 'About us', 'Contact', 'Harbour Herald Online', footer, 'Privacy'].join('\n');
  const r = clean(text, { mode: 'text' });

  test('the article before the repeat is the body', () => {
    for (const p of story) expect(r.body).toContain(p);
    expect(r.body).not.toContain('Reliance on the information');
  });
});

describe('repeated text', () => {
  test('short list lines that repeat their words are kept; a paragraph told twice is kept once', () => {
    const para = 'The museum will open its new wing on Saturday with an exhibition of maps drawn by sailors who charted the coast two centuries ago.';
    const lines = [
      'Museum opens new wing',
      para,
      'Tickets can be bought at the door or online, and children under twelve go in free of charge on the opening weekend.',
      'Get it on Amazon for $12.99',
      'Get it on Amazon for $24.99',
      'Get it on Amazon for $8.50',
      'The new wing was designed by a local architect who also restored the old customs house on the quay, a building from the same period.',
      para,
    ];
    const r = clean(lines.join('\n'), { mode: 'text' });
    for (const price of ['$12.99', '$24.99', '$8.50']) expect(r.body).toContain(`Get it on Amazon for ${price}`);
    expect(r.body.split(para).length - 1).toBe(1);
  });

  const story = [
    'The museum will open its new wing on Saturday with an exhibition of maps drawn by sailors who charted the coast two centuries ago.',
    'The new wing was designed by a local architect who also restored the old customs house on the quay, a building from the same period.',
    'Tickets can be bought at the door or online, and children under twelve go in free of charge on the opening weekend.',
  ];
  const count = (text: string, part: string) => text.split(part).length - 1;

  test('a page that gives its whole article again, paragraph after paragraph, keeps both copies (as the HTML path does)', () => {
    const r = clean(['Museum opens new wing', ...story, ...story].join('\n'), { mode: 'text' });
    for (const p of story) expect(count(r.body, p)).toBe(2);
  });

  test('an article given as one block and again split into long paragraphs keeps the paragraphs', () => {
    // Each paragraph at least `articleAgainMinChars` long, a part of the block.
    const long = story.map((p) => `${p} The curators say more of the collection will be shown in the spring, once the old rooms upstairs have been repaired.`);
    const r = clean(['Museum opens new wing', long.join(' '), 'Read the story', ...long].join('\n'), { mode: 'text' });
    for (const p of long) expect(count(r.body, p)).toBe(2);
  });

  test("a gallery's caption under each photo is kept once", () => {
    const caption = 'Visitors look at a chart of the northern coast drawn in 1820 by the crew of a whaler, in the new wing of the museum on Saturday.';
    const r = clean(['Museum opens new wing', ...story, caption, caption, caption].join('\n'), { mode: 'text' });
    expect(count(r.body, caption)).toBeLessThanOrEqual(1);
  });
});

describe('the headline of page text that does not start with the document title', () => {
  const story = [
    'The regional rail company will run an extra train every hour between the two cities from May, its director said at the launch of the new timetable.',
    'The extra trains will use carriages bought last year, and the company expects them to carry about four thousand more passengers a day.',
    'Commuter groups welcomed the plan but asked for later trains in the evening, which the director said would be studied for the winter timetable.',
  ];
  const text = ['Home', 'Travel', 'Weather', 'Extra trains between the cities from May', 'Monday, 14 January 2008', ...story, 'Contact us'].join('\n');

  test('is the title-like line just above the body, not the first line nor the dateline', () => {
    const r = clean(text, { mode: 'text' });
    expect(r.title).toBe('Extra trains between the cities from May');
    expect(r.text.startsWith('Extra trains between the cities from May\n')).toBe(true);
    for (const p of story) expect(r.body).toContain(p);
    expect(r.text).not.toContain('Home');
  });
});

describe('a listing page as text (entries between menus, no one article)', () => {
  test('keeps the prose of every entry, not the menus', () => {
    const clubs = ['chess', 'garden', 'history', 'film', 'choir', 'rowing', 'walking', 'bridge', 'poetry', 'model railway', 'photography', 'astronomy'];
    const places = ['library', 'church hall', 'school', 'museum', 'town hall', 'boat house', 'market hall', 'old mill', 'community centre', 'station', 'arts centre', 'observatory'];
    const entries = clubs.map(
      (club, i) => `The ${club} club gathers every ${i % 2 ? 'Tuesday' : 'Thursday'} evening at the ${places[i]}, where new members of any age are always welcome.`,
    );
    const lines = ['Clubs and societies in town', ...entries.flatMap((e) => [e, 'Home', 'Events', 'Members', 'Contact'])];
    const r = clean(lines.join('\n'), { mode: 'text' });
    for (const e of entries) expect(r.body).toContain(e);
    expect(r.body).not.toContain('Members');
  });
});

describe("a directory's entries, each a name and one paragraph under it", () => {
  const agents = ['Hill Realty', 'Lakeside Homes', 'North Star Agents', 'Prairie Property', 'River Bend Realty', 'Oak Lane Homes'];
  const blurbs = agents.map(
    (a, i) =>
      `${a} helps families buy and sell homes in the ${['north', 'south', 'east', 'west', 'centre', 'suburbs'][i]} of the county, with ${10 + i} years of local experience and a free valuation for every seller who asks.`,
  );
  const entries = agents.flatMap((a, i) => [`Agent ${i + 1}`, a, `555-010-20${i}${i}`, 'Visit my Web Site', 'Request Information', blurbs[i]]);
  const intro =
    'Your source for real estate in the county: find agents, companies and services near you. We are not the experts on local homes, but you will find them listed on this page, sorted by town, with a short note from each of them about their service.';

  test('the page is a listing: every entry is kept, not only the one paragraph that scored best', () => {
    const r = clean(['County Agents', intro, ...entries, 'Copyright 2002 AgentSearch'].join('\n'), { mode: 'text' });
    for (const b of blurbs) expect(r.body).toContain(b);
  });

  test('an article of several paragraphs above such entries stays the article', () => {
    const story = [
      'The county council agreed on Tuesday to cut the fee it charges for a home survey, after estate agents said the cost kept first buyers away.',
      'The fee falls from two hundred to one hundred and twenty dollars in March, and the council expects more sales in the spring as a result.',
    ];
    const r = clean(['Survey fee cut', ...story, 'Agents near you', ...entries].join('\n'), { mode: 'text' });
    for (const p of story) expect(r.body).toContain(p);
    expect(r.body).not.toContain(blurbs[2]);
  });
});

describe('a credit line inside the article ("… All rights reserved.")', () => {
  const first = [
    'Think back for a moment to the day you started your first job, and to what you had to learn in the weeks that followed before anyone trusted you with real work.',
    'Most of what you needed was learned on the job, from the people around you, and very little of it in a classroom or from a manual written for the purpose.',
    'Take the software our team built for the claims office as an example: it shows each clerk the next step of a claim, and the rules behind it, while the work is being done.',
  ];
  const second = [
    'The software is not a course. It sits beside the work and answers the question the clerk has at that moment, which is when a lesson is remembered.',
    'Support of this kind does not have to be expensive either: the first version took two people a few months, and it paid for itself within the year.',
    'And the lessons it teaches change as the rules change, without anyone having to write a new course or gather the clerks in a room for a day.',
  ];

  test('the article goes on below a figure credit that ends in "All rights reserved"', () => {
    const r = clean(['Learning on the job', ...first, 'Figure 1. Copyright Example Insurance, Inc., 1992. All rights reserved.', ...second, 'Home | About | Contact'].join('\n'), { mode: 'text' });
    for (const p of [...first, ...second]) expect(r.body).toContain(p);
    expect(r.body).not.toContain('All rights reserved');
  });

  test("a site's footer credit still ends the article: a short promo below it stays out", () => {
    const promo = 'Readers of this story also read about the new library in the town centre, which opens its doors to the public next month.';
    const r = clean(['Learning on the job', ...first, ...second, '© 2019 Example Media. All rights reserved.', promo].join('\n'), { mode: 'text' });
    for (const p of second) expect(r.body).toContain(p);
    expect(r.body).not.toContain(promo);
  });
});

describe('a list of records: short lines under recurring labels, each record with a blurb', () => {
  const shops = ['Day Art Studio', "Dean's Cafe", 'Dear Jane Coaching', 'Deer Ridge Management', 'Delta Books', 'Diamond Cleaners'];
  const blurbs = [
    'This is a drop-in, fun for all, do art yourself place where we help you love making art! Just come in and choose a project.',
    "A downtown fixture since the fifties. Rightly famous for its omelettes (over two hundred of them). Breakfast items are served all day, and the lunch menu has the town's best burgers, salads and soups. The owners have run it for thirty years and know most of their guests by name; on Sundays the queue reaches the corner.",
    '',
    'A family firm that has managed homes and offices for their owners since 1982, from finding tenants to fixing a dripping tap.',
    '',
    'We clean, press and mend your clothes the same day, and we pick them up from your door if you ask.',
  ];
  const records = shops.flatMap((name, i) => [
    name,
    `${600 + i * 10} Main St.`,
    'Pleasanton, CA 94566',
    `Telephone: (925) 846-42${i}${i}`,
    `Fax: (925) 846-43${i}${i}`,
    ...(blurbs[i] ? [blurbs[i]] : []),
  ]);
  const menu = ['Home', 'About Us', 'Business Directory', 'News', 'Events', 'Contact Us'];

  test('the run is one record among them: every record is kept whole, its address and phone too', () => {
    const r = clean(['Business Directory', ...menu, '120 records found (displaying 21 to 26)', ...records, ...menu].join('\n'), { mode: 'text' });
    for (const name of shops) expect(r.body).toContain(name);
    expect(r.body).toContain('Telephone: (925) 846-4255');
    expect(r.body).not.toContain('Events');
  });

  test('a page of records with no article keeps the records, not the menus around them', () => {
    const bare = shops.flatMap((name, i) => [name, `${600 + i * 10} Main St.`, 'Pleasanton, CA 94566', `Telephone: (925) 846-42${i}${i}`, `Fax: (925) 846-43${i}${i}`, `Open ${i + 7} days a week, ${i + 8} am to ${i + 4} pm`]);
    const sections = ['Doing Business in Downtown', 'Business Directory', 'New Businesses', 'Available Commercial Properties', 'Parking in Downtown', 'Downtown Events Calendar'];
    const r = clean(['Business Directory', ...sections, ...menu, ...bare, ...menu, ...sections].join('\n'), { mode: 'text' });
    for (const name of shops) expect(r.body).toContain(name);
    expect(r.body).toContain('Open 12 days a week, 13 am to 9 pm');
    expect(r.body).not.toContain('Parking in Downtown');
  });

  test('records holding most of the page are kept beside a run that won above them', () => {
    const intro =
      'This directory lists the shops, cafes and offices of the old town, with their addresses and telephone numbers, so that visitors and neighbours alike can find what they need without walking the whole length of Main Street twice.';
    const notes = shops.map((name, i) => `${name} has served the old town for ${i + 5} years and welcomes new customers on every day of the week.`);
    const listed = shops.flatMap((name, i) => [name, `${600 + i * 10} Main St.`, 'Pleasanton, CA 94566', `Telephone: (925) 846-42${i}${i}`, notes[i]!]);
    const r = clean(['Old Town Directory', ...menu, intro, ...listed, ...menu].join('\n'), { mode: 'text' });
    expect(r.body).toContain(intro);
    for (const note of notes) expect(r.body).toContain(note);
    expect(r.body).toContain('Telephone: (925) 846-4233');
    expect(r.body).not.toContain('Events');
  });

  test("an article's own menu and section name, given again around it, are no records", () => {
    const story = [
      'The county council agreed on Tuesday to cut the fee it charges for a home survey, after estate agents said the cost kept first buyers away.',
      'The fee falls from two hundred to one hundred and twenty dollars in March, and the council expects more sales in the spring as a result.',
    ];
    const chrome = ['News: Front Page | National | Business | Sport', 'National'];
    const r = clean(['Survey fee cut', ...chrome, 'National', ...story, 'Printer friendly page', 'National', ...chrome].join('\n'), { mode: 'text' });
    for (const p of story) expect(r.body).toContain(p);
    expect(r.body).not.toContain('Front Page');
  });
});

describe("a page with no article whose text is a thread (a hotel's reviews)", () => {
  const menu = ['Home', 'Hotels', 'Flights', 'Deals', 'Forums', 'Maps', 'Sign in', 'Free Newsletter'];
  const names = ['Tryp', 'Barcelo', 'Sol', 'Palma Real', 'Melia', 'Barlovento', 'Arenas Blancas', 'Iberostar', 'Las Americas', 'Gran Caribe'];
  const hotels = ['Beach', 'Resort', 'Centre', 'Park', 'Bay', 'Plaza'].flatMap((k) => names.map((h) => `${h} ${k}`));
  const places = ['Leeds', 'Wales', 'Ontario', 'England', 'Ottawa, Canada', 'Scotland', 'Dublin', 'Kent', 'Quebec', 'Cork'];
  const liked = ['pool', 'beach', 'garden', 'bar', 'room', 'staff', 'food', 'music', 'view', 'bus'];
  const reviews = places.map((place, i) => [
    `${['Nov', 'Oct', 'Sep', 'Aug', 'Jul', 'Jun', 'May', 'Apr', 'Mar', 'Feb'][i]} ${i + 2}, 2006 "Our week at the ${liked[i]}"`,
    `traveller${i + 1}, ${place}`,
    `We stayed a week and liked the ${liked[i]} most of all. The staff were friendly, the rooms were clean, and we would go back again next year with the children.`,
  ]);
  const promo = [
    'Interested in Hotel Playa Azul and the beaches of the bay?',
    "We'll send you updates with the latest deals, reviews and articles on Hotel Playa Azul and the beaches of the bay.",
  ];
  const page = (thread: string[]) =>
    ['Hotel Playa Azul', ...menu, 'Hotel Playa Azul', ...promo, ...hotels, ...thread, ...menu, ...hotels].join('\n');

  test('the page is kept whole, its reviews with it: they are what it holds', () => {
    const r = clean(page(['Sort by:', 'Date: Newest first', ...reviews.flat()]), { mode: 'text' });
    expect(r.strategy).toBe('text-whole-page');
    for (const [, , text] of reviews) expect(r.body).toContain(text);
  });

  test('below a bare comment form, what follows stays out', () => {
    const r = clean(page(['Leave a Reply', 'Your email address will not be published.', ...reviews.flat()]), { mode: 'text' });
    expect(r.strategy).toBe('text-whole-page');
    expect(r.body).not.toContain(reviews[4][2]);
  });
});

describe('a feed of dated items after the article', () => {
  const { isDateLine } = require('../engine/config/dates') as typeof import('../engine/config/dates');

  test.each([
    ['Wednesday November 20, 2019', true],
    ['Posted 14/01/2008 1:40 PM', true],
    ['5 hours ago', true],
    ['Mittwoch, 16. Januar 2008, 10:55 Uhr', true],
    ['16 января 2008 г.', true],
    ['May the best team win', false],
    ['The 2019 season starts in March', false],
    ['Madeline Fry', false],
  ])('isDateLine(%j) is %s', (line, expected) => {
    expect(isDateLine(line)).toBe(expected);
  });

  test('the article ends where items with a date line each begin', () => {
    const story = [
      'The county will open two new recycling centres in the spring, one in each of the towns that lost theirs when the old depot closed last year.',
      'Each centre will take glass, paper, metal and garden waste, and will be open six days a week, the county waste officer told the council on Tuesday.',
      'The council expects the centres to raise the share of household waste that is recycled from a third to almost a half within two years.',
    ];
    const items = ['Bridge to close for repairs', 'Schools get new buses', 'Market moves to the square', 'Library extends hours'].flatMap((h, i) => [
      h,
      'A staff writer',
      `Wednesday November ${20 - i}, 2019`,
      `A short summary of the story about ${h.toLowerCase()}, written for the front page.`,
    ]);
    const r = clean(['County to open recycling centres', ...story, ...items].join('\n'), { mode: 'text' });
    for (const p of story) expect(r.body).toContain(p);
    expect(r.body).not.toContain('A short summary');
    expect(r.body).not.toContain('Bridge to close');
  });
});

describe('a comment thread under a plain "Comments" heading', () => {
  const { hasDate } = require('../engine/config/dates') as typeof import('../engine/config/dates');

  test.each([
    ['Posted by: Walters on December 29, 2007 01:15 PM', true],
    ['Barak H - Israel (12/19/2007 16:36)', true],
    ['Posted by: tom3465, farnworth on 8:21pm Tue 1 Jan 08', true],
    ['May the best team win', false],
    ['The 2019 season starts in March', false],
  ])('hasDate(%j) is %s', (line, expected) => {
    expect(hasDate(line)).toBe(expected);
  });

  const story = [
    'The state party will hold its caucus in January, and three of the candidates have spent most of the autumn in the small towns of the north.',
    'Turnout was low four years ago, and the organisers say that the new rules on registration should bring more young voters to the meetings.',
    'The result will be known late in the evening, when the last of the rural precincts has reported its count to the state office.',
  ];
  const thread = [
    'I always love how people on both coasts talk about the rest of the country as if nobody lived there at all, it is the same every four years.',
    'Posted by: Walters on December 29, 2007 01:15 PM',
    'I hope you are not calling the author an elitist, he hardly seems the type and he has lived here for years as far as I know.',
    'Posted by: Travis on December 29, 2007 01:59 PM',
    'The turnout will be higher this time, the rules have changed and the candidates have spent far more money on the ground here.',
    'Posted by: Anna on December 29, 2007 02:10 PM',
  ];
  const page = (heading: string) => ['Caucus season begins in the north', ...story, 'Posted by Eric at December 29, 2007 12:03 PM', heading, ...thread].join('\n');

  test('the thread leaves the article, however long its comments', () => {
    const r = clean(page('Comments'), { mode: 'text', comments: 'keep-all' });
    for (const p of story) expect(r.body).toContain(p);
    expect(r.body).not.toContain('both coasts');
    expect(r.body).not.toContain('Walters');
    expect(r.blocks.find((b) => b.text === 'Comments')?.kind).toMatch(/^comment/);
    expect(r.comments?.map((c) => [c.author, c.date])).toEqual([
      ['Walters', 'December 29, 2007 01:15 PM'],
      ['Travis', 'December 29, 2007 01:59 PM'],
      ['Anna', 'December 29, 2007 02:10 PM'],
    ]);
    expect(r.comments?.[0]?.text).toMatch(/^I always love/);
  });

  test('comments signed by many readers, with no heading, leave the article', () => {
    const replies = [
      'I always love how people on both coasts talk about the rest of the country as if nobody lived here, and it is the same every four years.',
      'The papers on the east coast sent three reporters this year, and all three of them stayed in the same hotel by the interstate exit.',
      'Posted by: Walters | Dec 29, 2007 01:15 PM',
      'The turnout will be higher this time because the rules have changed and the candidates have spent far more money on the ground here.',
      'I counted eleven campaign offices on the main street alone, and two of them were in shops that sold farm equipment a year ago.',
      'Posted by: Travis | Dec 29, 2007 01:59 PM',
      'My grandmother has gone to every caucus since nineteen seventy six and she says the coffee has never been as bad as it was last time.',
      'She also says that the speeches were shorter in those days, which would be a welcome change for everybody in the room this year.',
      'Posted by: Anna | Dec 29, 2007 02:10 PM',
      'Nobody in our street has decided yet, and most of us will wait for the last debate before we choose whom to stand beside on the night.',
      'The debate is on a Thursday evening, when half of the town is at the basketball game in the county seat, so few of us will watch.',
      'Posted by: Kim | Dec 29, 2007 02:45 PM',
    ];
    const thread = clean(['Caucus season begins in the north', ...story, ...replies].join('\n'), { mode: 'text' });
    for (const p of story) expect(thread.body).toContain(p);
    expect(thread.body).not.toContain('turnout will be higher');
  });

  test('a thread signed in French ("Le 3 juillet à 16:55, par Horus"), with no heading, leaves the article', () => {
    const replies = [
      'Le 17 juillet à 22:09, par Horus',
      'Quelle pitié, ce reportage passe à côté de l\'essentiel et personne dans la salle ne semble avoir lu le rapport dont il est question ici.',
      'Le 3 juillet à 16:55, par voltaire',
      'Je ne suis pas d\'accord, le rapport est cité trois fois et les chiffres donnés dans l\'émission sont les mêmes que ceux du ministère.',
      'Le 2 juillet à 08:19, par Gérard Martinez',
      'Merci pour cette émission, nous l\'avons écoutée en famille et mes enfants ont posé des questions toute la soirée sur ce sujet difficile.',
      'Le 2 juillet à 20:35, par Phile',
      'On attend la suite avec impatience, en espérant que la prochaine fois les invités auront un peu plus de temps pour parler du fond.',
    ];
    const histoire = [
      'Le conseil municipal a voté mardi le maintien de la bibliothèque ouverte le dimanche, après une pétition signée par deux mille habitants de la ville.',
      'Les bibliothécaires ont expliqué que les heures du dimanche étaient les plus fréquentées de la semaine, surtout par les familles et les étudiants.',
      'Les heures supplémentaires seront payées par le fonds de réserve jusqu\'à la fin de l\'année, quand le budget sera voté de nouveau pour la suivante.',
      'Un second vote au printemps dira si cette ouverture est maintenue pour de bon, une fois que la mairie aura compté les visiteurs une nouvelle fois.',
    ];
    const r = clean(['La bibliothèque reste ouverte le dimanche', ...histoire, ...replies].join('\n'), { mode: 'text' });
    for (const p of histoire) expect(r.body).toContain(p);
    expect(r.body).not.toContain('Quelle pitié');
    expect(r.body).not.toContain('On attend la suite');
  });

  test('readers who sign under each comment with a name and a place leave the article; a debate page keeps them', () => {
    const answers = [
      ['I got a similar bug on a river cruise a couple of years ago, and I doubt that I will ever go on another one after that week.', 'Blake B, los angeles,'],
      ['I was on the maiden voyage and did not see one person use the hand wash provided in all areas of the buffet, not a single one.', 'Frances McErlane, Mallorca, Spain'],
      ['Nothing to do with the bottle not breaking, the ship is just cross at having a bottle thrown at it in the first place, I think.', 'Jean Booth, Hague, Netherlands'],
      ['Having sailed on her sister ship I thought the hygiene there was superb, far better than anything I have seen in a hospital.', 'john Graham, london , uK'],
      ['Cursed? I see that superstition is not yet dead in the newspapers, perhaps a rabbit foot will sort it out before the next trip.', 'Dave, Truro, Cornwall'],
    ].flat();
    const longStory = [
      ...story,
      'The cruise line said on Monday that the ship would be cleaned from bow to stern before it sails again, and that no passenger was in danger.',
      'Seventy-eight passengers fell ill in the first week, most of them on the lower decks, where the cabins share the same air and the same staff.',
      'Doctors on board gave out antiseptic lotion and asked travellers to keep away from the buffet, the gym and the theatre until the end of the trip.',
      'The company would not say whether the passengers who fell ill would be offered their money back, or a place on another voyage next year.',
      'Outbreaks of this kind are common at sea, health officials said, because hundreds of people share small rooms for weeks at a time.',
    ];
    const r = clean(['Caucus season begins in the north', ...longStory, ...answers].join('\n'), { mode: 'text' });
    for (const p of longStory) expect(r.body).toContain(p);
    expect(r.body).not.toContain('river cruise');
    expect(r.body).not.toContain('Frances McErlane');
    expect(r.body).not.toContain('rabbit foot');
    // A debate page: a question, then the readers' answers are what the page is.
    const debate = clean(['Cruise ships: your views', 'Would the outbreak on board stop you from booking a cruise this year? Tell us what you think.', ...answers].join('\n'), { mode: 'text' });
    expect(debate.body).toContain('river cruise');
    expect(debate.body).toContain('rabbit foot');
  });

  test('a thread below the article that signs each comment above it splits into its comments', () => {
    const thread = ['Tarochan', 'Djshawn', 'Gann', 'Michai'].flatMap((name, i) => [`BY ${name.toUpperCase()} AT 01/08/08 05:3${i} PM`, `Comment number ${i + 1}, short and to the point`]);
    const r = clean(['Caucus season begins in the north', ...story, ...thread, 'About', 'Advertising', 'Legal'].join('\n'), { mode: 'text', comments: 'keep-all' });
    for (const p of story) expect(r.body).toContain(p);
    expect(r.comments?.map((c) => c.author)).toEqual(['TAROCHAN', 'DJSHAWN', 'GANN', 'MICHAI']);
    expect(r.comments?.map((c) => c.text)).toEqual([1, 2, 3, 4].map((n) => `Comment number ${n}, short and to the point`));
  });

  test('a heading with no dated signatures after it does not end the article', () => {
    const more = [
      'Volunteers in the northern counties have knocked on more doors this winter than in any year since the party began to keep records.',
      'Several of the candidates will return to the region in the last week, when the weather is usually at its worst and the roads are slow.',
    ];
    const r = clean(['Caucus season begins in the north', ...story, 'Comments', ...more].join('\n'), { mode: 'text' });
    expect(r.body).toContain('Volunteers in the northern counties');
  });
});

describe("a blog's front page in plain text: each post ends with its comments line and signature", () => {
  const posts: Record<string, [string, string]> = {
    'First of May': [
      'The allotment committee met on Thursday to settle the water rota for the dry months, and the plan was agreed after a long evening.',
      'The argument about who would carry the cans to the far beds by the railway fence went on past ten, but the rota is settled now.',
    ],
    'Water rota': [
      'Each plot holder takes one evening a week from June, and the two new tanks by the gate will be filled from the roof of the shed.',
      'Anyone who cannot make their evening should swap with a neighbour and write the change on the board in the shed, as we did last year.',
    ],
    'Seed swap': [
      'Bring your spare seeds to the hut on Saturday morning; last spring we traded more than forty packets of beans, peas and squash.',
      'Label what you bring with the variety and the year it was saved, and we will sort the tables by crop before the doors open at nine.',
    ],
  };
  const post = (title: string, n: number, time: string) => [title, ...posts[title]!, `Comments (${n})`, `// posted by Ann @ ${time}`];
  test('the posts after the first are kept: one writer signs every post', () => {
    const text = ['Allotment notes', ...post('First of May', 3, '9:43 AM'), ...post('Water rota', 1, '9:01 AM'), ...post('Seed swap', 2, '6:50 AM')].join('\n');
    const r = clean(text, { mode: 'text' });
    for (const [first] of Object.values(posts)) expect(r.body).toContain(first);
    expect(r.body).not.toContain('Comments (');
  });
  test('signatures by several writers under those lines are a thread, and stay out', () => {
    const replies = [
      'Comments (2)',
      '// posted by Bob @ 10:02 AM',
      'I was at that meeting and the argument about the cans went on far longer than anyone wanted, but the rota is fair.',
      'Comments (2)',
      '// posted by Carla @ 10:15 AM',
      'Could the committee put the rota on the gate of the allotments as well, not everyone reads the blog every week?',
    ];
    const text = ['Allotment notes', ...post('First of May', 2, '9:43 AM').slice(0, 3), ...replies].join('\n');
    const r = clean(text, { mode: 'text' });
    expect(r.body).toContain(posts['First of May']![0]);
    expect(r.body).not.toContain('I was at that meeting');
    expect(r.body).not.toContain('Could the committee');
  });
});

describe('hard-wrapped text (a <pre> block, a mail archive)', () => {
  const t = resolveOptions({}).text;
  /** Greedy wrap at `width`, as a mail client or a text file does. */
  const wrap = (paragraph: string, width: number) => {
    const out: string[] = [];
    let line = '';
    for (const word of paragraph.split(' ')) {
      if (line && line.length + 1 + word.length > width) {
        out.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    return [...out, line];
  };
  const story = [
    'The harbour board met on Tuesday evening to decide whether the old ferry pier should be repaired or taken down before the storms of the coming winter reach the bay.',
    'Engineers told the board that the timber piles under the eastern half of the pier have rotted through, and that a repair would cost nearly as much as a new structure built to the present standards.',
    'Several fishermen who still tie up at the pier asked the board to keep it open until a new landing is ready, because the nearest other mooring is an hour away by boat in bad weather.',
  ];

  it('joins the wrapped lines of each paragraph back into one line', () => {
    const text = ['Harbour News', 'Home | Sport | Weather', '', ...story.flatMap((p) => [...wrap(p, 72), ''])].join('\n');
    const lines = unwrapHardWrapped(splitLines(text), t).map((l) => l.text);
    for (const p of story) expect(lines).toContain(p);
    expect(lines.slice(0, 2)).toEqual(['Harbour News', 'Home | Sport | Weather']);
    lines.forEach((_, i) => expect(unwrapHardWrapped(splitLines(text), t)[i]!.index).toBe(i));
  });

  it('keeps the article of a wrapped page whose lines one by one look like headings', () => {
    const text = ['Harbour News', 'Home | Sport | Weather | Contact', ...story.flatMap((p) => wrap(p, 64)), 'Copyright Harbour News'].join('\n');
    const r = clean(text, { mode: 'text' });
    for (const p of story) expect(r.body.replace(/\s+/g, ' ')).toContain(p);
    expect(r.body).not.toContain('Home | Sport');
  });

  it('leaves lists of titles and links of similar length alone', () => {
    const titles = [
      'Council approves the budget for the new library in the town centre',
      'Storm damage closes the coastal road between the harbour and the hill',
      'School choir wins the regional contest for the third year in a row',
      'Harbour board to decide on the future of the old ferry pier next week',
    ];
    const links = ['Tom Jones, "An Introduction to Sailing"', 'http://example.org/sailing/introduction.html', 'Ann Lee, "Knots for Beginners"', 'http://example.org/knots/beginners.html'];
    for (const list of [titles, links]) {
      const lines = unwrapHardWrapped(splitLines(list.join('\n')), t).map((l) => l.text);
      expect(lines).toEqual(list);
    }
  });
});

describe("plain text: the server's error messages", () => {
  test('PHP notices on lines of their own are left out; a line with a message and then text is kept', () => {
    const story = [
      'The county fair opened on Friday with a parade of tractors, and more than four thousand visitors came through the gates on the first day.',
      'Organisers said the new livestock hall drew the largest crowds, and that the pie contest would be judged on Sunday afternoon as every year.',
      'The fair runs until Monday evening, when the fireworks over the river close it, weather permitting, as they have for forty years.',
    ];
    const notice = 'Deprecated: Function set_magic_quotes_runtime() is deprecated in /www/htdocs/site/wp-settings.php on line 18';
    const glued = `Strict Standards: Declaration of Walker::start_el() should be compatible in /www/htdocs/site/classes.php on line 1199 ${story[2]}`;
    const text = ['County fair opens', notice, notice, story[0], notice, story[1], glued].join('\n');
    const r = clean(text, { mode: 'text' });
    for (const p of story) expect(r.body).toContain(p);
    expect(r.body).not.toContain('set_magic_quotes_runtime');
    expect(r.blocks.find((b) => b.text === notice)?.reason).toBe("the server's error message (PHP)");
    // Every line is a block again, in the page's order, numbered from 0.
    expect(r.blocks.map((b) => b.text)).toEqual(text.split('\n'));
    expect(r.blocks.map((b) => b.index)).toEqual(text.split('\n').map((_, i) => i));
  });

  test('a page of nothing but error messages is empty, and says so', () => {
    const notice = 'Warning: mysql_connect(): Access denied for user in /www/htdocs/site/db.php on line 4';
    const r = clean([notice, notice].join('\n'), { mode: 'text' });
    expect(r.body).toBe('');
    expect(r.emptyReason).toBe("the input holds nothing but the server's error messages");
    expect(r.blocks).toHaveLength(2);
  });
});

describe("plain text: a first line that nothing below repeats", () => {
  const story = [
    'The county fair opened on Friday with a parade of tractors, and more than four thousand visitors came through the gates on the first day.',
    'Organisers said the new livestock hall drew the largest crowds, and that the pie contest would be judged on Sunday afternoon as every year.',
    'The fair runs until Monday evening, when the fireworks over the river close it, weather permitting, as they have for forty years.',
  ];

  test("stays in title and out of the text: it is the site's name or a menu's first entry as often as the document title", () => {
    const text = ['WSJ', 'Home | World | Business | Markets | Opinion', 'Share this: Facebook | Twitter | Email', ...story].join('\n');
    const r = clean(text, { mode: 'text' });
    expect(r.title).toBe('WSJ');
    expect(r.text).toBe(r.body);
    expect(r.text.startsWith(story[0]!)).toBe(true);
  });

  test('a first line whose headline the page repeats above the article is shown, as the headline', () => {
    const text = ['County fair opens with a parade | The Valley Times', 'Home | News | Sport', 'County fair opens with a parade', ...story].join('\n');
    const r = clean(text, { mode: 'text' });
    expect(r.title).toBe('County fair opens with a parade');
    expect(r.text.split('\n')[0]).toBe('County fair opens with a parade');
  });
});

describe('plain text: the line just above the body is no headline when it is navigation', () => {
  const story = [
    'The county fair opened on Friday with a parade of tractors, and more than four thousand visitors came through the gates on the first day.',
    'Organisers said the new livestock hall drew the largest crowds, and that the pie contest would be judged on Sunday afternoon as every year.',
    'The fair runs until Monday evening, when the fireworks over the river close it, weather permitting, as they have for forty years.',
  ];
  test.each([['a bar', 'US World News | Home'], ['tools between bars', '| Reprints | Single Page |'], ["a trail's arrows", 'Home > Local News > County Fair']])(
    'with %s (%s) it is left out, and no title is shown',
    (_, line) => {
      const r = clean([line, ...story].join('\n'), { mode: 'text' });
      expect(r.text).not.toContain(line);
      expect(r.text.startsWith(story[0]!)).toBe(true);
    },
  );
});
