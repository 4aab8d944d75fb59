/** The passkey provider's icon as the relying party sent it: data: URIs for light and dark backgrounds. */
export interface ProviderIconData {
  light: string | null;
  dark: string | null;
}

const isImageUri = (value: unknown): value is string => typeof value === 'string' && value.startsWith('data:image/');

/** The icon of `credential.providerIcon`, where the relying party knows one (not yet in every version of the contract). */
export function providerIconOf(credential: object): ProviderIconData | null {
  const icon = (credential as { providerIcon?: unknown }).providerIcon;
  if (typeof icon !== 'object' || icon === null) return null;
  const { light, dark } = icon as { light?: unknown; dark?: unknown };
  const result = { light: isImageUri(light) ? light : null, dark: isImageUri(dark) ? dark : null };
  return result.light || result.dark ? result : null;
}

/**
 * Decorative (alt=""): the provider's name is written beside it. 24px; the dark variant on a
 * dark colour scheme, the light one otherwise, either one when only one exists.
 */
export function ProviderIcon({ icon }: { icon: ProviderIconData }) {
  const light = icon.light ?? icon.dark;
  const dark = icon.dark ?? icon.light;
  if (!light || !dark) return null;
  return (
    <picture className="provider-icon">
      {dark !== light && <source srcSet={dark} media="(prefers-color-scheme: dark)" />}
      <img src={light} alt="" width={24} height={24} decoding="async" />
    </picture>
  );
}
