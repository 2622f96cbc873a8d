import { describe, expect, it } from 'vitest';
import { allNodes, at, descendants, MAX_DEPTH, parseXml, textAt, type XmlNode } from './xml';

describe('parseXml', () => {
  it('reads elements, attributes, entities, CDATA and drops namespace prefixes', () => {
    const r = parseXml(
      '<?xml version="1.0"?>\n<!-- c -->\n<ns:Doc xmlns:ns="urn:x">\n  <ns:Amt Ccy="EUR">1&amp;2 &#x41;&#66;</ns:Amt>\n  <Note><![CDATA[a < b & c]]></Note>\n  <Empty/>\n</ns:Doc>\n',
    );
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.root.name).toBe('Doc');
    expect(at(r.root, 'Amt')).toMatchObject({ attrs: { Ccy: 'EUR' }, text: '1&2 AB', line: 4 });
    expect(textAt(r.root, 'Note')).toBe('a < b & c');
    expect(at(r.root, 'Empty')?.children).toEqual([]);
  });

  it('closes OFX 1.x leaf elements implicitly, including empty ones', () => {
    const r = parseXml('<OFX>\n<A>\n<B>one\n<C>\n<D>two\n</A>\n</OFX>', { sgml: true });
    if (!r.ok) throw new Error(r.problem.message);
    expect(textAt(r.root, 'A/B')).toBe('one');
    expect(textAt(r.root, 'A/D')).toBe('two');
  });

  it('refuses truncation, mismatched and stray closing tags, and trailing documents, with lines', () => {
    const cases: [string, number, RegExp][] = [
      ['<a>\n<b>x</b>\n', 3, /<a> \(opened on line 1\).*truncated/],
      ['<a>\n<b>x</c>\n</a>', 2, /<\/c> was found where <\/b>/],
      ['<a></a>\n</b>', 2, /never opened/],
      ['<a></a>\n<a></a>', 2, /second top-level/],
      ['<a><b x="1"', 1, /middle of a tag/],
      ['', 1, /no XML elements/],
    ];
    for (const [text, line, message] of cases) {
      const r = parseXml(text);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.problem.line).toBe(line);
        expect(r.problem.message).toMatch(message);
      }
    }
  });

  it('refuses character references XML does not allow, with the line, instead of throwing', () => {
    for (const ref of [
      '&#x110000;',
      '&#99999999999;',
      '&#0;',
      '&#xD800;',
      '&#x0000000000110000;',
    ]) {
      const r = parseXml(`<a>\n<b>ok</b>\n<c>bad ${ref} here</c>\n</a>`);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.problem.line).toBe(3);
        expect(r.problem.message).toContain(`character reference ${ref}`);
      }
    }
    const attr = parseXml('<a>\n<Amt Ccy="&#x110000;">1</Amt>\n</a>');
    expect(attr.ok === false && attr.problem.line).toBe(2);
    const sgml = parseXml('<OFX>\n<NAME>A &#99999999999; B\n</OFX>', { sgml: true });
    expect(sgml.ok === false && sgml.problem.line).toBe(2);
    // Allowed references still decode, with or without leading zeros.
    const fine = parseXml('<a>&#x0041;&#0000066;&#x1F4B6;</a>');
    expect(fine.ok && fine.root.text).toBe('AB\u{1F4B6}');
  });

  it('refuses nesting deeper than MAX_DEPTH with the line, without overflowing the stack', () => {
    const depth = 20_000;
    const deep = '<a>\n' + '<b>'.repeat(depth) + '</b>'.repeat(depth) + '\n</a>';
    const r = parseXml(deep);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem.line).toBe(2);
      expect(r.problem.message).toMatch(new RegExp(`nested more than ${MAX_DEPTH} deep`));
    }
    const sgml = parseXml('<OFX>\n' + '<MEMO>\n'.repeat(depth) + '</OFX>', { sgml: true });
    expect(sgml.ok === false && sgml.problem.message).toMatch(/nested more than/);
    const ok = parseXml(
      '<a>' + '<b>'.repeat(MAX_DEPTH - 1) + '</b>'.repeat(MAX_DEPTH - 1) + '</a>',
    );
    expect(ok.ok).toBe(true);
  });

  it('walks very deep trees without recursion', () => {
    let node: XmlNode = { name: 'leaf', attrs: {}, children: [], text: '', line: 1 };
    for (let i = 0; i < 100_000; i++)
      node = { name: 'b', attrs: {}, children: [node], text: '', line: 1 };
    expect(descendants(node, 'leaf')).toHaveLength(1);
    expect(allNodes(node)).toHaveLength(100_001);
  });

  it('refuses documents that declare their own entities (no entity expansion at all)', () => {
    const laughs =
      '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n <!ENTITY lol2 "&lol;&lol;&lol;&lol;">\n]>\n<lolz>&lol2;</lolz>';
    const r = parseXml(laughs);
    expect(r.ok === false && r.problem).toMatchObject({
      line: 2,
      message: expect.stringContaining('declares its own entities'),
    });
    expect(parseXml('<!ENTITY x "y"><a/>').ok).toBe(false);
    // A plain DOCTYPE without declarations is harmless and still read.
    expect(parseXml('<!DOCTYPE a>\n<a>x</a>').ok).toBe(true);
  });

  it('refuses text that was decoded from bytes that are not UTF-8', () => {
    const r = parseXml('<a>\n<Nm>M\ufffdller GmbH</Nm>\n</a>');
    expect(r.ok === false && r.problem).toMatchObject({
      line: 2,
      message: expect.stringContaining('not valid UTF-8'),
    });
  });
});
