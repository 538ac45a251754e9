export type Path = (string | number)[];
export type Mapping = Record<string, unknown>;

/** Collects field problems while reading an untyped value (parsed YAML or JSON). */
export class Checker {
  readonly issues: { path: Path; reason: string }[] = [];

  fail(path: Path, reason: string): undefined {
    this.issues.push({ path, reason });
    return undefined;
  }

  /** A mapping; with `keys`, any other key is reported (a typo should not pass silently). */
  mapping(value: unknown, path: Path, keys?: readonly string[]): Mapping | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return this.fail(path, 'must be a mapping');
    const mapping = value as Mapping;
    if (keys) {
      for (const key of Object.keys(mapping))
        if (!keys.includes(key)) this.fail([...path, key], 'is not a known field');
    }
    return mapping;
  }

  string(value: unknown, path: Path): string | undefined {
    if (value === undefined || value === null) return this.fail(path, 'is required');
    if (typeof value === 'number') return String(value);
    if (typeof value !== 'string' || value.trim() === '')
      return this.fail(path, 'must be a non-empty text');
    return value;
  }

  optionalString(value: unknown, path: Path): string | null {
    if (value === undefined || value === null || value === '') return null;
    return this.string(value, path) ?? null;
  }

  number(value: unknown, path: Path): number | undefined {
    if (value === undefined || value === null) return this.fail(path, 'is required');
    if (typeof value !== 'number' || !Number.isFinite(value))
      return this.fail(path, 'must be a number');
    return value;
  }

  optionalNumber(
    value: unknown,
    path: Path,
    limits: { min: number; max: number; fallback: number },
  ): number {
    if (value === undefined || value === null) return limits.fallback;
    const number = this.number(value, path);
    if (number === undefined) return limits.fallback;
    if (number < limits.min || number > limits.max) {
      this.fail(path, `must be from ${limits.min} to ${limits.max}`);
      return limits.fallback;
    }
    return number;
  }

  integer(
    value: unknown,
    path: Path,
    min: number,
    max: number,
    fallback?: number,
  ): number | undefined {
    if ((value === undefined || value === null) && fallback !== undefined) return fallback;
    const number = this.number(value, path);
    if (number === undefined) return undefined;
    if (!Number.isInteger(number) || number < min || number > max)
      return this.fail(path, `must be a whole number from ${min} to ${max}`);
    return number;
  }

  boolean(value: unknown, path: Path): boolean | undefined {
    if (typeof value === 'boolean') return value;
    return this.fail(path, value === undefined ? 'is required' : 'must be true or false');
  }

  list(value: unknown, path: Path, minLength = 0): unknown[] {
    if (!Array.isArray(value)) {
      this.fail(path, value === undefined ? 'is required' : 'must be a list');
      return [];
    }
    if (value.length < minLength) this.fail(path, `needs at least ${minLength} entries`);
    return value;
  }

  optionalList(value: unknown, path: Path): unknown[] {
    return value === undefined || value === null ? [] : this.list(value, path);
  }
}
