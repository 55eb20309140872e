#include "gui/go_to_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

#include "geo/coordinate_text.h"
#include "geo/projection.h"

namespace app::gui {

namespace {
QString problemText(geo::coords::Problem p, const QString& field, const QString& text)
{
    using geo::coords::Problem;
    switch (p) {
    case Problem::None: return {};
    case Problem::Empty: return GoToDialog::tr("%1: 未填写").arg(field);
    case Problem::Unparsable:
        return GoToDialog::tr("%1: 无法识别“%2”; 请写十进制度 (106.71) 或度分秒 (106°42′30″)").arg(field, text);
    case Problem::MinutesRange: return GoToDialog::tr("%1: 分或秒 “%2” 须小于 60").arg(field, text);
    case Problem::WrongHemisphere: return GoToDialog::tr("%1: “%2” 不是这一坐标轴的方向 (经度用 E/W 东/西, 纬度用 N/S 北/南)").arg(field, text);
    case Problem::LongitudeRange: return GoToDialog::tr("%1: “%2” 超出 -180° 至 180°").arg(field, text);
    case Problem::LatitudeRange: return GoToDialog::tr("%1: “%2” 超出 -90° 至 90°").arg(field, text);
    case Problem::ZoneUnknown:
        return GoToDialog::tr("带号“%1”不是 CGCS2000 3° 带: 请写带号 25–45 或中央经线 75–135 (3 的倍数, 如 105、108)").arg(text);
    case Problem::ZoneMissing: return GoToDialog::tr("缺少带号: 请填写带号或中央经线, 或写带前缀的 8 位东坐标 (如 36512345.6)");
    case Problem::ZoneConflict: return GoToDialog::tr("东坐标“%1”的带号前缀与所填带号不符").arg(text);
    case Problem::EastingRange: return GoToDialog::tr("东坐标“%1”超出 0–1 000 000 m (去掉带号后)").arg(text);
    case Problem::NorthingRange: return GoToDialog::tr("北坐标“%1”超出 0–10 000 000 m").arg(text);
    }
    return {};
}
}  // namespace

geo::Box goToNeighbourhood(const geo::Box& g) { return {g.minX - 1.5, g.minY - 1.5, g.maxX + 1.5, g.maxY + 1.5}; }

GoToDialog::GoToDialog(const geo::Box& neighbourhood, QWidget* parent) : QDialog(parent), m_neighbourhood(neighbourhood)
{
    setWindowTitle(tr("定位到坐标"));
    m_mode = new QComboBox(this);
    m_mode->addItem(tr("经纬度 (CGCS2000, 度或度分秒)"));
    m_mode->addItem(tr("高斯-克吕格 3° 带 (CGCS2000, EPSG:4534–4554)"));
    m_first = new QLineEdit(this);
    m_second = new QLineEdit(this);
    m_zone = new QLineEdit(this);
    m_first->setObjectName("first");
    m_second->setObjectName("second");
    m_zone->setObjectName("zone");
    m_firstLabel = new QLabel(this);
    m_secondLabel = new QLabel(this);
    m_zoneLabel = new QLabel(tr("带号或中央经线"), this);
    m_error = new QLabel(this);
    m_error->setObjectName("error");
    m_error->setWordWrap(true);
    m_error->setStyleSheet("color: #b00020");
    auto* form = new QFormLayout;
    form->addRow(tr("坐标"), m_mode);
    form->addRow(m_firstLabel, m_first);
    form->addRow(m_secondLabel, m_second);
    form->addRow(m_zoneLabel, m_zone);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &GoToDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &GoToDialog::reject);
    auto* column = new QVBoxLayout(this);
    column->addLayout(form);
    column->addWidget(m_error);
    column->addWidget(buttons);
    connect(m_mode, &QComboBox::currentIndexChanged, this, &GoToDialog::modeChanged);
    modeChanged();
    setMinimumWidth(460);
}

void GoToDialog::setMode(Mode mode) { m_mode->setCurrentIndex(static_cast<int>(mode)); }

