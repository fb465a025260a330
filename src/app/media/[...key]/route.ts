// GET /media/[...key] – a stored media file (originals; next/image makes the sized variants)
import { mediaContentType } from "@/lib/media";
import { getMedia } from "@/server/media-store";

export async function GET(_request: Request, { params }: { params: Promise<{ key: string[] }> }) {
  const { key } = await params;
  const storageKey = key.map(decodeURIComponent).join("/");
  const type = mediaContentType(storageKey);
  const data = type ? await getMedia(storageKey) : null;
  if (!data || !type) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain" } });
  return new Response(new Uint8Array(data), {
    headers: {
      "Content-Type": type,
      "Content-Length": String(data.length),
      // Keys never change content: a new upload gets a new key.
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
