import type { Metadata } from "next";
import Link from "next/link";
import { MediaLibrary } from "@/components/dashboard/media-library.client";
import { prisma } from "@/server/db";
import { listMedia } from "@/server/services/media-library";
import { can } from "@/server/services/permissions";
import { staffOrSignIn } from "@/server/services/staff-page";

export const metadata: Metadata = { title: "Media" };

export default async function MediaPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await staffOrSignIn("/dashboard/media");
  const params = await searchParams;
  const page = Math.max(1, Number(params.page) || 1);
  const q = typeof params.q === "string" ? params.q : undefined;
  const list = await listMedia(prisma, actor, { q, page, perPage: 24 });
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">Media library</h1>
      <form method="get" className="mb-4 flex gap-2" role="search">
        <label htmlFor="media-q" className="sr-only">Search images</label>
        <input id="media-q" name="q" type="search" defaultValue={q ?? ""} placeholder="Search alt text, captions, file names" className="w-full max-w-md rounded-md border border-rule bg-paper px-3 py-2" />
        <button type="submit" className="rounded-md border border-rule px-3 py-2 text-sm font-semibold">Search</button>
      </form>
      <MediaLibrary items={list.rows.map((r) => ({ ...r, editable: can.editMedia(actor, r.uploadedById), deletable: can.deleteMedia(actor) }))} />
      <nav aria-label="Pages" className="mt-4 flex gap-3 text-sm">
        {page > 1 ? <Link className="underline" href={`/dashboard/media?page=${page - 1}${q ? `&q=${encodeURIComponent(q)}` : ""}`}>Previous</Link> : null}
        <span>Page {list.page} of {list.pages}</span>
        {page < list.pages ? <Link className="underline" href={`/dashboard/media?page=${page + 1}${q ? `&q=${encodeURIComponent(q)}` : ""}`}>Next</Link> : null}
      </nav>
    </>
  );
}