void GoToDialog::modeChanged()
{
    const bool gk = m_mode->currentIndex() == static_cast<int>(Mode::GaussKruger);
    m_firstLabel->setText(gk ? tr("东坐标 E (m)") : tr("经度"));
    m_secondLabel->setText(gk ? tr("北坐标 N (m)") : tr("纬度"));
    m_first->setPlaceholderText(gk ? tr("512345.6 或 36512345.6") : tr("106.713 或 106°42′47″"));
    m_second->setPlaceholderText(gk ? tr("2935000") : tr("26.578 或 26°34′41″"));
    m_zone->setPlaceholderText(tr("36 或 108"));
    m_zone->setEnabled(gk);
    m_zoneLabel->setEnabled(gk);
    m_error->clear();
}

std::optional<geo::Point> GoToDialog::point(QString* error) const
{
    auto fail = [&](const QString& text) {
        if (error)
            *error = text;
        return std::optional<geo::Point>();
    };
    geo::Point lonLat;
    if (m_mode->currentIndex() == static_cast<int>(Mode::LonLat)) {
        const auto lon = geo::coords::parseAngle(m_first->text().toStdString(), geo::coords::Axis::Longitude);
        if (!lon.ok())
            return fail(problemText(lon.problem, tr("经度"), QString::fromStdString(lon.text)));
        const auto lat = geo::coords::parseAngle(m_second->text().toStdString(), geo::coords::Axis::Latitude);
        if (!lat.ok())
            return fail(problemText(lat.problem, tr("纬度"), QString::fromStdString(lat.text)));
        lonLat = {lon.degrees, lat.degrees};
    } else {
        if (m_first->text().trimmed().isEmpty())
            return fail(problemText(geo::coords::Problem::Empty, tr("东坐标"), {}));
        if (m_second->text().trimmed().isEmpty())
            return fail(problemText(geo::coords::Problem::Empty, tr("北坐标"), {}));
        const auto gk = geo::coords::parseGaussKruger(m_first->text().toStdString(), m_second->text().toStdString(), m_zone->text().toStdString());
        if (!gk.ok()) {
            const QString field = gk.problem == geo::coords::Problem::NorthingRange || (gk.problem != geo::coords::Problem::ZoneUnknown &&
                                                                                         QString::fromStdString(gk.text) == m_second->text() && !m_second->text().isEmpty())
                                      ? tr("北坐标")
                                      : tr("东坐标");
            return fail(problemText(gk.problem, field, QString::fromStdString(gk.text)));
        }
        lonLat = gk.point;
        try {
            const geo::Projection toLonLat(gk.zone.crs, geo::crs::kCgcs2000);
            if (!toLonLat.forward(lonLat))
                return fail(tr("%1 无法换算为经纬度 (PROJ)").arg(QString::fromStdString(gk.zone.crs)));
        } catch (const std::exception& e) {
            return fail(QString::fromUtf8(e.what()));
        }
    }
    if (!m_neighbourhood.contains(lonLat))
        return fail(tr("经度 %1° 纬度 %2° 不在贵州及其周边 (经度 %3°–%4°, 纬度 %5°–%6°)")
                        .arg(lonLat.x, 0, 'f', 5)
                        .arg(lonLat.y, 0, 'f', 5)
                        .arg(m_neighbourhood.minX, 0, 'f', 1)
                        .arg(m_neighbourhood.maxX, 0, 'f', 1)
                        .arg(m_neighbourhood.minY, 0, 'f', 1)
                        .arg(m_neighbourhood.maxY, 0, 'f', 1));
    if (error)
        error->clear();
    return lonLat;
}

void GoToDialog::accept()
{
    QString error;
    const auto p = point(&error);
    if (!p) {
        m_error->setText(error);  // the dialog stays open; the map does not move
        return;
    }
    m_error->clear();
    m_result = *p;
    QDialog::accept();
}

}  // namespace app::gui
