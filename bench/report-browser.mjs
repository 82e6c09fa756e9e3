// Times the HTML report in headless Chromium: open until the script has run,
// search an id (three quarters into the element list) and land on it, filter
// the elements register. Prints one Markdown table row (medians of RUNS).
// Usage (from tests/browser, for playwright-core): node ../../bench/report-browser.mjs FILE RUNS
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { join } from 'node:path';

// playwright-core is installed in tests/browser (the working directory).
const { chromium } = createRequire(join(process.cwd(), 'package.json'))('playwright-core');

const [file, runsArg] = process.argv.slice(2);
const runs = Number(runsArg || 3);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const median = (v) => v.slice().sort((a, b) => a - b)[Math.floor((v.length - 1) / 2)];
const open = [], land = [], filter = [];
let count = 0;
for (let i = 0; i < runs; i++) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const t0 = Date.now();
  await page.goto(pathToFileURL(file).href, { timeout: 120000 });
  await page.waitForSelector('html[data-ready="1"]', { timeout: 120000 });
  open.push(Date.now() - t0);
  const id = await page.evaluate(() => {
    const d = JSON.parse(document.getElementById('ar-data').textContent);
    return d.elements[Math.floor(d.elements.length * 0.75)].i;
  });
  count = await page.evaluate(() => JSON.parse(document.getElementById('ar-data').textContent).elements.length);
  const t1 = Date.now();
  await page.fill('#ar-search', id);
  await page.waitForSelector('#ar-results a[data-id]');
  await page.press('#ar-search', 'Enter');
  await page.locator(`#ar-canvas g.ar-sel[data-eid="${id}"]`).first().waitFor({ timeout: 60000 });
  land.push(Date.now() - t1);
  const t2 = Date.now();
  await page.locator('[data-register="elements"] .ar-filter').fill(id);
  await page.waitForFunction(() => / of \d+ rows/.test(document.querySelector('[data-register="elements"] .ar-count').textContent));
  filter.push(Date.now() - t2);
  await page.close();
}
await browser.close();
console.log(`| ${count} | ${median(open)} ms | ${median(land)} ms | ${median(filter)} ms |`);
