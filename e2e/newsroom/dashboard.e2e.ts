import { expect, test } from "@playwright/test";
import { expectAccessible, expectNoHorizontalScroll } from "../helpers";
import { signIn, staffPage, uniqueHeadline } from "./staff";

// The dashboard as staff use it: every page accessible at desktop and phone widths, two people
// on one article (presence, a refused stale save that loses nothing), and the preview.

const pages = ["/dashboard", "/dashboard/media", "/dashboard/curation", "/dashboard/taxonomy", "/dashboard/users", "/dashboard/profile", "/dashboard/audit", "/dashboard/tokens"];

test.describe("dashboard pages", () => {
  for (const width of [1280, 375]) {
    test(`are accessible with no horizontal scrolling at ${width} px`, { tag: "@markup" }, async ({ page }, testInfo) => {
      // Nine pages, each scanned by axe (5-8 s apiece on CI's busy two cores): it ran out of 90 s.
      test.setTimeout(180_000);
      await page.setViewportSize({ width, height: 900 });
      await signIn(page, "admin");
      for (const path of pages) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await expectAccessible(page);
        await expectNoHorizontalScroll(page);
      }
      // The article list fits the screen too, rather than scrolling sideways in a box of its own
      // where a phone's reader would not see the status notes and dates.
      await page.goto("/dashboard");
      const list = page.getByRole("table", { name: "Articles" });
      expect((await list.boundingBox())!.width).toBeLessThanOrEqual(width);
      await expect(list.getByRole("row").nth(1).getByRole("cell").last()).toBeInViewport();
      await page.getByRole("link", { name: /./ }).filter({ has: page.locator("xpath=ancestor::td") }).first().click();
      await expect(page.getByRole("heading", { level: 1, name: "Edit article" })).toBeVisible();
      await expect(page.getByRole("toolbar", { name: "Formatting" })).toBeVisible();
      await expectAccessible(page);
      await page.screenshot({ path: testInfo.outputPath(`editor-${width}.png`), fullPage: true });
    });
  }

  test("the sign-in page is accessible and says the same for a wrong password and an unknown email", async ({ page }) => {
    await page.goto("/signin");
    await expectAccessible(page);
    for (const email of ["author@dellboys.example", "no-such-person@dellboys.example"]) {
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill("not the password");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("alert").filter({ hasText: "incorrect" })).toHaveText("The email or password is incorrect.");
      // The email is kept for the next try; the password is not.
      await expect(page.getByLabel("Email")).toHaveValue(email);
      await expect(page.getByLabel("Password")).toHaveValue("");
    }
    await page.getByLabel("Email").fill("");
    await page.getByLabel("Password").fill("");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("#email-error")).toHaveText("Enter your email address.");
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  });
});

test("two editors on one article: each sees the other; a stale save is refused, nothing typed is lost, and keeping mine keeps their other changes", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const first = await staffPage(browser, "editor", baseURL!);
  await first.getByRole("button", { name: "New article" }).click();
  await first.waitForURL(/\/dashboard\/articles\/[^/]+$/);
  await first.getByLabel("Headline", { exact: true }).fill(uniqueHeadline("Two hands on one story"));
  await expect(first.locator('[data-save-state="saved"]')).toBeVisible({ timeout: 15_000 });

  const second = await staffPage(browser, "admin", baseURL!);
  await second.goto(first.url());
  await expect(second.getByText(/Also editing now: .*Fenella Drummond|Also editing now:/)).toBeVisible({ timeout: 30_000 });

  // The first editor adds to the body; the second one's copy is now stale.
  await first.getByRole("textbox", { name: "Body" }).click();
  await first.keyboard.type("The first editor's key fact: the vote was 7-2.");
  await expect(first.locator('[data-save-state="saved"]')).toBeVisible({ timeout: 15_000 });
  await second.getByLabel("Standfirst").fill("Second editor's words, which must not vanish.");
  const conflict = second.getByRole("alertdialog", { name: "Your changes were not saved" });
  await expect(conflict).toBeVisible({ timeout: 15_000 });
  await expect(second.getByLabel("Your text")).toHaveValue(/Second editor's words, which must not vanish\./);
  await expect(second.getByLabel("Standfirst")).toHaveValue("Second editor's words, which must not vanish.");
  await expect(conflict).toContainText("You changed: standfirst.");

  // Keeping mine is a deliberate choice. It saves the standfirst only: the first editor's body
  // stays (every field was sent again before, and the key fact vanished), and the page shows both.
  await second.getByRole("button", { name: "Keep my changes" }).click();
  await expect(second.getByRole("textbox", { name: "Body" })).toContainText("the vote was 7-2", { timeout: 15_000 });
  await expect(second.getByLabel("Standfirst")).toHaveValue("Second editor's words, which must not vanish.");

  // The first editor, who saved last before that, is told that the page now shows an older version.
  const notice = first.getByRole("alert").filter({ hasText: "Site Administrator saved this article" });
  await expect(notice).toBeVisible({ timeout: 30_000 });
  await notice.getByRole("button", { name: "Load the latest version" }).click();
  await expect(first.getByLabel("Standfirst")).toHaveValue("Second editor's words, which must not vanish.");
  await expect(first.getByRole("textbox", { name: "Body" })).toContainText("the vote was 7-2");
  await expect(first.getByRole("alert").filter({ hasText: "saved this article" })).toHaveCount(0);
});

