// Draws the app icons (three linked circles: communes sharing services) and writes them as PNG.
// Plain Node, no canvas library: a 4×4 supersampled rasteriser and a minimal PNG encoder.
// Run `pnpm --filter @mutualis/pwa icons` after changing the drawing; the PNGs are committed.
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

const outDir = path.resolve(import.meta.dirname, '../public/icons')
const navy = [29, 63, 114]
const white = [255, 255, 255]
const gold = [245, 196, 81]

/** Shapes in a 0..1 square; `maskable` keeps them inside the 80 % safe zone and fills the background. */
function shapes(maskable) {
  const scale = maskable ? 0.72 : 0.9
  const at = (x, y) => [0.5 + (x - 0.5) * scale, 0.5 + (y - 0.5) * scale]
  const nodes = [at(0.5, 0.27), at(0.27, 0.68), at(0.73, 0.68)]
  const links = [[0, 1], [1, 2], [2, 0]]
  return { nodes, links, radius: 0.12 * scale, linkWidth: 0.05 * scale, hub: at(0.5, 0.545), hubRadius: 0.06 * scale }
}

function distanceToSegment([px, py], [ax, ay], [bx, by]) {
  const dx = bx - ax
  const dy = by - ay
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy))
}

function insideRoundedSquare(x, y, radius) {
  const cx = Math.min(Math.max(x, radius), 1 - radius)
  const cy = Math.min(Math.max(y, radius), 1 - radius)
  return Math.hypot(x - cx, y - cy) <= radius
}

/** The colour of one point, or null when transparent. */
function colourAt(x, y, maskable, s) {
  if (!maskable && !insideRoundedSquare(x, y, 0.18)) return null
  if (Math.hypot(x - s.hub[0], y - s.hub[1]) <= s.hubRadius) return gold
  if (s.nodes.some(([nx, ny]) => Math.hypot(x - nx, y - ny) <= s.radius)) return white
  if (s.links.some(([a, b]) => distanceToSegment([x, y], s.nodes[a], s.nodes[b]) <= s.linkWidth / 2)) return white
  return navy
}

function render(size, maskable) {
  const s = shapes(maskable)
  const samples = 4
  const pixels = Buffer.alloc(size * size * 4)
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0]
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = colourAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size, maskable, s)
          if (!colour) continue
          sum[0] += colour[0]
          sum[1] += colour[1]
          sum[2] += colour[2]
          sum[3] += 1
        }
      }
      const offset = (py * size + px) * 4
      const covered = sum[3]
      pixels[offset] = covered ? Math.round(sum[0] / covered) : 0
      pixels[offset + 1] = covered ? Math.round(sum[1] / covered) : 0
      pixels[offset + 2] = covered ? Math.round(sum[2] / covered) : 0
      pixels[offset + 3] = Math.round((covered / samples ** 2) * 255)
    }
  }
  return encodePng(size, pixels)
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(buffer) {
  let c = 0xffffffff
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}
function encodePng(size, rgba) {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.set([8, 6, 0, 0, 0], 8) // 8-bit RGBA, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1))
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4)
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10])
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))])
}

fs.mkdirSync(outDir, { recursive: true })
const icons = [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['icon-maskable-512.png', 512, true],
  ['apple-touch-icon-180.png', 180, true],
  ['favicon-32.png', 32, false],
]
for (const [name, size, maskable] of icons) {
  fs.writeFileSync(path.join(outDir, name), render(size, maskable))
  console.log(`${name} ${size}×${size}${maskable ? ' (maskable)' : ''}`)
}
