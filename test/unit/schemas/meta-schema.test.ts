import { describe, expect, test } from 'vitest';
import { loadSchemaFiles } from '../../../mock-server/config/schemas-fs.js';
import { createSchemaRegistry } from '../../../mock-server/core/schemas/registry.js';

describe('the shipped schemas', () => {
  const schemas = loadSchemaFiles();

  test('every schema under schemas/ is valid against the 2020-12 meta-schema and compiles in strict mode', () => {
    // Every message has a request and a response schema: far more than 60 files (a broken loader finds none).
    expect(schemas.length).toBeGreaterThanOrEqual(60);
    const registry = createSchemaRegistry(schemas, { checkSchemas: true });
    expect(registry.ids().length).toBe(schemas.length);
    // validate() compiles on first use; a schema that strict mode rejects throws here.
    for (const id of registry.ids()) expect(() => registry.validate(id, {})).not.toThrow();
  });

  test('the meta-schema check catches a schema of the wrong shape', () => {
    expect(() => createSchemaRegistry([{ $id: 'broken.schema.json', type: 'object', required: 'instanceId' }], { checkSchemas: true })).toThrow(
      /schema is invalid/,
    );
  });
});
