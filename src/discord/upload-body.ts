import { randomBytes } from 'node:crypto';

/** A file to upload with a message, as Discord's upload endpoints take it. */
export interface UploadFile {
  readonly name: string;
  readonly contentType: string;
  readonly data: Buffer;
}

/** A request body ready to send, and the Content-Type header that goes with it. */
export interface UploadBody {
  readonly body: Buffer;
  readonly contentType: string;
}

// One boundary per process: random, so no PNG or text can contain it by accident.
const BOUNDARY = `----concurrency-guide-${randomBytes(18).toString('hex')}`;
const CRLF = '\r\n';

/** Quoted-string parameters in a part's headers may not carry quotes or line breaks (RFC 7578 §4.2). */
function quoted(value: string): string {
  return `"${value.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}"`;
}

/**
 * The multipart/form-data body Discord documents for uploads: the JSON payload as `payload_json`,
 * then each file as `files[n]`. It is joined from Buffers in one piece: discord.js would stream
 * each upload through FormData and Blob readers, which costs about a millisecond of CPU per picture.
 *
 * @example multipartBody({ type: 7, data }, [{ name: 'tree.png', contentType: 'image/png', data: png }])
 */
export function multipartBody(payload: unknown, files: readonly UploadFile[]): UploadBody {
  const parts: Buffer[] = [
    Buffer.from(`--${BOUNDARY}${CRLF}Content-Disposition: form-data; name="payload_json"${CRLF}Content-Type: application/json${CRLF}${CRLF}${JSON.stringify(payload)}${CRLF}`),
  ];
  for (const [index, file] of files.entries()) {
    parts.push(
      Buffer.from(`--${BOUNDARY}${CRLF}Content-Disposition: form-data; name="files[${index}]"; filename=${quoted(file.name)}${CRLF}Content-Type: ${file.contentType}${CRLF}${CRLF}`),
      file.data,
      Buffer.from(CRLF),
    );
  }
  parts.push(Buffer.from(`--${BOUNDARY}--${CRLF}`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${BOUNDARY}` };
}
