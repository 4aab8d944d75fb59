/** The tenant specs' admin (ADMIN_USERNAMES of the tenant server) and where its session is saved. */
export const TENANT_ADMIN = 'tenant-admin';
export const ADMIN_STORAGE_STATE = 'test-results/.tenant-admin.json';
