import type { Metadata } from "next";
import { CreateSectionForm, SectionsTable, TagsTable } from "@/components/dashboard/taxonomy-forms.client";
import { prisma } from "@/server/db";
import { can } from "@/server/services/permissions";
import { staffOrSignIn } from "@/server/services/staff-page";
import { taxonomyState } from "@/server/services/taxonomy";

export const metadata: Metadata = { title: "Sections & tags" };

/** Sections (navigation order, names, addresses) and tags (rename, merge, delete), for editors and admins. */
export default async function TaxonomyPage() {
  const actor = await staffOrSignIn("/dashboard/taxonomy");
  if (!can.manageTaxonomy(actor)) {
    return (
      <>
        <h1 className="mb-4 text-2xl font-bold">Sections &amp; tags</h1>
        <p role="alert">Only editors and admins manage sections and tags.</p>
      </>
    );
  }
  const { sections, tags } = await taxonomyState(prisma, actor);

  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">Sections &amp; tags</h1>
      <p className="mb-6 text-sm text-muted">
        Changing a slug changes public addresses: the old ones keep working as redirects.
      </p>

      <section aria-labelledby="sections-heading" className="mb-10">
        <h2 id="sections-heading" className="mb-1 text-xl font-bold">
          Sections <span className="text-sm font-normal text-muted">({sections.length})</span>
        </h2>
        <p className="mb-3 text-sm text-muted">In navigation order. A section can be deleted once it has no articles, drafts included.</p>
        <SectionsTable sections={sections} />
        <div className="mt-6 max-w-xl rounded-md border border-rule p-4">
          <h3 className="mb-2 text-lg font-semibold">New section</h3>
          <CreateSectionForm />
        </div>
      </section>

      <section aria-labelledby="tags-heading">
        <h2 id="tags-heading" className="mb-1 text-xl font-bold">
          Tags <span className="text-sm font-normal text-muted">({tags.length})</span>
        </h2>
        <p className="mb-3 text-sm text-muted">Authors create tags while tagging; here they are tidied up. Merging keeps every article tagged and redirects the old tag page.</p>
        <TagsTable tags={tags} />
      </section>
    </>
  );
}
