import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { ContentError, formatIssue } from '../content/content-issue';
import { ContentKind } from '../content/content-kind';
import { loadContent } from '../content/load-content';
import { PROJECT_ROOT } from '../config/app-config';
import { POSITIONS } from './position-content.kind';

const SHIPPED = join(PROJECT_ROOT, 'content');

// Stand-ins for the kinds positions refer to: the ids are the file names in each folder, so
// these specs do not depend on every other kind of content being valid at the same moment.
function idsFrom(key: string, folder: string, wrap: (id: string) => unknown): ContentKind<unknown> {
  return {
    key,
    load: (files) => ({
      items: files
        .list(folder, ['.yaml', '.yml'])
        .map((file) => wrap(basename(file, extname(file)))),
      issues: [],
    }),
  };
}
const KINDS: ContentKind<unknown>[] = [
  idsFrom('exams', 'exams', (id) => ({ id, title: id })),
  idsFrom('scenarios', 'scenarios', (id) => ({ scenario: { id, title: id } })),
  idsFrom('programmes', 'programmes', (id) => ({ id, title: id })),
  POSITIONS as ContentKind<unknown>,
];

// A content folder with the referenced ids (empty files are enough for the stand-ins).
function contentWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'position-content-'));
  const referenced = {
    'exams/complaint-handler.yaml': '',
    'scenarios/vip-customer.yaml': '',
    'programmes/complaint-handler.yaml': '',
  };
  for (const [name, text] of Object.entries({ ...referenced, ...files })) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

