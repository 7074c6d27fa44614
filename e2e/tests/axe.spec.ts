import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { demo, expect, signIn, test } from '../fixtures';
import { pageRoutes } from '../pageRoutes';

/**
 * Issue 12: an axe-core scan of every page, as each visitor who can see it, with no serious or critical violation.
 * The list below must name every page route the site has (checked against web/src/app): a new page without a scan
 * fails here until it is added.
 */
type Visitor = 'anonymous' | 'student' | 'instructor';
const codeEditorLoaded = (page: Page) => expect(page.getByRole('textbox', { name: 'Code editor' })).toBeAttached({ timeout: 30_000 });
const scans: Record<string, { visitor: Visitor; url: string; ready?: (page: Page) => Promise<void> }[]> = {
  '/': [{ visitor: 'anonymous', url: '/' }],
  '/signin': [{ visitor: 'anonymous', url: '/signin' }],
  '/signup': [{ visitor: 'anonymous', url: '/signup' }],
  '/signout': [{ visitor: 'student', url: '/signout' }],
  '/course': [
    { visitor: 'student', url: '/course' },
    { visitor: 'instructor', url: '/course' },
  ],
  '/exercises/[slug]': [
    { visitor: 'student', url: '/exercises/mlp-forward-pass' },
    { visitor: 'student', url: '/exercises/linear-activation-choice' },
    {
      visitor: 'student',
      url: '/exercises/mlp-forward-code',
      ready: codeEditorLoaded,
    },
    { visitor: 'instructor', url: '/exercises/mlp-backprop-2-2-2?variant=canonical' },
    // A training challenge: editor, board, entries (and, for the instructor, its settings and Verify).
    { visitor: 'student', url: '/exercises/moons-challenge', ready: codeEditorLoaded },
    { visitor: 'student', url: '/exercises/spirals-challenge', ready: (page) => page.getByRole('tab', { name: 'Form' }).click() },
    { visitor: 'instructor', url: '/exercises/circles-challenge', ready: codeEditorLoaded },
  ],
  '/instructor': [
    { visitor: 'instructor', url: '/instructor' },
    { visitor: 'student', url: '/instructor' }, // the 403 page
  ],
};

test('the scan list names every page route of the site', () => {
  expect(Object.keys(scans).sort()).toEqual(pageRoutes());
});

for (const visitor of ['anonymous', 'student', 'instructor'] as const) {
  test(`axe finds no serious or critical violation on any page, as ${visitor === 'anonymous' ? 'an anonymous visitor' : `the ${visitor}`}`, async ({ page }) => {
    test.setTimeout(180_000);
    if (visitor !== 'anonymous') await signIn(page, visitor === 'student' ? demo.secondStudent.email : demo.instructor.email);
    const found: string[] = [];
    for (const [route, entries] of Object.entries(scans)) {
      for (const entry of entries.filter((e) => e.visitor === visitor)) {
        await page.goto(entry.url);
        await page.waitForLoadState('networkidle');
        await entry.ready?.(page);
        const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        for (const v of violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
          found.push(`${route} (${entry.url}): ${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`);
        }
      }
    }
    expect(found).toEqual([]);
  });
}
