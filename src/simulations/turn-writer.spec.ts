import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SimulationRecords } from './simulation-records';
import { SimulationSession } from './simulation-session.entity';
import { SimulationTurn } from './simulation-turn.entity';
import { TurnWriter } from './turn-writer';

describe('TurnWriter on SQLite (one batch, one statement per kind)', () => {
  let dataSource: DataSource;
  let writer: TurnWriter;
  const now = new Date('2026-11-23T10:00:00.000Z');

  const session = (id: string): SimulationSession => ({
    id,
    userId: 'user',
    scenarioId: `scenario-${id}`,
    scenarioVersion: 1,
    versionId: 'version',
    attemptNumber: 1,
    seed: 'seed',
    status: 'active',
    openKey: 'open',
    turnCount: 0,
    scoreSum: 0,
    anger: 10,
    state: { stepId: 'ask' } as unknown as SimulationSession['state'],
    startedAt: now,
    lastActivityAt: now,
    finishedAt: null,
    outcome: null,
    passed: null,
    meanScore: null,
  });
  const turn = (sessionId: string, turnIndex: number): SimulationTurn =>
    ({
      id: randomUUID(),
      sessionId,
      turnIndex,
      stepId: 'ask',
      customerLine: 'Where is my order?',
      reply: 'It ships today.',
      report: { overall: 70 },
      overall: 70,
      branchIndex: 0,
      nextStepId: 'ask',
      reaction: null,
      nextLine: 'Thanks.',
      trigger: null,
      angerBefore: 10,
      angerAfter: 5,
      moodBefore: 'annoyed',
      moodAfter: 'calm',
      reasons: [],
      createdAt: now,
    }) as unknown as SimulationTurn;
  const change = (turnCount: number): Partial<SimulationSession> => ({
    turnCount,
    scoreSum: 70,
    anger: 5,
    state: { stepId: 'ask', n: turnCount } as unknown as SimulationSession['state'],
    lastActivityAt: new Date(now.getTime() + 1000),
  });

  beforeAll(async () => {
    dataSource = new DataSource({
      type: 'sqlite',
      database: ':memory:',
      entities: [SimulationSession, SimulationTurn],
      synchronize: true,
    });
    await dataSource.initialize();
    await dataSource.query(
      'CREATE UNIQUE INDEX uq_turn ON simulation_turns (session_id, turn_index)',
    );
    writer = new TurnWriter(dataSource, {
      finished: async () => undefined,
    } as unknown as SimulationRecords);
  });
  afterAll(async () => {
    await writer.beforeApplicationShutdown();
    await dataSource.destroy();
  });

  it('should store, report duplicates and stale sessions per reply, all in one batch', async () => {
    const repo = dataSource.getRepository(SimulationSession);
    for (const id of ['a', 'b', 'c', 'd']) await repo.insert(session(id));
    await dataSource.getRepository(SimulationTurn).insert(turn('d', 0));

    const results = await Promise.all([
      writer.write({ turn: turn('a', 0), expectedCount: 0, change: change(1), finished: null }),
      writer.write({ turn: turn('b', 0), expectedCount: 0, change: change(1), finished: null }),
      writer.write({ turn: turn('c', 0), expectedCount: 3, change: change(4), finished: null }),
      writer.write({ turn: turn('d', 0), expectedCount: 0, change: change(1), finished: null }),
    ]);

    expect(results).toEqual(['stored', 'stored', 'stale', 'duplicate']);
    const sessions = await repo.find({ order: { id: 'ASC' } });
    expect(sessions.map((s) => [s.id, s.turnCount])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 0],
      ['d', 0],
    ]);
    expect(sessions[0].state).toEqual({ stepId: 'ask', n: 1 });
    expect(sessions[0].lastActivityAt.getTime()).toBe(now.getTime() + 1000);
    const turns = await dataSource.getRepository(SimulationTurn).find();
    expect(turns.map((t) => t.sessionId).sort()).toEqual(['a', 'b', 'd']);
    const stored = turns.find((t) => t.sessionId === 'a');
    expect(stored?.report).toEqual({ overall: 70 });
    expect(stored?.createdAt.getTime()).toBe(now.getTime());
  });

  it('should write two replies of one session in the same batch in order', async () => {
    await dataSource.getRepository(SimulationSession).insert(session('e'));
    const results = await Promise.all([
      writer.write({ turn: turn('e', 0), expectedCount: 0, change: change(1), finished: null }),
      writer.write({ turn: turn('e', 0), expectedCount: 0, change: change(1), finished: null }),
      writer.write({ turn: turn('f', 0), expectedCount: 0, change: change(1), finished: null }),
    ]);
    expect(results).toEqual(['stored', 'duplicate', 'stale']);
  });
});
