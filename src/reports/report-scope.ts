import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { FieldError } from '../common/domain-error';
import { DAY_MS, dayStartUtc } from '../common/time';
import { assertTeamVisible, canSeePerson, visibleTeams } from '../identity/team-scope';
import { Viewer } from '../identity/viewer';
import { ReportFiltersDto } from './dto/report-filters.dto';
import { ProgrammeScope, ReportCatalogue } from './report-catalogue';
import { ReportError } from './report-error';

/** The filters of one report request, checked and narrowed to what the viewer may see. */
export interface ReportScope {
  /** Teams whose people are included; null = everyone (hr, admin). */
  teams: string[] | null;
  cohort: string | null;
  programme: ProgrammeScope | null;
  /** First and last day of the activity window (inclusive), or null for open ends. */
  from: string | null;
  to: string | null;
  /** The same window as instants: [fromTime, untilTime). */
  fromTime: Date | null;
  untilTime: Date | null;
  /** The filters as given, for echoing back and for the audit log. */
  filters: {
    team: string | null;
    cohort: string | null;
    programme: string | null;
    from: string | null;
    to: string | null;
  };
}

/**
 * Who may see what in the reports: hr and admin everyone; trainers and supervisors the teams
 * they manage (a team filter outside them is refused with 403 TEAM_NOT_MANAGED, never silently
 * emptied); trainees only their own record (the controllers keep them out of the rest).
 */
