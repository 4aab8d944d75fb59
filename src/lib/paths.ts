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
} as const;
