export const FULL_EXPIRY: { readonly tags: string[]; readonly paths: "all"; readonly everything: true };
export const EXPIRY_CHANNEL: string;
export function ackKey(id: string): string;
export function internalToken(secret: string): string;
export function requestExpiry(port: number, secret: string, expiry: string): Promise<Response>;
export function requestGoLive(port: number, secret: string): Promise<Response>;
export function requestFullExpiry(port: number, secret: string): Promise<Response>;
export function requestCatchUp(port: number, secret: string, after: number | null): Promise<Response>;
