import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const configs = [
  { name: 'desktop-light', width: 1280, height: 860, colorScheme: 'light' as const },
  { name: 'desktop-dark', width: 1280, height: 860, colorScheme: 'dark' as const },
  { name: 'phone-light', width: 390, height: 844, colorScheme: 'light' as const },
  { name: 'phone-dark', width: 390, height: 844, colorScheme: 'dark' as const },
];
for (const config of configs) {
  const context = await browser.newContext({ viewport: { width: config.width, height: config.height }, colorScheme: config.colorScheme });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto('http://127.0.0.1:3300/login');
  await page.locator('input[name="user"][value="admin"]').check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/ops\/jobs/);
  await page.getByRole('link', { name: 'Schedules' }).click();
  await page.waitForURL(/schedules/);
  await page.waitForTimeout(1500);
  if (config.name === 'desktop-light') { await page.getByText('Show data').first().click(); await page.waitForTimeout(300); }
  await page.screenshot({ path: `/tmp/shots/schedules-${config.name}.png`, fullPage: true });
  console.log(config.name, errors);
  await context.close();
}
await browser.close();
