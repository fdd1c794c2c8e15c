import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';

// Every story of the static Storybook build opens in Chromium with no console
// error, no page error and a rendered kessai element. Run `npm run build-storybook`
// first (npm test does). Stories tagged `expect-console-error` show a refusal:
// there the element must log why, and only that.
const res = await fetch('/storybook-static/index.json');
if (!res.ok) throw new Error('storybook-static/index.json missing: run `npm run build-storybook` first');
const index = (await res.json()) as { entries: Record<string, { id: string; type: string; title: string; name: string; tags?: string[] }> };
const stories = Object.values(index.entries).filter((e) => e.type === 'story');

type Verdict = { ok: boolean; message: string };
type Result = { errors: string[]; rendered: boolean; visual: Record<string, Verdict> };

/** Checks one story in its own tab (test/commands.js), asking again while it is still loading. */
async function check(id: string): Promise<Result> {
  for (;;) {
    const r = await executeServerCommand<Result | { pending: true }, { id: string; visual: boolean }>('story-check', { id, visual: true });
    if (!('pending' in r)) return r;
  }
}

describe('Storybook: every story renders, without errors, and looks as its baseline (Chromium)', function () {
  // Per story: sized for a busy two-core machine; a slow story fails as itself.
  this.timeout(120_000);
  before(() => executeServerCommand('story-plan', { ids: stories.map((s) => s.id), visual: true }));
  it('has stories', () => expect(stories.length).to.be.greaterThan(0));
  for (const story of stories) {
    const refusal = story.tags?.includes('expect-console-error');
    it(`${story.title} / ${story.name}`, async () => {
      const result = await check(story.id);
      if (refusal) {
        expect(result.errors.length).to.be.greaterThan(0);
        expect(result.errors.every((e) => e.includes('refused to run'))).to.equal(true);
        expect(result.errors.join(' ')).not.to.match(/sk_live_0{4}/);
      } else {
        expect(result.errors).to.deep.equal([]);
        expect(result.rendered).to.equal(true);
      }
    });
    // A refusal renders nothing: nothing to look at.
    if (refusal) continue;
    it(`${story.title} / ${story.name}: looks as its baseline on a light page, with the OS in dark mode, on a dark page`, async () => {
      const { visual, errors } = await check(story.id);
      expect(Object.keys(visual), errors.join('\n')).to.deep.equal(['light', 'os-dark', 'dark']);
      const failed = Object.entries(visual).filter(([, v]) => !v.ok);
      expect(failed.map(([mode, v]) => `${mode}: ${v.message}`)).to.deep.equal([]);
    });
  }
});
