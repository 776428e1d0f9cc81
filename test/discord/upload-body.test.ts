import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UploadBodyPool, type UploadFile } from '../../src/discord/upload-body.ts';

/** A body from a pool of its own, as a single upload would get it. */
const multipartBody = (payload: unknown, files: readonly UploadFile[]) => new UploadBodyPool().write(payload, files);

/** Reads a body back with the platform's own multipart parser, the one fetch uses. */
async function parse(upload: { body: Buffer; contentType: string }): Promise<FormData> {
  return new Response(new Uint8Array(upload.body), { headers: { 'Content-Type': upload.contentType } }).formData();
}

describe('UploadBodyPool.write', () => {
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

describe('UploadBodyPool', () => {
  const picture = (size: number, fill: number): UploadFile => ({ name: 'p.png', contentType: 'image/png', data: Buffer.alloc(size, fill) });
  const fileBytes = async (body: { body: Buffer; contentType: string }) => Buffer.from(await ((await parse(body)).get('files[0]') as File).arrayBuffer());

  it('GIVEN a released body THEN the next one reuses its memory and still reads back exactly, with nothing left of the first', async () => {
    const pool = new UploadBodyPool();
    const first = pool.write({ text: 'a longer payload than the next one' }, [picture(3000, 1)]);
    const memory = first.body.buffer;
    first.release();
    const second = pool.write({ text: 'short' }, [picture(1000, 2)]);
    expect(second.body.buffer).toBe(memory);
    expect(JSON.parse(String((await parse(second)).get('payload_json')))).toEqual({ text: 'short' });
    expect(await fileBytes(second)).toEqual(Buffer.alloc(1000, 2));
  });

  it('GIVEN two bodies in flight at once THEN they never share memory and both read back whole', async () => {
    const pool = new UploadBodyPool();
    const first = pool.write({ n: 1 }, [picture(2000, 1)]);
    first.release();
    const second = pool.write({ n: 2 }, [picture(2000, 2)]);
    const third = pool.write({ n: 3 }, [picture(2000, 3)]);
    expect(third.body.buffer).not.toBe(second.body.buffer);
    expect(await fileBytes(second)).toEqual(Buffer.alloc(2000, 2));
    expect(await fileBytes(third)).toEqual(Buffer.alloc(2000, 3));
  });

  it('GIVEN a body bigger than the buffer waiting THEN it gets a big enough one', async () => {
    const pool = new UploadBodyPool();
    pool.write({}, [picture(100, 1)]).release();
    const big = pool.write({}, [picture(200 * 1024, 7)]);
    expect(await fileBytes(big)).toEqual(Buffer.alloc(200 * 1024, 7));
  });

  it('GIVEN a body released twice THEN its buffer goes back once, so it is never handed to two requests', () => {
    const pool = new UploadBodyPool();
    const body = pool.write({}, [picture(10, 1)]);
    body.release();
    body.release();
    expect(pool.idleCount).toBe(1);
    const a = pool.write({}, [picture(10, 2)]);
    const b = pool.write({}, [picture(10, 3)]);
    expect(a.body.buffer).not.toBe(b.body.buffer);
  });

  it('GIVEN more releases than it keeps THEN it keeps at most its limit', () => {
    const pool = new UploadBodyPool(2);
    const bodies = [1, 2, 3].map((n) => pool.write({ n }, [picture(10, n)]));
    for (const body of bodies) body.release();
    expect(pool.idleCount).toBe(2);
  });
});
