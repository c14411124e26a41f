/**
 * The one reader of YAML (and JSON, which is YAML 1.2) with positions, shared by config files and
 * scenario files: parse once, then find where any value or key is written, by key path or JSON
 * pointer. Pure: the callers read the file and word the messages.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

/** A key or a list index on the way to a value. */
export type PathSegment = string | number;

/** 1-based line and column in a file. */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/** A parsed YAML text and the line table of its offsets. */
export interface LocatedYaml {
  readonly doc: Document;
  readonly lines: LineCounter;
}

/** What a path leads to in a document. */
export interface FoundNode {
  readonly node: Node | undefined;
  /** The key of the node in its parent mapping (absent for list items and the root). */
  readonly key: Node | undefined;
  /** False when the path ran past what the file has: node/key are the nearest ancestor's. */
  readonly exact: boolean;
}

/** JSON pointer -> its unescaped reference tokens. */
export const toTokens = (pointer: string): string[] =>
  pointer === '' ? [] : pointer.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));

/** Tokens -> JSON pointer. */
export const toPointer = (tokens: readonly PathSegment[]): string =>
  tokens.map((t) => `/${String(t).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

/** The value at a path of a plain value (undefined when absent). */
export function valueAtPath(root: unknown, path: readonly PathSegment[]): unknown {
  let node = root;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<PathSegment, unknown>)[segment];
  }
  return node;
}

/** The keys of a mapping that a schema does not allow, in the order written. */
export const unknownKeysOf = (node: unknown, known: readonly string[]): string[] =>
  typeof node === 'object' && node !== null && !Array.isArray(node) ? Object.keys(node).filter((k) => !known.includes(k)) : [];

/**
 * Parses a YAML text keeping positions; duplicate keys are errors. The caller reads `doc.errors`.
 * @example
 *   const y = parseLocatedYaml('a:\n  b: 1\n');
 *   positionAt(y, findNode(y.doc, ['a', 'b']).node?.range?.[0] ?? 0); // { line: 2, column: 6 }
 */
export function parseLocatedYaml(text: string): LocatedYaml {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  return { doc, lines };
}

/** The line and column of an offset. */
export function positionAt(yaml: LocatedYaml, offset: number): TextPosition {
  const p = yaml.lines.linePos(offset);
  return { line: p.line, column: p.col };
}

const indexOf = (segment: PathSegment): number | undefined =>
  typeof segment === 'number' ? segment : /^\d+$/.test(segment) ? Number(segment) : undefined;

/** Follows a path (keys and list indexes) through a document as far as the file goes. */
export function findNode(doc: Document, path: readonly PathSegment[]): FoundNode {
  let node: unknown = doc.contents;
  let key: Node | undefined;
  let last: FoundNode = { node: doc.contents ?? undefined, key: undefined, exact: true };
  for (const segment of path) {
    const index = indexOf(segment);
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (pair === undefined) return { ...last, exact: false };
      key = pair.key as Node;
      node = pair.value;
    } else if (isSeq(node) && index !== undefined && node.items[index] !== undefined) {
      node = node.items[index];
      key = undefined;
    } else {
      return { ...last, exact: false };
    }
    last = { node: (node as Node | null) ?? undefined, key, exact: true };
  }
  return last;
}

/** The node a position names: the key when asked and there is one, else the value (or its key when the value is empty). */
export const targetOf = (found: FoundNode, at: 'key' | 'value'): Node | undefined =>
  at === 'key' && found.key !== undefined ? found.key : (found.node ?? found.key);
