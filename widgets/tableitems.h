#pragma once

#include <QStringList>

class QTableWidget;
class QTableWidgetItem;

namespace cwb {

// A cell a user can select but not edit; numbers are right-aligned.
QTableWidgetItem *readOnlyItem(const QString &text, bool number = false);
// Appends a row of read-only cells; columns from firstNumberColumn on are numbers. Each cell's
// tool tip is its text, so an elided key or range can still be read.
void appendReadOnlyRow(QTableWidget *table, const QStringList &cells, int firstNumberColumn);

} // namespace cwb
