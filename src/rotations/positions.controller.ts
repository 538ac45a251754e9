import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { PositionCatalogue } from './position-catalogue.service';
import { PositionView } from './rotation-views';

@ApiTags('positions')
@ApiBearerAuth()
@Controller('api/positions')
export class PositionsController {
  constructor(private readonly positions: PositionCatalogue) {}

  @Get()
  @ApiOkResponse({
    description: 'Every position with what qualifies someone for it (content/positions)',
  })
  list(): PositionView[] {
    return this.positions.list().map((position) => this.positions.view(position.id));
  }

  @Get(':positionId')
  @ApiOkResponse({ description: 'One position and its requirements; 404 POSITION_NOT_FOUND' })
  get(@Param('positionId') positionId: string): PositionView {
    return this.positions.view(positionId);
  }
}
