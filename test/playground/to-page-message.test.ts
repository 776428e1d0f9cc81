import { describe, expect, it } from 'vitest';
import type { BackendMessage } from '../../src/playground/backend.ts';
import type { PageUser } from '../../src/playground/common/page-types.ts';
import { toPageMessage } from '../../src/playground/to-page-message.ts';

const bot: PageUser = { id: '9', name: 'Guide', bot: true };
const you: PageUser = { id: '1', name: 'you', bot: false };
const userById = (id: string): PageUser => (id === bot.id ? bot : you);

function message(overrides: Partial<BackendMessage>): BackendMessage {
  return { id: '100', channelId: '5', authorId: bot.id, content: '', embeds: [], components: [], attachments: [], ephemeral: false, createdAt: 0, ...overrides };
}

describe('toPageMessage', () => {
  it('GIVEN the server style names and Discord numbers THEN the library style names', () => {
    const row = ['primary', 'secondary', 'success', 'danger', 4, 'premium'].map((style) => ({ type: 'button' as const, label: 'x', style, customId: 'c' }));
    const page = toPageMessage(message({ components: [row] }), userById, []);
    expect(page.rows[0]?.map((component) => component.type === 'button' && component.style)).toEqual([
      'primary',
      'secondary',
      'success',
      'destructive',
      'destructive',
      'secondary',
    ]);
  });

  it('GIVEN a link button THEN it keeps an http(s) url and drops any other scheme', () => {
    const page = toPageMessage(
      message({
        components: [
          [
            { type: 'button', label: 'Docs', style: 'link', url: 'https://docs.python.org/3/' },
            { type: 'button', label: 'Evil', style: 'link', url: 'javascript:alert(1)' },
          ],
        ],
      }),
      userById,
      [],
    );
    expect(page.rows[0]?.map((component) => component.type === 'button' && [component.style, component.url])).toEqual([
      ['link', 'https://docs.python.org/3/'],
      ['link', null],
    ]);
  });

  it('GIVEN an embed colour number THEN a CSS hex colour', () => {
    const page = toPageMessage(message({ embeds: [{ title: 't', color: 0x3ba55c }, { color: 0x0000ff }] }), userById, []);
    expect(page.embeds.map((embed) => embed.color)).toEqual(['#3ba55c', '#0000ff']);
  });

  it('GIVEN a remote embed image THEN none, since the page works offline', () => {
    expect(toPageMessage(message({ embeds: [{ image: 'https://example.org/x.png' }] }), userById, []).embeds[0]?.imageUrl).toBeNull();
  });

  it('GIVEN an embed image that names the message attachment, as attachment:// or a CDN url THEN the served attachment', () => {
    const png = { filename: 'decision-path.png', contentType: 'image/png', size: 3, data: new Uint8Array([1, 2, 3]) };
    for (const image of ['attachment://decision-path.png', 'https://cdn.example/attachments/1/2/decision-path.png?ex=1']) {
      const page = toPageMessage(message({ embeds: [{ image }], attachments: [png] }), userById, []);
      expect(page.embeds[0]?.imageUrl).toBe('/attachments/100/0/decision-path.png');
      expect(page.attachments).toEqual([]);
    }
  });

  it('GIVEN a reply THEN a preview of the first line of the original; a vanished original is marked missing', () => {
    const original = message({ id: '7', authorId: you.id, content: 'why?\nsecond line' });
    expect(toPageMessage(message({ reference: '7' }), userById, [original]).replyTo).toEqual({ id: '7', author: you, excerpt: 'why?' });
    expect(toPageMessage(message({ reference: '8' }), userById, [original]).replyTo).toBe('missing');
  });

  it('GIVEN an edited, deferred message THEN edited and loading are shown', () => {
    const page = toPageMessage(message({ editedAt: 5, loading: true }), userById, []);
    expect([page.edited, page.loading]).toEqual([true, true]);
    expect(toPageMessage(message({}), userById, []).edited).toBe(false);
  });
});

describe('toPageMessage of a Components V2 message', () => {
  const png = { filename: 'tree.png', contentType: 'image/png', size: 3, data: new Uint8Array([1, 2, 3]) };
  const sketch = { filename: 'sketch.py', contentType: 'text/x-python', size: 3, data: new Uint8Array([1, 2, 3]) };
  const why = { type: 'button' as const, label: 'Why?', style: 'secondary', customId: 'why' };
  const v2 = message({
    attachments: [png, sketch],
    components: [[why]],
    layout: [
      {
        type: 'container',
        accentColor: 0x3ba55c,
        components: [
          { type: 'textDisplay', content: '## Use asyncio' },
          { type: 'separator', divider: true, spacing: 'large' },
          { type: 'mediaGallery', items: [{ url: 'attachment://tree.png', description: 'Your path' }, { url: 'https://example.org/remote.png' }] },
          { type: 'section', texts: ['Not sure?'], accessory: why },
          { type: 'file', url: 'attachment://sketch.py' },
        ],
      },
    ],
  });

  it('GIVEN a container THEN its accent colour in CSS, its pieces in order, and a picture served from the message with its alt text', () => {
    const [container] = toPageMessage(v2, userById, []).layout;
    expect(container).toMatchObject({ type: 'container', accentColor: '#3ba55c', spoiler: false });
    expect(container?.type === 'container' && container.children).toEqual([
      { type: 'text', markdown: '## Use asyncio' },
      { type: 'separator', divider: true, spacing: 'large' },
      {
        type: 'gallery',
        items: [
          { url: '/attachments/100/0/tree.png', alt: 'Your path', spoiler: false },
          // The page works offline: a remote picture has no url, only its alt text.
          { url: null, alt: null, spoiler: false },
        ],
      },
      { type: 'section', texts: ['Not sure?'], accessory: { type: 'button', label: 'Why?', style: 'secondary', customId: 'why', url: null, disabled: false, emoji: null } },
      { type: 'file', file: expect.objectContaining({ filename: 'sketch.py', url: '/attachments/100/1/sketch.py', isImage: false }), spoiler: false },
    ]);
  });

  it('GIVEN a V2 message THEN its buttons and files show in the layout only, not again as rows or attachments below it', () => {
    const page = toPageMessage(v2, userById, []);
    expect([page.rows, page.attachments, page.content, page.embeds]).toEqual([[], [], '', []]);
  });

  it('GIVEN a classic message THEN no layout', () => {
    expect(toPageMessage(message({ content: 'hi' }), userById, []).layout).toEqual([]);
  });
});
