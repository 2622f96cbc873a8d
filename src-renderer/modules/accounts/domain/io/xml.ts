import { problem, type ImportProblem } from './report';

/**
 * A minimal XML/SGML reader for bank files. DOMParser does not exist in Web Workers (where
 * imports run) nor in Node, so we tokenize by hand. It keeps line numbers for messages,
 * drops namespace prefixes (banks vary them), and refuses truncated or mismatched markup
 * rather than guessing — a statement cut off mid-download must not import as a shorter one.
 */
export interface XmlNode {
  /** Local name, without namespace prefix. */
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** Text directly inside the element, entity-decoded and trimmed. */
  text: string;
  line: number;
}

export type XmlParse = { ok: true; root: XmlNode } | { ok: false; problem: ImportProblem };

const ENTITIES: Record<string, string> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.startsWith('#x')) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
    return ENTITIES[body] ?? whole;
  });
}

function localName(qname: string): string {
  const at = qname.indexOf(':');
  return at >= 0 ? qname.slice(at + 1) : qname;
}

interface Building extends XmlNode {
  rawText: string;
}

/**
 * `sgml: true` reads OFX 1.x, where leaf elements (`<TRNAMT>-12.00`) are never closed:
 * an element holding text and no children is closed by whatever tag comes next.
 */
export function parseXml(input: string, opts: { sgml?: boolean } = {}): XmlParse {
  const sgml = opts.sgml ?? false;
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const stack: Building[] = [];
  let root: Building | null = null;
  let pos = 0;
  let line = 1;
  const fail = (at: number, message: string): XmlParse => ({
    ok: false,
    problem: problem(at, message),
  });
  const advanceTo = (to: number) => {
    for (let i = pos; i < to; i++) if (text.charCodeAt(i) === 10) line++;
    pos = to;
  };
  const finish = (node: Building) => {
    node.text = decodeEntities(node.rawText).trim();
  };
  const isOpenLeaf = (node: Building | undefined) =>
    node !== undefined && node.children.length === 0 && node.rawText.trim() !== '';

  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    const textEnd = lt < 0 ? text.length : lt;
    if (textEnd > pos) {
      const chunk = text.slice(pos, textEnd);
      const top = stack[stack.length - 1];
      if (top) top.rawText += chunk;
      else if (chunk.trim() !== '' && root)
        return fail(
          line,
          'There is text after the end of the document. The file may be two files joined together.',
        );
      advanceTo(textEnd);
    }
    if (lt < 0) break;
    const tagLine = line;
    if (
      text.startsWith('<?', lt) ||
      text.startsWith('<!--', lt) ||
      text.startsWith('<![CDATA[', lt) ||
      text.startsWith('<!', lt)
    ) {
      const [closer, isCdata] = text.startsWith('<?', lt)
        ? ['?>', false]
        : text.startsWith('<!--', lt)
          ? ['-->', false]
          : text.startsWith('<![CDATA[', lt)
            ? [']]>', true]
            : ['>', false];
      const end = text.indexOf(closer, lt);
      if (end < 0)
        return fail(
          tagLine,
          'The file ends in the middle of markup; it looks truncated. Download the statement again.',
        );
      if (isCdata) {
        const top = stack[stack.length - 1];
        // CDATA is literal: escape it so the later entity decoding leaves it unchanged.
        if (top) top.rawText += text.slice(lt + 9, end).replace(/&/g, '&amp;');
      }
      advanceTo(end + closer.length);
      continue;
    }
    const gt = text.indexOf('>', lt);
    if (gt < 0)
      return fail(
        tagLine,
        'The file ends in the middle of a tag; it looks truncated. Download the statement again.',
      );
    const body = text.slice(lt + 1, gt);
    advanceTo(gt + 1);
    if (body.startsWith('/')) {
      const name = localName(body.slice(1).trim());
      // OFX 1.x closes aggregates explicitly, so anything still open inside one is an
      // unclosed leaf and ends here. An empty leaf (a bare <MEMO>) will have swallowed the
      // tags after it as children; they belong to its parent.
      if (sgml && stack.some((n) => n.name === name)) {
        while (stack[stack.length - 1]!.name !== name) {
          const leaf = stack.pop()!;
          finish(leaf);
          const parent = stack[stack.length - 1]!;
          if (leaf.children.length > 0) {
            parent.children.splice(parent.children.indexOf(leaf) + 1, 0, ...leaf.children);
            leaf.children = [];
          }
        }
      }
      const top = stack[stack.length - 1];
      if (!top)
        return fail(
          tagLine,
          `</${name}> closes an element that was never opened. The file is damaged.`,
        );
      if (top.name !== name)
        return fail(
          tagLine,
          `</${name}> was found where </${top.name}> (opened on line ${top.line}) was expected. The file is damaged.`,
        );
      finish(stack.pop()!);
      continue;
    }
    const selfClosing = body.endsWith('/');
    const inner = selfClosing ? body.slice(0, -1) : body;
    const nameMatch = /^\s*([^\s/>]+)/.exec(inner);
    if (!nameMatch) return fail(tagLine, 'A tag has no name. The file is damaged.');
    const name = localName(nameMatch[1]!);
    const attrs: Record<string, string> = {};
    const attrRe = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
    const rest = inner.slice(nameMatch[0].length);
    for (let m = attrRe.exec(rest); m; m = attrRe.exec(rest))
      attrs[localName(m[1]!)] = decodeEntities(m[2] ?? m[3] ?? '');
    if (sgml && isOpenLeaf(stack[stack.length - 1])) finish(stack.pop()!);
    const node: Building = { name, attrs, children: [], text: '', rawText: '', line: tagLine };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(node);
    else if (root)
      return fail(
        tagLine,
        `A second top-level element <${name}> was found. The file may be two files joined together.`,
      );
    else root = node;
    if (selfClosing) finish(node);
    else stack.push(node);
  }
  while (sgml && isOpenLeaf(stack[stack.length - 1])) finish(stack.pop()!);
  const open = stack[stack.length - 1];
  if (open)
    return fail(
      line,
      `The file ends before <${open.name}> (opened on line ${open.line}) is closed; it looks truncated. Download the statement again.`,
    );
  if (!root) return fail(1, 'The file contains no XML elements. Is this the right file?');
  return { ok: true, root };
}

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children.find((c) => c.name === name);
}

export function childrenNamed(node: XmlNode | undefined, name: string): XmlNode[] {
  return node ? node.children.filter((c) => c.name === name) : [];
}

/** Follows a slash path of child names: at(stmt, 'Acct/Id/IBAN'). */
export function at(node: XmlNode | undefined, path: string): XmlNode | undefined {
  let cur = node;
  for (const part of path.split('/')) cur = child(cur, part);
  return cur;
}

export function textAt(node: XmlNode | undefined, path: string): string {
  return at(node, path)?.text ?? '';
}

/** Every descendant with this name, depth-first, in document order. */
export function descendants(node: XmlNode, name: string, out: XmlNode[] = []): XmlNode[] {
  for (const c of node.children) {
    if (c.name === name) out.push(c);
    descendants(c, name, out);
  }
  return out;
}
