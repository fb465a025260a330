import Link from "next/link";
import { atLeast, type Actor } from "@/server/services/permissions";
import { signOutAction } from "@/server/actions/auth";

/** The dashboard's navigation; links a role cannot use are not shown (each page checks again). */
export function DashboardNav({ actor }: { actor: Actor }) {
  const links: [string, string, boolean][] = [
    ["/dashboard", "Articles", true],
    ["/dashboard/curation", "Front page", atLeast(actor, "EDITOR")],
    ["/dashboard/media", "Media", true],
    ["/dashboard/taxonomy", "Sections & tags", atLeast(actor, "EDITOR")],
    ["/dashboard/users", "Staff", atLeast(actor, "EDITOR")],
    ["/dashboard/audit", "Audit log", actor.role === "ADMIN"],
    ["/dashboard/tokens", "API tokens", actor.role === "ADMIN"],
    ["/dashboard/profile", "Your profile", true],
  ];
  return (
    <nav aria-label="Dashboard" className="border-b border-rule bg-surface">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 text-sm">
        <Link href="/" className="font-serif text-lg font-bold">
          The newsroom
        </Link>
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          {links
            .filter(([, , shown]) => shown)
            .map(([href, label]) => (
              <li key={href}>
                <Link href={href} className="font-medium underline-offset-4 hover:underline">
                  {label}
                </Link>
              </li>
            ))}
        </ul>
        <form action={signOutAction} className="ml-auto flex items-center gap-3">
          <span className="text-muted">
            {actor.name} · {actor.role.toLowerCase()}
          </span>
          <button type="submit" className="rounded-md border border-rule px-2 py-1 font-medium hover:bg-paper">
            Sign out
          </button>
        </form>
      </div>
    </nav>
  );
}
