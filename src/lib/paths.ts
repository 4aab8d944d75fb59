/** Every route of the SPA in one place: `path` for the router, `getHref()` for links. */
export const paths = {
  home: { path: '/', getHref: () => '/' },
  register: { path: '/register', getHref: () => '/register' },
  signIn: {
    path: '/sign-in',
    getHref: (redirectTo?: string) =>
      redirectTo ? `/sign-in?redirect=${encodeURIComponent(redirectTo)}` : '/sign-in',
  },
  account: { path: '/account', getHref: () => '/account' },
  /** This browser session's recent ceremonies, and the decoder. */
  inspector: { path: '/inspector', getHref: () => '/inspector' },
  capabilities: { path: '/capabilities', getHref: () => '/capabilities' },
  /** Encrypt a note with a key the passkey derives (the PRF extension). */
  prf: { path: '/prf', getHref: () => '/prf' },
  /** The phone: type the short code shown on the computer. */
  handoffCode: { path: '/handoff', getHref: () => '/handoff' },
  /** The phone: the page the QR code opens. */
  handoff: { path: '/handoff/:id', getHref: (id: string) => `/handoff/${encodeURIComponent(id)}` },
  /** The computer: QR code, code and countdown while the phone does its part. */
  handoffWait: { path: '/handoff/:id/wait', getHref: (id: string) => `/handoff/${encodeURIComponent(id)}/wait` },
  /** The demo "sensitive app": conditional access asks for phishing-resistant sign-in (step-up). */
  sensitiveApp: { path: '/apps/sensitive', getHref: () => '/apps/sensitive' },
  /** Tenant administration (admins only): users and groups. */
  admin: { path: '/admin', getHref: () => '/admin' },
  /** The passkey (FIDO2) policy screen: enable and target, configure, profiles, impact, export. */
  adminPolicy: { path: '/admin/policy', getHref: () => '/admin/policy' },
  /** AAGUID inventory and "Prepare allow list". */
  adminAaguids: { path: '/admin/aaguids', getHref: () => '/admin/aaguids' },
  /** Issue a Temporary Access Pass. */
  adminTap: { path: '/admin/temporary-access-pass', getHref: () => '/admin/temporary-access-pass' },
  /** The conditional-access rule of the sensitive app. */
  adminConditionalAccess: { path: '/admin/conditional-access', getHref: () => '/admin/conditional-access' },
  /** The "I lost my phone" recovery drill for helpdesk staff. */
  adminRecovery: {
    path: '/admin/recovery',
    getHref: (username?: string) => (username ? `/admin/recovery?username=${encodeURIComponent(username)}` : '/admin/recovery'),
  },
  /** Passkeys by default and the SMS/voice retirement against the tenant date. */
  adminRollout: { path: '/admin/rollout', getHref: () => '/admin/rollout' },
  /** The rollout dashboard (charts, tables, CSV). */
  adminDashboard: { path: '/admin/dashboard', getHref: () => '/admin/dashboard' },
  /** Every registration and sign-in attempt. */
  adminSignInLog: { path: '/admin/sign-in-log', getHref: () => '/admin/sign-in-log' },
} as const;
