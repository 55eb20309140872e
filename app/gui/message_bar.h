#pragma once
// A bar across the top of the map for what the user must not miss: an error from the command line (an unknown
// view, a name --find does not know, a file --add cannot read) or a search without one answer. A modal box at
// start-up would stop the window before it is drawn, and the terminal is not where a window's user looks.
// Each message has a key: a new message with the same key replaces the old one (one search message at a time),
// other keys add a line. The close button clears the bar.

#include <QFrame>
#include <QStringList>

class QLabel;
class QToolButton;

namespace app::gui {

class MessageBar : public QFrame {
    Q_OBJECT
public:
    enum class Level { Info, Warning, Error };
    explicit MessageBar(QWidget* parent = nullptr);

    void post(const QString& key, const QString& text, Level level);
    /// Removes the message with this key; the bar hides when none is left.
    void withdraw(const QString& key);
    void clear();
    /// Every message shown, one a line.
    QString text() const { return m_lines.join('\n'); }
    /// The most serious level shown.
    Level level() const { return m_level; }

private:
    void refresh();

    QStringList m_keys;
    QStringList m_lines;
    QList<Level> m_levels;
    Level m_level = Level::Info;
    QLabel* m_label;
    QToolButton* m_close;
};

}  // namespace app::gui
