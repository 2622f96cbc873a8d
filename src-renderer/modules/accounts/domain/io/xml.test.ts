import { describe, expect, it } from 'vitest';
import { at, parseXml, textAt } from './xml';

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
});
