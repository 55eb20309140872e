#pragma once
// A 20k-count parcel layer from the make-parcels generator, shared by the test processes of every test binary:
// made once per build beside the GeoPackage (again when the GeoPackage is newer), written atomically, so
// processes racing to make it leave one whole file.

#include <filesystem>

#include "layers/errors.h"
#include "layers/geography.h"
#include "layers/parcels.h"

namespace test {

inline const std::filesystem::path& parcelsFile(const layers::Geography& geography)
{
    namespace fs = std::filesystem;
    static const fs::path file = [&geography] {
        const fs::path path = fs::path(GZ_TEST_GEOPACKAGE).parent_path() / "test-parcels-20k.gpkg";
        if (!fs::exists(path) || fs::last_write_time(path) < fs::last_write_time(GZ_TEST_GEOPACKAGE)) {
            layers::ParcelOptions options;
            options.count = 20000;
            options.force = true;
            try {
                layers::makeParcels(geography, path, options);
            } catch (const layers::DataError&) {
                if (!fs::exists(path))
                    throw;
            }
        }
        return path;
    }();
    return file;
}

}  // namespace test
