/**
 * The Lambda bundle as it ships (scripts/build.cjs LAMBDA_BUNDLE, what the construct deploys):
 * its credential chain is the Lambda-only one (lambdas/aws-credentials.ts), and the bundle,
 * loaded in a fresh node process as Lambda loads it, cleans an upload on a real moto with the
 * credentials Lambda gives (the environment).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { build, type Plugin } from 'esbuild';
import { defaultProvider } from '../lambdas/aws-credentials';
import { pkOf } from '../lambdas/item';
import { createResources, localClients, type AwsClients, type LocalNames } from '../local/resources';
import { localEnvironment } from '../local/stack';
import { useMoto } from './support/moto';
import { getItem, readObject, s3EventBody } from './support/pipeline';

const ROOT = join(__dirname, '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { sdkSchemasPlugin } = require('../scripts/sdk-schemas.cjs') as { sdkSchemasPlugin: Plugin };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { importStatically } = require('../scripts/sdk-event-streams.cjs') as { importStatically: (source: string) => string };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { asciiRegExps } = require('../scripts/ascii-only.cjs') as { asciiRegExps: (code: string) => string };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { LAMBDA_BUNDLE } = require('../scripts/build.cjs') as { LAMBDA_BUNDLE: Record<string, unknown> };

const CREDENTIAL_VARS = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_CREDENTIAL_EXPIRATION',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_AUTHORIZATION_TOKEN',
  'AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE',
];

describe('the Lambda-only credential chain', () => {
  const saved: Record<string, string | undefined> = {};
  beforeEach(() => {
    for (const name of CREDENTIAL_VARS) {
      saved[name] = process.env[name];
      delete process.env[name];
    }
  });
  afterEach(() => {
    for (const name of CREDENTIAL_VARS) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  test('the function role\'s keys from the environment, as Lambda gives them', async () => {
    process.env.AWS_ACCESS_KEY_ID = 'AKIDLAMBDA';
    process.env.AWS_SECRET_ACCESS_KEY = 'secret';
    process.env.AWS_SESSION_TOKEN = 'session';
    await expect(defaultProvider()()).resolves.toMatchObject({
      accessKeyId: 'AKIDLAMBDA',
      secretAccessKey: 'secret',
      sessionToken: 'session',
    });
  });

  describe('a container credentials endpoint when the environment has no keys', () => {
    let server: Server;
    let requests: { url?: string; authorization?: string }[];
    beforeAll(async () => {
      server = createServer((req, res) => {
        requests.push({ url: req.url, authorization: req.headers.authorization });
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({
          AccessKeyId: 'AKIDCONTAINER',
          SecretAccessKey: 'container-secret',
          Token: 'container-token',
          Expiration: new Date(Date.now() + 3600_000).toISOString(),
        }));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
    beforeEach(() => {
      requests = [];
    });

    test('read over HTTP with its authorization token', async () => {
      const { port } = server.address() as AddressInfo;
      process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI = `http://127.0.0.1:${port}/creds`;
      process.env.AWS_CONTAINER_AUTHORIZATION_TOKEN = 'token-123';
      await expect(defaultProvider()()).resolves.toMatchObject({
        accessKeyId: 'AKIDCONTAINER',
        secretAccessKey: 'container-secret',
        sessionToken: 'container-token',
      });
      expect(requests).toEqual([{ url: '/creds', authorization: 'token-123' }]);
    });

    test('not asked when the environment has keys', async () => {
      const { port } = server.address() as AddressInfo;
      process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI = `http://127.0.0.1:${port}/creds`;
      process.env.AWS_ACCESS_KEY_ID = 'AKIDLAMBDA';
      process.env.AWS_SECRET_ACCESS_KEY = 'secret';
      await expect(defaultProvider()()).resolves.toMatchObject({ accessKeyId: 'AKIDLAMBDA' });
      expect(requests).toEqual([]);
    });
  });

  test('neither: a credentials error, no file, profile or instance metadata tried', async () => {
    await expect(defaultProvider()()).rejects.toMatchObject({ name: 'CredentialsProviderError' });
  });
});

describe('the Lambda bundle as it ships, on moto', () => {
  const moto = useMoto();
  const NAMES: LocalNames = {
    inputBucket: 'bundle-input',
    outputBucket: 'bundle-output',
    queue: 'bundle-uploads',
    deadLetterQueue: 'bundle-uploads-dlq',
    table: 'bundle-pages',
  };
  let dir: string;
  let bundle: string;
  let clients: AwsClients;
  const savedEnv = { ...process.env };

  beforeAll(async () => {
    // The test's own clients (localClients) read their credentials from the environment too.
    Object.assign(process.env, localEnvironment(moto.endpoint));
    dir = mkdtempSync(join(tmpdir(), 'winnow-lambda-bundle-'));
    bundle = join(dir, 'index.js');
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.cjs'), 'lambda', dir]);
    clients = localClients(moto.endpoint);
    await createResources(clients, NAMES);
  }, 60_000);
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    process.env = savedEnv;
  });

  test('holds only the Lambda credential sources', () => {
    const code = readFileSync(bundle, 'utf8');
    // The environment's and a container endpoint's variables are read…
    expect(code.includes('AWS_SECRET_ACCESS_KEY')).toBe(true);
    expect(code.includes('AWS_CONTAINER_CREDENTIALS_FULL_URI')).toBe(true);
    // …and none of the default chain's other sources is in the bundle.
    expect(code.includes('AWS_WEB_IDENTITY_TOKEN_FILE')).toBe(false);
    expect(code.includes('sso_start_url')).toBe(false);
    expect(code.includes('credential_process')).toBe(false);
  });

  test('is ASCII: node reads it as a one-byte string (scripts/ascii-only.cjs)', () => {
    expect(/^[\x00-\x7f]*$/.test(readFileSync(bundle, 'utf8'))).toBe(true);
  });

  test('a fresh process loads it and cleans an upload with the environment\'s credentials', async () => {
    const key = 'news/story.html';
    const html =
      '<html><head><title>Harbour reopens</title></head><body><nav><a href="/">Home</a></nav><article><h1>Harbour reopens</h1>' +
      '<p>The harbour reopened on Monday after three weeks of repairs to the northern breakwater, which storms had cracked in two places.</p>' +
      '<p>Fishing boats returned within hours, and the harbour master said the new stone would hold against the winter swells that broke the old wall.</p>' +
      '</article><footer>© Harbour News</footer></body></html>';
    await clients.s3.send(new PutObjectCommand({ Bucket: NAMES.inputBucket, Key: key, Body: html, ContentType: 'text/html' }));
    const event = { Records: [{ messageId: 'm1', body: s3EventBody('ObjectCreated:Put', NAMES.inputBucket, key) }] };
    const probe =
      `require(${JSON.stringify(bundle)}).handler(${JSON.stringify(event)}, { getRemainingTimeInMillis: () => 60000 })` +
      '.then((r) => process.stdout.write(JSON.stringify(r)), (e) => { console.error(e); process.exit(1); })';
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      AWS_ENDPOINT_URL: moto.endpoint,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_SESSION_TOKEN: 'test-session',
      OUTPUT_BUCKET: NAMES.outputBucket,
      TABLE_NAME: NAMES.table,
      POWERTOOLS_METRICS_DISABLED: 'true',
      LOG_LEVEL: 'ERROR',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };
    const out = execFileSync(process.execPath, ['-e', probe], { env, encoding: 'utf8', timeout: 60_000 });
    expect(JSON.parse(out)).toEqual({ batchItemFailures: [] });
    const item = await getItem(clients.dynamodb, NAMES.table, pkOf(NAMES.inputBucket, key));
    expect(item).toMatchObject({ status: 'done' });
    const text = (await readObject(clients.s3, NAMES.outputBucket, item!.textKey!)).toString('utf8');
    expect(text).toContain('The harbour reopened on Monday');
    expect(text).not.toContain('Harbour News');
  }, 60_000);
});

describe('the SDK schemas as the bundle writes them (scripts/sdk-schemas.cjs)', () => {
  /** A schema module's exports, loaded from a bundle of it alone (with or without the plugin). */
  async function schemaExports(client: string, plugins: Plugin[]): Promise<Record<string, unknown>> {
    const path = require.resolve(`@aws-sdk/${client}/dist-es/schemas/schemas_0.js`, { paths: [ROOT] });
    const out = await build({
      stdin: { contents: `export * from ${JSON.stringify(path)};`, resolveDir: ROOT },
      bundle: true, platform: 'node', format: 'cjs', mainFields: ['module', 'main'], write: false, logLevel: 'error', plugins,
    });
    const module = { exports: {} as Record<string, unknown> };
    new Function('module', 'exports', 'require', out.outputFiles[0]!.text)(module, module.exports, require);
    return module.exports;
  }

  /** A schema as data: a thunk as the shape it leads to (the schemas refer to each other in cycles), a class by name. */
  function asData(schema: unknown): string {
    return JSON.stringify(schema, (_key, value: unknown) => {
      if (typeof value !== 'function') return value;
      if (/^class\b/.test(Function.prototype.toString.call(value)) || value.length > 0) return `class ${value.name}`;
      const target = (value as () => unknown)();
      return Array.isArray(target) ? `-> ${String(target[1])}#${String(target[2])}` : `-> ${typeof target}`;
    });
  }

  test.each(['client-s3', 'client-dynamodb', 'client-eventbridge'])('%s: every schema is the SDK\'s own object', async (client) => {
    const [theirs, ours] = await Promise.all([schemaExports(client, []), schemaExports(client, [sdkSchemasPlugin])]);
    const names = Object.keys(theirs).sort();
    expect(names.length).toBeGreaterThan(10);
    expect(Object.keys(ours).sort()).toEqual(names);
    for (const name of names) expect([name, asData(ours[name])]).toEqual([name, asData(theirs[name])]);
  }, 60_000);
});

