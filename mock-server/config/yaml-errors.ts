import { CST, isCollection, Parser, visit, type Document } from 'yaml';

/**
 * Our own words for each YAML parser error code. The parser's messages sometimes quote the
 * source (`Block scalar header includes extra characters: |<text>`), and that text may be a secret.
 */
const YAML_ERRORS: Readonly<Record<string, string>> = {
  ALIAS_PROPS: 'an alias (*name) cannot have an anchor or a tag',
  BAD_ALIAS: 'invalid alias (*name)',
  BAD_COLLECTION_TYPE: 'a !tag does not fit the list or mapping it is on',
  BAD_DIRECTIVE: 'invalid % directive',
  BAD_DQ_ESCAPE: 'invalid escape in a double-quoted string (write \\\\ for a backslash, or use single quotes)',
  BAD_INDENT: 'wrong indentation (indent nested keys by the same number of spaces, and close [ and { where they started)',
  BAD_PROP_ORDER: 'an anchor and a tag in the wrong order',
  BAD_SCALAR_START: 'a plain value cannot start with this character: put the value in quotes',
  BLOCK_AS_IMPLICIT_KEY: 'a mapping cannot start on the line of its key: put nested keys on new lines, or quote a value that contains ": "',
  BLOCK_IN_FLOW: 'block syntax inside [ ] or { }',
  DUPLICATE_KEY: 'a key appears twice in the same mapping',
  MISSING_CHAR: 'a closing quote or bracket, or a `,` or `:` between items, is missing',
  MULTILINE_IMPLICIT_KEY: 'a key must fit on one line: is a `:` missing after a key, or a quote not closed?',
  MULTIPLE_ANCHORS: 'a value has two anchors',
  MULTIPLE_DOCS: 'the file holds several YAML documents (---); a config is one document',
  MULTIPLE_TAGS: 'a value has two tags',
  NON_STRING_KEY: 'keys must be plain text',
  RESOURCE_EXHAUSTION: 'too many aliases',
  TAB_AS_INDENT: 'tabs are not allowed as indentation: indent with spaces',
  TAG_RESOLVE_FAILED: 'a value does not fit its !tag',
  UNEXPECTED_TOKEN: 'unexpected characters: quote the value if it contains `: `, ` #` or starts with a special character',
};

/** What a YAML parser error code means, without any text from the file. */
export const describeYamlError = (code: string): string => YAML_ERRORS[code] ?? 'invalid YAML';

/** The start offset of the first alias (*name) whose anchor (&name) is not defined before it. */
export function findUnresolvedAlias(doc: Document): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Alias(_, node) {
      if (node.resolve(doc) !== undefined) return undefined;
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  return offset;
}

/**
 * The start offset of the first key that is a list or mapping (`? [a, b]: x`). Such keys cannot be
 * config keys, and converting them would make the parser print them as a process warning.
 */
export function findCollectionKey(doc: Document): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Pair(_, pair) {
      if (!isCollection(pair.key)) return undefined;
      offset = pair.key.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

const isUnclosedQuote = (type: string, source: string): boolean => {
  const quote = type === 'double-quoted-scalar' ? '"' : "'";
  const body = source.trimEnd().slice(1);
  if (!body.endsWith(quote)) return true;
  // Escapes: \" inside double quotes, '' inside single quotes; neither closes the value.
  if (quote === '"') return (/(\\*)"$/.exec(body)?.[1]?.length ?? 0) % 2 === 1;
  return (/('+)$/.exec(body)?.[1]?.length ?? 0) % 2 === 0;
};

/**
 * Where an unclosed quoted value or [ ] / { } starts. The parser notices only at the end of the
 * file, but the line to fix is where the quote or bracket opened.
 * @example
 *   findUnclosed('a:\n  b: "x\n  c: 1\n'); // { offset: 8, what: 'quoted value' }
 */
export function findUnclosed(text: string): { offset: number; what: 'quoted value' | 'list or mapping' } | undefined {
  let found: { offset: number; what: 'quoted value' | 'list or mapping' } | undefined;
  for (const token of new Parser().parse(text)) {
    if (token.type !== 'document') continue;
    CST.visit(token, (item) => {
      for (const t of [item.key, item.value]) {
        if (found !== undefined || t === null || t === undefined) continue;
        if ((t.type === 'double-quoted-scalar' || t.type === 'single-quoted-scalar') && isUnclosedQuote(t.type, t.source)) {
          found = { offset: t.offset, what: 'quoted value' };
        } else if (t.type === 'flow-collection' && !t.end.some((e) => e.type === 'flow-seq-end' || e.type === 'flow-map-end')) {
          found = { offset: t.offset, what: 'list or mapping' };
        }
      }
      return found === undefined ? undefined : CST.visit.BREAK;
    });
    if (found !== undefined) break;
  }
  return found;
}
