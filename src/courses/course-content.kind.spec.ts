import { cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ContentError, ContentIssue } from '../content/content-issue';
import { ContentKind } from '../content/content-kind';
import { loadContent } from '../content/load-content';
import { COURSES, LESSONS_PER_COURSE } from './course-content.kind';
import { CourseDefinition } from './course-definition';

const FIXTURES = join(__dirname, '..', '..', 'test', 'fixtures', 'content', 'courses');
const SHIPPED = join(__dirname, '..', '..', 'content');

function load(root: string): CourseDefinition[] {
  return loadContent(root, [COURSES as ContentKind<unknown>]).get(COURSES);
}

/** The ok tree with one not-ok case laid over it (a `<name>.delete` file removes `<name>`). */
function buildCase(name: string): string {
  const root = mkdtempSync(join(tmpdir(), `courses-${name}-`));
  cpSync(join(FIXTURES, 'ok'), root, { recursive: true });
  const overlay = join(FIXTURES, 'not-ok', name);
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((entry) =>
      statSync(join(dir, entry)).isDirectory() ? walk(join(dir, entry)) : [join(dir, entry)],
    );
  for (const file of walk(overlay)) {
    const path = relative(overlay, file);
    if (path.endsWith('.delete')) rmSync(join(root, path.slice(0, -'.delete'.length)));
    else cpSync(file, join(root, path));
  }
  return root;
}

function issuesOf(root: string): ContentIssue[] {
  try {
    load(root);
  } catch (error) {
    if (error instanceof ContentError) return error.issues;
    throw error;
  }
  throw new Error('expected a ContentError');
}

const at = (file: string, line: number | undefined, path: string | undefined, reason: RegExp) => ({
  file: expect.stringMatching(new RegExp(`courses/${file.replace(/[.]/g, '\\.')}$`)) as unknown,
  ...(line !== undefined ? { line } : {}),
  ...(path !== undefined ? { path } : {}),
  reason: expect.stringMatching(reason) as unknown,
});

// Every folder under not-ok/ and the problems it must produce: file, line, field path, reason.
const NOT_OK: Record<string, ReturnType<typeof at>[]> = {
  'bad-lesson-file-name': [
    at('data-privacy/4-extra.md', undefined, undefined, /named NN-<lesson-id>\.md/),
  ],
  'choice-without-feedback': [
    at(
      'phone-basics/03-closing.md',
      15,
      'check[0].choices[1].feedback',
      /longer than or equal to 1/,
    ),
    at('phone-basics/03-closing.md', 15, 'check[0].choices[1].feedback', /must be a string/),
  ],
  'course-id-mismatch': [
    at('data-privacy/course.md', 2, 'id', /match the folder name \("data-privacy"\)/),
  ],
  'course-without-objectives': [
    at('data-privacy/course.md', 7, 'objectives', /at least 1 elements/),
  ],
  'duplicate-key': [at('phone-basics/03-closing.md', 4, undefined, /^YAML: .*unique/)],
  'duplicate-question-id': [
    at('phone-basics/03-closing.md', 21, 'check[1].id', /"q1" is used twice/),
  ],
  'lesson-id-mismatch': [
    at('phone-basics/02-listening.md', 2, 'id', /match the file name \("listening"\)/),
  ],
  'minutes-out-of-range': [
    at('phone-basics/01-greeting.md', 4, 'minutes', /not be greater than 60/),
  ],
  'missing-course-file': [at('orphan', undefined, undefined, /needs a course\.md/)],
  'missing-summary': [at('phone-basics/03-closing.md', 32, undefined, /"## Summary" section/)],
  'missing-worked-example': [
    at('phone-basics/03-closing.md', 32, undefined, /"## Worked example" section/),
  ],
  'multiple-without-correct-choice': [
    at(
      'phone-basics/02-listening.md',
      35,
      'check[2].choices',
      /multiple question has at least one correct choice/,
    ),
  ],
  'no-front-matter': [
    at('phone-basics/03-closing.md', 1, undefined, /must start with YAML front matter/),
  ],
  'prerequisite-cycle': [
    at(
      'calm-complaints/course.md',
      10,
      'prerequisites[0]',
      /circle: calm-complaints → phone-basics → calm-complaints/,
    ),
  ],
  'single-with-two-correct': [
    at('phone-basics/03-closing.md', 12, 'check[0].choices', /exactly one correct choice, found 2/),
  ],
  'too-few-lessons': [
    at('data-privacy/course.md', undefined, undefined, /3 to 6 lessons .*found 2/),
  ],
  'too-many-questions': [at('data-privacy/01-verify.md', 8, 'check', /no more than 4 elements/)],
  'truefalse-with-three-choices': [
    at('phone-basics/03-closing.md', 25, 'check[1].choices', /exactly 2 choices, found 3/),
  ],
  'unknown-field': [at('phone-basics/03-closing.md', 5, 'minuts', /should not exist/)],
  'unknown-trained-dimension': [
    at('data-privacy/course.md', 12, 'trains', /each dimension must be one of politeness, empathy/),
  ],
  'unknown-prerequisite': [
    at('calm-complaints/course.md', 10, 'prerequisites[0]', /no course "phone-basic"/),
  ],
  'version-zero': [at('data-privacy/course.md', 4, 'version', /not be less than 1/)],
  'yaml-syntax-error': [at('phone-basics/03-closing.md', 4, undefined, /^YAML: /)],
};

