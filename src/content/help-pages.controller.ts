import { Controller, Get, NotFoundException, Param, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../config/app-config';
import { renderMarkdown } from '../courses/course-markdown';

/** The reference pages trainers write from, kept in docs/ so the repository shows the same text. */
const TOPICS: Record<string, string> = {
  'exam-format': 'exam-format.md',
  'scenario-format': 'scenario-format.md',
};

/** docs/ pages in the app, for the people who use the editors without the repository at hand. */
@ApiExcludeController()
@Controller('help')
export class HelpPagesController {
  private readonly pages = new Map<string, { title: string; html: string }>();

  @Get(':topic')
  @Render('help')
  page(@Param('topic') topic: string): object {
    const page = this.read(topic);
    return { title: page.title, html: page.html };
  }

  private read(topic: string): { title: string; html: string } {
    const known = this.pages.get(topic);
    if (known) return known;
    const file = TOPICS[topic];
    if (!file) throw new NotFoundException(`No help page "${topic}"`);
    const source = readFileSync(join(PROJECT_ROOT, 'docs', file), 'utf8');
    const title = /^# (.+)$/m.exec(source)?.[1].replace(/`/g, '') ?? topic;
    const page = { title, html: renderMarkdown(source) };
    this.pages.set(topic, page);
    return page;
  }
}
