/**
 * A small, strict XML 1.0 parser for tests: elements, attributes, text, comments, the XML
 * declaration and the five entities plus character references. It throws on anything a
 * conforming parser rejects that a report writer could get wrong: unbalanced or crossed tags,
 * a raw `<` or `&` in text or attributes, unquoted or duplicate attributes, characters outside
 * XML 1.0's Char production, or content outside the single root element.
 */
export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** Concatenated text directly inside the element, entities decoded. */
  readonly text: string;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const isXmlChar = (cp: number): boolean =>
  cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);

const isNameChar = (c: string): boolean =>
  (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '-' || c === '_' || c === '.' || c === ':';

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\n' || c === '\t' || c === '\r';

/** Throws at the first code point outside XML 1.0's Char production (lone surrogates included). */
export function assertXmlChars(text: string): void {
  for (let i = 0; i < text.length; i += 1) {
    const cp = text.codePointAt(i) ?? 0;
    if (!isXmlChar(cp)) throw new Error(`character U+${cp.toString(16).padStart(4, '0')} at ${i} is not allowed in XML 1.0`);
    if (cp > 0xffff) i += 1;
  }
}

/** Parses a whole document and returns its root element. */
export function parseXml(source: string): XmlElement {
  assertXmlChars(source);
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at offset ${i}: ${JSON.stringify(source.slice(Math.max(0, i - 30), i + 30))}`);
  };
  const skipSpace = (): void => {
    while (isSpace(source[i])) i += 1;
  };
  const readName = (): string => {
    const start = i;
    while (i < source.length && isNameChar(source[i] as string)) i += 1;
    if (i === start) fail('expected a name');
    return source.slice(start, i);
  };
  const readEntity = (): string => {
    const end = source.indexOf(';', i);
    if (end < 0 || end - i > 10) fail('a bare & (not an entity)');
    const ref = source.slice(i + 1, end);
    i = end + 1;
    if (ref.startsWith('#x')) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(Number.parseInt(ref.slice(1), 10));
    return ENTITIES[ref] ?? fail(`unknown entity &${ref};`);
  };
  const skipMisc = (): void => {
    for (;;) {
      skipSpace();
      if (source.startsWith('<!--', i)) {
        const end = source.indexOf('-->', i + 4);
        if (end < 0) fail('unterminated comment');
        i = end + 3;
      } else if (source.startsWith('<?', i)) {
        const end = source.indexOf('?>', i);
        if (end < 0) fail('unterminated declaration');
        i = end + 2;
      } else return;
    }
  };

  function readElement(): XmlElement {
    if (source[i] !== '<') fail('expected <');
    i += 1;
    const name = readName();
    const attrs: Record<string, string> = {};
    for (;;) {
      const hadSpace = isSpace(source[i]);
      skipSpace();
      if (source.startsWith('/>', i)) {
        i += 2;
        return { name, attrs, children: [], text: '' };
      }
      if (source[i] === '>') {
        i += 1;
        break;
      }
      if (!hadSpace) fail('attributes must be separated by white space');
      const attr = readName();
      skipSpace();
      if (source[i] !== '=') fail(`attribute ${attr} has no =`);
      i += 1;
      skipSpace();
      const quote = source[i];
      if (quote !== '"' && quote !== "'") fail(`attribute ${attr} is not quoted`);
      i += 1;
      let value = '';
      while (source[i] !== quote) {
        if (i >= source.length) fail('unterminated attribute');
        const c = source[i] as string;
        if (c === '<') fail(`a raw < in attribute ${attr}`);
        if (c === '&') value += readEntity();
        else {
          // Literal line breaks and tabs in attributes are normalised to spaces (XML 1.0 §3.3.3).
          value += isSpace(c) ? ' ' : c;
          i += 1;
        }
      }
      i += 1;
      if (attr in attrs) fail(`duplicate attribute ${attr}`);
      attrs[attr] = value;
    }
    const children: XmlElement[] = [];
    let text = '';
    for (;;) {
      if (i >= source.length) fail(`unclosed <${name}>`);
      if (source.startsWith('</', i)) {
        i += 2;
        const closing = readName();
        if (closing !== name) fail(`</${closing}> closes <${name}>`);
        skipSpace();
        if (source[i] !== '>') fail('expected >');
        i += 1;
        return { name, attrs, children, text };
      }
      if (source.startsWith('<!--', i)) {
        const end = source.indexOf('-->', i + 4);
        if (end < 0) fail('unterminated comment');
        i = end + 3;
      } else if (source.startsWith('<![CDATA[', i)) {
        const end = source.indexOf(']]>', i);
        if (end < 0) fail('unterminated CDATA');
        text += source.slice(i + 9, end);
        i = end + 3;
      } else if (source[i] === '<') children.push(readElement());
      else if (source[i] === '&') text += readEntity();
      else if (source.startsWith(']]>', i)) fail(']]> in text');
      else {
        text += source[i];
        i += 1;
      }
    }
  }

  skipMisc();
  const root = readElement();
  skipMisc();
  if (i !== source.length) fail('content after the root element');
  return root;
}

/** Every element below `root` (depth first) with the given name. */
export const findAll = (root: XmlElement, name: string): XmlElement[] =>
  root.children.flatMap((c) => [...(c.name === name ? [c] : []), ...findAll(c, name)]);
