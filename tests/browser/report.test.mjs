// Browser tests of the HTML report, in headless Debian Chromium driven by
// playwright-core. Run by `cargo test` (crates/assure-cli/tests/browser.rs),
// which passes:
//   ASSURE_BIN        the assure binary under test
//   ASSURE_ROOT       the repository root
//   ASSURE_ARTEFACTS  where screenshots, reports and timings go
//   CHROMIUM          the browser (default /usr/bin/chromium)
// Standalone: `npm test` in this folder with those variables set.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const BIN = process.env.ASSURE_BIN;
const ROOT = process.env.ASSURE_ROOT;
const OUT = process.env.ASSURE_ARTEFACTS || mkdtempSync(join(tmpdir(), 'assure-browser-'));
if (!BIN || !ROOT) throw new Error('set ASSURE_BIN and ASSURE_ROOT');
mkdirSync(OUT, { recursive: true });

function assure(...args) {
  return execFileSync(BIN, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

let browser;
const timings = {};

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  if (browser) await browser.close();
  writeFileSync(join(OUT, 'timings.json'), JSON.stringify(timings, null, 2) + '\n');
});

// A page that records console errors, page errors, dialogs and requests.
async function open(file, opts = {}) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  // CI machines are small and busy: wait generously (the times that matter
  // are recorded in timings.json and bench/README.md, not asserted tightly).
  page.setDefaultTimeout(60000);
  const problems = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', async (d) => { problems.push(`dialog: ${d.message()}`); await d.dismiss(); });
  page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) requests.push(r.url()); });
  const t0 = Date.now();
  await page.goto(pathToFileURL(file).href + (opts.hash || ''), { timeout: 60000 });
  await page.waitForSelector('html[data-ready="1"]', { timeout: 60000 });
  const ready = Date.now() - t0;
  return { context, page, problems, requests, ready };
}

function report(caseDir, name) {
  const file = join(OUT, name);
  assure('report', caseDir, '-o', file);
  return file;
}

