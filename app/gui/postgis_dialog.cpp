#include "gui/postgis_dialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "layers/data_location.h"

namespace app::gui {

PostgisDialog::PostgisDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("添加 PostGIS 图层"));
    auto* layout = new QVBoxLayout(this);
    auto* hint = new QLabel(tr("连接字符串: host=… port=5432 dbname=… user=…, postgresql://…, 或 service=… (pg_service.conf)。"
                               "密码请放在 ~/.pgpass 或 PGPASSWORD 中: 项目文件与窗口中均不显示密码。"),
                            this);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    auto* row = new QHBoxLayout();
    m_connection = new QLineEdit(this);
    m_connection->setObjectName("connection");
    m_connection->setPlaceholderText(QStringLiteral("host=127.0.0.1 port=5432 dbname=gis user=planner"));
    m_connection->setText(QSettings().value("postgis/connection").toString());
    m_list = new QPushButton(tr("连接并列出表"), this);
    m_list->setObjectName("list");
    row->addWidget(m_connection, 1);
    row->addWidget(m_list);
    layout->addLayout(row);
    m_tables = new QTreeWidget(this);
    m_tables->setObjectName("tables");
    m_tables->setRootIsDecorated(false);
    m_tables->setHeaderLabels({tr("表"), tr("几何类型"), tr("SRID"), tr("行数 (估计)"), tr("空间索引"), tr("概览表")});
    m_tables->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tables->setMinimumSize(640, 260);
    layout->addWidget(m_tables, 1);
    m_error = new QLabel(this);
    m_error->setObjectName("error");
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    layout->addWidget(m_error);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("添加"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("取消"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    layout->addWidget(m_buttons);
    connect(m_list, &QPushButton::clicked, this, &PostgisDialog::startListing);
    connect(m_connection, &QLineEdit::returnPressed, this, &PostgisDialog::startListing);
    connect(&m_watcher, &QFutureWatcher<Listed>::finished, this, &PostgisDialog::listed);
    connect(m_tables, &QTreeWidget::itemSelectionChanged, this, &PostgisDialog::selectionChanged);
    connect(m_tables, &QTreeWidget::itemDoubleClicked, this, [this] {
        if (m_buttons->button(QDialogButtonBox::Ok)->isEnabled())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString PostgisDialog::location() const
{
    QString text = m_connection->text().trimmed();
    if (text.startsWith(QLatin1String("PG:")))
        text = text.mid(3);
    return QStringLiteral("PG:") + text;
}

void PostgisDialog::startListing()
{
    if (m_watcher.isRunning())
        return;
    m_tables->clear();
    m_error->clear();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    m_list->setEnabled(false);
    m_listedLocation = location();
    // the server's answer (or libpq's connect_timeout of 10 s) on a worker: the window stays responsive
    m_watcher.setFuture(QtConcurrent::run([location = m_listedLocation.toStdString()] {
        Listed out;
        try {
            out.tables = layers::ViewportLayer::tables(location);
        } catch (const std::exception& e) {
            out.error = QString::fromUtf8(e.what());
        }
        return out;
    }));
}

void PostgisDialog::listed()
{
    m_list->setEnabled(true);
    const Listed result = m_watcher.result();
    if (!result.error.isEmpty()) {
        m_error->setText(tr("无法列出表: %1").arg(result.error));
        return;
    }
    // remembered without the password
    QSettings().setValue("postgis/connection", QString::fromStdString(layers::DataLocation(m_listedLocation.toStdString()).shownConnection()).mid(3));
    if (result.tables.empty()) {
        m_error->setText(tr("此数据库中没有您可读取的带几何列的表"));
        return;
    }
    for (const layers::PostgresTable& t : result.tables) {
        auto* item = new QTreeWidgetItem(m_tables);
        item->setText(0, QString::fromStdString(t.table));
        item->setText(1, QString::fromStdString(t.geometryType));
        item->setText(2, QString::number(t.srid));
        item->setText(3, t.rowsEstimate < 0 ? tr("未分析") : QLocale().toString(t.rowsEstimate));
        item->setText(4, t.spatialIndex ? tr("有") : tr("无"));
        item->setText(5, t.overviews ? tr("有") : tr("无"));
        item->setData(0, Qt::UserRole, t.spatialIndex);
        item->setData(0, Qt::UserRole + 1, QString::fromStdString(t.geometryColumn));
        if (!t.spatialIndex)
            for (int c = 0; c < 6; ++c)
                item->setForeground(c, palette().brush(QPalette::Disabled, QPalette::Text));
    }
    for (int c = 1; c < 6; ++c)
        m_tables->resizeColumnToContents(c);
}

void PostgisDialog::selectionChanged()
{
    const QList<QTreeWidgetItem*> chosen = m_tables->selectedItems();
    m_error->clear();
    bool ok = chosen.size() == 1;
    if (ok && !chosen.front()->data(0, Qt::UserRole).toBool()) {
        ok = false;
        auto quoted = [](QString name) { return '"' + name.replace('"', QStringLiteral("\"\"")) + '"'; };
        const QString name = chosen.front()->text(0);
        const int dot = name.indexOf('.');
        const QString table = quoted(name.left(dot)) + '.' + quoted(name.mid(dot + 1));
        m_error->setText(tr("表 %1 的几何列 %2 没有空间索引, 每个视图都要读取整个表。请表的所有者先创建索引: CREATE INDEX ON %1 USING gist (%2)")
                             .arg(table, quoted(chosen.front()->data(0, Qt::UserRole + 1).toString())));
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

QString PostgisDialog::reference() const
{
    const QList<QTreeWidgetItem*> chosen = m_tables->selectedItems();
    if (chosen.size() != 1)
        return {};
    return m_listedLocation + QStringLiteral(" tables=") + chosen.front()->text(0);
}

}  // namespace app::gui
