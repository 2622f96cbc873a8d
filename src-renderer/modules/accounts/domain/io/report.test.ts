import { describe, expect, it } from 'vitest';
import { refuse, sortProblems } from './report';

describe('import reports', () => {
  it('lists problems in file order, keeping the order of problems on one line', () => {
    const sorted = sortProblems([
      { line: 9, message: 'c' },
      { line: 2, message: 'a' },
      { line: 9, message: 'b' },
    ]);
    expect(sorted.map((p) => p.message)).toEqual(['a', 'c', 'b']);
    expect(refuse([{ line: 1, message: 'x' }])).toEqual({
      ok: false,
      problems: [{ line: 1, message: 'x' }],
    });
  });
});
