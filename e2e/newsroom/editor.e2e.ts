import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { apiJson, newDraft, signIn, uniqueHeadline } from "./staff";

// The editor as a writer uses it: formatting shortcuts and the word count, revisions with a
// diff and restore, scheduling in the writer's own time zone, the unsaved-changes guard, media
// uploads (type checked from the bytes, alt text required) and deleting with confirmation.

test("shortcuts, word count, revisions diff and restore", async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  await signIn(page, "author");
  const first = uniqueHeadline("Tidal barrage plan");
  const id = await newDraft(page, first);
  const body = page.getByRole("textbox", { name: "Body" });
  await body.click();
  await page.keyboard.type("The plan is ");
  await page.keyboard.press("ControlOrMeta+b");
  await page.keyboard.type("approved");
  await page.keyboard.press("ControlOrMeta+b");
  await page.keyboard.type(" by the council.");
  await expect(body.locator("strong")).toHaveText("approved");
  await expect(page.getByText("7 words", { exact: true })).toBeVisible();
  await expect(page.locator('[data-save-state="saved"]')).toBeVisible({ timeout: 15_000 });
  const saved = await apiJson<{ body: { content: { content: { text: string; marks?: { type: string }[] }[] }[] } }>(page.request, "GET", `/api/v1/articles/${id}`, baseURL!);
  expect(saved.body!.data!.body.content[0]!.content.find((n) => n.text === "approved")?.marks).toEqual([{ type: "bold" }]);

  const second = `${first} revised`;
  await page.getByLabel("Headline", { exact: true }).fill(second);
  await expect(page.locator('[data-save-state="saved"]')).toBeVisible({ timeout: 15_000 });

  await page.getByText("Revisions", { exact: true }).click();
  const diff = page.getByTestId("revision-diff");
  await expect(diff.locator("ins").first()).toBeVisible();
  await expect(diff).toContainText("revised");
  // Restore the first revision (version 1: the "Untitled draft" as created).
  const restoreFirst = page.getByRole("button", { name: /^Restore v1$/ });
  await restoreFirst.click();
  await expect(page.getByLabel("Headline", { exact: true })).toHaveValue("Untitled draft", { timeout: 15_000 });
  const history = await apiJson<{ version: number }[]>(page.request, "GET", `/api/v1/articles/${id}/revisions`, baseURL!);
  expect(history.body!.data!.length).toBeGreaterThanOrEqual(4); // restoring is a new save; nothing was rewritten
});

test("a new draft does not go out as \"Untitled draft\": publishing under it is refused at the headline, and typing there replaces it", async ({ page, baseURL }) => {
  test.setTimeout(60_000);
  await signIn(page, "author");
  await page.getByRole("button", { name: "New article" }).click();
  await page.waitForURL(/\/dashboard\/articles\/[^/]+$/);
  const headline = page.getByLabel("Headline", { exact: true });
  await expect(headline).toHaveValue("Untitled draft");
  await page.getByRole("textbox", { name: "Body" }).click();
  await page.keyboard.type("Written first, the headline left for later.");
  await expect(page.locator('[data-save-state="saved"]')).toBeVisible({ timeout: 15_000 });
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Draft saved.")).toBeVisible();

  await page.getByRole("button", { name: "Publish now" }).click();
  await expect(headline).toHaveAccessibleDescription('Write a headline: "Untitled draft" only holds the place of one.');
  await expect(headline).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("This article is not ready to publish.")).toBeVisible();
  await expect(page.getByText("Draft", { exact: true }).first()).toBeVisible();
  // Clicking into it selects the placeholder: what is typed replaces it, and the reason goes.
  await headline.click();
  await page.keyboard.type("Harbour ferry timetable changes");
  await expect(headline).toHaveValue("Harbour ferry timetable changes");
  await expect(headline).not.toHaveAttribute("aria-invalid", "true");

  // A later save that is refused does not leave "Draft saved." standing beside it.
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Draft saved.")).toBeVisible();
  const other = await apiJson<{ slug: string }>(page.request, "POST", "/api/v1/articles", baseURL!, { headline: uniqueHeadline("Harbour placeholder") });
  await page.getByLabel("Slug", { exact: true }).fill(other.body!.data!.slug);
  await page.keyboard.press("ControlOrMeta+s");
  await expect(page.locator('[data-save-state="error"]')).toContainText("Another article already uses this slug.");
  await expect(page.getByText("Draft saved.")).toHaveCount(0);
});

