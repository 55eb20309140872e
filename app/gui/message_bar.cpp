#include "gui/message_bar.h"

#include <algorithm>

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace app::gui {

MessageBar::MessageBar(QWidget* parent) : QFrame(parent), m_label(new QLabel(this)), m_close(new QToolButton(this))
{
    setObjectName("messageBar");
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);  // file names and typed text are shown as they are, never as markup
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    connect(m_close, &QToolButton::clicked, this, &MessageBar::clear);
    hide();
}

void MessageBar::post(const QString& key, const QString& text, Level level)
{
    if (const qsizetype i = m_keys.indexOf(key); i >= 0) {
        m_lines[i] = text;
        m_levels[i] = level;
    } else {
        m_keys << key;
        m_lines << text;
        m_levels << level;
    }
    refresh();
}

void MessageBar::withdraw(const QString& key)
{
    if (const qsizetype i = m_keys.indexOf(key); i >= 0) {
        m_keys.removeAt(i);
        m_lines.removeAt(i);
        m_levels.removeAt(i);
        refresh();
    }
}

void MessageBar::clear()
{
    m_keys.clear();
    m_lines.clear();
    m_levels.clear();
    refresh();
}

void MessageBar::refresh()
{
    m_level = m_levels.isEmpty() ? Level::Info : *std::max_element(m_levels.begin(), m_levels.end());
    // The colours of GitHub's flash messages: readable in both languages' fonts, distinct without a legend.
    const char* colours = m_level == Level::Error ? "background:#ffebe9; border:1px solid #cf222e; color:#82071e;"
                          : m_level == Level::Warning ? "background:#fff8c5; border:1px solid #bf8700; color:#4d2d00;"
                                                      : "background:#ddf4ff; border:1px solid #0969da; color:#0a3069;";
    setStyleSheet(QStringLiteral("#messageBar { %1 } #messageBar QLabel { border:none; background:transparent; }")
                      .arg(QLatin1String(colours)));
    m_label->setText(text());
    m_close->setToolTip(tr("关闭"));
    setVisible(!m_lines.isEmpty());
}

}  // namespace app::gui
