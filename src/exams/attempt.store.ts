import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { runTransaction } from '../database/transactions';
import { AttemptStep, attemptTotals, NewStep, Outcome } from './engine';
import { ExamAttemptSlot } from './exam-attempt-slot.entity';
import { ExamAttemptStep } from './exam-attempt-step.entity';
import { ExamAttempt } from './exam-attempt.entity';
import { ExamError } from './exam-error';

/** An attempt with its slots and each slot's steps, oldest first. */
export interface LoadedAttempt {
  attempt: ExamAttempt;
  slots: ExamAttemptSlot[];
  steps: Map<number, AttemptStep[]>;
}

/**
 * The data mapper between the engine's attempts and the database (Moodle's
 * question_engine_data_mapper): loads an attempt whole, appends steps, keeps the copies of
 * state and totals in step with the log. Writes take the caller's transaction.
 */
@Injectable()
export class AttemptStore {
  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return runTransaction(this.dataSource, work);
  }

  async load(
    attemptId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<LoadedAttempt> {
    const attempt = await manager.findOne(ExamAttempt, { where: { id: attemptId } });
    if (!attempt) throw ExamError.attemptNotFound();
    const slots = await manager.find(ExamAttemptSlot, {
      where: { attemptId },
      order: { slot: 'ASC' },
    });
    const rows = await manager.find(ExamAttemptStep, {
      where: { attemptId },
      order: { slot: 'ASC', seq: 'ASC' },
    });
    const steps = new Map<number, AttemptStep[]>(slots.map((slot) => [slot.slot, []]));
    for (const row of rows) steps.get(row.slot)?.push(toStep(row));
    return { attempt, slots, steps };
  }

  /** Appends a step to a slot's log and copies its outcome onto the slot. */
  async append(
    manager: EntityManager,
    loaded: LoadedAttempt,
    slot: ExamAttemptSlot,
    step: NewStep,
  ): Promise<AttemptStep> {
    const log = loaded.steps.get(slot.slot) ?? [];
    const saved: AttemptStep = { ...step, seq: log.length };
    const row: ExamAttemptStep = {
      id: randomUUID(),
      attemptId: loaded.attempt.id,
      slot: slot.slot,
      questionVersion: slot.questionVersion,
      ...saved,
    };
    // insert(): one statement, and steps are never updated; the deep-partial type rejects JSON columns.
    await manager.insert(ExamAttemptStep, row as QueryDeepPartialEntity<ExamAttemptStep>);
    log.push(saved);
    loaded.steps.set(slot.slot, log);
    await this.setOutcome(manager, slot, step);
    return saved;
  }

  async setOutcome(manager: EntityManager, slot: ExamAttemptSlot, outcome: Outcome): Promise<void> {
    slot.state = outcome.state;
    slot.fraction = outcome.fraction;
    await manager.update(
      ExamAttemptSlot,
      { id: slot.id },
      { state: slot.state, fraction: slot.fraction },
    );
  }

  /** Recomputes the attempt's totals from its slots (marks = fraction × max mark, in the engine). */
  async updateTotals(manager: EntityManager, loaded: LoadedAttempt): Promise<void> {
    const totals = attemptTotals(loaded.slots, loaded.attempt.passMark);
    if (loaded.attempt.status !== 'finished') {
      // Marks only exist once the attempt is finished; a regrade may still change the maximum.
      loaded.attempt.maxMarks = totals.maxMarks;
      await manager.update(ExamAttempt, { id: loaded.attempt.id }, { maxMarks: totals.maxMarks });
      return;
    }
    Object.assign(loaded.attempt, {
      marks: totals.marks,
      maxMarks: totals.maxMarks,
      percent: totals.percent,
      pending: totals.pending,
      passed: totals.passed,
    });
    await manager.update(
      ExamAttempt,
      { id: loaded.attempt.id },
      {
        marks: totals.marks,
        maxMarks: totals.maxMarks,
        percent: totals.percent,
        pending: totals.pending,
        passed: totals.passed,
      },
    );
  }

  /**
   * Marks an attempt finished if it still is in progress; false when another request got there
   * first. The row lock taken by this UPDATE also serialises concurrent saves and submits.
   */
  async claimFinish(
    manager: EntityManager,
    attemptId: string,
    change: Pick<ExamAttempt, 'finishedAt' | 'finishReason'>,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(ExamAttempt)
      .set({ status: 'finished', openKey: null, ...change })
      .where('id = :id AND status = :status', { id: attemptId, status: 'in-progress' })
      .execute();
    return result.affected === 1;
  }

  /** Takes the attempt's row lock for a save; false when the attempt is no longer in progress. */
  async lockInProgress(manager: EntityManager, attemptId: string): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(ExamAttempt)
      .set({ status: 'in-progress' })
      .where('id = :id AND status = :status', { id: attemptId, status: 'in-progress' })
      .execute();
    return result.affected === 1;
  }
}

function toStep(row: ExamAttemptStep): AttemptStep {
  return {
    seq: row.seq,
    action: row.action,
    at: row.at,
    actorId: row.actorId,
    response: row.response,
    state: row.state,
    fraction: row.fraction,
    score: row.score,
    comment: row.comment,
  };
}
