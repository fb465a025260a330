import type { Metadata } from "next";
import { SectionListing, sectionMetadata } from "@/components/listing/listing-pages";
import { getListingParams } from "@/server/data/articles";

type Params = { section: string };

// Complete static output: an unknown section is a 404 on its very first request (see the article page).
export const ensureStatic = "navigation";

export async function generateStaticParams(): Promise<Params[]> {
  return (await getListingParams()).sections.map((section) => ({ section }));
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  return sectionMetadata((await params).section, 1);
}

export default async function Page({ params }: { params: Promise<Params> }) {
  return <SectionListing slug={(await params).section} page={1} />;
}
