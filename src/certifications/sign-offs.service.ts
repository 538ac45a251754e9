import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock, CLOCK } from '../common/clock';
import { runTransaction } from '../database/transactions';
import { AuditService } from '../identity/audit.service';
import { UsersService } from '../identity/users.service';
import { Viewer } from '../identity/viewer';
import { CertificateAwardingService } from './certificate-awarding.service';
import { CertificationError, CertificationErrorCode } from './certification-error';
import { SignOffDto } from './dto/certification.dto';
import { SignOffRequirement } from './engine';
import { ProgrammesService } from './programmes.service';
import { SignOff } from './sign-off.entity';

export interface SignOffTask {
  userId: string;
  displayName: string;
  team: string | null;
  programmeId: string;
  programmeTitle: string;
  phase: 'earn' | 'renew' | 're-earn';
  checklist: SignOffRequirement;
  /** Whether the rest of the programme is already met (the sign-off would complete it). */
  othersMet: boolean;
  signed: boolean;
}

export interface SignOffResult {
  signOffId: string;
  complete: boolean;
  /** The certificate the sign-off completed, if it did. */
  certificateId: string | null;
}

/** Supervisors' observation checklists: who in their teams needs one, and signing it. */
@Injectable()
export class SignOffsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly awarding: CertificateAwardingService,
    private readonly programmes: ProgrammesService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Every person in the supervisor's teams with a programme whose current phase needs a sign-off. */
  async tasks(viewer: Viewer): Promise<SignOffTask[]> {
    const tasks: SignOffTask[] = [];
    const now = this.clock.now();
    for (const person of await this.teamMembers(viewer)) {
      const evidence = await this.awarding.evidenceOf(person.id);
      for (const programme of this.programmes.all()) {
        const { next, evaluation } = this.awarding.standing(programme, evidence, now);
        if (!next?.set.signOff || !evaluation || !maySign(viewer, next.set.signOff)) continue;
        const signOff = evaluation.requirements.find((outcome) => outcome.kind === 'sign-off');
        tasks.push({
          userId: person.id,
          displayName: person.displayName,
          team: person.team,
          programmeId: programme.id,
          programmeTitle: programme.title,
          phase: next.basis === 'initial' ? 'earn' : next.basis === 'renewal' ? 'renew' : 're-earn',
          checklist: next.set.signOff,
          othersMet: evaluation.requirements
            .filter((outcome) => outcome.kind !== 'sign-off')
            .every((outcome) => outcome.met),
          signed: signOff?.met ?? false,
        });
      }
    }
    return tasks;
  }

  async sign(viewer: Viewer, userId: string, dto: SignOffDto): Promise<SignOffResult> {
    const person = (await this.teamMembers(viewer)).find((member) => member.id === userId);
    if (!person) throw CertificationError.personNotFound();
    const programme = this.programmes.get(dto.programmeId);
    const evidence = await this.awarding.evidenceOf(userId);
    const { next } = this.awarding.standing(programme, evidence, this.clock.now());
    const checklist = next?.set.signOff;
    if (!checklist)
      throw new CertificationError(
        CertificationErrorCode.NoSignOffNeeded,
        `${person.displayName} needs no sign-off for “${programme.title}” now`,
      );
    if (!maySign(viewer, checklist))
      throw new CertificationError(
        CertificationErrorCode.SignerNotAllowed,
        `“${checklist.title}” is signed by a ${checklist.signedBy.join(' or ')} of the team`,
      );
    const known = new Set(checklist.checklist.map((item) => item.id));
    const unknown = dto.ticked
      .map((id, index) => ({ id, index }))
      .filter(({ id }) => !known.has(id));
    if (unknown.length || dto.ticked.length === 0)
      throw new CertificationError(
        CertificationErrorCode.InvalidSignOff,
        'The sign-off does not match the checklist',
        unknown.length
          ? unknown.map(({ id, index }) => ({
              path: `ticked.${index}`,
              messages: [`"${id}" is not an item of the checklist`],
            }))
          : [{ path: 'ticked', messages: ['tick at least one item you observed'] }],
      );
    const ticked = [...new Set(dto.ticked)];
    const signOff: SignOff = {
      id: randomUUID(),
      userId,
      programmeId: programme.id,
      programmeVersion: programme.version,
      supervisorId: viewer.id,
      supervisorName: viewer.displayName,
      ticked,
      comment: dto.comment?.trim() || null,
      signedAt: this.clock.now(),
    };
    const complete = checklist.checklist.every((item) => ticked.includes(item.id));
    await runTransaction(this.dataSource, async (manager) => {
      await manager.insert(SignOff, signOff);
      await this.audit.record(
        viewer,
        {
          action: 'certificate.signed-off',
          targetType: 'user',
          targetId: userId,
          summary: { programmeId: programme.id, ticked, complete },
        },
        manager,
      );
    });
    const issued = await this.awarding.evaluate(userId);
    const certificate = issued.find((row) => row.programmeId === programme.id);
    return { signOffId: signOff.id, complete, certificateId: certificate?.id ?? null };
  }

  private async teamMembers(
    viewer: Viewer,
  ): Promise<{ id: string; displayName: string; team: string | null }[]> {
    const members = await this.users.membersOf(viewer.managedTeams);
    return members
      .filter((user) => user.id !== viewer.id && user.active)
      .map(({ id, displayName, team }) => ({ id, displayName, team }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
  }
}

/** Whether the viewer has one of the roles the checklist may be signed by. */
function maySign(viewer: Viewer, checklist: SignOffRequirement): boolean {
  return checklist.signedBy.some((role) => viewer.roles.includes(role));
}
