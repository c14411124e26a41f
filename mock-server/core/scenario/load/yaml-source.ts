import { isScalar, type Node } from 'yaml';
import { findNode, parseLocatedYaml, positionAt, targetOf, toTokens, type LocatedYaml } from '../../schemas/located-yaml.js';
import type { SourcePosition } from './model.js';

/** A parsed scenario file: its plain value and where each part of it is written. */
export interface YamlSource {
  readonly value: unknown;
  /**
   * Position of the value at a JSON pointer (`at: 'key'`: of its key in the parent mapping).
   * A pointer to something absent yields the position of the nearest present ancestor.
   */
  locate(pointer: string, at?: 'key' | 'value'): SourcePosition;
  /** Position of `needle` inside the scalar at `pointer` (e.g. a `${…}` reference), else of the scalar. */
  locateInScalar(pointer: string, needle: string): SourcePosition;
  /** The scalar at `pointer` exactly as written in the file (e.g. `000000` before YAML made it 0). */
  sourceText(pointer: string): string | undefined;
}

export interface YamlSyntaxError {
  readonly position: SourcePosition;
  readonly problem: string;
  readonly hint: string;
}

const SYNTAX_HINTS: Readonly<Record<string, string>> = {
  MULTIPLE_DOCS: 'put one scenario in each file',
  DUPLICATE_KEY: 'a key appears twice in the same mapping: keep one',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  BAD_INDENT: 'align the lines of a block at the same indentation',
};

/**
 * Parses the text of a scenario file with positions. Returns the first syntax error instead
 * when the YAML is malformed (or too deeply nested / alias-heavy to read safely).
 * @example
 *   const r = readYamlSource('id: x\nsteps: []\n');
 *   if ('value' in r) r.locate('/steps'); // { line: 2, column: 8 }
 */
export function readYamlSource(text: string): YamlSource | YamlSyntaxError {
  let yaml: LocatedYaml;
  let value: unknown;
  try {
    yaml = parseLocatedYaml(text);
    const first = yaml.doc.errors[0];
    if (first !== undefined && /call stack/i.test(first.message)) throw first;
    if (first !== undefined) {
      return {
        position: positionAt(yaml, first.pos[0]),
        problem: `YAML syntax error: ${first.message.split('\n')[0]?.trim() ?? first.code}`,
        hint: /^Flow (map|sequence)/.test(first.message)
          ? 'a `{` or `[` opened on this or an earlier line is not closed: add the missing `}` or `]`'
          : (SYNTAX_HINTS[first.code] ?? 'fix the YAML syntax (a YAML linter shows the exact spot)'),
      };
    }
    value = yaml.doc.toJS({ maxAliasCount: 100 }) as unknown;
  } catch {
    return { position: { line: 1, column: 1 }, problem: 'the file cannot be read as YAML', hint: 'it is too deeply nested or uses too many aliases' };
  }
  const startOf = (n: Node | undefined): SourcePosition => positionAt(yaml, n?.range?.[0] ?? 0);
  const find = (pointer: string) => findNode(yaml.doc, toTokens(pointer));
  return {
    value,
    locate: (pointer, where = 'value') => startOf(targetOf(find(pointer), where)),
    locateInScalar(pointer, needle) {
      const { node, key } = find(pointer);
      const range = node?.range;
      if (range === undefined || range === null) return startOf(node ?? key);
      const index = text.slice(range[0], range[1]).indexOf(needle);
      return positionAt(yaml, range[0] + Math.max(0, index));
    },
    sourceText(pointer) {
      const { node, exact } = find(pointer);
      const range = node?.range;
      return exact && isScalar(node) && range !== undefined && range !== null ? text.slice(range[0], range[1]) : undefined;
    },
  };
}
