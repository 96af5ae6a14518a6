/** The metadata stage (engine/metadata) on small pages written for it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clean } from '../engine';
import { splitNames } from '../engine/metadata';
import { METADATA_DEFAULTS } from '../engine/config/metadata';

const PROSE =
  'The northern rivers carry snowmelt to the sea every spring, and the towns along them have learned to live with the floods that follow them. ' +
  'Most of them rise in the mountains and run east, through forests and then through farmland, before they reach the coast.';

function page(head: string, body: string, lang = 'en'): string {
  return `<!doctype html><html lang="${lang}"><head><title>Rivers of the North</title>${head}</head><body>${body}</body></html>`;
}

const meta = (html: string, url?: string) => clean(html, url ? { url } : {}).metadata!;

describe('metadata: dates', () => {
  it('reads JSON-LD inside @graph', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'Organization', name: 'Example News', foundingDate: '1999-01-01' },
        { '@type': 'WebSite', name: 'Example News' },
        {
          '@type': 'NewsArticle',
          headline: 'Rivers of the North',
          datePublished: '2019-11-20T08:30:00+01:00',
          dateModified: '2019-11-21T10:00:00+01:00',
          author: [{ '@type': 'Person', name: 'Jane Doe' }, { '@type': 'Person', name: 'John Smith' }],
          publisher: { '@type': 'Organization', name: 'Example News' },
          keywords: ['rivers', 'floods'],
        },
      ],
    };
    const m = meta(page(`<script type="application/ld+json">${JSON.stringify(ld)}</script>`, `<article><h1>Rivers of the North</h1><p>${PROSE}</p></article>`));
    expect(m.published).toBe('2019-11-20T08:30:00+01:00');
    expect(m.modified).toBe('2019-11-21T10:00:00+01:00');
    expect(m.authors).toEqual(['Jane Doe', 'John Smith']);
    expect(m.siteName).toBe('Example News');
    expect(m.tags).toEqual(['rivers', 'floods']);
    expect(m.type).toBe('NewsArticle');
    expect(m.sources.published).toBe('json-ld NewsArticle.datePublished');
  });

  it('prefers the JSON-LD publication date over a comment date', () => {
    const ld = { '@type': 'BlogPosting', headline: 'Rivers of the North', datePublished: '2019-11-20' };
    const m = meta(
      page(
        `<script type="application/ld+json">${JSON.stringify(ld)}</script>`,
        `<article><h1>Rivers of the North</h1><p>${PROSE}</p></article>
         <section id="comments"><h2>3 comments</h2><div class="comment"><time datetime="2019-12-02T10:00">December 2, 2019</time><p>Great piece about the rivers, thank you for writing it.</p></div></section>`,
      ),
    );
    expect(m.published).toBe('2019-11-20');
  });

  it('gives no date when the only date is a comment’s', () => {
    const m = meta(
      page(
        '',
        `<article><h1>Rivers of the North</h1><p>${PROSE}</p></article>
         <section class="comments"><h3>Comments</h3><article class="comment"><p class="comment-meta">Posted by Ann on <time datetime="2020-03-04">March 4, 2020</time></p><p>Great piece about the rivers, thank you for writing it.</p></article></section>`,
      ),
    );
    expect(m.published).toBeNull();
  });

  it('reads a German dateline, day before month', () => {
    const m = meta(page('', `<article><h1>Flüsse im Norden</h1><p class="date">20. November 2019</p><p>${PROSE}</p></article>`, 'de'));
    expect(m.published).toBe('2019-11-20');
    expect(m.sources.published).toMatch(/^dateline/);
    const abbreviated = meta(page('', `<article><h1>Flüsse im Norden</h1><p class="date">Veröffentlicht am 06. Mär. 2023</p><p>${PROSE}</p></article>`, 'de'));
    expect(abbreviated.published).toBe('2023-03-06');
  });

  it('takes the date in the URL when the page has none, and never a copyright year', () => {
    const html = page('', `<article><h1>Rivers of the North</h1><p>${PROSE}</p></article><footer>© 2021 Example News</footer>`);
    expect(meta(html, 'https://example.com/2019/11/20/rivers-of-the-north/').published).toBe('2019-11-20');
    expect(meta(html).published).toBeNull();
  });

  it('takes the URL’s day when the metadata contradicts it (conflicting dates)', () => {
    const html = page('<meta property="article:published_time" content="2021-06-01T00:00:00Z">', `<article><h1>Rivers</h1><p>${PROSE}</p></article>`);
    const m = meta(html, 'https://example.com/2019/11/20/rivers/');
    expect(m.published).toBe('2019-11-20');
    expect(m.sources.published).toBe('url path (meta article:published_time gives 2021-06-01)');
    expect(meta(html, 'https://example.com/rivers/').published).toBe('2021-06-01T00:00:00Z');
    // Two structured dates: the one that agrees with the URL.
    const two = page('<meta property="article:published_time" content="2021-06-01"><meta name="citation_publication_date" content="2019/11/20">', `<article><h1>Rivers</h1><p>${PROSE}</p></article>`);
    expect(meta(two, 'https://example.com/2019/11/20/rivers/').sources.published).toBe('meta citation_publication_date');
  });

  it('reads a day-first date in the URL only when the day cannot be a month', () => {
    const html = page('', `<article><h1>Rivers</h1><p>${PROSE}</p></article>`);
    expect(meta(html, 'https://example.org/meldungen/29-10-2021').published).toBe('2021-10-29');
    expect(meta(html, 'https://example.org/meldungen/03-10-2021').published).toBeNull();
  });

  it('takes an update line only when the page gives no other date, and never a coming event’s or a version’s date', () => {
    const updated = page('', `<article><h1>Flüsse im Norden</h1><p>${PROSE}</p><p class="info">Aktualisiert: 30.12.2016</p></article>`, 'de');
    expect(meta(updated).published).toBe('2016-12-30');
    expect(meta(updated).sources.published).toMatch(/^update line/);
    const both = page('', `<article><h1>Flüsse im Norden</h1><p class="date">20. November 2016</p><p>${PROSE}</p><p>Aktualisiert: 30.12.2016</p></article>`, 'de');
    expect(meta(both).published).toBe('2016-11-20');
    const event = page('', `<article><h1>Stammtisch</h1><p>Der nächste Stammtisch findet am Mi. 5. Februar 2020 ab 19 Uhr statt.</p><p>${PROSE}</p></article>`, 'de');
    expect(meta(event).published).toBeNull();
    const version = page('', `<article><h1>The License</h1><p>Version 3, 29 June 2007</p><p>${PROSE}</p></article>`);
    expect(meta(version).published).toBeNull();
  });

  it('takes dateModified when the page shows it as its update line and never shows datePublished', () => {
    const ld = { '@type': 'Article', headline: 'Rivers', datePublished: '2019-10-15T16:59:59Z', dateModified: '2020-03-12T14:42:17Z' };
    const body = (line: string) => `<article><h1>Rivers</h1><p class="meta">${line}</p><p>${PROSE}</p></article>`;
    const head = `<script type="application/ld+json">${JSON.stringify(ld)}</script>`;
    expect(meta(page(head, body('Updated Mar 12, 2020 @ 10:42 am'))).published).toBe('2020-03-12T14:42:17Z');
    // The page shows its publication day too: that one.
    expect(meta(page(head, body('Published Oct 15, 2019. Updated Mar 12, 2020'))).published).toBe('2019-10-15T16:59:59Z');
  });

  it('takes an embedded video’s upload date only when the page gives no date of its own', () => {
    const video = { '@type': 'VideoObject', name: 'Flood footage', uploadDate: '2015-01-16T14:53:35+01:00' };
    const head = `<script type="application/ld+json">${JSON.stringify(video)}</script>`;
    const body = `<article><h1>Rivers</h1><p>${PROSE}</p></article>`;
    const article = meta(page(`${head}<meta property="article:published_time" content="2017-12-01T12:01:11+01:00">`, body));
    expect(article.published).toBe('2017-12-01T12:01:11+01:00');
    expect(article.sources.published).toBe('meta article:published_time');
    // A video's own page: its upload date is the page's.
    expect(meta(page(head, body)).published).toBe('2015-01-16T14:53:35+01:00');
    // An article that is also typed a video keeps its own date first.
    const both = { ...video, '@type': ['NewsArticle', 'VideoObject'], datePublished: '2015-01-16' };
    const typed = `<script type="application/ld+json">${JSON.stringify(both)}</script><meta property="article:published_time" content="2017-12-01">`;
    expect(meta(page(typed, body)).published).toBe('2015-01-16');
  });

  it('takes the dateline nearest the headline, not a masthead’s date further above it', () => {
    const body = `<header><p class="today">Tuesday, January 15, 2008</p><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></header>
      <article><h1>Rivers of the North</h1><p class="byline">By Jane Doe, Published: January 9, 2008</p><p>${PROSE}</p><p>${PROSE}</p></article>`;
    const m = meta(page('', body));
    expect(m.published).toBe('2008-01-09');
    expect(m.sources.published).toMatch(/^dateline "By Jane Doe/);
    // With no date of its own near the headline, the masthead's is all there is.
    expect(meta(page('', body.replace(', Published: January 9, 2008', ''))).published).toBe('2008-01-15');
  });

  it('takes the day a <time> shows over a datetime days away from it', () => {
    const body = (time: string) => `<article><h1>Rivers</h1><div class="time">${time}</div><p>${PROSE}</p></article>`;
    expect(meta(page('', body('<time datetime="2019-07-03T10:18:46Z">Publié le 29 juin 2019</time>'), 'fr')).published).toBe('2019-06-29');
    // A day apart is the time zone's: the datetime, with its time, stands.
    expect(meta(page('', body('<time datetime="2019-06-30T01:18:46+02:00">Publié le 29 juin 2019</time>'), 'fr')).published).toBe('2019-06-30T01:18:46+02:00');
    // A text with no date of its own leaves the datetime alone.
    expect(meta(page('', body('<time datetime="2019-07-03T10:18:46Z">Publié il y a deux jours</time>'), 'fr')).published).toBe('2019-07-03T10:18:46Z');
  });

  it('reads a dateline whose second date stands in brackets as an aside, and still no range', () => {
    const body = (line: string) => `<article><h1>Reisehinweise</h1><p class="meta">${line}</p><p>${PROSE}</p></article>`;
    expect(meta(page('', body('Stand: 12.11.2021 (unverändert gültig seit: 05.11.2021)'), 'de')).published).toBe('2021-11-12');
    expect(meta(page('', body('Ausstellung 12.11.2021 - 05.12.2021'), 'de')).published).toBeNull();
  });

  it('reads a slashed date day first on a page that declares English of a day-first region', () => {
    const body = `<article><h1>Rivers</h1><p class="date">03/01/2020</p><p>${PROSE}</p></article>`;
    expect(meta(page('', body, 'en-GB')).published).toBe('2020-01-03');
    expect(meta(page('', body, 'en_AU')).published).toBe('2020-01-03');
    // XHTML declares its language as xml:lang.
    const xhtml = `<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en-GB"><head><title>Rivers</title></head><body>${body}</body></html>`;
    expect(meta(xhtml).published).toBe('2020-01-03');
    // English of the US (many templates' default, wherever the writer is), of Canada (both
    // orders) or of no region: 03/01 cannot be told from 01/03 in a dateline, so no date.
    for (const lang of ['en', 'en-US', 'en-CA']) expect(meta(page('', body, lang)).published).toBeNull();
    // A date whose day is over 12 reads one way only, whatever the region.
    expect(meta(page('', body.replace('03/01/2020', '11/20/2019'), 'en-US')).published).toBe('2019-11-20');
  });

  it('refuses dates in the future or before 1995', () => {
    const html = page('<meta property="article:published_time" content="2999-01-01">', `<article><h1>Rivers</h1><p>${PROSE}</p></article>`);
    expect(meta(html).published).toBeNull();
    const old = page('<meta name="citation_publication_date" content="1990/05/01">', `<article><h1>Rivers</h1><p>${PROSE}</p></article>`);
    expect(meta(old).published).toBeNull();
  });

  it('finds a dateline and a byline in plain text', () => {
    const m = clean(`Rivers of the North\n\nBy Jane Doe and John Smith\n\nNovember 20, 2019\n\n${PROSE}\n\n${PROSE}\n`, { mode: 'text' }).metadata!;
    expect(m.published).toBe('2019-11-20');
    expect(m.authors).toEqual(['Jane Doe', 'John Smith']);
  });
});

describe('metadata: authors, site and links', () => {
  it('splits a byline with two authors', () => {
    const m = meta(page('', `<article><h1>Rivers of the North</h1><p class="byline">By Jane Doe and John Smith</p><p>${PROSE}</p></article>`));
    expect(m.authors).toEqual(['Jane Doe', 'John Smith']);
    expect(splitNames('By Jane Doe, John Smith and staff', METADATA_DEFAULTS)).toEqual(['Jane Doe', 'John Smith']);
    expect(splitNames('Von Max Mustermann und Erika Musterfrau', METADATA_DEFAULTS)).toEqual(['Max Mustermann', 'Erika Musterfrau']);
  });

  it('reads OpenGraph, Twitter cards, canonical and meta author', () => {
    const m = meta(
      page(
        `<link rel="canonical" href="/news/rivers"><meta property="og:site_name" content="Example News"><meta name="twitter:description" content="Where the rivers run.">
         <meta property="og:image" content="/img/river.jpg"><meta name="author" content="Jane Doe"><meta property="og:type" content="article">
         <meta property="article:tag" content="rivers"><meta property="article:tag" content="floods"><meta property="article:section" content="Nature">`,
        `<article><h1>Rivers of the North</h1><p>${PROSE}</p></article>`,
      ),
      'https://example.com/x?id=1',
    );
    expect(m).toMatchObject({
      siteName: 'Example News',
      canonicalUrl: 'https://example.com/news/rivers',
      description: 'Where the rivers run.',
      image: 'https://example.com/img/river.jpg',
      authors: ['Jane Doe'],
      type: 'article',
      tags: ['rivers', 'floods'],
      categories: ['Nature'],
    });
    expect(m.sources.canonicalUrl).toBe('link rel=canonical');
  });

  it('can be turned off', () => {
    expect(clean(page('', `<p>${PROSE}</p>`), { metadata: { enabled: false } }).metadata).toBeUndefined();
  });

  it('leaves the text and title as they are when turned off (`winnow clean --format text` skips it)', () => {
    const ld = JSON.stringify({ '@type': 'NewsArticle', headline: 'Rivers of the North', datePublished: '2020-03-04', author: { name: 'Jane Doe' } });
    const pages = [
      page(
        `<meta property="og:title" content="Rivers, north"><meta name="author" content="Jane Doe"><script type="application/ld+json">${ld}</script>`,
        `<article><h1>Rivers of the North</h1><p class="byline">By Jane Doe, March 4, 2020</p><p>${PROSE}</p><p>${PROSE}</p></article>`,
      ),
      `Rivers of the North\nBy Jane Doe | March 4, 2020\n\n${PROSE}\n\n${PROSE}\n`,
      readFileSync(join(__dirname, 'fixtures', 'cli', 'a1.html.gz')),
      readFileSync(join(__dirname, 'fixtures', 'decode', 'page.html.gz')),
    ];
    for (const input of pages) {
      const on = clean(input);
      const off = clean(input, { metadata: { enabled: false } });
      expect(on.metadata).toBeDefined();
      expect(off.text).toBe(on.text);
      expect(off.title).toBe(on.title);
      expect(off.body).toBe(on.body);
    }
  });
});
