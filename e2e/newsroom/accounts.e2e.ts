import { expect, test } from "@playwright/test";
import { signIn } from "./staff";

// Accounts end to end: an admin invites someone, the link works once, the new member signs in;
// demoting or disabling them takes effect on their very next request; their sign-ins are audited.
test("invite, accept once, sign in; a role change or disabling signs them out at once", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const adminContext = await browser.newContext({ baseURL });
  const admin = await adminContext.newPage();
  await signIn(admin, "admin");
  await admin.goto("/dashboard/users");
  const email = `new-writer-${Date.now()}@dellboys.example`;
  await admin.getByLabel("Email").fill(email);
  await admin.getByLabel("Role", { exact: true }).selectOption("AUTHOR");
  await admin.getByRole("button", { name: "Create invitation" }).click();
  const link = await admin.getByLabel("Invitation link").inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{20,}$/);

  const memberContext = await browser.newContext({ baseURL });
  const member = await memberContext.newPage();
  await member.goto(new URL(link, baseURL).pathname);
  await member.getByLabel("Your name").fill("Nadia Okafor-Testwell");
  await member.getByLabel("Password", { exact: true }).fill("a long enough password");
  await member.getByLabel("Password again").fill("a long enough password");
  await member.getByRole("button", { name: "Create my account" }).click();
  await expect(member).toHaveURL(/\/signin\?welcome=1/);
  await expect(member.getByText("Your password is set.")).toBeVisible();

  // The link was single-use.
  const again = await browser.newPage({ baseURL });
  await again.goto(new URL(link, baseURL).pathname);
  await expect(again.getByText(/invalid|expired|used/i).first()).toBeVisible();
  await again.close();

  // (Next.js keeps the previous page in the document, hidden, after a client navigation.)
  await member.locator("#email").fill(email);
  await member.locator("#password").fill("a long enough password");
  await member.getByRole("button", { name: "Sign in" }).click();
  await member.waitForURL((url) => url.pathname === "/dashboard");
  await expect(member.getByText("Nadia Okafor-Testwell · author")).toBeVisible();

  // Demoted: the next request finds the old session stale.
  await admin.reload();
  await admin.getByLabel("Role for Nadia Okafor-Testwell").selectOption("CONTRIBUTOR");
  await admin.getByRole("button", { name: "Change role of Nadia Okafor-Testwell" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Role changed" })).toBeVisible();
  await expect(admin.getByRole("row", { name: /Nadia Okafor-Testwell/ }).getByRole("cell").first()).toHaveText("Contributor");
  await expect(admin.getByLabel("Role for Nadia Okafor-Testwell")).toHaveValue("CONTRIBUTOR");
  // The old session is refused on its next request: the dashboard sends them to sign in (a
  // redirect made in the browser, which may interrupt goto()) and the API answers 401.
  await member.goto("/dashboard").catch(() => undefined);
  await expect(member).toHaveURL(/\/signin/);
  const api = await member.request.get("/api/v1/media");
  expect(api.status()).toBe(401);

  // Signs in again as a contributor; then disabled: out at once, and cannot sign back in.
  // (Next.js keeps the previous page in the document, hidden, after a client navigation.)
  await member.locator("#email").fill(email);
  await member.locator("#password").fill("a long enough password");
  await member.getByRole("button", { name: "Sign in" }).click();
  await member.waitForURL((url) => url.pathname === "/dashboard");
  await expect(member.getByText("Nadia Okafor-Testwell · contributor")).toBeVisible();
  admin.once("dialog", (dialog) => void dialog.accept());
  await admin.getByRole("button", { name: "Disable Nadia Okafor-Testwell" }).click();
  await expect(admin.getByRole("button", { name: "Enable Nadia Okafor-Testwell" })).toBeVisible();
  await member.goto("/dashboard").catch(() => undefined); // see above: the redirect may interrupt it
  await expect(member).toHaveURL(/\/signin/);
  // (Next.js keeps the previous page in the document, hidden, after a client navigation.)
  await member.locator("#email").fill(email);
  await member.locator("#password").fill("a long enough password");
  await member.getByRole("button", { name: "Sign in" }).click();
  await expect(member.getByRole("alert").filter({ hasText: "incorrect" })).toBeVisible();

  // Both of their sign-ins are in the audit log, by them, with how; the refused third is not.
  await admin.goto("/dashboard/audit?action=user.sign_in");
  const signIns = admin.getByRole("row").filter({ hasText: "Nadia Okafor-Testwell" });
  await expect(signIns).toHaveCount(2);
  for (const row of await signIns.all()) {
    await expect(row.getByRole("cell").nth(2)).toHaveText("user.sign_in");
    await expect(row.getByRole("cell").nth(4)).toContainText("method: password");
  }
  await Promise.all([adminContext.close(), memberContext.close()]);
});

