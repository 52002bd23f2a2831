export function guardContentSecurityPolicy(nonce: string, isAdmin: boolean): string;
export function guardBaseHeaders(isAdmin: boolean, siteUrl?: string): Record<string, string>;
export function guardResponseHeaders(target: string): Record<string, string>;
