import type { Metadata } from "next";
import { SectionListing, sectionMetadata, pageFromParam } from "@/components/listing/listing-pages";
import { getListingParams } from "@/server/data/articles";

type Params = { section: string; page: string };

export const ensureStatic = "navigation";

// One prerendered page per route is required; later pages render on their first request.
export async function generateStaticParams(): Promise<Params[]> {
  return (await getListingParams()).sections.slice(0, 1).map((section) => ({ section, page: "2" }));
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { section, page } = await params;
  return sectionMetadata(section, pageFromParam(page));
}

export default async function Page({ params }: { params: Promise<Params> }) {
  const { section, page } = await params;
  return <SectionListing slug={section} page={pageFromParam(page)} />;
}
