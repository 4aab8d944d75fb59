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
} as const;
