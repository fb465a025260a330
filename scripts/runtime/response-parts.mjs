// Small pieces for code that wraps a Node response (page-cache.mjs, script-hashes.mjs).
import { brotliCompressSync, brotliDecompressSync, deflateSync, gunzipSync, gzipSync, inflateSync } from "node:zlib";

/** An HTML <script> element: its attributes and its text. */
export const SCRIPT_ELEMENT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
/** A <link rel="preload" as="script">, whatever the order of its attributes. */
export const SCRIPT_PRELOAD = /<link\b(?=[^>]*\brel="preload")(?=[^>]*\bas="script")[^>]*>/gi;

/** writeHead()'s headers argument (an object or a flat [name, value, …] array), names in lower case. */
export function headerObject(given) {
  const out = {};
  if (Array.isArray(given)) for (let i = 0; i + 1 < given.length; i += 2) out[String(given[i]).toLowerCase()] = given[i + 1];
  else if (given) for (const [name, value] of Object.entries(given)) out[name.toLowerCase()] = value;
  return out;
}

/** A chunk given to write()/end() as a Buffer. */
export function toBuffer(chunk, encoding) {
  return Buffer.isBuffer(chunk) ? chunk : typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8") : Buffer.from(chunk);
}

/** A body as written before its Content-Encoding (gzip, deflate, br; anything else as it is). Throws on a corrupt body. */
export function uncompressed(body, encoding) {
  const name = String(encoding ?? "identity").toLowerCase();
  return name === "gzip" ? gunzipSync(body) : name === "deflate" ? inflateSync(body) : name === "br" ? brotliDecompressSync(body) : body;
}

/** A body in the Content-Encoding `encoding` (gzip, deflate, br; anything else as it is): uncompressed()'s inverse. */
export function compressed(body, encoding) {
  const name = String(encoding ?? "identity").toLowerCase();
  return name === "gzip" ? gzipSync(body) : name === "deflate" ? deflateSync(body) : name === "br" ? brotliCompressSync(body) : body;
}
