import { Injectable } from '@nestjs/common';
import { PROGRAMMES } from '../certifications/programme-content.kind';
import { ContentCatalogue } from '../content/content-kind';
import { COURSES } from '../courses/course-content.kind';
import { EXAMS } from '../exams/exam-content.kind';
import { QuestionBankService } from '../exams/question-bank.service';
import { POSITIONS } from '../rotations/position-content.kind';
import { ScenarioLibrary } from '../simulations/scenario-library.service';
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
  private readonly titles: Record<TitledKind, Map<string, string>>;
  private readonly programmeScopes: Map<string, ProgrammeScope>;
  private readonly lessons: Map<string, number>;

  constructor(
    catalogue: ContentCatalogue,
    private readonly banks: QuestionBankService,
    private readonly library: ScenarioLibrary,
  ) {
    const scenarios = catalogue.get(SCENARIOS).map((loaded) => loaded.scenario);
    this.titles = {
      course: new Map(catalogue.get(COURSES).map((item) => [item.id, item.title])),
      exam: new Map(catalogue.get(EXAMS).map((item) => [item.id, item.title])),
      scenario: new Map(scenarios.map((item) => [item.id, item.title])),
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
    const title = this.titles[kind].get(id);
    if (title !== undefined) return title;
    if (kind === 'exam') return this.banks.findExam(id)?.title ?? id;
    if (kind === 'scenario' && this.library.has(id)) return this.library.get(id).scenario.title;
    return id;
  }
}
