import { RegisterPage } from '../../../e2e/pages/register-page';
import type { Scenario } from '../scenario';

export const registerHere: Scenario = {
  id: 'register-here',
  title: 'Create a passkey on this device',
  summary: 'For everyone: create your first passkey on the computer or phone you are using. It takes a minute, and afterwards you sign in without a password.',
  async run(run) {
    const device = await run.open('computer');
    const { page } = device;
    await page.goto('/');
    await run.step(device, {
      instruction: 'Open the sign-in site and choose **Register**.',
      target: page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Register', exact: true }),
    });
    await page.goto('/register');
    await page.getByRole('textbox', { name: 'Username', exact: true }).fill('alex');
    await page.getByRole('textbox', { name: 'Display name', exact: true }).fill('Alex Doe');
    await run.step(device, {
      instruction: 'Type your **Username** and the **Display name** your passkey should show.',
      target: page.getByRole('textbox', { name: 'Username', exact: true }),
    });
    // "Where should the passkey live?" is a disclosure after the button: choose() opens it.
    const place = new RegisterPage(page).place;
    await place.choose('This device');
    const thisDevice = place.radio('This device');
    await run.step(device, {
      instruction: 'Under **Where should the passkey live?** choose **This device**.',
      why: 'The passkey is then made by this computer’s own authenticator (Windows Hello, Touch ID, or your password manager).',
      target: thisDevice,
    });
    const create = page.getByRole('button', { name: 'Create a passkey', exact: true });
    await run.step(device, {
      instruction: 'Select **Create a passkey**.',
      aside: 'Your device asks you to confirm with your face, fingerprint or PIN. It then makes a new key pair: the private key never leaves the device, the site keeps only the public key.',
      target: create,
    });
    await create.click();
    const ready = page.getByRole('region', { name: 'Your passkey is ready' });
    await ready.waitFor();
    await run.step(device, {
      instruction: 'Your passkey is ready. The page says which provider keeps it and whether it is synced to your other devices.',
      target: ready,
    });
    await page.goto('/account');
    const list = page.getByRole('heading', { name: 'Your passkeys' });
    await list.waitFor();
    await run.step(device, {
      instruction: 'Your account lists the passkey under **Your passkeys**. You can rename it, or add another one (for example on a security key).',
      target: list,
    });
  },
};
