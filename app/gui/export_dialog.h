#pragma once
// The window's data export: layer, format, CRS, text encoding and target, written by the same exporter as
// `gzplan export`, with a cancellable progress dialog.

#include <memory>
#include <vector>

#include <QDialog>

#include "layers/exporter.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace app::gui {

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    ExportDialog(std::shared_ptr<const std::vector<layers::ExportTable>> tables, QWidget* parent = nullptr);

    /// The dialog's controls (as Qt Designer's Ui struct), for tests and scripted use.
    struct Ui {
        QComboBox *layer, *format, *crs, *encoding;
        QLineEdit* target;
        QCheckBox* force;
        QLabel* crsAdvice;  ///< the Gauss-Krüger zone for the chosen layers (as `gzplan crs suggest`)
    };
    const Ui& ui() const { return m_ui; }

    /// Exports with the dialog's choices, showing progress; false (with a message box unless quiet) on error
    /// or cancel. The last report or error stays readable.
    bool runExport(bool quiet = false);
    const layers::ExportReport& report() const { return m_report; }
    const QString& error() const { return m_error; }

private:
    void browse();
    void adviseCrs();

    std::shared_ptr<const std::vector<layers::ExportTable>> m_tables;
    Ui m_ui{};
    layers::ExportReport m_report;
    QString m_error;
};

}  // namespace app::gui