// Sending an invitation again replaces the first (one working link per address), and a pending
// link can be withdrawn: it leaves the list, the outcome is said where the focus goes, and the link
// stops working. An editor sees an admin's invitation to a higher role but cannot withdraw it.
test("inviting an address again replaces its link; a pending link can be withdrawn", async ({ browser, baseURL }) => {
  const editorContext = await browser.newContext({ baseURL });
  const editor = await editorContext.newPage();
  await signIn(editor, "editor");
  await editor.goto("/dashboard/users");
  const email = `second-thoughts-${Date.now()}@dellboys.example`;
  const shown = editor.getByLabel("Invitation link");
  const invite = async (role: string) => {
    const before = (await shown.count()) ? await shown.inputValue() : "none yet";
    await editor.getByLabel("Email").fill(email);
    await editor.getByLabel("Role", { exact: true }).selectOption(role);
    await editor.getByRole("button", { name: "Create invitation" }).click();
    await expect(shown).not.toHaveValue(before);
    await expect(editor.getByRole("status").filter({ hasText: `Invitation created for ${email}` })).toBeVisible();
    return shown.inputValue();
  };
  const first = await invite("CONTRIBUTOR");
  const second = await invite("AUTHOR");
  expect(second).not.toBe(first);
  await expect(editor.getByRole("status").filter({ hasText: "It replaces the earlier invitation to this address, whose link no longer works." })).toBeVisible();
  const rows = editor.getByRole("table", { name: "Invitations and password reset links not used yet" }).getByRole("row").filter({ hasText: email });
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText("Invitation as author");

  const reader = await browser.newPage({ baseURL });
  await reader.goto(new URL(first, baseURL).pathname);
  await expect(reader.getByText(/invalid or has expired/i).first()).toBeVisible();

  editor.once("dialog", (dialog) => {
    expect(dialog.message()).toBe(`Withdraw the invitation for ${email}? Its link stops working at once.`);
    void dialog.accept();
  });
  await rows.getByRole("button", { name: `Withdraw the link for ${email}` }).click();
  const outcome = editor.getByRole("status").filter({ hasText: `Invitation for ${email} withdrawn: its link no longer works.` });
  await expect(outcome).toBeVisible();
  await expect(rows).toHaveCount(0);
  await expect(editor.locator(":focus")).toContainText("withdrawn");
  // The link it had just made, still on show in the invite form, is not left there to be copied.
  await expect(shown).toHaveCount(0);
  await expect(editor.getByText("The link made here no longer works: it was used, withdrawn or replaced.")).toBeVisible();
  await reader.goto(new URL(second, baseURL).pathname);
  await expect(reader.getByText(/invalid or has expired/i).first()).toBeVisible();

  // A dismissed confirmation withdraws nothing.
  await invite("CONTRIBUTOR");
  editor.once("dialog", (dialog) => void dialog.dismiss());
  await rows.getByRole("button", { name: `Withdraw the link for ${email}` }).click();
  await expect(rows).toHaveCount(1);

  await reader.close();
  await editorContext.close();
});

// A password reset link: a second one replaces the first, and once withdrawn it is no longer shown.
test("an admin's reset link is replaced by the next one and can be withdrawn", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/dashboard/users");
  const member = "Wendell Ashgrove";
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(member) }) });
  const shown = row.getByLabel(`Password reset link for ${member}`);
  await row.getByRole("button", { name: `Reset password link for ${member}` }).click();
  const first = await shown.inputValue();
  await row.getByRole("button", { name: `Reset password link for ${member}` }).click();
  await expect(shown).not.toHaveValue(first);
  await expect(row.getByRole("status").filter({ hasText: "Password reset" })).toHaveText("Password reset link created. The earlier reset link no longer works.");
  const pending = page.getByRole("table", { name: "Invitations and password reset links not used yet" }).getByRole("row").filter({ hasText: "wendell.ashgrove@" });
  await expect(pending).toHaveCount(1);
  await expect(pending).toContainText("Password reset");

  page.once("dialog", (dialog) => {
    expect(dialog.message()).toBe("Withdraw the password reset link for wendell.ashgrove@dellboys.example? Its link stops working at once.");
    void dialog.accept();
  });
  await pending.getByRole("button", { name: /^Withdraw/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Password reset link for wendell.ashgrove@dellboys.example withdrawn" })).toBeVisible();
  await expect(pending).toHaveCount(0);
  await expect(shown).toHaveCount(0);
  await expect(row.getByText("The link made here no longer works")).toBeVisible();
});

// The audit filter takes an action typed in capitals, says next to the field what it refused and
// keeps the text, and a page past the end says so instead of "Page 999 of 2".
test("the audit log's filter explains a refusal and a page past the end", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/dashboard/audit?action=USER.SIGN_IN");
  await expect(page.getByLabel("Action starts with")).toHaveValue("user.sign_in");
  await expect(page.getByRole("row").filter({ hasText: "user.sign_in" }).first()).toBeVisible();

  await page.goto("/dashboard/audit?action=user.%25");
  const field = page.getByLabel("Action starts with");
  await expect(field).toHaveValue("user.%");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAccessibleDescription(/Not filtered: Use only letters, dots and underscores/);

  await page.goto("/dashboard/audit?page=100000");
  await expect(page.getByRole("alert").filter({ hasText: "There is no page 100000" })).toBeVisible();
  await expect(page.getByText("Page 100000 of")).toHaveCount(0);
  await page.getByRole("link", { name: "Go to the last page" }).click();
  await expect(page.getByRole("row").nth(1)).toBeVisible();
});
