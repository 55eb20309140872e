// Test tool: holds a GeoPackage locked the way another program writing to it does (SQLite exclusive lock),
// prints "locked" once it holds the lock and keeps it until it is killed or stdin closes.
//   hold_gpkg_lock <file.gpkg>
#include <cstdio>
#include <iostream>

#include <gdal_priv.h>

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::cerr << "usage: hold_gpkg_lock <file.gpkg>\n";
        return 2;
    }
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(argv[1], GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    if (!ds) {
        std::cerr << "cannot open " << argv[1] << "\n";
        return 1;
    }
    // In exclusive locking mode SQLite keeps the lock it takes for a write until the connection closes.
    // A PRAGMA returns a result layer: released, or LeakSanitizer (gz.sh's sanitizer build) reports it.
    if (OGRLayer* r = ds->ExecuteSQL("PRAGMA locking_mode = EXCLUSIVE", nullptr, nullptr))
        ds->ReleaseResultSet(r);
    if (OGRLayer* r = ds->ExecuteSQL("CREATE TABLE gz_test_lock (a INTEGER)", nullptr, nullptr))
        ds->ReleaseResultSet(r);
    std::cout << "locked" << std::endl;
    while (std::getchar() != EOF) {
    }
    return 0;
}
