import { expect, recordRequests, requestsCarrying, test } from './fixtures';

test.describe('with a passkey that supports PRF', () => {
  test.use({ authenticatorOptions: { hasPrf: true } });

  test('a note encrypted with the passkey decrypts after a reload, and never reaches the server', async ({ page, passkeyUser, authenticators, authenticator, prfPage }) => {
    const sent = recordRequests(page);
    const note = `Meet me at the old mill, ${passkeyUser.username}`;

    await prfPage.open();
    const asserted = authenticators.nextCredentialAsserted(authenticator);
    await prfPage.unlock();
    expect((await asserted).id).toBe(passkeyUser.passkey.id);
    await prfPage.encrypt(note);

    await expect(prfPage.ciphertext).toHaveText(/\S{16,}/);
    const ciphertext = ((await prfPage.ciphertext.textContent()) ?? '').trim();
    expect(ciphertext).not.toBe(note);
    expect(ciphertext).not.toContain(note);

    // A new page load: the key is gone, the ciphertext stayed in this browser.
    await page.reload();
    await expect(prfPage.ciphertext).toHaveText(ciphertext);
    await expect(prfPage.note).toBeHidden();
    await prfPage.unlock();
    await expect(prfPage.note).toHaveValue('');
    await prfPage.decrypt();
    await expect(prfPage.note).toHaveValue(note);
    await expect(prfPage.error).toHaveCount(0);

    expect(sent.length, 'the recorder saw the page load').toBeGreaterThan(0);
    expect(requestsCarrying(sent, note), 'requests that carried the note').toEqual([]);
  });
});

test('without PRF, /prf says so', async ({ passkeyUser, prfPage }) => {
  expect(passkeyUser.passkey).toBeDefined();
  await prfPage.open();
  await prfPage.unlock();
  await expect(prfPage.error).toContainText('PRF');
  await expect(prfPage.note).toBeHidden();
});
