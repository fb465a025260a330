import type { Metadata } from "next";
import Link from "next/link";
import { PreviewFrame } from "@/components/dashboard/preview-frame.client";

export const metadata: Metadata = { title: "Preview" };

export default async function PreviewWrapper({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <>
      <p className="mb-3 text-sm">
        <Link className="underline" href={`/dashboard/articles/${id}`}>Back to the editor</Link>
      </p>
      <h1 className="mb-3 text-2xl font-bold">Preview</h1>
      <PreviewFrame src={`/preview/${id}`} />
    </>
  );
}
