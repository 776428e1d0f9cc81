import { describe, expect, it } from 'vitest';
import { outcomePaths, TreePathError } from '../../src/core/tree.ts';
import { describeTreePicture } from '../../src/picture/alt-text.ts';
import { renderTreeSvg } from '../../src/picture/render/svg.ts';
import { fakeLabels } from './fake-labels.ts';
import { drawnText, parseSvg, squeeze } from './svg-reading.ts';

describe('describeTreePicture', () => {
  it('GIVEN an outcome path THEN it reads each question, the answer given and the outcome, in order', () => {
    expect(describeTreePicture(['io', 'asyncio'], fakeLabels)).toBe(
      'Pick a concurrency API Question about workload? → Answer io → Question about ioModel? → Answer asyncio → Outcome asyncio',
    );
  });

  it('GIVEN every member path THEN each question, answer and outcome it reads out is drawn in that member’s picture', () => {
    for (const path of outcomePaths()) {
      const drawn = squeeze(drawnText(parseSvg(renderTreeSvg(path, { labels: fakeLabels }))));
      const steps = describeTreePicture(path, fakeLabels).slice(fakeLabels.heading.length).split(' → ');
      expect(steps).toHaveLength(2 * path.length + 1);
      for (const step of steps) expect(drawn).toContain(squeeze(step));
    }
  });

  it('GIVEN the empty path THEN it names the heading and the first question only', () => {
    expect(describeTreePicture([], fakeLabels)).toBe('Pick a concurrency API Question about workload?');
  });

  it('GIVEN very long labels THEN it stays within Discord’s 1,024 characters for a description', () => {
    const wordy = { ...fakeLabels, question: () => 'why? '.repeat(200) };
    const description = describeTreePicture(['io', 'threads', 'pool', 'map'], wordy);
    expect(description.length).toBeLessThanOrEqual(1024);
    expect(description.endsWith('…')).toBe(true);
  });

  it('GIVEN a path the guide rejects THEN it throws a TreePathError', () => {
    expect(() => describeTreePicture(['cpu', 'asyncio'], fakeLabels)).toThrow(TreePathError);
  });
});
