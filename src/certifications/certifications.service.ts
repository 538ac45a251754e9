import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, FindOptionsWhere, In, Repository } from 'typeorm';
import { Clock, CLOCK } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { runTransaction } from '../database/transactions';
import { AuditService } from '../identity/audit.service';
import { UsersService } from '../identity/users.service';
import { rowsForIds } from '../database/chunks';
import { rawTime } from '../database/raw-time';
import { assertTeamVisible, canSeePerson, visibleTeams } from '../identity/team-scope';
import { Viewer } from '../identity/viewer';
import { CertificateAwardingService } from './certificate-awarding.service';
import { CertificateHolding, CertificateHoldings } from './certificate-holdings';
import { CertificateView, MyCertificatesView, ProgrammeProgressView } from './certificate-views';
import { Certificate } from './certificate.entity';
import { CertificationError, CertificationErrorCode } from './certification-error';
import { CertificateStatus, statusAt } from './engine';
import { NoticesService } from './notices.service';
import { ProgrammesService } from './programmes.service';

export interface CertificateFilters {
  programme?: string;
  status?: CertificateStatus;
  team?: string;
  limit?: number;
  offset?: number;
}

/** The certificate ledger as people and other features read it; revocation. */
interface HoldingRow {
  user_id: string;
  programme_id: string;
  status: CertificateStatus;
  expires_at: Date | string;
  renewal_opens_at: Date | string;
}

