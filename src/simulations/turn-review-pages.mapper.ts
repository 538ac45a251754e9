import type { FieldError } from '../common/domain-error';
import { errorsByPath } from '../common/validation';
import { percentOf } from '../common/view-helpers';
import type { HomeNotice } from '../identity/home-sections';
import {
  RatingAgreementView,
  ReceivedReviewView,
  TurnReviewAgreementView,
  TurnReviewView,
  UnseenReviewsView,
  VerdictAgreementView,
} from './dto/turn-review.dto';

const RATINGS = [1, 2, 3, 4, 5];
// Sessions named one by one in the "new reviews" notice; the rest are on the role-play page.
const UNSEEN_SESSIONS_NAMED = 5;
const VERDICT = {
  pass: { label: 'Pass', badge: 'good' },
  fail: { label: 'Fail', badge: 'bad' },
};

/** What the debrief page shows and offers about reviews. */
export interface ReviewContext {
  reviews: readonly TurnReviewView[];
  /** The viewer is the session's trainee: reviews they had not seen are marked new. */
  own: boolean;
  /** The viewer, when they may review this session's replies. */
  reviewerId: string | null;
  /** A review form that came back with errors, to show again as it was sent. */
  failed?: {
    turnIndex: number;
    message: string;
    errors?: FieldError[];
    form: Record<string, unknown>;
  };
}

/** One reply's reviews, and the viewer's form for it when they may review. */
export function turnReviewsModel(
  sessionId: string,
  turnIndex: number,
  context: ReviewContext,
): object {
  const reviews = context.reviews.filter((review) => review.turnIndex === turnIndex);
  const mine = reviews.find((review) => review.reviewerId === context.reviewerId);
  const failed = context.failed?.turnIndex === turnIndex ? context.failed : undefined;
  const value = (field: 'verdict' | 'politeness' | 'empathy' | 'note'): string => {
    const sent = failed?.form[field];
    if (failed) return typeof sent === 'string' ? sent : '';
    const stored = mine?.[field];
    return stored === null || stored === undefined ? '' : String(stored);
  };
  const options = (field: 'politeness' | 'empathy') =>
    RATINGS.map((rating) => ({ rating, selected: value(field) === String(rating) }));
  const action = `/simulations/sessions/${sessionId}/turns/${turnIndex}/review`;
  const anchor = `review-${turnIndex + 1}`;
  return {
    anchor,
    list: reviews.map((review) => ({
      ...review,
      verdictBadge: VERDICT[review.verdict],
      mine: review.reviewerId === context.reviewerId,
      newToYou: context.own && !review.seen,
      unread: !context.own && !review.seen,
    })),
    form: context.reviewerId
      ? {
          // A refused review comes back on a long page: the fragment brings the reviewer to it.
          action: `${action}#${anchor}`,
          withdraw: mine ? `${action}/withdraw` : null,
          pass: value('verdict') === 'pass',
          fail: value('verdict') === 'fail',
          politeness: options('politeness'),
          empathy: options('empathy'),
          note: value('note'),
          error: failed?.message,
          errors: errorsByPath(failed?.errors),
        }
      : null,
  };
}

/** One review of the viewer's replies, for the feedback list on the role-play page. */
export function feedbackItem(review: ReceivedReviewView): object {
  return {
    ...review,
    verdictBadge: VERDICT[review.verdict],
    number: review.turnIndex + 1,
    href: `/simulations/sessions/${review.sessionId}/debrief#review-${review.turnIndex + 1}`,
  };
}

/**
 * "N new reviews of your replies", with a link to each debrief that holds them (opening one
 * marks its reviews seen); null when nothing is new. The home page and the role-play page show it.
 */
export function unseenReviewsNotice(summary: UnseenReviewsView): HomeNotice | null {
  if (summary.unseen === 0) return null;
  const debrief = (sessionId: string): string => `/simulations/sessions/${sessionId}/debrief`;
  const { sessions } = summary;
  const links = sessions.slice(0, UNSEEN_SESSIONS_NAMED).map((item) => ({
    label: `${item.title}, attempt ${item.attemptNumber}: ${item.unseen} new`,
    href: debrief(item.sessionId),
  }));
  const more = sessions.length - links.length;
  if (more > 0)
    links.push({
      label: `${more} more session${more === 1 ? '' : 's'}`,
      href: '/simulations#feedback',
    });
  return {
    kind: 'new-reviews',
    text: `${summary.unseen} new review${summary.unseen === 1 ? '' : 's'} of your replies`,
    href: sessions.length === 1 ? debrief(sessions[0].sessionId) : '/simulations#feedback',
    links,
  };
}

/** Correlations and kappa with two decimals; "–" when undefined. */
const decimal = (value: number | null): string => (value === null ? '–' : value.toFixed(2));

// Landis & Koch (1977), the usual words for a kappa.
function kappaWords(kappa: number | null): string {
  if (kappa === null) return 'not defined';
  if (kappa < 0) return 'worse than chance';
  if (kappa <= 0.2) return 'slight';
  if (kappa <= 0.4) return 'fair';
  if (kappa <= 0.6) return 'moderate';
  if (kappa <= 0.8) return 'substantial';
  return 'almost perfect';
}

function verdictModel(verdict: VerdictAgreementView): object {
  return {
    ...verdict,
    agreementText: percentOf(verdict.agreement),
    kappaText: decimal(verdict.kappa),
    kappaWords: kappaWords(verdict.kappa),
  };
}

function ratingModel(label: string, rating: RatingAgreementView): object {
  return {
    label,
    n: rating.n,
    exact: percentOf(rating.exact),
    withinOne: percentOf(rating.withinOne),
    spearman: decimal(rating.spearman),
  };
}

/** The agreement report page: filters, the engine against reviewers, the latest disagreements. */
export function agreementModel(
  report: TurnReviewAgreementView,
  extra: {
    query: Record<string, unknown>;
    scenarios: { id: string; title: string }[];
    teams: string[];
    errors?: FieldError[];
  },
): object {
  const filter = new URLSearchParams();
  if (report.scenarioId) filter.set('scenarioId', report.scenarioId);
  if (typeof extra.query.team === 'string' && extra.query.team !== '')
    filter.set('team', extra.query.team);
  if (report.from) filter.set('from', report.from);
  if (report.to) filter.set('to', report.to);
  const search = filter.toString();
  return {
    title: 'Reply reviews',
    report,
    query: extra.query,
    scenarios: extra.scenarios,
    teams: extra.teams,
    anyTeam: report.teams === null,
    errors: errorsByPath(extra.errors),
    verdict: verdictModel(report.verdict),
    betweenReviewers: verdictModel(report.betweenReviewers),
    ratings: [ratingModel('Politeness', report.politeness), ratingModel('Empathy', report.empathy)],
    byScenario: report.byScenario.map((item) => ({ ...item, verdict: verdictModel(item.verdict) })),
    disagreements: report.disagreements.map((item) => ({
      ...item,
      href: `/simulations/sessions/${item.sessionId}/debrief#review-${item.turnIndex + 1}`,
      number: item.turnIndex + 1,
      score: Math.round(item.engineOverall),
      engineBadge: item.enginePassed ? VERDICT.pass : VERDICT.fail,
      verdictBadge: VERDICT[item.verdict],
    })),
    exportHref: `/api/simulations/reviews/export.jsonl${search ? `?${search}` : ''}`,
  };
}
