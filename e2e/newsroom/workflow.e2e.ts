import { expect, test } from "@playwright/test";
import { expectAccessible, expectNoHorizontalScroll } from "../helpers";
import { PASSWORD, apiJson, apiSession, newDraft, signIn, staff, staffPage, uniqueHeadline } from "./staff";

// The newsroom's main path, in real browsers: a contributor writes and submits a draft, an
// editor reviews and publishes it, readers and crawlers see it at once, and unpublishing makes
// its address answer 410.
test("contributor drafts and submits; editor publishes; it is live everywhere; unpublished it is gone", async ({ browser, baseURL, request }) => {
  test.setTimeout(120_000);
  const contributor = await staffPage(browser, "contributor", baseURL!);
  await contributor.getByRole("button", { name: "New article" }).click();
  await contributor.waitForURL(/\/dashboard\/articles\/[^/]+$/);
  const editorUrl = contributor.url();

  const headline = uniqueHeadline("Harbour ferry returns after storm repairs");
  await contributor.getByLabel("Headline", { exact: true }).fill(headline);
  await contributor.getByLabel("Standfirst").fill("The crossing reopens on Monday with a new timetable.");
  await contributor.getByRole("textbox", { name: "Body" }).click();
  await contributor.keyboard.type("The harbour ferry will return to service on Monday after six weeks of repairs.");
  await contributor.keyboard.press("Enter");
  await contributor.keyboard.type("Engineers replaced the damaged landing ramp.");
  // Autosave: a visible saved state without pressing anything.
  await expect(contributor.locator('[data-save-state="saved"]')).toBeVisible({ timeout: 15_000 });
  // Contributors cannot publish: no such control.
  await expect(contributor.getByRole("button", { name: "Publish now" })).toHaveCount(0);
  await contributor.getByRole("button", { name: "Submit for review" }).click();
  await expect(contributor.getByText("Submitted for review.")).toBeVisible();
  await expect(contributor.getByText("In review", { exact: true }).first()).toBeVisible();

  // Not public yet.
  const slug = await contributor.getByLabel("Slug").inputValue();
  expect(slug).toMatch(/^harbour-ferry-returns-after-storm-repairs/);
  const publicList = await request.get(`/api/v1/articles?q=${encodeURIComponent(headline)}`);
  expect((await publicList.json()).data).toEqual([]);

  // The editor finds it among articles in review and publishes it.
  const editor = await staffPage(browser, "editor", baseURL!);
  await editor.goto("/dashboard?status=IN_REVIEW");
  await editor.getByRole("link", { name: headline }).click();
  await editor.waitForURL(editorUrl);
  await editor.getByRole("button", { name: "Publish now" }).click();
  await expect(editor.getByText("Published.")).toBeVisible();
  const path = await editor.getByRole("link", { name: "View live" }).getAttribute("href");
  expect(path).toMatch(new RegExp(`^/[a-z0-9-]+/${slug}$`));
  const sectionPage = path!.split("/").slice(0, 2).join("/");

  // Straight away: the article, the front page, its section, the sitemap and the feed.
  const article = await editor.request.get(path!);
  expect(article.status()).toBe(200);
  expect(await article.text()).toContain(headline);
  expect(await (await editor.request.get("/")).text()).toContain(headline);
  expect(await (await editor.request.get(sectionPage)).text()).toContain(headline);
  const month = new Date().toISOString().slice(0, 7);
  expect(await (await editor.request.get(`/sitemaps/articles-${month}.xml`)).text()).toContain(path!);
  expect(await (await editor.request.get("/feed.xml")).text()).toContain(headline);

  // Its contributor can no longer edit it, but can still see who published it, and when.
  await contributor.reload();
  await expect(contributor.getByRole("heading", { level: 1, name: "Article (read only)" })).toBeVisible();
  await contributor.getByText("History", { exact: true }).click();
  const history = contributor.getByRole("list", { name: "History, newest first" }).getByRole("listitem");
  await expect(history).toHaveText([/^Published.*Fenella Drummond$/, /^Submitted for review.*Saoirse Blackwood$/, /^Created.*Saoirse Blackwood$/]);

  // Unpublished: the address answers 410 and the lists drop it.
  // Restoring an earlier version of it asks first too: readers would see that version at once.
  await editor.getByText("Revisions", { exact: true }).click();
  await editor.getByRole("button", { name: "Restore v1" }).click();
  const restore = editor.getByRole("alertdialog", { name: /^Restore version 1\? The story is published/ });
  await restore.getByRole("button", { name: "Cancel" }).click();
  await expect(restore).toHaveCount(0);
  expect(await (await editor.request.get(path!)).text()).toContain(headline);

  // Taking it off the site asks first; cancelled, nothing changes.
  await editor.getByRole("button", { name: "Unpublish…" }).click();
  const takedown = editor.getByRole("alertdialog", { name: /^Unpublish this story\? Readers lose it now/ });
  // The focus is in the box, on Cancel (the button that asked is gone); Escape cancels.
  await expect(takedown.getByRole("button", { name: "Cancel" })).toBeFocused();
  await editor.keyboard.press("Escape");
  await expect(takedown).toHaveCount(0);
  expect((await editor.request.get(path!)).status()).toBe(200);
  await editor.getByRole("button", { name: "Unpublish…" }).click();
  await takedown.getByRole("button", { name: "Unpublish now" }).click();
  await expect(editor.getByText("Unpublished: the article is a draft again.")).toBeVisible();
  expect((await editor.request.get(path!)).status()).toBe(410);
  // The lists within the second pass of the expiry (2 s): CI 2026-12-02 saw the front page keep the
  // story 0.8 s after the unpublish answered, a background render straddling the change (fixed
  // since: docs/RELIABILITY.md; the cluster e2e demands the next request for exactly that case).
  for (const list of ["/", sectionPage]) {
    await expect.poll(async () => (await editor.request.get(list)).text(), { message: list, timeout: 4_000, intervals: [250] }).not.toContain(headline);
  }
});