test("preview shows a draft as readers will see it, privately", async ({ page }) => {
  // Sign-in, a new draft, its autosave (up to 15 s), three pages and a second browser: 30 s was
  // too little on the 2-CPU CI machine's PostgreSQL pass (it failed at its last step, 32 s in).
  test.setTimeout(60_000);
  await signIn(page, "author");
  await page.getByRole("button", { name: "New article" }).click();
  await page.waitForURL(/\/dashboard\/articles\/[^/]+$/);
  const id = page.url().split("/").pop()!;
  const headline = uniqueHeadline("Preview of a draft");
  await page.getByLabel("Headline", { exact: true }).fill(headline);
  await page.getByRole("textbox", { name: "Body" }).click();
  await page.keyboard.type("Only staff can read this yet.");
  await expect(page.locator('[data-save-state="saved"]')).toBeVisible({ timeout: 15_000 });
  const response = await page.goto(`/preview/${id}`);
  expect(response!.headers()["cache-control"]).toMatch(/no-store/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(headline);
  await expect(page.getByText("Preview — not public.")).toBeVisible();
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  // Not for anyone else.
  const anonymous = await page.context().browser()!.newContext();
  const other = await anonymous.newPage();
  await other.goto(new URL(`/preview/${id}`, page.url()).toString());
  await expect(other).toHaveURL(/\/signin/);
  await anonymous.close();
  // The frame loads the preview once: a frame streamed in a hidden boundary began loading, was
  // moved into place and loaded again, and Playwright never saw the first load's requests end.
  const frameLoads: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "document" && request.frame() !== page.mainFrame()) frameLoads.push(request.url());
  });
  await page.goto(`/dashboard/articles/${id}/preview`, { waitUntil: "networkidle" });
  await expect(page.frameLocator("iframe").getByRole("heading", { level: 1 })).toHaveText(headline);
  expect(frameLoads.map((url) => new URL(url).pathname)).toEqual([`/preview/${id}`]);
  const frame = page.locator("iframe");
  await expect(page.getByRole("button", { name: /Desktop/ })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: /Mobile/ }).click();
  await expect(page.getByRole("button", { name: /Mobile/ })).toHaveAttribute("aria-pressed", "true");
  await expect.poll(async () => (await frame.boundingBox())?.width).toBe(375);
  await expect(page.frameLocator("iframe").getByRole("heading", { level: 1 })).toHaveText(headline);
  // On a phone the preview opens at the phone's width, not scrolling sideways at the desktop's.
  await page.setViewportSize({ width: 375, height: 740 });
  await page.reload();
  await expect(page.getByRole("button", { name: /Mobile/ })).toHaveAttribute("aria-pressed", "true");
  await expect(page.frameLocator("iframe").getByRole("heading", { level: 1 })).toHaveText(headline);
  // It fits the screen: no sideways scrolling of the whole box.
  const box = (await frame.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(375);
  expect(box.width).toBeGreaterThan(300);
  await page.getByRole("button", { name: /Desktop/ }).click();
  await expect.poll(async () => (await frame.boundingBox())?.width).toBe(1280);
});

