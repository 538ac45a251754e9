import {
  addMonths,
  daysUntil,
  expiryOf,
  reminderDue,
  renewalOpensAt,
  renewedExpiry,
  statusAt,
} from './certificate-dates';
import { cycleDates, nextCycle } from './certificate-cycle';
import { Programme } from './programme.types';

const d = (iso: string): Date => new Date(iso);
const PROGRAMME: Programme = {
  id: 'p',
  version: 1,
  title: 'P',
  description: 'P',
  validityMonths: 12,
  renewalWindowDays: 30,
  requirements: { courses: ['a', 'b'], exams: [], simulations: [], signOff: null },
  renewal: { courses: ['b'], exams: [], simulations: [], signOff: null },
};

describe('certificate dates', () => {
  it('should add calendar months in UTC, clamping to the end of shorter months', () => {
    expect(addMonths(d('2026-01-31T10:00:00Z'), 1)).toEqual(d('2026-02-28T10:00:00Z'));
    expect(addMonths(d('2027-01-31T10:00:00Z'), 13)).toEqual(d('2028-02-29T10:00:00Z'));
    expect(addMonths(d('2026-11-23T09:00:00Z'), 24)).toEqual(d('2028-11-23T09:00:00Z'));
    expect(expiryOf(d('2026-03-31T00:00:00Z'), 6)).toEqual(d('2026-09-30T00:00:00Z'));
  });

  it('should open renewal N days before expiry and run a renewal on from the old expiry', () => {
    expect(renewalOpensAt(d('2027-11-23T09:00:00Z'), 30)).toEqual(d('2027-10-24T09:00:00Z'));
    expect(renewedExpiry(d('2027-11-23T09:00:00Z'), d('2027-11-01T00:00:00Z'), 12)).toEqual(
      d('2028-11-23T09:00:00Z'),
    );
    expect(renewedExpiry(d('2027-11-23T09:00:00Z'), d('2027-12-01T00:00:00Z'), 12)).toEqual(
      d('2028-12-01T00:00:00Z'),
    );
  });

  it('should derive the status from the dates unless revoked or superseded', () => {
    const cycle = {
      expiresAt: d('2027-11-23T09:00:00Z'),
      renewalOpensAt: d('2027-10-24T09:00:00Z'),
    };
    expect(statusAt({ ...cycle, status: 'active' }, d('2027-10-24T08:59:59Z'))).toBe('active');
    expect(statusAt({ ...cycle, status: 'active' }, d('2027-10-24T09:00:00Z'))).toBe('expiring');
    expect(statusAt({ ...cycle, status: 'expiring' }, d('2027-11-23T09:00:00Z'))).toBe('expired');
    expect(statusAt({ ...cycle, status: 'revoked' }, d('2026-01-01T00:00:00Z'))).toBe('revoked');
    expect(statusAt({ ...cycle, status: 'superseded' }, d('2030-01-01T00:00:00Z'))).toBe(
      'superseded',
    );
  });

  it('should name the tightest reminder reached, none before 60 days or after expiry', () => {
    const expires = d('2027-11-23T09:00:00Z');
    expect(reminderDue(expires, d('2027-09-24T08:00:00Z'))).toBeNull();
    expect(reminderDue(expires, d('2027-09-24T09:00:00Z'))).toBe(60);
    expect(reminderDue(expires, d('2027-10-24T09:00:00Z'))).toBe(30);
    expect(reminderDue(expires, d('2027-11-16T09:00:00Z'))).toBe(7);
    expect(reminderDue(expires, d('2027-11-23T09:00:00Z'))).toBeNull();
    expect(daysUntil(expires, d('2027-11-16T09:00:00Z'))).toBe(7);
  });
});

describe(nextCycle.name, () => {
  const latest = {
    cycle: 1,
    status: 'active' as const,
    expiresAt: d('2027-11-23T09:00:00Z'),
    renewalOpensAt: d('2027-10-24T09:00:00Z'),
    revokedAt: null,
  };

  it('should ask for the full requirements the first time', () => {
    expect(nextCycle(PROGRAMME, null, d('2026-11-23T09:00:00Z'))).toEqual({
      cycle: 1,
      basis: 'initial',
      set: PROGRAMME.requirements,
      since: null,
    });
  });

  it('should ask for nothing while active, the renewal terms in the window, everything after expiry', () => {
    expect(nextCycle(PROGRAMME, latest, d('2027-10-01T00:00:00Z'))).toBeNull();
    expect(nextCycle(PROGRAMME, latest, d('2027-11-01T00:00:00Z'))).toEqual({
      cycle: 2,
      basis: 'renewal',
      set: PROGRAMME.renewal,
      since: latest.renewalOpensAt,
    });
    expect(nextCycle(PROGRAMME, latest, d('2027-12-01T00:00:00Z'))).toMatchObject({
      cycle: 2,
      basis: 're-earned',
      set: PROGRAMME.requirements,
    });
  });

  it('should count only evidence after a revocation', () => {
    const revokedAt = d('2027-01-01T00:00:00Z');
    const next = nextCycle(
      PROGRAMME,
      { ...latest, status: 'revoked', revokedAt },
      d('2027-02-01T00:00:00Z'),
    );
    expect(next?.since?.getTime()).toBe(revokedAt.getTime() + 1);
  });

  it('should date a renewal from the old expiry and a first award from when it was met', () => {
    expect(cycleDates(PROGRAMME, 'renewal', d('2027-11-01T00:00:00Z'), latest)).toEqual({
      issuedAt: d('2027-11-01T00:00:00Z'),
      expiresAt: d('2028-11-23T09:00:00Z'),
      renewalOpensAt: d('2028-10-24T09:00:00Z'),
    });
    expect(cycleDates(PROGRAMME, 'initial', d('2026-11-23T09:00:00Z'), null).expiresAt).toEqual(
      d('2027-11-23T09:00:00Z'),
    );
  });
});
