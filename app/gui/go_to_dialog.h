#pragma once
// 定位到坐标: a CGCS2000 longitude/latitude (decimal degrees or d°m′s″) or a CGCS2000 3° Gauss-Krüger easting and
// northing with its zone (number or central meridian; EPSG:4534…4554, the zone prefix of an 8-digit easting is read),
// checked with geo/coordinate_text.h. A bad entry (unparsable, out of range, far outside Guizhou) is named in the
// dialog, which stays open: the map does not move.

#include <optional>

#include <QDialog>

#include "geo/geometry.h"

class QComboBox;
class QLabel;
class QLineEdit;

namespace app::gui {

class GoToDialog : public QDialog {
    Q_OBJECT
public:
    /// neighbourhood: the lon/lat box a point must fall in (Guizhou's extent widened).
    GoToDialog(const geo::Box& neighbourhood, QWidget* parent = nullptr);

    enum class Mode { LonLat = 0, GaussKruger = 1 };
    void setMode(Mode mode);
    QComboBox* modeBox() const { return m_mode; }
    QLineEdit* firstField() const { return m_first; }   ///< longitude or easting
    QLineEdit* secondField() const { return m_second; } ///< latitude or northing
    QLineEdit* zoneField() const { return m_zone; }     ///< Gauss-Krüger zone or central meridian
    QLabel* errorLabel() const { return m_error; }

    /// The entry as CGCS2000 lon/lat, or nullopt with *error naming the problem (in the window's language).
    std::optional<geo::Point> point(QString* error) const;
    /// The accepted point (valid after accept()).
    geo::Point chosen() const { return m_result; }

    void accept() override;

private:
    void modeChanged();

    geo::Box m_neighbourhood;
    QComboBox* m_mode = nullptr;
    QLabel *m_firstLabel = nullptr, *m_secondLabel = nullptr, *m_zoneLabel = nullptr;
    QLineEdit *m_first = nullptr, *m_second = nullptr, *m_zone = nullptr;
    QLabel* m_error = nullptr;
    geo::Point m_result;
};

/// The box go-to accepts: Guizhou's lon/lat extent widened by 1.5° (its neighbours' nearer parts).
geo::Box goToNeighbourhood(const geo::Box& guizhouLonLat);

}  // namespace app::gui
