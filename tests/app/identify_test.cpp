// Identify in the window and `gzplan where` locate a county with one service (PlanQuery::countyAt): the same
// county for a grid of points over Guizhou and for points on the county borders, and the answers the window
// gave before (a QPainterPath test on the projected counties) everywhere but on a border.
#include <gtest/gtest.h>

#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <cstdio>
#include <iostream>
#include <sstream>

#include "cli/arguments.h"
#include "cli/plan_commands.h"
#include "gui/identify.h"
#include "test_data.h"

namespace {

using app::gui::Hit;

/// The map as the window shows it at the start (1400×900, the province fitted), counties only.
struct Window {
    std::shared_ptr<const app::render::MapRenderer> renderer = test::plannedRenderer();
    app::render::RenderSettings settings = renderer->settingsFor(app::render::View::Overview);
    geo::Projection toDisplay{geo::crs::kCgcs2000, renderer->data().crs.toStdString()};
    geo::Projection toLonLat{renderer->data().crs.toStdString(), geo::crs::kCgcs2000};
    Window()
    {
        settings.view = app::render::MapView::fit(renderer->data().extent, QSizeF(1400, 900));
        for (const char* layer : {"places", "central_cities", "corridors", "belts", "zones"})
            settings.setVisible(layer, false);
    }
    QPointF screenOf(geo::Point lonLat) const
    {
        toDisplay.forward(lonLat);
        return settings.view.toScreen(lonLat);
    }
    /// The county code a click at screen gives ("" for none), and the lon/lat it located.
    QString identify(QPointF screen, geo::Point& lonLat) const
    {
        const Hit hit = app::gui::hitTest(*renderer, settings, screen, test::query(), toLonLat);
        app::gui::countyAt(test::query(), toLonLat, settings.view.toMap(screen), &lonLat);
        return hit.kind == Hit::Kind::County ? hit.id : QString();
    }
    /// What the window answered before: the first projected county path containing the point.
    QString formerIdentify(QPointF screen) const
    {
        const geo::Point m = settings.view.toMap(screen);
        for (const auto& c : renderer->data().counties)
            if (c.bounds.contains(m) && c.path.contains(QPointF(m.x, m.y)))
                return c.code;
        return {};
    }
};

/// `gzplan where <lon> <lat> --json`, run in-process: the county code, "" outside Guizhou.
QString where(geo::Point lonLat)
{
    char x[32], y[32];
    std::snprintf(x, sizeof x, "%.17g", lonLat.x);
    std::snprintf(y, sizeof y, "%.17g", lonLat.y);
    const app::cli::Arguments args = test::arguments({"where", x, y, "--json"});
    std::ostringstream out, err;
    EXPECT_EQ(app::cli::whereCommand(test::query(), args, out, err), 0) << err.str();
    const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(out.str())).object();
    return o["county"].toObject()["code"].toString();
}

/// Distance (degrees) from p to the nearest ring edge of a county.
double borderDistance(const QString& code, geo::Point p)
{
    const layers::County* c = test::geography().county(code.toStdString());
    return c ? geo::boundaryDistance(c->shape, p) : INFINITY;
}

}  // namespace

TEST(Identify, GridOverGuizhouGivesWhatGzplanWhereGivesAndWhatTheWindowGaveBefore)
{
    const Window w;
    const geo::Box b = test::geography().bounds();
    int inside = 0, formerDiffers = 0;
    constexpr int n = 60;
    for (int j = 0; j <= n; ++j)
        for (int i = 0; i <= n; ++i) {
            const geo::Point p{b.minX + b.width() * (i + 0.37) / (n + 1), b.minY + b.height() * (j + 0.61) / (n + 1)};
            const QPointF screen = w.screenOf(p);
            geo::Point located;
            const QString county = w.identify(screen, located);
            ASSERT_EQ(county, where(located)) << located.x << " " << located.y;
            inside += !county.isEmpty();
            const QString former = w.formerIdentify(screen);
            if (former != county) {
                // Only on a border (where either side is right): within a millimetre's worth of degrees of both.
                ++formerDiffers;
                EXPECT_LT(borderDistance(former.isEmpty() ? county : former, located), 1e-8) << located.x << " " << located.y;
                EXPECT_LT(borderDistance(county.isEmpty() ? former : county, located), 1e-8) << located.x << " " << located.y;
            }
        }
    EXPECT_GT(inside, (n + 1) * (n + 1) / 3);
    EXPECT_LE(formerDiffers, 2);
}

TEST(Identify, PointsOnCountyBordersGiveACountyMeetingThereOrNoneAsGzplanWhereDoes)
{
    const Window w;
    int points = 0, shared = 0, nowhere = 0, overlapped = 0;
    for (const layers::County& c : test::geography().counties)
        for (const geo::Polygon& polygon : c.shape)
            for (std::size_t k = 1; k < polygon.outer.size(); k += 40) {
                const geo::Point a = polygon.outer[k - 1], e = polygon.outer[k];
                const geo::Point border{(a.x + e.x) / 2, (a.y + e.y) / 2};
                const double length = std::hypot(e.x - a.x, e.y - a.y);
                if (length == 0)
                    continue;
                // The counties on either side of the edge, 1e-6° (~0.1 m) off it.
                const geo::Point normal{-(e.y - a.y) / length * 1e-6, (e.x - a.x) / length * 1e-6};
                const layers::County* left = test::query().countyAt({border.x + normal.x, border.y + normal.y});
                const layers::County* right = test::query().countyAt({border.x - normal.x, border.y - normal.y});
                const QString sides[] = {left ? QString::fromStdString(left->code) : QString(), right ? QString::fromStdString(right->code) : QString()};
                if (sides[0] != QString::fromStdString(c.code) && sides[1] != QString::fromStdString(c.code)) {
                    ++overlapped;  // the edge lies where a lower-numbered county overlaps this one: not a border
                    continue;
                }

                geo::Point located;
                const QString county = w.identify(w.screenOf(border), located);
                ASSERT_EQ(county, where(located)) << c.name << " " << located.x << " " << located.y;
                // One of the two counties, or none: on an edge (to the last bits) the even-odd rule may leave a point
                // in neither county (PointLocator's boundary rule); the window and `gzplan where` then both say none.
                EXPECT_TRUE(county == sides[0] || county == sides[1] || county.isEmpty())
                    << c.name << " " << located.x << " " << located.y << " gives " << county.toStdString() << ", sides " << sides[0].toStdString()
                    << " " << sides[1].toStdString();
                nowhere += county.isEmpty() && !sides[0].isEmpty() && !sides[1].isEmpty();
                ++points;
                shared += !sides[0].isEmpty() && !sides[1].isEmpty() && sides[0] != sides[1];
            }
    EXPECT_GT(points, 1000);
    EXPECT_GT(shared, 500);  // most sampled edges lie between two counties
    std::cout << points << " border points, " << shared << " between two counties, " << nowhere << " of them in neither, " << overlapped << " edges inside an overlap\n";
    EXPECT_LT(overlapped, points / 100);
}
