#include "topologygraph.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

namespace cwb {

namespace {

QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

QString compactBytes(qint64 bytes)
{
    if (bytes >= (qint64(1) << 30))
        return QString::number(double(bytes) / double(qint64(1) << 30), 'f', 1) + QStringLiteral(" GiB");
    if (bytes >= (1 << 20))
        return QString::number(double(bytes) / double(1 << 20), 'f', 1) + QStringLiteral(" MiB");
    return QString::number(double(bytes) / 1024.0, 'f', 0) + QStringLiteral(" KiB");
}

} // namespace

TopologyGraph::TopologyGraph(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("topologygraph"));
    setMinimumHeight(200);
}

QColor TopologyGraph::healthColor(NodeHealth health, const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    const bool dark = base.lightnessF() < 0.5;
    QColor hue;
    switch (health) {
    case NodeHealth::Up: hue = QColor(0x2e, 0xa0, 0x43); break;
    case NodeHealth::Suspected: hue = QColor(0xe0, 0x9b, 0x00); break;
    case NodeHealth::Failed: hue = QColor(0xd0, 0x30, 0x30); break;
    }
    return mix(base, hue, dark ? 0.45 : 0.30);
}

void TopologyGraph::setTopology(const Topology &topology)
{
    m_topology = topology;
    m_drawn.clear();
    for (const TopologyNode *m : m_topology.masters()) {
        m_drawn << m->id;
        for (const TopologyNode *r : m_topology.replicasOf(m->id))
            m_drawn << r->id;
    }
    for (const TopologyNode &n : m_topology.nodes) {
        if (!m_drawn.contains(n.id))
            m_drawn << n.id;
    }
    update();
}

void TopologyGraph::setTitlesByName(bool byName)
{
    m_titlesByName = byName;
    update();
}

QString TopologyGraph::nodeTitle(const TopologyNode &node, bool narrow) const
{
    if (narrow)
        return node.id;
    const QString name = m_titlesByName ? node.id : node.address();
    return (node.isMaster() ? tr("master") : tr("replica")) + QStringLiteral(" · ") + name;
}

void TopologyGraph::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    m_hitBoxes.clear();
    if (m_topology.nodes.empty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                   tr("No cluster yet. Connect to a Redis Cluster node (or start a local cluster sandbox) to see its topology."));
        return;
    }
    const auto masters = m_topology.masters();
    size_t maxReplicas = 0;
    for (const TopologyNode *m : masters)
        maxReplicas = std::max(maxReplicas, m_topology.replicasOf(m->id).size());
    // Replicas whose master is unknown (e.g. still handshaking) go in an extra column.
    std::vector<const TopologyNode *> orphans;
    for (const TopologyNode &n : m_topology.nodes) {
        if (!n.isMaster() && !m_topology.node(n.masterId))
            orphans.push_back(&n);
    }
    const int columns = int(masters.size()) + (orphans.empty() ? 0 : 1);
    const int rows = 1 + int(std::max(maxReplicas, orphans.size()));
    const double margin = 12;
    const double gap = 14;
    const double colWidth = (width() - 2 * margin - gap * (columns - 1)) / std::max(1, columns);
    const QFontMetricsF fm(font());
    const double line = fm.lineSpacing();
    const double boxHeight = std::min((height() - 2 * margin - 2 * gap * (rows - 1)) / std::max(1, rows), line * 4.6);
    // Rows stay together at the top; spare height is left below rather than between them.
    const double rowGap = gap * 2.5;

    auto drawNode = [&](const TopologyNode &n, const QRectF &box) {
        QPainterPath path;
        path.addRoundedRect(box, 6, 6);
        p.fillPath(path, healthColor(n.health, pal));
        QPen pen(n.id == m_selected ? pal.color(QPalette::Highlight) : pal.color(QPalette::Mid));
        pen.setWidthF(n.id == m_selected ? 2.5 : 1.0);
        p.setPen(pen);
        p.drawPath(path);
        p.setPen(pal.color(QPalette::Text));
        QFont bold = font();
        bold.setBold(true);
        const QRectF text = box.adjusted(8, 4, -8, -4);
        p.setFont(bold);
        // Narrow boxes (many nodes) show the node name and the essentials only.
        const bool narrow = text.width() < 170;
        const QString title = nodeTitle(n, narrow);
        p.drawText(QRectF(text.left(), text.top(), text.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(title, Qt::ElideRight, text.width()));
        p.setFont(font());
        QStringList lines;
        QString health = nodeHealthName(n.health);
        if (n.health == NodeHealth::Up)
            health = tr("up");
        else if (n.health == NodeHealth::Suspected)
            health = tr("suspected");
        else
            health = tr("failed");
        if (narrow) {
            lines << (n.isMaster() ? tr("master") : tr("replica")) + QStringLiteral(" · ") + health;
            lines << (n.isMaster() ? tr("%1 slots").arg(n.slotCount()) : tr("lag %1").arg(n.metrics.replicationLag));
        } else {
            lines << tr("%1 · %2 ops/s · %3").arg(health).arg(n.metrics.opsPerSec, 0, 'f', 0).arg(compactBytes(n.metrics.usedMemory));
        }
        if (!narrow && n.isMaster())
            lines << (n.slotRanges.empty() ? tr("no slots") : tr("slots %1").arg(slotRangesToText(n.slotRanges)));
        else if (!narrow)
            lines << tr("offset %1 · lag %2").arg(n.metrics.replicationOffset).arg(n.metrics.replicationLag);
        for (int i = 0; i < lines.size(); ++i) {
            const QRectF r(text.left(), text.top() + line * (i + 1), text.width(), line);
            if (r.bottom() <= box.bottom() + 1)
                p.drawText(r, Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(lines[i], Qt::ElideRight, text.width()));
        }
        m_hitBoxes.emplace_back(box, n.id);
    };

    for (int c = 0; c < columns; ++c) {
        const double x = margin + c * (colWidth + gap);
        std::vector<const TopologyNode *> column;
        if (c < int(masters.size())) {
            column.push_back(masters[size_t(c)]);
            for (const TopologyNode *r : m_topology.replicasOf(masters[size_t(c)]->id))
                column.push_back(r);
        } else {
            column.push_back(nullptr);
            column.insert(column.end(), orphans.begin(), orphans.end());
        }
        const QRectF masterBox(x, margin, colWidth, boxHeight);
        for (size_t i = 0; i < column.size(); ++i) {
            if (!column[i])
                continue;
            const QRectF box(x + (i == 0 ? 0 : colWidth * 0.06), margin + double(i) * (boxHeight + rowGap),
                             colWidth * (i == 0 ? 1.0 : 0.94), boxHeight);
            if (i > 0 && column[0]) {
                // The replication link: master to replica.
                QPen link(pal.color(QPalette::Mid));
                link.setWidthF(1.5);
                link.setStyle(column[i]->health == NodeHealth::Up ? Qt::SolidLine : Qt::DashLine);
                p.setPen(link);
                p.drawLine(QPointF(masterBox.center().x(), masterBox.bottom()), QPointF(box.center().x(), box.top()));
            }
            drawNode(*column[i], box);
        }
    }
}

