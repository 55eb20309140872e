#include "export/export_support.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>

#include <semaphore.h>
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <mutex>
#include <set>
#include <shared_mutex>
#include <thread>

#include <cpl_error.h>
#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "io/checked_files.h"
#include "io/gdal_drivers.h"
#include "layers/errors.h"
#include "layers/exporter.h"
#include "io/ogr_convert.h"

namespace layers::detail {

namespace {
// The temporary folders of the exports in progress, for the cancel watchdog (installCancelSignals).
std::mutex& liveMutex()
{
    static std::mutex m;
    return m;
}
std::set<std::string>& liveFolders()
{
    static std::set<std::string> folders;
    return folders;
}
// Shared by commits and CancelShields, exclusive for the watchdog before it ends the process.
std::shared_mutex& finishing()
{
    static std::shared_mutex m;
    return m;
}
std::atomic<bool> g_cancel{false};
std::atomic<bool> g_abandoned{false};
std::atomic<bool> g_completed{false};  // the output is in place (a commit, a shielded write): the process ends on its own
sem_t g_signalled;

extern "C" void onCancelSignal(int)
{
    g_cancel.store(true);
    sem_post(&g_signalled);  // async-signal-safe
}

void watchdog(int graceMs)
{
    while (sem_wait(&g_signalled) != 0) {
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(graceMs));
    // Still running: the work is inside a call that cannot be interrupted. Nothing partial is left behind.
    std::unique_lock lock(finishing());
    if (g_completed)
        return;  // the output was complete before the signal could stop it: the command ends normally, saying so
    g_abandoned = true;
    {
        std::lock_guard live(liveMutex());
        for (const std::string& folder : liveFolders()) {
            std::error_code ignored;
            std::filesystem::remove_all(folder, ignored);
        }
    }
    static const char message[] = "gzplan: cancelled (the step in progress was abandoned; its temporary files removed, nothing was written)\n";
    [[maybe_unused]] const auto written = ::write(STDERR_FILENO, message, sizeof message - 1);
    std::_Exit(130);
}
}  // namespace

std::string encoded(const std::string& utf8, const std::string& encoding, const std::string& where)
{
    if (encoding == "UTF-8")
        return utf8;
    std::string result = recode(utf8.c_str(), CPL_ENC_UTF8, "CP936");
    if (recode(result.c_str(), "CP936", CPL_ENC_UTF8) != utf8)
        throw DataError(where, "'" + utf8.substr(0, 200) + (utf8.size() > 200 ? "…" : "") +
                                   "' cannot be written in GBK (a character has no GBK code); export in UTF-8");
    return result;
}

std::string cutToFit(const std::string& utf8, const std::string& encoding, std::size_t limit, const std::string& where)
{
    // Every character takes at least one byte in either encoding, so the result holds at most limit
    // characters: the search starts from those, whatever the value's length (a 10 MB value costs as much as
    // a 300-byte one).
    std::size_t end = 0;
    for (std::size_t chars = 0; end < utf8.size() && chars < limit; ++chars)
        do
            ++end;
        while (end < utf8.size() && (static_cast<unsigned char>(utf8[end]) & 0xC0) == 0x80);
    const std::string ellipsis = "…";
    std::string cut = utf8.substr(0, end);
    while (!cut.empty() && encoded(cut + ellipsis, encoding, where).size() > limit) {
        std::size_t last = cut.size() - 1;
        while (last > 0 && (static_cast<unsigned char>(cut[last]) & 0xC0) == 0x80)
            --last;
        cut.resize(last);
    }
    return cut + ellipsis;
}

void writeCsv(const std::filesystem::path& file, const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows)
{
    // Named in messages by its file name: it lives in the temporary folder until the export is committed.
    const std::string name = file.filename().string();
    registerDriver("CSV");
    GDALDriver* csv = GetGDALDriverManager()->GetDriverByName("CSV");
    GdalFailures failures;
    GDALDatasetUniquePtr ds(csv->Create(checkedName(file).c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds)
        throw DataError(name, std::string("cannot create: ") + CPLGetLastErrorMsg());
    const char* options[] = {"WRITE_BOM=YES", nullptr};
    OGRLayer* layer = ds->CreateLayer(file.stem().c_str(), nullptr, wkbNone, const_cast<char**>(options));
    if (!layer)
        throw DataError(name, std::string("cannot create: ") + CPLGetLastErrorMsg());
    for (const std::string& h : header) {
        OGRFieldDefn defn(h.c_str(), OFTString);
        if (layer->CreateField(&defn) != OGRERR_NONE)
            throw DataError(name, std::string("cannot write: ") + CPLGetLastErrorMsg());
    }
    for (const auto& row : rows) {
        OGRFeature feature(layer->GetLayerDefn());
        for (std::size_t k = 0; k < row.size(); ++k)
            feature.SetField(static_cast<int>(k), row[k].c_str());
        if (layer->CreateFeature(&feature) != OGRERR_NONE)
            throw DataError(name, std::string("cannot write: ") + CPLGetLastErrorMsg());
    }
    ds.reset();
    if (!failures.first().empty())
        throw DataError(name, "cannot be written: " + failures.first());
    // Failed writes (disk full…) are recorded by the checked-write handler: the export's checkWritten sees them.
}

TemporaryFolder::TemporaryFolder(const std::filesystem::path& beside)
{
    static std::atomic<int> counter{0};
    removeStaleTemporaries(beside);
    path = beside / (".gzplan-export-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    {
        std::lock_guard live(liveMutex());  // registered first: a watchdog removing it may run at any time
        liveFolders().insert(std::filesystem::absolute(path).string());
    }
    std::error_code ec;
    std::filesystem::create_directories(path, ec);
    if (ec) {
        std::lock_guard live(liveMutex());
        liveFolders().erase(std::filesystem::absolute(path).string());
        throw DataError(beside.string(), "cannot write here: " + ec.message());
    }
}

TemporaryFolder::~TemporaryFolder()
{
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
    {
        std::lock_guard live(liveMutex());
        liveFolders().erase(std::filesystem::absolute(path, ignored).string());
    }
    takeWriteFailure(path);  // forget what failed in here
}

std::vector<std::string> sidecarNames(const std::string& mainFile)
{
    auto ends = [&](const std::string& suffix) {
        return mainFile.size() > suffix.size() && mainFile.compare(mainFile.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    std::vector<std::string> suffixes;
    std::string stem;
    if (ends(".shp")) {
        stem = mainFile.substr(0, mainFile.size() - 4);
        suffixes = {".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx", ".shp.xml", ".fields.csv", ".long_values.csv"};
    } else if (ends(".dbf")) {
        stem = mainFile.substr(0, mainFile.size() - 4);
        suffixes = {".cpg", ".fields.csv", ".long_values.csv"};
    } else if (ends(".csv") && !ends(".fields.csv") && !ends(".long_values.csv")) {
        stem = mainFile.substr(0, mainFile.size() - 4);
        suffixes = {".csvt", ".prj"};
    } else if (ends(".gpkg")) {
        stem = mainFile;
        suffixes = {"-journal", "-wal", "-shm"};
    }
    std::vector<std::string> names;
    for (const std::string& s : suffixes)
        names.push_back(stem + s);
    return names;
}

namespace {
/// An exclusive lock on a folder (flock on its descriptor) while in scope: two exports committing into the same
/// folder at once take turns, so a shapefile never ends up with the .shp of one and the .dbf of the other.
class FolderLock {
public:
    explicit FolderLock(const std::filesystem::path& folder) : m_fd(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC))
    {
        if (m_fd >= 0)
            while (::flock(m_fd, LOCK_EX) != 0 && errno == EINTR) {
            }
    }
    ~FolderLock()
    {
        if (m_fd >= 0)
            ::close(m_fd);  // releases the lock
    }
    FolderLock(const FolderLock&) = delete;
    FolderLock& operator=(const FolderLock&) = delete;

private:
    int m_fd;
};
}  // namespace

std::vector<std::filesystem::path> commitFiles(const std::filesystem::path& staged, const std::filesystem::path& target, bool force)
{
    namespace fs = std::filesystem;
    // The cancel watchdog lets a commit finish (and none start once it has taken over).
    const std::shared_lock finishingLock(finishing());
    if (g_abandoned)
        throw ExportCancelled();
    // Locked: the folder holding the target folder (always that one, whether the target exists yet or not).
    fs::path normal = fs::absolute(target).lexically_normal();
    if (!normal.has_filename())  // "out/"
        normal = normal.parent_path();
    const FolderLock lock(normal.parent_path());
    std::set<std::string> produced;
    for (const auto& entry : fs::directory_iterator(staged))
        if (entry.is_regular_file())
            produced.insert(entry.path().filename().string());

    // What is in the way: files of the same names, and (to be replaced along) stale sidecars of the main files.
    std::vector<std::string> clashes;
    std::set<std::string> staleSet;  // a sidecar may belong to two main files (counties.cpg: .shp and .dbf)
    std::error_code ec;
    for (const std::string& name : produced)
        if (fs::exists(fs::symlink_status(target / name, ec)))
            clashes.push_back(name);
    for (const std::string& name : produced)
        for (const std::string& sidecar : sidecarNames(name))
            if (!produced.count(sidecar) && fs::is_regular_file(fs::symlink_status(target / sidecar, ec)))
                staleSet.insert(sidecar);
    const std::vector<std::string> stale(staleSet.begin(), staleSet.end());
    if (!force && (!clashes.empty() || !stale.empty())) {
        std::vector<std::string> all = clashes;
        all.insert(all.end(), stale.begin(), stale.end());
        std::string list;
        for (std::size_t i = 0; i < all.size() && i < 8; ++i)
            list += (i ? ", " : "") + all[i];
        if (all.size() > 8)
            list += " and " + std::to_string(all.size() - 8) + " more";
        throw DataError((target / all.front()).string(), std::string(all.size() == 1 ? "exists" : "exists, as do files this export would replace") +
                                                             " (" + list + "); use --force to replace " + (all.size() == 1 ? "it" : "them") +
                                                             " (only these files; nothing else in " + target.string() + " is touched)");
    }
    for (const std::string& name : clashes)
        if (fs::is_directory(fs::symlink_status(target / name, ec)))
            throw DataError((target / name).string(), "is a folder; the export writes a file of that name (choose another --out)");

    bool createdTarget = false;
    if (!fs::exists(target)) {
        fs::create_directory(target, ec);
        if (ec)
            throw DataError(target.string(), "cannot create the folder: " + ec.message());
        createdTarget = true;
    } else if (!fs::is_directory(target)) {
        throw DataError(target.string(), "is a file, not a folder; the export writes several files into a folder");
    }

    // Step 1: what is replaced goes aside into the temporary folder (same file system: renames); step 2: the
    // new files go into place. Each done step is recorded so that a failure can undo them all.
    const fs::path aside = staged / ".replaced";
    fs::create_directory(aside, ec);
    if (ec)
        throw DataError(staged.string(), "cannot prepare the replacement: " + ec.message());
    std::vector<std::pair<fs::path, fs::path>> done;  // from, to
    auto undo = [&] {
        std::error_code ignored;
        for (auto it = done.rbegin(); it != done.rend(); ++it)
            fs::rename(it->second, it->first, ignored);
        if (createdTarget)
            fs::remove(target, ignored);
    };
    auto move = [&](const fs::path& from, const fs::path& to) {
        fs::rename(from, to, ec);
        if (ec) {
            const std::string why = ec.message();
            undo();
            throw DataError(to.string(), "cannot be put in place: " + why + "; nothing was changed");
        }
        done.emplace_back(from, to);
    };
    std::vector<std::string> replaced = clashes;
    replaced.insert(replaced.end(), stale.begin(), stale.end());
    for (const std::string& name : replaced)
        move(target / name, aside / name);
    std::vector<fs::path> files;
    for (const std::string& name : produced) {
        move(staged / name, target / name);
        files.push_back(target / name);
    }
    g_completed = true;  // a cancel watchdog now lets the command finish: the export is in place, whole
    return files;  // the replaced files go with the temporary folder
}

namespace {
void CPL_STDCALL collectFailures(CPLErr level, CPLErrorNum number, const char* message)
{
    if (level >= CE_Failure) {
        if (auto* self = static_cast<GdalFailures*>(CPLGetErrorHandlerUserData()))
            self->note(message);
        return;
    }
    CPLDefaultErrorHandler(level, number, message);
}
}  // namespace

GdalFailures::GdalFailures() { CPLPushErrorHandlerEx(collectFailures, this); }

GdalFailures::~GdalFailures() { CPLPopErrorHandler(); }

void checkWritten(const std::filesystem::path& staged, const GdalFailures& gdal, const std::string& target)
{
    if (const std::string failure = takeWriteFailure(staged); !failure.empty()) {
        // The file in the temporary folder is named like its target; the cause is what counts.
        const std::string cause = failure.substr(failure.find(": ") + 2);
        throw DataError(target, "cannot be written: " + cause + "; nothing was changed at the target");
    }
    if (!gdal.first().empty())
        throw DataError(target, "cannot be written: " + gdal.first() + "; nothing was changed at the target");
}

}  // namespace layers::detail

namespace layers {

void installCancelSignals(int graceMs)
{
    static std::once_flag once;
    std::call_once(once, [graceMs] {
        sem_init(&detail::g_signalled, 0, 0);
        std::thread(detail::watchdog, graceMs).detach();
        struct sigaction action {};
        action.sa_handler = detail::onCancelSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;  // GDAL's and SQLite's reads and writes are not interrupted
        sigaction(SIGINT, &action, nullptr);
        sigaction(SIGTERM, &action, nullptr);
    });
}

bool cancelRequested() { return detail::g_cancel.load(std::memory_order_relaxed); }

CancelShield::CancelShield() { detail::finishing().lock_shared(); }

CancelShield::~CancelShield()
{
    detail::g_completed = true;
    detail::finishing().unlock_shared();
}

}  // namespace layers
