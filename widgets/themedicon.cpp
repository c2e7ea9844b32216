#include "themedicon.h"

#include <QApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QPixmap>

// Q_INIT_RESOURCE must be called from the global namespace. The resource lives in a static
// library, so without this reference the linker would drop it and every icon would be blank.
static void initWidgetsResource()
{
    Q_INIT_RESOURCE(widgets);
}

namespace cwb {
namespace {

void ensureResources()
{
    static const bool once = [] {
        initWidgetsResource();
        return true;
    }();
    Q_UNUSED(once);
}

class TintedIconEngine final : public QIconEngine
{
public:
    explicit TintedIconEngine(const QString &path) : m_path(path), m_source(path) {}

    QIconEngine *clone() const override { return new TintedIconEngine(m_path); }
    QString key() const override { return QStringLiteral("cwb-tinted"); }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        painter->drawPixmap(rect, scaledPixmap(rect.size(), mode, state, dpr));
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override
    {
        Q_UNUSED(state);
        QPixmap pm = m_source.pixmap(size, scale);
        if (pm.isNull())
            return pm;
        QPainter p(&pm);
        p.setCompositionMode(QPainter::CompositionMode_SourceIn);
        p.fillRect(QRect(QPoint(0, 0), pm.size()), colour(mode));
        return pm;
    }

    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override { return size; }

private:
    static QColor colour(QIcon::Mode mode)
    {
        const QPalette pal = QApplication::palette();
        switch (mode) {
        case QIcon::Disabled:
            return pal.color(QPalette::Disabled, QPalette::WindowText);
        case QIcon::Selected:
            return pal.color(QPalette::Active, QPalette::HighlightedText);
        case QIcon::Normal:
        case QIcon::Active:
            break;
        }
        return pal.color(QPalette::Active, QPalette::WindowText);
    }

    QString m_path;
    QIcon m_source; // rendered by Qt's SVG icon engine plugin
};

} // namespace

QIcon themedIcon(const QString &name)
{
    ensureResources();
    return QIcon(new TintedIconEngine(QStringLiteral(":/icons/") + name + QStringLiteral(".svg")));
}

QIcon applicationIcon()
{
    ensureResources();
    return QIcon(QStringLiteral(":/icons/cache-workbench.svg"));
}

} // namespace cwb
