import { Injectable } from '@nestjs/common';
import { FieldError } from '../common/domain-error';
import { errorsByPath } from '../common/validation';
import { Viewer } from '../identity/viewer';
import { MoveListQueryDto } from './dto/rotation-requests.dto';
import { PositionCatalogue } from './position-catalogue.service';
import { RotationEvidenceQueries } from './rotation-evidence.queries';
import { MOVE_STATUSES } from './rotation-move.entity';
import { planPageModel } from './rotation-pages.mapper';
import { RotationPlanService } from './rotation-plan.service';

export interface PlanPageExtras {
  notice?: string;
  form?: Record<string, string | undefined>;
  error?: string;
  errors?: FieldError[];
}

/** Builds the rotation plan page: the moves, the propose form's options, any refusal. */
@Injectable()
export class RotationPlanPageModel {
  constructor(
    private readonly plan: RotationPlanService,
    private readonly positions: PositionCatalogue,
    private readonly evidence: RotationEvidenceQueries,
  ) {}

  async build(viewer: Viewer, query: MoveListQueryDto, extra: PlanPageExtras): Promise<object> {
    const [moves, people] = await Promise.all([
      this.plan.list(viewer, query),
      this.evidence.people(),
    ]);
    return planPageModel(moves, {
      people,
      positions: this.positions.list(),
      query,
      statuses: MOVE_STATUSES,
      notice: extra.notice,
      form: extra.form ?? {},
      error: extra.error,
      errors: errorsByPath(extra.errors),
      // A refused approval lists why the person is not eligible.
      reasons: extra.errors?.find((item) => item.path === 'eligibility')?.messages ?? [],
    });
  }
}
