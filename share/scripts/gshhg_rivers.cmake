# The river lines of the rivers layer, from Debian's GSHHG/WDBII data (package gmt-gshhg-high) through the Generic
# Mapping Tools (package gmt). Run by the build (layers/CMakeLists.txt) before gzplan-prepare:
#
#   cmake -DOUT=<dir> -DREGION=<west/east/south/north> -DLEVELS=1,2,3,4 -P share/scripts/gshhg_rivers.cmake
#
# Writes, in <dir>:
#   level<N>.gmt    one file per WDBII river level N: `gmt coast -R<region> -I<N> -M -Dh` (the lines of whole 1°
#                   bins touching the region, split at the bins' edges), piped through `gmt convert -a+gLINE`, which
#                   writes GMT's OGR/GMT header (@GLINESTRING, EPSG:4326): GDAL reads the files with its OGR_GMT
#                   driver, no parser of ours. A line's level is the level of the run that wrote it.
#   manifest.csv    key,value: the package, its Debian version (from dpkg), the data file, its sha256, the licence
#                   (from the package's copyright file), the gmt version, the region, resolution and levels, and the
#                   command; gzplan-prepare copies them into the GeoPackage's sources layer.
# Fails, naming what is missing and the fix, when gmt or the GSHHG data are not installed: rivers are never left out
# silently.

foreach(var OUT REGION LEVELS)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "gshhg_rivers.cmake: -D${var}=… is required")
  endif()
endforeach()

# PACKAGE overrides the data package (the tests name one that is not installed).
if(NOT DEFINED PACKAGE)
  set(PACKAGE gmt-gshhg-high)
endif()
set(package "${PACKAGE}")
string(REPLACE "," ";" LEVELS "${LEVELS}")
set(fix "install the Debian packages: apt-get install gmt gmt-gshhg-high (share/scripts/gz.sh installs them)")

# gmt itself (GZ_GMT overrides the search: the tests point it at a missing program).
if(NOT DEFINED GZ_GMT)
  find_program(GZ_GMT gmt)
endif()
if(NOT GZ_GMT OR NOT EXISTS "${GZ_GMT}")
  message(FATAL_ERROR "rivers: the Generic Mapping Tools (gmt) are not installed; ${fix}")
endif()

# The data package: its Debian version and its river file, as dpkg knows them.
find_program(DPKG_QUERY dpkg-query)
if(NOT DPKG_QUERY)
  message(FATAL_ERROR "rivers: dpkg-query not found: the river data is read from the Debian package ${package}; ${fix}")
endif()
execute_process(COMMAND "${DPKG_QUERY}" -W "-f=\${db:Status-Status} \${Version}" ${package}
                OUTPUT_VARIABLE status RESULT_VARIABLE rc ERROR_QUIET OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT rc EQUAL 0 OR NOT status MATCHES "^installed ")
  message(FATAL_ERROR "rivers: the GSHHG river data (Debian package ${package}) is not installed; ${fix}")
endif()
string(REGEX REPLACE "^installed " "" version "${status}")
execute_process(COMMAND "${DPKG_QUERY}" -L ${package} OUTPUT_VARIABLE files RESULT_VARIABLE rc ERROR_QUIET)
string(REGEX MATCH "[^\n]*/binned_river_h\\.nc" data "${files}")
if(NOT rc EQUAL 0 OR data STREQUAL "" OR NOT EXISTS "${data}")
  message(FATAL_ERROR "rivers: ${package} ${version} holds no binned_river_h.nc (or it was removed); reinstall it: apt-get install --reinstall ${package}")
endif()
get_filename_component(data_dir "${data}" DIRECTORY)
file(SHA256 "${data}" sha256)

# The licence the package declares for its files ("Files: *" of its machine-readable copyright file).
set(copyright "/usr/share/doc/${package}/copyright")
if(NOT EXISTS "${copyright}")
  message(FATAL_ERROR "rivers: ${copyright} is missing: the licence of the river data cannot be stated; reinstall it: apt-get install --reinstall ${package}")
endif()
file(READ "${copyright}" text)
string(REGEX MATCH "\nFiles: \\*\n([^\n]+\n)*License: ([^\n]+)" match "${text}")
set(licence "${CMAKE_MATCH_2}")
if(licence STREQUAL "")
  message(FATAL_ERROR "rivers: ${copyright} states no licence for 'Files: *'")
endif()

# The program's own version and, where dpkg installed it, its Debian package's.
execute_process(COMMAND "${GZ_GMT}" --version OUTPUT_VARIABLE gmt_version RESULT_VARIABLE rc ERROR_QUIET OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "rivers: ${GZ_GMT} --version failed; ${fix}")
endif()
execute_process(COMMAND "${DPKG_QUERY}" -W "-f=\${Version}" gmt OUTPUT_VARIABLE gmt_package RESULT_VARIABLE rc ERROR_QUIET OUTPUT_STRIP_TRAILING_WHITESPACE)
if(rc EQUAL 0 AND NOT gmt_package STREQUAL "")
  set(gmt_version "${gmt_version} (Debian gmt ${gmt_package})")
endif()

file(MAKE_DIRECTORY "${OUT}")
foreach(level IN LISTS LEVELS)
  set(file "${OUT}/level${level}.gmt")
  # --DIR_GSHHG: the package's folder, not a copy elsewhere on GMT's search path.
  execute_process(COMMAND "${GZ_GMT}" coast -R${REGION} -I${level} -M -Dh --DIR_GSHHG=${data_dir}
                  COMMAND "${GZ_GMT}" convert -a+gLINE
                  OUTPUT_FILE "${file}" ERROR_VARIABLE errors RESULTS_VARIABLE results)
  foreach(r IN LISTS results)
    if(NOT r EQUAL 0)
      file(REMOVE "${file}")
      message(FATAL_ERROR "rivers: gmt coast -R${REGION} -I${level} -M -Dh | gmt convert -a+gLINE failed (${results}): ${errors}")
    endif()
  endforeach()
endforeach()

set(manifest "key,value\n")
foreach(pair "package;${package}" "version;${version}" "file;${data}" "sha256;${sha256}" "licence;${licence}" "gmt;${gmt_version}"
             "region;${REGION}" "resolution;h" "levels;${LEVELS}" "command;gmt coast -R${REGION} -I<level> -M -Dh | gmt convert -a+gLINE")
  list(GET pair 0 key)
  list(SUBLIST pair 1 -1 value)
  string(REPLACE ";" " " value "${value}")
  string(APPEND manifest "${key},\"${value}\"\n")
endforeach()
file(WRITE "${OUT}/manifest.csv.tmp" "${manifest}")
file(RENAME "${OUT}/manifest.csv.tmp" "${OUT}/manifest.csv")
message(STATUS "rivers: ${package} ${version} (${licence}), levels ${LEVELS} in ${REGION} -> ${OUT}")
