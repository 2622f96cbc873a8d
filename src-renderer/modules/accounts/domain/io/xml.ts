import { problem, type ImportProblem } from './report';
import { unreadableTextProblem } from './unreadable';

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

const REFERENCE = /&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g;

/** The code point of a numeric character reference, or null when XML allows no such character. */
function referencedChar(body: string): number | null {
  // Anything longer cannot be in range; the cap also keeps parseInt away from huge digit runs.
  const digits = (body.startsWith('#x') ? body.slice(2) : body.slice(1)).replace(/^0+(?=.)/, '');
  if (digits.length > 8) return null;
  const cp = body.startsWith('#x') ? parseInt(digits, 16) : parseInt(digits, 10);
  // XML 1.0 Char: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF (no NUL, no surrogates).
  const ok =
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff);
  return ok ? cp : null;
}

/**
 * The first character reference XML does not allow (&#x110000;, &#0;, a surrogate), as written,
 * with its line counted from `firstLine`; null when all are fine.
 */
function badReference(s: string, firstLine: number): { ref: string; line: number } | null {
  if (!s.includes('&#')) return null;
  for (const m of s.matchAll(REFERENCE)) {
    const body = m[1]!;
    if (!body.startsWith('#') || referencedChar(body) !== null) continue;
    const before = s.slice(0, m.index);
    return { ref: m[0], line: firstLine + before.split('\n').length - 1 };
  }
  return null;
}

/** Never throws: a reference XML does not allow is left as written (parseXml refuses those first). */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(REFERENCE, (whole, body: string) => {
    if (!body.startsWith('#')) return ENTITIES[body] ?? whole;
    const cp = referencedChar(body);
    return cp === null ? whole : String.fromCodePoint(cp);
  });
}

/**
 * Real statements nest a dozen levels; a file nested thousands deep is damaged or hostile
 * and is refused before anything walks it.
 */
export const MAX_DEPTH = 256;

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
  const unreadable = unreadableTextProblem(text);
  if (unreadable) return { ok: false, problem: unreadable };
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
  const badRefProblem = (bad: { ref: string; line: number }): XmlParse =>
    fail(
      bad.line,
      `The character reference ${bad.ref} names no valid character. The file is damaged; download it again.`,
    );
  const isOpenLeaf = (node: Building | undefined) =>
    node !== undefined && node.children.length === 0 && node.rawText.trim() !== '';

  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    const textEnd = lt < 0 ? text.length : lt;
    if (textEnd > pos) {
      const chunk = text.slice(pos, textEnd);
      const bad = badReference(chunk, line);
      if (bad) return badRefProblem(bad);
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
      if (
        !isCdata &&
        closer === '>' &&
        /^<!(DOCTYPE[^>]*\[|ENTITY)/i.test(text.slice(lt, lt + 200))
      )
        return fail(
          tagLine,
          'The file declares its own entities (<!DOCTYPE … [ … ]> or <!ENTITY>), which bank statements never do. It was not read.',
        );
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
    const badAttr = badReference(rest, tagLine);
    if (badAttr) return badRefProblem(badAttr);
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
    else if (stack.length >= MAX_DEPTH)
      return fail(
        tagLine,
        `Elements are nested more than ${MAX_DEPTH} deep here, which no bank statement does. The file is damaged or not a statement.`,
      );
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

/** Every descendant with this name, depth-first, in document order (no recursion to overflow). */
export function descendants(node: XmlNode, name: string, out: XmlNode[] = []): XmlNode[] {
  const todo: XmlNode[] = [...node.children].reverse();
  while (todo.length > 0) {
    const c = todo.pop()!;
    if (c.name === name) out.push(c);
    for (let i = c.children.length - 1; i >= 0; i--) todo.push(c.children[i]!);
  }
  return out;
}

/** Every element under and including node, in no particular order. */
export function allNodes(node: XmlNode): XmlNode[] {
  const out: XmlNode[] = [];
  const todo = [node];
  while (todo.length > 0) {
    const c = todo.pop()!;
    out.push(c);
    todo.push(...c.children);
  }
  return out;
}
