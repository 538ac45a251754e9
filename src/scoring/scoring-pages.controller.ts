import { Controller, Get, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Roles } from '../identity/access.decorators';
import { ScoringService } from './scoring.service';

/** The trainers' workbench: try replies against a rubric and see every rule that fired. */
@ApiExcludeController()
@Controller('scoring')
@Roles('trainer', 'admin')
export class ScoringPagesController {
  constructor(private readonly scoring: ScoringService) {}

  @Get()
  @Render('scoring/workbench')
  workbench(): object {
    const rubrics = this.scoring
      .listRubrics()
      .map((rubric) => ({ id: rubric.id, title: rubric.title, calibration: rubric.calibration }));
    return { title: 'Scoring workbench', rubrics };
  }
}
