// One daemon per file: the lock names its holder, a lock left by a process that died is taken
// over, and a file that is not ours at the lock's name is refused and left alone.

#include "service/servicelock.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace cwb;
using namespace Qt::Literals::StringLiterals;

class ServiceLockTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneHolderAtATimeNamedByPid()
    {
        QTemporaryDir dir;
        const QString store = dir.filePath(u"results.sqlite"_s);
        QVERIFY(!ServiceLock::holder(store, u"monitor"_s));
        QString error;
        auto first = ServiceLock::acquire(store, u"monitor"_s, u"redis://127.0.0.1:7000"_s, &error);
        QVERIFY2(first, qPrintable(error));
        const auto holder = ServiceLock::holder(store, u"monitor"_s);
        QVERIFY(holder);
        QCOMPARE(holder->pid, qint64(::getpid()));
        QCOMPARE(holder->detail, u"redis://127.0.0.1:7000"_s);
        // flock(2) locks belong to the open file: a second open in this process conflicts too.
        QVERIFY(!ServiceLock::acquire(store, u"monitor"_s, {}, &error));
        QVERIFY2(error.contains(u"pid %1"_s.arg(::getpid())), qPrintable(error));
        // Another service on the same file is a different lock.
        QVERIFY(ServiceLock::acquire(store, u"warm"_s, {}, &error));

        first->heartbeat(QDateTime(QDate(2026, 3, 2), QTime(9, 59), Qt::UTC));
        first.reset();
        QVERIFY(!ServiceLock::holder(store, u"monitor"_s)); // released, the file stays
        QVERIFY(QFile::exists(ServiceLock::lockPathFor(store, u"monitor"_s)));
        const auto next = ServiceLock::acquire(store, u"monitor"_s, {}, &error);
        QVERIFY2(next, qPrintable(error));
        QCOMPARE(next->previousHeartbeat(), QDateTime(QDate(2026, 3, 2), QTime(9, 59), Qt::UTC));
    }

    // A holder that died (kill -9, a crash) leaves its record but not its flock: taken over.
    void staleLockOfADeadProcessIsTakenOver()
    {
        QTemporaryDir dir;
        const QString plans = dir.filePath(u"warming-plans.json"_s);
        QFile lock(ServiceLock::lockPathFor(plans, u"warm"_s));
        QVERIFY(lock.open(QIODevice::WriteOnly));
        lock.write(R"({"schema": "cache-workbench/service-lock", "service": "warm", "pid": 999999, "host": "gone",
                      "heartbeat": "2026-03-02T09:00:00.000Z"})");
        lock.close();
        QVERIFY(!ServiceLock::holder(plans, u"warm"_s));
        QString error;
        const auto taken = ServiceLock::acquire(plans, u"warm"_s, {}, &error);
        QVERIFY2(taken, qPrintable(error));
        QCOMPARE(taken->previousHeartbeat()->toString(Qt::ISODate), u"2026-03-02T09:00:00Z"_s);
        QCOMPARE(ServiceLock::holder(plans, u"warm"_s)->pid, qint64(::getpid()));
    }

    void aFileThatIsNotOursIsLeftAlone()
    {
        QTemporaryDir dir;
        const QString plans = dir.filePath(u"plans.json"_s);
        const QString lockPath = ServiceLock::lockPathFor(plans, u"warm"_s);
        QFile other(lockPath);
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.write("somebody else's notes\n");
        other.close();
        QString error;
        QVERIFY(!ServiceLock::acquire(plans, u"warm"_s, {}, &error));
        QVERIFY2(error.contains(u"not a Cache Workbench lock file"_s), qPrintable(error));
        QVERIFY(other.open(QIODevice::ReadOnly));
        QCOMPARE(other.readAll(), QByteArray("somebody else's notes\n"));
        other.close();

        QVERIFY(QFile::remove(lockPath));
        const QString target = dir.filePath(u"precious"_s);
        QVERIFY(QFile::link(target, lockPath)); // a link planted at the lock's name
        QVERIFY(!ServiceLock::acquire(plans, u"warm"_s, {}, &error));
        QVERIFY(!QFile::exists(target)); // nothing was created through it

        QVERIFY(QFile::remove(lockPath));
        QVERIFY(QDir().mkdir(lockPath)); // a folder
        QVERIFY(!ServiceLock::acquire(plans, u"warm"_s, {}, &error));
        QVERIFY(!ServiceLock::holder(plans, u"warm"_s));
    }
};

QTEST_GUILESS_MAIN(ServiceLockTest)
#include "tst_servicelock.moc"
