import { eligibilityBadge, MATRIX_PAGE_SIZE, matrixPageModel } from './rotation-pages.mapper';
import { EligibilityMatrixView } from './rotation-views';

function matrixOf(people: number): EligibilityMatrixView {
  return {
    on: '2026-11-23',
    team: null,
    positions: [{ id: 'vip-line', title: 'VIP line' }],
    people: Array.from({ length: people }, (_, index) => ({
      userId: `u${index}`,
      displayName: `Person ${index}`,
      email: `p${index}@academy.local`,
      team: 'North',
      currentPositionId: null,
      cells: [
        {
          positionId: 'vip-line',
          status: 'not-eligible' as const,
          reasons: ['12 of 18 months in current position'],
          warnings: [],
          current: false,
        },
      ],
    })),
    totals: { 'vip-line': { eligible: 0, expiring: 0, notEligible: people } },
  };
}

interface PageModel {
  rows: { userId: string; cells: { title: string }[] }[];
  totals: { notEligible: number }[];
  pager: { from: number; to: number; total: number; previous: string | null; next: string | null };
}

describe('matrixPageModel', () => {
  it('should show one page of people and keep the totals over everyone', () => {
    const model = matrixPageModel(matrixOf(450), {
      teams: ['North'],
      query: { team: 'North', page: 2 },
    }) as PageModel;
    expect(model.rows).toHaveLength(MATRIX_PAGE_SIZE);
    expect(model.rows[0].userId).toBe(`u${MATRIX_PAGE_SIZE}`);
    expect(model.rows[0].cells[0].title).toBe('12 of 18 months in current position');
    expect(model.totals[0].notEligible).toBe(450);
    expect(model.pager).toEqual({
      from: MATRIX_PAGE_SIZE + 1,
      to: 2 * MATRIX_PAGE_SIZE,
      total: 450,
      page: 2,
      pages: 3,
      previous: '/rotations/matrix?team=North&page=1',
      next: '/rotations/matrix?team=North&page=3',
    });
  });

  it('should need no pager when everyone fits, and clamp a page past the end', () => {
    expect((matrixPageModel(matrixOf(3), { teams: [], query: {} }) as PageModel).pager).toBeNull();
    const last = matrixPageModel(matrixOf(450), { teams: [], query: { page: 9 } }) as PageModel;
    expect(last.rows).toHaveLength(50);
    expect(last.pager.next).toBeNull();
  });
});

describe('eligibilityBadge', () => {
  const cell = (status: 'eligible' | 'not-eligible', current: boolean) => ({
    positionId: 'front-line-agent',
    status,
    reasons: [],
    warnings: [],
    current,
  });

  it('should say whether the person may move into a position, and whether they still meet the one they hold', () => {
    expect(eligibilityBadge(cell('not-eligible', false)).label).toBe('Not eligible');
    expect(eligibilityBadge(cell('eligible', true)).label).toBe('Holds it');
    expect(eligibilityBadge(cell('not-eligible', true))).toMatchObject({
      tone: 'bad',
      label: 'Holds it, requirements not met',
    });
  });
});
