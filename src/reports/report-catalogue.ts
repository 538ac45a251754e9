import { Injectable } from '@nestjs/common';
import { ActivityCatalogue } from '../activities/activity-catalogue';
import { PROGRAMMES } from '../certifications/programme-content.kind';
import { ContentCatalogue } from '../content/content-kind';
import { COURSES } from '../courses/course-content.kind';
import { POSITIONS } from '../rotations/position-content.kind';
import { SCENARIOS } from '../simulations/scenario-content.kind';

export type TitledKind = 'course' | 'exam' | 'scenario' | 'position' | 'programme';

/** What a programme filter narrows the reports to. */
export interface ProgrammeScope {
  id: string;
  title: string;
  courseIds: string[];
  examIds: string[];
  scenarioIds: string[];
}

/** Titles of authored content for the reports, and what each programme asks for. */
@Injectable()
export class ReportCatalogue {
  private readonly titles: Record<'position' | 'programme', Map<string, string>>;
  private readonly programmeScopes: Map<string, ProgrammeScope>;
  private readonly lessons: Map<string, number>;

  constructor(
    catalogue: ContentCatalogue,
    private readonly activities: ActivityCatalogue,
  ) {
    const scenarios = catalogue.get(SCENARIOS).map((loaded) => loaded.scenario);
    this.titles = {
      position: new Map(catalogue.get(POSITIONS).map((item) => [item.id, item.title])),
      programme: new Map(catalogue.get(PROGRAMMES).map((item) => [item.id, item.title])),
    };
    this.lessons = new Map(catalogue.get(COURSES).map((item) => [item.id, item.lessons.length]));
    this.programmeScopes = new Map(
      catalogue.get(PROGRAMMES).map((programme) => {
        // First award and renewal together: both are work towards the programme.
        const sets = [programme.requirements, programme.renewal];
        const simulations = sets.flatMap((set) => set.simulations);
        const scenarioIds = new Set<string>();
        for (const requirement of simulations) {
          if (requirement.scenario) scenarioIds.add(requirement.scenario);
          if (requirement.tag)
            for (const scenario of scenarios)
              if (scenario.tags.includes(requirement.tag)) scenarioIds.add(scenario.id);
        }
        return [
          programme.id,
          {
            id: programme.id,
            title: programme.title,
            courseIds: [...new Set(sets.flatMap((set) => set.courses))].sort(),
            examIds: [...new Set(sets.flatMap((set) => set.exams.map((exam) => exam.exam)))].sort(),
            scenarioIds: [...scenarioIds].sort(),
          },
        ];
      }),
    );
  }

  programme(id: string): ProgrammeScope | null {
    return this.programmeScopes.get(id) ?? null;
  }

  /** Lessons in the course's current version (0 when the course is gone). */
  lessonCount(courseId: string): number {
    return this.lessons.get(courseId) ?? 0;
  }

  programmes(): ProgrammeScope[] {
    return [...this.programmeScopes.values()].sort((a, b) => a.title.localeCompare(b.title));
  }

  /**
   * The authored title, from content/ or, for exams and scenarios, from what trainers wrote
   * in the app's editors; the id when neither has it any more.
   */
  titleOf(kind: TitledKind, id: string): string {
    if (kind === 'position' || kind === 'programme') return this.titles[kind].get(id) ?? id;
    return this.activities.titleOf(kind, id);
  }
}
