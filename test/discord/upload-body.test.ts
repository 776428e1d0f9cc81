import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { multipartBody } from '../../src/discord/upload-body.ts';

/** Reads a body back with the platform's own multipart parser, the one fetch uses. */
async function parse(upload: { body: Buffer; contentType: string }): Promise<FormData> {
  return new Response(new Uint8Array(upload.body), { headers: { 'Content-Type': upload.contentType } }).formData();
}

describe('multipartBody', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 13, 10, 45, 45, 255]);

  it('GIVEN a payload and a picture THEN a standard parser reads back the same JSON and the same bytes under files[0]', async () => {
    const payload = { type: 7, data: { content: 'Step 2 of 3 — "why?"\r\n', attachments: [{ id: '0', filename: 'decision-path-io.png' }] } };
    const form = await parse(multipartBody(payload, [{ name: 'decision-path-io.png', contentType: 'image/png', data: png }]));
    expect(JSON.parse(String(form.get('payload_json')))).toEqual(payload);
    const file = form.get('files[0]');
    expect(file).toBeInstanceOf(File);
    expect((file as File).name).toBe('decision-path-io.png');
    expect((file as File).type).toBe('image/png');
    expect(Buffer.from(await (file as File).arrayBuffer())).toEqual(png);
  });

  it('GIVEN several files THEN each arrives under its own index, in order', async () => {
    const files = ['a.png', 'b.png', 'c.png'].map((name, index) => ({ name, contentType: 'image/png', data: Buffer.from([index, index, index]) }));
    const form = await parse(multipartBody({}, files));
    for (const [index, expected] of files.entries()) {
      const file = form.get(`files[${index}]`) as File;
      expect(file.name).toBe(expected.name);
      expect(Buffer.from(await file.arrayBuffer())).toEqual(expected.data);
    }
  });

  it('GIVEN any bytes and any JSON text THEN both come back unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), fc.string(), async (bytes, text) => {
        const form = await parse(multipartBody({ text }, [{ name: 'x.bin', contentType: 'application/octet-stream', data: Buffer.from(bytes) }]));
        expect(JSON.parse(String(form.get('payload_json')))).toEqual({ text });
        expect(Buffer.from(await (form.get('files[0]') as File).arrayBuffer())).toEqual(Buffer.from(bytes));
      }),
      { numRuns: 200 },
    );
  });

  it('GIVEN a file name with a quote or a line break THEN the part headers stay intact and the name comes back whole', async () => {
    const form = await parse(multipartBody({}, [{ name: 'a"b\r\nc.png', contentType: 'image/png', data: png }]));
    expect((form.get('files[0]') as File).name).toBe('a"b\r\nc.png');
    expect(Buffer.from(await (form.get('files[0]') as File).arrayBuffer())).toEqual(png);
  });
});
