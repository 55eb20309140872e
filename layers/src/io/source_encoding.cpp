#include "io/source_encoding.h"

#include <cstring>

#include <cpl_string.h>

#include "layers/errors.h"
#include "io/ogr_convert.h"

namespace layers::detail {

bool validUtf8(const char* text)
{
    const auto* s = reinterpret_cast<const unsigned char*>(text);
    while (*s) {
        if (*s < 0x80) {
            ++s;
            continue;
        }
        int extra = 0;
        std::uint32_t cp = 0;
        if ((*s & 0xE0) == 0xC0) {
            extra = 1;
            cp = *s & 0x1F;
        } else if ((*s & 0xF0) == 0xE0) {
            extra = 2;
            cp = *s & 0x0F;
        } else if ((*s & 0xF8) == 0xF0) {
            extra = 3;
            cp = *s & 0x07;
        } else {
            return false;
        }
        ++s;
        for (int k = 0; k < extra; ++k, ++s) {
            if ((*s & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (*s & 0x3F);
        }
        // overlong forms, surrogates and code points beyond Unicode
        if ((extra == 1 && cp < 0x80) || (extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
    }
    return true;
}

namespace {
bool readsAsGbk(const char* text)
{
    const std::string utf8 = recode(text, "CP936", CPL_ENC_UTF8);
    return validUtf8(utf8.c_str()) && recode(utf8.c_str(), CPL_ENC_UTF8, "CP936") == text;
}
}  // namespace

SourceEncoding detectEncoding(GDALDataset& ds, OGRLayer& layer, const std::string& file, std::size_t sampleFeatures)
{
    SourceEncoding result;
    const std::string driver = ds.GetDriver() ? ds.GetDriver()->GetDescription() : "";
    if (driver != "ESRI Shapefile")
        return result;
    const char* declared = layer.GetMetadataItem("SOURCE_ENCODING", "SHAPEFILE");
    if (declared && *declared)
        return result;
    result.undeclared = true;
    const OGRFeatureDefn* defn = layer.GetLayerDefn();
    std::vector<int> text;
    for (int i = 0; i < defn->GetFieldCount(); ++i)
        if (defn->GetFieldDefn(i)->GetType() == OFTString)
            text.push_back(i);
    if (text.empty())
        return result;
    bool gbk = false;
    layer.ResetReading();
    std::size_t n = 0;
    for (auto& f : layer) {
        for (int i : text) {
            if (!f->IsFieldSetAndNotNull(i))
                continue;
            const char* value = f->GetFieldAsString(i);
            if (validUtf8(value))
                continue;
            if (!readsAsGbk(value))
                throw DataError(file, "feature " + std::to_string(f->GetFID()) + ", field " + defn->GetFieldDefn(i)->GetNameRef() +
                                          ": text is neither UTF-8 nor GBK, and the .dbf declares no encoding; add a .cpg file naming it "
                                          "(e.g. 936 for GBK, UTF-8, 1252)");
            gbk = true;
        }
        if (++n >= sampleFeatures)
            break;
    }
    layer.ResetReading();
    if (gbk) {
        result.openOptions = {"ENCODING=CP936"};
        result.note = file + ": the .dbf declares no encoding (no .cpg) and its text is not UTF-8 but reads as GBK (code page 936); "
                             "read as GBK. Add a .cpg file holding 936 beside it to make this certain.";
    }
    return result;
}

GDALDatasetUniquePtr openVectorWith(const std::string& file, const std::vector<std::string>& openOptions)
{
    if (openOptions.empty())
        return openVector(file);
    CPLStringList options;
    for (const std::string& o : openOptions)
        options.AddString(o.c_str());
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, options.List()));
    if (!ds)
        throw DataError(file, cannotOpenReason());
    return ds;
}

}  // namespace layers::detail
