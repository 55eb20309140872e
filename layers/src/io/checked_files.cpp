#include "io/checked_files.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <algorithm>
#include <cstring>
#include <map>
#include <mutex>
#include <regex>

#include <cpl_error.h>
#include <cpl_string.h>
#include <cpl_vsi.h>

#include "layers/errors.h"

namespace layers::detail {

namespace {

constexpr const char* kPrefix = "/vsigzplan/";

/// First failure per file, for takeWriteFailure.
struct Failures {
    std::mutex mutex;
    std::map<std::string, std::string> byFile;

    void record(const std::string& file, int error)
    {
        const std::string cause = error == ENOSPC ? "no space left on the disk"
                                : error == EFBIG  ? "file too large for this file system or for the process's file size limit"
                                : error == EDQUOT ? "disk quota exceeded"
                                : error == EACCES || error == EPERM ? "permission denied"
                                : error == EROFS  ? "the file system is read-only"
                                : error == EIO    ? "input/output error (disk or network file system)"
                                                  : std::strerror(error);
        std::lock_guard lock(mutex);
        byFile.try_emplace(file, cause);
    }
};

Failures& failures()
{
    static Failures f;
    return f;
}

/// One open file: stdio underneath (buffered like GDAL's own POSIX handler), every result checked.
struct Handle {
    std::FILE* fp = nullptr;
    std::string path;
    enum class Op { None, Read, Write } last = Op::None;
    bool eof = false;
    bool failed = false;

