import { EntityManager, IsNull, Not } from 'typeorm';
import { CourseFeedback } from './course-feedback.entity';

/** Erasing a person: their course comments go; their ratings stay, as anonymous as before. */
export async function eraseCourseComments(manager: EntityManager, userId: string): Promise<number> {
  const result = await manager.update(
    CourseFeedback,
    { userId, comment: Not(IsNull()) },
    { comment: null, commentHiddenAt: null, commentHiddenBy: null, commentHiddenReason: null },
  );
  return result.affected ?? 0;
}
