/** Unit tests of lambdas/s3-events.ts (message bodies and key decoding) and lambdas/output-keys.ts. */
import { decodeS3Key, parseMessageBody, type S3ObjectEvent } from '../lambdas/s3-events';
import { outputKeys } from '../lambdas/output-keys';

/** Bodies as moto 5.2 sent them to SQS (captured), and as real S3 documents them. */
const MOTO_TEST_EVENT = '{"Service": "Amazon S3", "Event": "s3:TestEvent", "Time": "2026-11-28T04:15:00.919425", "Bucket": "winnow-input"}';
const MOTO_PUT =
  '{"Records": [{"eventVersion": "2.1", "eventSource": "aws:s3", "awsRegion": "us-east-1", "eventTime": "2026-11-28T04:15:00.947264", ' +
  '"eventName": "ObjectCreated:Put", "s3": {"s3SchemaVersion": "1.0", "configurationId": "F1Q33jnUwlLMSRaNgxEeHjoj6jjbrBwQw9k7gA7cGusOCOuQJ0", ' +
  '"bucket": {"name": "winnow-input", "arn": "arn:aws:s3:::winnow-input"}, ' +
  '"object": {"key": "dir%2Fsub+dir%2Fa%2Bb+100%25+%C3%A9.html", "size": 2, "eTag": "49f68a5c8493ec2c0bf489821c21fc3b"}}}]}';
const S3_TEST_EVENT = JSON.stringify({
  Service: 'Amazon S3',
  Event: 's3:TestEvent',
  Time: '2014-10-13T15:57:02.089Z',
  Bucket: 'amzn-s3-demo-bucket',
  RequestId: '5582815E1AEA5ADF',
  HostId: '8cLeGAmw098X5cv4Zkwcmo8vvZa3eH3eKxsPzbB9wrR+YstdA6Knx4Ip8EXAMPLE',
});

function s3Record(eventName: string, key: string, object: Record<string, unknown> = {}, bucket = 'amzn-s3-demo-bucket') {
  return {
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: 'us-west-2',
    eventTime: '1970-01-01T00:00:00.000Z',
    eventName,
    userIdentity: { principalId: 'AIDAJDPLRKLG7UEXAMPLE' },
    requestParameters: { sourceIPAddress: '127.0.0.1' },
    responseElements: { 'x-amz-request-id': 'C3D13FE58DE4C810', 'x-amz-id-2': 'FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD' },
    s3: {
      s3SchemaVersion: '1.0',
      configurationId: 'testConfigRule',
      bucket: { name: bucket, ownerIdentity: { principalId: 'A3NL1KOZZKExample' }, arn: `arn:aws:s3:::${bucket}` },
      object: { key, ...object },
    },
  };
}

function events(body: string): S3ObjectEvent[] {
  const parsed = parseMessageBody(body);
  if (parsed.type !== 'objects') throw new Error(`expected objects, got ${JSON.stringify(parsed)}`);
  return parsed.events;
}

describe('decodeS3Key', () => {
  test.each([
    ['real S3: + for a space, / left as is', 'dir/sub+dir/a%2Bb+100%25+%C3%A9.html', 'dir/sub dir/a+b 100% é.html'],
    ['moto: / encoded as %2F too', 'dir%2Fsub+dir%2Fa%2Bb+100%25+%C3%A9.html', 'dir/sub dir/a+b 100% é.html'],
    ['a plain key is unchanged', 'incoming/page-1.html', 'incoming/page-1.html'],
    ['%20 is a space as well', 'a%20b.html', 'a b.html'],
    ['unicode beyond the BMP and CJK', '%E6%9D%B1%E4%BA%AC/%F0%9F%98%80.html', '東京/😀.html'],
    ['a literal + in the key arrives as %2B', 'c%2B%2B.html', 'c++.html'],
    ['an encoded % followed by hex digits stays literal', '100%2541.html', '100%41.html'],
  ])('%s', (_what, encoded, decoded) => {
    expect(decodeS3Key(encoded)).toBe(decoded);
  });

  test('a malformed escape keeps the key as sent (with + as space) instead of throwing', () => {
    expect(decodeS3Key('bad%zz+key.html')).toBe('bad%zz key.html');
    expect(decodeS3Key('trailing%')).toBe('trailing%');
    expect(decodeS3Key('%E9.html')).toBe('%E9.html'); // a lone Latin-1 byte is not UTF-8
  });
});