test("curation: a save based on a list another editor changed meanwhile is refused, not put over theirs; leaving with changes asks", async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const editor = await staffPage(browser, "editor", baseURL!);
  const admin = await staffPage(browser, "admin", baseURL!);
  for (const page of [editor, admin]) await page.goto("/dashboard/curation");
  const picksOf = (page: typeof editor) => page.getByRole("region", { name: "Editors' picks" });
  const headlines = (page: typeof editor) => picksOf(page).getByRole("listitem").locator("span.font-semibold:not(.text-muted)").allTextContents();

  // The editor adds a story to the picks and saves.
  const add = picksOf(editor).getByLabel("Add a story");
  const added = (await add.locator("option").nth(1).textContent())!.replace(/ \([^)]*\)$/, "");
  await add.selectOption({ index: 1 });
  await picksOf(editor).getByRole("button", { name: /^Add/ }).click();
  await picksOf(editor).getByRole("button", { name: "Save editors' picks" }).click();
  await expect(picksOf(editor).getByText("Saved — the front page is updated")).toBeVisible();

  // The admin, still looking at the list from before, adds another and saves: refused, nothing lost.
  const before = await headlines(admin);
  expect(before).not.toContain(added);
  const adminAdd = picksOf(admin).getByLabel("Add a story");
  await adminAdd.selectOption({ index: 2 });
  await picksOf(admin).getByRole("button", { name: /^Add/ }).click();
  const mine = await headlines(admin);
  await picksOf(admin).getByRole("button", { name: "Save editors' picks" }).click();
  await expect(picksOf(admin).getByRole("alert")).toHaveText("Fenella Drummond changed editors' picks since you opened it. Nothing was saved.");
  await expect(picksOf(admin).getByText(/^Theirs, now on the site:/)).toContainText(added);
  expect(await headlines(admin)).toEqual(mine);

  // Leaving now asks first; staying keeps the list.
  admin.once("dialog", (dialog) => {
    expect(dialog.message()).toBe("You have unsaved changes. Leave this page anyway?");
    void dialog.dismiss();
  });
  await admin.getByRole("navigation").getByRole("link", { name: "Articles" }).click();
  await expect(admin).toHaveURL(/\/dashboard\/curation$/);

  // Starting from theirs shows the editor's list, which then saves.
  await picksOf(admin).getByRole("button", { name: "Start from theirs" }).click();
  await expect.poll(() => headlines(admin)).toContain(added);
  await picksOf(admin).getByRole("button", { name: "Save editors' picks" }).click();
  await expect(picksOf(admin).getByText("Saved — the front page is updated")).toBeVisible();
  await Promise.all([editor.context().close(), admin.context().close()]);
});

test("curation: an editor reorders the front page with the keyboard and readers see it at once; the breaking banner follows too", async ({ page, request }) => {
  test.setTimeout(90_000);
  await signIn(page, "editor");
  await page.goto("/dashboard/curation");
  const frontPage = page.getByRole("region", { name: "Front page" });
  const items = frontPage.getByRole("listitem");
  const lead = (await items.nth(0).locator("span.font-semibold").last().textContent())!.trim();
  const second = (await items.nth(1).locator("span.font-semibold").last().textContent())!.trim();
  // Keyboard only: focus the second story's "Move up" and press Enter.
  await frontPage.getByRole("button", { name: `Move “${second}” up` }).focus();
  await page.keyboard.press("Enter");
  await expect(items.nth(0)).toContainText(second);
  await frontPage.getByRole("button", { name: "Save front page" }).click();
  await expect(frontPage.getByText("Saved — the front page is updated")).toBeVisible();
  const html = await (await request.get("/")).text();
  expect(html.indexOf(second)).toBeGreaterThan(-1);
  expect(html.indexOf(second)).toBeLessThan(html.indexOf(lead));

  const text = `Breaking: test banner ${Date.now()}`;
  await page.getByLabel("Banner text").fill(text);
  await page.getByRole("button", { name: "Set banner" }).click();
  await expect(page.getByText("Banner set — it shows above every page.")).toBeVisible({ timeout: 15_000 });
  // Saved: the very next reader request shows it (no waiting for a cache to lapse).
  expect((await (await request.get("/")).text()).includes(text)).toBe(true);
  await page.getByRole("button", { name: "Clear banner" }).click();
  await expect(page.getByText("Banner cleared.")).toBeVisible({ timeout: 15_000 });
  expect((await (await request.get("/")).text()).includes(text)).toBe(false);

  // Put the lead back for anyone who looks later.
  await frontPage.getByRole("button", { name: `Move “${lead}” up` }).click();
  await frontPage.getByRole("button", { name: "Save front page" }).click();
  await expect(frontPage.getByText("Saved — the front page is updated")).toBeVisible();
});

