// Times the HR reports and the eligibility matrix on a workforce of 10,000 trainees with a
// year of records, over HTTP against the built service on SQLite. Run from the repository root:
//   npm run -s bench:reports          (builds, then runs this file)
// Seeds a fresh database in a temporary DATA_DIR through the built migrations and bulk inserts,
// starts `node dist/main.js` on it, and times each request RUNS times (median, min, max).
// Writes bench/reports/RESULTS.md and results.json. Knobs (env): PEOPLE, TEAMS, RUNS, PORT.
'use strict';
const { spawn } = require('node:child_process');
const { randomUUID } = require('node:crypto');
const { existsSync, mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..', '..');
const dist = path.join(root, 'dist');
if (!existsSync(path.join(dist, 'main.js'))) {
  console.error('run `npm run -s build` first (dist/main.js is missing)');
  process.exit(2);
}
require('reflect-metadata');
const { DataSource } = require('typeorm');
const { databaseOptions } = require(path.join(dist, 'database', 'database-options.js'));

const PEOPLE = Number(process.env.PEOPLE ?? 10_000);
const TEAMS = Number(process.env.TEAMS ?? 50);
const RUNS = Number(process.env.RUNS ?? 7);
const PORT = Number(process.env.PORT ?? 3917);
const NOW = new Date();
const DAY = 24 * 3600 * 1000;

// A deterministic generator, so every run seeds the same workforce.
let state = 20261126;
const random = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
const pick = (list) => list[Math.floor(random() * list.length)];
const daysAgo = (days) => new Date(NOW.getTime() - days * DAY);
const sqlTime = (date) => date.toISOString().replace('T', ' ').replace('Z', '');
const dayOf = (date) => date.toISOString().slice(0, 10);

const COURSES = [
  'service-principles',
  'communication-etiquette',
  'service-systems',
  'complaint-handling',
  'emotions-conflict',
  'security-privacy',
  'incidents-emergencies',
  'quality-performance',
];
const EXAMS = ['onboarding-final', 'complaint-handler', 'data-privacy-annual'];
const SCENARIOS = [
  'verify-before-account-change',
  'billing-dispute',
  'angry-caller-demands-manager',
  'repeat-complainant',
  'relative-requests-records',
  'vip-customer',
  'outage-during-incident',
  'technician-no-show',
];
const PROGRAMMES = [
  ['contact-centre-agent', 'Contact-centre agent', 24],
  ['complaint-handler', 'Complaint handler', 12],
  ['data-privacy-compliance', 'Data privacy and compliance', 12],
  ['senior-agent', 'Senior agent', 12],
];
const POSITIONS = [
  'front-line-agent',
  'complaints-desk',
  'vip-line',
  'back-office-verification',
  'quality-inspector',
  'team-leader',
];
const DIMENSIONS = ['politeness', 'empathy', 'keywords', 'compliance', 'structure', 'clarity'];
const IRI = 'https://agent-academy.org/xapi';
const VERB = (name) => `http://adlnet.gov/expapi/verbs/${name}`;

async function insert(runner, table, rows) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const per = Math.floor(30000 / columns.length);
  for (let start = 0; start < rows.length; start += per) {
    const chunk = rows.slice(start, start + per);
    const values = chunk.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ');
    await runner.query(
      `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${values}`,
      chunk.flatMap((row) => columns.map((c) => row[c])),
    );
  }
}

