/**
 * The QR code on a certified extract's PDF (docs/adr/0031): the module matrix from the
 * `qrcode` package, drawn as vector squares (no raster image, so PDF/A needs nothing more
 * than paths). Error correction M: a printed and photocopied extract still scans.
 */
import QRCode from 'qrcode';

/** Dark (true) or light modules, row by row. */
export type QrMatrix = readonly (readonly boolean[])[];

export function qrMatrix(data: string): QrMatrix {
  const { modules } = QRCode.create(data, { errorCorrectionLevel: 'M' });
  return Array.from({ length: modules.size }, (_, row) =>
    Array.from({ length: modules.size }, (_, col) => modules.get(row, col) === 1),
  );
}

/** What drawing needs of a PDF (pdfkit's document has both). */
export interface RectTarget {
  rect(x: number, y: number, w: number, h: number): unknown;
  fill(color?: string): unknown;
}

/** The quiet zone around the symbol, in modules (ISO/IEC 18004 asks for four). */
export const QUIET_ZONE = 4;

/**
 * Draws the dark modules at (x, y), each `module` points wide; runs of dark modules in a row
 * are one rectangle (fewer operators, the same picture). Returns the rectangles drawn, in
 * module units relative to the symbol's corner: [row, col, width].
 */
export function drawQr(
  target: RectTarget,
  matrix: QrMatrix,
  x: number,
  y: number,
  module: number,
): [number, number, number][] {
  const runs: [number, number, number][] = [];
  matrix.forEach((row, r) => {
    for (let c = 0; c < row.length; c++) {
      if (!row[c]) continue;
      let end = c;
      while (end + 1 < row.length && row[end + 1]) end++;
      runs.push([r, c, end - c + 1]);
      target.rect(x + c * module, y + r * module, (end - c + 1) * module, module);
      c = end;
    }
  });
  if (runs.length > 0) target.fill('black');
  return runs;
}
