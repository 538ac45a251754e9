import matter from 'gray-matter';
import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import { validateInto } from '../common/validation';
import { ContentIssue, splitDottedPath } from '../content/content-issue';
import { ContentFiles, ContentKind } from '../content/content-kind';
import { parseYaml, YamlSource } from '../content/yaml-source';
import { CourseDefinition, LessonDefinition } from './course-definition';
import {
  CheckQuestionFrontMatter,
  CourseFrontMatter,
  LessonFrontMatter,
} from './course-front-matter.dto';
import { renderMarkdown, secondLevelHeadings } from './course-markdown';

export const COURSES_FOLDER = 'courses';
export const LESSONS_PER_COURSE = { min: 3, max: 6 } as const;
export const REQUIRED_LESSON_SECTIONS = ['Worked example', 'Summary'] as const;
const LESSON_FILE = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;

interface MarkdownFile {
  source: YamlSource;
  body: string;
  bodyLine: number;
}

type Loaded<T> = { value: T; issues: ContentIssue[] } | { value: null; issues: ContentIssue[] };

/**
 * content/courses/<id>/course.md plus one NN-<lesson-id>.md per lesson, each Markdown with YAML
 * front matter. Every problem is reported as file, line, field path and reason.
 */
export const COURSES: ContentKind<CourseDefinition> = {
  key: 'courses',
  load(files) {
    const items: CourseDefinition[] = [];
    const issues: ContentIssue[] = [];
    const sources = new Map<string, YamlSource>();
    for (const folder of files.folders(COURSES_FOLDER)) {
      const loaded = loadCourse(files, folder);
      issues.push(...loaded.issues);
      if (loaded.value) {
        items.push(loaded.value.course);
        sources.set(loaded.value.course.id, loaded.value.source);
      }
    }
    if (issues.length === 0) issues.push(...checkPrerequisites(items, sources));
    items.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
    return { items, issues };
  },
};

function loadCourse(
  files: ContentFiles,
  folder: string,
): Loaded<{ course: CourseDefinition; source: YamlSource }> {
  const issues: ContentIssue[] = [];
  const courseFile = join(folder, 'course.md');
  const markdownFiles = files.list(folder, ['.md']);
  if (!markdownFiles.includes(courseFile)) {
    return {
      value: null,
      issues: [{ file: files.display(folder), reason: 'a course folder needs a course.md' }],
    };
  }
  const parsed = readMarkdown(files, courseFile);
  if (!parsed.value) return parsed;
  const { source, body } = parsed.value;
  const front = validateFrontMatter(CourseFrontMatter, source);
  issues.push(...front.issues);
  const folderName = basename(folder);
  if (front.value && front.value.id !== folderName)
    issues.push(source.issueAt(['id'], `the id must match the folder name ("${folderName}")`));
  front.value?.prerequisites.forEach((id, index) => {
    if (id === front.value?.id)
      issues.push(source.issueAt(['prerequisites', index], 'a course cannot require itself'));
    else if (front.value?.prerequisites.indexOf(id) !== index)
      issues.push(source.issueAt(['prerequisites', index], `"${id}" is listed twice`));
  });

  const lessons: LessonDefinition[] = [];
  const lessonFiles = markdownFiles.filter((file) => file !== courseFile);
  const seenNumbers = new Map<string, string>();
  for (const file of lessonFiles) {
    const match = LESSON_FILE.exec(basename(file));
    if (!match) {
      issues.push({
        file: files.display(file),
        reason: 'lesson files are named NN-<lesson-id>.md (two digits, then the kebab-case id)',
      });
      continue;
    }
    const earlier = seenNumbers.get(match[1]);
    if (earlier)
      issues.push({
        file: files.display(file),
        reason: `lesson number ${match[1]} is also used by ${earlier}`,
      });
    seenNumbers.set(match[1], basename(file));
    const lesson = loadLesson(files, file, match[2]);
    issues.push(...lesson.issues);
    if (lesson.value) lessons.push(lesson.value);
  }
  const count = lessonFiles.length;
  if (count < LESSONS_PER_COURSE.min || count > LESSONS_PER_COURSE.max) {
    issues.push({
      file: files.display(courseFile),
      reason: `a course has ${LESSONS_PER_COURSE.min} to ${LESSONS_PER_COURSE.max} lessons (NN-<lesson-id>.md files beside course.md), found ${count}`,
    });
  }
  if (issues.length > 0 || !front.value) return { value: null, issues };
  const course: CourseDefinition = {
    id: front.value.id,
    title: front.value.title,
    version: front.value.version,
    order: front.value.order,
    summary: front.value.summary,
    objectives: front.value.objectives,
    prerequisites: front.value.prerequisites,
    requiredFor: front.value.requiredFor,
    tags: front.value.tags,
    trains: front.value.trains ?? [],
    introHtml: renderMarkdown(body),
    lessons,
    file: files.display(courseFile),
  };
  return { value: { course, source }, issues };
}

