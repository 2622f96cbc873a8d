import { describe, expect, it } from 'vitest';
import { AuthThrottle, DEFAULT_THROTTLE } from './auth-throttle';

// The lockout bookkeeping on its own, with a hand-driven clock.

function throttle(max = DEFAULT_THROTTLE.maxEntries) {
  let t = 1_000_000;
  const th = new AuthThrottle(
    () => ({ ...DEFAULT_THROTTLE, maxEntries: max }),
    () => t,
  );
  return { th, advance: (ms: number) => (t += ms) };
}

describe('AuthThrottle', () => {
  it('locks a name at one address after five failures, for five minutes', () => {
    const { th, advance } = throttle();
    for (let i = 0; i < 4; i++) th.fail('bob', '10.0.0.7');
    expect(th.check('bob', '10.0.0.7')).toEqual({ refused: false });
    th.fail('bob', '10.0.0.7');
    expect(th.check('bob', '10.0.0.7')).toEqual({ refused: 'user', retryAfterMs: 300_000 });
    expect(th.check('bob', '10.0.0.8')).toEqual({ refused: false });
    advance(299_999);
    expect(th.check('bob', '10.0.0.7').refused).toBe('user');
    advance(1);
    expect(th.check('bob', '10.0.0.7')).toEqual({ refused: false });
  });

  it('clears a name after the right password, but not the address count', () => {
    const { th } = throttle();
    for (let i = 0; i < 4; i++) th.fail('bob', '10.0.0.7');
    th.succeed('bob', '10.0.0.7');
    th.fail('bob', '10.0.0.7');
    expect(th.check('bob', '10.0.0.7')).toEqual({ refused: false });
    for (let i = 0; i < 15; i++) th.fail(`n${i}`, '10.0.0.7');
    expect(th.check('carol', '10.0.0.7').refused).toBe('address');
  });

  it('holds at most maxEntries names and addresses however many random names are tried', () => {
    const { th, advance } = throttle(100);
    for (let i = 0; i < 5_000; i++) {
      th.fail(`random-${i}`, `10.1.${i % 250}.${Math.floor(i / 250)}`);
      advance(10);
    }
    expect(th.size.users).toBeLessThanOrEqual(100);
    expect(th.size.addresses).toBeLessThanOrEqual(100);
  });
});
