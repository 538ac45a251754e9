import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource, In, Repository } from 'typeorm';
import { Clock, CLOCK } from '../common/clock';
import { runTransaction } from '../database/transactions';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import {
  LearningRecordInput,
  LearningRecordsService,
} from '../learning-records/learning-records.service';
import { ACTIVITY_TYPES, EXTENSIONS, RECIPES, VERBS } from '../learning-records/xapi';
import { CertificateEvidence } from './certificate-evidence';
import { Certificate } from './certificate.entity';
import {
  cycleDates,
  Evaluation,
  evaluateRequirements,
  LearningEvidence,
  NextCycle,
  nextCycle,
  Programme,
  SignOffEvidence,
  statusAt,
} from './engine';
import { EVIDENCE_VERBS, toLearningEvidence } from './learning-evidence';
import { NoticesService } from './notices.service';
import { badgeUrls } from './open-badges';
import { ProgrammesService } from './programmes.service';
import { SignOff } from './sign-off.entity';

/** Everything the evaluator needs about one person, read once per evaluation. */
export interface PersonEvidence {
  records: LearningEvidence[];
  signOffs: SignOff[];
  cycles: Certificate[];
}

/**
 * Issues certificates the moment their requirements are met. Evaluations of one person run one
 * after another (an in-process queue); across processes the unique index on
 * (user, programme, cycle) lets only one insert of a cycle win.
 */
@Injectable()
export class CertificateAwardingService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(CertificateAwardingService.name);
  private readonly queues = new Map<string, Promise<unknown>>();
  private closing = false;

  constructor(
    @InjectRepository(Certificate) private readonly certificates: Repository<Certificate>,
    @InjectRepository(SignOff) private readonly signOffs: Repository<SignOff>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: LearningRecordsService,
    private readonly programmes: ProgrammesService,
    private readonly notices: NoticesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Evaluates one person after any evaluation of them already under way; returns what it issued. */
  evaluate(userId: string): Promise<Certificate[]> {
    const previous = this.queues.get(userId) ?? Promise.resolve();
    const run = previous.then(() => this.evaluateNow(userId));
    const settled = run.catch(() => undefined);
    this.queues.set(userId, settled);
    void settled.then(() => {
      if (this.queues.get(userId) === settled) this.queues.delete(userId);
    });
    return run;
  }

  /** Fire and forget, for the learning-record hook: failures are logged, never thrown. */
  schedule(userId: string): void {
    if (this.closing) return;
    this.evaluate(userId).catch((error: unknown) =>
      this.logger.error(`certificate evaluation for ${userId} failed: ${String(error)}`),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.queues.values()]);
  }

  async evidenceOf(userId: string): Promise<PersonEvidence> {
    const lists = await Promise.all(
      EVIDENCE_VERBS.map((verb) => this.records.list({ userId, verb, limit: 1_000_000 })),
    );
    const records = lists
      .flatMap((list) => list.items)
      .map(toLearningEvidence)
      .filter((evidence): evidence is LearningEvidence => evidence !== null);
    const [signOffs, cycles] = await Promise.all([
      this.signOffs.find({ where: { userId }, order: { signedAt: 'ASC', id: 'ASC' } }),
      this.certificates.find({ where: { userId }, order: { cycle: 'DESC' } }),
    ]);
    return { records, signOffs, cycles };
  }

  /** Where a person stands on a programme: the terms of the next cycle and how far they are. */
  standing(
    programme: Programme,
    evidence: PersonEvidence,
    now: Date,
  ): { latest: Certificate | null; next: NextCycle | null; evaluation: Evaluation | null } {
    const latest = evidence.cycles.find((cycle) => cycle.programmeId === programme.id) ?? null;
    const next = nextCycle(programme, latest, now);
    if (!next) return { latest, next, evaluation: null };
    const evaluation = evaluateRequirements({
      set: next.set,
      records: evidence.records,
      signOffs: evidence.signOffs
        .filter((signOff) => signOff.programmeId === programme.id)
        .map(signOffEvidence),
      scenarioTags: this.programmes.scenarioTags(),
      since: next.since,
    });
    return { latest, next, evaluation };
  }

  private async evaluateNow(userId: string): Promise<Certificate[]> {
    const programmes = this.programmes.all();
    if (programmes.length === 0) return [];
    const evidence = await this.evidenceOf(userId);
    const now = this.clock.now();
    const issued: Certificate[] = [];
    for (const programme of programmes) {
      const { latest, next, evaluation } = this.standing(programme, evidence, now);
      if (!next || !evaluation?.met || !evaluation.metAt) continue;
      const certificate = await this.issue({ userId, programme, next, evaluation, latest });
      if (certificate) issued.push(certificate);
    }
    return issued;
  }

  private async issue(award: {
    userId: string;
    programme: Programme;
    next: NextCycle;
    evaluation: Evaluation;
    latest: Certificate | null;
  }): Promise<Certificate | null> {
    const { userId, programme, next, evaluation, latest } = award;
    const now = this.clock.now();
    const dates = cycleDates(programme, next.basis, evaluation.metAt ?? now, latest);
    const certificate = this.certificates.create({
      id: randomUUID(),
      userId,
      programmeId: programme.id,
      programmeVersion: programme.version,
      programmeTitle: programme.title,
      cycle: next.cycle,
      ...dates,
      evidence: evidenceJson(next, evaluation),
      status: statusAt({ status: 'active', ...dates }, now),
      statusChangedAt: now,
      revokedReason: null,
      revokedBy: null,
      revokedAt: null,
      supersededBy: null,
      verificationToken: randomBytes(32).toString('base64url'),
      createdAt: now,
    });
    try {
      await runTransaction(this.dataSource, async (manager) => {
        await manager.insert(Certificate, certificate);
        if (latest && next.basis === 'renewal')
          await manager.update(
            Certificate,
            { id: latest.id, status: In(['active', 'expiring']) },
            { status: 'superseded', supersededBy: certificate.id, statusChangedAt: now },
          );
        await this.records.record(earnedRecord(this.config.publicUrl, certificate), manager);
        await this.notices.add(manager, {
          userId,
          certificateId: certificate.id,
          kind: 'issued',
          message: `You earned “${programme.title}”${next.cycle > 1 ? ` (cycle ${next.cycle})` : ''}; it is valid until ${dates.expiresAt.toISOString().slice(0, 10)}.`,
        });
      });
    } catch (error) {
      // Another evaluation issued this cycle first: the unique index kept it to one.
      const exists = await this.certificates.existsBy({
        userId,
        programmeId: programme.id,
        cycle: next.cycle,
      });
      if (exists) return null;
      throw error;
    }
    return certificate;
  }
}

