import { Module, OnModuleInit } from '@nestjs/common';
import { addHomeLink } from '../identity/home-sections';
import { ScoringPagesController } from './scoring-pages.controller';
import { ScoringController } from './scoring.controller';
import { ScoringService } from './scoring.service';

@Module({
  controllers: [ScoringController, ScoringPagesController],
  providers: [ScoringService],
  exports: [ScoringService],
})
export class ScoringModule implements OnModuleInit {
  onModuleInit(): void {
    for (const role of ['trainer', 'admin'] as const)
      addHomeLink(role, {
        label: 'Scoring workbench',
        href: '/scoring',
        description: 'Try a reply against a rubric and see why it scored as it did',
      });
  }
}
