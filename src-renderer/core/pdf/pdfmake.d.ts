// The few parts of pdfmake 0.3's browser build that render.ts uses (the package ships no types;
// @types/pdfmake describes 0.2).
declare module 'pdfmake/build/pdfmake.js' {
  export interface OutputDocument {
    getBuffer(): Promise<Uint8Array>;
  }
  export interface PdfMake {
    addVirtualFileSystem(vfs: Record<string, string>): void;
    setUrlAccessPolicy(allow: (url: string) => boolean): void;
    createPdf(definition: Record<string, unknown>): OutputDocument;
  }
  const pdfMake: PdfMake;
  export default pdfMake;
}

declare module 'pdfmake/build/vfs_fonts.js' {
  /** Roboto's TTF files, base64, by file name. */
  const vfs: Record<string, string>;
  export default vfs;
}
