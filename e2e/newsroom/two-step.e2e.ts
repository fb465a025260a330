import { expect, test, type Browser, type Page } from "@playwright/test";
import { base32Decode, hotp, timeStep } from "../../src/server/totp";
import { expectAccessible } from "../helpers";
import { signIn } from "./staff";

// Two-step sign-in end to end: a new member sets it up on their profile, signs in with a code
// from "their app" (computed here from the key the page shows), then with a recovery code; an
// admin turns it off for them, and the password alone works again.

const PASSWORD = "a long enough password";

/** A new author, invited by the admin and signed up: their email and name. */
async function newMember(admin: Page, browser: Browser, baseURL: string) {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const email = `two-step-${id}@dellboys.example`;
  const name = `Tam Two-Step ${id}`;
  await admin.goto("/dashboard/users");
  await admin.getByLabel("Email").fill(email);
  await admin.getByLabel("Role", { exact: true }).selectOption("AUTHOR");
  await admin.getByRole("button", { name: "Create invitation" }).click();
  const link = await admin.getByLabel("Invitation link").inputValue();
  const page = await (await browser.newContext({ baseURL })).newPage();
  await page.goto(new URL(link, baseURL).pathname);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Password again").fill(PASSWORD);
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page).toHaveURL(/\/signin\?welcome=1/);
  await page.close();
  return { email, name };
}

/** A fresh browser at the sign-in form, past the password. */
async function passwordStep(browser: Browser, baseURL: string, email: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL })).newPage();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  return page;
}

test("set up on the profile, then sign in with the app's code or a recovery code; an admin can turn it off", async ({ browser, baseURL }) => {
  test.setTimeout(150_000);
  const admin = await (await browser.newContext({ baseURL })).newPage();
  await signIn(admin, "admin");
  const { email, name } = await newMember(admin, browser, baseURL!);

  // Set up: the QR code and the key; a wrong code is refused next to the field; the right one turns it on.
  const member = await passwordStep(browser, baseURL!, email);
  await member.waitForURL((url) => url.pathname === "/dashboard");
  await member.goto("/dashboard/profile");
  const panel = member.getByRole("region", { name: "Two-step sign-in" });
  await expect(panel).toContainText("Off.");
  await panel.getByRole("button", { name: "Set up two-step sign-in" }).click();
  await expect(panel.getByRole("img", { name: "QR code that adds this site to an authenticator app" })).toBeVisible();
  const secret = base32Decode((await panel.getByTestId("two-step-secret").textContent())!)!;
  expect(secret).toHaveLength(20);
  await expectAccessible(member);
  const codeField = panel.getByLabel("Code from the app");
  const now = timeStep(new Date());
  await codeField.fill(hotp(secret, now - 5));
  await panel.getByRole("button", { name: "Turn on" }).click();
  await expect(codeField).toHaveAttribute("aria-invalid", "true");
  await expect(codeField).toHaveAccessibleDescription(/Not the code your app shows now/);
  await codeField.fill(hotp(secret, now));
  await panel.getByRole("button", { name: "Turn on" }).click();
  await expect(panel.getByRole("status")).toHaveText("Two-step sign-in is on.");
  const recoveryItems = panel.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(recoveryItems).toHaveCount(10);
  const recovery = await recoveryItems.allTextContents();
  await panel.getByRole("button", { name: "I have kept them" }).click();
  await expect(panel).toContainText("Recovery codes left: 10 of 10.");
  await expect(panel.getByLabel("Code, to turn it off")).toBeVisible();

  // Sign in: the password, then the code (a wrong one first). The password is not asked again.
  const again = await passwordStep(browser, baseURL!, email);
  const code = again.getByLabel("Code");
  await expect(code).toBeFocused();
  await expect(again.getByLabel("Password")).toHaveCount(0);
  await expectAccessible(again);
  await code.fill("000000");
  await again.getByRole("button", { name: "Verify" }).click();
  await expect(code).toHaveAccessibleDescription(/That code is not right/);
  // One step ahead of the code that turned it on: a code is never accepted twice.
  await code.fill(hotp(secret, Math.max(now, timeStep(new Date())) + 1));
  await again.getByRole("button", { name: "Verify" }).click();
  await again.waitForURL((url) => url.pathname === "/dashboard");
  await expect(again.getByText(`${name} · author`)).toBeVisible();

  // A recovery code, typed without its hyphens, in capitals.
  const lostPhone = await passwordStep(browser, baseURL!, email);
  await lostPhone.getByLabel("Code").fill(recovery[0]!.replace(/-/g, "").toUpperCase());
  await lostPhone.getByRole("button", { name: "Verify" }).click();
  await lostPhone.waitForURL((url) => url.pathname === "/dashboard");
  await lostPhone.goto("/dashboard/profile");
  const own = lostPhone.getByRole("region", { name: "Two-step sign-in" });
  await expect(own).toContainText("Recovery codes left: 9 of 10.");
  // New recovery codes, for another one of the old.
  await own.getByLabel("Code, for new recovery codes").fill(recovery[1]!);
  await own.getByRole("button", { name: "Make new recovery codes" }).click();
  const renewedItems = own.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(renewedItems).toHaveCount(10);
  const renewed = await renewedItems.allTextContents();
  expect(renewed.filter((c) => recovery.includes(c))).toEqual([]);
  await own.getByRole("button", { name: "I have kept them" }).click();
  await expect(own).toContainText("Recovery codes left: 10 of 10.");
  await expect(own.getByRole("status")).toHaveText("New recovery codes made. The old ones no longer work.");
  // Each sign-in is listed on the profile, newest first, with how it was made.
  const signIns = lostPhone.getByRole("region", { name: "Recent sign-ins" }).getByRole("listitem");
  await expect(signIns).toHaveCount(3);
  await expect(signIns.nth(0)).toContainText("Password and a recovery code");
  await expect(signIns.nth(1)).toContainText("Password and app code");
  await expect(signIns.nth(2)).toContainText(/^.+Password, from /);

  // The admin sees it on the staff list and turns it off; the password alone signs in again.
  await admin.goto("/dashboard/users");
  const row = admin.getByRole("row", { name: new RegExp(name) });
  const status = row.getByRole("cell").nth(2);
  await expect(status).toHaveText("ActiveTwo-step sign-in");
  admin.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: `Turn off two-step sign-in for ${name}` }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Two-step sign-in is off for them." })).toBeVisible();
  await expect(status).toHaveText("Active");
  await expect(row.getByRole("button", { name: /Turn off two-step/ })).toHaveCount(0);
  const plain = await passwordStep(browser, baseURL!, email);
  await plain.waitForURL((url) => url.pathname === "/dashboard");
});