test("a refused tag is named next to the tags field, and the draft saves once it is fixed", async ({ page, baseURL }) => {
  test.setTimeout(60_000);
  await signIn(page, "author");
  const id = await newDraft(page, uniqueHeadline("Harbour tags"));
  const tags = page.getByLabel("Tags (comma-separated)");
  await tags.fill(`harbour, ${"x".repeat(61)}`);
  await expect(page.locator("#tags-error")).toHaveText("Tags have at most 60 characters.", { timeout: 15_000 });
  await expect(tags).toHaveAttribute("aria-invalid", "true");
  await tags.fill("harbour, ferries");
  await expect(page.locator('[data-save-state="saved"]')).toBeVisible({ timeout: 15_000 });
  await expect(page.locator("#tags-error")).toHaveCount(0);
  const saved = await apiJson<{ tags: { name: string }[] }>(page.request, "GET", `/api/v1/articles/${id}`, baseURL!);
  expect(saved.body!.data!.tags.map((t) => t.name)).toEqual(["harbour", "ferries"]);
});

test("a headline and tags in Cyrillic or Greek get slugs spelled in Latin, as the editor shows them", async ({ page, baseURL }) => {
  test.setTimeout(60_000);
  await signIn(page, "author");
  const headline = uniqueHeadline("Зеленский в Києві");
  const id = await newDraft(page, headline);
  const expected = `zelenskiy-v-kiyevi-${headline.split(" ").pop()}`;
  await expect(page.getByLabel("Slug", { exact: true })).toHaveValue(expected);
  await page.getByLabel("Tags (comma-separated)").fill("Αθήνα");
  await expect(page.locator('[data-save-state="saved"]')).toBeVisible({ timeout: 15_000 });
  const saved = await apiJson<{ slug: string; tags: { name: string; slug: string }[] }>(page.request, "GET", `/api/v1/articles/${id}`, baseURL!);
  expect(saved.body!.data!).toMatchObject({ slug: expected, tags: [{ name: "Αθήνα", slug: "athina" }] });
});

