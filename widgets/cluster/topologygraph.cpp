#include "topologygraph.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

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
    // A real node's id is 40 hex digits: its address names it in a line.
    const QString name = m_titlesByName ? node.id : node.address();
    if (narrow)
        return name;
    return (node.isMaster() ? tr("master") : tr("replica")) + QStringLiteral(" · ") + name;
}

// Shards (a master and its replicas, one above the others) side by side; when they do not fit
// across at a width that holds a node's whole name they wrap into bands, one under the other.
// Boxes carry the name and as many lines below it as fit; when not even the name fits they become
// tiles coloured by health, named in their tooltips, so a cluster of dozens of nodes stays whole
// rather than cut or elided to nothing.
TopologyGraph::Layout TopologyGraph::layOut(QSizeF size) const
{
    Layout layout;
    const auto masters = m_topology.masters();
    std::vector<std::vector<const TopologyNode *>> shards;
    for (const TopologyNode *m : masters) {
        shards.push_back({m});
        for (const TopologyNode *r : m_topology.replicasOf(m->id))
            shards.back().push_back(r);
    }
    // Replicas whose master is unknown (e.g. still handshaking) go in a shard of their own.
    std::vector<const TopologyNode *> orphans{nullptr};
    for (const TopologyNode &n : m_topology.nodes) {
        if (!n.isMaster() && !m_topology.node(n.masterId))
            orphans.push_back(&n);
    }
    if (orphans.size() > 1)
        shards.push_back(orphans);
    if (shards.empty())
        return layout;
    size_t tallest = 0;
    for (const auto &shard : shards)
        tallest = std::max(tallest, shard.size());

    const QFontMetricsF fm(font());
    const double line = fm.lineSpacing();
    const double margin = 12;
    const int columns = int(shards.size());
    const int rows = int(tallest);
    // Text needs the widest name and three lines; tiles only need to be seen and clicked.
    double nameWidth = 0;
    QFont bold = font();
    bold.setBold(true);
    const QFontMetricsF boldFm(bold);
    for (const TopologyNode &n : m_topology.nodes)
        nameWidth = std::max(nameWidth, boldFm.horizontalAdvance(nodeTitle(n, true)));
    // The name whole (the other lines may elide: the tooltip has them), and "replica · up".
    const double minTextWidth = std::max(nameWidth, fm.horizontalAdvance(tr("replica") + QStringLiteral(" · ") + tr("up"))) + 16;
    const double minTextHeight = line + 8; // the name; the lines below it that fit are drawn too
    for (const bool text : {true, false}) {
        const double gap = text ? 14 : 6;
        const double rowGap = text ? 20 : 9; // room for the replication link
        const double minWidth = text ? minTextWidth : 10;
        const double minHeight = text ? minTextHeight : 8;
        for (int bands = 1; bands <= columns; ++bands) {
            const int across = (columns + bands - 1) / bands;
            const double width = (size.width() - 2 * margin - gap * (across - 1)) / across;
            const int stacked = bands * rows;
            const double height = std::min((size.height() - 2 * margin - rowGap * (stacked - 1)) / stacked, line * 4.6);
            const bool last = !text && bands == columns;
            if ((width < minWidth || height < minHeight) && !last)
                continue;
            layout.text = text;
            for (int c = 0; c < columns; ++c) {
                const double x = margin + (c % across) * (width + gap);
                const double top = margin + (c / across) * rows * (height + rowGap);
                const QRectF masterBox(x, top, width, height);
                const auto &shard = shards[size_t(c)];
                for (size_t i = 0; i < shard.size(); ++i) {
                    if (!shard[i])
                        continue;
                    const double inset = i == 0 ? 0 : width * 0.06;
                    const QRectF box(x + inset, top + double(i) * (height + rowGap), width - inset, height);
                    layout.boxes.push_back({shard[i], box, i > 0 && shard[0] ? masterBox : QRectF()});
                }
            }
            return layout;
        }
    }
    return layout;
}

