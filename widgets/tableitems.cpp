#include "tableitems.h"

#include <QTableWidget>

namespace cwb {

QTableWidgetItem *readOnlyItem(const QString &text, bool number)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

void appendReadOnlyRow(QTableWidget *table, const QStringList &cells, int firstNumberColumn)
{
    const int row = table->rowCount();
    table->insertRow(row);
    for (int c = 0; c < cells.size(); ++c) {
        QTableWidgetItem *item = readOnlyItem(cells[c], c >= firstNumberColumn);
        item->setToolTip(cells[c]);
        table->setItem(row, c, item);
    }
}

} // namespace cwb
