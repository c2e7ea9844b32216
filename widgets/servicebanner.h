#pragma once

#include <QLabel>

namespace cwb {

struct ServiceHolder;

// The strip a page shows while a headless service (the warm daemon, the monitor daemon) does
// its work instead of the GUI: who holds the service's lock, and what that means for the page.
class ServiceBanner : public QLabel
{
    Q_OBJECT
public:
    explicit ServiceBanner(QWidget *parent = nullptr);

    // "pid 1234 on host since 07/12/2026 05:00" (in the user's locale).
    static QString holderText(const ServiceHolder &holder);
};

} // namespace cwb