describe('COURSES content kind', () => {
  it('should load the ok fixture in course order with rendered lessons and hashes', () => {
    const courses = load(join(FIXTURES, 'ok'));
    expect(courses.map((course) => course.id)).toEqual([
      'phone-basics',
      'calm-complaints',
      'data-privacy',
    ]);
    const [phone] = courses;
    // `trains` is optional: the dimensions a course strengthens, none when left out.
    expect(courses.map((course) => course.trains)).toEqual([[], [], ['compliance']]);
    expect(phone.lessons.map((lesson) => lesson.id)).toEqual(['greeting', 'listening', 'closing']);
    expect(phone.lessons[1].check.map((question) => question.type)).toEqual([
      'single',
      'truefalse',
      'multiple',
    ]);
    expect(phone.lessons[0].contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(phone.lessons.map((lesson) => lesson.contentHash)).size).toBe(3);
    expect(phone.lessons[0].html).toContain('<h2>Worked example</h2>');
    expect(phone.lessons[0].html).toContain('<table>');
    expect(phone.introHtml).toContain('<strong>Phone basics</strong>');
    expect(courses[1].prerequisites).toEqual(['phone-basics']);
  });

  it('should keep raw HTML and javascript: links of a lesson out of the rendered page', () => {
    const [phone] = load(join(FIXTURES, 'ok'));
    const html = phone.lessons[0].html;
    expect(html).not.toMatch(/<script|<img|<[^>]*\son\w+=|href="javascript:/i);
    // Shown as text instead, so authors see their mistake.
    expect(html).toContain('&lt;script&gt;window.pwned = true&lt;/script&gt;');
    expect(html).toContain(
      '<a href="https://example.com/guide" rel="noopener noreferrer">safe link</a>',
    );
  });

  it('should have an expectation for every not-ok fixture', () => {
    const cases = readdirSync(join(FIXTURES, 'not-ok')).filter((name) =>
      statSync(join(FIXTURES, 'not-ok', name)).isDirectory(),
    );
    expect(cases.sort()).toEqual(Object.keys(NOT_OK).sort());
  });

  it.each(Object.entries(NOT_OK))(
    'should report file, line, path and reason when the content has %s',
    (name, expected) => {
      const root = buildCase(name);
      try {
        expect(issuesOf(root)).toEqual(expected);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  );

  it('should load the shipped curriculum: at least eight courses of 3 to 6 lessons each', () => {
    const courses = load(SHIPPED);
    expect(courses.length).toBeGreaterThanOrEqual(8);
    for (const course of courses) {
      expect(course.lessons.length).toBeGreaterThanOrEqual(LESSONS_PER_COURSE.min);
      expect(course.lessons.length).toBeLessThanOrEqual(LESSONS_PER_COURSE.max);
    }
  });
});
