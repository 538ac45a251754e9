'use strict';
// Benchmark of one role-play turn through the HTTP API (auth + validation + scoring + dialogue
// engine + two writes in one transaction) on SQLite, measured with autocannon from this
// process against the built service (`node dist/main.js`) in a child process. In the same
// sitting, and interleaved round by round, it runs ../shared/tools/perf-floor (score+persist)
// so the result can be given as a ratio of that floor. See README.md for what is measured.
//
// Knobs (env): ROUNDS (2), DURATION (10 s), WARMUP (3 s), CONNECTIONS (50), RATE (200 turns/s),
// RATE_DURATION (20 s), TRAINEES (100), FLOOR (1; 0 skips perf-floor), OUT_DIR (this folder),
// APP_NODE_ARGS (extra node flags for the app, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const autocannon = require('autocannon');
const sqlite3 = require('sqlite3');

const ROOT = path.resolve(__dirname, '..', '..');
const FLOOR_SOURCE = path.resolve(ROOT, '..', 'shared', 'tools', 'perf-floor');
const knob = (name, fallback) => Number(process.env[name] ?? fallback);
const ROUNDS = knob('ROUNDS', 2);
const DURATION = knob('DURATION', 10);
const WARMUP = knob('WARMUP', 3);
const CONNECTIONS = knob('CONNECTIONS', 50);
const RATE = knob('RATE', 200);
const RATE_DURATION = knob('RATE_DURATION', 20);
const TRAINEES = knob('TRAINEES', 100);
const FLOOR = knob('FLOOR', 1) === 1;
const OUT_DIR = process.env.OUT_DIR || __dirname;
const PASSWORD = 'bench-password-0123';

// The perf-floor's 25-word reply, so both services score the same text.
const TEXT =
  'Thanks for your patience, Maria. I have refunded the delivery fee and your replacement ' +
  'order ships today; you will receive tracking details by email tonight.';

// A bench-only scenario: one step that loops on itself (the end needs a phrase no bench reply
// contains), so a session takes up to 1000 replies without ending.
const BENCH_SCENARIO = `id: bench-loop
version: 1
title: Bench loop
summary: A customer who keeps asking about a late order; for the turn benchmark only.
channel: chat
difficulty: easy
passMark: 50
persona:
  name: Maria Bench
  situation: Her order is late.
  wants: Her order.
  mood: anxious
  anger: 40
  account:
    - { label: Order, value: BN-1 }
maxTurns: 1000
start: ask
steps:
  - id: ask
    stage: middle
    customer: ["Where is my order?", "Any news on my order?"]
    rubric:
      id: bench-reply
      title: Resolve a late order
      stage: middle
      weights: { politeness: 20, empathy: 20, keywords: 30, compliance: 10, clarity: 20 }
      concepts:
        - id: fix
          label: Say what you have done
          phrases: ["(i have|i've) (refunded|sent|booked|arranged)", "ships today"]
        - id: timeframe
          label: Give a time
          phrases: ["(today|tonight|tomorrow)", "within * days"]
        - id: farewell-code
          label: A phrase no bench reply contains
          phrases: ["zebra crossing quartet"]
    modelAnswer: "I have refunded the fee and the order ships today."
    branches:
      - when: { found: [farewell-code] }
        next: done
      - when: { found: [fix], violations: false }
        next: ask
        anger: -5
        reaction: "Okay, thanks."
      - next: ask
        anger: 5
        reaction: "That does not help."
    calibration:
      - { text: "${TEXT}", branch: 1 }
  - id: done
    outcome: resolved
    customer: "Bye."
`;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (x, digits = 1) => (x == null ? null : +Number(x).toFixed(digits));

