// Speed of the scoring engine against bare wink-nlp `readDoc` on the same replies, in the same
// process, in interleaved rounds (medians); model load time in fresh processes; heap and RSS over
// one million replies. Run after a build, from the repository root:
//   npm run -s build && node bench/scoring-speed/run.js
// Writes bench/scoring-speed/RESULTS.md and results.json. Knobs (env): ROUNDS, PASSES, MEMORY_REPLIES.
'use strict';
const { execFileSync, spawnSync } = require('node:child_process');
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');

// Heap figures are only comparable after a full collection: re-run with --expose-gc if needed.
if (typeof global.gc !== 'function') {
  const run = spawnSync(process.execPath, ['--expose-gc', __filename, ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exit(run.status ?? 1);
}

const root = path.join(__dirname, '..', '..');
const enginePath = path.join(root, 'dist', 'scoring', 'engine');
if (!existsSync(`${enginePath}/index.js`)) {
  console.error('run `npm run -s build` first (dist/scoring/engine is missing)');
  process.exit(2);
}
const ROUNDS = Number(process.env.ROUNDS ?? 15);
const PASSES = Number(process.env.PASSES ?? 10);
const MEMORY_REPLIES = Number(process.env.MEMORY_REPLIES ?? 1_000_000);
const now = () => Number(process.hrtime.bigint()) / 1e6;
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const mib = (bytes) => Math.round((bytes / 1024 / 1024) * 10) / 10;

// ---- model load, in fresh processes (OS file cache warm)
function timeLoad(code) {
  const samples = [];
  for (let i = 0; i < 5; i += 1) {
    const out = execFileSync(process.execPath, ['-e', code], { cwd: root, encoding: 'utf8' });
    samples.push(Number(out.trim()));
  }
  return {
    medianMs: Math.round(median(samples) * 10) / 10,
    samplesMs: samples.map((x) => Math.round(x * 10) / 10),
  };
}
const hr = 'const t=process.hrtime.bigint();';
const done = 'process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6));';
const load = {
  engine: timeLoad(
    `${hr}const e=require(${JSON.stringify(enginePath)});new e.ScoringEngine().score({text:'Hi'});${done}`,
  ),
  wink: timeLoad(
    `${hr}const w=require('wink-nlp')(require('wink-eng-lite-web-model'));w.readDoc('Hi');${done}`,
  ),
};

// ---- 200 varied agent replies of 20–40 words from a seeded generator
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(20240611);
const pick = (list) => list[Math.floor(random() * list.length)];
const parts = {
  open: [
    'Good morning, thank you for calling.',
    'Hello, my name is {name}.',
    'Thanks for holding.',
    'Hi {name}, thanks for waiting.',
    'Sorry to keep you waiting.',
    '',
  ],
  feel: [
    'I understand how frustrating that must be.',
    "I'm really sorry about the trouble with your {thing}.",
    'That must be worrying.',
    'I can see why you are upset.',
    '',
  ],
  act: [
    "I've checked your account and the {thing} was charged twice on the {day}.",
    'Could you please confirm your date of birth and the first line of your address?',
    "I'll refund the extra {amount} to your card ending in {last4}.",
    'The engineer can visit on {day} between nine and one.',
    'Let me look into the {thing} and call you back within two hours.',
    'You need to restart the router and wait five minutes.',
    "As I said, that's how the {thing} works.",
    'Your new SIM will arrive within three working days.',
    'The MSISDN is provisioned in the CRM now.',
  ],
  close: [
    'Is there anything else I can help with today?',
    'Thank you for your patience, have a lovely day.',
    'Calm down, please.',
    'Take care.',
    '',
  ],
};
const fill = (text) =>
  text
    .replace('{name}', pick(['Anna', 'Li Wei', 'Sam', 'Priya', 'Tomás', 'Zoë']))
    .replace(
      '{thing}',
      pick(['bill', 'broadband', 'roaming bundle', 'contract', 'payment', 'handset']),
    )
    .replace('{day}', pick(['Monday', 'fifth', 'twelfth', 'Friday']))
    .replace('{amount}', pick(['£12.50', '35 pounds', '€9.99', '120 yuan']))
    .replace('{last4}', String(1000 + Math.floor(random() * 9000)));
const words = (text) => text.split(/\s+/).filter(Boolean).length;
const replies = [];
while (replies.length < 200) {
  const text = [
    pick(parts.open),
    pick(parts.feel),
    fill(pick(parts.act)),
    fill(pick(parts.act)),
    pick(parts.close),
  ]
    .filter(Boolean)
    .map(fill)
    .join(' ');
  if (words(text) >= 20 && words(text) <= 40) replies.push(text);
}

// ---- interleaved rounds: bare readDoc (default pipe), readDoc with the engine's pipe, engine
const { ScoringEngine, DEFAULT_RUBRIC, parseRubric } = require(enginePath);
const { parse } = require('yaml');
const winkNLP = require('wink-nlp');
const model = require('wink-eng-lite-web-model');
const bare = winkNLP(model);
const samePipe = winkNLP(model, ['sbd', 'negation', 'pos']);
const engine = new ScoringEngine();
const billing = parseRubric(
  parse(readFileSync(path.join(root, 'content', 'rubrics', 'billing-complaint.yaml'), 'utf8')),
);
if (!billing.ok) throw new Error('billing-complaint.yaml does not parse');
const contenders = {
  'bare readDoc (default pipe)': (text) => bare.readDoc(text),
  "readDoc (engine's pipe)": (text) => samePipe.readDoc(text),
  'engine.score (default rubric)': (text) => engine.score({ text, rubric: DEFAULT_RUBRIC }),
  'engine.score (billing-complaint)': (text) => engine.score({ text, rubric: billing.rubric }),
};
const names = Object.keys(contenders);
const perReplyUs = Object.fromEntries(names.map((name) => [name, []]));
for (const name of names)
  for (let i = 0; i < 3 * replies.length; i += 1) contenders[name](replies[i % replies.length]);
for (let round = 0; round < ROUNDS; round += 1) {
  // Rotate the order each round so a slow spell of the machine hits every contender alike.
  const order = names.map((_, i) => names[(i + round) % names.length]);
  for (const name of order) {
    const run = contenders[name];
    const start = now();
    for (let pass = 0; pass < PASSES; pass += 1) for (const text of replies) run(text);
    perReplyUs[name].push(((now() - start) * 1000) / (PASSES * replies.length));
  }
}
const speed = Object.fromEntries(
  names.map((name) => {
    const us = median(perReplyUs[name]);
    return [
      name,
      { medianUsPerReply: Math.round(us * 10) / 10, repliesPerSecond: Math.round(1e6 / us) },
    ];
  }),
);
const baseUs = speed['bare readDoc (default pipe)'].medianUsPerReply;
const pipeUs = speed["readDoc (engine's pipe)"].medianUsPerReply;
const ratios = Object.fromEntries(
  names
    .filter((name) => name.startsWith('engine'))
    .map((name) => [
      name,
      {
        vsBareReadDoc: Math.round((speed[name].medianUsPerReply / baseUs) * 100) / 100,
        vsSamePipeReadDoc: Math.round((speed[name].medianUsPerReply / pipeUs) * 100) / 100,
      },
    ]),
);

// ---- memory over MEMORY_REPLIES replies (heap after a full GC, RSS as the OS sees it).
// wink-nlp adds every token it has not seen to its model cache, so unique texts grow the heap
// whatever reads them; hence three runs: the engine on unique texts, bare readDoc on as many
// unique texts (the control), and the engine on the 200 replies repeated.
function measureMemory(count, run) {
  const samples = [];
  const sample = (replied) => {
    global.gc();
    const usage = process.memoryUsage();
    samples.push({ replies: replied, heapUsedMiB: mib(usage.heapUsed), rssMiB: mib(usage.rss) });
  };
  sample(0);
  const start = now();
  for (let i = 1; i <= count; i += 1) {
    run(i);
    if (i % (count / 10) === 0) sample(i);
  }
  return { seconds: Math.round((now() - start) / 100) / 10, samples };
}
const memory = {
  'engine.score, unique texts': measureMemory(MEMORY_REPLIES, (i) =>
    engine.score({
      text: `${replies[i % replies.length]} Ref ${i}.`,
      rubric: i % 2 ? DEFAULT_RUBRIC : billing.rubric,
    }),
  ),
  'bare readDoc, unique texts (control)': measureMemory(MEMORY_REPLIES, (i) =>
    bare.readDoc(`${replies[i % replies.length]} Case ${i}.`),
  ),
  'engine.score, the 200 replies repeated': measureMemory(MEMORY_REPLIES, (i) =>
    engine.score({
      text: replies[i % replies.length],
      rubric: i % 2 ? DEFAULT_RUBRIC : billing.rubric,
    }),
  ),
};

// ---- report
const meta = {
  date: new Date().toISOString(),
  node: process.version,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
  loadavg: os.loadavg().map((x) => Math.round(x * 100) / 100),
  rounds: ROUNDS,
  passes: PASSES,
  replies: replies.length,
  meanWords:
    Math.round((replies.reduce((sum, text) => sum + words(text), 0) / replies.length) * 10) / 10,
};
const results = { meta, load, speed, ratios, memory, sampleReplies: replies.slice(0, 3) };
writeFileSync(path.join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

const verdict = (ok) => (ok ? 'met' : 'missed');
const engineRatio = ratios['engine.score (default rubric)'].vsBareReadDoc;
const md = `# Scoring speed

Generated by \`node bench/scoring-speed/run.js\` (after \`npm run -s build\`) on ${meta.date}:
Node ${meta.node}, ${meta.cpu} (${meta.cores} cores, load average at the end ${meta.loadavg.join(' ')}).
One Node thread (one core). ${meta.replies} seeded agent replies of 20–40 words (mean ${meta.meanWords});
${ROUNDS} interleaved rounds of ${PASSES} passes each, order rotated per round; figures are medians.

## Throughput

| what | µs per reply | replies/s |
|---|---:|---:|
${names.map((name) => `| ${name} | ${speed[name].medianUsPerReply} | ${speed[name].repliesPerSecond} |`).join('\n')}

| engine | ratio to bare readDoc (default pipe) | ratio to readDoc with the engine's pipe |
|---|---:|---:|
${Object.entries(ratios)
  .map(([name, r]) => `| ${name} | ${r.vsBareReadDoc} | ${r.vsSamePipeReadDoc} |`)
  .join('\n')}

Goal: at most 2× the bare readDoc cost — ${verdict(engineRatio <= 2)} (${engineRatio}× with the default rubric).
The engine reads each reply once with wink's \`sbd\`, \`negation\` and \`pos\` only (it uses no named
entities or document sentiment); the second ratio compares with that same pipe.

## Model load (fresh process, \`require\` to first score)

| what | median ms | samples ms |
|---|---:|---|
| engine (wink model + compiled rule lexicons) | ${load.engine.medianMs} | ${load.engine.samplesMs.join(', ')} |
| wink-nlp + model alone | ${load.wink.medianMs} | ${load.wink.samplesMs.join(', ')} |

Goal: under 500 ms — ${verdict(load.engine.medianMs < 500)}.

## Memory over ${MEMORY_REPLIES.toLocaleString('en')} replies per run (heap after a full GC)

wink-nlp keeps every token it has not seen before in its model cache, so texts with unique tokens grow
the heap whoever reads them. The first run gives every reply a unique reference number; the control
feeds bare \`readDoc\` as many unique tokens; the third run repeats the 200 replies. The engine itself
holds nothing per reply (its only cache is one compiled form per rubric object).

${Object.entries(memory)
  .map(([name, run]) => {
    const first = run.samples[1];
    const last = run.samples[run.samples.length - 1];
    const slope =
      Math.round(
        ((last.heapUsedMiB - first.heapUsedMiB) / (last.replies - first.replies)) * 1e5 * 10,
      ) / 10;
    return `### ${name} (${run.seconds} s; heap growth ${slope} MiB per 100,000 replies)\n\n| replies | heap used MiB | RSS MiB |\n|---:|---:|---:|\n${run.samples
      .map((m) => `| ${m.replies.toLocaleString('en')} | ${m.heapUsedMiB} | ${m.rssMiB} |`)
      .join(
        '\n',
      )}\n\nHeap from the first to the last checkpoint: ${first.heapUsedMiB} → ${last.heapUsedMiB} MiB; RSS ${first.rssMiB} → ${last.rssMiB} MiB.\n`;
  })
  .join('\n')}
`;
writeFileSync(path.join(__dirname, 'RESULTS.md'), md);
console.log(md);