test('demo report: click, search, registers, no console errors', async () => {
  const file = report(join(ROOT, 'examples', 'infusion-pump'), 'demo-report.html');
  const { context, page, problems, requests } = await open(file);
  try {
    // The first module's diagram is shown; click its top goal.
    const g1 = page.locator('#ar-canvas g.gsnelem[data-eid="G1"]').first();
    await g1.waitFor();
    await g1.click();
    await page.waitForSelector('#ar-details[data-element="G1"]');
    const details = await page.locator('#ar-details').innerText();
    assert.match(details, /VoluFlow 300 is acceptably safe and secure/);
    assert.match(details, /Supported by/);
    assert.match(details, /In context of/);
    assert.match(details, /Six-step status/);
    const solutions = await page.evaluate(() => JSON.parse(document.getElementById('ar-data').textContent).elements.filter((e) => e.k === 'Solution').length);
    assert.match(details, new RegExp(`Evidence\\s+${solutions} solutions below this element`), 'G1 rests on every solution');
    assert.equal(await page.locator('#ar-canvas g.ar-sel[data-eid="G1"]').count(), 1, 'G1 highlighted');
    assert.match(page.url(), /#G1$/, 'the URL cites the element');
    await page.screenshot({ path: join(OUT, 'demo-details.png') });

    // Search for an element of another module by id and land on it.
    const target = await page.evaluate(() => {
      const d = JSON.parse(document.getElementById('ar-data').textContent);
      const e = d.elements.find((x) => x.m !== 0 && x.k === 'Solution');
      return { id: e.i, module: d.modules[e.m] };
    });
    await page.fill('#ar-search', target.id);
    await page.waitForSelector('#ar-results a[data-id]');
    await page.press('#ar-search', 'Enter');
    await page.waitForSelector(`#ar-details[data-element="${target.id}"]`);
    const tab = await page.locator('.ar-tabs [aria-selected="true"]').innerText();
    assert.equal(tab, target.module, 'the element\'s module view is shown');
    const sel = page.locator(`#ar-canvas g.ar-sel[data-eid="${target.id}"]`);
    assert.equal(await sel.count(), 1, 'the found element is highlighted');
    // ...and it is on screen.
    const box = await sel.first().boundingBox();
    const canvas = await page.locator('#ar-canvas').boundingBox();
    assert.ok(box && box.x >= canvas.x - 1 && box.x + box.width <= canvas.x + canvas.width + 1
      && box.y >= canvas.y - 1 && box.y + box.height <= canvas.y + canvas.height + 1,
      `found element inside the viewport: ${JSON.stringify(box)} in ${JSON.stringify(canvas)}`);
    await page.screenshot({ path: join(OUT, 'demo-search.png') });

    // Zoom and pan change the view box.
    const before = await page.locator('#ar-canvas svg').getAttribute('viewBox');
    await page.click('.ar-zoom [data-zoom="in"]');
    const after = await page.locator('#ar-canvas svg').getAttribute('viewBox');
    assert.notEqual(before, after, 'zoom changes the view');

    // Sort and filter the evidence register.
    const reg = page.locator('[data-register="evidence"]');
    await reg.scrollIntoViewIfNeeded();
    const ids = async () => reg.locator('tbody tr:not([hidden]) td:first-child').allInnerTexts();
    const natural = (a, b) => a.localeCompare(b, 'en', { numeric: true });
    const first = await ids();
    assert.ok(first.length > 5, 'evidence rows');
    await reg.locator('th', { hasText: 'Id' }).click();
    assert.deepEqual(await ids(), [...first].sort(natural), 'ascending by id');
    await reg.locator('th', { hasText: 'Id' }).click();
    assert.deepEqual(await ids(), [...first].sort(natural).reverse(), 'descending by id');
    const one = first[3];
    await reg.locator('.ar-filter').fill(one);
    const filtered = await ids();
    assert.ok(filtered.includes(one) && filtered.length < first.length, `filter keeps ${one}: ${filtered}`);
    assert.match(await reg.locator('.ar-count').innerText(), new RegExp(`^${filtered.length} of ${first.length} rows$`));
    // CSV of what is shown.
    const [download] = await Promise.all([page.waitForEvent('download'), reg.locator('.ar-csv').click()]);
    const csv = readFileSync(await download.path(), 'utf8');
    assert.equal(download.suggestedFilename(), 'evidence.csv');
    assert.match(csv.split('\r\n')[0], /"Id","Solution","Reference"/);
    assert.equal(csv.trim().split('\r\n').length, filtered.length + 1, 'header and filtered rows');
    await reg.screenshot({ path: join(OUT, 'demo-register.png') });

    // Following a cited link (`#id`) from a register lands on the element.
    await reg.locator('.ar-filter').fill('');
    const link = reg.locator('tbody tr td:first-child a').first();
    const cited = await link.innerText();
    await link.click();
    await page.waitForSelector(`#ar-details[data-element="${cited}"]`);

    // The whole page, for the README.
    await page.goto(pathToFileURL(file).href + '#G1');
    await page.waitForSelector('#ar-details[data-element="G1"]');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(OUT, 'demo-top.png') });
    await page.locator('#ar-diagrams').screenshot({ path: join(OUT, 'demo-diagram.png') });

    assert.deepEqual(problems, [], 'no console errors');
    assert.deepEqual(requests, [], 'no network requests');
  } finally {
    await context.close();
  }
});

test('hostile case: shown visibly, no script runs', async () => {
  const file = report(join(ROOT, 'crates', 'assure-report', 'tests', 'cases', 'hostile.gsn.yaml'), 'hostile-report.html');
  const { context, page, problems, requests } = await open(file);
  try {
    // Interact with everything: every element's details, hover, links.
    const ids = await page.evaluate(() => JSON.parse(document.getElementById('ar-data').textContent).elements.map((e) => e.i));
    for (const id of ids) {
      await page.evaluate((h) => { location.hash = h; }, '#' + encodeURIComponent(id));
      await page.waitForSelector(`#ar-details[data-element="${id.replace(/["\\]/g, '\\$&')}"]`);
      await page.hover('#ar-details');
    }
    const g1 = page.locator('#ar-canvas g.gsnelem[data-eid="G1"]').first();
    await g1.click();
    await page.locator('#ar-details a').first().hover();
    await page.hover('.ar-header');
    const pwned = await page.evaluate(() => window.__pwned);
    assert.equal(pwned, undefined, 'no case text ran as script');
    // The texts are shown as text.
    const details = await page.locator('#ar-details').innerText();
    assert.ok(details.includes("<script>window.__pwned='text'</script>"), details);
    assert.ok(details.includes('</svg><svg onload='), details);
    assert.match(details, /U\+202E/, 'the right-to-left override is shown, not obeyed');
    // Control characters are visible everywhere, also in lists made by the script.
    assert.ok(details.includes('U+0007'), 'the bell in C1 is shown as U+0007');
    const bodyText = await page.evaluate(() => document.body.innerText);
    assert.ok(!/[\u0000-\u0008\u000b\u000e-\u001f\u202a-\u202e\u2066-\u2069]/.test(bodyText), 'no raw control characters on the page');
    assert.equal(await page.locator('#ar-details a[href^="javascript:"]').count(), 0);
    assert.equal(await page.locator('a[href^="javascript:"], a[href^="data:"]').count(), 0, 'no javascript:/data: links anywhere');
    const header = await page.locator('.ar-header').innerText();
    assert.ok(header.includes("Evil</title><script>window.__pwned='module'</script>"), header);
    // The element whose id is one of the page's own ids does not break the page.
    await page.fill('#ar-search', 'ar-search');
    await page.press('#ar-search', 'Enter');
    await page.waitForSelector('#ar-details[data-element="ar-search"]');
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    await page.screenshot({ path: join(OUT, 'hostile.png'), fullPage: false });
    // CSP violations would be console errors.
    assert.deepEqual(problems, [], 'no console errors (no CSP violations)');
    assert.deepEqual(requests, [], 'no network requests');
  } finally {
    await context.close();
  }
});