async function seed(dataDir) {
  const source = new DataSource({
    ...databaseOptions({ dataDir, sqlitePath: path.join(dataDir, 'academy.sqlite') }),
    logging: false,
  });
  await source.initialize(); // runs every migration, ours included
  const runner = source.createQueryRunner();
  await runner.query('PRAGMA foreign_keys = OFF'); // sessions point at scenario versions the app publishes at boot
  await runner.startTransaction();
  const counts = {};
  const add = async (table, rows) => {
    counts[table] = (counts[table] ?? 0) + rows.length;
    await insert(runner, table, rows);
  };
  const people = [];
  for (let i = 0; i < PEOPLE; i++) {
    people.push({
      id: randomUUID(),
      email: `agent${i}@bench.test`,
      display_name: `Agent ${String(i).padStart(5, '0')}`,
      employee_number: `B${i}`,
      team: `team-${String(i % TEAMS).padStart(2, '0')}`,
      cohort: `2026-${String((i % 12) + 1).padStart(2, '0')}`,
      roles: ',trainee,',
      managed_teams: '',
      password_hash: 'x',
      active: i % 50 === 0 ? 0 : 1,
      created_at: sqlTime(daysAgo(400)),
      last_login_at: null,
    });
  }
  await add('users', people);
  const hr = randomUUID();
  for (const person of people) {
    const enrolments = [];
    for (const course of COURSES.slice(0, 4 + Math.floor(random() * 5))) {
      const enrolled = daysAgo(30 + random() * 330);
      const status = pick(['completed', 'completed', 'in_progress', 'not_started']);
      enrolments.push({
        id: randomUUID(),
        user_id: person.id,
        course_id: course,
        status,
        enrolled_at: sqlTime(enrolled),
        assigned_by_id: hr,
        assigned_at: sqlTime(enrolled),
        due_date: dayOf(new Date(enrolled.getTime() + 30 * DAY)),
        started_at: status === 'not_started' ? null : sqlTime(enrolled),
        completed_at:
          status === 'completed' ? sqlTime(new Date(enrolled.getTime() + 20 * DAY)) : null,
        completed_version: status === 'completed' ? 1 : null,
        score: status === 'completed' ? 0.6 + random() * 0.4 : null,
        last_lesson_id: null,
      });
    }
    await add('enrolments', enrolments);
    // Most people rate the courses they completed (training satisfaction on the dashboard).
    const ratings = enrolments
      .filter((enrolment) => enrolment.status === 'completed' && random() < 0.6)
      .map((enrolment) => ({
        id: randomUUID(),
        user_id: person.id,
        course_id: enrolment.course_id,
        course_version: 1,
        rating: 1 + Math.floor(random() * 5),
        comment: random() < 0.3 ? 'Useful examples, a little long.' : null,
        created_at: enrolment.completed_at,
        updated_at: enrolment.completed_at,
      }));
    if (ratings.length > 0) await add('course_feedback', ratings);
    const attempts = [];
    const records = [];
    for (let n = 1; n <= 3; n++) {
      const exam = pick(EXAMS);
      const started = daysAgo(random() * 360);
      const percent = Math.round(40 + random() * 60);
      const id = randomUUID();
      attempts.push({
        id,
        exam_id: exam,
        exam_version: 'v1',
        user_id: person.id,
        attempt_number: n,
        seed: 's',
        status: 'finished',
        open_key: null,
        started_at: sqlTime(started),
        deadline_at: sqlTime(new Date(started.getTime() + 3600e3)),
        finished_at: sqlTime(new Date(started.getTime() + 1800e3)),
        finish_reason: 'submitted',
        pass_mark: 75,
        marks: percent,
        max_marks: 100,
        percent,
        pending: 0,
        passed: percent >= 75 ? 1 : 0,
      });
      records.push({
        id: randomUUID(),
        user_id: person.id,
        verb: VERB(percent >= 75 ? 'passed' : 'failed'),
        object_id: `${IRI}/activities/exam/${exam}`,
        object_type: 'http://adlnet.gov/expapi/activities/assessment',
        object_name: exam,
        registration: id,
        result: JSON.stringify({ score: { scaled: percent / 100 }, success: percent >= 75 }),
        context: null,
        occurred_at: sqlTime(started),
        stored_at: sqlTime(started),
      });
    }
    await add('exam_attempts', attempts);
    const sessions = [];
    const turns = [];
    for (let n = 0; n < 4; n++) {
      const scenario = SCENARIOS[(n + person.email.length) % SCENARIOS.length];
      const started = daysAgo(random() * 360);
      const mean = Math.round(45 + random() * 55);
      const id = randomUUID();
      sessions.push({
        id,
        user_id: person.id,
        scenario_id: scenario,
        scenario_version: 1,
        version_id: randomUUID(),
        attempt_number: n + 1,
        seed: 's',
        status: 'finished',
        open_key: null,
        turn_count: 2,
        score_sum: mean * 2,
        anger: 0,
        state: '{}',
        started_at: sqlTime(started),
        last_activity_at: sqlTime(started),
        finished_at: sqlTime(new Date(started.getTime() + 600e3)),
        outcome: mean >= 70 ? 'resolved' : 'lost',
        passed: mean >= 70 ? 1 : 0,
        mean_score: mean,
      });
      for (let turn = 0; turn < 2; turn++) {
        const dimensions = Object.fromEntries(
          DIMENSIONS.map((name) => [name, Math.round(40 + random() * 60)]),
        );
        turns.push({
          id: randomUUID(),
          session_id: id,
          turn_index: turn,
          step_id: `step-${turn}`,
          customer_line: 'Hello',
          reply: 'Good morning, how can I help you today?',
          report: JSON.stringify({
            rubricId: 'bench',
            overall: mean,
            passed: mean >= 70,
            dimensions,
            violations: [],
            evidence: [],
            concepts: [],
            tips: [],
          }),
          overall: mean,
          branch_index: 0,
          next_step_id: 'next',
          reaction: null,
          next_line: 'Thanks',
          jump: null,
          anger_before: 0,
          anger_after: 0,
          mood_before: 'calm',
          mood_after: 'calm',
          reasons: '[]',
          created_at: sqlTime(started),
        });
      }
      records.push({
        id: randomUUID(),
        user_id: person.id,
        verb: VERB(mean >= 70 ? 'passed' : 'completed'),
        object_id: `${IRI}/activities/simulation/${scenario}`,
        object_type: 'http://adlnet.gov/expapi/activities/simulation',
        object_name: scenario,
        registration: id,
        result: JSON.stringify({ score: { raw: mean } }),
        context: null,
        occurred_at: sqlTime(started),
        stored_at: sqlTime(started),
      });
    }
    await add('simulation_sessions', sessions);
    await add('simulation_turns', turns);
    await add('learning_records', records);
    const certificates = [];
    for (const [programme, title, months] of PROGRAMMES) {
      if (random() < 0.45) continue;
      const issued = daysAgo(random() * 30 * months * 1.3);
      const expires = new Date(issued.getTime() + months * 30 * DAY);
      const status = random() < 0.03 ? 'revoked' : expires < NOW ? 'expired' : 'active';
      certificates.push({
        id: randomUUID(),
        user_id: person.id,
        programme_id: programme,
        programme_version: 1,
        programme_title: title,
        cycle: 1,
        issued_at: sqlTime(issued),
        expires_at: sqlTime(expires),
        renewal_opens_at: sqlTime(new Date(expires.getTime() - 45 * DAY)),
        evidence: '{"requirements":[]}',
        status,
        status_changed_at: sqlTime(issued),
        revoked_reason: status === 'revoked' ? 'bench' : null,
        revoked_by: null,
        revoked_at: status === 'revoked' ? sqlTime(issued) : null,
        superseded_by: null,
        verification_token: randomUUID(),
        created_at: sqlTime(issued),
      });
    }
    await add('certificates', certificates);
    const first = pick(POSITIONS.slice(0, 3));
    const history = [];
    const moves = [];
    if (random() < 0.3) {
      const moved = daysAgo(random() * 300);
      const to = pick(POSITIONS);
      const move = randomUUID();
      history.push({
        id: randomUUID(),
        user_id: person.id,
        position_id: first,
        started_on: dayOf(daysAgo(380)),
        ended_on: dayOf(moved),
        reason: 'Hired',
        move_id: null,
        current_key: null,
        recorded_at: sqlTime(daysAgo(380)),
      });
      history.push({
        id: randomUUID(),
        user_id: person.id,
        position_id: to,
        started_on: dayOf(moved),
        ended_on: null,
        reason: 'Rotation move',
        move_id: move,
        current_key: 'current',
        recorded_at: sqlTime(moved),
      });
      moves.push({
        id: move,
        user_id: person.id,
        position_id: to,
        from_position_id: first,
        effective_on: dayOf(moved),
        note: null,
        status: 'applied',
        pending_key: null,
        proposed_by_id: hr,
        proposed_at: sqlTime(moved),
        decided_by_id: hr,
        decided_at: sqlTime(moved),
        decision_reason: null,
        override_reason: null,
        eligibility_at_decision: null,
        applied_at: sqlTime(moved),
        history_id: null,
        review_due_on: dayOf(new Date(moved.getTime() + 60 * DAY)),
      });
    } else {
      history.push({
        id: randomUUID(),
        user_id: person.id,
        position_id: first,
        started_on: dayOf(daysAgo(380)),
        ended_on: null,
        reason: 'Hired',
        move_id: null,
        current_key: 'current',
        recorded_at: sqlTime(daysAgo(380)),
      });
      if (random() < 0.05)
        moves.push({
          id: randomUUID(),
          user_id: person.id,
          position_id: pick(POSITIONS),
          from_position_id: first,
          effective_on: dayOf(new Date(NOW.getTime() + random() * 60 * DAY)),
          note: null,
          status: 'proposed',
          pending_key: 'pending',
          proposed_by_id: hr,
          proposed_at: sqlTime(NOW),
          decided_by_id: null,
          decided_at: null,
          decision_reason: null,
          override_reason: null,
          eligibility_at_decision: null,
          applied_at: null,
          history_id: null,
          review_due_on: null,
        });
    }
    await add('position_history', history);
    await add('rotation_moves', moves);
  }
  await runner.commitTransaction();
  await runner.query('ANALYZE');
  await runner.release();
  await source.destroy();
  return counts;
}

