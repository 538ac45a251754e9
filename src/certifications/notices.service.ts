import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import { Clock, CLOCK } from '../common/clock';
import { chunksOf } from '../database/chunks';
import { Viewer } from '../identity/viewer';
import { CertificateNotice, NoticeKind } from './certificate-notice.entity';
import { CertificationError, CertificationErrorCode } from './certification-error';

export interface NoticeView {
  id: string;
  certificateId: string;
  kind: NoticeKind;
  message: string;
  createdAt: string;
  read: boolean;
}

/** A notice to queue. */
export interface NoticeDraft {
  userId: string;
  certificateId: string;
  kind: NoticeKind;
  message: string;
}

/** In-app notices about certificates: issued, reminders at 60/30/7 days, expired, revoked. */
@Injectable()
export class NoticesService {
  constructor(
    @InjectRepository(CertificateNotice) private readonly notices: Repository<CertificateNotice>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Queues a notice in the caller's transaction. */
  async add(manager: EntityManager, notice: NoticeDraft): Promise<void> {
    await manager.insert(CertificateNotice, {
      id: randomUUID(),
      ...notice,
      createdAt: this.clock.now(),
      readAt: null,
    });
  }

  /**
   * Queues the notices whose certificate has none of that kind yet, `batch` certificates per
   * query; returns how many were queued. The unique index on (certificate, kind) has the last
   * word when another run queues the same notice meanwhile.
   */
  async addMissing(notices: NoticeDraft[], batch: number): Promise<number> {
    let queued = 0;
    for (const chunk of chunksOf(notices, batch)) {
      const existing = await this.notices.find({
        select: ['certificateId', 'kind'],
        where: { certificateId: In(chunk.map((notice) => notice.certificateId)) },
      });
      const have = new Set(existing.map((row) => `${row.certificateId} ${row.kind}`));
      const missing = chunk.filter((notice) => !have.has(`${notice.certificateId} ${notice.kind}`));
      if (missing.length === 0) continue;
      const createdAt = this.clock.now();
      try {
        await this.notices.insert(
          missing.map((notice) => ({ id: randomUUID(), ...notice, createdAt, readAt: null })),
        );
        queued += missing.length;
      } catch {
        // Another run queued one of them meanwhile (unique index): go one by one.
        for (const notice of missing) if (await this.addOnce(notice)) queued++;
      }
    }
    return queued;
  }

  /** Queues a notice unless this certificate already has one of this kind; true when queued. */
  async addOnce(notice: NoticeDraft): Promise<boolean> {
    const where = { certificateId: notice.certificateId, kind: notice.kind };
    if (await this.notices.existsBy(where)) return false;
    try {
      await this.add(this.notices.manager, notice);
      return true;
    } catch (error) {
      // A concurrent run queued it first (unique index on certificate and kind).
      if (await this.notices.existsBy(where)) return false;
      throw error;
    }
  }

  async list(viewer: Viewer, unreadOnly = false): Promise<NoticeView[]> {
    const rows = await this.notices.find({
      where: { userId: viewer.id, ...(unreadOnly ? { readAt: IsNull() } : {}) },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: 200,
    });
    return rows.map(toView);
  }

  async unreadCount(viewer: Viewer): Promise<number> {
    return this.notices.countBy({ userId: viewer.id, readAt: IsNull() });
  }

  async markRead(viewer: Viewer, id: string): Promise<NoticeView> {
    const notice = await this.notices.findOneBy({ id, userId: viewer.id });
    if (!notice)
      throw new CertificationError(CertificationErrorCode.NoticeNotFound, 'Notice not found');
    if (!notice.readAt) {
      notice.readAt = this.clock.now();
      await this.notices.update({ id }, { readAt: notice.readAt });
    }
    return toView(notice);
  }

  async markAllRead(viewer: Viewer): Promise<number> {
    const result = await this.notices.update(
      { userId: viewer.id, readAt: IsNull() },
      { readAt: this.clock.now() },
    );
    return result.affected ?? 0;
  }
}

function toView(notice: CertificateNotice): NoticeView {
  return {
    id: notice.id,
    certificateId: notice.certificateId,
    kind: notice.kind,
    message: notice.message,
    createdAt: notice.createdAt.toISOString(),
    read: notice.readAt !== null,
  };
}
