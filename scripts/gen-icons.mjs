// Draws the extension icon (images/icon.png, 128×128) and the file icon (images/ogi-file.svg): a red seal
// with 公开 in white strokes. No font is needed: the two characters are drawn from the stroke list below.
// Run: node scripts/gen-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const RED = [198, 40, 40];
const WHITE = [255, 255, 255];

/** Strokes of 公开 as polylines in a 128×128 box. */
const STROKES = [
  // 公
  [
    [36, 31],
    [22, 55],
  ],
  [
    [44, 31],
    [57, 53],
  ],
  [
    [38, 60],
    [25, 90],
    [55, 85],
  ],
  [
    [47, 71],
    [56, 83],
  ],
  // 开
  [
    [73, 38],
    [105, 38],
  ],
  [
    [70, 64],
    [108, 64],
  ],
  [
    [83, 38],
    [83, 72],
    [73, 96],
  ],
  [
    [97, 38],
    [97, 98],
  ],
];

const SEAL = { x: 4, y: 4, size: 120, radius: 16 };
const RING = { x: 13, y: 13, size: 102, radius: 9, width: 4 };

// ---- geometry ----
function segmentDistance(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax,
    dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
function inStroke(px, py, width) {
  for (const line of STROKES) {
    for (let i = 1; i < line.length; i++) if (segmentDistance(px, py, line[i - 1], line[i]) <= width / 2) return true;
  }
  return false;
}
/** Signed distance to a rounded square (negative inside). */
function roundedSquare(px, py, { x, y, size, radius }) {
  const cx = x + size / 2,
    cy = y + size / 2,
    h = size / 2 - radius;
  const qx = Math.abs(px - cx) - h,
    qy = Math.abs(py - cy) - h;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

// ---- PNG ----
function colourAt(px, py) {
  if (roundedSquare(px, py, SEAL) > 0) return null;
  if (Math.abs(roundedSquare(px, py, RING)) <= RING.width / 2) return WHITE;
  return inStroke(px, py, 8) ? WHITE : RED;
}

function drawPng(size = 128, samples = 4) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = colourAt(((x + (sx + 0.5) / samples) * 128) / size, ((y + (sy + 0.5) / samples) * 128) / size);
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            a++;
          }
        }
      }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      const n = samples * samples;
      if (a > 0) {
        raw[o] = Math.round(r / a);
        raw[o + 1] = Math.round(g / a);
        raw[o + 2] = Math.round(b / a);
      }
      raw[o + 3] = Math.round((a / n) * 255);
    }
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0; // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// ---- SVG file icon: the seal without its inner ring, thicker strokes for 16 px ----
function drawSvg() {
  const hex = (c) => `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
  const paths = STROKES.map((line) => `M${line.map(([x, y]) => `${x} ${y}`).join('L')}`).join('');
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 128 128">',
    `  <rect x="${SEAL.x}" y="${SEAL.y}" width="${SEAL.size}" height="${SEAL.size}" rx="${SEAL.radius}" fill="${hex(RED)}"/>`,
    `  <path d="${paths}" fill="none" stroke="${hex(WHITE)}" stroke-width="11" stroke-linecap="round" stroke-linejoin="round"/>`,
    '</svg>',
    '',
  ].join('\n');
}

const dir = new URL('../images/', import.meta.url);
mkdirSync(dir, { recursive: true });
writeFileSync(new URL('icon.png', dir), drawPng());
writeFileSync(new URL('ogi-file.svg', dir), drawSvg());
process.stdout.write('wrote images/icon.png, images/ogi-file.svg\n');
