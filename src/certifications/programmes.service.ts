import { Injectable } from '@nestjs/common';
import { ContentCatalogue } from '../content/content-kind';
import { COURSES } from '../courses/course-content.kind';
import { EXAMS } from '../exams/exam-content.kind';
import { SCENARIOS } from '../simulations/scenario-content.kind';
import { CertificationError, CertificationErrorCode } from './certification-error';
import { Programme, RequirementOutcome, RequirementSet } from './engine';
import { PROGRAMMES } from './programme-content.kind';

export interface RequirementView {
  key: string;
  kind: string;
  target: string;
  /** What the requirement names, in words: “Complaint handling”, “2 scenarios tagged complaint”. */
  title: string;
  detail: string;
  /** Where to go to work on it (null for a supervisor’s sign-off). */
  link: string | null;
}

export interface RequirementSetView {
  requirements: RequirementView[];
  signOff: { title: string; checklist: { id: string; text: string }[] } | null;
}

export interface ProgrammeView {
  id: string;
  version: number;
  title: string;
  description: string;
  validityMonths: number;
  renewalWindowDays: number;
  requirements: RequirementSetView;
  renewal: RequirementSetView;
}

/** The programmes loaded from content/programmes, with the names and links of what they ask for. */
@Injectable()
export class ProgrammesService {
  constructor(private readonly catalogue: ContentCatalogue) {}

  all(): Programme[] {
    return this.catalogue.get(PROGRAMMES);
  }

  get(id: string): Programme {
    const programme = this.all().find((candidate) => candidate.id === id);
    if (!programme)
      throw new CertificationError(
        CertificationErrorCode.ProgrammeNotFound,
        `No programme "${id}"`,
      );
    return programme;
  }

  /** Tags of every scenario, by scenario id (tag requirements count scenarios carrying a tag). */
  scenarioTags(): Record<string, string[]> {
    return Object.fromEntries(
      this.catalogue.get(SCENARIOS).map((loaded) => [loaded.scenario.id, loaded.scenario.tags]),
    );
  }

  view(programme: Programme): ProgrammeView {
    return {
      id: programme.id,
      version: programme.version,
      title: programme.title,
      description: programme.description,
      validityMonths: programme.validityMonths,
      renewalWindowDays: programme.renewalWindowDays,
      requirements: this.setView(programme.requirements),
      renewal: this.setView(programme.renewal),
    };
  }

  /** Title, detail and link of one requirement outcome of the evaluator. */
  describe(outcome: Pick<RequirementOutcome, 'key' | 'kind' | 'target' | 'needed'>): {
    title: string;
    link: string | null;
  } {
    switch (outcome.kind) {
      case 'course':
        return { title: this.courseTitle(outcome.target), link: `/courses/${outcome.target}` };
      case 'exam':
        return { title: this.examTitle(outcome.target), link: `/exams/${outcome.target}` };
      case 'simulation':
        return outcome.key.startsWith('simulation:tag:')
          ? {
              title: `${outcome.needed} role-play scenario(s) tagged “${outcome.target}”`,
              link: `/simulations?tag=${encodeURIComponent(outcome.target)}`,
            }
          : {
              title: this.scenarioTitle(outcome.target),
              link: `/simulations/${outcome.target}`,
            };
      case 'sign-off':
        return { title: outcome.target, link: null };
    }
  }

  private setView(set: RequirementSet): RequirementSetView {
    const requirements: RequirementView[] = [
      ...set.courses.map((course) => ({
        key: `course:${course}`,
        kind: 'course',
        target: course,
        ...this.describe({ key: `course:${course}`, kind: 'course', target: course, needed: 1 }),
        detail: 'completed',
      })),
      ...set.exams.map((exam) => ({
        key: `exam:${exam.exam}`,
        kind: 'exam',
        target: exam.exam,
        ...this.describe({ key: `exam:${exam.exam}`, kind: 'exam', target: exam.exam, needed: 1 }),
        detail:
          exam.minimumGrade === null ? 'passed' : `passed with at least ${exam.minimumGrade} %`,
      })),
      ...set.simulations.map((simulation) => {
        const key =
          simulation.scenario !== null
            ? `simulation:${simulation.scenario}`
            : `simulation:tag:${simulation.tag}`;
        const target = simulation.scenario ?? simulation.tag ?? '';
        const minimums = [
          ...(simulation.minimumScore !== null ? [`overall ${simulation.minimumScore}`] : []),
          ...Object.entries(simulation.minimumScores).map(([d, v]) => `${d} ${v}`),
        ];
        return {
          key,
          kind: 'simulation',
          target,
          ...this.describe({ key, kind: 'simulation', target, needed: simulation.count }),
          detail: `passed${minimums.length ? ` with at least ${minimums.join(', ')}` : ''}`,
        };
      }),
    ];
    return { requirements, signOff: set.signOff };
  }

  private courseTitle(id: string): string {
    return this.catalogue.get(COURSES).find((course) => course.id === id)?.title ?? id;
  }

  private examTitle(id: string): string {
    return this.catalogue.get(EXAMS).find((exam) => exam.id === id)?.title ?? id;
  }

  private scenarioTitle(id: string): string {
    return (
      this.catalogue.get(SCENARIOS).find((loaded) => loaded.scenario.id === id)?.scenario.title ??
      id
    );
  }
}
