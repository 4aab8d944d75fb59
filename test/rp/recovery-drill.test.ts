/** "I lost my phone": the admin removes the lost passkey, issues a pass, the person re-enrols. */
import { describe, expect, it } from 'vitest';
import type { CredentialList } from '../../src/shared/schemas';
import type { SignInLogEntry } from '../../src/shared/tenant';
import { createAuthenticator } from '../soft-authenticator';
import { createTenant, credentialRow, expectError, expectSignedOut, issueTap, newUser, signInWithTap } from './helpers';

describe('recovery drill: an admin removes a person’s lost passkey', () => {
  it('end to end: removed at once (sign-in refused, its session ended, logged), then a pass and a new passkey', async () => {
    const tenant = await createTenant();
    const { admin } = tenant;
    const lost = await newUser(tenant, 'ada');
    const laptop = tenant.client();
    const laptopKey = createAuthenticator();
    await lost.client.register(laptopKey, 'ada'); // a second passkey, on another device

    const listed = await admin.get(`/api/admin/users/${lost.user.id}/passkeys`);
    expect(listed.status, listed.text).toBe(200);
    expect((listed.json as CredentialList).credentials.map((c) => c.id)).toContain(lost.credential.id);

    expect((await admin.delete(`/api/admin/users/${lost.user.id}/passkeys/${lost.credential.id}`)).status).toBe(204);
    expect(credentialRow(tenant.db, lost.credential.id)).toBeUndefined();
    // The phone's session (signed in by the lost passkey) is over, and the passkey no longer signs in.
    await expectSignedOut(lost.client);
    const thief = tenant.client();
    const thiefOptions = await thief.authenticationOptions();
    expectError(await thief.verifyAuthentication(await lost.key.authenticate(thiefOptions)), 400, 'credential_not_found');
    // The other passkey still works.
    await laptop.signIn(laptopKey, 'ada');

    const log = await admin.get('/api/admin/sign-in-log?username=ada&result=removed_by_admin');
    expect((log.json as { entries: SignInLogEntry[] }).entries).toEqual([
      expect.objectContaining({ ceremony: 'registration', result: 'removed_by_admin', credentialId: lost.credential.id, username: 'ada' }),
    ]);

    const { temporaryAccessPass } = await issueTap(admin, { username: 'ada', isUsableOnce: true });
    const newPhone = tenant.client();
    expect((await signInWithTap(newPhone, 'ada', temporaryAccessPass)).status).toBe(200);
    const newKey = createAuthenticator();
    await newPhone.register(newKey, 'ada');
    await tenant.client().signIn(newKey, 'ada');
  });

  it('unknown user, unknown passkey or another person’s passkey → 404 not_found; nothing removed', async () => {
    const tenant = await createTenant();
    const ada = await newUser(tenant, 'ada');
    const bob = await newUser(tenant, 'bob');
    expectError(await tenant.admin.delete(`/api/admin/users/nobody/passkeys/${ada.credential.id}`), 404, 'not_found');
    expectError(await tenant.admin.delete(`/api/admin/users/${ada.user.id}/passkeys/unknown`), 404, 'not_found');
    expectError(await tenant.admin.delete(`/api/admin/users/${ada.user.id}/passkeys/${bob.credential.id}`), 404, 'not_found');
    expectError(await tenant.admin.get('/api/admin/users/nobody/passkeys'), 404, 'not_found');
    expect(credentialRow(tenant.db, bob.credential.id)).toBeDefined();
  });

  it('only tenant admins: 401 not_signed_in, 403 forbidden', async () => {
    const tenant = await createTenant();
    const ada = await newUser(tenant, 'ada');
    const path = `/api/admin/users/${ada.user.id}/passkeys/${ada.credential.id}`;
    expectError(await tenant.client().delete(path), 401, 'not_signed_in');
    expectError(await ada.client.delete(path), 403, 'forbidden');
    expectError(await ada.client.get(`/api/admin/users/${ada.user.id}/passkeys`), 403, 'forbidden');
    expect(credentialRow(tenant.db, ada.credential.id)).toBeDefined();
  });
});