/** A count summed over every measured run of every round. */
function total(app, count) {
  return app.reduce(
    (sum, r) =>
      sum + [r.throughput, r.fixedRate, r.burstyRate].reduce((n, run) => n + count(run), 0),
    0,
  );
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function cpuSeconds(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function api(port, method, url, { bearer, body, type = 'application/json' } = {}) {
  const response = await fetch(`http://127.0.0.1:${port}${url}`, {
    method,
    headers: {
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      ...(body !== undefined ? { 'content-type': type } : {}),
    },
    body:
      body === undefined ? undefined : type === 'application/json' ? JSON.stringify(body) : body,
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${url}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** Starts the built service on a fresh DATA_DIR and CONTENT_DIR (content/ + the bench scenario). */
async function startApp(work) {
  const content = path.join(work, 'content');
  fs.cpSync(path.join(ROOT, 'content'), content, { recursive: true });
  fs.writeFileSync(path.join(content, 'scenarios', 'bench-loop.yaml'), BENCH_SCENARIO);
  const port = await freePort();
  const log = fs.openSync(path.join(work, 'app.log'), 'w');
  const started = Date.now();
  const nodeArgs = (process.env.APP_NODE_ARGS || '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, path.join(ROOT, 'dist', 'main.js')], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: path.join(work, 'data'),
      CONTENT_DIR: content,
      DATABASE_URL: '',
      AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-01',
      DEMO_ACCOUNTS: 'true',
      DEMO_PASSWORD: PASSWORD,
      SECURE_COOKIES: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', log, log],
  });
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    const ok = await fetch(`http://127.0.0.1:${port}/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return { child, port, startMs: Date.now() - started };
    await sleep(50);
  }
  throw new Error(`the app did not start:\n${fs.readFileSync(path.join(work, 'app.log'), 'utf8')}`);
}

async function stopApp(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Imports the trainees as admin, signs each in and starts one bench session for each. */
async function prepareSessions(port) {
  const admin = (
    await api(port, 'POST', '/api/auth/login', {
      body: { email: 'admin@academy.local', password: PASSWORD },
    })
  ).accessToken;
  const csv = ['email,name,employee_number,team'];
  for (let i = 0; i < TRAINEES; i++) csv.push(`bench${i}@academy.local,Bench ${i},B-${i},Bench`);
  const { created } = await api(port, 'POST', '/api/users/import', {
    bearer: admin,
    body: csv.join('\n'),
    type: 'text/csv',
  });
  const sessions = [];
  for (const person of created) {
    const { accessToken } = await api(port, 'POST', '/api/auth/login', {
      body: { email: person.email, password: person.temporaryPassword },
    });
    const session = await api(port, 'POST', '/api/simulations/bench-loop/sessions', {
      bearer: accessToken,
    });
    sessions.push({ id: session.id, bearer: accessToken, next: session.nextTurnIndex });
  }
  return sessions;
}

/** Re-reads each session's next turn index (a reply in flight when a run stopped may count). */
async function syncSessions(port, sessions) {
  for (const session of sessions) {
    const view = await api(port, 'GET', `/api/simulations/sessions/${session.id}`, {
      bearer: session.bearer,
    });
    session.next = view.nextTurnIndex;
  }
}

/**
 * One autocannon run. Each connection owns one session and sends its turns in order, so every
 * request is a distinct (session, turnIndex); responses that say `replayed` would be duplicates.
 */
async function drive(port, sessions, { connections, duration, rate, offset }) {
  let clients = 0;
  let replayed = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration,
    timeout: 10,
    ...(rate ? { overallRate: rate } : {}),
    setupClient(client) {
      const session = sessions[(offset + clients++) % sessions.length];
      client.setRequests([
        {
          method: 'POST',
          path: `/api/simulations/sessions/${session.id}/turns`,
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${session.bearer}`,
          },
          setupRequest: (request) => ({
            ...request,
            body: JSON.stringify({ turnIndex: session.next++, text: TEXT }),
          }),
          onResponse: (status, body) => {
            if (body.includes('"replayed":true')) replayed++;
          },
        },
      ]);
    },
  });
  return {
    connections,
    durationSec: duration,
    offeredRate: rate ?? null,
    requests: result.requests.total,
    reqPerSec: round(result.requests.average),
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: round(result.latency.mean, 2),
    },
    ok2xx: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    replayed,
  };
}

/**
 * The fixed offered load, paced: one autocannon instance per connection at RATE / CONNECTIONS
 * turns/s each, started 1000 / CONNECTIONS ms apart. autocannon's rate limit works in
 * one-second windows that start when its connections are created, so a single instance with
 * `overallRate` sends each second's share from every connection at once (a burst of 50
 * requests on the second); staggering the instances spreads the arrivals over the second, as
 * trainees replying on their own would. Latencies are every response's own time.
 */