test("a headline with a very long word wraps inside its card: the phone's lists do not scroll sideways", async ({ playwright, browser, baseURL }) => {
  test.setTimeout(90_000);
  const api = await apiSession(playwright, baseURL!, "editor");
  // A real German compound (42 letters): it widened its card, the list's column and the page to
  // 460 px at 375, cutting every other card off on the right.
  const headline = uniqueHeadline("Donaudampfschifffahrtsgesellschaftskapitän retires after forty years");
  const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Words." }] }] };
  const created = await apiJson<{ id: string; version: number }>(api, "POST", "/api/v1/articles", baseURL!, { headline, body, tags: ["Longwords"] });
  expect(created.status).toBe(201);
  const { id, version } = created.body!.data!;
  const live = await apiJson<{ version: number; url: string; section: { slug: string }; authors: { slug: string }[] }>(api, "POST", `/api/v1/articles/${id}/publish`, baseURL!, { version });
  expect(live.status).toBe(200);
  const { section, authors } = live.body!.data!;
  try {
    const reader = await browser.newPage({ baseURL, viewport: { width: 375, height: 740 } });
    for (const path of ["/", `/${section.slug}`, `/author/${authors[0]!.slug}`, "/tag/longwords"]) {
      await reader.goto(path);
      await expect(reader.getByRole("link", { name: headline }).first(), path).toBeVisible();
      await expectNoHorizontalScroll(reader);
    }
    await reader.close();
  } finally {
    await apiJson(api, "POST", `/api/v1/articles/${id}/archive`, baseURL!, { version: live.body!.data!.version });
    await api.dispose();
  }
});

