#pragma once
// Internal: what the two backends of ActualsStore share (actuals_store.cpp: the GeoPackage and the rules;
// actuals_pg.cpp: PostgreSQL through libpq).

#include <functional>
#include <vector>

#include "layers/monitoring.h"

namespace layers::detail {

inline constexpr int kActualsSchemaVersion = 1;
inline constexpr const char* kActualsChannel = "gzplan_actuals";

/// Decides, inside the transaction and from what the store holds then (withdrawn and undone marked), what the change
/// writes: it may fill in the change (an undo's target and detail) and throw (a conflict, nothing to undo).
using PrepareChange = std::function<void(Change& change, const std::vector<Actual>& all, const std::vector<Change>& changes)>;

/// Marks the undone changes and the withdrawn figures (an undo withdraws the change it names unless it is undone).
void markUndone(std::vector<Change>& changes, std::vector<Actual>* actuals);

bool pgStoreExists(const DataLocation& where);
/// ActualsStore::whyReadOnly for a schema: the role's privileges, asked of the server.
std::string pgWhyReadOnly(const DataLocation& where);
void pgOpenStore(const DataLocation& where, bool create);
/// The changes and (when asked) the figures, unmarked, in id order, from one snapshot.
void pgRead(const DataLocation& where, std::vector<Change>& changes, std::vector<Actual>* actuals);
long long pgWriteChange(const DataLocation& where, Change change, const std::vector<Actual>& rows, const PrepareChange& prepare,
                        const std::function<void()>& beforeCommit);

}  // namespace layers::detail
