import { Injectable, Logger } from '@nestjs/common';
import { ActivityWithdrawals } from './activity-withdrawals';
import { ContentCatalogue } from '../content/content-kind';
import { ReferencedKind } from '../content/in-app-reference';
import { COURSES } from '../courses/course-content.kind';
import { QuestionBankService } from '../exams/question-bank.service';
import { ScenarioLibrary } from '../simulations/scenario-library.service';

export type ActivityKind = 'course' | ReferencedKind;

/** A reference from a programme or position to an exam or scenario of the app's editors. */
export interface InAppReference {
  kind: ReferencedKind;
  id: string;
  /** Where it is named, for the log: `programme "senior-agent"`. */
  namedBy: string;
}

/**
 * What trainees can work on, by id: courses from content/, exams and role-play scenarios from
 * content/ and from what trainers published in the app's editors (on any instance, as far as
 * this one has synced). Programmes, positions and reports name activities through it.
 */
@Injectable()
export class ActivityCatalogue {
  private readonly logger = new Logger(ActivityCatalogue.name);
  private readonly courses: Map<string, string>;

  constructor(
    catalogue: ContentCatalogue,
    private readonly banks: QuestionBankService,
    private readonly library: ScenarioLibrary,
    private readonly withdrawals: ActivityWithdrawals,
  ) {
    this.courses = new Map(catalogue.get(COURSES).map((course) => [course.id, course.title]));
  }

  /** The activity's title; its id when it is not (or no longer) published. */
  titleOf(kind: ActivityKind, id: string): string {
    switch (kind) {
      case 'course':
        return this.courses.get(id) ?? id;
      case 'exam':
        return this.banks.findExam(id)?.title ?? id;
      case 'scenario':
        return this.library.has(id) ? this.library.get(id).scenario.title : id;
    }
  }

  /** True when trainees can take it now (content, or published in an editor and not withdrawn). */
  isPublished(kind: ActivityKind, id: string): boolean {
    switch (kind) {
      case 'course':
        return this.courses.has(id);
      case 'exam':
        return this.banks.findExam(id) !== undefined && !this.withdrawals.isWithdrawn(kind, id);
      case 'scenario':
        return this.library.has(id) && !this.withdrawals.isWithdrawn(kind, id);
    }
  }

  /** True when trainers withdrew this exam or scenario of an editor from trainees. */
  isWithdrawn(kind: ReferencedKind, id: string): boolean {
    return this.withdrawals.isWithdrawn(kind, id);
  }

  /**
   * Tags of every published scenario, by id: content ones and those of the scenario editor (their
   * newest published version), withdrawn ones too (a pass made before still counts). A
   * programme's tag requirement counts passes of any of them.
   */
  scenarioTags(): Record<string, readonly string[]> {
    return Object.fromEntries(
      this.library.list().map((published) => [published.scenario.id, published.scenario.tags]),
    );
  }

  /**
   * Logs each reference to an exam or scenario of the editors that is not published (yet): the
   * content check cannot see the database, so a typo in such a reference shows here, at start-up,
   * and as "not published" beside the requirement. Returns those references.
   */
  async reportUnpublished(references: InAppReference[]): Promise<InAppReference[]> {
    if (references.length === 0) return [];
    await this.banks.syncAuthored();
    const missing = references.filter(
      (reference) => !this.isPublished(reference.kind, reference.id),
    );
    for (const reference of missing)
      this.logger.warn(
        `${reference.namedBy} names the ${reference.kind} "${reference.id}" as written in the app, and no such ${reference.kind} is published yet`,
      );
    return missing;
  }
}
