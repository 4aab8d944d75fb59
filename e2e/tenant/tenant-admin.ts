/** The tenant specs' admin (ADMIN_USERNAMES of the tenant server) and where its session is saved. */
export const TENANT_ADMIN = 'tenant-admin';
/** Outside test-results/, which every Playwright run empties: a second run must not sign the tenant specs out. */
export const ADMIN_STORAGE_STATE = '.tmp/tenant-admin.json';