test("an unknown article's editor and preview answer 404 to staff; anyone else is sent to sign in", async ({ page, request, baseURL }) => {
  const unknown = "/dashboard/articles/cUnknownArticle000000000";
  // Signed out: the sign-in page, whether the id exists or not.
  expect((await request.get(unknown, { maxRedirects: 0 })).status()).not.toBe(404);
  await page.goto(unknown);
  await expect(page).toHaveURL(/\/signin\?next=/);

  await signIn(page, "editor");
  for (const path of [unknown, `${unknown}/preview`]) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(404);
    expect(response.headers()["cache-control"], path).toContain("no-store");
    expect(await response.text(), path).toContain("find that page");
  }
  // A known one still opens.
  await page.goto("/dashboard");
  const first = page.locator('a[href^="/dashboard/articles/"]').first();
  const href = (await first.getAttribute("href"))!;
  const known = await page.request.get(new URL(href, baseURL).pathname, { maxRedirects: 0 });
  expect(known.status()).toBe(200);
});

test("the article list's filters: a NUL in one is set aside with a message, not a failed page", async ({ page }) => {
  await signIn(page, "editor");
  for (const [query, named] of [["q=%00", "the search"], ["section=%00", "the section"], ["author=a%00b", "the author"]] as const) {
    const response = await page.goto(`/dashboard?${query}`);
    expect(response!.status(), query).toBe(200);
    await expect(page.getByRole("alert").filter({ hasText: `Some filters were not valid and were ignored: ${named}` }), query).toBeVisible();
    await expect(page.getByRole("heading", { name: "Articles", level: 1 }), query).toBeVisible();
    await expect(page.locator("table tbody tr").first(), query).toBeVisible();
  }
  // One bad filter leaves the others working, and the message names it.
  await page.goto(`/dashboard?status=bogus&section=sport&q=${"x".repeat(201)}`);
  await expect(page.getByRole("alert").filter({ hasText: "Some filters" })).toHaveText("Some filters were not valid and were ignored: the status, the search (at most 200 characters).");
  await expect(page.getByLabel("Section")).toHaveValue("sport");
  const sections = await page.locator("table tbody tr td:nth-child(3)").allTextContents();
  expect(sections.length).toBeGreaterThan(0);
  expect(new Set(sections)).toEqual(new Set(["Sport"]));
});

test("the article list's search finds a story by a word of its text and by its writer, not only by its headline", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto("/dashboard");
  const search = page.getByRole("searchbox", { name: "Search" });
  await expect(search).toHaveAccessibleDescription("Words of the headline or story, a byline or a tag.");
  const rows = page.locator("table tbody tr");
  // "crush" is in the storm story's body only; its headline and slug do not have it.
  await search.fill("crush");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/[?&]q=crush/);
  await expect(rows.filter({ hasText: "Storm Ffion: trees down" })).toHaveCount(1);
  await expect(rows).toHaveCount(1);
  // A writer's surname: their stories, a shared byline too (and any story that names them).
  await search.fill("Petrakis");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/[?&]q=Petrakis/);
  await expect(rows.filter({ hasText: "New homes on former gasworks site" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "Library opening hours" })).toContainText("Jonah Petrakis, Arlo Benedetti");
  await expect(rows.filter({ hasText: "Dell Valley Marathon caps entries" })).toHaveCount(0);
});

