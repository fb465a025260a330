import type { Metadata } from "next";
import { AuthorListing, authorMetadata, pageFromParam } from "@/components/listing/listing-pages";
import { getListingParams } from "@/server/data/articles";

type Params = { slug: string; page: string };

export const ensureStatic = "navigation";

// One prerendered page per route is required; later pages render on their first request.
export async function generateStaticParams(): Promise<Params[]> {
  return (await getListingParams()).authors.slice(0, 1).map((slug) => ({ slug, page: "2" }));
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { slug, page } = await params;
  return authorMetadata(slug, pageFromParam(page));
}

export default async function Page({ params }: { params: Promise<Params> }) {
  const { slug, page } = await params;
  return <AuthorListing slug={slug} page={pageFromParam(page)} />;
}
