#pragma once
// Internal: ISO WKB read from a bounded buffer, for the two decoders that skip GDAL's geometry objects (gpkg_rows:
// a GeoPackage's blobs; feature_read's flattenWkb: PostGIS's ST_AsBinary). Every read is checked against the end
// first, and a count against what the bytes left can hold, so a corrupt count cannot ask for more.

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace layers::detail {

struct WkbCursor {
    const unsigned char* p;
    const unsigned char* end;
    bool little = true;
    std::size_t dims = 2;  ///< of the geometry whose header was read last: 2, 3 (Z or M) or 4

    bool need(std::size_t n) const { return static_cast<std::size_t>(end - p) >= n; }
    std::uint32_t u32()
    {
        std::uint32_t v;
        std::memcpy(&v, p, 4);
        p += 4;
        return little ? v : __builtin_bswap32(v);
    }
    double f64()
    {
        std::uint64_t v;
        std::memcpy(&v, p, 8);
        p += 8;
        if (!little)
            v = __builtin_bswap64(v);
        double d;
        std::memcpy(&d, &v, 8);
        return d;
    }
    /// A count of items each at least minBytes long.
    bool count(std::uint32_t& n, std::size_t minBytes)
    {
        if (!need(4))
            return false;
        n = u32();
        return static_cast<std::size_t>(end - p) / minBytes >= n;
    }
    /// A geometry's byte order and type (ISO codes, or GDAL's older 2.5D flag): its base type (1 point … 7
    /// collection; others are curves and surfaces) and dims. False when the bytes are not such WKB (too short, an
    /// EWKB SRID, an unknown dimension code).
    bool header(std::uint32_t& base)
    {
        if (!need(5))
            return false;
        little = *p++ == 1;
        std::uint32_t type = u32();
        bool z = (type & 0x80000000u) != 0, m = (type & 0x40000000u) != 0;
        if (type & 0x20000000u)  // an EWKB SRID
            return false;
        type &= 0x0fffffffu;
        base = type % 1000;
        const std::uint32_t dimsCode = type / 1000;
        if (dimsCode > 3)
            return false;
        z = z || dimsCode == 1 || dimsCode == 3;
        m = m || dimsCode == 2 || dimsCode == 3;
        dims = 2 + (z ? 1 : 0) + (m ? 1 : 0);
        return true;
    }
};

}  // namespace layers::detail
