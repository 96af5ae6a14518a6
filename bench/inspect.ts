/**
 * Shows how the engine saw one benchmark page:
 *   node bin/tsx-run.cjs bench/inspect.ts ID-PREFIX [html|text] [--all] [--dataset NAME]
 * Each block: kept (+) or removed (-), kind, reason, and its text; then the truth's first lines.
 */
import { clean } from '../engine';
import { datasetByName, loadDataset } from './dataset';
import { scorePage } from './metric';

process.stdout.on('error', () => process.exit(0)); // piped into head
const [prefix, modeArg] = process.argv.slice(2);
const all = process.argv.includes('--all');
const datasetArg = process.argv.indexOf('--dataset');
const info = datasetByName(datasetArg >= 0 ? process.argv[datasetArg + 1] : 'article-extraction');
const page = loadDataset(info.dir).find((p) => p.id.startsWith(prefix));
if (!page) throw new Error(`no page ${prefix}`);
const result = modeArg === 'text' ? clean(page.pageText, { mode: 'text' }) : clean(page.htmlGz);
const score = scorePage(page.truth, info.truthHasTitle ? result.text : result.body);
console.log(page.url, `F1 ${score.f1.toFixed(3)} P ${score.precision?.toFixed(3)} R ${score.recall?.toFixed(3)}`);
console.log('title:', result.title, '| lang:', result.language, '| strategy:', result.strategy, '|', result.emptyReason ?? '');
const truthTokens = new Set(page.truth.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? []);
for (const b of result.blocks) {
  const words = b.text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
  const inTruth = words.length ? words.filter((w) => truthTokens.has(w)).length / words.length : 0;
  const truthMark = inTruth > 0.9 && words.length > 5 && page.truth.includes(b.text.slice(0, 40)) ? 'T' : ' ';
  if (!all && !b.kept && truthMark === ' ' && b.text.length < 60) continue;
  console.log(`${b.kept ? '+' : '-'}${truthMark} ${b.kind.padEnd(12)} ${b.tag ?? ''} ${b.reason.slice(0, 90).padEnd(90)} | ${b.text.slice(0, 110)}`);
}
console.log('--- truth:', page.truth.slice(0, 300));
