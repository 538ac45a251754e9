import { Inject, Injectable } from '@nestjs/common';
import { ContentCatalogue } from '../content/content-kind';
import { formatPath } from '../content/content-issue';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DEFAULT_RUBRIC, parseRubric, Rubric, ScoreReport, Stage } from './engine';
import { RUBRICS } from './rubric-content.kind';
import { assertScorableLength, ScoringError, ScoringErrorCode } from './scoring-error';
import { sharedEngine } from './shared-engine';

export interface ScoreRequest {
  text: string;
  rubricId?: string;
  rubric?: unknown;
  stage?: Stage;
  customerLine?: string;
}

/** The Nest face of the scoring engine: resolves rubrics from content/ and enforces the length limit. */
@Injectable()
export class ScoringService {
  private readonly rubrics: Map<string, Rubric>;

  constructor(
    catalogue: ContentCatalogue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.rubrics = new Map(catalogue.get(RUBRICS).map((rubric) => [rubric.id, rubric]));
  }

  listRubrics(): Rubric[] {
    return [...this.rubrics.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  rubric(id: string): Rubric {
    const rubric = this.rubrics.get(id) ?? (id === DEFAULT_RUBRIC.id ? DEFAULT_RUBRIC : undefined);
    if (!rubric)
      throw new ScoringError(ScoringErrorCode.RubricNotFound, `No rubric "${id}"`, [
        { path: 'rubricId', messages: [`no rubric "${id}"`] },
      ]);
    return rubric;
  }

  /** Validates an inline rubric (the scenario editor and the API accept them); paths are prefixed with `rubric`. */
  parseInlineRubric(raw: unknown, prefix = 'rubric'): Rubric {
    const result = parseRubric(raw);
    if (!result.ok) {
      throw new ScoringError(
        ScoringErrorCode.InvalidRubric,
        'The rubric is not valid',
        result.issues.map((issue) => ({
          path: `${prefix}${formatPath(issue.path).replace(/^(?!\[)/, '.')}`,
          messages: [issue.reason],
        })),
      );
    }
    return result.rubric;
  }

  score(request: ScoreRequest): ScoreReport {
    assertScorableLength(request.text, this.config.scoringMaxChars);
    if (request.rubric !== undefined && request.rubricId !== undefined) {
      throw new ScoringError(
        ScoringErrorCode.AmbiguousRubric,
        'Send rubric or rubricId, not both',
        [{ path: 'rubric', messages: ['send rubric or rubricId, not both'] }],
      );
    }
    const rubric =
      request.rubric !== undefined
        ? this.parseInlineRubric(request.rubric)
        : this.rubric(request.rubricId ?? DEFAULT_RUBRIC.id);
    return sharedEngine().score({
      text: request.text,
      rubric,
      stage: request.stage,
      customerLine: request.customerLine,
    });
  }
}
