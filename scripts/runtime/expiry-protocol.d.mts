export const EXPIRY_CHANNEL: string;
export function ackKey(id: string): string;
export function internalToken(secret: string): string;
