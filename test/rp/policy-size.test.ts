/** The authentication methods policy stays under 20 KB (src/shared/policy-size.ts). */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { POLICY_SIZE_LIMIT_BYTES, policySizeBytes } from '../../src/shared/policy-size';
import { createTenant, expectError, getPolicy } from './helpers';

/** Three profiles, each with an enforced allow list of `n` AAGUIDs. */
function profiles(n: number) {
  return [0, 1, 2].map((i) => ({
    id: i === 0 ? 'dbb5ec61-2d13-4a9f-8d46-ed61d66e21d8' : randomUUID(),
    name: `Profile ${i}`,
    passkeyTypes: 'deviceBound',
    attestationEnforcement: 'disabled',
    keyRestrictions: { isEnforced: true, enforcementType: 'allow', aaGuids: Array.from({ length: n }, () => randomUUID()) },
  }));
}

describe('policy size limit', () => {
  it('a policy of 20 KB or more → 400 policy_too_large, on PATCH and preview; nothing saved', async () => {
    const { admin } = await createTenant();
    const before = await getPolicy(admin);
    const body = { passkeyProfiles: profiles(180), defaultPasskeyProfile: 'dbb5ec61-2d13-4a9f-8d46-ed61d66e21d8' };
    expect(policySizeBytes({ ...before, ...body })).toBeGreaterThanOrEqual(POLICY_SIZE_LIMIT_BYTES);
    const reply = await admin.patch('/api/admin/policy', body);
    expectError(reply, 400, 'policy_too_large');
    expect((reply.json as { error: { message: string } }).error.message).toMatch(/20 KB/);
    expectError(await admin.post('/api/admin/policy/preview', body), 400, 'policy_too_large');
    expect(await getPolicy(admin)).toEqual(before);
  });

  it('a large policy under the limit saves', async () => {
    const { admin } = await createTenant();
    const reply = await admin.patch('/api/admin/policy', { passkeyProfiles: profiles(100) });
    expect(reply.status, reply.text).toBe(200);
    expect(policySizeBytes(reply.json)).toBeLessThan(POLICY_SIZE_LIMIT_BYTES);
  });

  it('a fourth profile is still 400 invalid_request naming passkeyProfiles (at most 3, the default included)', async () => {
    const { admin } = await createTenant();
    const reply = await admin.patch('/api/admin/policy', { passkeyProfiles: [...profiles(0), ...profiles(0).slice(1)] });
    expectError(reply, 400, 'invalid_request');
    expect((reply.json as { error: { field?: string } }).error.field).toBe('passkeyProfiles');
  });
});
