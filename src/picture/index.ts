/**
 * The decision tree as a picture: SVG laid out in code, PNG rendered with resvg and the
 * bundled Source Sans 3, the user's path highlighted. An adapter: the core never imports it.
 * The tree it draws, its paths and the TreePathError thrown for a rejected one are the core's
 * (src/core/tree.ts), so there is one model of the tree.
 */
export { describeTreePicture } from './alt-text.ts';
export { createTreePictureCache, type TreePictureCache, type TreePictureCacheOptions } from './cache.ts';
export { writeTreeDiagramFiles, type TreeDiagramFiles } from './files.ts';
export { defaultTreeLabels, labelsFromKnowledge, type TreeLabels } from './labels.ts';
export { renderTreePng } from './png.ts';
export { renderTreeSvg, type TreePictureOptions } from './svg.ts';
