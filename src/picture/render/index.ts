/**
 * Drawing the tree: SVG laid out in code, PNG rendered with resvg and the bundled Source Sans 3.
 * Build time only (`npm run pictures`, tests): the bot reads the PNGs this writes.
 */
export { currentPictureManifest, PICTURE_MANIFEST, writePictureFiles, writeTreeDiagramFiles, type PictureManifest, type TreeDiagramFiles } from './files.ts';
export { renderTreePng } from './png.ts';
export { renderTreeSvg, type TreePictureOptions } from './svg.ts';
