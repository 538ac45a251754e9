import { Injectable } from '@nestjs/common';
import { ActivityCatalogue, ActivityKind, InAppReference } from '../activities/activity-catalogue';
import { ContentCatalogue } from '../content/content-kind';
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
  /** Where to go to work on it (null for a supervisor’s sign-off, or when not published). */
  link: string | null;
  /**
   * False for an exam or scenario named as written in the app's editors that no one has
   * published yet: it cannot be met until it is.
   */
  available: boolean;
  /** True when trainers withdrew that exam or scenario: passes already made still count. */
  withdrawn: boolean;
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
  constructor(
    private readonly catalogue: ContentCatalogue,
    private readonly activities: ActivityCatalogue,
  ) {}

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

  /**
   * Tags of every published scenario, by id, content and editor alike (a tag requirement counts
   * passes of any scenario carrying the tag).
   */
  scenarioTags(): Record<string, readonly string[]> {
    return this.activities.scenarioTags();
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
    available: boolean;
    withdrawn: boolean;
  } {
    switch (outcome.kind) {
      case 'course':
        return this.activity('course', outcome.target, `/courses/${outcome.target}`);
      case 'exam':
        return this.activity('exam', outcome.target, `/exams/${outcome.target}`);
      case 'simulation':
        return outcome.key.startsWith('simulation:tag:')
          ? {
              title: `${outcome.needed} role-play scenario(s) tagged “${outcome.target}”`,
              link: `/simulations?tag=${encodeURIComponent(outcome.target)}`,
              available: true,
              withdrawn: false,
            }
          : this.activity('scenario', outcome.target, `/simulations/${outcome.target}`);
      case 'sign-off':
        return { title: outcome.target, link: null, available: true, withdrawn: false };
    }
  }

  /** References to exams and scenarios of the app's editors, for the start-up check. */
  inAppReferences(): InAppReference[] {
    return this.all().flatMap((programme) => {
      const namedBy = `programme "${programme.id}"`;
      const sets = [programme.requirements, programme.renewal];
      const exams = sets.flatMap((set) =>
        set.exams.filter((exam) => exam.writtenInApp).map((exam) => exam.exam),
      );
      const scenarios = sets.flatMap((set) =>
        set.simulations
          .filter((simulation) => simulation.writtenInApp)
          .flatMap((simulation) => simulation.scenario ?? []),
      );
      return [
        ...[...new Set(exams)].map((id) => ({ kind: 'exam' as const, id, namedBy })),
        ...[...new Set(scenarios)].map((id) => ({ kind: 'scenario' as const, id, namedBy })),
      ];
    });
  }

  private activity(
    kind: ActivityKind,
    id: string,
    link: string,
  ): { title: string; link: string | null; available: boolean; withdrawn: boolean } {
    const available = this.activities.isPublished(kind, id);
    const withdrawn = kind !== 'course' && this.activities.isWithdrawn(kind, id);
    return {
      title: this.activities.titleOf(kind, id),
      link: available ? link : null,
      available,
      withdrawn,
    };
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
}
