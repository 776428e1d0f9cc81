import type { IncomingMessage } from 'node:http';
import { ApiError, apiErrors } from '../errors.ts';

/** Discord's upload ceiling for bots without boosts, with room for the JSON around the files. */
const MAX_BODY_BYTES = 26 * 1024 * 1024;

export interface UploadedFile {
  /** The form field, e.g. `files[0]`. */
  readonly field: string;
  readonly filename: string;
  readonly contentType?: string;
  readonly data: Buffer;
}

export interface ParsedBody {
  /** The JSON body, or `payload_json` of a multipart body; undefined when there is none. */
  readonly json: unknown;
  readonly files: readonly UploadedFile[];
}

/** Reads and decodes a request body: JSON, or multipart with `payload_json` and `files[n]`. */
export async function readBody(request: IncomingMessage): Promise<ParsedBody> {
  const raw = await readRaw(request);
  if (raw.length === 0) return { json: undefined, files: [] };
  const contentType = request.headers['content-type'] ?? '';
  if (contentType.startsWith('multipart/form-data')) return readMultipart(raw, contentType);
  return { json: parseJson(raw.toString('utf8')), files: [] };
}

async function readRaw(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    // Keep draining so the client sees the 413 rather than a reset socket.
    if (size > MAX_BODY_BYTES) tooLarge = true;
    else chunks.push(buffer);
  }
  if (tooLarge) throw apiErrors.tooLarge();
  return Buffer.concat(chunks);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw apiErrors.invalidJson();
  }
}

async function readMultipart(raw: Buffer, contentType: string): Promise<ParsedBody> {
  let form: FormData;
  try {
    form = await new Request('http://local.invalid/', { method: 'POST', headers: { 'content-type': contentType }, body: new Uint8Array(raw) }).formData();
  } catch {
    throw new ApiError(400, 50035, 'Invalid Form Body', { _errors: [{ code: 'MULTIPART_INVALID', message: 'The multipart body could not be parsed.' }] });
  }
  let json: unknown;
  const files: UploadedFile[] = [];
  const parts: [string, FormDataEntryValue][] = [];
  form.forEach((value, field) => parts.push([field, value]));
  for (const [field, value] of parts) {
    if (field === 'payload_json' && typeof value === 'string') json = parseJson(value);
    else if (typeof value !== 'string') {
      files.push({ field, filename: value.name, ...(value.type === '' ? {} : { contentType: value.type }), data: Buffer.from(await value.arrayBuffer()) });
    }
  }
  return { json, files };
}
