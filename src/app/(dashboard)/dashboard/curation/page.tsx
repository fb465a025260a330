import type { Metadata } from "next";
import { BreakingNewsForm } from "@/components/dashboard/breaking-news-form.client";
import { CurationList } from "@/components/dashboard/curation-list.client";
import { curationLimits } from "@/lib/schemas/curation";
import { prisma } from "@/server/db";
import { curationState } from "@/server/services/curation";
import { can } from "@/server/services/permissions";
import { staffOrSignIn } from "@/server/services/staff-page";

export const metadata: Metadata = { title: "Front page" };

/** The front page's stories, the editors' picks rail and the breaking-news banner (editors and admins). */
export default async function CurationPage() {
  const actor = await staffOrSignIn("/dashboard/curation");
  if (!can.curate(actor)) {
    return (
      <>
        <h1 className="mb-4 text-2xl font-bold">Front page</h1>
        <p role="alert">Only editors and admins curate the front page.</p>
      </>
    );
  }
  const state = await curationState(prisma, actor);

  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">Front page</h1>
      <p className="mb-6 text-sm text-muted">
        Choose and order the stories readers see first. Only published stories can be picked; a story that is unpublished leaves the lists by itself.
      </p>

      <section aria-labelledby="breaking-heading" className="mb-8 rounded-md border border-rule p-4">
        <h2 id="breaking-heading" className="mb-1 text-xl font-bold">Breaking-news banner</h2>
        <p className="mb-3 text-sm text-muted">Shown above every page of the site.</p>
        <BreakingNewsForm current={state.breakingNews} />
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <CurationList list="FRONT_PAGE" title="Front page" description="The first story is the lead; the rest are top stories, in order."
          limit={curationLimits.FRONT_PAGE} initialItems={state.lists.FRONT_PAGE} candidates={state.candidates} />
        <CurationList list="EDITORS_PICKS" title="Editors' picks" description="The picks rail beside the stories."
          limit={curationLimits.EDITORS_PICKS} initialItems={state.lists.EDITORS_PICKS} candidates={state.candidates} />
      </div>
    </>
  );
}
