// Types for origin-policy.mjs (plain JavaScript, run by the production server without a build).
export type HeaderLookup = (name: string) => string | null | undefined;
export function ownOrigins(header: HeaderLookup, siteUrl: string | undefined): Set<string>;
export function crossSiteRefusal(request: { method?: string; header: HeaderLookup }, siteUrl: string | undefined): string | null;
