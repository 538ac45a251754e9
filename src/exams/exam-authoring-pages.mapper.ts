import { withdrawalModel } from '../activities/withdrawal-pages';
import type { FieldError } from '../common/domain-error';
import { errorsByPath } from '../common/validation';
import {
  AuthoredExamDetailView,
  AuthoredExamView,
  DrawPreviewView,
  ExamValidationView,
} from './dto/exam-authoring.dto';
import type { BankSummary } from './question-bank.service';

/** What a new exam starts from: short, valid against the shipped banks, every field shown. */
export const STARTER_EXAM_SOURCE = `id: my-new-exam
title: A short check on handling complaints
description: >-
  One paragraph on who takes this exam and what passing it means.
timeLimitMinutes: 20           # 1–600
passMark: 70                   # percent of the marks
attemptsAllowed: 2             # 0: no limit
waitBetweenAttemptsHours: 24
reviewPolicy: after-submit     # never | after-submit | after-close (needs closesAt)
# closesAt: 2027-06-30T17:00:00Z
shuffleQuestions: true
shuffleChoices: true
sections:
  - title: Complaint handling
    draw: 4
    from: { category: complaint-handling, types: [single, multiple, truefalse] }
  - title: Emotions and conflict
    draw: 2
    from: { bank: emotions-conflict }
`;

/** A content exam's text filed under a new id, for "copy as new draft". */
export function copyExamSource(source: string, fromId: string): string {
  const copyId = `${fromId}-copy`.slice(0, 80);
  return source.replace(/^id:.*$/m, `id: ${copyId}`);
}

export function listModel(items: AuthoredExamView[], notice?: string): object {
  return {
    title: 'Exam editor',
    notice,
    authored: items.filter((item) => !item.readOnly),
    content: items.filter((item) => item.readOnly),
  };
}

export interface ExamEditorState {
  examId: string | null;
  source: string;
  validation: ExamValidationView;
  banks: BankSummary[];
  detail?: AuthoredExamDetailView;
  preview?: DrawPreviewView;
  /** A content exam: checked and previewed, never saved here. */
  readOnly?: boolean;
  notice?: string;
  error?: string;
  errors?: FieldError[];
  /** The reason typed in the withdraw form, shown again with its error. */
  withdrawReason?: string;
}

/** The editor: the YAML, its problems by line, what each section can draw, and the banks. */
export function editorModel(state: ExamEditorState): object {
  const { validation, detail } = state;
  return {
    title: state.examId ? `Exam editor · ${state.examId}` : 'Exam editor · new exam',
    examId: state.examId,
    source: state.source,
    readOnly: detail?.readOnly ?? state.readOnly ?? false,
    hasDraft: detail?.draft != null,
    detail,
    notice: state.notice,
    error: state.error,
    errors: errorsByPath(state.errors),
    sourceErrors: (state.errors ?? []).filter((error) => error.path.startsWith('source')),
    validation,
    sections: validation.sections.map((section) => ({
      ...section,
      short: section.matching < section.draw,
    })),
    banks: state.banks,
    preview: state.preview,
    withdrawal:
      detail &&
      withdrawalModel(`/exams/authoring/${encodeURIComponent(detail.examId)}`, detail, {
        reason: state.withdrawReason,
        errors: state.errors,
      }),
  };
}
