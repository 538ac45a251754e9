import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, Repository, SelectQueryBuilder } from 'typeorm';
import { Clock, CLOCK } from '../common/clock';
import { insertOrUpdate } from '../database/save-once';
import { runTransaction } from '../database/transactions';
import { AuditService } from '../identity/audit.service';
import { scopeTeams } from '../identity/team-scope';
import { Viewer } from '../identity/viewer';
import { CourseCatalogueService } from './course-catalogue.service';
import { CourseError, CourseErrorCode } from './course-error';
import { CourseFeedback } from './course-feedback.entity';
import {
  CommentHiddenView,
  CourseFeedbackSummaryView,
  CourseSatisfactionView,
  FeedbackCommentView,
  GiveCourseFeedbackDto,
  MyCourseFeedbackView,
} from './dto/course-feedback.dto';
import { EnrolmentsService } from './enrolments.service';
import { countRating, FEEDBACK_MIN_RESPONSES, satisfactionOf } from './engine/satisfaction';

const COMMENTS_SHOWN = 100;

/** Who may hide a comment: those who run the training, not the supervisors who read it. */
export const FEEDBACK_MODERATORS = ['trainer', 'hr', 'admin'] as const;

/**
 * Training satisfaction: people rate the courses they completed (1–5, with a comment), and staff
 * read the totals and the unsigned comments for the teams they look after. No view for staff
 * carries a person's id or name.
 */