    void fail(int error)
    {
        if (!failed)
            failures().record(path, error ? error : EIO);
        failed = true;
    }
    /// stdio needs a seek between reading and writing.
    void switchTo(Op op)
    {
        if (last != Op::None && last != op)
            std::fseek(fp, 0, SEEK_CUR);
        last = op;
    }
};

std::string real(const char* name)
{
    return std::string("/") + name;  // the handler receives the name without its prefix
}

int statCb(void*, const char* name, VSIStatBufL* buf, int)
{
    return ::stat64(real(name).c_str(), buf);
}

int unlinkCb(void*, const char* name) { return ::unlink(real(name).c_str()); }
int renameCb(void*, const char* from, const char* to)
{
    // GDAL hands over both names without the prefix; a name still starting with "/" is a plain path.
    const std::string target = std::strncmp(to, kPrefix, std::strlen(kPrefix)) == 0 ? real(to + std::strlen(kPrefix))
                             : to[0] == '/' ? std::string(to) : real(to);
    return ::rename(real(from).c_str(), target.c_str());
}
int mkdirCb(void*, const char* name, long mode) { return ::mkdir(real(name).c_str(), static_cast<mode_t>(mode)); }
int rmdirCb(void*, const char* name) { return ::rmdir(real(name).c_str()); }

char** readDirCb(void*, const char* name, int maxFiles)
{
    DIR* dir = ::opendir(real(name).c_str());
    if (!dir)
        return nullptr;
    CPLStringList list;
    while (const dirent* e = ::readdir(dir)) {
        if (std::strcmp(e->d_name, ".") == 0 || std::strcmp(e->d_name, "..") == 0)
            continue;
        list.AddString(e->d_name);
        if (maxFiles > 0 && list.Count() >= maxFiles)
            break;
    }
    ::closedir(dir);
    if (list.Count() == 0)
        return static_cast<char**>(CPLCalloc(1, sizeof(char*)));
    return list.StealList();
}

void* openCb(void*, const char* name, const char* access)
{
    std::string mode = access;
    mode.erase(std::remove(mode.begin(), mode.end(), 't'), mode.end());
    if (mode.find('b') == std::string::npos)
        mode += 'b';
    const std::string path = real(name);
    std::FILE* fp = std::fopen(path.c_str(), mode.c_str());
    if (!fp) {
        if (mode[0] != 'r')
            failures().record(path, errno);  // a file the export meant to create
        return nullptr;
    }
    std::setvbuf(fp, nullptr, _IOFBF, 64 * 1024);
    auto* h = new Handle;
    h->fp = fp;
    h->path = path;
    return h;
}

vsi_l_offset tellCb(void* file)
{
    auto* h = static_cast<Handle*>(file);
    const off_t at = ::ftello(h->fp);
    return at < 0 ? 0 : static_cast<vsi_l_offset>(at);
}

int seekCb(void* file, vsi_l_offset offset, int whence)
{
    auto* h = static_cast<Handle*>(file);
    h->eof = false;
    h->last = Handle::Op::None;
    errno = 0;
    const int result = ::fseeko(h->fp, static_cast<off_t>(offset), whence);
    // A seek first writes out what is buffered: that write may be what failed.
    if (result != 0 && (errno == ENOSPC || errno == EFBIG || errno == EDQUOT || errno == EIO))
        h->fail(errno);
    return result;
}

size_t readCb(void* file, void* buffer, size_t size, size_t count)
{
    auto* h = static_cast<Handle*>(file);
    h->switchTo(Handle::Op::Read);
    const size_t n = std::fread(buffer, size, count, h->fp);
    if (n < count) {
        h->eof = std::feof(h->fp) != 0;
        // A file whose writes failed is short and will be thrown away. Some drivers read back what they wrote
        // without checking how much came back: GDAL 3.6's DXF writer scans a 30-byte buffer for a newline when
        // it closes (FixupHANDSEED) and runs off the stack when the file was cut short by a full disk. Such a
        // read gets the rest of its buffer filled with newlines, so the driver stops and the export fails
        // cleanly on the recorded write error instead of crashing.
        if (h->failed && size > 0) {
            std::memset(static_cast<char*>(buffer) + n * size, '\n', (count - n) * size);
            return count;
        }
    }
    return n;
}

int eofCb(void* file) { return static_cast<Handle*>(file)->eof ? 1 : 0; }

size_t writeCb(void* file, const void* buffer, size_t size, size_t count)
{
    auto* h = static_cast<Handle*>(file);
    h->switchTo(Handle::Op::Write);
    errno = 0;
    const size_t n = std::fwrite(buffer, size, count, h->fp);
    if (n < count)
        h->fail(errno);
    return n;
}

int flushCb(void* file)
{
    auto* h = static_cast<Handle*>(file);
    errno = 0;
    if (std::fflush(h->fp) != 0) {
        h->fail(errno);
        return -1;
    }
    return 0;
}

int truncateCb(void* file, vsi_l_offset size)
{
    auto* h = static_cast<Handle*>(file);
    errno = 0;
    if (std::fflush(h->fp) != 0 || ::ftruncate(::fileno(h->fp), static_cast<off_t>(size)) != 0) {
        h->fail(errno);
        return -1;
    }
    return 0;
}

int closeCb(void* file)
{
    auto* h = static_cast<Handle*>(file);
    errno = 0;
    // fflush reports what the buffer could not write; fclose what the file system refuses at close (NFS).
    const bool flushed = std::fflush(h->fp) == 0;
    const int flushError = errno;
    const bool closed = std::fclose(h->fp) == 0;
    if (!flushed)
        h->fail(flushError);
    else if (!closed)
        h->fail(errno);
    const bool ok = !h->failed;
    delete h;
    return ok ? 0 : -1;
}

void install()
{
    VSIFilesystemPluginCallbacksStruct* cb = VSIAllocFilesystemPluginCallbacksStruct();
    cb->stat = statCb;
    cb->unlink = unlinkCb;
    cb->rename = renameCb;
    cb->mkdir = mkdirCb;
    cb->rmdir = rmdirCb;
    cb->read_dir = readDirCb;
    cb->open = openCb;
    cb->tell = tellCb;
    cb->seek = seekCb;
    cb->read = readCb;
    cb->eof = eofCb;
    cb->write = writeCb;
    cb->flush = flushCb;
    cb->truncate = truncateCb;
    cb->close = closeCb;
    if (VSIInstallPluginHandler(kPrefix, cb) != 0)
        throw std::runtime_error("cannot install GDAL's checked-write file handler");
    VSIFreeFilesystemPluginCallbacksStruct(cb);
}

bool processGone(const std::string& pid)
{
    const long n = std::strtol(pid.c_str(), nullptr, 10);
    return n > 0 && n != ::getpid() && ::kill(static_cast<pid_t>(n), 0) != 0 && errno == ESRCH;
}

}  // namespace

std::string checkedName(const std::filesystem::path& path)
{
    static std::once_flag installed;
    std::call_once(installed, install);
    const std::string absolute = std::filesystem::absolute(path).lexically_normal().string();
    return std::string(kPrefix, std::strlen(kPrefix) - 1) + absolute;
}

/// "folder/" made absolute: the key prefix of the failures recorded for the files in it.
static std::string folderPrefix(const std::filesystem::path& folder)
{
    std::string prefix = std::filesystem::absolute(folder).lexically_normal().string();
    if (prefix.empty() || prefix.back() != '/')
        prefix += '/';
    return prefix;
}

std::string takeWriteFailure(const std::filesystem::path& folder)
{
    const std::string prefix = folderPrefix(folder);
    Failures& f = failures();
    std::lock_guard lock(f.mutex);
    std::string first;
    for (auto it = f.byFile.lower_bound(prefix); it != f.byFile.end() && it->first.compare(0, prefix.size(), prefix) == 0;) {
        if (first.empty())
            first = it->first + ": " + it->second;
        it = f.byFile.erase(it);
    }
    return first;
}

std::string writeFailureCause(const std::filesystem::path& folder)
{
    const std::string prefix = folderPrefix(folder);
    {
        Failures& f = failures();
        std::lock_guard lock(f.mutex);
        if (auto it = f.byFile.lower_bound(prefix); it != f.byFile.end() && it->first.compare(0, prefix.size(), prefix) == 0)
            return it->second;
    }
    // Not through the handler (a GeoPackage: SQLite), or a driver that failed on its own: GDAL's message, led by
    // what the storage says when it explains it (SQLite may report a full disk as a missing table later on).
    const char* gdal = CPLGetLastErrorMsg();
    const std::string said = gdal && *gdal ? gdal : "unknown error";
    struct statvfs fs {};
    if (::statvfs(folder.c_str(), &fs) == 0 && static_cast<unsigned long long>(fs.f_bavail) * fs.f_frsize < 1024 * 1024)
        return "no space left on the disk (" + std::to_string(static_cast<unsigned long long>(fs.f_bavail) * fs.f_frsize / 1024) +
               " KB free); GDAL said: " + said;
    rlimit limit {};
    if (::getrlimit(RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY) {
        std::error_code ec;
        for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
            if (it->is_regular_file(ec) && it->file_size(ec) + 65536 >= limit.rlim_cur)
                return "file too large for the process's file size limit (ulimit -f: " + std::to_string(limit.rlim_cur / 1024) +
                       " KB); GDAL said: " + said;
    }
    return said;
}

void writeTextFile(const std::filesystem::path& file, const std::string& content)
{
    // Recorded like any checked write, so that the export's final check sees it too; named by its file name,
    // as it lives in an export's temporary folder until the export is committed.
    auto error = [&](int e) {
        failures().record(file.string(), e);
        std::string cause;
        {
            std::lock_guard lock(failures().mutex);
            cause = failures().byFile[file.string()];
        }
        throw DataError(file.filename().string(), "cannot be written: " + cause);
    };
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        error(errno);
    std::size_t done = 0;
    while (done < content.size()) {
        const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const int e = n < 0 ? errno : ENOSPC;
            ::close(fd);
            error(e);
        }
        done += static_cast<std::size_t>(n);
    }
    if (::close(fd) != 0)
        error(errno);
}

void removeStaleTemporaries(const std::filesystem::path& folder)
{
    static const std::regex exportFolder(R"(\.gzplan-export-(\d+)-\d+)");
    static const std::regex gpkgFile(R"(.+\.tmp-(\d+)\.gpkg(-journal|-wal|-shm)?)");
    std::error_code ec;
    for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        std::smatch m;
        std::error_code ignored;
        if (std::regex_match(name, m, exportFolder) && it->is_directory(ignored) && !it->is_symlink(ignored) && processGone(m[1]))
            std::filesystem::remove_all(it->path(), ignored);
        else if (std::regex_match(name, m, gpkgFile) && it->is_regular_file(ignored) && processGone(m[1]))
            std::filesystem::remove(it->path(), ignored);
    }
}

}  // namespace layers::detail
