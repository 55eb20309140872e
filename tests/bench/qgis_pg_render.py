#!/usr/bin/python3
# (run headless: QT_QPA_PLATFORM=offscreen is set below when no display is given)
"""QGIS 3.22 (Debian python3-qgis) drawing a PostGIS table, the anchor of tests/bench/postgis_bench.sh.

usage: qgis_pg_render.py "<libpq conninfo>" schema.table out.png minLon,minLat,maxLon,maxLat [...]
Opens the table through QGIS's postgres provider, then draws each extent (CGCS2000 lon/lat) into a 1600x1000
image with QgsMapRendererSequentialJob; prints one line per extent: the milliseconds to open (first line) and to
draw it.
"""
import os
import sys
import time

if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsDataSourceUri, QgsMapRendererSequentialJob,
                       QgsMapSettings, QgsRectangle, QgsVectorLayer)
from qgis.PyQt.QtCore import QSize


def main():
    conninfo, table, out = sys.argv[1], sys.argv[2], sys.argv[3]
    extents = sys.argv[4:]
    app = QgsApplication([], False)
    app.initQgis()
    t0 = time.perf_counter()
    uri = QgsDataSourceUri(conninfo)
    schema, name = table.split(".", 1)
    uri.setDataSource(schema, name, "geom", "", "fid")
    layer = QgsVectorLayer(uri.uri(False), name, "postgres")
    if not layer.isValid():
        print("layer not valid", file=sys.stderr)
        sys.exit(1)
    print("open %.0f" % ((time.perf_counter() - t0) * 1000))
    for text in extents:
        x0, y0, x1, y1 = (float(v) for v in text.split(","))
        settings = QgsMapSettings()
        settings.setLayers([layer])
        settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4490"))
        settings.setOutputSize(QSize(1600, 1000))
        settings.setExtent(QgsRectangle(x0, y0, x1, y1))
        t = time.perf_counter()
        job = QgsMapRendererSequentialJob(settings)
        job.start()
        job.waitForFinished()
        job.renderedImage().save(out)
        print("%s %.0f" % (text, (time.perf_counter() - t) * 1000))
    app.exitQgis()


if __name__ == "__main__":
    main()
