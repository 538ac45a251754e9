import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContentError, ContentIssue, formatIssue } from '../content/content-issue';
import { ContentKind } from '../content/content-kind';
import { CONTENT_KINDS } from '../content/content-kinds';
import { loadContent } from '../content/load-content';
import { PROGRAMMES } from './programme-content.kind';

const ONLY_PROGRAMMES = [PROGRAMMES] as ContentKind<unknown>[];
const SHIPPED = join(__dirname, '..', '..', 'content');

function contentDir(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'programme-content-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

function issuesOf(files: Record<string, string>, kinds = ONLY_PROGRAMMES): string[] {
  try {
    loadContent(contentDir(files), kinds);
  } catch (error) {
    if (error instanceof ContentError)
      return error.issues.map((issue: ContentIssue) =>
        formatIssue({ ...issue, file: issue.file.replace(/^.*programme-content-[^/]+\//, '') }),
      );
    throw error;
  }
  return [];
}

const GOOD = `id: agent
version: 1
title: Agent
description: The first certificate.
validityMonths: 12
renewalWindowDays: 30
requirements:
  courses: [basics]
`;

describe('Programme content', () => {
  it('should load the shipped programmes against the shipped courses, exams and scenarios', () => {
    const programmes = loadContent(SHIPPED, CONTENT_KINDS).get(PROGRAMMES);
    expect(programmes.map((programme) => programme.id).sort()).toEqual([
      'complaint-handler',
      'contact-centre-agent',
      'data-privacy-compliance',
      'senior-agent',
    ]);
    const senior = programmes.find((programme) => programme.id === 'senior-agent');
    expect(senior?.requirements.signOff?.checklist.length).toBeGreaterThan(0);
    expect(senior?.requirements.signOff?.signedBy).toEqual(['supervisor']);
  });

  it('should use the full requirements for renewal when none are given', () => {
    const root = contentDir({ 'programmes/agent.yaml': GOOD });
    const [programme] = loadContent(root, ONLY_PROGRAMMES).get(PROGRAMMES);
    expect(programme.renewal).toEqual(programme.requirements);
    expect(programme.requirements).toEqual({
      courses: ['basics'],
      exams: [],
      simulations: [],
      signOff: null,
    });
  });

  it('should name the file, line, field path and reason of every problem', () => {
    const bad = `id: agent
version: 0
title: Agent
description: The first certificate.
validityMonths: 1
renewalWindowDays: 40
colour: blue
requirements:
  exams:
    - { exam: final, minimumGrade: 120 }
  simulations:
    - { scenario: verify, tag: complaint }
    - { tag: complaint, count: 2, minimumScores: { charm: 50, compliance: 101 } }
  signOff:
    title: Observation
    checklist: []
    signedBy: [supervisor, manager, supervisor]
`;
    expect(issuesOf({ 'programmes/agent.yaml': bad })).toEqual([
      'programmes/agent.yaml:7: colour: is not a known field',
      'programmes/agent.yaml:6: renewalWindowDays: must be shorter than the validity period',
      'programmes/agent.yaml:10: requirements.exams[0].minimumGrade: must be a number from 0 to 100',
      'programmes/agent.yaml:12: requirements.simulations[0]: name either a scenario or a tag (with a count)',
      'programmes/agent.yaml:13: requirements.simulations[1].minimumScores.charm: is not a known field',
      'programmes/agent.yaml:13: requirements.simulations[1].minimumScores.compliance: must be a number from 0 to 100',
      'programmes/agent.yaml:16: requirements.signOff.checklist: needs from 1 to 20 items',
      'programmes/agent.yaml:17: requirements.signOff.signedBy[1]: must be one of supervisor, trainer',
      'programmes/agent.yaml:17: requirements.signOff.signedBy[2]: is listed twice',
      'programmes/agent.yaml:2: version: must be a whole number from 1 to 10000',
    ]);
  });

  it('should refuse YAML errors and an id that is not the file name', () => {
    expect(issuesOf({ 'programmes/agent.yaml': 'id: agent\ntitle: [\n' })).toEqual([
      expect.stringMatching(/^programmes\/agent\.yaml:\d+: YAML: /),
    ]);
    expect(issuesOf({ 'programmes/other.yaml': GOOD })).toEqual([
      'programmes/other.yaml:1: id: the id must match the file name ("other")',
    ]);
  });

  it('should cross-check courses, exams, scenarios and tags against the catalogue', () => {
    const root = {
      'programmes/agent.yaml': `${GOOD}  exams: [no-such-exam]
  simulations:
    - { scenario: no-such-scenario }
    - { tag: nothing-tagged, count: 2 }
`,
    };
    expect(issuesOf(root, CONTENT_KINDS)).toEqual([
      'programmes/agent.yaml:8: requirements.courses[0]: no course "basics" in content/courses',
      `programmes/agent.yaml:9: requirements.exams[0]: no exam "no-such-exam" in content/exams (one written in the app's exam editor needs writtenInApp: true)`,
      `programmes/agent.yaml:11: requirements.simulations[0].scenario: no scenario "no-such-scenario" in content/scenarios (one written in the app's scenario editor needs writtenInApp: true)`,
      'programmes/agent.yaml:12: requirements.simulations[1].tag: asks for 2 scenario(s) tagged "nothing-tagged" but content/scenarios has 0',
    ]);
  });

  it('should leave exams and scenarios marked writtenInApp to the running service', () => {
    const root = {
      'programmes/agent.yaml': `${GOOD}  exams:
    - { exam: billing-refresher, minimumGrade: 80, writtenInApp: true }
  simulations:
    - { scenario: outage-callback, writtenInApp: true }
`,
    };
    expect(issuesOf(root, CONTENT_KINDS)).toEqual([
      'programmes/agent.yaml:8: requirements.courses[0]: no course "basics" in content/courses',
    ]);
    const loaded = loadContent(SHIPPED, CONTENT_KINDS);
    expect(loaded.get(PROGRAMMES).length).toBeGreaterThan(0);
  });

  it('should refuse writtenInApp that is not true or false, or that goes with a tag', () => {
    const root = {
      'programmes/agent.yaml': `${GOOD}  exams:
    - { exam: billing-refresher, writtenInApp: yes please }
  simulations:
    - { tag: billing, count: 2, writtenInApp: true }
`,
    };
    expect(issuesOf(root)).toEqual([
      'programmes/agent.yaml:10: requirements.exams[0].writtenInApp: must be true or false',
      'programmes/agent.yaml:12: requirements.simulations[0].writtenInApp: only goes with a named scenario (a tag already counts the scenarios of both kinds)',
    ]);
  });
});
