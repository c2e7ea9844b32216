#include "stats/processstats.h"

#include <QtTest>

#include <atomic>
#include <cstring>
#include <ctime>
#include <memory>
#include <thread>

using cwb::CpuMeter;
using cwb::ProcessSample;
using cwb::sampleProcess;

namespace {

double processCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

// Burns CPU on this thread until the kernel has charged `seconds` of CPU to the process.
void burnCpu(double seconds)
{
    const double start = processCpuSeconds();
    volatile uint64_t sink = 0;
    while (processCpuSeconds() - start < seconds) {
        for (int i = 0; i < 100000; ++i)
            sink = sink + uint64_t(i) * 2654435761u;
    }
}

} // namespace

class TestProcessStats : public QObject
{
    Q_OBJECT

private slots:
    void selfSampleIsValid();
    void cpuSecondsGrowWhileBusy();
    void rssGrowsWithTouchedMemory();
    void threadCountSeesARunningThread();
    void nonexistentPidIsInvalid();
    void cpuPercentOfKnownSamples();
};

void TestProcessStats::selfSampleIsValid()
{
    const ProcessSample self = sampleProcess();
    QVERIFY(self.valid);
    QVERIFY(self.rssBytes > 1024 * 1024);
    QVERIFY(self.threads >= 1);
    QVERIFY(self.timestampMs > 1'600'000'000'000LL);
    // Asking by our own pid gives the same process.
    const ProcessSample byPid = sampleProcess(qint64(QCoreApplication::applicationPid()));
    QVERIFY(byPid.valid);
    QCOMPARE(byPid.threads, self.threads);
}

void TestProcessStats::cpuSecondsGrowWhileBusy()
{
    CpuMeter meter;
    const ProcessSample before = sampleProcess();
    burnCpu(0.3);
    const ProcessSample after = sampleProcess();
    const double grown = (after.cpuUserSec + after.cpuSystemSec) - (before.cpuUserSec + before.cpuSystemSec);
    QVERIFY2(grown >= 0.2, qPrintable(QString::number(grown)));
    QVERIFY(after.cpuUserSec - before.cpuUserSec >= 0.15); // a busy loop is user time

    // One busy thread is at most one core; on a loaded machine it gets less, so the meter is held
    // to what the process's own counters say about the same interval, not to a fixed share.
    const auto percent = meter.poll();
    QVERIFY(percent.has_value());
    const double expected = CpuMeter::cpuPercent(before, after).value_or(-1);
    QVERIFY2(expected > 0 && *percent > 0.5 * expected && *percent < 130,
             qPrintable(QStringLiteral("meter %1 %, samples %2 %").arg(*percent).arg(expected)));

    // Then idle: the next interval shows little CPU.
    QThread::msleep(300);
    const auto idle = meter.poll();
    QVERIFY(idle.has_value());
    QVERIFY2(*idle < 20, qPrintable(QString::number(*idle)));
}

void TestProcessStats::rssGrowsWithTouchedMemory()
{
    const qint64 before = sampleProcess().rssBytes;
    constexpr size_t kSize = 64 * 1024 * 1024;
    std::unique_ptr<char[]> block(new char[kSize]);
    std::memset(block.get(), 0x5a, kSize); // untouched pages are not resident
    const qint64 after = sampleProcess().rssBytes;
    QVERIFY2(after - before >= 50LL * 1024 * 1024, qPrintable(QString::number(after - before)));
    QCOMPARE(block[kSize - 1], char(0x5a)); // keeps the memset from being optimised away
}

void TestProcessStats::threadCountSeesARunningThread()
{
    const int before = sampleProcess().threads;
    std::atomic<bool> stop{false};
    std::atomic<bool> started{false};
    std::thread worker([&] {
        started = true;
        while (!stop)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
    });
    while (!started)
        std::this_thread::yield();
    const int during = sampleProcess().threads;
    stop = true;
    worker.join();
    QVERIFY2(during >= before + 1, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(during)));
    QCOMPARE(sampleProcess().threads, during - 1);
}

void TestProcessStats::nonexistentPidIsInvalid()
{
    // Above the kernel's largest possible pid (2^22), so it can never exist.
    QVERIFY(!sampleProcess(qint64(1) << 23).valid);
    QVERIFY(!sampleProcess(-5).valid);
    CpuMeter meter(qint64(1) << 23);
    QVERIFY(!meter.poll().has_value());
}

void TestProcessStats::cpuPercentOfKnownSamples()
{
    ProcessSample a, b;
    a.valid = b.valid = true;
    a.monotonicNs = 1'000'000'000;
    b.monotonicNs = 3'000'000'000; // 2 s later
    a.cpuUserSec = 10;
    b.cpuUserSec = 12;
    b.cpuSystemSec = 1; // 3 s of CPU in 2 s: 1.5 cores
    QCOMPARE(*CpuMeter::cpuPercent(a, b), 150.0);
    QVERIFY(!CpuMeter::cpuPercent(b, a).has_value());
    b.valid = false;
    QVERIFY(!CpuMeter::cpuPercent(a, b).has_value());
}

QTEST_GUILESS_MAIN(TestProcessStats)
#include "tst_processstats.moc"