@Injectable()
export class ReportScopes {
  constructor(
    private readonly catalogue: ReportCatalogue,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  resolve(viewer: Viewer, dto: ReportFiltersDto): ReportScope {
    assertTeamVisible(viewer, dto.team);
    const errors = this.filterErrors(dto);
    if (errors.length > 0) throw ReportError.invalidFilters(errors);
    const managed = visibleTeams(viewer)?.slice().sort() ?? null;
    const fromTime = dto.from ? dayStartUtc(dto.from) : null;
    const toStart = dto.to ? dayStartUtc(dto.to) : null;
    return {
      teams: dto.team ? [dto.team] : managed,
      cohort: dto.cohort ?? null,
      programme: dto.programme ? this.catalogue.programme(dto.programme) : null,
      from: dto.from ?? null,
      to: dto.to ?? null,
      fromTime,
      untilTime: toStart ? new Date(toStart.getTime() + DAY_MS) : null,
      filters: {
        team: dto.team ?? null,
        cohort: dto.cohort ?? null,
        programme: dto.programme ?? null,
        from: dto.from ?? null,
        to: dto.to ?? null,
      },
    };
  }

  /**
   * What is wrong with filters that have the right form: an unknown programme, a day that does
   * not exist (2026-02-30), `to` before `from`. Pages show these at the fields; the API refuses.
   */
  filterErrors(dto: ReportFiltersDto): FieldError[] {
    const errors: FieldError[] = [];
    if (dto.programme && !this.catalogue.programme(dto.programme))
      errors.push({ path: 'programme', messages: [`There is no programme "${dto.programme}"`] });
    const real = (day: string | undefined): boolean => !day || dayStartUtc(day) !== null;
    for (const path of ['from', 'to'] as const) {
      if (!real(dto[path])) errors.push({ path, messages: [`${path} is not a real calendar day`] });
    }
    // Real days in YYYY-MM-DD compare as strings.
    if (dto.from && dto.to && real(dto.from) && real(dto.to) && dto.to < dto.from)
      errors.push({ path: 'to', messages: ['to must be on or after from'] });
    return errors;
  }

  /** Whether the viewer may read this person's full record. */
  maySee(viewer: Viewer, person: { id: string; team: string | null }): boolean {
    return canSeePerson(viewer, person);
  }

  /** Restricts a query joined to `users` (as `alias`) to the people of the scope. */
  applyPeople<T extends ObjectLiteral>(
    builder: SelectQueryBuilder<T>,
    scope: ReportScope,
    options: { alias?: string; traineesOnly?: boolean; activeOnly?: boolean } = {},
  ): SelectQueryBuilder<T> {
    const u = options.alias ?? 'u';
    if (options.traineesOnly ?? true)
      builder.andWhere(`${u}.roles LIKE :traineeRole`, { traineeRole: '%,trainee,%' });
    if (options.activeOnly) builder.andWhere(`${u}.active = :active`, { active: true });
    if (scope.teams) {
      // A manager of no team sees nobody, not everybody.
      if (scope.teams.length === 0) builder.andWhere('1 = 0');
      else builder.andWhere(`${u}.team IN (:...scopeTeams)`, { scopeTeams: scope.teams });
    }
    if (scope.cohort) builder.andWhere(`${u}.cohort = :scopeCohort`, { scopeCohort: scope.cohort });
    return builder;
  }

  /** A time as the driver stores it, for comparisons in hand-written conditions. */
  time(value: Date): unknown {
    return this.dataSource.driver.preparePersistentValue(value, {
      type: Date,
    } as unknown as ColumnMetadata);
  }

  /** Restricts a time column to the scope's window. */
  applyWindow<T extends ObjectLiteral>(
    builder: SelectQueryBuilder<T>,
    scope: ReportScope,
    column: string,
    kind: 'time' | 'day' = 'time',
  ): SelectQueryBuilder<T> {
    const key = column.replace(/\W/g, '_');
    if (kind === 'day') {
      if (scope.from)
        builder.andWhere(`${column} >= :${key}_from`, { [`${key}_from`]: scope.from });
      if (scope.to) builder.andWhere(`${column} <= :${key}_to`, { [`${key}_to`]: scope.to });
      return builder;
    }
    if (scope.fromTime)
      builder.andWhere(`${column} >= :${key}_from`, { [`${key}_from`]: this.time(scope.fromTime) });
    if (scope.untilTime)
      builder.andWhere(`${column} < :${key}_until`, {
        [`${key}_until`]: this.time(scope.untilTime),
      });
    return builder;
  }

  /** Finished role-play sessions (alias `s`) in the window and, with a programme, its scenarios. */
  applySessionFilters<T extends ObjectLiteral>(
    builder: SelectQueryBuilder<T>,
    scope: ReportScope,
  ): SelectQueryBuilder<T> {
    this.applyWindow(builder, scope, 's.finished_at');
    this.inList(builder, 's.scenario_id', scope.programme?.scenarioIds, 'programmeScenarios');
    return builder;
  }

  /**
   * `column IN (values)`, or nothing matches when `values` is empty; no filter when it is
   * undefined (no programme chosen).
   */
  inList<T extends ObjectLiteral>(
    builder: SelectQueryBuilder<T>,
    column: string,
    values: readonly string[] | undefined,
    name: string,
  ): void {
    if (!values) return;
    if (values.length === 0) builder.andWhere('1 = 0');
    else builder.andWhere(`${column} IN (:...${name})`, { [name]: values });
  }

  /** Teams and cohorts the viewer can pick in the filter forms. */
  async options(viewer: Viewer): Promise<{ teams: string[]; cohorts: string[] }> {
    const scope = this.resolve(viewer, {});
    const distinct = async (column: 'team' | 'cohort'): Promise<string[]> => {
      const rows = await this.applyPeople(
        this.dataSource
          .createQueryBuilder()
          .select(`DISTINCT u.${column}`, 'value')
          .from('users', 'u')
          .where(`u.${column} IS NOT NULL`),
        scope,
      ).getRawMany<{ value: string }>();
      return rows.map((row) => row.value).sort((a, b) => a.localeCompare(b));
    };
    const [teams, cohorts] = await Promise.all([distinct('team'), distinct('cohort')]);
    return { teams: scope.teams ?? teams, cohorts };
  }

  isPostgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }
}

export function rawNumber(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}
