// Draws the app icons (public/icon-192.png, public/icon-512.png) with no dependency but node's zlib, from the
// same shapes as public/icon.svg: a blue rounded square and two linked rings, the two zones of Lanzhou and
// Baiyin. No text in the image (CJK glyphs would need a font). Run once after changing the design:
//   node scripts/icons.mjs        (the PNGs are committed)
import { deflateSync } from "node:zlib";
import { writeFileSync } from "node:fs";

const BLUE = [11, 92, 173], WHITE = [255, 255, 255], PALE = [183, 211, 240];

/** Colour at (x, y) in the 0..1 square: background, then rings, as the SVG paints them. */
function paint(x, y) {
  const r = 0.18; // corner radius
  const cx = Math.min(Math.max(x, r), 1 - r), cy = Math.min(Math.max(y, r), 1 - r);
  if (Math.hypot(x - cx, y - cy) > r) return null; // outside the rounded square: transparent
  const ring = (ox, oy) => Math.abs(Math.hypot(x - ox, y - oy) - 0.2) < 0.055;
  if (ring(0.62, 0.5)) return PALE;
  if (ring(0.38, 0.5)) return WHITE;
  return BLUE;
}

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (const b of buf) {
    c = (crc ^ b) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size) {
  const S = 4; // 4×4 supersampling for smooth edges
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      let rgb = [0, 0, 0], a = 0;
      for (let sy = 0; sy < S; sy++) for (let sx = 0; sx < S; sx++) {
        const c = paint((x + (sx + 0.5) / S) / size, (y + (sy + 0.5) / S) / size);
        if (c) { rgb = rgb.map((v, i) => v + c[i]); a++; }
      }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      if (a) for (let i = 0; i < 3; i++) raw[o + i] = Math.round(rgb[i] / a);
      raw[o + 3] = Math.round((255 * a) / (S * S));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0)),
  ]);
}

for (const size of [192, 512]) {
  writeFileSync(new URL(`../public/icon-${size}.png`, import.meta.url), png(size));
  console.log(`icons.mjs: public/icon-${size}.png`);
}