describe('the SDK\'s event streams imported statically (scripts/sdk-event-streams.cjs)', () => {
  test('the SDK imports them dynamically; the bundle leaves no module to a lazy initializer (each would be parsed twice at load)', async () => {
    const out = await build({
      ...LAMBDA_BUNDLE, entryPoints: [join(ROOT, 'lambdas', 'handler.ts')], outfile: join(tmpdir(), 'winnow-unminified.js'),
      minify: false, write: false, metafile: true,
    });
    // The module the plugin rewrites still has the dynamic import (a new SDK may drop it)…
    const httpProtocol = Object.keys(out.metafile!.inputs).find((path) => /@smithy\/core\/dist-es\/submodules\/protocols\/HttpProtocol\.js$/.test(path));
    const source = readFileSync(join(ROOT, httpProtocol!), 'utf8');
    expect(source).toContain('await import("@smithy/core/event-streams")');
    expect(importStatically(source)).not.toContain('import("@smithy/core/event-streams")');
    // …and with it rewritten, event streams are in the bundle as plain modules.
    const code = out.outputFiles[0]!.text;
    expect(code).toContain('EventStreamSerde');
    expect(code).not.toMatch(/\b__esm\(/);
  }, 60_000);
});

describe('regular expressions written in ASCII (scripts/ascii-only.cjs)', () => {
  const cases: [string, string[]][] = [
    ['/звонил|x/i', ['ЗВОНИЛ', 'звонила', 'x', 'y']],
    ['/\\bnuméro\\s+vert/', ['numéro vert', 'numero vert']],
    ['/😀+/u', ['a😀😀b', '\ud83d']],
    ['/[😀é]/', ['\ud83d', 'é', 'e']],
    ['/[😀é]/u', ['\ud83d', '😀', 'é']],
  ];
  test.each(cases)('%s matches what it matched', (literal, inputs) => {
    const escaped = asciiRegExps(`module.exports = ${literal};`);
    expect(/^[\x00-\x7f]*$/.test(escaped)).toBe(true);
    const original = new Function(`return ${literal};`)() as RegExp;
    const module = { exports: null as unknown as RegExp };
    new Function('module', escaped)(module);
    for (const input of inputs) expect([input, module.exports.exec(input)?.[0]]).toEqual([input, original.exec(input)?.[0]]);
  });

  test('a tagged template\'s raw text and strings are left as they are', () => {
    const code = 'const a = String.raw`é${1}`; const b = "ж"; const c = /ж/;';
    expect(asciiRegExps(code)).toBe('const a = String.raw`é${1}`; const b = "ж"; const c = /\\u0436/;');
  });
});
