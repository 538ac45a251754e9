import { detailLines } from './view-helpers';

describe('detailLines', () => {
  it('should read a summary as labelled lines, nested fields by their path, empty ones left out', () => {
    expect(
      detailLines({
        scenarioId: null,
        team: 'North',
        from: { state: 'needsgrading', mark: 0 },
        to: { state: 'mangrpartial', mark: 1.5 },
        roles: ['trainer', 'admin'],
        mustChangePassword: true,
        note: '',
      }),
    ).toEqual([
      { label: 'team', value: 'North' },
      { label: 'from › state', value: 'needsgrading' },
      { label: 'from › mark', value: '0' },
      { label: 'to › state', value: 'mangrpartial' },
      { label: 'to › mark', value: '1.5' },
      { label: 'roles', value: 'trainer, admin' },
      { label: 'must change password', value: 'yes' },
    ]);
  });

  it('should give nothing for a summary that is not an object, and keep lists of objects whole', () => {
    expect(detailLines(null)).toEqual([]);
    expect(detailLines('text')).toEqual([]);
    expect(detailLines({ rows: [{ a: 1 }] })).toEqual([{ label: 'rows', value: '[{"a":1}]' }]);
  });
});