test('10,000-element case: opens and is searchable', async () => {
  const dir = join(OUT, 'gen10k');
  mkdirSync(dir, { recursive: true });
  // One module: the hardest case, a single 10,000-element diagram.
  assure('gen', '--elements', '10000', '-o', dir);
  const file = report(dir, 'gen10k-report.html');
  const { context, page, problems, ready } = await open(file);
  try {
    timings.open_10k_ms = ready;
    const count = await page.evaluate(() => JSON.parse(document.getElementById('ar-data').textContent).elements.length);
    assert.ok(count >= 10000, `elements: ${count}`);
    const id = await page.evaluate(() => {
      const d = JSON.parse(document.getElementById('ar-data').textContent);
      return d.elements[Math.floor(d.elements.length * 0.77)].i;
    });
    const t0 = Date.now();
    await page.fill('#ar-search', id);
    await page.waitForSelector('#ar-results a[data-id]');
    await page.press('#ar-search', 'Enter');
    await page.waitForSelector(`#ar-details[data-element="${id}"]`);
    await page.locator(`#ar-canvas g.ar-sel[data-eid="${id}"]`).first().waitFor();
    timings.search_and_land_10k_ms = Date.now() - t0;
    // Only the part of the diagram near the screen is in the document.
    const attached = await page.locator('#ar-canvas g.gsnelem').count();
    assert.ok(attached > 0 && attached < count / 5, `${attached} of ${count} elements attached`);
    const sel = await page.locator(`#ar-canvas g.ar-sel[data-eid="${id}"]`).first().boundingBox();
    const cv = await page.locator('#ar-canvas').boundingBox();
    assert.ok(sel.x >= cv.x - 1 && sel.y >= cv.y - 1 && sel.x + sel.width <= cv.x + cv.width + 1 && sel.y + sel.height <= cv.y + cv.height + 1, 'found element on screen');
    await page.locator('#ar-diagrams').screenshot({ path: join(OUT, 'gen10k-diagram.png') });
    // Panning brings other elements in.
    const before = await page.locator('#ar-canvas g.gsnelem').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-eid')).sort().join());
    await page.mouse.move(cv.x + cv.width / 2, cv.y + cv.height / 2);
    await page.mouse.down();
    await page.mouse.move(cv.x + cv.width / 2 - 900, cv.y + cv.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction((b) => Array.from(document.querySelectorAll('#ar-canvas g.gsnelem')).map((g) => g.getAttribute('data-eid')).sort().join() !== b, before);
    // Whole diagram: text is hidden when unreadable.
    await page.click('.ar-zoom [data-zoom="fit"]');
    await page.waitForFunction(() => document.querySelector('#ar-canvas svg').classList.contains('ar-far'));
    // Big registers show a page of rows at a time.
    const rows = page.locator('[data-register="elements"] tbody tr');
    assert.equal(await rows.count(), 300, 'first page of the elements register');
    await page.locator('[data-register="elements"] .ar-more button').click();
    assert.equal(await rows.count(), 600, 'second page');
    // Filtering the elements register stays responsive.
    const t1 = Date.now();
    await page.locator('[data-register="elements"] .ar-filter').fill(id);
    await page.waitForFunction(() => /of \d+ rows/.test(document.querySelector('[data-register="elements"] .ar-count').textContent));
    timings.filter_10k_ms = Date.now() - t1;
    timings.html_bytes_10k = readFileSync(file).length;
    await page.screenshot({ path: join(OUT, 'gen10k.png') });
    assert.deepEqual(problems, [], 'no console errors');
    assert.ok(ready < 60000, `opened in ${ready} ms`);
  } finally {
    await context.close();
  }
});