function startService(dataDir) {
  const child = spawn(process.execPath, [path.join(dist, 'main.js')], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      NODE_ENV: 'development',
      LOG_LEVEL: 'error',
      DEMO_ACCOUNTS: 'true',
      DEMO_ACTIVITY: 'false', // the bench seeds its own 10,000 trainees
      DEMO_PASSWORD: 'academy-demo',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('is running at')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`service exited with ${code}: ${output}`)));
  });
}

async function time(url, token) {
  const started = process.hrtime.bigint();
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const body = await response.text();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (response.status !== 200) throw new Error(`${url}: ${response.status} ${body.slice(0, 300)}`);
  return { ms, bytes: body.length };
}

async function main() {
  // KEEP_DATA_DIR=/some/dir keeps the seeded database there (for looking at query plans).
  const dataDir =
    process.env.KEEP_DATA_DIR ?? mkdtempSync(path.join(os.tmpdir(), 'academy-bench-reports-'));
  let child;
  try {
    const seedStart = Date.now();
    const counts = await seed(dataDir);
    const seedSeconds = (Date.now() - seedStart) / 1000;
    console.log(`seeded in ${seedSeconds.toFixed(1)} s:`, counts);
    child = await startService(dataDir);
    const base = `http://127.0.0.1:${PORT}`;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'hr@academy.local', password: 'academy-demo' }),
    });
    const { accessToken } = await login.json();
    const cases = [
      ['dashboard, all teams', '/api/reports/dashboard'],
      ['dashboard, one team', '/api/reports/dashboard?team=team-07'],
      ['eligibility matrix, all teams', '/api/rotations/eligibility'],
      ['eligibility matrix, one team', '/api/rotations/eligibility?team=team-07'],
      ['retraining, all teams', '/api/reports/retraining'],
      ['retraining, one team', '/api/reports/retraining?team=team-07'],
      [
        'CSV export, simulation-sessions (largest table exported)',
        '/api/reports/exports/simulation-sessions.csv',
      ],
      [
        'CSV export, exam-attempts, one team',
        '/api/reports/exports/exam-attempts.csv?team=team-07',
      ],
    ];
    const results = [];
    for (const [name, route] of cases) {
      await time(base + route, accessToken); // warm-up: caches and the query planner
      const samples = [];
      let bytes = 0;
      for (let i = 0; i < RUNS; i++) {
        const sample = await time(base + route, accessToken);
        samples.push(sample.ms);
        bytes = sample.bytes;
      }
      samples.sort((a, b) => a - b);
      const result = {
        name,
        route,
        medianMs: Math.round(samples[Math.floor(samples.length / 2)]),
        minMs: Math.round(samples[0]),
        maxMs: Math.round(samples[samples.length - 1]),
        bytes,
        underOneSecond: samples[Math.floor(samples.length / 2)] < 1000,
      };
      results.push(result);
      console.log(
        `${name}: median ${result.medianMs} ms (min ${result.minMs}, max ${result.maxMs}), ${bytes} bytes`,
      );
    }
    const machine = `${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, Node ${process.version}, ${os.platform()}`;
    const report = {
      date: NOW.toISOString(),
      machine,
      loadAverage: os.loadavg().map((value) => Number(value.toFixed(2))),
      people: PEOPLE,
      teams: TEAMS,
      runs: RUNS,
      seedSeconds,
      rows: counts,
      results,
    };
    writeFileSync(path.join(__dirname, 'results.json'), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(path.join(__dirname, 'RESULTS.md'), markdown(report));
  } finally {
    child?.kill();
    if (!process.env.KEEP_DATA_DIR) rmSync(dataDir, { recursive: true, force: true });
  }
}

function markdown(report) {
  const rows = report.results.map(
    (r) =>
      `| ${r.name} | \`${r.route}\` | ${r.medianMs} | ${r.minMs} | ${r.maxMs} | ${(r.bytes / 1024).toFixed(0)} KiB | ${r.underOneSecond ? 'yes' : '**no**'} |`,
  );
  return [
    '# Reports benchmark: results',
    '',
    `Run ${report.date.slice(0, 10)} on ${report.machine} (load average ${report.loadAverage.join(', ')} at the end: the machine was shared); SQLite; ${report.people.toLocaleString('en')} trainees in ${report.teams} teams; median of ${report.runs} runs after one warm-up, over HTTP (hr account, bearer token).`,
    '',
    '| request | route | median ms | min ms | max ms | size | < 1 s |',
    '| --- | --- | ---: | ---: | ---: | ---: | --- |',
    ...rows,
    '',
    `Seeded rows (${report.seedSeconds.toFixed(0)} s): ${Object.entries(report.rows)
      .map(([table, count]) => `${table} ${count.toLocaleString('en')}`)
      .join(', ')}.`,
    '',
  ].join('\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
