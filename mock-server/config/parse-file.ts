import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { configError, isKoomockError } from '../core/errors.js';
import { findJsonSyntaxError } from './json-syntax.js';
import { describeYamlError, findCollectionKey, findUnclosed, findUnresolvedAlias } from './yaml-errors.js';

export type PathSegment = string | number;

/** 1-based line and column in a config file. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

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

function locateIn(doc: Document, lines: LineCounter, path: readonly PathSegment[], at: 'key' | 'value'): Position | undefined {
  let node: unknown = doc.contents;
  let keyNode: Node | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (pair === undefined) return undefined;
      keyNode = pair.key as Node;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      keyNode = undefined;
    } else {
      return undefined;
    }
  }
  const target = at === 'key' && keyNode !== undefined ? keyNode : ((node as Node | null) ?? keyNode);
  const start = target?.range?.[0];
  if (start === undefined) return undefined;
  const p = lines.linePos(start);
  return { line: p.line, column: p.col };
}

function parseYamlDocument(text: string) {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  return { doc, lines };
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
  let located: { doc: Document; lines: LineCounter } | undefined;
  let value: unknown;
  try {
    if (format === 'json') {
      const bad = findJsonSyntaxError(source);
      if (bad !== undefined) throw syntaxError(file, format, positionOf(source, bad.offset), bad.message);
      value = JSON.parse(source) as unknown;
      const y = parseYamlDocument(source);
      const duplicate = y.doc.errors.find((e) => e.code === 'DUPLICATE_KEY');
      if (duplicate !== undefined) {
        throw syntaxError(file, format, positionOf(source, duplicate.pos[0]), 'a key appears twice in the same object');
      }
      if (y.doc.errors.length === 0) located = y;
    } else {
      const y = parseYamlDocument(source);
      const first = y.doc.errors[0];
      if (first !== undefined) {
        const unclosed = findUnclosed(source);
        if (unclosed !== undefined && unclosed.offset <= first.pos[0]) {
          const p = y.lines.linePos(unclosed.offset);
          const what = unclosed.what === 'quoted value' ? 'this quoted value has no closing quote' : 'this [ ] or { } is not closed';
          throw syntaxError(file, format, { line: p.line, column: p.col }, what);
        }
        const p = y.lines.linePos(first.pos[0]);
        throw syntaxError(file, format, { line: p.line, column: p.col }, describeYamlError(first.code));
      }
      const collectionKey = findCollectionKey(y.doc);
      if (collectionKey !== undefined) {
        const p = y.lines.linePos(collectionKey);
        throw syntaxError(file, format, { line: p.line, column: p.col }, 'a key is a list or mapping; keys must be plain text');
      }
      const alias = findUnresolvedAlias(y.doc);
      if (alias !== undefined) {
        const p = y.lines.linePos(alias);
        throw syntaxError(file, format, { line: p.line, column: p.col }, 'an alias (*name) refers to an anchor (&name) that is not defined before it');
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
    locate: (path, at = 'value') => (located === undefined ? undefined : locateIn(located.doc, located.lines, path, at)),
  };
}
