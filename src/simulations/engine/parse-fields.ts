import type { ScenarioIssue } from './scenario.types';

export type Path = (string | number)[];
export type Mapping = Record<string, unknown>;

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Collects issues while reading a parsed YAML value field by field. */
export class FieldReader {
  readonly issues: ScenarioIssue[] = [];

  fail(path: Path, reason: string): undefined {
    this.issues.push({ path, reason });
    return undefined;
  }

  mapping(value: unknown, path: Path, keys: readonly string[]): Mapping | undefined {
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      return this.fail(path, 'must be a mapping');
    const result = value as Mapping;
    for (const key of Object.keys(result)) {
      if (!keys.includes(key))
        this.fail([...path, key], `unknown field (expected one of: ${keys.join(', ')})`);
    }
    return result;
  }

  list(value: unknown, path: Path, required = false): unknown[] {
    if (value === undefined) {
      if (required) this.fail(path, 'is required (a list)');
      return [];
    }
    if (Array.isArray(value)) return value;
    this.fail(path, 'must be a list');
    return [];
  }

  text(value: unknown, path: Path): string | undefined {
    if (typeof value === 'string' && value.trim() !== '') return value;
    if (typeof value === 'number') return String(value);
    return this.fail(path, value === undefined ? 'is required' : 'must be a non-empty string');
  }

  optionalText(value: unknown, path: Path): string | undefined {
    return value === undefined ? undefined : this.text(value, path);
  }

  /** One line or a non-empty list of lines. */
  lines(value: unknown, path: Path): string[] {
    if (typeof value === 'string') return this.text(value, path) === undefined ? [] : [value];
    if (!Array.isArray(value) || value.length === 0) {
      this.fail(path, 'must be a line or a non-empty list of lines');
      return [];
    }
    return value.map((item, i) => this.text(item, [...path, i]) ?? '');
  }

  identifier(value: unknown, path: Path): string | undefined {
    if (typeof value === 'string' && ID.test(value) && value.length <= 80) return value;
    return this.fail(
      path,
      value === undefined
        ? 'is required'
        : 'must be a kebab-case id (a-z, 0-9 and single hyphens, at most 80 characters)',
    );
  }

  oneOf<T extends string>(value: unknown, path: Path, allowed: readonly T[]): T | undefined {
    if (allowed.includes(value as T)) return value as T;
    return this.fail(path, `must be one of: ${allowed.join(', ')}`);
  }

  integer(value: unknown, path: Path, min: number, max: number): number | undefined {
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max)
      return value;
    return this.fail(
      path,
      value === undefined ? 'is required' : `must be a whole number from ${min} to ${max}`,
    );
  }

  score(value: unknown, path: Path): number | undefined {
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100)
      return value;
    return this.fail(path, 'must be a number from 0 to 100');
  }

  optionalScore(value: unknown, path: Path): number | undefined {
    return value === undefined ? undefined : this.score(value, path);
  }

  bool(value: unknown, path: Path): boolean | undefined {
    if (typeof value === 'boolean') return value;
    return this.fail(path, 'must be true or false');
  }

  ids(value: unknown, path: Path): string[] {
    if (!Array.isArray(value)) {
      this.fail(path, 'must be a list of ids');
      return [];
    }
    return value.map((item, i) => this.identifier(item, [...path, i]) ?? '');
  }
}
