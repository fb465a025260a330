/** Public URL of a stored media file (served by app/media/[...key]/route.ts). */
export function mediaUrl(storageKey: string): string {
  return `/media/${storageKey.split("/").map(encodeURIComponent).join("/")}`;
}

/** Storage keys are relative paths of safe segments: no traversal, no hidden files. */
export function isValidStorageKey(key: string): boolean {
  return (
    key.length > 0 &&
    key.length <= 300 &&
    key.split("/").every((segment) => /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(segment) && !segment.includes(".."))
  );
}

const mediaTypes: Record<string, string> = { jpg: "image/jpeg", jpeg: "image/jpeg", png: "image/png", webp: "image/webp", avif: "image/avif", gif: "image/gif" };

/** The Content-Type of a stored media file, from its key's extension (null: not an image of ours). */
export function mediaContentType(storageKey: string): string | null {
  return mediaTypes[storageKey.split(".").pop()?.toLowerCase() ?? ""] ?? null;
}
