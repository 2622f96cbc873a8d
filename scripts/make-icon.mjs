// Draws assets/icon.png (512×512 RGBA): a rounded blue tile with a white ring and an "outpost"
// flag. Generated rather than drawn so the repo needs no image tools; run once, commit the PNG.
//   node scripts/make-icon.mjs
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const SIZE = 512;
const out = fileURLToPath(new URL('../assets/icon.png', import.meta.url));

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

// Coverage of a pixel by a shape, sampled 4×4 so edges are anti-aliased.
function coverage(x, y, inside) {
  let hits = 0;
  for (let sy = 0; sy < 4; sy++)
    for (let sx = 0; sx < 4; sx++) if (inside(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4)) hits++;
  return hits / 16;
}

const c = SIZE / 2;
const tile = (x, y) => {
  const r = 96;
  const m = 16;
  const dx = Math.max(m + r - x, 0, x - (SIZE - m - r));
  const dy = Math.max(m + r - y, 0, y - (SIZE - m - r));
  return dx * dx + dy * dy <= r * r;
};
const ring = (x, y) => {
  const d = Math.hypot(x - c, y - c + 10);
  return d <= 150 && d >= 104;
};
// A pennant on a pole, inside the ring: a flag planted at an outpost.
const pole = (x, y) => x >= c - 30 && x <= c - 14 && y >= 166 && y <= 322;
const flag = (x, y) =>
  x >= c - 14 && y >= 166 && y <= 226 && x <= c - 14 + 84 * (1 - Math.abs(y - 196) / 30);

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  const row = y * (SIZE * 4 + 1);
  raw[row] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    const a = coverage(x, y, tile);
    const w = Math.min(1, coverage(x, y, ring) + coverage(x, y, pole) + coverage(x, y, flag));
    // Blend white marks over the tile colour (#1c7ed6, Mantine blue 7).
    const [r, g, b] = [0x1c, 0x7e, 0xd6].map((v) => Math.round(v * (1 - w) + 255 * w));
    const i = row + 1 + x * 4;
    raw[i] = r;
    raw[i + 1] = g;
    raw[i + 2] = b;
    raw[i + 3] = Math.round(a * 255);
  }
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // colour type RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
mkdirSync(new URL('../assets/', import.meta.url), { recursive: true });
writeFileSync(out, png);
console.log(`Wrote ${out} (${png.length} bytes)`);
