import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedFixture } from './shared-dir';

/** A checker for the xAPI statement JSON Schema of the shared fixtures (draft-04): the problems. */
export function statementValidator(): (statement: unknown) => string[] {
  // ajv 6 comes with eslint; it is the validator that still reads draft-04 schemas.
  const ajv = new Ajv({ schemaId: 'id', meta: false, allErrors: true });
  ajv.addMetaSchema(
    JSON.parse(readFileSync(require.resolve('ajv/lib/refs/json-schema-draft-04.json'), 'utf8')),
  );
  const schema = JSON.parse(
    readFileSync(join(sharedFixture('xapi'), 'jsonschema-edo-xrs-1.0.2', 'statement.json'), 'utf8'),
  ) as object;
  const validate = ajv.compile(schema);
  return (statement) =>
    validate(statement) ? [] : (validate.errors ?? []).map((e) => `${e.dataPath} ${e.message}`);
}
