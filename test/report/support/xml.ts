/**
 * A small strict XML reader for the tests: it refuses what is not well-formed XML 1.0
 * (mismatched or unclosed tags, unquoted or duplicate attributes, a bare "<" or "&", unknown
 * entities, characters XML cannot hold, more than one root) and returns the element tree, so
 * that tests can check a JUnit file by its structure rather than by its text.
 */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_:][\w.:-]*/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const INVALID = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function decode(text: string, at: number): string {
  if (/[<]/.test(text)) throw new Error(`bare "<" near offset ${at}`);
  return text.replace(/&([^;\s]*);?/g, (whole, entity: string) => {
    if (!whole.endsWith(';')) throw new Error(`bare "&" near offset ${at}`);
    if (entity.startsWith('#x')) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number.parseInt(entity.slice(1), 10));
    const value = ENTITIES[entity];
    if (value === undefined) throw new Error(`unknown entity &${entity}; near offset ${at}`);
    return value;
  });
}

export function parseXml(source: string): XmlElement {
  if (INVALID.test(source)) throw new Error('a character XML 1.0 cannot hold');
  let position = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const rest = () => source.slice(position);
  if (rest().startsWith('<?xml')) {
    const end = source.indexOf('?>');
    if (end < 0) throw new Error('unterminated XML declaration');
    position = end + 2;
  }
  while (position < source.length) {
    const next = source.indexOf('<', position);
    const text = source.slice(position, next < 0 ? source.length : next);
    if (text.trim() !== '') {
      const parent = stack.at(-1);
      if (parent === undefined) throw new Error(`text outside the root element near offset ${position}`);
      parent.text += decode(text, position);
    } else if (stack.length > 0) {
      stack.at(-1)!.text += decode(text, position);
    }
    if (next < 0) break;
    position = next;
    if (rest().startsWith('<!--')) {
      const end = source.indexOf('-->', position);
      if (end < 0) throw new Error('unterminated comment');
      position = end + 3;
      continue;
    }
    if (rest().startsWith('</')) {
      const match = /^<\/([A-Za-z_:][\w.:-]*)\s*>/.exec(rest());
      if (match === null) throw new Error(`malformed end tag near offset ${position}`);
      const open = stack.pop();
      if (open === undefined || open.name !== match[1]) throw new Error(`</${match[1]}> closes <${open?.name ?? 'nothing'}> near offset ${position}`);
      position += match[0].length;
      continue;
    }
    position += 1;
    const name = NAME.exec(rest())?.[0];
    if (name === undefined) throw new Error(`malformed tag near offset ${position}`);
    position += name.length;
    const attributes: Record<string, string> = {};
    for (;;) {
      const space = /^\s*/.exec(rest())![0];
      position += space.length;
      if (rest().startsWith('/>') || rest().startsWith('>')) break;
      if (space === '') throw new Error(`attributes must be separated by spaces near offset ${position}`);
      const attribute = /^([A-Za-z_:][\w.:-]*)\s*=\s*"([^"]*)"/.exec(rest());
      if (attribute === null) throw new Error(`malformed attribute near offset ${position}`);
      if (attribute[1]! in attributes) throw new Error(`duplicate attribute ${attribute[1]} near offset ${position}`);
      attributes[attribute[1]!] = decode(attribute[2]!, position);
      position += attribute[0].length;
    }
    const element: XmlElement = { name, attributes, children: [], text: '' };
    const parent = stack.at(-1);
    if (parent === undefined) {
      if (root !== undefined) throw new Error('more than one root element');
      root = element;
    } else {
      parent.children.push(element);
    }
    if (rest().startsWith('/>')) position += 2;
    else {
      position += 1;
      stack.push(element);
    }
  }
  if (stack.length > 0) throw new Error(`<${stack.at(-1)!.name}> is never closed`);
  if (root === undefined) throw new Error('no root element');
  return root;
}

export function descendants(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((child) => [...(child.name === name ? [child] : []), ...descendants(child, name)]);
}