function loadLesson(
  files: ContentFiles,
  file: string,
  idFromName: string,
): Loaded<LessonDefinition> {
  const parsed = readMarkdown(files, file);
  if (!parsed.value) return parsed;
  const { source, body, bodyLine } = parsed.value;
  const front = validateFrontMatter(LessonFrontMatter, source);
  const issues = [...front.issues];
  if (!front.value) return { value: null, issues };
  if (front.value.id !== idFromName)
    issues.push(source.issueAt(['id'], `the id must match the file name ("${idFromName}")`));
  front.value.check.forEach((question, index) => {
    issues.push(...checkQuestion(source, question, index));
    if (front.value?.check.findIndex((other) => other.id === question.id) !== index)
      issues.push(
        source.issueAt(['check', index, 'id'], `question id "${question.id}" is used twice`),
      );
  });
  const headings = secondLevelHeadings(body);
  for (const section of REQUIRED_LESSON_SECTIONS) {
    if (!headings.includes(section))
      issues.push({
        file: files.display(file),
        line: bodyLine,
        reason: `the lesson needs a "## ${section}" section`,
      });
  }
  if (issues.length > 0) return { value: null, issues };
  const text = files.read(file).replace(/\r\n/g, '\n');
  return {
    value: {
      id: front.value.id,
      title: front.value.title,
      minutes: front.value.minutes,
      objectives: front.value.objectives,
      check: front.value.check.map((question) => ({
        id: question.id,
        prompt: question.prompt,
        type: question.type,
        choices: question.choices.map((choice) => ({ ...choice })),
      })),
      html: renderMarkdown(body),
      contentHash: createHash('sha256').update(text).digest('hex'),
      file: files.display(file),
    },
    issues,
  };
}

// Rules a field-by-field schema cannot say: how many choices are correct for each question type.
function checkQuestion(
  source: YamlSource,
  question: CheckQuestionFrontMatter,
  index: number,
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const at = (reason: string): ContentIssue => source.issueAt(['check', index, 'choices'], reason);
  const correct = question.choices.filter((choice) => choice.correct).length;
  if (question.type === 'truefalse' && question.choices.length !== 2)
    issues.push(at(`a truefalse question has exactly 2 choices, found ${question.choices.length}`));
  if ((question.type === 'single' || question.type === 'truefalse') && correct !== 1)
    issues.push(at(`a ${question.type} question has exactly one correct choice, found ${correct}`));
  if (question.type === 'multiple' && correct < 1)
    issues.push(at('a multiple question has at least one correct choice, found none'));
  question.choices.forEach((choice, choiceIndex) => {
    if (question.choices.findIndex((other) => other.text === choice.text) !== choiceIndex)
      issues.push(
        source.issueAt(
          ['check', index, 'choices', choiceIndex, 'text'],
          'two choices have the same text',
        ),
      );
  });
  return issues;
}

function readMarkdown(files: ContentFiles, file: string): Loaded<MarkdownFile> {
  const shown = files.display(file);
  const text = files.read(file).replace(/^\uFEFF/, '');
  if (!/^---\r?\n/.test(text))
    return {
      value: null,
      issues: [
        {
          file: shown,
          line: 1,
          reason: 'the file must start with YAML front matter between "---" lines',
        },
      ],
    };
  // gray-matter only splits here; parseYaml parses (with line numbers), so its own parser is off.
  const split = matter(text, { engines: { yaml: () => ({}) } });
  const frontText = (split as unknown as { matter: string }).matter.replace(/^\r?\n/, '');
  const parsed = parseYaml(shown, frontText, 1);
  if (!parsed.ok) return { value: null, issues: parsed.issues };
  const data = parsed.source.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return {
      value: null,
      issues: [{ file: shown, line: 2, reason: 'the front matter must be a mapping of fields' }],
    };
  return {
    value: {
      source: parsed.source,
      body: split.content,
      bodyLine: frontText.split('\n').length + 3,
    },
    issues: [],
  };
}

function validateFrontMatter<T extends object>(type: new () => T, source: YamlSource): Loaded<T> {
  const result = validateInto(type, source.data);
  if (result.ok) return { value: result.value, issues: [] };
  return {
    value: null,
    issues: result.errors.flatMap((error) =>
      error.messages.map((message) => source.issueAt(splitDottedPath(error.path), message)),
    ),
  };
}

/** Prerequisites name existing courses and never loop back. */
function checkPrerequisites(
  courses: CourseDefinition[],
  sources: Map<string, YamlSource>,
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const byId = new Map(courses.map((course) => [course.id, course]));
  for (const course of courses) {
    course.prerequisites.forEach((id, index) => {
      if (!byId.has(id))
        issues.push(
          sources
            .get(course.id)!
            .issueAt(['prerequisites', index], `no course "${id}" in content/courses`),
        );
    });
  }
  if (issues.length) return issues;
  const reported = new Set<string>();
  for (const course of courses) {
    const cycle = findCycle(course.id, byId);
    if (!cycle || reported.has(cycle.slice().sort().join())) continue;
    reported.add(cycle.slice().sort().join());
    const index = course.prerequisites.indexOf(cycle[1]);
    issues.push(
      sources
        .get(course.id)!
        .issueAt(
          ['prerequisites', index],
          `prerequisites go round in a circle: ${[...cycle, cycle[0]].join(' → ')}`,
        ),
    );
  }
  return issues;
}

function findCycle(start: string, byId: Map<string, CourseDefinition>): string[] | null {
  const visited = new Set<string>();
  const walk = (id: string, path: string[]): string[] | null => {
    for (const next of byId.get(id)?.prerequisites ?? []) {
      if (next === start) return [...path, id];
      if (visited.has(next)) continue;
      visited.add(next);
      const cycle = walk(next, [...path, id]);
      if (cycle) return cycle;
    }
    return null;
  };
  return walk(start, []);
}
