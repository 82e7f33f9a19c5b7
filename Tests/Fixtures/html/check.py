#!/usr/bin/env python3
"""Checks for the HTML report tests, with nothing beyond html5lib and the standard library.

    check.py validate FILE...   parse each file with html5lib's strict parser: exit 1 and the first error
                                (line, column, code) on any parse error
    check.py png FILE           print the PNG's width, height, distinct colours and the share of pixels that
                                differ from the top-left one (the background): a blank page has one colour
"""
import struct
import sys
import zlib


def validate(paths):
    import html5lib
    failed = False
    for path in paths:
        parser = html5lib.HTMLParser(strict=True)
        try:
            with open(path, "rb") as handle:
                parser.parse(handle)
        except Exception as error:  # html5lib raises ParseError at the first problem in strict mode
            position, code, data = parser.errors[0] if parser.errors else ((0, 0), str(error), {})
            print(f"{path}:{position[0]}:{position[1]}: {code} {data}")
            failed = True
    return 1 if failed else 0


def png(path):
    with open(path, "rb") as handle:
        data = handle.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    offset, chunks, header = 8, [], None
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        body = data[offset + 8:offset + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        offset += 12 + length
    width, height, depth, colour = header[:4]
    assert depth == 8 and colour in (2, 6), f"unexpected PNG format: depth {depth}, colour type {colour}"
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    previous = bytearray(stride)
    colours, different, background = set(), 0, None
    for row in range(height):
        start = row * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):  # undo the row's filter (PNG specification, section 9)
            left = line[i - channels] if i >= channels else 0
            up, corner = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                estimate = left + up - corner
                pa, pb, pc = abs(estimate - left), abs(estimate - up), abs(estimate - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        for x in range(0, stride, channels * 4):  # every fourth pixel is plenty to tell a page from a blank
            pixel = bytes(line[x:x + 3])
            background = background or pixel
            colours.add(pixel)
            different += pixel != background
        previous = line
    sampled = height * ((width + 3) // 4)
    print(f"{width} {height} {len(colours)} {different / sampled:.4f}")
    return 0


if __name__ == "__main__":
    command, arguments = sys.argv[1], sys.argv[2:]
    sys.exit(validate(arguments) if command == "validate" else png(arguments[0]))
