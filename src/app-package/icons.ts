/**
 * Hvem's mark, drawn in code so it stays crisp and reproducible: a person (the
 * "who") in a speech bubble. The color icon is white on Hvem's teal; the outline
 * icon is white on transparent, as Teams requires.
 */
import { encodePng } from "./png.js";

const TEAL: readonly [number, number, number] = [0x0f, 0x6b, 0x6b];
const SUPERSAMPLE = 4;

/** Shapes in a 0..1 square: is the point inside the mark? */
function inMark(x: number, y: number): boolean {
  const bubble = roundedRect(x, y, 0.14, 0.16, 0.86, 0.74, 0.14) || triangle(x, y, [0.3, 0.72], [0.46, 0.72], [0.26, 0.88]);
  if (!bubble) return false;
  const head = (x - 0.5) ** 2 + (y - 0.36) ** 2 < 0.095 ** 2;
  const shoulders = (x - 0.5) ** 2 / 0.2 ** 2 + (y - 0.66) ** 2 / 0.16 ** 2 < 1 && y < 0.66;
  // The person is cut out of the bubble.
  return !(head || shoulders);
}

function roundedRect(x: number, y: number, x0: number, y0: number, x1: number, y1: number, r: number): boolean {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function triangle(x: number, y: number, a: number[], b: number[], c: number[]): boolean {
  const side = (p: number[], q: number[]) => ((q[0] ?? 0) - (p[0] ?? 0)) * (y - (p[1] ?? 0)) - ((q[1] ?? 0) - (p[1] ?? 0)) * (x - (p[0] ?? 0));
  const s1 = side(a, b);
  const s2 = side(b, c);
  const s3 = side(c, a);
  return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
}

/** Coverage of the mark in pixel (px, py), 0..1, by supersampling. */
function coverage(px: number, py: number, size: number, inset: number): number {
  let hits = 0;
  for (let sy = 0; sy < SUPERSAMPLE; sy++) {
    for (let sx = 0; sx < SUPERSAMPLE; sx++) {
      const x = ((px + (sx + 0.5) / SUPERSAMPLE) / size - inset) / (1 - 2 * inset);
      const y = ((py + (sy + 0.5) / SUPERSAMPLE) / size - inset) / (1 - 2 * inset);
      if (inMark(x, y)) hits++;
    }
  }
  return hits / SUPERSAMPLE ** 2;
}

export function drawColorIcon(size = 192): Buffer {
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const a = coverage(x, y, size, 0.12);
      const i = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) rgba[i + c] = Math.round((TEAL[c] ?? 0) * (1 - a) + 255 * a);
      rgba[i + 3] = 255;
    }
  }
  return encodePng(size, size, rgba);
}

export function drawOutlineIcon(size = 32): Buffer {
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      rgba.set([255, 255, 255, Math.round(255 * coverage(x, y, size, 0.02))], i);
    }
  }
  return encodePng(size, size, rgba);
}
