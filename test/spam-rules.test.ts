/**
 * The rule layer of the spam classifier (engine/comments/rules.ts): each rule on hand-written
 * comments, a spam that it must call and a genuine reader's comment near it that it must not.
 */
import { spamRules, RULE_SCORE } from '../engine/comments/rules';
import { articleContext } from '../engine/comments/features';
import { classifySpam, defaultScorer } from '../engine/comments/spam';

const ARTICLE = articleContext('How to parse JSON in Python: a tutorial with the json module, loads, dumps and error handling');

describe('spam rules', () => {
  it('phone+support: a number to call with support or helpline words, in several languages', () => {
    expect(spamRules('Printer offline? Call our toll free number +1-888-555-0123 for instant help.')).toContain('phone+support');
    expect(spamRules('Airline reservations customer care number 1 (800) 555 0199, open 24/7')).toContain('phone+support');
    expect(spamRules('Kundendienst rund um die Uhr: +49 30 12345678')).toContain('phone+support');
    expect(spamRules('Servicio al cliente: llame al +34 912 345 678')).toContain('phone+support');
    // A number without support words, and support words without a number, are not this rule.
    expect(spamRules('My order number was 20191201123 and it shipped fine.')).not.toContain('phone+support');
    expect(spamRules('I contacted customer support about the bug and they fixed it in a day.')).toEqual([]);
    expect(spamRules('Released on 2019-12-01 10:30, version 3.10.4 works for me.')).toEqual([]);
  });

  it('support+plug: support words offered as one\'s own service', () => {
    expect(spamRules('Our technical support experts fix any antivirus problem. Contact us today!')).toContain('support+plug');
    expect(spamRules('I called customer service twice; their answer was to reinstall.')).toEqual([]);
  });

  it('business-author: a business signing with a link, a number or templated praise', () => {
    expect(spamRules({ text: 'Thanks, see www.moversdeals.example', author: 'Best Packers and Movers Pune' })).toContain('business-author');
    expect(spamRules({ text: 'Very informative post.', author: 'Maria', authorUrl: 'https://cheap-flight-deals.example/' })).toContain('business-author');
    // A handle with one trade word, or a business-like name asking a real question, is not.
    expect(spamRules({ text: 'Does json.loads accept bytes in Python 3.6?', author: 'TechGuy' })).toEqual([]);
    expect(spamRules({ text: 'What does the second argument do?', author: '[reply] [top]' })).toEqual([]);
  });

  it('anchor-keyword: a backlink whose text is trade words', () => {
    expect(spamRules('Nice. <a href="https://example.com/x">best seo services</a>')).toContain('anchor-keyword');
    expect(spamRules('[url=https://example.com]cheap flights[/url]')).toContain('anchor-keyword');
    expect(spamRules('See [buy cheap followers](https://example.com/f) now')).toContain('anchor-keyword');
    // A reader linking a source with plain words is not; nor a trade the article is about.
    expect(spamRules('The <a href="https://docs.python.org/3/library/json.html">json docs</a> say otherwise.', ARTICLE)).toEqual([]);
    const insurance = articleContext('How insurance companies price flood insurance for homes near rivers');
    expect(spamRules('See <a href="https://en.wikipedia.org/wiki/Insurance">how insurance works</a>.', insurance)).toEqual([]);
  });

  it('praise+plug: templated praise followed by a plug, a number or a link', () => {
    expect(spamRules('Great post, thanks for sharing! Visit our website for more.')).toContain('praise+plug');
    expect(spamRules('Very informative article, keep posting. www.some-shop.example')).toContain('praise+plug');
    expect(spamRules('Merci pour cet article ! Visitez notre site.')).toContain('praise+plug');
    // Praise alone, praise with a question and a link, praise with "my team": genuine readers.
    expect(spamRules('Thanks, great tutorial!')).toEqual([]);
    expect(spamRules('Great post, thanks for sharing. Why does loads fail on my file? https://pastebin.com/abc123')).toEqual([]);
    expect(spamRules('Great article, my team had exactly this problem last week.')).toEqual([]);
  });

  it('a genuine question with code and a correction stay ham by the whole classifier', () => {
    for (const text of [
      'Thanks for the tutorial. When I run `json.loads(data)` I get "JSONDecodeError: Expecting value: line 1 column 1". What am I doing wrong?',
      'Small correction: json.dumps takes indent=, not spaces=. Otherwise a great tutorial, thanks.',
    ]) {
      const r = classifySpam({ text, article: 'How to parse JSON in Python' });
      expect(r.reasons).toEqual([]);
      expect(r.spam).toBe(false);
    }
  });

  it('a rule makes the comment spam whatever the model says, and says which rule', () => {
    const r = classifySpam('Antivirus helpline number +1-844-555-0142, call now');
    expect(r.spam).toBe(true);
    expect(r.score).toBeGreaterThanOrEqual(RULE_SCORE);
    expect(r.reasons).toContain('phone+support');
    const e = defaultScorer().explain('Antivirus helpline number +1-844-555-0142, call now');
    expect(e.score).toBe(Math.max(e.model, RULE_SCORE));
  });
});
