import { describe, expect, it } from 'vitest';
import { OUTCOME_IDS } from '../../../machines/questions.ts';
import { knowledge } from '../../../src/core/knowledge/index.ts';
import { LIMITS } from '../../../src/core/discord-limits.ts';

const outcomeCases = OUTCOME_IDS.map((id) => ({ id, outcome: knowledge.outcomes[id] }));
const isOfficialDocs = (url: string): boolean => new URL(url).hostname === 'docs.python.org';

describe('outcome links', () => {
  it.each(outcomeCases)('GIVEN outcome $id THEN every link parses as an https URL and has a label', ({ outcome }) => {
    for (const link of outcome.links) {
      expect(URL.canParse(link.url), link.url).toBe(true);
      expect(new URL(link.url).protocol).toBe('https:');
      expect(link.label.trim()).not.toBe('');
    }
  });

  it.each(outcomeCases)('GIVEN outcome $id THEN the official docs come first, then the guides', ({ outcome }) => {
    const official = outcome.links.map((link) => isOfficialDocs(link.url));
    expect(official[0]).toBe(true);
    const firstGuide = official.indexOf(false);
    if (firstGuide !== -1) expect(official.slice(firstGuide)).not.toContain(true);
  });

  it.each(outcomeCases)('GIVEN outcome $id THEN its links fit one row of link buttons, labels included', ({ outcome }) => {
    expect(outcome.links.length).toBeLessThanOrEqual(LIMITS.rowComponents);
    for (const link of outcome.links) expect(link.label.length).toBeLessThanOrEqual(LIMITS.buttonLabel);
  });

  it.each(outcomeCases)('GIVEN outcome $id THEN no link appears twice', ({ outcome }) => {
    const urls = outcome.links.map((link) => link.url);
    expect(new Set(urls).size).toBe(urls.length);
  });

  it('GIVEN the links of every outcome THEN the official docs are the latest-release /3/ tree', () => {
    const officialUrls = outcomeCases.flatMap(({ outcome }) => outcome.links.map((link) => link.url)).filter(isOfficialDocs);
    for (const url of officialUrls) expect(new URL(url).pathname.startsWith('/3/'), url).toBe(true);
  });
});
