import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LearningRecordsService } from '../learning-records/learning-records.service';
import {
  ACADEMY_IRI,
  ACTIVITY_TYPES,
  EXTENSIONS,
  activityIri,
  isoDuration,
  VERBS,
} from '../learning-records/xapi';
import { DimensionMean, Scenario } from './engine';
import { SimulationSession } from './simulation-session.entity';

export const OUTCOME_EXTENSION = `${ACADEMY_IRI}/extensions/simulation-outcome`;

/**
 * The simulations' entries in the learning record (xAPI): "attempted" when a session starts;
 * "completed" and then "passed" or "failed" when it reaches an outcome. The session id is the
 * registration, the scenario version the revision.
 */
@Injectable()
export class SimulationRecords {
  constructor(private readonly records: LearningRecordsService) {}

  async attempted(
    manager: EntityManager,
    scenario: Scenario,
    session: SimulationSession,
  ): Promise<void> {
    await this.records.record(
      {
        userId: session.userId,
        verb: VERBS.attempted,
        object: this.activity(scenario),
        context: this.context(session),
        at: session.startedAt,
      },
      manager,
    );
  }

  async finished(
    manager: EntityManager,
    scenario: Scenario,
    session: SimulationSession,
    dimensions: readonly DimensionMean[],
  ): Promise<void> {
    const at = session.finishedAt ?? session.lastActivityAt;
    const result = {
      score: {
        scaled: Math.round((session.meanScore ?? 0) * 100) / 10000,
        raw: Math.round((session.meanScore ?? 0) * 100) / 100,
        min: 0,
        max: 100,
      },
      success: session.passed === true,
      completion: true,
      duration: isoDuration((at.getTime() - session.startedAt.getTime()) / 1000),
      extensions: {
        [OUTCOME_EXTENSION]: session.outcome,
        [EXTENSIONS.dimensionMeans]: Object.fromEntries(
          dimensions.map(({ dimension, mean }) => [dimension, Math.round(mean * 100) / 100]),
        ),
      },
    };
    for (const verb of [VERBS.completed, session.passed ? VERBS.passed : VERBS.failed]) {
      await this.records.record(
        {
          userId: session.userId,
          verb,
          object: this.activity(scenario),
          result,
          context: this.context(session),
          at,
        },
        manager,
      );
    }
  }

  private activity(scenario: Scenario): { id: string; type: string; name: string } {
    return {
      id: activityIri('simulation', scenario.id),
      type: ACTIVITY_TYPES.simulation,
      name: scenario.title,
    };
  }

  private context(session: SimulationSession): { registration: string; revision: string } {
    return { registration: session.id, revision: String(session.scenarioVersion) };
  }
}
