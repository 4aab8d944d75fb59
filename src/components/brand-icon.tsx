/** The Passkey Lab key mark (same drawing as public/favicon.svg); decorative. */
export function BrandIcon() {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 32 32" width="28" height="28" className="brand__icon">
      <rect width="32" height="32" rx="7" fill="currentColor" />
      <circle cx="12" cy="13" r="6" fill="none" stroke="var(--brand-contrast)" strokeWidth="3" />
      <path
        d="M16.5 17.5 25 26m-4.5-4.5 2.5-2.5m0 5 2.5-2.5"
        fill="none"
        stroke="var(--brand-contrast)"
        strokeWidth="3"
        strokeLinecap="round"
      />
    </svg>
  );
}
