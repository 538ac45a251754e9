import { addDays, isCalendarDay, wholeMonthsBetween } from './calendar-day';
import { checkEligibility, eligibilityMatrix } from './eligibility';
import { PersonEvidence, PositionRequirements } from './eligibility.types';

const TODAY = '2026-11-23';

function position(overrides: Partial<PositionRequirements> = {}): PositionRequirements {
  return {
    positionId: 'complaints-desk',
    title: 'Complaints desk',
    certificates: [],
    exams: [],
    scenariosPassed: [],
    simulationMean: null,
    monthsInCurrentPosition: 0,
    expiringWithinDays: 30,
    ...overrides,
  };
}

function person(overrides: Partial<PersonEvidence> = {}): PersonEvidence {
  return {
    userId: 'u1',
    currentPosition: {
      positionId: 'front-line-agent',
      title: 'Front-line agent',
      since: '2026-01-10',
    },
    certificates: [],
    bestExamGrades: {},
    passedScenarios: [],
    simulations: { sessions: 0, meanScore: null },
    ...overrides,
  };
}

const complaintCertificate = { programmeId: 'complaint-handler', title: 'Complaint handler' };
const privacyCertificate = { programmeId: 'data-privacy-annual', title: 'Data-privacy' };
const at = (day: string): Date => new Date(`${day}T12:00:00.000Z`);

