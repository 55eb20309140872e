#pragma once
// The window's actual figures (实际数据): one row per target with the figure that counts (layers::currentActuals)
// and its status (layers::evaluate: the same statuses as `gzplan progress` and the report), filtered by scope,
// indicator and status; a figure entered or corrected in a dialog (checked with layers::checkActual, saved as one
// "set" change), the last change undone (Ctrl+Z), and the history of every change and every row (superseded and
// withdrawn ones too). The store is a GeoPackage of its own or a PostgreSQL schema (layers::ActualsStore); every
// change is read back and handed on (changed()) to the map's 目标进展 view and the progress panel. A save carries the
// change of the figure the dialog showed (refused when another user changed it since: layers::ConflictError); on
// PostgreSQL the panel listens (layers::ActualsListener on a QSocketNotifier) and reloads when another saves.

#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

#include <QAbstractTableModel>
#include <QDialog>
#include <QSortFilterProxyModel>
#include <QWidget>

#include "layers/monitoring.h"
#include "layers/plan_query.h"
#include "render/progress_data.h"

class QComboBox;
class QSocketNotifier;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;
class QTableWidget;
class QTabWidget;

namespace app::gui {

/// The name entries are recorded under: $USER, else the login name.
QString whoEnters();

/// A target's scope by name in the window's language (scopeName, and corridors and places by their names).
QString scopeLabel(const layers::PlanQuery& query, const std::string& kind, const std::string& id);

/// A status's colour (the same in the table, the progress panel and the legend's words).
QColor statusColour(layers::Status s);
/// A status in the window's language.
QString statusText(layers::Status s);

/// The map's and the panels' data from the statuses: evaluate's rows and countByScope (what render::loadProgress
/// gives from a store, here from the figures the panel has read already: a change is not read twice).
std::shared_ptr<const render::ProgressData> makeProgressData(std::vector<layers::TargetProgress> progress, int asOfYear = 0);

/// One row per target (evaluate's order): the status and the figure that counts.
class ActualsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TargetId, Scope, Indicator, TargetValue, Actual, Unit, StatusColumn, Rule, Source, FigureDate, Entered, Clause, ColumnCount };
    enum Role { StatusRole = Qt::UserRole + 1, ScopeRole, TargetIdRole, IndicatorRole };
    explicit ActualsModel(const layers::PlanQuery& query, QObject* parent = nullptr);
    void setProgress(std::vector<layers::TargetProgress> progress);
    const std::vector<layers::TargetProgress>& progress() const { return m_progress; }
    /// Headers and words again in the window's language.
    void retranslate();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const layers::PlanQuery& m_query;
    std::vector<layers::TargetProgress> m_progress;
};

/// The table's filters: scope ("city" or "city:zunyi"; empty: all), indicator (a part of its Chinese or English
/// name, case ignored), status (none: all).
class ActualsFilter : public QSortFilterProxyModel {
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setScope(const QString& scope);
    void setIndicator(const QString& text);
    void setStatus(std::optional<layers::Status> status);

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override;

private:
    QString m_scope, m_indicator;
    std::optional<layers::Status> m_status;
};

/// Entering or correcting one figure of a target. Nothing is written until the figure passes checkActual; the
/// problems are listed in the dialog, which stays open.
class ActualDialog : public QDialog {
    Q_OBJECT
public:
    /// save: writes the figure and returns the problems (empty: written).
    using Save = std::function<QStringList(const layers::Actual&)>;
    ActualDialog(const layers::Target& target, const layers::MonitoringRules& rules, const layers::Actual* current, Save save, QWidget* parent = nullptr);

    QLineEdit* valueEdit() const { return m_value; }
    QComboBox* unitBox() const { return m_unit; }
    QSpinBox* yearBox() const { return m_year; }
    QComboBox* measureBox() const { return m_measure; }
    QLineEdit* dateEdit() const { return m_date; }
    QLineEdit* sourceEdit() const { return m_source; }
    QLineEdit* noteEdit() const { return m_note; }
    /// The problems of the last attempt, as shown.
    QString problems() const;
    /// The figure as the fields say.
    layers::Actual actual() const;
    /// OK: saves; true when written (the dialog accepts), false with the problems shown.
    bool submit();

private:
    const layers::Target& m_target;
    Save m_save;
    QLineEdit *m_value, *m_date, *m_source, *m_note;
    QComboBox *m_unit, *m_measure;
    QSpinBox* m_year;
    QLabel* m_problems;
};

