#!/usr/bin/env python3
"""Single-feature pathological inputs for tests/bench/pathological_bench.sh (standard library only).

    tests/bench/pathological_data.py OUTDIR [--scale S]

writes into OUTDIR (S scales every size; 1 is the benchmark, 0.1 a quick check):
  ring1m.geojson     one polygon whose ring has 1,000,000 vertices (star-shaped around Guiyang, simple)
  parts100k.geojson  one multipolygon of 100,000 squares (500,000 vertices)
  text10mb.geojson   one feature holding a 9.99 MB text value (Chinese and ASCII, all in GBK; 10^7 bytes is GDAL's GeoJSON
                     string limit) and three ordinary ones
  fields1998.geojson 1,998 text fields (2,000 columns with fid and geometry: SQLite's limit for a GeoPackage),
                     names longer than the DBF's 10 bytes with one shared prefix, ten features
  wkt100k.csv        ~2 MB CSV whose WKT column holds a 100,000-vertex LINESTRING, plus five ordinary rows
and prints one line per file: name, vertices, bytes.
"""
import json
import math
import os
import sys

CX, CY = 106.71, 26.57  # Guiyang


def coord(x, y):
    return "[%.6f,%.6f]" % (x, y)


def ring_star(n, r=0.3, cx=CX, cy=CY):
    pts = []
    for k in range(n):
        a = 2 * math.pi * k / n
        rr = r * (1 + 0.15 * math.sin(37 * a) + 0.05 * math.sin(1001 * a))
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    pts.append(pts[0])
    return pts


def write_geojson(path, features):
    with open(path, "w", encoding="utf-8") as f:
        f.write('{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},"features":[\n')
        for i, (props, geom) in enumerate(features):
            f.write(',\n' if i else '')
            f.write('{"type":"Feature","properties":')
            f.write(json.dumps(props, ensure_ascii=False))
            f.write(',"geometry":')
            f.write(geom)
            f.write('}')
        f.write('\n]}\n')


def polygon(rings):
    return '{"type":"Polygon","coordinates":[' + ",".join("[" + ",".join(coord(x, y) for x, y in r) + "]" for r in rings) + "]}"


def square(x, y, d):
    return [(x, y), (x + d, y), (x + d, y + d), (x, y + d), (x, y)]


def ordinary(i):
    return ({"id": i, "name": "普通地块 %d" % i, "landuse": "耕地"}, polygon([square(CX + 0.5 + 0.01 * i, CY, 0.005)]))


def main():
    out = sys.argv[1]
    scale = float(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[2] == "--scale" else 1.0
    os.makedirs(out, exist_ok=True)
    report = []

    n = int(1_000_000 * scale)
    write_geojson(os.path.join(out, "ring1m.geojson"), [({"id": 1, "name": "一百万个顶点的环", "landuse": "林地"}, polygon([ring_star(n)]))])
    report.append(("ring1m.geojson", n + 1))

    parts = int(100_000 * scale)
    side = math.ceil(math.sqrt(parts))
    d = 0.4 / side
    polys = []
    for k in range(parts):
        x, y = CX - 0.2 + (k % side) * d, CY - 0.2 + (k // side) * d
        polys.append("[[" + ",".join(coord(px, py) for px, py in square(x, y, d * 0.8)) + "]]")
    geom = '{"type":"MultiPolygon","coordinates":[' + ",".join(polys) + "]}"
    write_geojson(os.path.join(out, "parts100k.geojson"), [({"id": 1, "name": "十万个部分", "landuse": "园地"}, geom)])
    report.append(("parts100k.geojson", parts * 5))

    size = int(9_990_000 * scale)  # GDAL's GeoJSON reader refuses strings of 10^7 bytes and more
    unit = "贵州省新型城镇化实施方案说明 planning note 2023-2025; "
    text = (unit * (size // len(unit.encode("utf-8")) + 1)).encode("utf-8")[:size].decode("utf-8", "ignore")
    feats = [({"id": 1, "name": "长文本", "landuse": "建设用地", "note": text}, polygon([square(CX, CY, 0.01)]))]
    feats += [({"id": i, "name": "普通地块 %d" % i, "landuse": "耕地", "note": "短"}, ordinary(i)[1]) for i in range(2, 5)]
    write_geojson(os.path.join(out, "text10mb.geojson"), feats)
    report.append(("text10mb.geojson", 20))

    nf = 1998  # with fid and geometry 2,000 columns: SQLite's limit (a GeoPackage cannot hold more)
    feats = []
    for i in range(10):
        props = {"attribute_field_%04d" % k: "值 %d-%d" % (i, k) for k in range(nf)}
        feats.append((props, polygon([square(CX + 0.01 * i, CY, 0.005)])))
    write_geojson(os.path.join(out, "fields1998.geojson"), feats)
    report.append(("fields1998.geojson", 50))

    nv = int(100_000 * scale)
    with open(os.path.join(out, "wkt100k.csv"), "w", encoding="utf-8") as f:
        f.write("id,name,WKT\n")
        pts = ",".join("%.6f %.6f" % (CX - 0.3 + 0.6 * k / nv, CY + 0.1 * math.sin(k / 50.0)) for k in range(nv))
        f.write('1,长线,"LINESTRING (' + pts + ')"\n')
        for i in range(2, 7):
            f.write('%d,道路 %d,"LINESTRING (%.4f %.4f,%.4f %.4f)"\n' % (i, i, CX, CY + 0.01 * i, CX + 0.05, CY + 0.01 * i))
    report.append(("wkt100k.csv", nv + 10))

    for name, vertices in report:
        print(name, vertices, os.path.getsize(os.path.join(out, name)))


if __name__ == "__main__":
    main()
