import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, LessThanOrEqual, Repository } from 'typeorm';
import { Clock, CLOCK } from '../common/clock';
import { PeriodicTask } from '../common/periodic-task';
import { DAY_MS } from '../common/time';
import { Certificate } from './certificate.entity';
import { NoticeKind } from './certificate-notice.entity';
import { CertificateStatus, REMINDER_DAYS, reminderDue, statusAt } from './engine';
import { chunksOf } from '../database/chunks';
import { NoticeDraft, NoticesService } from './notices.service';

const BATCH = 500;

/**
 * The daily job (at start-up, then every 24 h): stores the status of certificates that entered
 * their renewal window or expired, and queues reminders 60, 30 and 7 days before expiry (each
 * at most once, by a unique index) and an "expired" notice.
 */
@Injectable()
export class CertificateExpiryJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CertificateExpiryJob.name);
  private readonly daily = new PeriodicTask(
    'certificate expiry job',
    DAY_MS,
    () => this.run(),
    this.logger,
  );

  constructor(
    @InjectRepository(Certificate) private readonly certificates: Repository<Certificate>,
    private readonly notices: NoticesService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * One pass at the clock's now; tests call it directly. Reads only the certificates whose
   * status can change or whose reminder can be due (renewal open, or expiring within the first
   * reminder's horizon), and writes status changes and notices in batches.
   */
  async run(): Promise<{ statusChanges: number; notices: number }> {
    const now = this.clock.now();
    const horizon = new Date(now.getTime() + Math.max(...REMINDER_DAYS) * DAY_MS);
    const open = In(['active', 'expiring']);
    const rows = await this.certificates.find({
      where: [
        { status: open, renewalOpensAt: LessThanOrEqual(now) },
        { status: open, expiresAt: LessThanOrEqual(horizon) },
      ],
      order: { expiresAt: 'ASC', id: 'ASC' },
    });
    const changes = new Map<string, string[]>(); // "from>to" → certificate ids
    const notices: NoticeDraft[] = [];
    for (const row of rows) {
      const status = statusAt(row, now);
      if (status !== row.status) {
        const key = `${row.status}>${status}`;
        changes.set(key, [...(changes.get(key) ?? []), row.id]);
      }
      const notice = this.noticeFor(row, status, now);
      if (notice) notices.push({ userId: row.userId, certificateId: row.id, ...notice });
    }
    let statusChanges = 0;
    for (const [key, ids] of changes) {
      const [from, to] = key.split('>') as [CertificateStatus, CertificateStatus];
      for (const chunk of chunksOf(ids, BATCH)) {
        // Guarded on the status read, so a renewal or revocation meanwhile is not overwritten.
        const result = await this.certificates.update(
          { id: In(chunk), status: from },
          { status: to, statusChangedAt: now },
        );
        statusChanges += result.affected ?? 0;
      }
    }
    const queued = await this.notices.addMissing(notices, BATCH);
    return { statusChanges, notices: queued };
  }

  onApplicationBootstrap(): void {
    this.daily.start({ runNow: true });
  }

  onApplicationShutdown(): Promise<void> {
    return this.daily.stop();
  }

  private noticeFor(
    row: Certificate,
    status: string,
    now: Date,
  ): { kind: NoticeKind; message: string } | null {
    const until = row.expiresAt.toISOString().slice(0, 10);
    if (status === 'expired')
      return {
        kind: 'expired',
        message: `Your certificate “${row.programmeTitle}” expired on ${until}. Meet its requirements again to be certified.`,
      };
    const days = reminderDue(row.expiresAt, now);
    if (days === null) return null;
    return {
      kind: `reminder-${days}` as NoticeKind,
      message: `Your certificate “${row.programmeTitle}” expires on ${until} (in ${days} days or less). Recertification is open: see what it takes under My certificates.`,
    };
  }
}
