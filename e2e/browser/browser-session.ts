/**
 * Debian's Chromium driven by playwright-core (never a browser download): launched headless
 * with the flags this closed network needs, screenshots kept as test artefacts under
 * `e2e/artifacts/<suite>/`, an axe-core accessibility check, and a check that a page fits a
 * phone's width.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.AKASHI_CHROMIUM ?? '/usr/bin/chromium';

export const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;

export const launchChromium = async (): Promise<Browser> => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}: install Debian's package (apt-get install chromium; .ci/run does) or set AKASHI_CHROMIUM.`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
};

/** Numbered screenshots of each step, full page, under `e2e/artifacts/<suite>/`. */
export const createScreenshotter = (suite: string) => {
  const folder = join(ARTIFACTS, suite);
  mkdirSync(folder, { recursive: true });
  let step = 0;
  return async (page: Page, name: string): Promise<void> => {
    step += 1;
    // The Japanese web font arrives in slices as text needs them: wait for those in flight.
    await page.waitForLoadState('networkidle');
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    await page.screenshot({
      path: join(folder, `${String(step).padStart(2, '0')}-${name}.png`),
      fullPage: true,
    });
  };
};

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly string[] }[];
}

/**
 * axe-core's WCAG 2.x A/AA rules on the current page: no serious or critical violation. (The
 * page's CSP forbids inline scripts, so the browser context must be made with `bypassCSP`.)
 */
export const assertAccessible = async (page: Page, label: string): Promise<void> => {
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(
    serious.map(
      (v) =>
        `${v.id} (${v.impact ?? ''}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    ),
    [],
    `accessibility of ${label}`,
  );
};

/** The page needs no sideways scrolling at the current (phone) width. */
export const assertFitsWidth = async (page: Page, label: string): Promise<void> => {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  assert.ok(
    scrollWidth <= innerWidth + 1,
    `${label}: ${String(scrollWidth)}px wide on a ${String(innerWidth)}px screen`,
  );
};
