import { Eligibility, EligibilityStatus } from './engine';
import { MoveStatus } from './rotation-move.entity';
import {
  DueReviewView,
  EligibilityMatrixView,
  MoveView,
  PersonEligibilityView,
  PersonPositionsView,
} from './rotation-views';

const STATUS_BADGES: Record<EligibilityStatus, { tone: string; label: string; symbol: string }> = {
  eligible: { tone: 'good', label: 'Eligible', symbol: '✓' },
  expiring: { tone: 'warn', label: 'Expiring', symbol: '!' },
  'not-eligible': { tone: 'bad', label: 'Not eligible', symbol: '✗' },
};

// The position someone holds: whether they still meet what it asks, not whether they may move.
const CURRENT_BADGES: Record<EligibilityStatus, { tone: string; label: string; symbol: string }> = {
  eligible: { tone: 'good', label: 'Holds it', symbol: '●' },
  expiring: { tone: 'warn', label: 'Holds it, expiring', symbol: '●' },
  'not-eligible': { tone: 'bad', label: 'Holds it, requirements not met', symbol: '●' },
};

/** The badge of one cell: eligibility, or for the position held, whether it is still met. */
export function eligibilityBadge(cell: Eligibility): {
  tone: string;
  label: string;
  symbol: string;
} {
  return (cell.current ? CURRENT_BADGES : STATUS_BADGES)[cell.status];
}

const MOVE_BADGES: Record<MoveStatus, { tone: string; label: string }> = {
  proposed: { tone: '', label: 'Proposed' },
  approved: { tone: 'warn', label: 'Approved, waiting for its day' },
  applied: { tone: 'good', label: 'Applied' },
  rejected: { tone: 'bad', label: 'Rejected' },
  cancelled: { tone: '', label: 'Cancelled' },
};

/** The text shown on hover and read by screen readers: every reason and warning. */
export function eligibilityTitle(cell: Eligibility): string {
  const lines = [...cell.reasons, ...cell.warnings];
  if (cell.current) lines.unshift('current position');
  return lines.length ? lines.join('; ') : 'meets every requirement';
}

function eligibilityModel(cell: Eligibility): object {
  return { ...cell, badge: eligibilityBadge(cell), title: eligibilityTitle(cell) };
}

export function planPageModel(
  moves: MoveView[],
  extra: { people: { userId: string; displayName: string; team: string | null }[] } & Record<
    string,
    unknown
  >,
): object {
  return {
    title: 'Rotation plan',
    ...extra,
    moves: moves.map((move) => ({
      ...move,
      badge: MOVE_BADGES[move.status],
      eligibility: move.eligibility ? eligibilityModel(move.eligibility) : null,
      pending: move.status === 'proposed',
      cancellable: move.status === 'proposed' || move.status === 'approved',
    })),
  };
}

/** People per page of the matrix page; the JSON API always answers for everyone. */
export const MATRIX_PAGE_SIZE = 200;

export function matrixPageModel(
  matrix: EligibilityMatrixView,
  extra: { teams: string[]; query: { team?: string; position?: string; page?: number } },
): object {
  const total = matrix.people.length;
  const pages = Math.max(1, Math.ceil(total / MATRIX_PAGE_SIZE));
  const page = Math.min(extra.query.page ?? 1, pages);
  const from = (page - 1) * MATRIX_PAGE_SIZE;
  const shown = matrix.people.slice(from, from + MATRIX_PAGE_SIZE);
  const filters = (): URLSearchParams => {
    const params = new URLSearchParams();
    if (extra.query.team) params.set('team', extra.query.team);
    if (extra.query.position) params.set('position', extra.query.position);
    return params;
  };
  const link = (target: number): string => {
    const params = filters();
    params.set('page', String(target));
    return `/rotations/matrix?${params.toString()}`;
  };
  const csv = filters().toString();
  return {
    title: 'Eligibility matrix',
    ...extra,
    csvHref: `/api/rotations/eligibility.csv${csv ? `?${csv}` : ''}`,
    matrix: { on: matrix.on, team: matrix.team, positions: matrix.positions },
    totals: matrix.positions.map((position) => ({
      ...position,
      ...matrix.totals[position.id],
    })),
    pager:
      pages > 1
        ? {
            from: from + 1,
            to: from + shown.length,
            total,
            page,
            pages,
            previous: page > 1 ? link(page - 1) : null,
            next: page < pages ? link(page + 1) : null,
          }
        : null,
    rows: shown.map((person) => ({
      ...person,
      cells: person.cells.map((cell) => ({
        ...cell,
        badge: eligibilityBadge(cell),
        title: eligibilityTitle(cell),
      })),
    })),
  };
}

export function personPageModel(
  positions: PersonPositionsView,
  eligibility: PersonEligibilityView,
  extra: { own: boolean; canReview: boolean } & Record<string, unknown>,
): object {
  return {
    title: extra.own ? 'My position' : `Positions: ${positions.displayName}`,
    ...extra,
    person: positions,
    history: positions.history.map((entry) => ({
      ...entry,
      canReview: extra.canReview && entry.moveId !== null && entry.review === null,
    })),
    eligibility: eligibility.positions.map(eligibilityModel),
    on: eligibility.on,
  };
}

export function reviewsPageModel(reviews: DueReviewView[], query: { due?: string }): object {
  return {
    title: 'Rotation reviews',
    query,
    reviews,
    overdueCount: reviews.filter((review) => review.overdue).length,
  };
}
