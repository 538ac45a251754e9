import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ContentCatalogue } from './content-kind';
import { CONTENT_KINDS } from './content-kinds';
import { HelpPagesController } from './help-pages.controller';
import { loadContent } from './load-content';

/** Loads content/ once at boot; a broken file throws a ContentError and the service does not start. */
@Global()
@Module({
  controllers: [HelpPagesController],
  providers: [
    {
      provide: ContentCatalogue,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): ContentCatalogue =>
        loadContent(config.contentDir, CONTENT_KINDS),
    },
  ],
  exports: [ContentCatalogue],
})
export class ContentModule {}
