#!/usr/bin/env python3
"""Draws the ClaimLens toolbar icons (16, 32, 48, 128 px PNG) into extension/icons/.

A magnifying lens over a speech mark, drawn from geometry with 4x4 supersampling; only the
standard library (zlib) is used, so the icons are reproducible and no artwork is copied.
Run again after changing the drawing: python3 scripts/make_icons.py
"""
import math
import os
import struct
import zlib

BLUE = (29, 78, 216)      # lens ring and handle
PAPER = (255, 255, 255)   # lens glass
QUOTE = (217, 119, 6)     # the quotation mark inside the lens


def sample(x, y):
    """Colour (r, g, b, a) at a point of the unit square (0..1, y downwards)."""
    cx, cy, r_out, r_in = 0.42, 0.42, 0.36, 0.26
    d = math.hypot(x - cx, y - cy)
    # handle: a thick segment from the ring towards the bottom-right corner
    hx0, hy0, hx1, hy1, hw = 0.66, 0.66, 0.92, 0.92, 0.09
    t = max(0.0, min(1.0, ((x - hx0) * (hx1 - hx0) + (y - hy0) * (hy1 - hy0)) /
                     ((hx1 - hx0) ** 2 + (hy1 - hy0) ** 2)))
    dh = math.hypot(x - (hx0 + t * (hx1 - hx0)), y - (hy0 + t * (hy1 - hy0)))
    if r_in <= d <= r_out or (dh <= hw and d > r_in):
        return BLUE + (255,)
    if d < r_in:
        # two quote commas: a dot with a short tail, side by side
        for qx in (0.33, 0.50):
            qy = 0.38
            if math.hypot(x - qx, y - qy) <= 0.055:
                return QUOTE + (255,)
            if qx - 0.055 <= x <= qx + 0.01 and qy <= y <= qy + 0.13 and \
                    (x - (qx - 0.055)) >= (y - qy) * 0.45:
                return QUOTE + (255,)
        return PAPER + (255,)
    return (0, 0, 0, 0)


def render(size, ss=4):
    rows = []
    for py in range(size):
        row = bytearray([0])  # filter type 0
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(ss):
                for sx in range(ss):
                    r, g, b, a = sample((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size)
                    acc[0] += r * a
                    acc[1] += g * a
                    acc[2] += b * a
                    acc[3] += a
            n = ss * ss
            alpha = acc[3] / n
            if acc[3]:
                row += bytes([round(acc[0] / acc[3]), round(acc[1] / acc[3]), round(acc[2] / acc[3]), round(alpha)])
            else:
                row += bytes([0, 0, 0, 0])
        rows.append(bytes(row))
    return b"".join(rows)


def png(size, pixels):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    ihdr = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(pixels, 9)) + chunk(b"IEND", b"")


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "extension", "icons")
    os.makedirs(out, exist_ok=True)
    for size in (16, 32, 48, 128):
        with open(os.path.join(out, f"icon-{size}.png"), "wb") as f:
            f.write(png(size, render(size)))


if __name__ == "__main__":
    main()