describe('parseMessageBody', () => {
  test('the s3:TestEvent of real S3 and of moto', () => {
    expect(parseMessageBody(S3_TEST_EVENT)).toEqual({ type: 'test' });
    expect(parseMessageBody(MOTO_TEST_EVENT)).toEqual({ type: 'test' });
  });

  test('moto’s ObjectCreated:Put: decoded key, size, etag; no versionId, no sequencer, eventTime as sent', () => {
    expect(events(MOTO_PUT)).toEqual([
      {
        change: 'created',
        eventName: 'ObjectCreated:Put',
        bucket: 'winnow-input',
        key: 'dir/sub dir/a+b 100% é.html',
        size: 2,
        etag: '49f68a5c8493ec2c0bf489821c21fc3b',
        versionId: null,
        sequencer: null,
        eventTime: '2026-11-28T04:15:00.947264',
      },
    ]);
  });

  test('real S3’s ObjectCreated:Put with versionId, sequencer and a quoted eTag', () => {
    const body = JSON.stringify({
      Records: [s3Record('ObjectCreated:Put', 'HappyFace.jpg', { size: 1024, eTag: '"0123456789abcdef0123456789abcdef"', versionId: '096fKKXTRTtl3on89fVO.nfljtsv6qko', sequencer: '0055AED6DCD90281E5' })],
    });
    expect(events(body)).toEqual([
      {
        change: 'created',
        eventName: 'ObjectCreated:Put',
        bucket: 'amzn-s3-demo-bucket',
        key: 'HappyFace.jpg',
        size: 1024,
        etag: '0123456789abcdef0123456789abcdef',
        versionId: '096fKKXTRTtl3on89fVO.nfljtsv6qko',
        sequencer: '0055AED6DCD90281E5',
        eventTime: '1970-01-01T00:00:00.000Z',
      },
    ]);
  });

  test('ObjectRemoved:Delete and DeleteMarkerCreated are removals; no size or etag', () => {
    const body = JSON.stringify({
      Records: [
        s3Record('ObjectRemoved:Delete', 'old/page+1.html', { sequencer: '0055AED6DCD90281E6' }),
        s3Record('ObjectRemoved:DeleteMarkerCreated', 'old/page+2.html', { versionId: 'v2', sequencer: '0055AED6DCD90281E7' }),
      ],
    });
    const got = events(body);
    expect(got.map((e) => [e.change, e.eventName, e.key, e.size, e.etag])).toEqual([
      ['removed', 'ObjectRemoved:Delete', 'old/page 1.html', null, null],
      ['removed', 'ObjectRemoved:DeleteMarkerCreated', 'old/page 2.html', null, null],
    ]);
  });

  test('a body with several records gives one event per record, in order, across buckets', () => {
    const body = JSON.stringify({
      Records: [
        s3Record('ObjectCreated:Put', 'a.html', { size: 1 }),
        s3Record('ObjectCreated:CompleteMultipartUpload', 'b%2Bc.html.gz', { size: 2 }, 'other-bucket'),
        s3Record('ObjectRemoved:Delete', 'd+e.html'),
      ],
    });
    expect(events(body).map((e) => [e.change, e.bucket, e.key])).toEqual([
      ['created', 'amzn-s3-demo-bucket', 'a.html'],
      ['created', 'other-bucket', 'b+c.html.gz'],
      ['removed', 'amzn-s3-demo-bucket', 'd e.html'],
    ]);
  });

  test('records that are not object created/removed, or lack a bucket or key, are skipped', () => {
    const noKey = s3Record('ObjectCreated:Put', 'x');
    delete (noKey.s3.object as { key?: string }).key;
    const noBucket = s3Record('ObjectCreated:Put', 'y') as { s3: { bucket?: unknown } };
    delete noBucket.s3.bucket;
    const body = JSON.stringify({
      Records: [s3Record('ObjectRestore:Completed', 'r.html'), s3Record('ReducedRedundancyLostObject', 'l.html'), noKey, noBucket, s3Record('ObjectCreated:Copy', 'kept.html')],
    });
    expect(events(body).map((e) => e.key)).toEqual(['kept.html']);
  });

  test('winnow backfill --force marks its records winnowForce: true → force; nothing else sets it', () => {
    const forced = { ...s3Record('ObjectCreated:Put', 'a.html', { size: 3, eTag: 'e1' }), winnowForce: true };
    const truthy = { ...s3Record('ObjectCreated:Put', 'b.html'), winnowForce: 'yes' };
    const got = events(JSON.stringify({ Records: [forced, truthy, s3Record('ObjectCreated:Put', 'c.html')] }));
    expect(got.map((e) => [e.key, e.force])).toEqual([['a.html', true], ['b.html', undefined], ['c.html', undefined]]);
    expect(events(MOTO_PUT)[0]).not.toHaveProperty('force');
  });

  test('an empty key is kept (it is a key), a missing size is null', () => {
    const got = events(JSON.stringify({ Records: [s3Record('ObjectCreated:Put', '')] }));
    expect(got).toHaveLength(1);
    expect(got[0].key).toBe('');
    expect(got[0].size).toBeNull();
  });

  test.each([
    ['not JSON', 'hello', 'the message body is not JSON'],
    ['truncated JSON', MOTO_PUT.slice(0, 60), 'the message body is not JSON'],
    ['JSON null', 'null', 'the message body is not an object'],
    ['a JSON number', '42', 'the message body is not an object'],
    ['a JSON string', '"s3:TestEvent"', 'the message body is not an object'],
    ['an object without Records', '{"Message":"hi"}', 'no Records in the message'],
    ['Records that is not an array', '{"Records":{"eventName":"ObjectCreated:Put"}}', 'no Records in the message'],
    ['an empty body', '', 'the message body is not JSON'],
  ])('garbage: %s → unknown', (_what, body, reason) => {
    expect(parseMessageBody(body)).toEqual({ type: 'unknown', reason });
  });

  test('an SNS envelope around an S3 event is not taken for one (Records missing at the top)', () => {
    const sns = JSON.stringify({ Type: 'Notification', Message: JSON.stringify({ Records: [s3Record('ObjectCreated:Put', 'a.html')] }) });
    expect(parseMessageBody(sns).type).toBe('unknown');
  });
});

