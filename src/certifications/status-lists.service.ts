import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomInt } from 'node:crypto';
import { QueryFailedError, Repository } from 'typeorm';
import { Clock, CLOCK } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Certificate } from './certificate.entity';
import { CertificationError, CertificationErrorCode } from './certification-error';
import { CredentialStatusEntry } from './credential-status.entity';
import { addProof, JsonObject } from './credential-proof';
import { IssuerKeysService } from './issuer-keys.service';
import {
  decodeStatusList,
  encodeStatusList,
  LIST_SIZE,
  listOf,
  readStatusEntry,
  statusBit,
  StatusListError,
  statusEntry,
  statusListCredential,
} from './status-list';

// A list is filled to half before the next one opens, so a random free place is found in a few
// tries and every list keeps the crowd that hides which position a verifier asks about.
const FILL_BEFORE_NEXT_LIST = LIST_SIZE / 2;
const PLACEMENT_TRIES = 32;

/** The revocation status lists (W3C Bitstring Status List) of the Open Badges 3.0 credentials. */
@Injectable()
export class StatusListsService {
  constructor(
    @InjectRepository(CredentialStatusEntry)
    private readonly entries: Repository<CredentialStatusEntry>,
    private readonly keys: IssuerKeysService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** `…/badges/status/`: list N is at this prefix + N. */
  get listPrefix(): string {
    return `${this.config.publicUrl}/badges/status/`;
  }

  readonly listUrl = (list: number): string => `${this.listPrefix}${list}`;

  /** The `credentialStatus` entry of a certificate's credential; its place is given on first use. */
  async entryFor(certificateId: string): Promise<JsonObject> {
    return statusEntry(this.listUrl, await this.positionOf(certificateId)) as JsonObject;
  }

  /** List N as a BitstringStatusListCredential signed with the issuer's key, dated now. */
  async listCredential(list: number): Promise<JsonObject> {
    const encoded = await this.encodedList(list);
    const key = await this.keys.signingKey();
    const now = this.clock.now();
    const unsigned = statusListCredential(this.listUrl(list), this.keys.controller, now, encoded);
    return addProof(unsigned, key, now);
  }

  /** The `encodedList` of list N as it stands: one bit per position, set when revoked. */
  async encodedList(list: number): Promise<string> {
    if (!Number.isSafeInteger(list) || list < 1 || !(await this.exists(list)))
      throw new CertificationError(
        CertificationErrorCode.StatusListNotFound,
        `There is no status list ${list}`,
      );
    const start = (list - 1) * LIST_SIZE;
    const rows = await this.entries
      .createQueryBuilder('entry')
      .innerJoin(Certificate, 'certificate', 'certificate.id = entry.certificate_id')
      .select('entry.position', 'position')
      .where('entry.position >= :start AND entry.position < :end', {
        start,
        end: start + LIST_SIZE,
      })
      .andWhere('certificate.status = :revoked', { revoked: 'revoked' })
      .getRawMany<{ position: number | string }>();
    return encodeStatusList(rows.map((row) => listOf(Number(row.position)).index));
  }

  /**
   * Whether the list a credential's `credentialStatus` names marks it revoked, read from the
   * list's encoded bits as an outside verifier would. Rejects with a StatusListError saying why
   * the entry cannot be read.
   */
  async isRevoked(entry: unknown): Promise<{ revoked: boolean; list: number; index: number }> {
    const { list, index } = readStatusEntry(entry, this.listPrefix);
    const encoded = await this.encodedList(list).catch((error: unknown) => {
      if (error instanceof CertificationError) throw new StatusListError(error.message);
      throw error;
    });
    return { revoked: statusBit(decodeStatusList(encoded), index) === 1, list, index };
  }

  private async exists(list: number): Promise<boolean> {
    if (list === 1) return true;
    return this.entries
      .createQueryBuilder('entry')
      .where('entry.position >= :start', { start: (list - 1) * LIST_SIZE })
      .getExists();
  }

  private async positionOf(certificateId: string): Promise<number> {
    for (let tries = 0; tries < PLACEMENT_TRIES; tries++) {
      const existing = await this.entries.findOneBy({ certificateId });
      if (existing) return existing.position;
      const list = Math.floor((await this.entries.count()) / FILL_BEFORE_NEXT_LIST);
      const position = list * LIST_SIZE + randomInt(LIST_SIZE);
      try {
        await this.entries.insert({ certificateId, position, createdAt: this.clock.now() });
        return position;
      } catch (error) {
        // The place was taken, or another request placed this certificate first: look again.
        if (!(error instanceof QueryFailedError)) throw error;
      }
    }
    throw new Error(`No free status list position found for certificate ${certificateId}`);
  }
}
