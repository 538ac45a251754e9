import { Eligibility, PositionRequirements } from './engine';
import { MoveStatus } from './rotation-move.entity';

/** A position as the API and pages show it. */
export interface PositionView {
  id: string;
  title: string;
  summary: string;
  order: number;
  reviewAfterDays: number;
  expiringWithinDays: number;
  requires: Omit<PositionRequirements, 'positionId' | 'title' | 'expiringWithinDays'>;
  requirementsText: string[];
}

export interface ReviewView {
  id: string;
  moveId: string;
  reviewerId: string;
  reviewerName: string;
  rating: number;
  comments: string;
  reviewedAt: string;
}

export interface HistoryEntryView {
  id: string;
  positionId: string;
  positionTitle: string;
  startedOn: string;
  endedOn: string | null;
  current: boolean;
  reason: string;
  moveId: string | null;
  overridden: boolean;
  reviewDueOn: string | null;
  review: ReviewView | null;
}

export interface PersonPositionsView {
  userId: string;
  displayName: string;
  team: string | null;
  current: HistoryEntryView | null;
  /** Newest first. */
  history: HistoryEntryView[];
}

export interface PersonSummary {
  userId: string;
  displayName: string;
  email: string;
  team: string | null;
}

export interface EligibilityCell extends Eligibility {
  positionTitle: string;
}

export interface PersonEligibilityView extends PersonSummary {
  on: string;
  currentPosition: { positionId: string; title: string; since: string } | null;
  positions: EligibilityCell[];
}

export interface EligibilityMatrixView {
  on: string;
  team: string | null;
  positions: { id: string; title: string }[];
  people: (PersonSummary & { currentPositionId: string | null; cells: Eligibility[] })[];
  /** Per position id: how many people are eligible, expiring, not eligible. */
  totals: Record<string, { eligible: number; expiring: number; notEligible: number }>;
}

export interface MoveView {
  id: string;
  userId: string;
  displayName: string;
  team: string | null;
  positionId: string;
  positionTitle: string;
  fromPositionId: string | null;
  fromPositionTitle: string | null;
  effectiveOn: string;
  note: string | null;
  status: MoveStatus;
  proposedById: string;
  proposedAt: string;
  decidedById: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  overrideReason: string | null;
  /** Pending moves: checked now for the effective day; decided ones: as seen when decided. */
  eligibility: Eligibility | null;
  appliedAt: string | null;
  reviewDueOn: string | null;
  review: ReviewView | null;
}

export interface DueReviewView {
  moveId: string;
  userId: string;
  displayName: string;
  team: string | null;
  positionId: string;
  positionTitle: string;
  effectiveOn: string;
  reviewDueOn: string;
  overdue: boolean;
  reviewed: boolean;
}
