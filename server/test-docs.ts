/**
 * Realistic company documents for the server tests: the server checks the fields every type
 * must carry (derived from the app's zod schemas), so test documents carry them too.
 */
const audit = {
  createdAt: '2026-01-05T09:00:00.000Z',
  createdBy: 'Test User',
  device: 'device:01JTESTDEVICE0000000000000',
};

export function branchFields(code = 'LON'): Record<string, unknown> {
  return { ...audit, code, name: `Branch ${code}`, currency: 'GBP', archived: false };
}

export function deviceFields(branchCode = 'NYC', letter = 'B'): Record<string, unknown> {
  return { ...audit, branchCode, letter, label: 'Front desk PC' };
}
