import "server-only";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";
import { isValidStorageKey } from "@/lib/media";

// Media files live under DATA_DIR/media by default (S3-compatible storage comes with the
// newsroom issue, behind these same two functions).
function mediaRoot(): string {
  return path.resolve(env().DATA_DIR, "media");
}

function fileFor(key: string): string {
  if (!isValidStorageKey(key)) throw new Error(`Invalid media key: ${key}`);
  return path.join(mediaRoot(), ...key.split("/"));
}

export async function putMedia(key: string, data: Buffer): Promise<void> {
  const file = fileFor(key);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, data);
}

export async function getMedia(key: string): Promise<Buffer | null> {
  if (!isValidStorageKey(key)) return null;
  try {
    return await readFile(fileFor(key));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
