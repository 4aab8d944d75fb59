/**
 * Fixtures for the tenant specs (run by the `tenant` project against their own server, one at
 * a time). Everything from e2e/fixtures, plus:
 *
 *   admin      the tenant admin's browser (its own context, page and authenticator) and its API
 *              (`admin.api`: policy, groups, Temporary Access Passes, conditional access, log)
 *
 * After each test the passkey policy and the conditional-access rule are put back to what they
 * were before it, so specs do not depend on each other's settings.
 */
import type { APIRequestContext, APIResponse } from '@playwright/test';
import type { Fido2Policy, Fido2PolicyPatchInput } from '../../src/shared/policy';
import type { ConditionalAccessRule, Group, IssuedTap, SignInLogEntry } from '../../src/shared/tenant';
import { Device, test as base } from '../fixtures';
import { ADMIN_STORAGE_STATE } from './tenant-admin';

export * from '../fixtures';

/** The tenant admin's API calls (docs/api.md, "Tenant administration"). */
export class TenantAdminApi {
  constructor(private readonly request: APIRequestContext) {}

  async policy(): Promise<Fido2Policy> {
    return (await json(await this.request.get('/api/admin/policy'))) as Fido2Policy;
  }

  async patchPolicy(patch: Fido2PolicyPatchInput): Promise<Fido2Policy> {
    return (await json(await this.request.patch('/api/admin/policy', { data: patch }))) as Fido2Policy;
  }

  async conditionalAccess(): Promise<ConditionalAccessRule> {
    return (await json(await this.request.get('/api/admin/conditional-access'))) as ConditionalAccessRule;
  }

  async setConditionalAccess(rule: Partial<ConditionalAccessRule>): Promise<ConditionalAccessRule> {
    return (await json(await this.request.patch('/api/admin/conditional-access', { data: rule }))) as ConditionalAccessRule;
  }

  async createGroup(displayName: string): Promise<Group> {
    return (await json(await this.request.post('/api/admin/groups', { data: { displayName } }))) as Group;
  }

  async addMember(groupId: string, username: string): Promise<Group> {
    return (await json(await this.request.post(`/api/admin/groups/${groupId}/members`, { data: { username } }))) as Group;
  }

  /** Issues a Temporary Access Pass (creating the user when needed); the code is in `temporaryAccessPass`. */
  async issueTap(username: string, settings: { lifetimeInMinutes?: number; isUsableOnce?: boolean } = {}): Promise<IssuedTap> {
    return (await json(await this.request.post('/api/admin/temporary-access-passes', { data: { username, ...settings } }))) as IssuedTap;
  }

  async signInLog(query: Record<string, string> = {}): Promise<SignInLogEntry[]> {
    const search = new URLSearchParams(query).toString();
    return ((await json(await this.request.get(`/api/admin/sign-in-log${search ? `?${search}` : ''}`))) as { entries: SignInLogEntry[] }).entries;
  }
}

interface TenantFixtures {
  /** The tenant admin, signed in: `admin.page` and its page objects, `admin.api`. */
  admin: Device & { api: TenantAdminApi };
  /** Puts the policy and the conditional-access rule back after each test (automatic). */
  restoreTenant: void;
}

export const test = base.extend<TenantFixtures>({
  admin: async ({ browser, baseURL }, use) => {
    const device = await Device.open(browser, baseURL, { context: { storageState: ADMIN_STORAGE_STATE } });
    await use(Object.assign(device, { api: new TenantAdminApi(device.page.request) }));
    await device.close();
  },
  restoreTenant: [
    async ({ playwright, baseURL }, use) => {
      // A fresh request context on each side of the test: one kept open through a long test can
      // find its idle connection closed by the server (ECONNRESET) when it is used again.
      const withAdmin = async <T>(run: (api: TenantAdminApi) => Promise<T>): Promise<T> => {
        const request = await playwright.request.newContext({ ...(baseURL ? { baseURL } : {}), storageState: ADMIN_STORAGE_STATE });
        try {
          return await run(new TenantAdminApi(request));
        } finally {
          await request.dispose();
        }
      };
      const [policy, rule] = await withAdmin((api) => Promise.all([api.policy(), api.conditionalAccess()]));
      await use();
      await withAdmin(async (api) => {
        await api.patchPolicy(policy);
        await api.setConditionalAccess(rule);
      });
    },
    { auto: true },
  ],
});

async function json(response: APIResponse): Promise<unknown> {
  if (!response.ok()) throw new Error(`${response.url()} answered ${response.status()}: ${await response.text()}`);
  return response.json();
}
