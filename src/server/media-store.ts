import "server-only";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";
import { isValidStorageKey, mediaContentType } from "@/lib/media";
import { s3Delete, s3Get, s3Put, type S3Config } from "@/server/s3";

// Media files live under DATA_DIR/media by default, or in an S3-compatible bucket when S3_* is
// configured (see src/lib/env.ts). Callers see only putMedia, getMedia and deleteMedia.
function s3Config(): S3Config | null {
  const e = env();
  if (!e.S3_ENDPOINT || !e.S3_BUCKET || !e.S3_ACCESS_KEY_ID || !e.S3_SECRET_ACCESS_KEY) return null;
  return { endpoint: e.S3_ENDPOINT, region: e.S3_REGION, bucket: e.S3_BUCKET, accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY };
}

function mediaRoot(): string {
  return path.resolve(env().DATA_DIR, "media");
}

function fileFor(key: string): string {
  if (!isValidStorageKey(key)) throw new Error(`Invalid media key: ${key}`);
  return path.join(mediaRoot(), ...key.split("/"));
}

export async function putMedia(key: string, data: Buffer): Promise<void> {
  const s3 = s3Config();
  if (s3) {
    if (!isValidStorageKey(key)) throw new Error(`Invalid media key: ${key}`);
    return s3Put(s3, key, data, mediaContentType(key) ?? "application/octet-stream");
  }
  const file = fileFor(key);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, data);
}

export async function getMedia(key: string): Promise<Buffer | null> {
  if (!isValidStorageKey(key)) return null;
  const s3 = s3Config();
  if (s3) return s3Get(s3, key);
  try {
    return await readFile(fileFor(key));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/** Removes a stored file; one that is already gone is no error. */
export async function deleteMedia(key: string): Promise<void> {
  const s3 = s3Config();
  if (s3) {
    if (!isValidStorageKey(key)) throw new Error(`Invalid media key: ${key}`);
    return s3Delete(s3, key);
  }
  await rm(fileFor(key), { force: true });
}
