import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { parse as parseCsv } from 'csv-parse/sync';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppError, FieldError } from '../common/domain-error';
import { flattenValidationErrors } from '../common/validation';
import { runTransaction } from '../database/transactions';
import { AuditService } from './audit.service';
import { CreateUserDto } from './dto/user.dto';
import { IdentityError, IdentityErrorCode } from './identity-error';
import { UsersService } from './users.service';
import { Viewer } from './viewer';

const IMPORT_COLUMNS = ['email', 'name', 'employee_number', 'team', 'cohort'] as const;

/** Onboarding a cohort: trainee accounts from a CSV file, all rows or none. */
@Injectable()
export class UserImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Creates one trainee account per CSV row (columns email, name, employee_number, team[, cohort]),
   * all in one transaction; any bad row rejects the whole file with a per-row report.
   */
  async importCsv(
    actor: Viewer,
    csv: string,
  ): Promise<{ id: string; email: string; temporaryPassword: string }[]> {
    const rows = this.parseImport(csv);
    const created: { id: string; email: string; temporaryPassword: string }[] = [];
    await runTransaction(this.dataSource, async (manager) => {
      const errors: FieldError[] = [];
      for (const { line, dto } of rows) {
        try {
          const user = await this.users.insert(manager, { ...dto, mustChangePassword: true });
          created.push({ id: user.id, email: user.email, temporaryPassword: dto.password });
        } catch (error) {
          if (!(error instanceof IdentityError) || !error.errors) throw error;
          errors.push(...error.errors.map((e) => ({ ...e, path: `rows.${line}.${e.path}` })));
        }
      }
      if (errors.length > 0) {
        throw new IdentityError(
          IdentityErrorCode.ImportRejected,
          'No account was created: fix the rows listed',
          errors,
        );
      }
      await this.audit.record(
        actor,
        {
          action: 'user.imported',
          targetType: 'user',
          summary: { count: created.length, emails: created.map((c) => c.email) },
        },
        manager,
      );
    });
    return created;
  }

  private parseImport(csv: string): { line: number; dto: CreateUserDto }[] {
    let records: Record<string, string>[];
    try {
      records = parseCsv(csv.replace(/^\uFEFF/, ''), {
        columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
        skip_empty_lines: true,
        trim: true,
      });
    } catch (error) {
      throw AppError.validation([
        { path: 'file', messages: [`not a readable CSV file: ${(error as Error).message}`] },
      ]);
    }
    if (records.length === 0)
      throw AppError.validation([{ path: 'file', messages: ['the file has no rows'] }]);
    const missing = ['email', 'name'].filter((column) => !(column in records[0]));
    const unknown = Object.keys(records[0]).filter(
      (column) => !(IMPORT_COLUMNS as readonly string[]).includes(column),
    );
    if (missing.length || unknown.length) {
      const messages = [
        ...missing.map((c) => `missing column "${c}"`),
        ...unknown.map((c) => `unknown column "${c}"`),
      ];
      throw AppError.validation([
        {
          path: 'header',
          messages: [...messages, `expected columns: ${IMPORT_COLUMNS.join(', ')}`],
        },
      ]);
    }
    const errors: FieldError[] = [];
    const seen = new Map<string, number>();
    const rows = records.map((record, index) => {
      const line = index + 2;
      const dto = plainToInstance(CreateUserDto, {
        email: record.email,
        displayName: record.name,
        employeeNumber: record.employee_number || undefined,
        team: record.team || undefined,
        cohort: record.cohort || undefined,
        roles: ['trainee'],
        password: randomBytes(9).toString('base64url'),
      });
      errors.push(
        ...flattenValidationErrors(validateSync(dto)).map((e) => ({
          ...e,
          path: `rows.${line}.${e.path}`,
        })),
      );
      const earlier = seen.get(dto.email);
      if (earlier)
        errors.push({ path: `rows.${line}.email`, messages: [`duplicates line ${earlier}`] });
      seen.set(dto.email, line);
      return { line, dto };
    });
    if (errors.length)
      throw new IdentityError(
        IdentityErrorCode.ImportRejected,
        'No account was created: fix the rows listed',
        errors,
      );
    return rows;
  }
}