@Injectable()
export class CertificationsService implements CertificateHoldings {
  constructor(
    @InjectRepository(Certificate) private readonly certificates: Repository<Certificate>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly awarding: CertificateAwardingService,
    private readonly programmes: ProgrammesService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly notices: NoticesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async holdingsOf(userIds: readonly string[]): Promise<CertificateHolding[]> {
    if (userIds.length === 0) return [];
    const now = this.clock.now();
    // In IN lists (within the databases' bound-parameter limits), or one pass for a workforce;
    // raw rows, as building entities costs more than the query for a workforce's certificates.
    const rows = await rowsForIds<HoldingRow>(
      userIds,
      (row) => row.user_id,
      (ids) => {
        const builder = this.certificates
          .createQueryBuilder('c')
          .select([
            'c.user_id AS user_id',
            'c.programme_id AS programme_id',
            'c.status AS status',
            'c.expires_at AS expires_at',
            'c.renewal_opens_at AS renewal_opens_at',
          ])
          .orderBy('c.cycle', 'DESC');
        if (ids) builder.where('c.user_id IN (:...ids)', { ids });
        return builder.getRawMany<HoldingRow>();
      },
    );
    return rows.map((row) => {
      const cycle = {
        status: row.status,
        expiresAt: rawTime(row.expires_at)!,
        renewalOpensAt: rawTime(row.renewal_opens_at)!,
      };
      return {
        userId: row.user_id,
        programmeId: row.programme_id,
        status: statusAt(cycle, now),
        expiresAt: cycle.expiresAt,
      };
    });
  }

  /**
   * Someone's overview as the viewer may see it: their own, anyone's for hr and admin, their
   * teams' for trainers and supervisors; anyone else looks like a user that does not exist.
   */
  async overviewFor(viewer: Viewer, userId: string): Promise<MyCertificatesView> {
    if (!(await this.users.maySee(viewer, userId))) throw CertificationError.personNotFound();
    return this.overviewOf(userId);
  }

  /** A person's certificates (every cycle) and progress towards each programme. */
  async overviewOf(userId: string): Promise<MyCertificatesView> {
    // Evaluating on read as well: a certificate whose last requirement was just met is there.
    await this.awarding.evaluate(userId);
    const [user] = await this.users.listByIds([userId]);
    if (!user) throw CertificationError.personNotFound();
    const evidence = await this.awarding.evidenceOf(userId);
    const now = this.clock.now();
    const names = new Map([[user.id, user.displayName]]);
    const certificates = evidence.cycles
      .sort(
        (a, b) =>
          b.issuedAt.getTime() - a.issuedAt.getTime() || a.programmeId.localeCompare(b.programmeId),
      )
      .map((row) => this.view(row, names, now));
    const progress = this.programmes.all().map((programme): ProgrammeProgressView => {
      const { latest, next, evaluation } = this.awarding.standing(programme, evidence, now);
      const current = latest ? (certificates.find((view) => view.id === latest.id) ?? null) : null;
      return {
        programmeId: programme.id,
        title: programme.title,
        phase: !next
          ? 'held'
          : next.basis === 'initial'
            ? 'earn'
            : next.basis === 'renewal'
              ? 'renew'
              : 're-earn',
        current,
        met: evaluation?.met ?? true,
        requirements: (evaluation?.requirements ?? []).map((outcome) => ({
          key: outcome.key,
          kind: outcome.kind,
          ...this.programmes.describe(outcome),
          met: outcome.met,
          done: outcome.done,
          needed: outcome.needed,
          missing: outcome.missing,
          evidence: outcome.evidence.map((item) => ({
            name: item.name,
            occurredAt: item.occurredAt.toISOString(),
            score: item.score,
          })),
        })),
      };
    });
    return { certificates, progress };
  }

  /** Certificates the viewer may see: hr and admin all, trainers and supervisors their teams. */
  async list(
    viewer: Viewer,
    filters: CertificateFilters,
  ): Promise<{ total: number; items: CertificateView[] }> {
    const where: FindOptionsWhere<Certificate> = {};
    if (filters.programme) where.programmeId = filters.programme;
    assertTeamVisible(viewer, filters.team);
    const teams = filters.team ? [filters.team] : visibleTeams(viewer);
    let people: Map<string, string> | null = null;
    if (teams !== null) {
      people = await this.peopleIn(teams);
      where.userId = In([...people.keys()]);
      if (people.size === 0) return { total: 0, items: [] };
    }
    const rows = await this.certificates.find({
      where,
      order: { issuedAt: 'DESC', id: 'ASC' },
    });
    const now = this.clock.now();
    const matching = rows.filter((row) => !filters.status || statusAt(row, now) === filters.status);
    const offset = filters.offset ?? 0;
    const page = matching.slice(offset, offset + (filters.limit ?? 100));
    const names =
      people ??
      new Map(
        (await this.users.listByIds(page.map((row) => row.userId))).map((user) => [
          user.id,
          user.displayName,
        ]),
      );
    return { total: matching.length, items: page.map((row) => this.view(row, names, now)) };
  }

  async get(viewer: Viewer, id: string): Promise<CertificateView> {
    const row = await this.visible(viewer, id);
    const names = new Map(
      (await this.users.listByIds([row.userId])).map((user) => [user.id, user.displayName]),
    );
    return this.view(row, names, this.clock.now());
  }

  /** The certificate row, if the viewer may see it (else the same 404 as a missing one). */
  async visible(viewer: Viewer, id: string): Promise<Certificate> {
    const row = await this.certificates.findOneBy({ id });
    if (!row) throw CertificationError.certificateNotFound();
    if (row.userId === viewer.id) return row;
    const [holder] = await this.users.listByIds([row.userId]);
    if (holder && canSeePerson(viewer, holder)) return row;
    throw CertificationError.certificateNotFound();
  }

  /** Revokes a cycle at once (verification fails from now on), with the reason, audited. */
  async revoke(viewer: Viewer, id: string, reason: string): Promise<CertificateView> {
    const row = await this.certificates.findOneBy({ id });
    if (!row) throw CertificationError.certificateNotFound();
    if (row.status === 'revoked')
      throw new CertificationError(
        CertificationErrorCode.AlreadyRevoked,
        'This certificate is already revoked',
      );
    const now = this.clock.now();
    const before = statusAt(row, now);
    await runTransaction(this.dataSource, async (manager) => {
      await manager.update(
        Certificate,
        { id },
        {
          status: 'revoked',
          statusChangedAt: now,
          revokedReason: reason,
          revokedBy: viewer.id,
          revokedAt: now,
        },
      );
      await this.audit.record(
        viewer,
        {
          action: 'certificate.revoked',
          targetType: 'certificate',
          targetId: id,
          summary: {
            holderId: row.userId,
            programmeId: row.programmeId,
            cycle: row.cycle,
            statusBefore: before,
            reason,
          },
        },
        manager,
      );
      await this.notices.add(manager, {
        userId: row.userId,
        certificateId: id,
        kind: 'revoked',
        message: `Your certificate “${row.programmeTitle}” (cycle ${row.cycle}) was revoked: ${reason}`,
      });
    });
    return this.get(viewer, id);
  }

  view(row: Certificate, names: Map<string, string>, now: Date): CertificateView {
    const base = this.config.publicUrl;
    return {
      id: row.id,
      userId: row.userId,
      holderName: names.get(row.userId) ?? '',
      programmeId: row.programmeId,
      programmeTitle: row.programmeTitle,
      programmeVersion: row.programmeVersion,
      cycle: row.cycle,
      status: statusAt(row, now),
      issuedAt: row.issuedAt.toISOString(),
      expiresAt: row.expiresAt.toISOString(),
      renewalOpensAt: row.renewalOpensAt.toISOString(),
      revocation:
        row.status === 'revoked' && row.revokedAt
          ? { reason: row.revokedReason ?? '', by: row.revokedBy, at: row.revokedAt.toISOString() }
          : null,
      supersededBy: row.supersededBy,
      evidence: row.evidence,
      links: {
        verification: `${base}/verify/${row.verificationToken}`,
        verificationJson: `${base}/api/verify/${row.verificationToken}`,
        pdf: `/api/certificates/${row.id}/pdf`,
        badge: `${base}/badges/assertions/${row.verificationToken}`,
        credential: `${base}/badges/credentials/${row.verificationToken}`,
      },
    };
  }

  private async peopleIn(teams: readonly string[]): Promise<Map<string, string>> {
    const members = await this.users.membersOf(teams);
    return new Map(members.map((user) => [user.id, user.displayName]));
  }
}
