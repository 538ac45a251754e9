import { Injectable } from '@nestjs/common';
import { ContentCatalogue } from '../content/content-kind';
import { POSITIONS } from '../rotations/position-content.kind';
import { COURSES } from './course-content.kind';
import { CourseDefinition, LessonDefinition } from './course-definition';
import { CourseError, CourseErrorCode } from './course-error';

/** The courses loaded from content/ at boot, looked up by id. */
@Injectable()
export class CourseCatalogueService {
  private indexedFrom: CourseDefinition[] | null = null;
  private byId = new Map<string, CourseDefinition>();

  constructor(private readonly content: ContentCatalogue) {}

  /** Every course, in the authors' order. */
  all(): CourseDefinition[] {
    return this.content.get(COURSES);
  }

  find(courseId: string): CourseDefinition | undefined {
    // Re-indexed when the catalogue's list changes (a content reload swaps the whole list).
    const courses = this.all();
    if (courses !== this.indexedFrom) {
      this.byId = new Map(courses.map((course) => [course.id, course]));
      this.indexedFrom = courses;
    }
    return this.byId.get(courseId);
  }

  /** The title of a position in content/positions (what `requiredFor` names); the id when unknown. */
  positionTitle(positionId: string): string {
    const position = this.content.get(POSITIONS).find((item) => item.id === positionId);
    return position?.title ?? positionId;
  }

  course(courseId: string): CourseDefinition {
    const course = this.find(courseId);
    if (!course) throw new CourseError(CourseErrorCode.CourseNotFound, 'Course not found');
    return course;
  }

  lesson(
    courseId: string,
    lessonId: string,
  ): { course: CourseDefinition; lesson: LessonDefinition; index: number } {
    const course = this.course(courseId);
    const index = course.lessons.findIndex((lesson) => lesson.id === lessonId);
    if (index < 0) throw new CourseError(CourseErrorCode.LessonNotFound, 'Lesson not found');
    return { course, lesson: course.lessons[index], index };
  }
}
