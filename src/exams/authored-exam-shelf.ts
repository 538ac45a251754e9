import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { MoreThanOrEqual, Not, IsNull, Repository } from 'typeorm';
import { parseYaml } from '../content/yaml-source';
import { PeriodicTask } from '../common/periodic-task';
import { AuthoredExam } from './authored-exam.entity';
import { ExamDefinition, parseExamDefinition } from './exam-definition';

/** How often the shelf looks for exams published by other instances (lists and pages). */
export const AUTHORED_EXAM_SYNC_MS = 15_000;

export interface PublishedExam {
  exam: ExamDefinition;
  version: number;
  publishedAt: Date;
}

/**
 * The published text of every exam trainers wrote, parsed once and kept in memory, so that
 * `QuestionBankService.exam()` stays a lookup. Several instances may share one PostgreSQL
 * database: an exam published on another one is picked up before every attempt start and every
 * AUTHORED_EXAM_SYNC_MS for the lists.
 */
@Injectable()
export class AuthoredExamShelf implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuthoredExamShelf.name);
  private readonly published = new Map<string, PublishedExam>();
  /** Publication time of the newest version registered so far. */
  private newestSeen = new Date(0);
  private syncing: Promise<number> | undefined;
  private readonly task = new PeriodicTask(
    'authored exam sync',
    AUTHORED_EXAM_SYNC_MS,
    () => this.sync(),
    this.logger,
  );

  constructor(@InjectRepository(AuthoredExam) private readonly rows: Repository<AuthoredExam>) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.sync();
    this.task.start({ runNow: false });
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  list(): PublishedExam[] {
    return [...this.published.values()];
  }

  get(examId: string): PublishedExam | undefined {
    return this.published.get(examId);
  }

  /**
   * Registers versions published since the newest one this instance knows (by any instance
   * sharing the database). Concurrent calls share one query. Returns how many were new.
   */
  sync(): Promise<number> {
    this.syncing ??= this.rows
      .find({
        where: { publishedAt: MoreThanOrEqual(this.newestSeen), publishedSource: Not(IsNull()) },
        order: { publishedAt: 'ASC' },
      })
      .then((rows) => rows.filter((row) => this.register(row)).length)
      .finally(() => {
        this.syncing = undefined;
      });
    return this.syncing;
  }

  /** Makes a newly published version the one new attempts draw from; true when it did. */
  register(row: AuthoredExam): boolean {
    if (!row.publishedSource || !row.publishedAt) return false;
    if (row.publishedAt > this.newestSeen) this.newestSeen = row.publishedAt;
    const known = this.published.get(row.id);
    if (known && known.version >= row.publishedVersion) return false;
    const exam = parsePublished(row.id, row.publishedSource);
    if (!exam) {
      // Published texts were valid when published; a later parser change must not stop the boot.
      this.logger.error(`authored exam "${row.id}" no longer parses; it is not offered`);
      return false;
    }
    this.published.set(row.id, {
      exam,
      version: row.publishedVersion,
      publishedAt: row.publishedAt,
    });
    return true;
  }
}

function parsePublished(id: string, text: string): ExamDefinition | null {
  const parsed = parseYaml(`${id}.yaml`, text);
  if (!parsed.ok) return null;
  const result = parseExamDefinition(parsed.source.data);
  return result.ok && result.exam.id === id ? result.exam : null;
}