@Injectable()
export class CourseFeedbackService {
  constructor(
    @InjectRepository(CourseFeedback) private readonly feedback: Repository<CourseFeedback>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalogue: CourseCatalogueService,
    private readonly audit: AuditService,
    private readonly enrolments: EnrolmentsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Saves (or replaces) the viewer's feedback on a course they completed. */
  async give(
    viewer: Viewer,
    courseId: string,
    input: GiveCourseFeedbackDto,
  ): Promise<MyCourseFeedbackView> {
    this.catalogue.course(courseId);
    const enrolment = await this.enrolments.find(viewer.id, courseId);
    if (enrolment?.status !== 'completed' || enrolment.completedVersion === null)
      throw new CourseError(
        CourseErrorCode.NotCompleted,
        'You can say what you thought of this course once you have completed it',
      );
    const now = this.clock.now();
    const answer = {
      rating: input.rating,
      comment: input.comment?.trim() || null,
      courseVersion: enrolment.completedVersion,
      updatedAt: now,
    };
    const saved = await insertOrUpdate(
      this.feedback,
      { userId: viewer.id, courseId },
      { id: randomUUID(), userId: viewer.id, courseId, createdAt: now, ...answer, ...NOT_HIDDEN },
      // A comment staff hid shows again once its writer changes it.
      (existing) => (existing.comment === answer.comment ? answer : { ...answer, ...NOT_HIDDEN }),
    );
    return mine(saved);
  }

  /** The viewer's own feedback on a course, or null. */
  async mine(viewer: Viewer, courseId: string): Promise<MyCourseFeedbackView | null> {
    this.catalogue.course(courseId);
    const row = await this.feedback.findOneBy({ userId: viewer.id, courseId });
    return row ? mine(row) : null;
  }

  async withdraw(viewer: Viewer, courseId: string): Promise<void> {
    this.catalogue.course(courseId);
    const result = await this.feedback.delete({ userId: viewer.id, courseId });
    if (!result.affected) throw CourseError.feedbackNotFound();
  }

  /** Every course with its satisfaction among the people the viewer may see (or one team). */
  async overview(viewer: Viewer, team?: string): Promise<CourseSatisfactionView[]> {
    const counts = await this.ratingCounts(scopeTeams(viewer, team));
    return this.catalogue
      .all()
      .map((course) => satisfaction(course, counts.get(course.id) ?? [0, 0, 0, 0, 0]));
  }

  /** One course: totals and, above the threshold, the spread and the comments, newest first. */
  async summary(
    viewer: Viewer,
    courseId: string,
    team?: string,
  ): Promise<CourseFeedbackSummaryView> {
    const course = this.catalogue.course(courseId);
    const teams = scopeTeams(viewer, team);
    const counts = (await this.ratingCounts(teams, courseId)).get(courseId) ?? [0, 0, 0, 0, 0];
    const totals = satisfaction(course, counts);
    const [comments, hiddenComments] = totals.shown
      ? await Promise.all([this.comments(teams, courseId), this.hiddenComments(teams, courseId)])
      : [[], []];
    return { ...totals, threshold: FEEDBACK_MIN_RESPONSES, comments, hiddenComments };
  }

  /**
   * Hides a comment from the feedback staff read (abusive, or naming someone), with a reason its
   * writer reads; the rating still counts. Saving again replaces the reason. Audited.
   */
  async hideComment(viewer: Viewer, feedbackId: string, reason: string): Promise<void> {
    const row = await this.visible(viewer, feedbackId, false);
    await this.moderate(
      viewer,
      row,
      {
        commentHiddenAt: this.clock.now(),
        commentHiddenBy: viewer.id,
        commentHiddenReason: reason,
      },
      'course-feedback.comment-hidden',
      { reason },
    );
  }

  /** Shows a hidden comment again. Audited. */
  async showComment(viewer: Viewer, feedbackId: string): Promise<void> {
    const row = await this.visible(viewer, feedbackId, true);
    await this.moderate(viewer, row, NOT_HIDDEN, 'course-feedback.comment-shown', {});
  }

  // The change and its audit entry (the course and the answer id, never the person) together.
  private async moderate(
    viewer: Viewer,
    row: CourseFeedback,
    changes: Pick<CourseFeedback, 'commentHiddenAt' | 'commentHiddenBy' | 'commentHiddenReason'>,
    action: string,
    summary: Record<string, unknown>,
  ): Promise<void> {
    await runTransaction(this.dataSource, async (manager) => {
      await manager.getRepository(CourseFeedback).update(row.id, changes);
      await this.audit.record(
        viewer,
        {
          action,
          targetType: 'course',
          targetId: row.courseId,
          summary: { feedbackId: row.id, ...summary },
        },
        manager,
      );
    });
  }

  /** A commented answer of someone the viewer may see (only hidden ones, if asked), else 404. */
  private async visible(
    viewer: Viewer,
    feedbackId: string,
    hiddenOnly: boolean,
  ): Promise<CourseFeedback> {
    const builder = this.scoped(scopeTeams(viewer, undefined))
      .andWhere('f.id = :feedbackId', { feedbackId })
      .andWhere('f.comment IS NOT NULL');
    if (hiddenOnly) builder.andWhere('f.comment_hidden_at IS NOT NULL');
    const row = await builder.getOne();
    if (!row) throw CourseError.commentNotFound(hiddenOnly);
    return row;
  }

  /** Answers per rating (index 0 = rating 1), per course. */
  private async ratingCounts(
    teams: string[] | null,
    courseId?: string,
  ): Promise<Map<string, number[]>> {
    const builder = this.scoped(teams)
      .select('f.course_id', 'courseId')
      .addSelect('f.rating', 'rating')
      .addSelect('COUNT(*)', 'answers')
      .groupBy('f.course_id')
      .addGroupBy('f.rating');
    if (courseId) builder.andWhere('f.course_id = :courseId', { courseId });
    const rows = await builder.getRawMany<{ courseId: string; rating: number; answers: string }>();
    const counts = new Map<string, number[]>();
    for (const row of rows)
      counts.set(
        row.courseId,
        countRating(counts.get(row.courseId), Number(row.rating), Number(row.answers)),
      );
    return counts;
  }

  private async comments(teams: string[] | null, courseId: string): Promise<FeedbackCommentView[]> {
    const rows = await this.commented(teams, courseId)
      .andWhere('f.comment_hidden_at IS NULL')
      .orderBy('f.updatedAt', 'DESC')
      .addOrderBy('f.id', 'ASC')
      .limit(COMMENTS_SHOWN)
      .getMany();
    return rows.map(commentView);
  }

  private async hiddenComments(
    teams: string[] | null,
    courseId: string,
  ): Promise<CourseFeedbackSummaryView['hiddenComments']> {
    const rows = await this.commented(teams, courseId)
      .addSelect(['f.commentHiddenAt', 'f.commentHiddenReason'])
      .andWhere('f.comment_hidden_at IS NOT NULL')
      .orderBy('f.commentHiddenAt', 'DESC')
      .addOrderBy('f.id', 'ASC')
      .limit(COMMENTS_SHOWN)
      .getMany();
    return rows.map((row) => ({ ...commentView(row), hidden: hiddenView(row)! }));
  }

  private commented(teams: string[] | null, courseId: string): SelectQueryBuilder<CourseFeedback> {
    return this.scoped(teams)
      .select(['f.id', 'f.rating', 'f.comment', 'f.courseVersion', 'f.updatedAt'])
      .andWhere('f.course_id = :courseId', { courseId })
      .andWhere('f.comment IS NOT NULL');
  }

  /** Feedback of the people now in these teams (null: everyone; []: no one). */
  private scoped(teams: string[] | null): SelectQueryBuilder<CourseFeedback> {
    const builder = this.feedback.createQueryBuilder('f').where('1 = 1');
    if (teams?.length === 0) builder.andWhere('1 = 0');
    else if (teams)
      builder.innerJoin('users', 'u', 'u.id = f.user_id').andWhere('u.team IN (:...teams)', {
        teams,
      });
    return builder;
  }
}

const NOT_HIDDEN = { commentHiddenAt: null, commentHiddenBy: null, commentHiddenReason: null };

function commentView(row: CourseFeedback): FeedbackCommentView {
  return {
    id: row.id,
    rating: row.rating,
    comment: row.comment!,
    courseVersion: row.courseVersion,
    day: row.updatedAt.toISOString().slice(0, 10),
  };
}

function hiddenView(row: CourseFeedback): CommentHiddenView | null {
  return row.commentHiddenAt
    ? { day: row.commentHiddenAt.toISOString().slice(0, 10), reason: row.commentHiddenReason ?? '' }
    : null;
}

function mine(row: CourseFeedback): MyCourseFeedbackView {
  return {
    courseId: row.courseId,
    courseVersion: row.courseVersion,
    rating: row.rating,
    comment: row.comment,
    commentHidden: hiddenView(row),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function satisfaction(
  course: { id: string; title: string; version: number },
  counts: number[],
): CourseSatisfactionView {
  return {
    courseId: course.id,
    title: course.title,
    version: course.version,
    ...satisfactionOf(counts),
  };
}
