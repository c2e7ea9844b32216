#pragma once

#include "cluster/topology.h"

#include <QWidget>

class QPainter;

namespace cwb {

// Masters side by side with their replicas below, each node a box coloured by health
// (palette-aware: tinted from the window colours, so it reads in light and dark themes) and
// labelled with address, ops/s, memory and slot ranges. Custom painted: six to a few dozen
// boxes need no scene graph.
class TopologyGraph : public QWidget
{
    Q_OBJECT
public:
    explicit TopologyGraph(QWidget *parent = nullptr);

    void setTopology(const Topology &topology);
    // Titles name each node by its id instead of its address: a simulation's nodes have names
    // ("node-1") that the rest of its page uses, and made-up addresses.
    void setTitlesByName(bool byName);
    // The bold first line of a node's box; narrow boxes show the name (or address) alone.
    QString nodeTitle(const TopologyNode &node, bool narrow) const;
    const Topology &topology() const { return m_topology; }
    // Node ids in drawing order (masters first, each followed by its replicas).
    QStringList drawnNodeIds() const { return m_drawn; }
    QString selectedNodeId() const { return m_selected; }

    QSize sizeHint() const override { return {720, 300}; }
    QSize minimumSizeHint() const override { return {320, 200}; }

    static QColor healthColor(NodeHealth health, const QPalette &palette);

    // Where each node is drawn at `size`, and whether boxes carry text or are tiles (too many
    // nodes for text: the tooltip names them).
    struct Layout
    {
        struct Box
        {
            const TopologyNode *node = nullptr;
            QRectF box;
            QRectF masterBox; // a replica's master, for the link; null otherwise
        };
        std::vector<Box> boxes;
        bool text = true;
    };
    Layout layOut(QSizeF size) const;
    // Title, health, ops/s, memory and slots or replication: a box's full text and its tooltip.
    QString nodeDetails(const TopologyNode &node) const;

Q_SIGNALS:
    void nodeSelected(const QString &id);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    void drawNode(QPainter &p, const TopologyNode &node, const QRectF &box, bool withText) const;

    Topology m_topology;
    QStringList m_drawn;
    QString m_selected;
    bool m_titlesByName = false;
    std::vector<std::pair<QRectF, QString>> m_hitBoxes;
};

// A horizontal bar over the slot space (or the ring, or the sorted key order): which node
// owns which part, one colour per node.
class OwnershipBar : public QWidget
{
    Q_OBJECT
public:
    struct Segment
    {
        double from = 0;
        double to = 0;
        int owner = 0;
    };

    explicit OwnershipBar(QWidget *parent = nullptr);
    void setSegments(const std::vector<Segment> &segments, const QStringList &ownerNames, const QString &caption);
    int segmentCount() const { return int(m_segments.size()); }

    static QColor ownerColor(int owner, const QPalette &palette);

    QSize sizeHint() const override { return {600, 56}; }
    QSize minimumSizeHint() const override { return {200, 56}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    std::vector<Segment> m_segments;
    QStringList m_names;
    QString m_caption;
};

} // namespace cwb
