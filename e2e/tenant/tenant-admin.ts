/** The tenant specs' admin (ADMIN_USERNAMES of the tenant server) and where its session is saved. */
export const TENANT_ADMIN = 'tenant-admin';
/**
 * Outside test-results/, which every Playwright run empties: a second run must not sign the tenant
 * specs out. Named after the tenant server's port, so that runs against different servers (E2E_PORT)
 * never sign each other's admin out.
 */
export const ADMIN_STORAGE_STATE = `.tmp/tenant-admin-${Number(process.env.E2E_PORT ?? 3100) + 1}.json`;
