import type { ServerResponse } from 'node:http';
import type { World } from '../world.ts';

/** Serves `/attachments/{channel}/{attachment}/{filename}`, the URLs message objects carry. */
export function serveAttachment(world: World, path: string, response: ServerResponse): boolean {
  const match = /^\/attachments\/(\d+)\/(\d+)\/[^/]+$/.exec(path);
  if (match === null) return false;
  const attachment = world
    .channelMessages(match[1] ?? '')
    .flatMap((message) => message.attachments)
    .find((candidate) => candidate.id === match[2]);
  if (attachment === undefined) {
    response.writeHead(404, { 'Content-Type': 'application/json' }).end('{"message":"404: Not Found","code":0}');
    return true;
  }
  response.writeHead(200, { 'Content-Type': attachment.contentType ?? 'application/octet-stream', 'Content-Length': attachment.data.length }).end(attachment.data);
  return true;
}
