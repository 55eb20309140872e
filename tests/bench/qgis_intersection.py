#!/usr/bin/python3
# The QGIS 3.22 anchor of gzplan stats (tests/bench/analysis_bench.sh): the parcels intersected with the counties by
# processing's native:intersection, then each part's ellipsoidal area (GRS80, as QGIS's $area with an ellipsoid)
# summed by county and land use. Run by Debian's python3 (python3-qgis), headless.
#   qgis_intersection.py <parcels.gpkg> <guizhou.gpkg>
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.append("/usr/share/qgis/python/plugins")
from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsDistanceArea, QgsProject,  # noqa: E402
                       QgsVectorLayer)

app = QgsApplication([], False)
app.initQgis()
import processing  # noqa: E402
from processing.core.Processing import Processing  # noqa: E402
from qgis.analysis import QgsNativeAlgorithms  # noqa: E402

Processing.initialize()
QgsApplication.processingRegistry().addProvider(QgsNativeAlgorithms())

parcels = QgsVectorLayer(sys.argv[1] + "|layername=parcels", "parcels", "ogr")
counties = QgsVectorLayer(sys.argv[2] + "|layername=counties", "counties", "ogr")
assert parcels.isValid() and counties.isValid()
result = processing.run("native:intersection", {"INPUT": parcels, "OVERLAY": counties, "INPUT_FIELDS": ["landuse"],
                                                "OVERLAY_FIELDS": ["code"], "OUTPUT": "memory:"})["OUTPUT"]
area = QgsDistanceArea()
area.setSourceCrs(QgsCoordinateReferenceSystem("EPSG:4490"), QgsProject.instance().transformContext())
area.setEllipsoid("GRS80")
sums = {}
for f in result.getFeatures():
    key = (f["code"], f["landuse"])
    sums[key] = sums.get(key, 0.0) + area.measureArea(f.geometry())
total = sum(sums.values())
print(f"{result.featureCount()} parts, {len(sums)} county × land use sums, total {total:.1f} m²", flush=True)
# QGIS 3.22's exitQgis() crashes after processing in a script (signal 11): leave without it, the answer printed.
os._exit(0)
