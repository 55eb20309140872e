#pragma once
// The plan asked about a user layer in the window (issue 14): the dock 统计 (StatsPanel: layers::analysis::
// computeStats on a worker, its table, totals, method and notes, a bar chart, a choropleth on the map, exports),
// the dialog 按位置选择 (SelectDialog: selectFeatures on a worker, the FIDs handed to the window) and the dialog
// 连接表格 (JoinDialog: joinTable, its unmatched rows and counties without a row, a column as a choropleth).
// Errors (a bad expression, a missing field, an unknown unit, a distance without a unit) are shown in the panel or
// dialog and handed to the message bar, the engine's English words after a Chinese lead-in.

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include <QDialog>
#include <QFutureWatcher>
#include <QWidget>

#include "layers/analysis.h"
#include "render/choropleth.h"
#include "render/feature_layers.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QTimer;
class QPushButton;
class QTableWidget;
class QTextBrowser;
class QChartView;

namespace app::gui {

/// The text and numeric fields of a layer's file (through GDAL): text fields group, numeric ones sum and average.
struct LayerFields {
    QStringList text, numeric;
};
LayerFields layerFields(const layers::FeatureLayer& layer);

/// A choropleth of a statistics result: each unit's value (all groups, or one) on its counties — a county or a
/// prefecture its own; a class, zone, central city or corridor its member counties (a partial zone or a corridor:
/// the counties it touches), a county in several units the largest; the legend says which.
std::shared_ptr<const render::Choropleth> statsChoropleth(const layers::analysis::StatsResult& result, const layers::analysis::PlanUnits& units,
                                                          const QString& group, double scale, const QString& unitText, bool english);

class StatsPanel : public QWidget {
    Q_OBJECT
public:
    /// style: the map's current style (the legend's colours are the map's, also after the window changes its style).
    StatsPanel(std::shared_ptr<const layers::analysis::PlanUnits> units, std::function<const render::Style&()> style, QWidget* parent = nullptr);
    ~StatsPanel() override;

    /// The user layers the window holds (the layer box lists them; the choice is kept by id).
    void setLayers(const std::vector<render::UserLayer>& layers);
    void setLanguage(const QString& language);
    void retranslate();

    /// Starts computeStats on a worker for what the panel's boxes say; false (the error shown) when the request
    /// cannot be made (no layer, a distance without a unit). finished() follows.
    bool run();
    bool running() const;
    const std::optional<layers::analysis::StatsResult>& result() const { return m_result; }
    const std::shared_ptr<const render::Choropleth>& choropleth() const { return m_choropleth; }
    /// The last error shown (empty after a success).
    QString errorText() const;

    QComboBox* layerBox() const { return m_layer; }
    QComboBox* byBox() const { return m_by; }
    QLineEdit* distanceEdit() const { return m_distance; }
    QComboBox* groupBox() const { return m_group; }
    QComboBox* measureBox() const { return m_measure; }
    QComboBox* valueUnitBox() const { return m_valueUnit; }
    QLineEdit* whereEdit() const { return m_where; }
    QTableWidget* table() const { return m_table; }
    QChartView* chartView() const { return m_chart; }
    QLabel* legendLabel() const { return m_legend; }
    /// Bars at most in the chart (the largest units); the rest are named in its title.
    static constexpr int kMaxBars = 20;

    /// The table to CSV or XLSX (layers::analysis::writeTable); an empty string or the error.
    QString exportTable(const QString& path);

signals:
    void finished(bool ok);
    void error(const QString& text);
    void choroplethChanged(std::shared_ptr<const render::Choropleth> map);
    void exportMapRequested();

private:
    void layerChosen();
    void showResult();
    void showChart();
    void updateChoropleth();
    void showError(const QString& text);

