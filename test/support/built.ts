/** Where `npm run build` (run once before the tests by build-once.ts) puts what the tests use. */
export const BUILT_PLAYGROUND_PAGE = new URL('../../dist/playground/', import.meta.url);
export const BUILT_MAIN = new URL('../../dist/main.js', import.meta.url);