function issuesOf(root: string): string[] {
  try {
    loadContent(root, KINDS);
  } catch (error) {
    if (error instanceof ContentError)
      return error.issues.map((issue) =>
        formatIssue({ ...issue, file: issue.file.replace(/^.*position-content-[^/]+\//, '') }),
      );
    throw error;
  }
  return [];
}

describe('Position content', () => {
  it('should load the six shipped positions with their requirements', () => {
    const positions = loadContent(SHIPPED, KINDS).get(POSITIONS);
    expect(positions.map((position) => position.id).sort()).toEqual([
      'back-office-verification',
      'complaints-desk',
      'front-line-agent',
      'quality-inspector',
      'team-leader',
      'vip-line',
    ]);
    const desk = positions.find((position) => position.id === 'complaints-desk')!;
    expect(desk.requires).toEqual({
      certificates: ['contact-centre-agent', 'complaint-handler', 'data-privacy-compliance'],
      exams: [{ exam: 'complaint-handler', minGrade: 80 }],
      scenariosPassed: ['repeat-complainant', 'angry-caller-demands-manager'],
      scenariosWrittenInApp: [],
      simulationMean: null,
      monthsInCurrentPosition: 6,
    });
  });

  it('should report field problems with file, line and reason', () => {
    const issues = issuesOf(
      contentWith({
        'positions/broken.yaml': [
          'id: broken',
          'title: Broken',
          'summary: Broken on purpose',
          'reviewAfterDays: 0',
          'requires:',
          '  certificates: [complaint-handler, complaint-handler]',
          '  exams:',
          '    - { exam: complaint-handler }',
          '  simulationMean: { minScore: 120 }',
          '  months: 3',
          '',
        ].join('\n'),
      }),
    );
    expect(issues).toEqual([
      'positions/broken.yaml:10: requires.months: is not a known field',
      'positions/broken.yaml:4: reviewAfterDays: must be a whole number from 1 to 730',
      'positions/broken.yaml:6: requires.certificates[1]: "complaint-handler" is listed twice',
      'positions/broken.yaml:8: requires.exams[0].minGrade: is required',
      'positions/broken.yaml:9: requires.simulationMean.minScore: must be from 0 to 100',
    ]);
  });

  it('should refuse unknown programmes, exams and scenarios, and an id that is not the file name', () => {
    const issues = issuesOf(
      contentWith({
        'positions/night-desk.yaml': [
          'id: night-desk',
          'title: Night desk',
          'summary: Calls after ten',
          'requires:',
          '  certificates: [night-owl]',
          '  exams: [{ exam: night-exam, minGrade: 50 }]',
          '  scenariosPassed: [vip-customer, midnight-caller]',
          '',
        ].join('\n'),
        'positions/misnamed.yaml': 'id: other-name\ntitle: Misnamed\nsummary: Wrong id\n',
      }),
    );
    expect(issues).toEqual([
      'positions/misnamed.yaml:1: id: the id must match the file name ("misnamed")',
    ]);
    const crossIssues = issuesOf(
      contentWith({
        'positions/night-desk.yaml': [
          'id: night-desk',
          'title: Night desk',
          'summary: Calls after ten',
          'requires:',
          '  certificates: [night-owl]',
          '  exams: [{ exam: night-exam, minGrade: 50 }]',
          '  scenariosPassed: [vip-customer, midnight-caller]',
          '',
        ].join('\n'),
      }),
    );
    expect(crossIssues).toEqual([
      'positions/night-desk.yaml:5: requires.certificates[0]: no programme "night-owl" in content/programmes',
      `positions/night-desk.yaml:6: requires.exams[0].exam: no exam "night-exam" in content/exams (one written in the app's exam editor needs writtenInApp: true)`,
      `positions/night-desk.yaml:7: requires.scenariosPassed[1]: no scenario "midnight-caller" in content/scenarios (one written in the app's scenario editor needs writtenInApp: true)`,
    ]);
  });

  it('should leave exams and scenarios marked writtenInApp to the running service, and refuse the mark on content', () => {
    const position = (exams: string, scenarios: string): string =>
      [
        'id: night-desk',
        'title: Night desk',
        'summary: Calls after ten',
        'requires:',
        `  exams: ${exams}`,
        `  scenariosPassed: ${scenarios}`,
        '',
      ].join('\n');
    expect(
      issuesOf(
        contentWith({
          'positions/night-desk.yaml': position(
            '[{ exam: night-exam, minGrade: 50, writtenInApp: true }]',
            '[vip-customer, { scenario: midnight-caller, writtenInApp: true }]',
          ),
        }),
      ),
    ).toEqual([]);
    expect(
      issuesOf(
        contentWith({
          'positions/night-desk.yaml': position(
            '[{ exam: night-exam, minGrade: 50, writtenInApp: true }]',
            '[{ scenario: vip-customer, writtenInApp: true }, { scenario: vip-customer }, { writtenInApp: 1 }]',
          ),
        }),
      ),
    ).toEqual([
      'positions/night-desk.yaml:6: requires.scenariosPassed[2].scenario: is required',
      'positions/night-desk.yaml:6: requires.scenariosPassed[2].writtenInApp: must be true or false',
      'positions/night-desk.yaml:6: requires.scenariosPassed[1]: "vip-customer" is listed twice',
    ]);
    expect(
      issuesOf(
        contentWith({
          'positions/night-desk.yaml': position(
            '[{ exam: complaint-handler, minGrade: 50, writtenInApp: true }]',
            '[{ scenario: vip-customer, writtenInApp: true }]',
          ),
        }),
      ),
    ).toEqual([
      `positions/night-desk.yaml:5: requires.exams[0].exam: "complaint-handler" is in content/exams: drop writtenInApp, which marks one written in the app's exam editor`,
      `positions/night-desk.yaml:6: requires.scenariosPassed[0]: "vip-customer" is in content/scenarios: drop writtenInApp, which marks one written in the app's scenario editor`,
    ]);
  });

  it('should stop on broken YAML with its line', () => {
    expect(issuesOf(contentWith({ 'positions/bad.yaml': 'id: bad\ntitle: [unclosed\n' }))).toEqual([
      expect.stringMatching(/^positions\/bad\.yaml:\d+: YAML: /),
    ]);
  });
});