test("an admin makes an API token in the newsroom: shown once, expiring when chosen, working at once; revoking it stops it", async ({ page, request }) => {
  await signIn(page, "admin", "/dashboard/tokens");
  const name = uniqueHeadline("Wire importer");
  const access = page.getByLabel("Access");
  await access.selectOption("WRITE");
  const expires = page.getByLabel("Expires");
  await expect(expires, "a lifetime is chosen unless the admin says otherwise").toHaveValue("90");
  await expires.selectOption({ label: "In a year" });
  // Without a name: refused at the field, and the choices made stay as they were (React resets
  // the form after its action: a select would show, and send, its first option).
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByLabel("Name")).toHaveAccessibleDescription(/Give the token a name/);
  await expect(access).toHaveValue("WRITE");
  await expect(expires).toHaveValue("365");
  await expires.selectOption({ label: "In 30 days" });
  await page.getByLabel("Name").fill(name);
  const madeAt = Date.now();
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText(`Token "${name}" created.`)).toBeVisible();
  const token = await page.getByLabel("API token", { exact: true }).inputValue();
  expect(token).toMatch(/^dbn_/);

  // Listed with its expiry (the API says when, to the second); the token works.
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText("Read and write");
  const listed = ((await (await page.request.get("/api/v1/tokens")).json()) as { data: { name: string; expiresAt: string; state: string }[] }).data.find((t) => t.name === name)!;
  expect(listed.state).toBe("active");
  expect(Math.abs(Date.parse(listed.expiresAt) - (madeAt + 30 * 86_400_000))).toBeLessThan(60_000);
  // The "Expires" column (after name, prefix, access and creation) shows that time.
  await expect(row.getByRole("cell").nth(3).locator("time")).toHaveAttribute("datetime", listed.expiresAt);
  const bearer = { Authorization: `Bearer ${token}` };
  expect((await request.get("/api/v1/users", { headers: bearer })).status()).toBe(200);

  // Revoked from the list (after a confirmation): refused at once.
  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(row).toContainText("Revoked");
  expect((await request.get("/api/v1/users", { headers: bearer })).status()).toBe(401);
});

test("admins are told in time about a token that expires within 14 days: on the newsroom's front page and beside the token", async ({ page }) => {
  await signIn(page, "admin", "/dashboard");
  const notice = page.getByText(/API tokens? expires? within 14 days/);
  const name = uniqueHeadline("Weekly export");
  const made = await page.request.post("/api/v1/tokens", { data: { name, scope: "READ", expiresInDays: 7 }, headers: { Origin: new URL(page.url()).origin } });
  expect(made.status()).toBe(201);
  await page.reload();
  await expect(notice).toBeVisible();
  await notice.getByRole("link", { name: "See API tokens" }).click();
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row.getByRole("rowheader")).toContainText("Expires in 7 days: make a new token and move its program to it before then.");
  // Revoked, it is nothing to act on any more: the note and the notice go.
  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("rowheader")).not.toContainText("Expires in");
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1, name: "Articles" })).toBeVisible();
  await expect(notice).toHaveCount(0);
});

test("a refused profile save keeps the photo chosen, shown and sent; nothing is saved", async ({ page }) => {
  await signIn(page, "author", "/dashboard/profile");
  const photo = page.getByLabel("Photo");
  const before = await photo.inputValue();
  // A library image other than the one in use (the demo library has several).
  const other = await photo.locator("option").evaluateAll((options, current) =>
    options.map((o) => (o as HTMLOptionElement).value).find((v) => v !== current && v !== "keep" && v !== "none"), before);
  expect(other, "the demo library offers another photo").toBeTruthy();
  await photo.selectOption(other!);
  const name = page.getByLabel("Name");
  const savedName = await name.inputValue();
  await name.fill("");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(name).toHaveAccessibleDescription(/Enter a name/);
  // React resets the form after its action; the select keeps the choice, not its first option.
  await expect(photo).toHaveValue(other!);
  await expect(page.getByRole("img", { name: "Selected photo" })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Name")).toHaveValue(savedName);
  await expect(page.getByLabel("Photo")).toHaveValue(before);
});