async function drivePaced(port, sessions, { connections, duration, rate, offset }) {
  const latencies = [];
  let ok2xx = 0;
  let non2xx = 0;
  let replayed = 0;
  const runs = [];
  for (let i = 0; i < connections; i++) {
    const session = sessions[(offset + i) % sessions.length];
    const instance = autocannon({
      url: `http://127.0.0.1:${port}`,
      connections: 1,
      duration,
      timeout: 10,
      overallRate: rate / connections,
      requests: [
        {
          method: 'POST',
          path: `/api/simulations/sessions/${session.id}/turns`,
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${session.bearer}`,
          },
          setupRequest: (request) => ({
            ...request,
            body: JSON.stringify({ turnIndex: session.next++, text: TEXT }),
          }),
          onResponse: (status, body) => {
            if (body.includes('"replayed":true')) replayed++;
          },
        },
      ],
    });
    instance.on('response', (_client, status, _bytes, time) => {
      latencies.push(time);
      if (status >= 200 && status < 300) ok2xx++;
      else non2xx++;
    });
    runs.push(instance);
    await sleep(1000 / connections);
  }
  const results = await Promise.all(runs);
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return {
    connections,
    durationSec: duration,
    offeredRate: rate,
    paced: true,
    requests: latencies.length,
    reqPerSec: round(latencies.length / duration),
    latencyMs: {
      p50: round(at(0.5), 2),
      p90: round(at(0.9), 2),
      p99: round(at(0.99), 2),
      max: round(latencies[latencies.length - 1], 2),
    },
    ok2xx,
    non2xx,
    errors: results.reduce((sum, result) => sum + result.errors, 0),
    timeouts: results.reduce((sum, result) => sum + result.timeouts, 0),
    replayed,
  };
}

function query(file, sql) {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (error) => {
      if (error) return reject(error);
      db.get(sql, (failure, row) => {
        db.close();
        if (failure) reject(failure);
        else resolve(row);
      });
    });
  });
}

/** Turn rows after the app stopped, checked against the 2xx answers and the sessions' counts. */
async function countRows(work, runs) {
  const file = path.join(work, 'data', 'academy.sqlite');
  const rows = (await query(file, 'SELECT COUNT(*) AS n FROM simulation_turns')).n;
  const distinct = (
    await query(
      file,
      'SELECT COUNT(*) AS n FROM (SELECT DISTINCT session_id, turn_index FROM simulation_turns)',
    )
  ).n;
  const counted = (await query(file, 'SELECT SUM(turn_count) AS n FROM simulation_sessions')).n;
  const gaps = (
    await query(
      file,
      `SELECT COUNT(*) AS n FROM (SELECT session_id, COUNT(*) AS c, MAX(turn_index) AS m
         FROM simulation_turns GROUP BY session_id) WHERE c != m + 1`,
    )
  ).n;
  const ok2xx = runs.reduce((sum, run) => sum + run.ok2xx, 0);
  const inFlightAllowance = runs.reduce((sum, run) => sum + run.connections, 0);
  return {
    turnRows: rows,
    distinctTurns: distinct,
    sessionTurnCountSum: counted,
    sessionsWithGaps: gaps,
    ok2xxAllRuns: ok2xx,
    // Replies still in flight when autocannon stopped counting are stored but not counted.
    surplus: rows - ok2xx,
    surplusAllowance: inFlightAllowance,
    consistent:
      rows === distinct &&
      rows === counted &&
      gaps === 0 &&
      rows >= ok2xx &&
      rows - ok2xx <= inFlightAllowance,
  };
}

async function runApp(roundNo) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'academy-bench-'));
  const { child, port, startMs } = await startApp(work);
  try {
    const sessions = await prepareSessions(port);
    const runs = [];
    let offset = 0;
    const next = async (options, driver = drive) => {
      // Let the replies still in flight from the last run land before reading the indexes.
      await sleep(1000);
      await syncSessions(port, sessions);
      const cpu0 = cpuSeconds(child.pid);
      const run = await driver(port, sessions, { ...options, offset });
      run.serverCpuPct = round(((cpuSeconds(child.pid) - cpu0) / options.duration) * 100);
      offset += options.connections;
      runs.push(run);
      return run;
    };
    if (WARMUP > 0) await next({ connections: CONNECTIONS, duration: WARMUP });
    const throughput = await next({ connections: CONNECTIONS, duration: DURATION });
    const options = { connections: CONNECTIONS, duration: RATE_DURATION, rate: RATE };
    const fixedRate = await next(options, drivePaced);
    const burstyRate = await next(options);
    await stopApp(child);
    const rows = await countRows(work, runs);
    const line = `round ${roundNo} app: ${throughput.reqPerSec} turns/s at c=${CONNECTIONS} (p50 ${throughput.latencyMs.p50} ms, p99 ${throughput.latencyMs.p99} ms); at ${RATE}/s paced: p50 ${fixedRate.latencyMs.p50} ms, p99 ${fixedRate.latencyMs.p99} ms (one overallRate instance: p50 ${burstyRate.latencyMs.p50} ms, p99 ${burstyRate.latencyMs.p99} ms); rows ${rows.turnRows} vs 2xx ${rows.ok2xxAllRuns} (${rows.consistent ? 'consistent' : 'INCONSISTENT'})`;
    console.log(line);
    return {
      round: roundNo,
      startMs,
      throughput,
      fixedRate,
      burstyRate,
      warmup: WARMUP > 0 ? runs[0] : null,
      rows,
    };
  } finally {
    await stopApp(child);
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** perf-floor's own runner on a copy whose node_modules is this project's (same versions). */
function prepareFloor() {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-floor-copy-'));
  for (const item of ['src', 'tools', 'tsconfig.json', 'package.json', 'run.sh'])
    fs.cpSync(path.join(FLOOR_SOURCE, item), path.join(copy, item), { recursive: true });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  return copy;
}

function runFloor(copy, roundNo) {
  const out = path.join(copy, `out-${roundNo}`);
  const run = spawnSync('bash', ['run.sh'], {
    cwd: copy,
    env: {
      ...process.env,
      MODES: 'score+persist',
      CONNS: String(CONNECTIONS),
      ROUNDS: '1',
      DURATION: String(DURATION),
      WARMUP: String(WARMUP),
      OUT_DIR: out,
    },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`perf-floor failed:\n${run.stdout}\n${run.stderr}`);
  const summary = JSON.parse(fs.readFileSync(path.join(out, 'results.json'), 'utf8')).summary[0];
  const floor = {
    round: roundNo,
    reqPerSec: summary.reqPerSecMedian,
    p50Ms: summary.p50MsMedian,
    p99Ms: summary.p99MsMedian,
    non2xx: summary.non2xxTotal,
    errors: summary.errorsTotal,
  };
  console.log(
    `round ${roundNo} floor: ${floor.reqPerSec} req/s at c=${CONNECTIONS} (p50 ${floor.p50Ms} ms, p99 ${floor.p99Ms} ms)`,
  );
  return floor;
}

async function main() {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'main.js')))
    throw new Error('run `npm run build` first');
  const loadStart = os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
  console.log(
    `simulation-turns: ${ROUNDS} round(s), c=${CONNECTIONS} for ${DURATION} s, ${RATE}/s for ${RATE_DURATION} s, ${TRAINEES} sessions, floor ${FLOOR ? 'on' : 'off'}, loadavg ${loadStart}`,
  );
  const floorCopy = FLOOR ? prepareFloor() : null;
  const app = [];
  const floor = [];
  try {
    for (let r = 1; r <= ROUNDS; r++) {
      if (floorCopy) floor.push(runFloor(floorCopy, r));
      app.push(await runApp(r));
    }
  } finally {
    if (floorCopy) fs.rmSync(floorCopy, { recursive: true, force: true });
  }
  const appRps = median(app.map((r) => r.throughput.reqPerSec));
  const floorRps = floor.length ? median(floor.map((r) => r.reqPerSec)) : null;
  const summary = {
    appTurnsPerSec: round(appRps),
    appP50Ms: median(app.map((r) => r.throughput.latencyMs.p50)),
    appP99Ms: median(app.map((r) => r.throughput.latencyMs.p99)),
    floorReqPerSec: floorRps === null ? null : round(floorRps),
    floorP99Ms: floor.length ? median(floor.map((r) => r.p99Ms)) : null,
    ratioToFloor: floorRps ? round(appRps / floorRps, 3) : null,
    ratioPerRound: floor.length
      ? app.map((r, i) => round(r.throughput.reqPerSec / floor[i].reqPerSec, 3))
      : [],
    atFixedRate: {
      offered: RATE,
      achieved: median(app.map((r) => r.fixedRate.reqPerSec)),
      p50Ms: median(app.map((r) => r.fixedRate.latencyMs.p50)),
      p99Ms: median(app.map((r) => r.fixedRate.latencyMs.p99)),
      worstP99Ms: Math.max(...app.map((r) => r.fixedRate.latencyMs.p99)),
    },
    atFixedRateOneInstance: {
      offered: RATE,
      achieved: median(app.map((r) => r.burstyRate.reqPerSec)),
      p50Ms: median(app.map((r) => r.burstyRate.latencyMs.p50)),
      p99Ms: median(app.map((r) => r.burstyRate.latencyMs.p99)),
    },
    non2xx: total(app, (run) => run.non2xx),
    errors: total(app, (run) => run.errors + run.timeouts),
    replayed: total(app, (run) => run.replayed),
    rowsConsistent: app.every((r) => r.rows.consistent),
    goals: {},
  };
  summary.goals = {
    throughputAtLeast60PctOfFloor:
      summary.ratioToFloor === null ? null : summary.ratioToFloor >= 0.6,
    // Judged on the paced load; the one-instance figure is reported beside it.
    p99Under50MsAt200PerSec: summary.atFixedRate.p99Ms < 50,
  };
  const meta = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? null,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAvgAtStart: loadStart,
    loadAvgAtEnd: os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' '),
    rounds: ROUNDS,
    durationSec: DURATION,
    warmupSec: WARMUP,
    connections: CONNECTIONS,
    rate: RATE,
    rateDurationSec: RATE_DURATION,
    sessions: TRAINEES,
    payload: TEXT,
    autocannon: require('autocannon/package.json').version,
  };
  fs.mkdirSync(OUT_DIR, { recursive: true });
  fs.writeFileSync(
    path.join(OUT_DIR, 'results.json'),
    `${JSON.stringify({ meta, summary, app, floor }, null, 2)}\n`,
  );
  console.log(JSON.stringify(summary, null, 2));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
