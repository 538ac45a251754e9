import { Response } from 'express';
import { AppError, DomainError, FieldError } from '../common/domain-error';
import { errorsByPath, validateInto } from '../common/validation';
import { Viewer } from '../identity/viewer';
import { WithdrawalView } from './activity-withdrawals';
import { WithdrawDto } from './withdrawal.dto';

/** What the withdraw and reinstate forms of an editor page need from its feature. */
export interface WithdrawalPages {
  what: 'exam' | 'scenario';
  withdraw(viewer: Viewer, id: string, reason: string): Promise<unknown>;
  reinstate(viewer: Viewer, id: string): Promise<unknown>;
  /** The editor page of `id`, with a query string. */
  editorUrl(id: string, query: string): string;
  /** The editor again, answering `error`'s status, with the reason typed (if any). */
  renderRefused(
    viewer: Viewer,
    id: string,
    error: DomainError,
    response: Response,
    reason?: string,
  ): Promise<void>;
}

/** The withdraw form posted: back to the editor with a notice, or the editor with the error. */
export async function withdrawFromPage(
  pages: WithdrawalPages,
  viewer: Viewer,
  id: string,
  form: Record<string, unknown>,
  response: Response,
): Promise<void> {
  const typed = typeof form.reason === 'string' ? form.reason.slice(0, 500) : undefined;
  try {
    const checked = validateInto(WithdrawDto, { reason: form.reason });
    if (!checked.ok)
      throw AppError.validation(checked.errors, `Say why the ${pages.what} is withdrawn`);
    await pages.withdraw(viewer, id, checked.value.reason);
    response.redirect(303, pages.editorUrl(id, 'withdrawn=1'));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    await pages.renderRefused(viewer, id, error, response, typed);
  }
}

/** The reinstate form posted. */
export async function reinstateFromPage(
  pages: WithdrawalPages,
  viewer: Viewer,
  id: string,
  response: Response,
): Promise<void> {
  try {
    await pages.reinstate(viewer, id);
    response.redirect(303, pages.editorUrl(id, 'reinstated=1'));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    await pages.renderRefused(viewer, id, error, response);
  }
}

/** The editor's notice after either form, from its query string. */
export function withdrawalNotice(query: Record<string, unknown>): string | undefined {
  if (query.withdrawn) return 'Withdrawn: trainees can no longer start it.';
  if (query.reinstated) return 'Offered again: trainees can start it.';
  return undefined;
}

/** The model of `views/partials/withdrawal.hbs` for an editor page; null when not published. */
export function withdrawalModel(
  action: string,
  detail: { readOnly: boolean; publishedVersion: number | null; withdrawn: WithdrawalView | null },
  state: { reason?: string; errors?: FieldError[] },
): object | null {
  if (detail.readOnly || detail.publishedVersion === null) return null;
  return {
    action,
    withdrawn: detail.withdrawn,
    reason: state.reason,
    error: errorsByPath(state.errors).reason,
  };
}
