import { QueryRunner, TableColumnOptions } from 'typeorm';

// Column builders for migrations, so one migration set runs on SQLite and PostgreSQL:
// ids are UUID strings made in the app, times are the driver's own timestamp type (UTC),
// JSON is stored as text.
export const column = {
  id: (name = 'id'): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: '36',
    isPrimary: true,
  }),
  ref: (name: string, nullable = false): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: '36',
    isNullable: nullable,
  }),
  string: (name: string, length = 255, nullable = false): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: String(length),
    isNullable: nullable,
  }),
  text: (name: string, nullable = false): TableColumnOptions => ({
    name,
    type: 'text',
    isNullable: nullable,
  }),
  int: (name: string, nullable = false, defaultValue?: number): TableColumnOptions => ({
    name,
    type: 'integer',
    isNullable: nullable,
    default: defaultValue,
  }),
  real: (name: string, nullable = false): TableColumnOptions => ({
    name,
    type: 'double precision',
    isNullable: nullable,
  }),
  bool: (name: string, defaultValue: boolean): TableColumnOptions => ({
    name,
    type: 'boolean',
    default: defaultValue,
  }),
  time: (queryRunner: QueryRunner, name: string, nullable = false): TableColumnOptions => ({
    name,
    type: queryRunner.connection.driver.normalizeType({ type: Date }),
    isNullable: nullable,
  }),
};
