import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../identity/access.decorators';
import { ScoreRequestDto } from './dto/score-request.dto';
import { Rubric, ScoreReport } from './engine';
import { ScoringService } from './scoring.service';

@ApiTags('scoring')
@ApiBearerAuth()
@Controller('api/scoring')
@Roles('trainer', 'admin')
export class ScoringController {
  constructor(private readonly scoring: ScoringService) {}

  @Post('score')
  @HttpCode(200)
  @ApiOkResponse({
    description:
      'The score report: overall, dimensions (0–100 or null), violations, evidence with character spans, concepts, tips',
  })
  score(@Body() dto: ScoreRequestDto): ScoreReport {
    return this.scoring.score(dto);
  }

  @Get('rubrics')
  @ApiOkResponse({ description: 'Every rubric loaded from content/rubrics' })
  rubrics(): Rubric[] {
    return this.scoring.listRubrics();
  }

  @Get('rubrics/:rubricId')
  @ApiOkResponse({ description: 'One rubric with its calibration examples' })
  rubric(@Param('rubricId') rubricId: string): Rubric {
    return this.scoring.rubric(rubricId);
  }
}
