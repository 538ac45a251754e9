import { Injectable } from '@nestjs/common';
import { PROGRAMMES } from '../certifications/programme-content.kind';
import { ContentCatalogue } from '../content/content-kind';
import { EXAMS } from '../exams/exam-content.kind';
import { SCENARIOS } from '../simulations/scenario-content.kind';
import { PositionRequirements } from './engine';
import { PositionDefinition } from './position-definition';
import { POSITIONS } from './position-content.kind';
import { RotationError } from './rotation-error';
import { PositionView } from './rotation-views';

/** The positions from content/positions, with the titles of what they ask for resolved. */
@Injectable()
export class PositionCatalogue {
  private readonly positions: PositionDefinition[];
  private readonly requirements = new Map<string, PositionRequirements>();

  constructor(catalogue: ContentCatalogue) {
    this.positions = [...catalogue.get(POSITIONS)].sort(
      (a, b) => a.order - b.order || a.title.localeCompare(b.title),
    );
    const titles = {
      programmes: new Map(catalogue.get(PROGRAMMES).map((item) => [item.id, item.title])),
      exams: new Map(catalogue.get(EXAMS).map((item) => [item.id, item.title])),
      scenarios: new Map(
        catalogue.get(SCENARIOS).map((item) => [item.scenario.id, item.scenario.title]),
      ),
    };
    for (const position of this.positions) {
      const { requires } = position;
      this.requirements.set(position.id, {
        positionId: position.id,
        title: position.title,
        certificates: requires.certificates.map((programmeId) => ({
          programmeId,
          title: titles.programmes.get(programmeId) ?? programmeId,
        })),
        exams: requires.exams.map((item) => ({
          examId: item.exam,
          // "Complaint handler certification" reads badly as "… exam": keep the exam's own title.
          title: titles.exams.get(item.exam) ?? item.exam,
          minGrade: item.minGrade,
        })),
        scenariosPassed: requires.scenariosPassed.map((scenarioId) => ({
          scenarioId,
          title: titles.scenarios.get(scenarioId) ?? scenarioId,
        })),
        simulationMean: requires.simulationMean,
        monthsInCurrentPosition: requires.monthsInCurrentPosition,
        expiringWithinDays: position.expiringWithinDays,
      });
    }
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

  requirementsOf(id: string): PositionRequirements {
    const requirements = this.requirements.get(id);
    if (!requirements) throw RotationError.positionNotFound();
    return requirements;
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
