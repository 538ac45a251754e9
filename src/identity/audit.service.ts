import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Between, EntityManager, FindOptionsWhere, LessThan, Repository } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { PeriodicTask } from '../common/periodic-task';
import { DAY_MS } from '../common/time';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Clock, CLOCK } from '../common/clock';
import { AuditEntry } from './audit-entry.entity';
import { Viewer } from './viewer';

export interface AuditRecord {
  action: string;
  targetType?: string;
  targetId?: string;
  summary?: Record<string, unknown>;
}

/** A download of report data, audited as `report.exported`. */
export interface ExportAuditRecord {
  /** The report table or view exported; also the target when `target` is not given. */
  table: string;
  rowCount: number;
  filters?: Record<string, unknown>;
  format?: string;
  /** What was exported when it is one record rather than a report table (a person's record). */
  target?: { type: string; id: string };
}

export interface AuditQuery {
  action?: string;
  actorId?: string;
  targetType?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
  limit?: number;
  offset?: number;
}

export interface AuditEntryView {
  id: string;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  summary: Record<string, unknown>;
}

/** Append-only trail of privileged actions; entries older than the retention period are purged daily. */
@Injectable()
export class AuditService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuditService.name);
  private readonly purge = new PeriodicTask(
    'audit purge',
    DAY_MS,
    () => this.purgeExpired(),
    this.logger,
  );

  constructor(
    @InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Records an action; pass the transaction's manager so the entry commits with the change. */
  async record(actor: Viewer | null, record: AuditRecord, manager?: EntityManager): Promise<void> {
    const repository = manager ? manager.getRepository(AuditEntry) : this.entries;
    const entry = repository.create({
      id: randomUUID(),
      at: this.clock.now(),
      actorId: actor?.id ?? null,
      actorEmail: actor?.email ?? null,
      action: record.action,
      targetType: record.targetType ?? null,
      targetId: record.targetId ?? null,
      summary: record.summary ?? {},
    });
    // insert() (one statement) rather than save() (select + insert); its deep-partial type rejects `unknown` JSON.
    await repository.insert(entry as QueryDeepPartialEntity<AuditEntry>);
  }

  /** Records a download of report data: who took which table, with which filters, how many rows. */
  recordExport(actor: Viewer, exported: ExportAuditRecord): Promise<void> {
    const { table, rowCount, filters, format, target } = exported;
    return this.record(actor, {
      action: 'report.exported',
      targetType: target?.type ?? 'report-export',
      targetId: target?.id ?? table,
      summary: { table, ...(filters && { filters }), ...(format && { format }), rowCount },
    });
  }

  /**
   * Part of erasing a person: the entries keep who did what to whom (by id), but the person's
   * email, name and employee number are replaced wherever the entries quote them. Returns how
   * many entries changed.
   */
  async scrubPerson(
    manager: EntityManager,
    person: { id: string; pseudonymEmail: string; quoted: string[] },
  ): Promise<number> {
    const repository = manager.getRepository(AuditEntry);
    const quoted = person.quoted.filter((value) => value.length >= 3);
    const candidates = await repository
      .createQueryBuilder('entry')
      .where('entry.target_id = :id OR entry.actor_id = :id', { id: person.id })
      .orWhere(
        quoted.length
          ? quoted.map((_value, i) => `entry.summary LIKE :quoted${i}`).join(' OR ')
          : '1 = 0',
        Object.fromEntries(quoted.map((value, i) => [`quoted${i}`, `%${value}%`])),
      )
      .getMany();
    let changed = 0;
    for (const entry of candidates) {
      const summary = replaceStrings(entry.summary, new Set(quoted), '[erased]');
      const actorEmail = entry.actorId === person.id ? person.pseudonymEmail : entry.actorEmail;
      if (
        JSON.stringify(summary) === JSON.stringify(entry.summary) &&
        actorEmail === entry.actorEmail
      )
        continue;
      await repository.update({ id: entry.id }, {
        summary,
        actorEmail,
      } as QueryDeepPartialEntity<AuditEntry>);
      changed++;
    }
    return changed;
  }

  async list(query: AuditQuery): Promise<{ total: number; items: AuditEntryView[] }> {
    const where: FindOptionsWhere<AuditEntry> = {};
    if (query.action) where.action = query.action;
    if (query.actorId) where.actorId = query.actorId;
    if (query.targetType) where.targetType = query.targetType;
    if (query.targetId) where.targetId = query.targetId;
    if (query.from || query.to)
      where.at = Between(query.from ?? new Date(0), query.to ?? new Date(8.64e15));
    const [rows, total] = await this.entries.findAndCount({
      where,
      order: { at: 'DESC', id: 'ASC' },
      take: query.limit ?? 50,
      skip: query.offset ?? 0,
    });
    return { total, items: rows.map(toView) };
  }

  async purgeExpired(): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - this.config.auditRetentionDays * DAY_MS);
    const result = await this.entries.delete({ at: LessThan(cutoff) });
    return result.affected ?? 0;
  }

  onApplicationBootstrap(): void {
    this.purge.start({ runNow: true });
  }

  onApplicationShutdown(): Promise<void> {
    return this.purge.stop();
  }
}

// A JSON value with every string in `values` replaced (deeply, in arrays and objects).
function replaceStrings<T>(value: T, values: ReadonlySet<string>, replacement: string): T {
  if (typeof value === 'string') return (values.has(value) ? replacement : value) as T;
  if (Array.isArray(value))
    return value.map((item: unknown) => replaceStrings(item, values, replacement)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, replaceStrings(item, values, replacement)]),
    ) as T;
  return value;
}

function toView(entry: AuditEntry): AuditEntryView {
  return {
    id: entry.id,
    at: entry.at.toISOString(),
    actorId: entry.actorId,
    actorEmail: entry.actorEmail,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    summary: entry.summary,
  };
}
