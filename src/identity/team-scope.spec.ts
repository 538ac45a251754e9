import { canSeePerson, canSeeTeam, visibleTeams } from './team-scope';

const hr = { id: 'h', roles: ['hr' as const], managedTeams: [] };
const lead = { id: 's', roles: ['supervisor' as const], managedTeams: ['North'] };
const trainee = { id: 't', roles: ['trainee' as const], managedTeams: [] };

describe('team scope', () => {
  it('should let hr and admin see everyone', () => {
    expect(visibleTeams(hr)).toBeNull();
    expect(canSeePerson(hr, { id: 'x', team: null })).toBe(true);
  });

  it('should limit a team lead to the teams they manage', () => {
    expect(visibleTeams(lead)).toEqual(['North']);
    expect(canSeeTeam(lead, 'North')).toBe(true);
    expect(canSeeTeam(lead, 'South')).toBe(false);
    expect(canSeePerson(lead, { id: 'x', team: 'North' })).toBe(true);
    expect(canSeePerson(lead, { id: 'y', team: 'South' })).toBe(false);
    expect(canSeePerson(lead, { id: 'z', team: null })).toBe(false);
  });

  it('should let a trainee see only themselves', () => {
    expect(canSeePerson(trainee, { id: 't', team: 'North' })).toBe(true);
    expect(canSeePerson(trainee, { id: 'x', team: 'North' })).toBe(false);
  });
});
