import "server-only";
import { env } from "@/lib/env";

/**
 * The client's address, for rate limits. With TRUSTED_PROXY_HOPS = n, the n-th address from the
 * right of X-Forwarded-For is the one our outermost trusted proxy saw (everything left of it
 * may be forged). With 0, X-Forwarded-For is ignored and the socket's address counts: the
 * launcher's preload (scripts/runtime/peer-address.cjs) puts it in x-peer-address.
 */
export function clientIp(headers: Headers, hops = env().TRUSTED_PROXY_HOPS): string {
  const peer = headers.get("x-peer-address")?.trim() || "unknown";
  if (hops === 0) return plainAddress(peer);
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  chain.push(peer);
  // chain = [client?, …, proxy1's view, peer]; the last `hops` entries are our own proxies.
  return plainAddress(chain[Math.max(0, chain.length - 1 - hops)] ?? peer);
}

/**
 * One client, one key: a dual-stack socket reports an IPv4 client as "::ffff:192.0.2.7", while a
 * proxy listening on IPv4 writes "192.0.2.7" (the cluster's balancer and its instances did).
 */
function plainAddress(address: string): string {
  return address.replace(/^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i, "$1");
}