QString TopologyGraph::nodeDetails(const TopologyNode &n) const
{
    QString health = tr("up");
    if (n.health == NodeHealth::Suspected)
        health = tr("suspected");
    else if (n.health == NodeHealth::Failed)
        health = tr("failed");
    QStringList lines{nodeTitle(n, false),
                      tr("%1 · %2 ops/s · %3").arg(health).arg(n.metrics.opsPerSec, 0, 'f', 0).arg(compactBytes(n.metrics.usedMemory))};
    if (n.isMaster())
        lines << (n.slotRanges.empty() ? tr("no slots") : tr("slots %1").arg(slotRangesToText(n.slotRanges)));
    else
        lines << tr("offset %1 · lag %2").arg(n.metrics.replicationOffset).arg(n.metrics.replicationLag);
    return lines.join(u'\n');
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
    const Layout layout = layOut(size());
    for (const Layout::Box &b : layout.boxes) {
        if (b.masterBox.isNull())
            continue;
        // The replication link: master to replica.
        QPen link(pal.color(QPalette::Mid));
        link.setWidthF(layout.text ? 1.5 : 1.0);
        link.setStyle(b.node->health == NodeHealth::Up ? Qt::SolidLine : Qt::DashLine);
        p.setPen(link);
        p.drawLine(QPointF(b.masterBox.center().x(), b.masterBox.bottom()), QPointF(b.box.center().x(), b.box.top()));
    }
    for (const Layout::Box &b : layout.boxes) {
        drawNode(p, *b.node, b.box, layout.text);
        m_hitBoxes.emplace_back(b.box, b.node->id);
    }
}

void TopologyGraph::drawNode(QPainter &p, const TopologyNode &n, const QRectF &box, bool withText) const
{
    const QPalette pal = palette();
    QPainterPath path;
    const double radius = withText ? 6 : 3;
    path.addRoundedRect(box, radius, radius);
    p.fillPath(path, healthColor(n.health, pal));
    QPen pen(n.id == m_selected ? pal.color(QPalette::Highlight) : pal.color(QPalette::Mid));
    pen.setWidthF(n.id == m_selected ? 2.5 : 1.0);
    p.setPen(pen);
    p.drawPath(path);
    if (!withText)
        return;
    const QFontMetricsF fm(font());
    const double line = fm.lineSpacing();
    p.setPen(pal.color(QPalette::Text));
    QFont bold = font();
    bold.setBold(true);
    const QRectF text = box.adjusted(8, 4, -8, -4);
    p.setFont(bold);
    // Narrow boxes (many nodes) show the node name and the essentials only.
    const bool narrow = text.width() < 170;
    p.drawText(QRectF(text.left(), text.top(), text.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
               QFontMetricsF(bold).elidedText(nodeTitle(n, narrow), Qt::ElideRight, text.width()));
    p.setFont(font());
    QStringList lines = nodeDetails(n).split(u'\n').mid(1);
    if (narrow) {
        const QString health = lines.value(0).section(QStringLiteral(" · "), 0, 0);
        lines = {(n.isMaster() ? tr("master") : tr("replica")) + QStringLiteral(" · ") + health,
                 n.isMaster() ? tr("%1 slots").arg(n.slotCount()) : tr("lag %1").arg(n.metrics.replicationLag)};
    }
    for (int i = 0; i < lines.size(); ++i) {
        const QRectF r(text.left(), text.top() + line * (i + 1), text.width(), line);
        if (r.bottom() <= box.bottom() + 1)
            p.drawText(r, Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(lines[i], Qt::ElideRight, text.width()));
    }
}

bool TopologyGraph::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        for (const auto &[box, id] : m_hitBoxes) {
            if (const TopologyNode *n = m_topology.node(id); n && box.contains(help->pos())) {
                QToolTip::showText(help->globalPos(), nodeDetails(*n), this, box.toAlignedRect());
                return true;
            }
        }
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    return QWidget::event(event);
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
