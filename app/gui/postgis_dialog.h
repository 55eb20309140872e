#pragma once
// 添加 PostGIS 图层: a libpq connection string (key=value, postgresql:// URI, or service=… of pg_service.conf; a password
// from ~/.pgpass or PGPASSWORD) and the tables with a geometry column it offers, listed with their geometry type,
// SRID, estimated rows, spatial index and overviews (layers::ViewportLayer::tables, asked on a worker). A table
// without a spatial index cannot be chosen: the dialog gives the CREATE INDEX that makes one. Errors are shown in
// the dialog, never with the password.

#include <vector>

#include <QDialog>
#include <QFutureWatcher>

#include "layers/viewport_layer.h"

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace app::gui {

class PostgisDialog : public QDialog {
    Q_OBJECT
public:
    explicit PostgisDialog(QWidget* parent = nullptr);

    QLineEdit* connectionField() const { return m_connection; }
    QPushButton* listButton() const { return m_list; }
    QTreeWidget* tableList() const { return m_tables; }
    QLabel* errorLabel() const { return m_error; }
    /// Whether a listing is running.
    bool listing() const { return m_watcher.isRunning(); }
    /// "PG:<connection> tables=<schema.table>" for the chosen table (what --add and addLayerFile take), or empty.
    QString reference() const;

private:
    struct Listed {
        std::vector<layers::PostgresTable> tables;
        QString error;
    };
    void startListing();
    void listed();
    void selectionChanged();
    QString location() const;

    QLineEdit* m_connection = nullptr;
    QPushButton* m_list = nullptr;
    QTreeWidget* m_tables = nullptr;
    QLabel* m_error = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QString m_listedLocation;
    QFutureWatcher<Listed> m_watcher;
};

}  // namespace app::gui
