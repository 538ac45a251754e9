import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentViewer, Viewer } from '../identity/viewer';
import { LearningRecordsQueryDto, StatementResultView } from './dto/learning-records-query.dto';
import { LearningRecordsService } from './learning-records.service';

@ApiTags('learning records')
@ApiBearerAuth()
@Controller('api/learning-records')
export class LearningRecordsController {
  constructor(private readonly records: LearningRecordsService) {}

  @Get()
  @ApiOperation({
    summary: 'A person’s learning events as xAPI statements',
    description:
      'Trainees read their own; trainer, supervisor, hr and admin read anyone’s. Another person’s id answers 404 to a trainee.',
  })
  @ApiOkResponse({ type: StatementResultView })
  async list(
    @CurrentViewer() viewer: Viewer,
    @Query() query: LearningRecordsQueryDto,
  ): Promise<StatementResultView> {
    const { total, statements } = await this.records.statementsFor(viewer, query);
    const limit = query.limit ?? 100;
    const offset = query.offset ?? 0;
    const more =
      offset + statements.length < total ? nextPageUrl(query, offset + limit, limit) : '';
    return { statements, total, more };
  }
}

function nextPageUrl(query: LearningRecordsQueryDto, offset: number, limit: number): string {
  const params = new URLSearchParams();
  if (query.userId) params.set('userId', query.userId);
  if (query.verb) params.set('verb', query.verb);
  if (query.registration) params.set('registration', query.registration);
  if (query.since) params.set('since', query.since.toISOString());
  if (query.until) params.set('until', query.until.toISOString());
  params.set('limit', String(limit));
  params.set('offset', String(offset));
  return `/api/learning-records?${params.toString()}`;
}
