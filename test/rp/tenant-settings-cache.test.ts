/**
 * Every ceremony reads the tenant's policy. It is parsed and validated once per stored text,
 * not once per read (JSON.parse and zod cost more than the row), and never served stale: a
 * save, or any other change to the row, is seen by the next read.
 */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/rp/store/database';
import { readPolicy, savePolicy } from '../../src/rp/store/tenant-settings';
import { defaultFido2Policy } from '../../src/shared/policy';

describe('tenant settings: parsed once per stored text', () => {
  it('reads of an unchanged policy share one parsed, frozen copy', () => {
    const db = openDatabase(':memory:');
    savePolicy(db, { ...defaultFido2Policy(), isSelfServiceRegistrationAllowed: false });
    const first = readPolicy(db);
    expect(readPolicy(db)).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.includeTargets)).toBe(true);
    expect(() => {
      (first as { state: string }).state = 'disabled';
    }).toThrow(TypeError);
  });

  it('a save, or a change made to the row directly, is read at once', () => {
    const db = openDatabase(':memory:');
    savePolicy(db, { ...defaultFido2Policy(), state: 'enabled' });
    expect(readPolicy(db).state).toBe('enabled');
    savePolicy(db, { ...defaultFido2Policy(), state: 'disabled' });
    expect(readPolicy(db).state).toBe('disabled');
    db.prepare("UPDATE tenant_settings SET value = json_set(value, '$.state', 'enabled') WHERE key = 'fido2Policy'").run();
    expect(readPolicy(db).state).toBe('enabled');
  });

  it('two databases never share a cached policy', () => {
    const one = openDatabase(':memory:');
    const two = openDatabase(':memory:');
    const policy = { ...defaultFido2Policy(), state: 'disabled' as const };
    savePolicy(one, policy);
    savePolicy(two, { ...policy, state: 'enabled' });
    expect(readPolicy(one).state).toBe('disabled');
    expect(readPolicy(two).state).toBe('enabled');
  });
});
