/**
 * A minimal relying party that is not the Passkey Lab: node:http, @simplewebauthn/server, users
 * and passkeys in memory, one HTML page. It exists to show the kit against someone else's site.
 * It trusts attestation chains that end at the roots it is given (the kit's exported root), the
 * way a real relying party would be configured with its vendors' roots.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  SettingsService,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type WebAuthnCredential,
} from '@simplewebauthn/server';

export interface ExampleRelyingParty {
  origin: string;
  /** Adds a root certificate (PEM) that packed attestation chains may end at. */
  trust(rootPem: string): void;
  close(): Promise<void>;
}

interface StoredCredential extends WebAuthnCredential {
  username: string;
  userId: string;
  attestation: string;
  aaguid: string;
}

const pageFile = new URL('./page.html', import.meta.url);
// The ESM build of @simplewebauthn/browser, served as is (the page imports it as a module).
const browserEsm = path.dirname(createRequire(import.meta.url).resolve('@simplewebauthn/browser')).replace(/script$/, 'esm');

export async function startExampleRelyingParty(): Promise<ExampleRelyingParty> {
  const users = new Map<string, string>(); // username → user id (base64url)
  const credentials = new Map<string, StoredCredential>();
  const challenges = new Set<string>();
  const roots: string[] = [];
  let origin = '';
  const rpID = 'localhost';

  const takeChallenge = (challenge: string) => challenges.delete(challenge);

  const routes: Record<string, (body: Record<string, unknown>) => Promise<unknown>> = {
    async 'register/options'(body) {
      const username = String(body.username ?? '').trim();
      if (!username) throw new Refusal('Choose a username.');
      const options = await generateRegistrationOptions({
        rpName: 'Example relying party',
        rpID,
        userName: username,
        ...(users.has(username) ? { userID: Buffer.from(users.get(username)!, 'base64url') } : {}),
        attestationType: body.attestation === 'direct' ? 'direct' : 'none',
        excludeCredentials: [...credentials.values()].filter((c) => c.username === username).map((c) => ({ id: c.id })),
        authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
        supportedAlgorithmIDs: [-7, -257],
      });
      challenges.add(options.challenge);
      if (!users.has(username)) users.set(username, options.user.id);
      return options;
    },
    async 'register/verify'(body) {
      const username = String(body.username ?? '');
      const verification = await verifyRegistrationResponse({
        response: body.response as never,
        expectedChallenge: takeChallenge,
        expectedOrigin: origin,
        expectedRPID: rpID,
        requireUserVerification: true,
      });
      if (!verification.verified) throw new Refusal('The registration did not verify.');
      const { credential, fmt, aaguid, credentialDeviceType, userVerified } = verification.registrationInfo;
      const userId = users.get(username);
      if (!userId) throw new Refusal('Ask for registration options first.');
      credentials.set(credential.id, { ...credential, username, userId, attestation: fmt, aaguid });
      return { verified: true, username, attestation: fmt, aaguid, deviceType: credentialDeviceType, userVerified };
    },
    async 'login/options'() {
      const options = await generateAuthenticationOptions({ rpID, userVerification: 'required' });
      challenges.add(options.challenge);
      return options;
    },
    async 'login/verify'(body) {
      const response = body.response as { id: string };
      const credential = credentials.get(response.id);
      if (!credential) throw new Refusal('This site does not know that passkey.');
      const verification = await verifyAuthenticationResponse({
        response: response as never,
        expectedChallenge: takeChallenge,
        expectedOrigin: origin,
        expectedRPID: rpID,
        credential,
        requireUserVerification: true,
      });
      if (!verification.verified) throw new Refusal('The sign-in did not verify.');
      credential.counter = verification.authenticationInfo.newCounter;
      return { verified: true, username: credential.username, counter: credential.counter };
    },
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      send(response, 400, { error: error instanceof Error ? error.message : 'Refused.' });
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', origin);
    if (request.method === 'GET' && url.pathname === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(await readFile(pageFile));
      return;
    }
    if (request.method === 'GET' && url.pathname.startsWith('/vendor/simplewebauthn/')) {
      const file = path.resolve(browserEsm, `.${url.pathname.slice('/vendor/simplewebauthn'.length)}`);
      if (!file.startsWith(browserEsm + path.sep) || !file.endsWith('.js')) return send(response, 404, { error: 'Not found.' });
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(await readFile(file));
      return;
    }
    const route = request.method === 'POST' && url.pathname.startsWith('/api/') ? routes[url.pathname.slice('/api/'.length)] : undefined;
    if (!route) return send(response, 404, { error: 'Not found.' });
    send(response, 200, await route(await readJson(request)));
  }

  await new Promise<void>((resolve) => server.listen(0, resolve));
  origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    trust(rootPem) {
      roots.push(rootPem);
      // @simplewebauthn/server checks packed x5c chains against these roots (no metadata service here).
      SettingsService.setRootCertificates({ identifier: 'packed', certificates: roots });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

class Refusal extends Error {}

function send(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}
