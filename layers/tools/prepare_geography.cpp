// gzplan-prepare: builds the geography GeoPackage from the unpacked npm packages. Run by the build.
//   gzplan-prepare --npm <dir> --share <dir> --out <file.gpkg>

#include <cstring>
#include <iostream>

#include "layers/errors.h"
#include "layers/geography_builder.h"

int main(int argc, char** argv)
{
    layers::BuildInputs inputs;
    std::filesystem::path out;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--npm")) inputs.npmDir = argv[i + 1];
        else if (!std::strcmp(argv[i], "--share")) inputs.shareDir = argv[i + 1];
        else if (!std::strcmp(argv[i], "--out")) out = argv[i + 1];
    }
    if (inputs.npmDir.empty() || inputs.shareDir.empty() || out.empty()) {
        std::cerr << "usage: gzplan-prepare --npm <dir> --share <dir> --out <file.gpkg>\n";
        return 2;
    }
    try {
        const layers::BuildResult result = layers::buildGeography(inputs);
        std::cout << layers::describe(result);
        if (!result.issues.empty()) {
            std::cerr << "gzplan-prepare: " << result.issues.size() << " validation problem(s); " << out.string() << " not written\n";
            return 1;
        }
        result.geography.save(out);
        std::cout << "wrote " << out.string() << "\n";
    } catch (const std::exception& e) {
        std::cerr << "gzplan-prepare: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
