/**
 * The decision tree as a picture, the member's path highlighted. An adapter: the core never
 * imports it. At run time the bot only reads the pictures `npm run pictures` drew (stored.ts) and
 * describes them in words (alt-text.ts); drawing them (render/) needs resvg and the fonts, which
 * are build tools and never load in the bot. The tree drawn is the core's (src/core/tree.ts).
 */
export { describeTreePicture } from './alt-text.ts';
export { picturedPaths, storedPictureFile, storedPictures, type StoredPictures } from './stored.ts';
export { defaultTreeLabels, labelsFromKnowledge, type TreeLabels } from './labels.ts';
