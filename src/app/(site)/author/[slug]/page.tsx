import type { Metadata } from "next";
import { AuthorListing, authorMetadata } from "@/components/listing/listing-pages";
import { getListingParams } from "@/server/data/articles";

type Params = { slug: string };

// Complete static output: an unknown author is a 404 on its very first request (see the article page).
export const ensureStatic = "navigation";

export async function generateStaticParams(): Promise<Params[]> {
  return (await getListingParams()).authors.map((slug) => ({ slug }));
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  return authorMetadata((await params).slug, 1);
}

export default async function Page({ params }: { params: Promise<Params> }) {
  return <AuthorListing slug={(await params).slug} page={1} />;
}
