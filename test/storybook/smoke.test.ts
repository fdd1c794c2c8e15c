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

type Result = { errors: string[]; rendered: boolean };
let results: Record<string, Result> = {};

describe('Storybook smoke (every story, Chromium)', function () {
  this.timeout(280_000);
  before(async () => {
    const ids = stories.map((s) => s.id);
    for (let i = 0; i < ids.length; i += 8) {
      const part = await executeServerCommand<Record<string, Result>, { ids: string[] }>('story-check', { ids: ids.slice(i, i + 8) });
      results = { ...results, ...part };
    }
  });
  it('has stories', () => expect(stories.length).to.be.greaterThan(0));
  for (const story of stories) {
    it(`${story.title} / ${story.name}`, () => {
      const result = results[story.id];
      expect(result, 'story was not visited').to.exist;
      if (story.tags?.includes('expect-console-error')) {
        expect(result.errors.length).to.be.greaterThan(0);
        expect(result.errors.every((e) => e.includes('refused to run'))).to.equal(true);
        expect(result.errors.join(' ')).not.to.match(/sk_live_0{4}/);
      } else {
        expect(result.errors).to.deep.equal([]);
        expect(result.rendered).to.equal(true);
      }
    });
  }
});
