import type { Dimension } from '../../scoring/engine';

/** A minimum score per scoring dimension (0–100), e.g. `{ compliance: 100, politeness: 70 }`. */
export type DimensionMinimums = Partial<Record<Dimension, number>>;

export interface ExamRequirement {
  exam: string;
  /** Percentage needed; null means the exam's own pass mark (a "passed" verdict). */
  minimumGrade: number | null;
  /**
   * Written in the app's exam editor, not in content/exams: checked against the published exams
   * once the service runs, not by the content check.
   */
  writtenInApp?: boolean;
}

/** Either one named scenario, or `count` different scenarios carrying `tag`. */
export interface SimulationRequirement {
  scenario: string | null;
  tag: string | null;
  count: number;
  /** Overall session score needed (0–100); null: the scenario's own pass mark. */
  minimumScore: number | null;
  minimumScores: DimensionMinimums;
  /** The named scenario is written in the app's scenario editor, not in content/scenarios. */
  writtenInApp?: boolean;
}

export interface SignOffItem {
  id: string;
  text: string;
}

/** An observation checklist a supervisor ticks after reviewing live calls. */
/** Who may sign an observation checklist: those of the person's team's staff with this role. */
export const SIGNER_ROLES = ['supervisor', 'trainer'] as const;
export type SignerRole = (typeof SIGNER_ROLES)[number];

export interface SignOffRequirement {
  title: string;
  checklist: SignOffItem[];
  /** Roles that may sign it (a supervisor or trainer of the person's team); default supervisor. */
  signedBy: SignerRole[];
}

export interface RequirementSet {
  courses: string[];
  exams: ExamRequirement[];
  simulations: SimulationRequirement[];
  signOff: SignOffRequirement | null;
}

/** A certification programme as authored in content/programmes/<id>.yaml. */
export interface Programme {
  id: string;
  version: number;
  title: string;
  description: string;
  validityMonths: number;
  /** Recertification opens this many days before expiry. */
  renewalWindowDays: number;
  requirements: RequirementSet;
  /** What recertification asks for; the full requirements when the file names none. */
  renewal: RequirementSet;
}
