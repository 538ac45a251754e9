import { Injectable } from '@nestjs/common';
import { ActivityCatalogue, InAppReference } from '../activities/activity-catalogue';
import { PROGRAMMES } from '../certifications/programme-content.kind';
import { ContentCatalogue } from '../content/content-kind';
import { PositionRequirements } from './engine';
import { PositionDefinition } from './position-definition';
import { POSITIONS } from './position-content.kind';
import { RotationError } from './rotation-error';
import { PositionView } from './rotation-views';

/** The positions from content/positions, with the titles of what they ask for resolved. */
@Injectable()
export class PositionCatalogue {
  private readonly positions: PositionDefinition[];
  private readonly programmeTitles: Map<string, string>;

  constructor(
    catalogue: ContentCatalogue,
    private readonly activities: ActivityCatalogue,
  ) {
    this.positions = [...catalogue.get(POSITIONS)].sort(
      (a, b) => a.order - b.order || a.title.localeCompare(b.title),
    );
    this.programmeTitles = new Map(catalogue.get(PROGRAMMES).map((item) => [item.id, item.title]));
  }

  list(): PositionDefinition[] {
    return this.positions;
  }

  get(id: string): PositionDefinition {
    const position = this.positions.find((item) => item.id === id);
    if (!position) throw RotationError.positionNotFound();
    return position;
  }

  find(id: string): PositionDefinition | undefined {
    return this.positions.find((item) => item.id === id);
  }

  titleOf(id: string): string {
    return this.find(id)?.title ?? id;
  }

  /**
   * What the position asks for, with titles. Built on each call (once per request, not per
   * person): exams and scenarios of the app's editors get their titles as published now.
   */
  requirementsOf(id: string): PositionRequirements {
    const position = this.get(id);
    const { requires } = position;
    return {
      positionId: position.id,
      title: position.title,
      certificates: requires.certificates.map((programmeId) => ({
        programmeId,
        title: this.programmeTitles.get(programmeId) ?? programmeId,
      })),
      exams: requires.exams.map((item) => ({
        examId: item.exam,
        // "Complaint handler certification" reads badly as "… exam": keep the exam's own title.
        title: this.activities.titleOf('exam', item.exam),
        minGrade: item.minGrade,
      })),
      scenariosPassed: requires.scenariosPassed.map((scenarioId) => ({
        scenarioId,
        title: this.activities.titleOf('scenario', scenarioId),
      })),
      simulationMean: requires.simulationMean,
      monthsInCurrentPosition: requires.monthsInCurrentPosition,
      expiringWithinDays: position.expiringWithinDays,
    };
  }

  /** References to exams and scenarios of the app's editors, for the start-up check. */
  inAppReferences(): InAppReference[] {
    return this.positions.flatMap((position) => {
      const namedBy = `position "${position.id}"`;
      return [
        ...position.requires.exams
          .filter((item) => item.writtenInApp)
          .map((item) => ({ kind: 'exam' as const, id: item.exam, namedBy })),
        ...position.requires.scenariosWrittenInApp.map((id) => ({
          kind: 'scenario' as const,
          id,
          namedBy,
        })),
      ];
    });
  }

  allRequirements(): PositionRequirements[] {
    return this.positions.map((position) => this.requirementsOf(position.id));
  }

  view(id: string): PositionView {
    const position = this.get(id);
    const requires = this.requirementsOf(id);
    return {
      id: position.id,
      title: position.title,
      summary: position.summary,
      order: position.order,
      reviewAfterDays: position.reviewAfterDays,
      expiringWithinDays: position.expiringWithinDays,
      requires: {
        certificates: requires.certificates,
        exams: requires.exams,
        scenariosPassed: requires.scenariosPassed,
        simulationMean: requires.simulationMean,
        monthsInCurrentPosition: requires.monthsInCurrentPosition,
      },
      requirementsText: requirementsText(requires),
    };
  }
}

/** What a position asks for, one plain line each (for pages and the API). */
export function requirementsText(requires: PositionRequirements): string[] {
  const lines = requires.certificates.map((item) => `${item.title} certificate`);
  for (const exam of requires.exams) lines.push(`${exam.title}: ${exam.minGrade} % or more`);
  for (const scenario of requires.scenariosPassed)
    lines.push(`role-play "${scenario.title}" passed`);
  if (requires.simulationMean)
    lines.push(
      `mean role-play score ${requires.simulationMean.minScore} or more over at least ${requires.simulationMean.minSessions} sessions`,
    );
  if (requires.monthsInCurrentPosition > 0)
    lines.push(`${requires.monthsInCurrentPosition} months in the current position`);
  return lines.length ? lines : ['nothing beyond being on the staff'];
}
