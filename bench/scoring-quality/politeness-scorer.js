// Scorer for the Stanford Politeness evaluator (../../../shared/tools/politeness-eval.mjs):
// reads JSON lines {"id","text"} on stdin, prints {"id","score"} per line, where score is the
// engine's unrounded politeness value (the paper's normalised scale; finer than the 0–100 score).
// `--only paper` sums only the effects of the paper's own strategies (an ablation, same pipeline).
'use strict';
const path = require('node:path');
const readline = require('node:readline');

const dist = path.join(__dirname, '..', '..', 'dist', 'scoring', 'engine');
const { politenessValue } = require(dist);
const { analysePoliteness } = require(path.join(dist, 'politeness.analyzer'));
const { tokenize } = require(path.join(dist, 'tokens'));
const { POLITENESS_RULES } = require(path.join(dist, 'politeness.lexicon'));

// The paper's strategies: its rules plus the pronoun and lexicon features it lists in Table 3.
const PAPER = new Set([
  ...POLITENESS_RULES.filter((rule) => rule.source === 'paper').map((rule) => rule.id),
  'first-person-start',
  'first-person',
  'first-person-plural',
  'second-person',
  'positive-lexicon',
  'negative-lexicon',
]);
const onlyPaper =
  process.argv.includes('--only') && process.argv[process.argv.indexOf('--only') + 1] === 'paper';

const score = onlyPaper
  ? (text) =>
      analysePoliteness(tokenize(text))
        .evidence.filter((item) => PAPER.has(item.rule))
        .reduce((sum, item) => sum + item.effect, 0)
  : politenessValue;

const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
lines.on('line', (line) => {
  if (line.trim() === '') return;
  const { id, text } = JSON.parse(line);
  process.stdout.write(`${JSON.stringify({ id, score: score(text) })}\n`);
});
