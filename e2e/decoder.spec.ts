import { CHROMIUM_VIRTUAL_AUTHENTICATOR_AAGUID } from '../src/shared/policy';
import { expect, nextRequestBody, test } from './fixtures';

test('the decoder recognises a registration response pasted from a real ceremony', async ({ page, registerPage, inspectorPage, username }) => {
  // A real RegistrationResponseJSON: the body the SPA sends to the relying party.
  const sent = nextRequestBody<{ response: Record<string, unknown> }>(page, '/api/registration/verify');
  await registerPage.open();
  await registerPage.createPasskey(username);
  const { response } = await sent;
  await expect(registerPage.passkeyReady).toBeVisible();

  await inspectorPage.open();
  await inspectorPage.decode(JSON.stringify(response, null, 2));

  await expect(inspectorPage.recognisedAs).toHaveText('Recognised as: registration response');
  await expect(inspectorPage.decodedFact('AAGUID')).toHaveText(CHROMIUM_VIRTUAL_AUTHENTICATOR_AAGUID);
  await expect(inspectorPage.decodedFact('Provider')).toHaveText('Chromium virtual authenticator');
  await expect(inspectorPage.decoderError).toHaveCount(0);
});

test('the decoder answers garbage with an alert naming the part that failed', async ({ inspectorPage, page }) => {
  await inspectorPage.open();
  // The inspector also says where provider names come from (no metadata files in the e2e server).
  await expect(page.getByRole('heading', { name: 'Authenticator metadata' })).toBeVisible();

  await inspectorPage.decode('this is not a passkey response');
  await expect(inspectorPage.decoderError).toContainText('could not be decoded');
  await expect(inspectorPage.recognisedAs).toHaveCount(0);

  // A response whose clientDataJSON is not base64url: the alert names that part.
  const broken = {
    id: 'AQID',
    rawId: 'AQID',
    type: 'public-key',
    response: { clientDataJSON: '%%% not base64url %%%', attestationObject: 'o2NmbXRkbm9uZQ' },
  };
  await inspectorPage.decode(JSON.stringify(broken));
  await expect(inspectorPage.decoderError).toContainText('clientDataJSON');
  await expect(inspectorPage.recognisedAs).toHaveCount(0);
});