void TopologyGraph::mousePressEvent(QMouseEvent *event)
{
    for (const auto &[box, id] : m_hitBoxes) {
        if (box.contains(event->position())) {
            m_selected = id;
            update();
            emit nodeSelected(id);
            return;
        }
    }
    QWidget::mousePressEvent(event);
}

// ------------------------------------------------------------------ OwnershipBar

OwnershipBar::OwnershipBar(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("ownershipbar"));
}

QColor OwnershipBar::ownerColor(int owner, const QPalette &palette)
{
    // Golden-angle hues: neighbouring owners differ clearly for any count.
    const double hue = std::fmod(0.58 + owner * 0.381966, 1.0);
    const bool dark = palette.color(QPalette::Base).lightnessF() < 0.5;
    return QColor::fromHsvF(float(hue), dark ? 0.55f : 0.50f, dark ? 0.80f : 0.88f);
}

void OwnershipBar::setSegments(const std::vector<Segment> &segments, const QStringList &ownerNames, const QString &caption)
{
    m_segments = segments;
    m_names = ownerNames;
    m_caption = caption;
    QStringList tip;
    for (int i = 0; i < m_names.size(); ++i)
        tip << m_names[i];
    setToolTip(m_caption);
    update();
}

void OwnershipBar::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QPalette pal = palette();
    const QFontMetrics fm(font());
    const QRectF bar(1, 1, width() - 2, height() - fm.lineSpacing() - 6);
    p.fillRect(bar, pal.color(QPalette::Base));
    for (const Segment &s : m_segments) {
        const QRectF r(bar.left() + s.from * bar.width(), bar.top(), std::max(1.0, (s.to - s.from) * bar.width()), bar.height());
        p.fillRect(r, ownerColor(s.owner, pal));
    }
    p.setPen(pal.color(QPalette::Mid));
    p.drawRect(bar);
    // Names on segments wide enough to carry them.
    p.setPen(QColor(0x10, 0x10, 0x10));
    for (const Segment &s : m_segments) {
        const QRectF r(bar.left() + s.from * bar.width(), bar.top(), (s.to - s.from) * bar.width(), bar.height());
        const QString name = m_names.value(s.owner);
        if (fm.horizontalAdvance(name) + 6 < r.width())
            p.drawText(r, Qt::AlignCenter, name);
    }
    p.setPen(pal.color(QPalette::WindowText));
    p.drawText(QRectF(0, bar.bottom() + 3, width(), fm.lineSpacing()), Qt::AlignLeft | Qt::AlignVCenter, m_caption);
}

} // namespace cwb
