// opentype.js 2 ships no type declarations; this covers the little the picture uses.
declare module 'opentype.js' {
  export interface Font {
    readonly unitsPerEm: number;
    readonly tables: { readonly os2?: { readonly sCapHeight?: number } };
    getAdvanceWidth(text: string, fontSize: number): number;
  }
  export function parse(buffer: ArrayBuffer, options?: { readonly lowMemory?: boolean }): Font;
  const opentype: { parse: typeof parse };
  export default opentype;
}