test("an editor returns a story in review with a note; its writer sees it, revises, submits again, may withdraw it; the next step clears it", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const contributor = await staffPage(browser, "contributor", baseURL!);
  const headline = uniqueHeadline("Allotment waiting list doubles");
  await newDraft(contributor, headline, "More than 400 people are waiting for a plot.");
  const editorUrl = contributor.url();
  await contributor.getByRole("button", { name: "Submit for review" }).click();
  await expect(contributor.getByText("Submitted for review.")).toBeVisible();

  // The editor sends it back. Without a note: refused at the field, still in review.
  // Editors are told on the newsroom's front page that stories wait for review (the demo has one).
  const editor = await staffPage(browser, "editor", baseURL!);
  await expect(editor.getByText(/(An article is|\d+ articles are) waiting for review/)).toBeVisible();
  await editor.getByRole("link", { name: /^Show (it|them)$/ }).click();
  await expect(editor).toHaveURL(/status=IN_REVIEW/);
  await expect(editor.getByText(/waiting for review/)).toHaveCount(0);
  await editor.getByRole("link", { name: headline }).click();
  await editor.waitForURL(editorUrl);
  await editor.getByRole("button", { name: "Return to writer…" }).click();
  const note = editor.getByLabel("What should change?");
  await expect(note).toBeFocused();
  await editor.getByRole("button", { name: "Return with this note" }).click();
  await expect(note).toHaveAccessibleDescription(/Tell the writer what should change/);
  await expect(editor.getByText("In review", { exact: true }).first()).toBeVisible();
  const asked = "Which council figures? Add the source, and a word from the allotment society.";
  await note.fill(asked);
  await editor.getByRole("button", { name: "Return with this note" }).click();
  await expect(editor.getByText("Returned to its writers as a draft, with your note.")).toBeVisible();
  await expect(editor.getByText("Draft", { exact: true }).first()).toBeVisible();
  await expect(editor.getByRole("region", { name: "Returned from review" })).toContainText(asked);

  // The writer is told on the newsroom's front page; the list marks the story.
  await contributor.goto("/dashboard");
  await expect(contributor.getByText(/returned (one|\d+) of your articles with notes/)).toBeVisible();
  await expect(contributor.getByRole("row", { name: new RegExp(headline) })).toContainText(/Returned by/);
  // The notice links to it (as does its row).
  await expect(contributor.getByRole("link", { name: headline })).toHaveCount(2);
  await contributor.getByRole("listitem").getByRole("link", { name: headline }).click();
  await contributor.waitForURL(editorUrl);
  const returned = contributor.getByRole("region", { name: "Returned from review" });
  await expect(returned).toContainText(asked);
  await expectAccessible(contributor);

  // Revised and submitted again: the note is the reviewer's now, to check the changes against.
  await contributor.getByRole("textbox", { name: "Body" }).click();
  await contributor.keyboard.press("End");
  await contributor.keyboard.type(" The council's own allotment report gives the figure.");
  await contributor.getByRole("button", { name: "Submit for review" }).click();
  await expect(contributor.getByText("Submitted for review.")).toBeVisible();
  await expect(returned).toHaveCount(0);
  await editor.goto("/dashboard?status=IN_REVIEW");
  await expect(editor.getByRole("row", { name: new RegExp(headline) })).toContainText("Submitted again after a return");
  await editor.goto(editorUrl);
  await expect(editor.getByRole("region", { name: "Returned earlier, now submitted again" })).toContainText(asked);

  // The writer may take it back to go on working: a draft again, with the note to work from.
  await contributor.getByRole("button", { name: "Withdraw from review" }).click();
  await expect(contributor.getByText("Withdrawn from review: it is a draft again.")).toBeVisible();
  await expect(contributor.getByRole("button", { name: "Submit for review" })).toBeVisible();
  await expect(returned).toContainText(asked);

  // Any other step (here archiving; publishing alike) ends it: gone from the article and the lists.
  await editor.reload();
  await editor.getByRole("button", { name: "Archive" }).click();
  await expect(editor.getByText("Archived.")).toBeVisible();
  await expect(editor.getByRole("region", { name: /^Returned/ })).toHaveCount(0);
  await contributor.goto("/dashboard");
  await expect(contributor.getByRole("row", { name: new RegExp(headline) })).not.toContainText("Returned");
  await expect(contributor.getByText(/returned (one|\d+) of your articles/)).toHaveCount(0);

  // Its history keeps every step, newest first, with who took it and the note it was returned with.
  await editor.getByText("History", { exact: true }).click();
  const history = editor.getByRole("list", { name: "History, newest first" }).getByRole("listitem");
  // (The demo's editor is Fenella Drummond, its contributor Saoirse Blackwood.)
  await expect(history).toHaveText([
    /^Archived.*Fenella Drummond$/,
    /^Withdrawn from review.*Saoirse Blackwood$/,
    /^Submitted for review.*Saoirse Blackwood$/,
    /^Returned to its writer.*Fenella Drummond.*Which council figures\? Add the source/,
    /^Submitted for review.*Saoirse Blackwood$/,
    /^Created.*Saoirse Blackwood$/,
  ]);
});

test("the dashboard needs a signed-in staff member", async ({ page }) => {
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/signin\?next=%2Fdashboard/);
  await signIn(page, "author");
  await expect(page.getByRole("heading", { level: 1, name: "Articles" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin\?signedOut=1/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/signin/);
});

test("signed out, a link into the dashboard leads through sign-in to where it pointed", async ({ page, request }) => {
  // The redirect comes before any page renders, keeps the query, and drops the router's own.
  const answer = await request.get("/dashboard/media?q=flood&_rsc=1x2y3", { maxRedirects: 0 });
  expect(answer.status()).toBe(307);
  expect(answer.headers()["location"]).toMatch(/\/signin\?next=%2Fdashboard%2Fmedia%3Fq%3Dflood$/);

  await page.goto("/dashboard/media");
  await expect(page).toHaveURL(/\/signin\?next=%2Fdashboard%2Fmedia$/);
  await page.getByLabel("Email").fill(staff.author);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/dashboard/media");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Media library");
});

