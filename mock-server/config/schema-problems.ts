import type { SchemaViolation } from '../core/schemas/registry.js';
import { toTokens, unknownKeysOf, valueAtPath as valueAt, type PathSegment } from '../core/schemas/located-yaml.js';
import { renderValue, toKeyPath, type ConfigProblem } from './problems.js';
import { describeExpected, knownKeys, schemaAt, type Schema } from '../core/schemas/schema-walk.js';
import { suggestDuration } from '../core/duration.js';
import { closestName } from '../core/suggest.js';

/** JSON pointer -> path, with numbers for list indexes (read off the value, since "0" may be a key). */
function toPath(pointer: string, value: unknown): PathSegment[] {
  const path: PathSegment[] = [];
  let node = value;
  for (const key of toTokens(pointer)) {
    const segment: PathSegment = Array.isArray(node) && /^\d+$/.test(key) ? Number(key) : key;
    path.push(segment);
    node = typeof node === 'object' && node !== null ? (node as Record<PathSegment, unknown>)[segment] : undefined;
  }
  return path;
}

const isDuration = (schema: Schema | undefined): boolean =>
  typeof schema?.['description'] === 'string' && schema['description'].includes('duration');

function unknownKeyProblems(root: Schema, value: unknown, path: PathSegment[]): ConfigProblem[] {
  const known = knownKeys(schemaAt(root, path));
  return unknownKeysOf(valueAt(value, path), known).map((k) => {
    const guess = closestName(k, known);
    const hint =
      guess === undefined
        ? `the keys allowed in ${path.length === 0 ? 'the top level' : `\`${toKeyPath(path)}\``} are ${known.map((x) => `\`${x}\``).join(', ')}`
        : `did you mean \`${guess}\`?`;
    return { path: [...path, k], kind: 'unknown-key', expected: 'a known key', hint };
  });
}

/**
 * Turns schema violations into one problem per location: Ajv reports `anyOf` failures once per
 * branch, and users need one sentence per key, with unknown keys named one by one.
 */
export function toSchemaProblems(root: Schema, value: unknown, violations: readonly SchemaViolation[]): ConfigProblem[] {
  const byPointer = new Map<string, SchemaViolation[]>();
  for (const v of violations) byPointer.set(v.pointer, [...(byPointer.get(v.pointer) ?? []), v]);
  const problems: ConfigProblem[] = [];
  for (const [pointer, group] of byPointer) {
    const path = toPath(pointer, value);
    if (group.some((v) => v.rule === 'additionalProperties')) problems.push(...unknownKeyProblems(root, value, path));
    if (group.every((v) => v.rule === 'additionalProperties')) continue;
    const schema = schemaAt(root, path);
    const expected = describeExpected(schema, root);
    const given = valueAt(value, path);
    if (given === undefined) {
      problems.push({ path, kind: 'missing', expected });
      continue;
    }
    const guess = isDuration(schema) && typeof given === 'string' ? suggestDuration(given) : undefined;
    const suggestion = guess === given ? undefined : guess;
    problems.push({
      path,
      kind: 'invalid',
      expected,
      received: renderValue(given, toKeyPath(path), schema !== undefined && schema['type'] !== 'object' && schema['type'] !== 'array'),
      ...(suggestion === undefined ? {} : { hint: `did you mean \`${suggestion}\`?` }),
    });
  }
  return problems;
}