describe('outputKeys', () => {
  test.each([
    ['page.html', 'text/page.html', 'json/page.html.json'],
    ['dir/sub dir/a+b 100% é.html', 'text/dir/sub dir/a+b 100% é.html', 'json/dir/sub dir/a+b 100% é.html.json'],
    ['crawl/2024/page.html.gz', 'text/crawl/2024/page.html', 'json/crawl/2024/page.html.gz.json'],
    ['UPPER.HTML.GZ', 'text/UPPER.HTML', 'json/UPPER.HTML.GZ.json'],
    ['notes.txt', 'text/notes.txt', 'json/notes.txt.json'],
    ['archive.gz.html', 'text/archive.gz.html', 'json/archive.gz.html.json'],
    ['only.gz', 'text/only', 'json/only.gz.json'],
  ])('%s', (input, text, json) => {
    expect(outputKeys(input)).toEqual({ text, json, markdown: `md/${input}.md` });
  });

  test('x.html and x.html.gz share their text output (text/<key minus .gz>) but not their JSON; outputs of an output-like key nest', () => {
    const a = outputKeys('x.html');
    const b = outputKeys('x.html.gz');
    expect(a.text).toBe(b.text);
    expect(a.json).not.toBe(b.json);
    expect(outputKeys('text/x.html').text).toBe('text/text/x.html');
  });
});
