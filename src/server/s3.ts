import "server-only";
import { createHash, createHmac } from "node:crypto";

/**
 * Just enough of S3 for the media store: PUT, GET and DELETE of objects on any S3-compatible service
 * (AWS, R2, MinIO…), path-style URLs, AWS Signature Version 4. No SDK: three requests do not
 * justify one.
 */
export type S3Config = { endpoint: string; region: string; bucket: string; accessKeyId: string; secretAccessKey: string };

const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();
/** RFC 3986 encoding as SigV4 wants it (slashes kept in paths). */
const encode = (value: string, keepSlash = false) => {
  const encoded = encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return keepSlash ? encoded.replace(/%2F/g, "/") : encoded;
};

export type SignInput = {
  method: string;
  host: string;
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  payloadHash: string;
  date: Date;
  region: string;
  service?: string;
  accessKeyId: string;
  secretAccessKey: string;
};

/** The headers to send (x-amz-date, x-amz-content-sha256, Authorization) for one request. */
export function signV4(input: SignInput): Record<string, string> {
  const amzDate = input.date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
  const day = amzDate.slice(0, 8);
  const service = input.service ?? "s3";
  const headers: Record<string, string> = { ...input.headers, host: input.host, "x-amz-content-sha256": input.payloadHash, "x-amz-date": amzDate };
  const names = Object.keys(headers).map((h) => h.toLowerCase()).sort();
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), String(v).trim().replace(/\s+/g, " ")]));
  const canonicalQuery = Object.entries(input.query ?? {})
    .map(([k, v]) => `${encode(k)}=${encode(v)}`)
    .sort()
    .join("&");
  const canonicalRequest = [
    input.method,
    input.path.split("/").map((s) => encode(decodeURIComponent(s))).join("/"),
    canonicalQuery,
    names.map((n) => `${n}:${lower[n]}\n`).join(""),
    names.join(";"),
    input.payloadHash,
  ].join("\n");
  const scope = `${day}/${input.region}/${service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256(canonicalRequest)].join("\n");
  const key = hmac(hmac(hmac(hmac(`AWS4${input.secretAccessKey}`, day), input.region), service), "aws4_request");
  const signature = createHmac("sha256", key).update(stringToSign).digest("hex");
  return {
    ...headers,
    authorization: `AWS4-HMAC-SHA256 Credential=${input.accessKeyId}/${scope}, SignedHeaders=${names.join(";")}, Signature=${signature}`,
  };
}

function objectUrl(config: S3Config, key: string): URL {
  const base = config.endpoint.replace(/\/+$/, "");
  return new URL(`${base}/${encode(config.bucket)}/${encode(key, true)}`);
}

async function send(config: S3Config, method: "GET" | "PUT" | "DELETE", key: string, body?: Buffer, contentType?: string): Promise<Response> {
  const url = objectUrl(config, key);
  const headers = signV4({
    method,
    host: url.host,
    path: url.pathname,
    headers: contentType ? { "content-type": contentType } : {},
    payloadHash: sha256(body ?? ""),
    date: new Date(),
    region: config.region,
    accessKeyId: config.accessKeyId,
    secretAccessKey: config.secretAccessKey,
  });
  delete headers.host; // fetch sets it
  return fetch(url, { method, headers, body: body ? new Uint8Array(body) : undefined, signal: AbortSignal.timeout(15_000) });
}

export async function s3Put(config: S3Config, key: string, body: Buffer, contentType: string): Promise<void> {
  const response = await send(config, "PUT", key, body, contentType);
  if (!response.ok) throw new Error(`S3 PUT ${key} failed: ${response.status} ${await response.text().catch(() => "")}`.slice(0, 500));
}

export async function s3Get(config: S3Config, key: string): Promise<Buffer | null> {
  const response = await send(config, "GET", key);
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`S3 GET ${key} failed: ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

/** DELETE of an object; S3 answers 204 whether or not it existed (some services 404). */
export async function s3Delete(config: S3Config, key: string): Promise<void> {
  const response = await send(config, "DELETE", key);
  if (!response.ok && response.status !== 404) throw new Error(`S3 DELETE ${key} failed: ${response.status}`);
}