/**
 * The learning record of a certificate issued, in the shape of the Open Badges xAPI recipe: verb
 * "earned", the badge class as the activity, the hosted assertion in a result extension. The
 * registration is the certificate's id, so an LRS can tell the cycles apart.
 */
export function earnedRecord(base: string, certificate: Certificate): LearningRecordInput {
  const urls = badgeUrls(base, certificate.programmeId, certificate.verificationToken);
  return {
    userId: certificate.userId,
    verb: VERBS.earned,
    object: { id: urls.badgeClass, type: ACTIVITY_TYPES.badge, name: certificate.programmeTitle },
    result: { extensions: { [EXTENSIONS.badgeAssertion]: { '@id': urls.assertion } } },
    context: {
      registration: certificate.id,
      revision: String(certificate.programmeVersion),
      category: [{ id: RECIPES.openBadges, type: ACTIVITY_TYPES.recipe }],
      extensions: { [EXTENSIONS.certificateCycle]: certificate.cycle },
    },
    at: certificate.issuedAt,
  };
}

export function signOffEvidence(signOff: SignOff): SignOffEvidence {
  return {
    signOffId: signOff.id,
    supervisorId: signOff.supervisorId,
    supervisorName: signOff.supervisorName,
    signedAt: signOff.signedAt,
    ticked: signOff.ticked,
  };
}

function evidenceJson(next: NextCycle, evaluation: Evaluation): CertificateEvidence {
  return {
    basis: next.basis,
    requirements: evaluation.requirements.map((outcome) => ({
      key: outcome.key,
      kind: outcome.kind,
      target: outcome.target,
      items: outcome.evidence.map((item) => ({
        recordId: item.recordId,
        signOffId: item.signOffId,
        activityId: item.activityId,
        name: item.name,
        occurredAt: item.occurredAt.toISOString(),
        score: item.score,
      })),
    })),
  };
}
