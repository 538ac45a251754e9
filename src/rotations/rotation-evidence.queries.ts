import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CertificateHoldings } from '../certifications/certificate-holdings';
import { rowsForIds } from '../database/chunks';
import { Role } from '../identity/role';
import { UsersService } from '../identity/users.service';
import {
  LearningRecordsService,
  LearningScoreRow,
} from '../learning-records/learning-records.service';
import { ACADEMY_IRI, ACTIVITY_TYPES, VERBS } from '../learning-records/xapi';
import { PersonEvidence } from './engine';
import { PositionCatalogue } from './position-catalogue.service';
import { PositionHistory } from './position-history.entity';
import { PersonSummary } from './rotation-views';

const EXAM_PREFIX = `${ACADEMY_IRI}/activities/exam/`;
const SIMULATION_PREFIX = `${ACADEMY_IRI}/activities/simulation/`;
// Who holds positions: trainees (agents) and supervisors (team leaders).
const POSITION_HOLDERS: readonly Role[] = ['trainee', 'supervisor'];

/**
 * Reads, in batches, what eligibility needs about many people: who they are (users), their
 * current position, exam and role-play results (learning records) and certificates (the
 * certifications port). A handful of queries whatever the number of people, never one per person.
 */
@Injectable()
export class RotationEvidenceQueries {
  constructor(
    @InjectRepository(PositionHistory) private readonly history: Repository<PositionHistory>,
    private readonly users: UsersService,
    private readonly records: LearningRecordsService,
    private readonly holdings: CertificateHoldings,
    private readonly positions: PositionCatalogue,
  ) {}

  /** Active people who hold positions (trainees and supervisors), optionally in some teams. */
  async people(filter: { teams?: readonly string[] } = {}): Promise<PersonSummary[]> {
    const people = await this.users.listPeople({ roles: POSITION_HOLDERS, teams: filter.teams });
    return people.map((person) => ({
      userId: person.id,
      displayName: person.displayName,
      email: person.email,
      team: person.team,
    }));
  }

  /** Every team anyone belongs to, sorted. */
  teams(): Promise<string[]> {
    return this.users.teams();
  }

  /** The evidence of each person, in the order given. */
  async evidenceFor(userIds: readonly string[]): Promise<PersonEvidence[]> {
    if (userIds.length === 0) return [];
    const evidence = new Map<string, PersonEvidence>(
      userIds.map((userId) => [
        userId,
        {
          userId,
          currentPosition: null,
          certificates: [],
          bestExamGrades: {},
          passedScenarios: [],
          simulations: { sessions: 0, meanScore: null },
        },
      ]),
    );
    const [current, verdicts, sessions, passed, holdings] = await Promise.all([
      this.currentRows(userIds),
      // Oldest first: a later verdict on the same attempt (a regrade) replaces the earlier one.
      this.records.scaledScoresOf({
        userIds,
        verbs: [VERBS.passed, VERBS.failed],
        objectType: ACTIVITY_TYPES.assessment,
      }),
      // Finished sessions ("completed") and their mean overall score (`score.raw`).
      this.records.scoreSummariesOf({
        userIds,
        verb: VERBS.completed,
        objectType: ACTIVITY_TYPES.simulation,
      }),
      this.records.activitiesWith({
        userIds,
        verb: VERBS.passed,
        objectType: ACTIVITY_TYPES.simulation,
      }),
      this.holdings.holdingsOf(userIds),
    ]);
    for (const row of current) {
      const person = evidence.get(row.user_id);
      if (person)
        person.currentPosition = {
          positionId: row.position_id,
          title: this.positions.titleOf(row.position_id),
          since: row.started_on,
        };
    }
    for (const holding of holdings)
      evidence.get(holding.userId)?.certificates.push({
        programmeId: holding.programmeId,
        status: holding.status,
        expiresAt: holding.expiresAt,
      });
    applyExamVerdicts(evidence, verdicts);
    for (const row of sessions) {
      const person = evidence.get(row.userId);
      if (person && row.count > 0)
        person.simulations = { sessions: row.count, meanScore: row.mean };
    }
    applyPassedScenarios(evidence, passed);
    return userIds.map((userId) => evidence.get(userId)!);
  }

  private async currentRows(
    userIds: readonly string[],
  ): Promise<{ user_id: string; position_id: string; started_on: string }[]> {
    const query = (ids: readonly string[] | null) => {
      const builder = this.history
        .createQueryBuilder('h')
        .select([
          'h.user_id AS user_id',
          'h.position_id AS position_id',
          'h.started_on AS started_on',
        ])
        .where('h.current_key = :current', { current: 'current' });
      if (ids) builder.andWhere('h.user_id IN (:...ids)', { ids });
      return builder.getRawMany<{ user_id: string; position_id: string; started_on: string }>();
    };
    return rowsForIds(userIds, (row) => row.user_id, query);
  }
}

/** Exams: the last verdict of each attempt (registration), then the best over attempts. */
function applyExamVerdicts(
  evidence: Map<string, PersonEvidence>,
  rows: readonly LearningScoreRow[],
): void {
  const grades = new Map<string, Map<string, number>>();
  for (const row of rows) {
    if (!row.objectId.startsWith(EXAM_PREFIX)) continue;
    const scaled = row.scaled;
    if (scaled === null) continue;
    const examId = decodeURIComponent(row.objectId.slice(EXAM_PREFIX.length));
    mapOf(grades, row.userId).set(`${examId}\n${row.registration ?? ''}`, scaled * 100);
  }
  for (const [userId, byAttempt] of grades) {
    const person = evidence.get(userId);
    if (!person) continue;
    for (const [examAndAttempt, grade] of byAttempt) {
      const examId = examAndAttempt.split('\n')[0];
      const best = person.bestExamGrades[examId];
      if (best === undefined || grade > best) person.bestExamGrades[examId] = grade;
    }
  }
}

function applyPassedScenarios(
  evidence: Map<string, PersonEvidence>,
  passed: readonly { userId: string; objectId: string }[],
): void {
  const scenarios = new Map<string, string[]>();
  for (const row of passed) {
    if (!row.objectId.startsWith(SIMULATION_PREFIX)) continue;
    const scenarioId = decodeURIComponent(row.objectId.slice(SIMULATION_PREFIX.length));
    const list = scenarios.get(row.userId);
    if (list) list.push(scenarioId);
    else scenarios.set(row.userId, [scenarioId]);
  }
  for (const [userId, list] of scenarios) {
    const person = evidence.get(userId);
    if (person) person.passedScenarios = list;
  }
}

function mapOf<T>(maps: Map<string, Map<string, T>>, userId: string): Map<string, T> {
  let map = maps.get(userId);
  if (!map) {
    map = new Map<string, T>();
    maps.set(userId, map);
  }
  return map;
}
