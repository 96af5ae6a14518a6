/**
 * Page metadata and the Markdown output through the pipeline on a real moto: an upload with
 * user metadata `url` ends with `published`, `authors`, `siteName`, `canonicalUrl` and `site` on
 * its item, found through the GSI bySite, and md/<key>.md written when the outputs say so.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { clean, toMarkdown } from '../engine';
import { pkOf } from '../lambdas/item';
import { configFromEnv } from '../lambdas/clients';
import { parseMarkdownExtras, parseOutputs } from '../lambdas/output-keys';
import { startLocalStack, type LocalStack } from '../local/stack';
import { useMoto } from './support/moto';
import { head, readObject, waitForItem } from './support/pipeline';

const moto = useMoto();

const PROSE =
  'The northern rivers carry snowmelt to the sea every spring, and the towns along them have learned to live with the floods that follow them. ' +
  'Most of them rise in the mountains and run east, through forests and then through farmland, before they reach the coast.';

const PAGE = `<!doctype html><html lang="en"><head><title>Rivers of the North | Example News</title>
<meta property="og:site_name" content="Example News"><link rel="canonical" href="/news/rivers-of-the-north">
</head><body><article><h1>Rivers of the North</h1><p class="byline">By Jane Doe and John Smith</p>
<p>${PROSE}</p><h2>Where they run</h2><ul><li>${PROSE}</li><li>${PROSE}</li></ul><p>${PROSE} They are <em>always</em> cold.</p></article></body></html>`;

describe('pipeline on moto: metadata in the item, Markdown output', () => {
  let stack: LocalStack;

  beforeAll(async () => {
    stack = await startLocalStack({ endpoint: moto.endpoint, logLevel: 'SILENT', outputs: ['text', 'markdown', 'json'] });
  }, 60_000);

  afterAll(async () => {
    await stack?.stop();
  });

  test('an upload with user metadata url: item fields, bySite query, md/<key>.md', async () => {
    const names = stack.resources.names;
    const key = 'news/rivers.html';
    const url = 'https://www.example.com/2019/11/20/rivers-of-the-north';
    await stack.clients.s3.send(new PutObjectCommand({ Bucket: names.inputBucket, Key: key, Body: PAGE, ContentType: 'text/html', Metadata: { url } }));
    const item = await waitForItem(stack.clients.dynamodb, names.table, pkOf(names.inputBucket, key));
    expect(item).toMatchObject({
      status: 'done',
      published: '2019-11-20',
      authors: ['Jane Doe', 'John Smith'],
      siteName: 'Example News',
      canonicalUrl: 'https://www.example.com/news/rivers-of-the-north',
      site: 'example.com',
      markdownKey: `md/${key}.md`,
    });

    const found = await stack.clients.dynamodb.send(
      new QueryCommand({
        TableName: names.table,
        IndexName: 'bySite',
        KeyConditionExpression: 'site = :s AND published BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':s': { S: 'example.com' }, ':from': { S: '2019-11-01' }, ':to': { S: '2019-11-30T99' } },
      }),
    );
    expect((found.Items ?? []).map((i) => unmarshall(i).key)).toEqual([key]);

    // The markdown output is written with its emphasis.
    const expected = clean(Buffer.from(PAGE), { contentType: 'text/html', url, markdown: { emphasis: true } });
    const md = (await readObject(stack.clients.s3, names.outputBucket, `md/${key}.md`)).toString('utf8');
    expect(md).toBe(toMarkdown(expected, { frontMatter: true }));
    expect(md).toContain('They are *always* cold.');
    expect(md).toContain('published: "2019-11-20"');
    expect(md).toContain('## Where they run');
    expect((await head(stack.clients.s3, names.outputBucket, `md/${key}.md`))?.ContentType).toBe('text/markdown; charset=utf-8');
    expect(await head(stack.clients.s3, names.outputBucket, `text/${key}`)).not.toBeNull();
  });

  test('without a url, the page’s own metadata still fills the item; no url-derived date', async () => {
    const names = stack.resources.names;
    const key = 'news/rivers-no-url.html';
    await stack.clients.s3.send(new PutObjectCommand({ Bucket: names.inputBucket, Key: key, Body: PAGE, ContentType: 'text/html' }));
    const item = await waitForItem(stack.clients.dynamodb, names.table, pkOf(names.inputBucket, key));
    expect(item.published).toBeUndefined();
    expect(item.authors).toEqual(['Jane Doe', 'John Smith']);
    expect(item.siteName).toBe('Example News');
    // A relative canonical link with no page URL to resolve it against stays as written.
    expect(item.canonicalUrl).toBe('/news/rivers-of-the-north');
    expect(item.site).toBeUndefined();
  });
});

describe('outputs configuration', () => {
  it('parses the list, defaults to text and json, refuses unknown outputs', () => {
    expect(parseOutputs(undefined)).toEqual(['text', 'json']);
    expect(parseOutputs('markdown, text')).toEqual(['text', 'markdown']);
    expect(() => parseOutputs('text,pdf')).toThrow(/pdf/);
  });

  it('reads what the Markdown output adds (WINNOW_MARKDOWN): nothing by default, links and images when asked', () => {
    expect(parseMarkdownExtras(undefined)).toEqual({ links: false, images: false, emphasis: true });
    expect(parseMarkdownExtras('none')).toEqual({ links: false, images: false, emphasis: true });
    expect(parseMarkdownExtras('Links, images')).toEqual({ links: true, images: true, emphasis: true });
    expect(parseMarkdownExtras('no-emphasis')).toEqual({ links: false, images: false, emphasis: false });
    expect(() => parseMarkdownExtras('links,video')).toThrow(/video/);
    const env = { OUTPUT_BUCKET: 'o', TABLE_NAME: 't', WINNOW_MARKDOWN: 'links' };
    expect(configFromEnv({ ...env, WINNOW_OUTPUTS: 'text,markdown' }).engine?.markdown).toEqual({ links: true, images: false, emphasis: true });
    // Without the markdown output the engine records no emphasis (it would cost time for nothing).
    expect(configFromEnv(env).engine?.markdown).toEqual({ links: true, images: false, emphasis: false });
  });
});