describe('checkEligibility', () => {
  it('should be eligible with no reasons when a position asks for nothing', () => {
    expect(checkEligibility(position(), person(), TODAY)).toEqual({
      positionId: 'complaints-desk',
      status: 'eligible',
      reasons: [],
      warnings: [],
      current: false,
    });
  });

  it('should name a missing certificate', () => {
    const result = checkEligibility(
      position({ certificates: [complaintCertificate] }),
      person(),
      TODAY,
    );
    expect(result.status).toBe('not-eligible');
    expect(result.reasons).toEqual(['no active Complaint handler certificate']);
  });

  it('should count an active certificate that expires well after the day', () => {
    const result = checkEligibility(
      position({ certificates: [complaintCertificate] }),
      person({
        certificates: [
          { programmeId: 'complaint-handler', status: 'active', expiresAt: at('2027-11-01') },
        ],
      }),
      TODAY,
    );
    expect(result.status).toBe('eligible');
  });

  it('should flag a certificate that expires within the warning window as expiring', () => {
    const result = checkEligibility(
      position({ certificates: [privacyCertificate] }),
      person({
        certificates: [
          { programmeId: 'data-privacy-annual', status: 'active', expiresAt: at('2026-12-10') },
        ],
      }),
      TODAY,
    );
    expect(result).toMatchObject({
      status: 'expiring',
      reasons: [],
      warnings: ['Data-privacy certificate expires on 2026-12-10'],
    });
  });

  it('should flag a certificate that certifications already marks expiring', () => {
    const result = checkEligibility(
      position({ certificates: [privacyCertificate], expiringWithinDays: 0 }),
      person({
        certificates: [
          { programmeId: 'data-privacy-annual', status: 'expiring', expiresAt: at('2027-01-04') },
        ],
      }),
      TODAY,
    );
    expect(result.status).toBe('expiring');
    expect(result.warnings).toEqual(['Data-privacy certificate expires on 2027-01-04']);
  });

  it('should refuse a certificate that expires on or before the day of the move', () => {
    const result = checkEligibility(
      position({ certificates: [privacyCertificate] }),
      person({
        certificates: [
          { programmeId: 'data-privacy-annual', status: 'active', expiresAt: at('2027-01-04') },
        ],
      }),
      '2027-02-01',
    );
    expect(result.reasons).toEqual([
      'Data-privacy certificate expires on 2027-01-04, before 2027-02-01',
    ]);
  });

  it('should explain expired and revoked certificates, and ignore superseded cycles', () => {
    const expired = checkEligibility(
      position({ certificates: [complaintCertificate] }),
      person({
        certificates: [
          { programmeId: 'complaint-handler', status: 'expired', expiresAt: at('2026-10-01') },
        ],
      }),
      TODAY,
    );
    expect(expired.reasons).toEqual(['Complaint handler certificate expired on 2026-10-01']);
    const revoked = checkEligibility(
      position({ certificates: [complaintCertificate] }),
      person({
        certificates: [
          { programmeId: 'complaint-handler', status: 'revoked', expiresAt: at('2027-10-01') },
          { programmeId: 'complaint-handler', status: 'superseded', expiresAt: at('2026-10-01') },
        ],
      }),
      TODAY,
    );
    expect(revoked.reasons).toEqual(['Complaint handler certificate was revoked']);
  });

  it('should use the longest-lasting live cycle when a renewal overlaps the old one', () => {
    const result = checkEligibility(
      position({ certificates: [privacyCertificate] }),
      person({
        certificates: [
          { programmeId: 'data-privacy-annual', status: 'expiring', expiresAt: at('2026-12-01') },
          { programmeId: 'data-privacy-annual', status: 'active', expiresAt: at('2027-12-01') },
        ],
      }),
      TODAY,
    );
    expect(result.status).toBe('eligible');
  });

  it('should compare the best exam grade with the minimum', () => {
    const exams = [{ examId: 'complaint-handler', title: 'Complaint handler', minGrade: 75 }];
    expect(checkEligibility(position({ exams }), person(), TODAY).reasons).toEqual([
      'Complaint handler: no exam result yet, needs 75 %',
    ]);
    expect(
      checkEligibility(
        position({ exams }),
        person({ bestExamGrades: { 'complaint-handler': 62 } }),
        TODAY,
      ).reasons,
    ).toEqual(['Complaint handler: best exam grade 62 %, needs 75 %']);
    expect(
      checkEligibility(
        position({ exams }),
        person({ bestExamGrades: { 'complaint-handler': 75 } }),
        TODAY,
      ).status,
    ).toBe('eligible');
  });

  it('should require each named scenario to have been passed', () => {
    const scenariosPassed = [
      { scenarioId: 'vip-customer', title: 'VIP customer' },
      { scenarioId: 'billing-dispute', title: 'Billing dispute' },
    ];
    const result = checkEligibility(
      position({ scenariosPassed }),
      person({ passedScenarios: ['billing-dispute'] }),
      TODAY,
    );
    expect(result.reasons).toEqual(['has not passed the role-play "VIP customer"']);
  });

  it('should check the number of sessions before the mean role-play score', () => {
    const rule = position({ simulationMean: { minScore: 80, minSessions: 3 } });
    expect(
      checkEligibility(rule, person({ simulations: { sessions: 2, meanScore: 92.5 } }), TODAY)
        .reasons,
    ).toEqual(['2 of 3 role-play sessions finished']);
    expect(
      checkEligibility(rule, person({ simulations: { sessions: 3, meanScore: 77.4167 } }), TODAY)
        .reasons,
    ).toEqual(['mean role-play score 77.4 over 3 sessions, needs 80']);
    expect(
      checkEligibility(rule, person({ simulations: { sessions: 3, meanScore: 80 } }), TODAY).status,
    ).toBe('eligible');
  });

  it('should need at least one session for a mean even when no count is asked', () => {
    const rule = position({ simulationMean: { minScore: 50, minSessions: 0 } });
    expect(checkEligibility(rule, person(), TODAY).reasons).toEqual([
      '0 of 1 role-play sessions finished',
    ]);
  });

  it('should count whole months in the current position up to the day', () => {
    const rule = position({ monthsInCurrentPosition: 6 });
    const since = (day: string): PersonEvidence =>
      person({
        currentPosition: { positionId: 'front-line-agent', title: 'Front-line agent', since: day },
      });
    expect(checkEligibility(rule, since('2026-08-01'), TODAY).reasons).toEqual([
      '3 of 6 months in current position',
    ]);
    expect(checkEligibility(rule, since('2026-05-23'), TODAY).status).toBe('eligible');
    expect(checkEligibility(rule, since('2026-05-24'), TODAY).reasons).toEqual([
      '5 of 6 months in current position',
    ]);
    expect(checkEligibility(rule, person({ currentPosition: null }), TODAY).reasons).toEqual([
      'no current position recorded (needs 6 months in one)',
    ]);
  });

  it('should list every reason at once, and not ask months in the position held of the one who holds it', () => {
    const result = checkEligibility(
      position({
        positionId: 'front-line-agent',
        certificates: [complaintCertificate, privacyCertificate],
        exams: [{ examId: 'complaint-handler', title: 'Complaint handler', minGrade: 75 }],
        monthsInCurrentPosition: 12,
      }),
      person({
        certificates: [
          { programmeId: 'data-privacy-annual', status: 'active', expiresAt: at('2026-12-01') },
        ],
      }),
      TODAY,
    );
    expect(result).toEqual({
      positionId: 'front-line-agent',
      status: 'not-eligible',
      reasons: [
        'no active Complaint handler certificate',
        'Complaint handler: no exam result yet, needs 75 %',
      ],
      warnings: ['Data-privacy certificate expires on 2026-12-01'],
      current: true,
    });
    // The same rule for a position the person does not hold counts the months.
    expect(
      checkEligibility(
        position({ positionId: 'vip-line', monthsInCurrentPosition: 12 }),
        person(),
        TODAY,
      ).reasons,
    ).toEqual(['10 of 12 months in current position']);
  });
});

