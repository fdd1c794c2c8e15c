import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';

// Every story of the static Storybook build opens in Chromium with no console
// error, no page error and a rendered kessai element. Run `npm run build-storybook`
// first (npm test does).
const res = await fetch('/storybook-static/index.json');
if (!res.ok) throw new Error('storybook-static/index.json missing: run `npm run build-storybook` first');
const index = (await res.json()) as { entries: Record<string, { id: string; type: string; title: string; name: string }> };
const stories = Object.values(index.entries).filter((e) => e.type === 'story');

describe('Storybook smoke (every story, Chromium)', () => {
  it('has stories', () => expect(stories.length).to.be.greaterThan(0));
  for (const story of stories) {
    it(`${story.title} / ${story.name}`, async () => {
      const result = await executeServerCommand<{ errors: string[]; rendered: boolean }, { id: string }>('story-check', { id: story.id });
      expect(result!.errors).to.deep.equal([]);
      expect(result!.rendered).to.equal(true);
    });
  }
});