test("a table pasted from a spreadsheet keeps its cells apart: a paragraph a row, cells separated by bars", async ({ page, baseURL }) => {
  test.setTimeout(60_000);
  await signIn(page, "author");
  const id = await newDraft(page, uniqueHeadline("Ward results"));
  const body = page.getByRole("textbox", { name: "Body" });
  await body.click();
  await body.evaluate((element) => {
    const data = new DataTransfer();
    data.setData("text/html", "<p>The count:</p><table><tr><th>Ward</th><th>Party</th><th>Votes</th></tr><tr><td>Harbour</td><td><b>Labour</b></td><td>1,204</td></tr><tr><td>Castle</td><td>Green</td><td>987</td></tr></table>");
    data.setData("text/plain", "The count:\nWard\tParty\tVotes\nHarbour\tLabour\t1,204\nCastle\tGreen\t987");
    element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(body.locator("p")).toHaveText(["The count:", "Ward | Party | Votes", "Harbour | Labour | 1,204", "Castle | Green | 987"]);
  await expect(page.locator('[data-save-state="saved"]')).toBeVisible({ timeout: 15_000 });
  const saved = await apiJson<{ body: { content: { content?: { text: string }[] }[] } }>(page.request, "GET", `/api/v1/articles/${id}`, baseURL!);
  expect(saved.body!.data!.body.content.map((block) => block.content?.map((n) => n.text).join(""))).toEqual(["The count:", "Ward | Party | Votes", "Harbour | Labour | 1,204", "Castle | Green | 987"]);
});

test("a headline in a script no slug can spell (Japanese) asks for a slug written by hand", async ({ page, baseURL }) => {
  test.setTimeout(60_000);
  await signIn(page, "author");
  const id = await newDraft(page, "東京の新しい駅が開業");
  const status = page.locator("#slug-status");
  await expect(status).toContainText("write the slug yourself, in Latin letters");
  const slug = `tokyo-new-station-opens-${id.slice(-6)}`;
  await page.getByLabel("Slug", { exact: true }).fill(slug);
  await expect(status).not.toContainText("write the slug yourself");
  await expect(page.locator('[data-save-state="saved"]')).toBeVisible({ timeout: 15_000 });
  const saved = await apiJson<{ slug: string; headline: string }>(page.request, "GET", `/api/v1/articles/${id}`, baseURL!);
  expect(saved.body!.data!).toMatchObject({ slug, headline: "東京の新しい駅が開業" });
});

test("a headline another article has gives the draft the next free slug; a taken slug typed by hand is named at the field, not taken for a conflict", async ({ page, baseURL }) => {
  test.setTimeout(60_000);
  await signIn(page, "author");
  const headline = uniqueHeadline("Harbour slug");
  const other = await apiJson<{ slug: string }>(page.request, "POST", "/api/v1/articles", baseURL!, { headline });
  expect(other.status).toBe(201);
  const taken = other.body!.data!.slug;
  const id = await newDraft(page, headline);
  const slug = page.getByLabel("Slug", { exact: true });
  await expect(slug).toHaveValue(`${taken}-2`);
  await expect(page.locator('[data-save-state="saved"]')).toBeVisible({ timeout: 15_000 });
  const saved = async () => (await apiJson<{ slug: string; headline: string }>(page.request, "GET", `/api/v1/articles/${id}`, baseURL!)).body!.data!;
  expect(await saved()).toMatchObject({ headline, slug: `${taken}-2` });

  await slug.fill(taken);
  await page.keyboard.press("ControlOrMeta+s");
  await expect(page.locator('[data-save-state="error"]')).toContainText("Another article already uses this slug.");
  await expect(page.locator("#slug-status")).not.toBeEmpty();
  await expect(slug).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
  expect((await saved()).slug).toBe(`${taken}-2`);

  await slug.fill(`${taken}-by-hand`);
  await expect(page.locator('[data-save-state="saved"]')).toBeVisible({ timeout: 15_000 });
  expect((await saved()).slug).toBe(`${taken}-by-hand`);
});

test.describe("in New York", () => {
  test.use({ timezoneId: "America/New_York" });
  test("scheduling: the time is entered in the writer's zone and stored in UTC", async ({ page, baseURL }) => {
    test.setTimeout(60_000);
    // The server cannot know the writer's zone: nothing it renders may differ from the browser's first render.
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await signIn(page, "editor");
    const id = await newDraft(page, uniqueHeadline("Scheduled storm-season explainer"));
    await page.getByRole("textbox", { name: "Body" }).click();
    await page.keyboard.type("Storm season starts next month.");
    await expect(page.locator('[data-save-state="saved"]')).toBeVisible({ timeout: 15_000 });
    await expect(page.getByText("Schedule for (America/New_York)")).toBeVisible();
    const year = new Date().getUTCFullYear() + 1;
    await page.getByLabel("Schedule for (America/New_York)").fill(`${year}-07-04T09:30`);
    await page.getByRole("button", { name: "Schedule", exact: true }).click();
    await expect(page.getByText(/^Scheduled for/)).toBeVisible();
    const article = await apiJson<{ status: string; publishedAt: string }>(page.request, "GET", `/api/v1/articles/${id}`, baseURL!);
    // 09:30 in New York in July is 13:30 UTC (EDT, UTC−4).
    expect(article.body!.data).toMatchObject({ status: "SCHEDULED", publishedAt: `${year}-07-04T13:30:00.000Z` });
    // Opened again: the time it goes live, in the writer's zone, rendered without a hydration error.
    await page.reload();
    await expect(page.getByText(`Goes live Jul 4, ${year}, 9:30`)).toBeVisible();
    await expect(page.getByText("Schedule for (America/New_York)")).toBeVisible();
    expect(pageErrors).toEqual([]);
  });
});

test("a refused slug holds back only itself: the body goes on saving, and the status names the field", async ({ page, baseURL }) => {
  test.setTimeout(60_000);
  await signIn(page, "author");
  const id = await newDraft(page, uniqueHeadline("Harbour bad slug"));
  const before = (await apiJson<{ slug: string }>(page.request, "GET", `/api/v1/articles/${id}`, baseURL!)).body!.data!.slug;
  const slug = page.getByLabel("Slug", { exact: true });
  await slug.fill("Harbour Plan!");
  await expect(slug).toHaveValue("harbour-plan!"); // spaces become hyphens as typed
  await page.getByRole("textbox", { name: "Body" }).click();
  await page.keyboard.type("Written after the bad slug, and saved all the same.");
  await expect(page.locator('[data-save-state="error"]')).toHaveText("Not saved: Some fields are not valid. Check the slug. Everything else is saved.", { timeout: 15_000 });
  await expect(slug).toHaveAttribute("aria-invalid", "true");
  await expect
    .poll(async () => {
      const { slug: stored, body } = (await apiJson<{ slug: string; body: unknown }>(page.request, "GET", `/api/v1/articles/${id}`, baseURL!)).body!.data!;
      return { stored, bodySaved: JSON.stringify(body).includes("saved all the same") };
    })
    .toEqual({ stored: before, bodySaved: true });
  await slug.fill("harbour-plan-fixed");
  await expect(page.locator('[data-save-state="saved"]')).toBeVisible({ timeout: 15_000 });
});

test("autosave tries again by itself once the connection is back", async ({ page, context, baseURL }) => {
  test.setTimeout(60_000);
  await signIn(page, "author");
  const id = await newDraft(page, uniqueHeadline("Harbour offline"));
  await context.setOffline(true);
  await page.getByLabel("Standfirst").fill("Typed on a train, between tunnels.");
  await expect(page.locator('[data-save-state="error"]')).toContainText("Could not reach the server", { timeout: 15_000 });
  await context.setOffline(false);
  // No keystroke, no click: the page saves on its own.
  await expect(page.locator('[data-save-state="saved"]')).toBeVisible({ timeout: 20_000 });
  const saved = await apiJson<{ standfirst: string }>(page.request, "GET", `/api/v1/articles/${id}`, baseURL!);
  expect(saved.body!.data!.standfirst).toBe("Typed on a train, between tunnels.");
});

test("a button disabled while it works gives the keyboard focus back when it is done", async ({ page }) => {
  await signIn(page, "author");
  await newDraft(page, uniqueHeadline("Harbour focus"));
  await page.getByLabel("Standfirst").fill("Saved with the keyboard.");
  const save = page.getByRole("button", { name: "Save draft" });
  await save.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Draft saved.")).toBeVisible();
  await expect(save).toBeFocused();
  // And the next Tab goes on from there, not from the top of the page.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("complementary", { name: "Publishing" }).locator(":focus")).toHaveCount(1);
});

test("edits to a live story left by the browser's Back button are offered back when it is opened again", async ({ page, baseURL }) => {
  test.setTimeout(60_000);
  await signIn(page, "editor");
  const headline = uniqueHeadline("Harbour live edits");
  const created = await apiJson<{ id: string; version: number }>(page.request, "POST", "/api/v1/articles", baseURL!, {
    headline,
    body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Live already." }] }] },
  });
  const { id, version } = created.body!.data!;
  expect((await apiJson(page.request, "POST", `/api/v1/articles/${id}/publish`, baseURL!, { version })).status).toBe(200);

  await page.goto("/dashboard");
  await page.getByRole("link", { name: headline }).click();
  await page.waitForURL(`**/dashboard/articles/${id}`);
  await page.getByLabel("Standfirst").fill("Typed, then Back was pressed.");
  await expect(page.locator('[data-save-state="unsaved"]')).toBeVisible();
  await page.goBack(); // no prompt can stop this one
  await expect(page).toHaveURL(/\/dashboard$/);
  // Followed from the list, the router brings the very page back, as it was: nothing to offer.
  await page.getByRole("link", { name: headline }).click();
  await page.waitForURL(`**/dashboard/articles/${id}`);
  await expect(page.getByLabel("Standfirst")).toHaveValue("Typed, then Back was pressed.");
  await expect(page.getByRole("alert").filter({ hasText: "were not saved" })).toHaveCount(0);
  await page.goBack();
  await expect(page).toHaveURL(/\/dashboard$/);

  // Opened afresh (a new page load: a bookmark, another link, a reopened tab), it offers them back.
  await page.goto(`/dashboard/articles/${id}`);
  await expect(page.getByLabel("Standfirst")).toHaveValue("");
  const offer = page.getByRole("alert").filter({ hasText: "Changes you made here earlier were not saved" });
  await expect(offer).toContainText("(standfirst)");
  await offer.getByRole("button", { name: "Restore them" }).click();
  await expect(page.getByLabel("Standfirst")).toHaveValue("Typed, then Back was pressed.");
  await expect(page.getByText("Your earlier changes are back. Update to make them live.")).toBeVisible();
  await page.getByRole("button", { name: "Update" }).click();
  await expect(page.getByText("Changes are live.")).toBeVisible();
  const saved = await apiJson<{ standfirst: string }>(page.request, "GET", `/api/v1/articles/${id}`, baseURL!);
  expect(saved.body!.data!.standfirst).toBe("Typed, then Back was pressed.");
  // Saved: not offered again.
  await page.reload();
  await expect(page.getByLabel("Standfirst")).toHaveValue("Typed, then Back was pressed.");
  await expect(page.getByRole("alert").filter({ hasText: "were not saved" })).toHaveCount(0);
});

test("leaving with unsaved changes asks first", async ({ page }) => {
  await signIn(page, "author");
  await newDraft(page, uniqueHeadline("Unsaved guard"));
  await page.getByLabel("Standfirst").fill("Typed and not yet saved");
  let asked = "";
  page.once("dialog", (dialog) => {
    asked = dialog.message();
    void dialog.dismiss();
  });
  await page.getByRole("link", { name: "All articles" }).click();
  expect(asked).toMatch(/unsaved changes/i);
  await expect(page.getByLabel("Standfirst")).toHaveValue("Typed and not yet saved");
  await expect(page).toHaveURL(/\/dashboard\/articles\//);
});

test("media: uploads are checked from their bytes, need alt text, and lose their metadata", async ({ page, baseURL }) => {
  test.setTimeout(60_000);
  await signIn(page, "author");
  await page.goto("/dashboard/media");
  const alt = uniqueHeadline("A lighthouse at dusk");
  const jpeg = await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#3a6ea5" } })
    .jpeg()
    .withExif({ IFD0: { Make: "TestCam", Model: "GPS Model" } })
    .toBuffer();
  const upload = page.locator("form").filter({ has: page.getByRole("heading", { name: "Upload an image" }) });
  // No alt text: refused, with the message next to the field.
  await upload.getByLabel(/Image file/).setInputFiles({ name: "photo.jpg", mimeType: "image/jpeg", buffer: jpeg });
  await upload.getByLabel("Alt text (required)").evaluate((el) => el.removeAttribute("required"));
  await upload.getByRole("button", { name: "Upload" }).click();
  await expect(upload.locator("#alt-error")).toBeVisible();
  // An SVG named .png: refused by its bytes.
  await upload.getByLabel(/Image file/).setInputFiles({ name: "innocent.png", mimeType: "image/png", buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>') });
  await upload.getByLabel("Alt text (required)").fill("Not an image");
  await upload.getByRole("button", { name: "Upload" }).click();
  await expect(upload.locator("#file-error")).toBeVisible();
  // A real JPEG with EXIF: accepted, stored without it.
  await upload.getByLabel(/Image file/).setInputFiles({ name: "photo.jpg", mimeType: "image/jpeg", buffer: jpeg });
  await upload.getByLabel("Alt text (required)").fill(alt);
  await upload.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Uploaded “${alt}”` })).toBeVisible();
  const list = await apiJson<{ url: string; alt: string }[]>(page.request, "GET", `/api/v1/media?q=${encodeURIComponent(alt)}`, baseURL!);
  const stored = list.body!.data![0]!;
  const file = Buffer.from(await (await page.request.get(stored.url)).body());
  expect((await sharp(file).metadata()).exif).toBeUndefined();
  await expect(page.getByRole("img", { name: alt })).toBeVisible();
  // New alt text names the image as soon as it is saved (it kept the old one until a reload).
  const card = page.getByRole("listitem").filter({ has: page.getByRole("img", { name: alt }) });
  const better = `${alt}, its lamp lit`;
  await card.getByLabel("Alt text").fill(better);
  await card.getByRole("button", { name: "Save" }).click();
  await expect(card.getByRole("status")).toHaveText("Saved.");
  await expect(card.getByRole("img")).toHaveAttribute("alt", better);
});

test("deleting asks for confirmation; a deleted draft is gone from the list", async ({ page }) => {
  await signIn(page, "author");
  const headline = uniqueHeadline("Draft to delete");
  await newDraft(page, headline);
  await page.getByRole("button", { name: "Delete…" }).click();
  await expect(page.getByRole("alertdialog", { name: /Delete this article for good/ })).toBeVisible();
  await page.getByRole("button", { name: "Delete permanently" }).click();
  await expect(page).toHaveURL(/\/dashboard\?deleted=1/);
  await expect(page.getByText("The article was deleted.")).toBeVisible();
  await page.goto(`/dashboard?q=${encodeURIComponent(headline)}`);
  await expect(page.getByText("No articles match.")).toBeVisible();
});