test("a preview link lets someone without an account read a draft, unindexed and uncached, until it is stopped; the newsroom sees whom each link is for and whether it was opened", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const editor = await staffPage(browser, "editor", baseURL!);
  const headline = uniqueHeadline("Council settles depot land dispute");
  await newDraft(editor, headline, "The settlement is confidential, the council says.");
  const links = editor.getByRole("list", { name: "Preview links that work" });
  await editor.getByLabel("Who is it for? (optional)").fill("the council's lawyer");
  await editor.getByRole("button", { name: "Make a preview link" }).click();
  // The focus stays in the panel: on the new link, to copy it.
  await expect(editor.getByLabel("Link to send to the council's lawyer")).toBeFocused();
  const link = await editor.getByLabel("Link to send to the council's lawyer").inputValue();
  expect(link).toMatch(/\/preview\/share\/[^/]+$/);
  await expect(links.getByRole("listitem")).toHaveCount(1);
  await expect(links.getByRole("listitem")).toContainText("For the council's lawyer");
  await expect(links.getByRole("listitem")).toContainText("Fenella Drummond");
  await expect(links.getByRole("listitem")).toContainText("Not opened yet");
  await expect(editor.getByLabel("Who is it for? (optional)")).toHaveValue("");

  // Someone with no account and no cookies.
  const outsider = await (await browser.newContext()).newPage();
  const errors: string[] = [];
  outsider.on("console", (m) => void (m.type() === "error" && errors.push(m.text())));
  const answer = await outsider.goto(link);
  expect(answer?.status()).toBe(200);
  expect(answer?.headers()["cache-control"]).toMatch(/no-store/);
  await expect(outsider.getByRole("heading", { level: 1, name: headline })).toBeVisible();
  await expect(outsider.getByRole("note")).toContainText("Preview — not public");
  await expect(outsider.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  // No share buttons: the article's own address is not public yet.
  await expect(outsider.getByRole("button", { name: "Share or copy link" })).toHaveCount(0);
  expect(errors).toEqual([]);
  // The link opens this article only: altered, it finds nothing.
  expect((await outsider.request.get(link.replace(/.$/, (c) => (c === "A" ? "B" : "A")))).status()).toBe(404);

  // The newsroom sees it was opened (once: the refused altered link counts for nothing).
  await editor.reload();
  await expect(links.getByRole("listitem")).toContainText("Opened once, last");

  // A second link, for nobody named; a label longer than 80 characters is refused at the field.
  await editor.getByLabel("Who is it for? (optional)").evaluate((input: HTMLInputElement) => input.removeAttribute("maxlength"));
  await editor.getByLabel("Who is it for? (optional)").fill("y".repeat(81));
  await editor.getByRole("button", { name: "Make another link" }).click();
  await expect(editor.locator("#preview-link-label-error")).toHaveText("At most 80 characters.");
  await expect(editor.getByLabel("Who is it for? (optional)")).toBeFocused();
  await expect(links.getByRole("listitem")).toHaveCount(1);
  await editor.getByLabel("Who is it for? (optional)").fill("");
  await editor.getByRole("button", { name: "Make another link" }).click();
  const second = await editor.getByLabel("Link to send", { exact: true }).inputValue();
  await expect(links.getByRole("listitem")).toHaveCount(2);
  await expect(links.getByRole("listitem").first()).toContainText("No name given");

  // Stopping the lawyer's link stops that one only.
  await editor.getByRole("button", { name: "Stop the link for the council's lawyer" }).click();
  await expect(editor.getByText("Stopped: the link for the council's lawyer no longer works.")).toBeVisible();
  await expect(editor.getByLabel("Who is it for? (optional)")).toBeFocused();
  await expect(links.getByRole("listitem")).toHaveCount(1);
  expect((await outsider.request.get(link)).status()).toBe(404);
  expect((await outsider.request.get(second)).status()).toBe(200);

  // The history says who made and stopped which link.
  await editor.getByText("History", { exact: true }).click();
  const history = editor.getByRole("list", { name: "History, newest first" }).getByRole("listitem");
  await expect(history.first()).toContainText("Preview link stopped");
  await expect(history.first()).toContainText("the council's lawyer");

  // With two links out, one click stops them all, once confirmed (dismissed, nothing stops).
  await editor.getByLabel("Who is it for? (optional)").fill("the night desk");
  await editor.getByRole("button", { name: "Make another link" }).click();
  const third = await editor.getByLabel("Link to send to the night desk").inputValue();
  await expect(links.getByRole("listitem")).toHaveCount(2);
  const asked: string[] = [];
  editor.once("dialog", (dialog) => (asked.push(dialog.message()), void dialog.dismiss()));
  await editor.getByRole("button", { name: "Stop every link" }).click();
  await expect.poll(() => asked).toEqual(["All 2 links will stop working at once, for everyone who has one. Stop them?"]);
  await expect(links.getByRole("listitem")).toHaveCount(2);
  expect((await outsider.request.get(third)).status()).toBe(200);
  editor.once("dialog", (dialog) => void dialog.accept());
  await editor.getByRole("button", { name: "Stop every link" }).click();
  await expect(editor.getByText("Sharing stopped: every link given out no longer works.")).toBeVisible();
  await expect(links).toHaveCount(0);
  for (const gone of [second, third]) expect((await outsider.request.get(gone)).status()).toBe(404);
});
