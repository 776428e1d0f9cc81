import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/*
 * Discord signs every request to the interactions endpoint with the app's Ed25519 key, over the
 * timestamp header followed by the raw body. Node verifies Ed25519 itself (node:crypto, since
 * Node 12), so no library is needed for it: the key from the portal is the raw 32-byte public key
 * in hex, which node:crypto takes wrapped as a JWK.
 */

const PUBLIC_KEY_HEX = /^[0-9a-f]{64}$/i;
const SIGNATURE_HEX = /^[0-9a-f]{128}$/i;

/** The app's public key, from the hex the portal shows; throws when it is not 64 hex digits. */
export function publicKeyFromHex(hex: string): KeyObject {
  if (!PUBLIC_KEY_HEX.test(hex)) throw new Error('the public key must be 64 hex digits');
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(hex, 'hex').toString('base64url') }, format: 'jwk' });
}

/**
 * Whether Discord signed this request: both headers present, the signature 64 bytes of hex, and
 * valid for timestamp + body under the app's key.
 */
export function isSignedByDiscord(key: KeyObject, body: Buffer, signature: string | undefined, timestamp: string | undefined): boolean {
  if (signature === undefined || timestamp === undefined || timestamp === '' || !SIGNATURE_HEX.test(signature)) return false;
  return verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), key, Buffer.from(signature, 'hex'));
}