    std::shared_ptr<const layers::analysis::PlanUnits> m_units;  ///< shared with the workers: they may outlast the window
    std::function<const render::Style&()> m_style;
    std::vector<render::UserLayer> m_layers;
    QString m_language = "zh";
    QComboBox *m_layer, *m_by, *m_group, *m_measure, *m_valueUnit, *m_mapGroup;
    QLineEdit *m_distance, *m_where;
    QPushButton *m_run, *m_cancel, *m_exportTable, *m_exportMap, *m_clearMap;
    QProgressBar* m_busy;
    /// The running statistics' progress, written by its reading threads, shown by m_progressTimer; cancel: asked.
    struct Progress {
        std::atomic<std::uint64_t> read{0};
        std::atomic<std::int64_t> total{-1};
        std::atomic<bool> cancel{false};
    };
    std::shared_ptr<Progress> m_progress;
    QTimer* m_progressTimer;
    QLabel *m_error, *m_totals, *m_legend;
    QLabel *m_layerLabel, *m_byLabel, *m_groupLabel, *m_measureLabel, *m_whereLabel, *m_mapLabel;
    QTableWidget* m_table;
    QTextBrowser* m_method;
    QChartView* m_chart;
    struct Outcome {
        std::optional<layers::analysis::StatsResult> result;
        QString error;
    };
    QFutureWatcher<Outcome> m_watcher;
    std::optional<layers::analysis::StatsResult> m_result;
    std::shared_ptr<const render::Choropleth> m_choropleth;
};

/// 按位置选择: features of a user layer within or intersecting a plan unit, near a corridor, with an expression.
class SelectDialog : public QDialog {
    Q_OBJECT
public:
    SelectDialog(std::shared_ptr<const layers::analysis::PlanUnits> units, const std::vector<render::UserLayer>& layers, QWidget* parent = nullptr);
    ~SelectDialog() override;
    QComboBox* layerBox() const { return m_layer; }
    QComboBox* relationBox() const { return m_relation; }
    QLineEdit* unitEdit() const { return m_unit; }
    QLineEdit* nearEdit() const { return m_near; }
    QLineEdit* whereEdit() const { return m_where; }
    QLabel* messageLabel() const { return m_message; }
    /// Starts selectFeatures on a worker; false (the error shown) when the request cannot be made.
    bool run();
    bool running() const;
    const std::vector<std::int64_t>& fids() const { return m_fids; }

signals:
    /// The selected FIDs of the layer at index layer of the window's user layers.
    void selected(int layer, const std::vector<std::int64_t>& fids);
    void finished(bool ok);

private:
    std::shared_ptr<const layers::analysis::PlanUnits> m_units;  ///< shared with the workers: they may outlast the window
    std::vector<render::UserLayer> m_layers;
    QComboBox *m_layer, *m_relation;
    QLineEdit *m_unit, *m_near, *m_where;
    QLabel* m_message;
    QPushButton* m_run;
    struct Outcome {
        std::vector<std::int64_t> fids;
        QString error;
    };
    QFutureWatcher<Outcome> m_watcher;
    std::vector<std::int64_t> m_fids;
};

/// 连接表格: a CSV or XLSX table joined to the counties by a key column of codes or names.
class JoinDialog : public QDialog {
    Q_OBJECT
public:
    JoinDialog(const layers::PlanQuery& query, QWidget* parent = nullptr);
    void setFile(const QString& file);
    QLineEdit* fileEdit() const { return m_file; }
    QComboBox* keyBox() const { return m_key; }
    QComboBox* valueBox() const { return m_value; }
    QLineEdit* sheetEdit() const { return m_sheet; }
    QComboBox* encodingBox() const { return m_encoding; }
    QTableWidget* unmatchedTable() const { return m_unmatched; }
    QLabel* missingLabel() const { return m_missing; }
    QLabel* messageLabel() const { return m_message; }
    /// Joins (joinTable); false with the error shown.
    bool run();
    const std::optional<layers::analysis::JoinResult>& result() const { return m_result; }
    /// The chosen numeric column as a choropleth (null when no column or no number); also emitted by 上图.
    std::shared_ptr<const render::Choropleth> choropleth(bool english) const;

signals:
    void choroplethChosen(std::shared_ptr<const render::Choropleth> map);

private:
    void readColumns();
    const layers::PlanQuery& m_query;
    QLineEdit *m_file, *m_sheet;
    QComboBox *m_key, *m_value, *m_encoding;
    QTableWidget* m_unmatched;
    QLabel *m_missing, *m_message;
    std::optional<layers::analysis::JoinResult> m_result;
};

}  // namespace app::gui
