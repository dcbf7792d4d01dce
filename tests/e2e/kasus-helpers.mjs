// Steps shared by the case tests: sign in as staff, create a case through the form, act on
// the current step and wait for the audit trail to record it.
import assert from 'node:assert/strict';
import { appReady } from './browser.mjs';

export const STAFF = 'Rina Wati';

/** Opens the list and sets the staff name (asked before the first action). */
export async function openListAsStaff(page, baseUrl, name = STAFF) {
  await page.goto(baseUrl + 'kasus');
  await appReady(page);
  await page.fill('#nama-petugas', name);
  await page.click('[data-testid=case-staff] button[type=submit]');
  await page.locator('[data-testid=case-staff] [role=status]').filter({ hasText: 'disimpan' }).waitFor();
}

/** Creates a case through the form (`?baru=<sop>` preselects the SOP); returns its id. */
export async function createCase(page, baseUrl, sopId, applicant, subject = 'Permohonan uji') {
  await page.goto(baseUrl + 'kasus?baru=' + sopId);
  await appReady(page);
  assert.equal(await page.locator('#baru-sop').inputValue(), sopId, 'the SOP page link preselects the SOP');
  await page.fill('#baru-pemohon', applicant);
  await page.fill('#baru-perihal', subject);
  await page.click('[data-testid=case-new] button[type=submit]');
  await page.waitForURL(/\/kasus\/[a-z0-9-]+$/);
  await page.waitForSelector('.case-step--current');
  return page.url().split('/kasus/')[1];
}

export const current = (page) => page.locator('.case-step--current');
export const auditTexts = (page) => page.locator('[data-testid=audit] .case-audit__what').allTextContents();
export const stored = (page, id) => page.evaluate((k) => localStorage.getItem(k), 'lsk:case:' + id);

/** Clicks a button of the current step and waits until the audit trail grew. */
export async function clickCurrent(page, testid) {
  const before = await page.locator('[data-testid=audit] li').count();
  await current(page).locator(`[data-testid=${testid}]`).click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=audit] li').length > n, before);
}