class ActualsPanel : public QWidget {
    Q_OBJECT
public:
    ActualsPanel(const layers::PlanQuery& query, QWidget* parent = nullptr);
    ~ActualsPanel() override;

    /// The rules of share/monitoring (periods, tolerances, units).
    void setRules(layers::MonitoringRules rules);
    /// Reads the store at where (a missing one: no figures yet, created at the first entry). Returns the error of a
    /// store that cannot be opened (the table then shows no figures), else an empty string. On PostgreSQL, listens
    /// for the changes others commit and reloads.
    QString setStore(const layers::DataLocation& where);
    const layers::DataLocation& store() const { return m_where; }
    /// Whether the panel listens for others' changes (a PostgreSQL store whose server answered).
    bool listening() const { return m_listener != nullptr; }
    /// Reads the store again and refreshes the table, the history and the data handed on; returns the error.
    QString reload();
    /// Why this user may not write the store (a database role that may only read, a file that is not writable), or
    /// empty: entering and undoing are then off, and the notice says so (layers::ActualsStore::whyReadOnly).
    const QString& readOnly() const { return m_readOnly; }

    /// Checks one figure and writes it as one "set" change; returns the problems (empty: written). seen: the change
    /// of the figure the user saw for its target, year and measure (0: none; nullopt: the one the table shows now);
    /// when another change made the one that counts since, nothing is written and the problem names it.
    QStringList enter(const layers::Actual& actual, std::optional<long long> seen = std::nullopt);
    /// The change of the figure that counts in figures for a's target, year and measure (0: none).
    static long long seenChange(const std::vector<layers::Actual>& figures, const layers::Actual& a);
    /// The dialog for a target (its current figure of the latest year prefilled); not shown.
    ActualDialog* dialogFor(const std::string& targetId);
    /// Withdraws the latest change; returns the error (nothing to undo, a store that cannot be written).
    QString undo();

    const std::vector<layers::TargetProgress>& progress() const { return m_model->progress(); }
    std::shared_ptr<const render::ProgressData> progressData() const { return m_data; }
    const std::vector<layers::Actual>& allActuals() const { return m_all; }
    const std::vector<layers::Change>& changes() const { return m_changes; }

    QTableView* table() const { return m_table; }
    ActualsFilter* filter() const { return m_filter; }
    ActualsModel* model() const { return m_model; }
    QComboBox* scopeFilter() const { return m_scopeBox; }
    QLineEdit* indicatorFilter() const { return m_indicatorEdit; }
    QComboBox* statusFilter() const { return m_statusBox; }
    QTableWidget* changeTable() const { return m_changeTable; }
    QTableWidget* rowTable() const { return m_rowTable; }
    QTabWidget* tabs() const { return m_tabs; }
    /// The line over the table (no figures yet, the store's path).
    QString notice() const;
    void retranslate();

signals:
    /// The figures changed (an entry, an undo, another store): the map and the progress panel redraw.
    void changed();
    /// An error the window shows in its message bar (empty: withdraw it).
    void error(const QString& text);
    /// A message for the status bar (a figure saved, a change undone).
    void message(const QString& text);

private:
    void editRow(const QModelIndex& proxyIndex);
    void editCurrent();
    void fillHistory();
    void fillScopes();

    const layers::PlanQuery& m_query;
    layers::MonitoringRules m_rules;
    layers::DataLocation m_where{std::string()};
    std::unique_ptr<layers::ActualsListener> m_listener;
    QSocketNotifier* m_notifier = nullptr;
    bool m_exists = false;
    bool m_historySized = false;
    QString m_error;
    QString m_readOnly;
    std::vector<layers::Actual> m_all, m_current;
    std::vector<layers::Change> m_changes;
    std::shared_ptr<const render::ProgressData> m_data;
    ActualsModel* m_model;
    ActualsFilter* m_filter;
    QTabWidget* m_tabs;
    QTableView* m_table;
    QTableWidget *m_changeTable, *m_rowTable;
    QLabel *m_notice, *m_scopeLabel, *m_indicatorLabel, *m_statusLabel;
    QComboBox *m_scopeBox, *m_statusBox;
    QLineEdit* m_indicatorEdit;
    QPushButton *m_enterButton, *m_undoButton, *m_reloadButton;
};

}  // namespace app::gui
