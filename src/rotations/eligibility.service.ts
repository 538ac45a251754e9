import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '../common/clock';
import { AuditService } from '../identity/audit.service';
import { UsersService } from '../identity/users.service';
import { assertTeamVisible, visibleTeams } from '../identity/team-scope';
import { Viewer } from '../identity/viewer';
import { checkEligibility, dayOf, Eligibility, eligibilityMatrix } from './engine';
import { PositionCatalogue } from './position-catalogue.service';
import { RotationEvidenceQueries } from './rotation-evidence.queries';
import { EligibilityMatrixView, PersonEligibilityView } from './rotation-views';

/** Eligibility of people for positions: one person, a move, or the whole matrix. */
@Injectable()
export class EligibilityService {
  constructor(
    private readonly evidence: RotationEvidenceQueries,
    private readonly positions: PositionCatalogue,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  today(): string {
    return dayOf(this.clock.now());
  }

  /** The teams a viewer may see in the matrix and review lists; null = everyone. */
  scopeOf(viewer: Viewer): string[] | null {
    return visibleTeams(viewer);
  }

  /** People × positions on today's date, for the viewer's teams (or one of them). */
  async matrix(
    viewer: Viewer,
    query: { team?: string; position?: string },
  ): Promise<EligibilityMatrixView> {
    assertTeamVisible(viewer, query.team);
    const scope = this.scopeOf(viewer);
    const teams = query.team ? [query.team] : (scope ?? undefined);
    const positions = query.position
      ? [this.positions.requirementsOf(query.position)]
      : this.positions.allRequirements();
    const people = await this.evidence.people({ teams });
    const evidence = await this.evidence.evidenceFor(people.map((person) => person.userId));
    const on = this.today();
    const cells = eligibilityMatrix(positions, evidence, on);
    const totals: EligibilityMatrixView['totals'] = Object.fromEntries(
      positions.map((position) => [
        position.positionId,
        { eligible: 0, expiring: 0, notEligible: 0 },
      ]),
    );
    const rows = people.map((person, index) => {
      const row = cells.get(person.userId) ?? [];
      for (const cell of row) {
        const total = totals[cell.positionId];
        if (cell.status === 'eligible') total.eligible++;
        else if (cell.status === 'expiring') total.expiring++;
        else total.notEligible++;
      }
      return {
        ...person,
        currentPositionId: evidence[index].currentPosition?.positionId ?? null,
        cells: row,
      };
    });
    return {
      on,
      team: query.team ?? null,
      positions: positions.map((position) => ({ id: position.positionId, title: position.title })),
      people: rows,
      totals,
    };
  }

  /** A downloaded matrix, in the audit log as the report exports are. */
  async recordExport(
    viewer: Viewer,
    query: { team?: string; position?: string },
    rowCount: number,
  ): Promise<void> {
    await this.audit.recordExport(viewer, {
      table: 'eligibility-matrix',
      filters: { team: query.team ?? null, position: query.position ?? null },
      rowCount,
    });
  }

  /** One person's eligibility for every position, today. */
  async forUser(userId: string): Promise<PersonEligibilityView> {
    const user = await this.users.get(userId);
    const [evidence] = await this.evidence.evidenceFor([user.id]);
    const on = this.today();
    return {
      userId: user.id,
      displayName: user.displayName,
      email: user.email,
      team: user.team,
      on,
      currentPosition: evidence.currentPosition,
      positions: this.positions.allRequirements().map((position) => ({
        ...checkEligibility(position, evidence, on),
        positionTitle: position.title,
      })),
    };
  }

  /**
   * Eligibility of each move's person for its position on the day that counts: the effective
   * day, or today when that has passed.
   */
  async forMoves(
    moves: readonly { id: string; userId: string; positionId: string; effectiveOn: string }[],
  ): Promise<Map<string, Eligibility>> {
    const userIds = [...new Set(moves.map((move) => move.userId))];
    const evidence = new Map(
      (await this.evidence.evidenceFor(userIds)).map((person) => [person.userId, person]),
    );
    const today = this.today();
    const result = new Map<string, Eligibility>();
    for (const move of moves) {
      const person = evidence.get(move.userId)!;
      const requirements = this.positions.find(move.positionId)
        ? this.positions.requirementsOf(move.positionId)
        : null;
      if (!requirements) continue;
      const on = move.effectiveOn > today ? move.effectiveOn : today;
      result.set(move.id, checkEligibility(requirements, person, on));
    }
    return result;
  }
}
