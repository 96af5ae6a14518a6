/**
 * `winnow spam`: comments in, spam verdicts out, one JSON object a line each way. For
 * evaluating the classifier and for filtering comment streams without any page around them.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import type { SpamInput } from '../../engine/comments/features';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, isEpipe, write, type Io } from '../io';

export const usage = `Usage:
  winnow spam [options] FILE.jsonl       score each comment of FILE
  winnow spam [options] -                read the comments from standard input

Input: one JSON object a line with "text" (and usually "id"), and where known "author" (the
name the comment is signed with), "authorUrl" (the link on that name) and "article" (the text,
or at least the headline, of the article the comment sits under); other fields are ignored.
Lines in a row with the same "article" share its reading.
Output: one line per input line, in order: {"id": ..., "spam": true|false, "score": 0.0-1.0}
(the id as given, null when the line has none), and "reasons": [...] when a rule of the rule
layer calls the comment spam (phone+support, support+plug, business-author, anchor-keyword,
praise+plug). The score is the larger of the model's spam probability and the rules' score;
spam is score >= the model's threshold (in the model file, chosen for precision).

Options:
  -t, --threshold X   call a comment spam from score X on (0-1) instead of the model's own
  -h, --help          show this help

The classifier is logistic regression over hashed word and character n-grams and spam cues
(links, "check out my channel", subscribe calls, money and prize words, phone numbers,
e-mail addresses, shouting, repeated text, helplines, selling, "visit our website" plugs,
keyword lists, an author or author URL named like a business, little vocabulary shared with
the article), trained with 'npm run train:spam'.

Errors: a line that is not a JSON object with a string "text" (or whose "author", "authorUrl"
or "article" is there but not a string or null) is reported on stderr as
"winnow spam: LINE: message" and skipped. Exit status: 0 all lines scored, 1 some line
was skipped or FILE could not be read, 2 bad command line.
`;

const OPTIONS = {
  threshold: { type: 'string', short: 't' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function run(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    await write(io.stderr, `winnow spam: ${(err as Error).message}\nRun 'winnow spam --help' for usage.\n`);
    return EXIT_USAGE;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    await write(io.stdout, usage);
    return EXIT_OK;
  }
  const usageError = async (message: string): Promise<number> => {
    await write(io.stderr, `winnow spam: ${message}\nRun 'winnow spam --help' for usage.\n`);
    return EXIT_USAGE;
  };
  if (positionals.length !== 1) return usageError(positionals.length ? 'give one FILE (or -)' : 'no FILE given (use - for standard input)');
  let threshold: number | undefined;
  if (values.threshold !== undefined) {
    threshold = Number(values.threshold);
    if (values.threshold.trim() === '' || !Number.isFinite(threshold) || threshold < 0 || threshold > 1) {
      return usageError(`--threshold must be a number from 0 to 1, not '${values.threshold}'`);
    }
  }
  const file = positionals[0]!;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { defaultScorer } = require('../../engine') as typeof import('../../engine');
  const scorer = defaultScorer();
  const cut = threshold ?? scorer.threshold;

  const input: Readable = file === '-' ? io.stdin : createReadStream(file);
  const lines = createInterface({ input, crlfDelay: Infinity });
  let failed = 0;
  let lineNo = 0;
  let out: string[] = [];
  const flush = async (): Promise<void> => {
    if (out.length) await write(io.stdout, out.join(''));
    out = [];
  };
  try {
    for await (const line of lines) {
      lineNo += 1;
      if (!line.trim()) continue;
      let id: unknown = null;
      let input: SpamInput;
      try {
        const obj: unknown = JSON.parse(line);
        if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) throw new Error('not a JSON object');
        const record = obj as Record<string, unknown>;
        id = record.id ?? null;
        if (typeof record.text !== 'string') throw new Error('no string "text"');
        input = { text: record.text };
        for (const field of ['author', 'authorUrl', 'article'] as const) {
          const v = record[field];
          if (v !== undefined && v !== null && typeof v !== 'string') throw new Error(`"${field}" must be a string`);
          input[field] = v ?? null;
        }
      } catch (err) {
        failed += 1;
        await flush();
        await write(io.stderr, `winnow spam: ${lineNo}: ${(err as Error).message}\n`);
        continue;
      }
      const { score, reasons } = scorer.explain(input);
      const verdict: Record<string, unknown> = { id, spam: score >= cut, score: Math.round(score * 10000) / 10000 };
      if (reasons.length) verdict.reasons = reasons;
      out.push(`${JSON.stringify(verdict)}\n`);
      if (out.length >= 256) await flush();
    }
    await flush();
  } catch (err) {
    if (isEpipe(err)) return EXIT_OK;
    const e = err as NodeJS.ErrnoException;
    const message = e.code && e.message.startsWith(`${e.code}: `) ? e.message.slice(e.code.length + 2) : e.message;
    await write(io.stderr, `winnow spam: ${file}: ${e.code ?? 'ERROR'}: ${message}\n`);
    return EXIT_FAILED;
  }
  return failed ? EXIT_FAILED : EXIT_OK;
}
