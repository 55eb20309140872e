#pragma once
// Internal: the text encoding of a source layer, so that its text arrives as UTF-8 or not at all.
//
// A shapefile's .dbf declares its encoding in a .cpg file or in its code-page byte; old Chinese shapefiles
// often do neither and hold GBK. GDAL then passes the bytes through unchanged, and writing them into a file
// that says UTF-8 would corrupt every name. detectEncoding() looks at the text of such a layer: if it is not
// UTF-8 but reads as GBK, the layer is to be opened again with ENCODING=CP936 (GDAL converts), and the user is
// told; if it is neither, the file is refused with the feature and field named.

#include <filesystem>
#include <string>
#include <vector>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

namespace layers::detail {

struct SourceEncoding {
    std::vector<std::string> openOptions;  ///< e.g. ENCODING=CP936; empty: open as it is
    std::string note;                      ///< for the user when the encoding was inferred; empty otherwise
    bool undeclared = false;               ///< a shapefile without .cpg or code page: check every value is UTF-8
};

/// True when text is well-formed UTF-8.
bool validUtf8(const char* text);

/// Inspects layer of the dataset opened from file (reads up to sampleFeatures features, then rewinds).
/// Throws DataError naming the feature and field when text is neither UTF-8 nor GBK.
SourceEncoding detectEncoding(GDALDataset& ds, OGRLayer& layer, const std::string& file, std::size_t sampleFeatures = 20000);

/// Opens file read-only as a vector dataset with these open options (DataError naming the file).
GDALDatasetUniquePtr openVectorWith(const std::string& file, const std::vector<std::string>& openOptions);

}  // namespace layers::detail
