import { describe, expect, it } from 'vitest';
import { permissionsFor } from './permissions';

describe('what the UI offers', () => {
  it('offers master data to admin and head office only, matching the server rules', () => {
    expect(permissionsFor({ roles: ['admin'] }).manageMaster).toBe(true);
    expect(permissionsFor({ roles: ['hq', 'branch:NYC'] }).manageMaster).toBe(true);
    expect(permissionsFor({ roles: ['clerk', 'branch:NYC'] }).manageMaster).toBe(false);
    expect(permissionsFor({ roles: ['bookkeeper'] }).manageMaster).toBe(false);
  });

  it('lets a device that never signed in keep its own books', () => {
    expect(permissionsFor(null).manageMaster).toBe(true);
  });

  it('offers no master data while nobody is signed in after a sign-out', () => {
    expect(permissionsFor(null, true).manageMaster).toBe(false);
  });
});