describe('eligibilityMatrix', () => {
  it('should give one answer per person and position, in position order', () => {
    const positions = [
      position({ positionId: 'a' }),
      position({ positionId: 'b', certificates: [complaintCertificate] }),
    ];
    const matrix = eligibilityMatrix(
      positions,
      [person({ userId: 'u1' }), person({ userId: 'u2' })],
      TODAY,
    );
    expect([...matrix.keys()]).toEqual(['u1', 'u2']);
    expect(matrix.get('u2')!.map((cell) => `${cell.positionId}:${cell.status}`)).toEqual([
      'a:eligible',
      'b:not-eligible',
    ]);
  });
});

describe('eligibilityMatrix against checkEligibility', () => {
  it('should give each cell exactly what the single check gives', () => {
    const positions = [
      position({
        positionId: 'a',
        certificates: [complaintCertificate, privacyCertificate],
        exams: [{ examId: 'complaint-handler', title: 'Complaint handler', minGrade: 75 }],
        monthsInCurrentPosition: 6,
      }),
      position({ positionId: 'b', simulationMean: { minScore: 80, minSessions: 2 } }),
    ];
    const people = [
      person({ userId: 'u1', bestExamGrades: { 'complaint-handler': 62.25 } }),
      person({
        userId: 'u2',
        certificates: [
          { programmeId: 'complaint-handler', status: 'expired', expiresAt: at('2026-10-01') },
          { programmeId: 'data-privacy-annual', status: 'active', expiresAt: at('2026-12-01') },
        ],
        simulations: { sessions: 2, meanScore: 70 },
      }),
      person({
        userId: 'u3',
        currentPosition: null,
        bestExamGrades: { 'complaint-handler': 62.25 },
      }),
    ];
    const matrix = eligibilityMatrix(positions, people, TODAY);
    for (const one of people)
      expect(matrix.get(one.userId)).toEqual(
        positions.map((rule) => checkEligibility(rule, one, TODAY)),
      );
    // The same reason for two people is one text, built once.
    expect(matrix.get('u1')![0].reasons[1]).toBe(matrix.get('u3')![0].reasons[1]);
  });

  it('should keep the first of two live cycles that expire at the same moment', () => {
    const result = checkEligibility(
      position({ certificates: [privacyCertificate], expiringWithinDays: 0 }),
      person({
        certificates: [
          { programmeId: 'data-privacy-annual', status: 'active', expiresAt: at('2027-06-01') },
          { programmeId: 'data-privacy-annual', status: 'expiring', expiresAt: at('2027-06-01') },
        ],
      }),
      TODAY,
    );
    expect(result.status).toBe('eligible');
  });
});

describe('calendar days', () => {
  it('should accept real days only', () => {
    expect(isCalendarDay('2027-02-28')).toBe(true);
    expect(isCalendarDay('2027-02-30')).toBe(false);
    expect(isCalendarDay('2027-2-3')).toBe(false);
  });

  it('should add days across months and count whole months', () => {
    expect(addDays('2026-11-23', 90)).toBe('2027-02-21');
    expect(wholeMonthsBetween('2026-01-31', '2026-02-28')).toBe(0);
    expect(wholeMonthsBetween('2026-01-31', '2026-03-01')).toBe(1);
    expect(wholeMonthsBetween('2026-05-01', '2026-01-01')).toBe(0);
  });
});
