import { configError, isKoomockError } from '../core/errors.js';
import { findNode, parseLocatedYaml, positionAt, targetOf, type LocatedYaml, type PathSegment, type TextPosition as Position } from '../core/schemas/located-yaml.js';
import { findJsonSyntaxError } from './json-syntax.js';
import { describeYamlError, findCollectionKey, findUnclosed, findUnresolvedAlias } from './yaml-errors.js';

export interface ParsedConfigFile {
  /** The file as named in messages. */
  readonly file: string;
  readonly value: unknown;
  /** Where the value at `path` is written (`at: 'key'`: where its key is), when known. */
  locate(path: readonly PathSegment[], at?: 'key' | 'value'): Position | undefined;
}

export type ConfigFormat = 'yaml' | 'json';

const positionOf = (text: string, offset: number): Position => {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
};

const syntaxError = (file: string, format: ConfigFormat, pos: Position | undefined, problem: string) => {
  const where = pos === undefined ? file : `${file}:${pos.line}:${pos.column}`;
  const lineText = pos === undefined ? '' : ` at line ${pos.line}, column ${pos.column}`;
  return configError(
    `${where}: ${format === 'json' ? 'JSON' : 'YAML'} syntax error${lineText}: ${problem}. Fix the file and run again.`,
    { file, ...(pos === undefined ? {} : { line: pos.line, column: pos.column }) },
  );
};

function locateIn(yaml: LocatedYaml, path: readonly PathSegment[], at: 'key' | 'value'): Position | undefined {
  const found = findNode(yaml.doc, path);
  const start = found.exact ? targetOf(found, at)?.range?.[0] : undefined;
  return start === undefined ? undefined : positionAt(yaml, start);
}

/**
 * Parses the text of a config file. Syntax errors become CONFIG_INVALID errors naming the file,
 * line and column; the located value lets later errors name lines too (JSON files are located
 * through the YAML parser, since JSON is YAML 1.2).
 * @example
 *   const parsed = parseConfigText('server:\n  port: 8080\n', 'koomock.config.yaml', 'yaml');
 *   parsed.locate(['server', 'port']); // { line: 2, column: 9 }
 */
export function parseConfigText(text: string, file: string, format: ConfigFormat): ParsedConfigFile {
  const source = text.replace(/^\uFEFF/, '');
  let located: LocatedYaml | undefined;
  let value: unknown;
  try {
    if (format === 'json') {
      const bad = findJsonSyntaxError(source);
      if (bad !== undefined) throw syntaxError(file, format, positionOf(source, bad.offset), bad.message);
      value = JSON.parse(source) as unknown;
      const y = parseLocatedYaml(source);
      const duplicate = y.doc.errors.find((e) => e.code === 'DUPLICATE_KEY');
      if (duplicate !== undefined) {
        throw syntaxError(file, format, positionOf(source, duplicate.pos[0]), 'a key appears twice in the same object');
      }
      if (y.doc.errors.length === 0) located = y;
    } else {
      const y = parseLocatedYaml(source);
      const first = y.doc.errors[0];
      if (first !== undefined) {
        const unclosed = findUnclosed(source);
        if (unclosed !== undefined && unclosed.offset <= first.pos[0]) {
          const what = unclosed.what === 'quoted value' ? 'this quoted value has no closing quote' : 'this [ ] or { } is not closed';
          throw syntaxError(file, format, positionAt(y, unclosed.offset), what);
        }
        throw syntaxError(file, format, positionAt(y, first.pos[0]), describeYamlError(first.code));
      }
      const collectionKey = findCollectionKey(y.doc);
      if (collectionKey !== undefined) {
        throw syntaxError(file, format, positionAt(y, collectionKey), 'a key is a list or mapping; keys must be plain text');
      }
      const alias = findUnresolvedAlias(y.doc);
      if (alias !== undefined) {
        throw syntaxError(file, format, positionAt(y, alias), 'an alias (*name) refers to an anchor (&name) that is not defined before it');
      }
      value = y.doc.toJS({ maxAliasCount: 100 }) ?? {};
      located = y;
    }
  } catch (e) {
    if (isKoomockError(e)) throw e;
    // Resource limits of the parsers (alias bombs, absurd nesting) end here instead of crashing.
    throw syntaxError(file, format, undefined, 'the file could not be read as a config (too deeply nested or too many aliases)');
  }
  return {
    file,
    value,
    locate: (path, at = 'value') => (located === undefined ? undefined : locateIn(located, path, at)),
  };
}
