#!/usr/bin/env node
// Draws Ramkoll's icons as PNG files in assets/ with nothing but node's zlib.
//
// The mark: a green frame (the "ram", the budget frame) holding two ledger
// lines and a check mark (the "koll"). Each pixel is sampled 4×4 times so
// edges are smooth at 16 px as well as at 256 px.
//
//   node scripts/make-icons.mjs            writes assets/*.png
//   node scripts/make-icons.mjs --check    exits 1 if a committed icon shows other pixels

import { deflateSync, inflateSync } from "node:zlib";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const assets = join(root, "assets");

const GREEN = [0x1b, 0x6e, 0x3f]; // deep ledger green
const LIGHT = [0x6f, 0xbf, 0x73]; // lighter green for the ledger lines
const WHITE = [0xff, 0xff, 0xff];

// ---------- PNG encoding ----------

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** rgba: Uint8Array of size*size*4, straight (not premultiplied) alpha. */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The header and the inflated pixel rows of a PNG: what it shows, whatever zlib packed it. */
function decodePng(png) {
  let offset = 8;
  let header = null;
  const idat = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString("ascii", offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") header = Buffer.from(data);
    if (type === "IDAT") idat.push(data);
    offset += 12 + length;
  }
  return { header, pixels: inflateSync(Buffer.concat(idat)) };
}

function samePicture(a, b) {
  try {
    const x = decodePng(a);
    const y = decodePng(b);
    return x.header !== null && y.header !== null && x.header.equals(y.header) && x.pixels.equals(y.pixels);
  } catch {
    return false;
  }
}

// ---------- shapes in unit coordinates (0..1, y down) ----------

/** Signed distance to a rounded rectangle centred at (cx, cy). */
function roundedRect(x, y, cx, cy, halfW, halfH, r) {
  const qx = Math.abs(x - cx) - (halfW - r);
  const qy = Math.abs(y - cy) - (halfH - r);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - r;
}

/** Distance to the segment a–b. */
function segment(x, y, ax, ay, bx, by) {
  const px = x - ax;
  const py = y - ay;
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - t * dx, py - t * dy);
}

/**
 * Which colour the point (x, y) has, or null for transparent.
 * filled: a green tile with the mark in white (the logo);
 * otherwise the mark in green on transparent (ribbon and store icons).
 */
function paint(x, y, size, filled) {
  // Small icons get thicker strokes so they stay legible.
  const small = size <= 20;
  const frameHalf = filled ? 0.34 : 0.44;
  const stroke = small ? 0.14 : filled ? 0.075 : 0.1;
  const tick = small ? 0.13 : filled ? 0.075 : 0.095;

  if (filled) {
    if (roundedRect(x, y, 0.5, 0.5, 0.5, 0.5, 0.18) > 0) return null;
  }
  const ink = filled ? WHITE : GREEN;

  // The frame: a rounded square ring.
  const outer = roundedRect(x, y, 0.5, 0.5, frameHalf, frameHalf, frameHalf * 0.28);
  const inner = roundedRect(x, y, 0.5, 0.5, frameHalf - stroke, frameHalf - stroke, frameHalf * 0.12);
  const inFrame = outer <= 0 && inner > 0;

  // The check mark, reaching out over the frame's right edge.
  const s = frameHalf / 0.44; // scale with the frame
  const ax = 0.5 - 0.2 * s;
  const ay = 0.5 + 0.02 * s;
  const bx = 0.5 - 0.04 * s;
  const by = 0.5 + 0.18 * s;
  const cx = 0.5 + 0.36 * s;
  const cy = 0.5 - 0.3 * s;
  const dCheck = Math.min(segment(x, y, ax, ay, bx, by), segment(x, y, bx, by, cx, cy));
  if (dCheck <= tick / 2) return ink;
  // A thin gap around the check where it crosses the frame, so both read.
  const gap = small ? 0 : tick * 0.45;
  if (inFrame && dCheck > tick / 2 + gap) return ink;

  // Two ledger lines in the upper left of the frame (left out at 16 px).
  if (!small) {
    const lineHalf = stroke * 0.32;
    const x0 = 0.5 - (frameHalf - stroke) + 0.06 * s;
    const lines = [
      [0.5 - 0.21 * s, 0.5 + 0.08 * s],
      [0.5 - 0.09 * s, 0.5 - 0.1 * s],
    ];
    for (const [ly, x1] of lines) {
      if (segment(x, y, x0, ly, x1, ly) <= lineHalf && dCheck > tick / 2 + gap) {
        return filled ? WHITE : LIGHT;
      }
    }
  }
  return null;
}

function render(size, filled) {
  const samples = 4;
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          let c = paint(x, y, size, filled);
          if (c === null && filled && roundedRect(x, y, 0.5, 0.5, 0.5, 0.5, 0.18) <= 0) c = GREEN;
          if (c !== null) {
            r += c[0];
            g += c[1];
            b += c[2];
            a += 1;
          }
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
        rgba[i + 3] = Math.round((255 * a) / (samples * samples));
      }
    }
  }
  return encodePng(size, rgba);
}

const ICONS = [
  { file: "icon-16.png", size: 16, filled: false },
  { file: "icon-32.png", size: 32, filled: false },
  { file: "icon-64.png", size: 64, filled: false },
  { file: "icon-80.png", size: 80, filled: false },
  { file: "icon-128.png", size: 128, filled: false },
  { file: "logo-filled.png", size: 256, filled: true },
];

const check = process.argv.includes("--check");
mkdirSync(assets, { recursive: true });
let stale = 0;
for (const { file, size, filled } of ICONS) {
  const png = render(size, filled);
  const path = join(assets, file);
  if (check) {
    if (!existsSync(path) || !samePicture(readFileSync(path), png)) {
      console.error(`assets/${file} differs from what scripts/make-icons.mjs draws`);
      stale++;
    }
  } else {
    writeFileSync(path, png);
    console.log(`assets/${file}  ${size}×${size}  ${png.length} bytes`);
  }
}
if (stale > 0) process.exit(1);
