/**
 * The decision tree as a picture: SVG laid out in code, PNG rendered with resvg and the
 * bundled Source Sans 3, the user's path highlighted. An adapter: the core never imports it.
 */
export { describeTreePicture } from './alt-text.ts';
export { createTreePictureCache, type TreePictureCache, type TreePictureCacheOptions } from './cache.ts';
export { writeTreeDiagramFiles, type TreeDiagramFiles } from './files.ts';
export { defaultTreeLabels, labelsFromKnowledge, type TreeLabels } from './labels.ts';
export { renderTreePng } from './png.ts';
export { renderTreeSvg, type TreePictureOptions } from './svg.ts';
export { outcomePaths, TreePathError } from './tree.ts';
