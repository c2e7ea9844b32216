#include "commandline.h"

#include "terminal.h"

#include "store/resultstore.h"
#include "store/storefile.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSaveFile>

#include <nlohmann/json.hpp>

#include <cmath>

namespace cwb::cli {

namespace {

QString g_commandPath;

// The same file by name (relative, or through symbolic links), whether it exists or not.
bool samePath(const QString &a, const QString &b)
{
    const auto resolved = [](const QString &path) {
        const QFileInfo info(path);
        return info.exists() ? info.canonicalFilePath() : info.absoluteFilePath();
    };
    return resolved(a) == resolved(b);
}

bool isStorePath(const QString &path, const QString &storePath)
{
    for (const char *suffix : {"", "-wal", "-shm", "-journal"}) {
        if (samePath(path, storePath + QLatin1String(suffix)))
            return true;
    }
    return false;
}

// Why `path` must not be written as an output; empty when it may.
QString storeOutputProblem(const QString &path, const QString &storePath)
{
    if (path == QLatin1String("-"))
        return {};
    if (isResultStoreFile(path) || isStorePath(path, ResultStore::resolveStorePath()) ||
        (!storePath.isEmpty() && isStorePath(path, storePath)))
        return QStringLiteral("%1 is the result store (or one of its files); refusing to write over it, choose "
                              "another file")
            .arg(path);
    return {};
}

// 1000000 rather than 1e+06 in a message.
QString plainNumber(double value)
{
    return value == std::floor(value) && std::abs(value) < 1e15 ? QString::number(qint64(value))
                                                                : QString::number(value);
}

} // namespace

bool parseCommandLine(QCommandLineParser &parser, const QStringList &args, const QString &description)
{
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    if (!parser.parse(QStringList{QStringLiteral("cache-workbench-cli")} + args)) {
        printError(parser.errorText());
        return false;
    }
    return true;
}

void setCommandPath(const QString &command)
{
    g_commandPath = command;
}

QString helpText(const QCommandLineParser &parser)
{
    // QCommandLineParser names the program by the path it was started with.
    QString text = parser.helpText();
    const QString started = QCoreApplication::arguments().value(0);
    const QString usage = QStringLiteral("cache-workbench-cli") +
                          (g_commandPath.isEmpty() ? QString() : QLatin1Char(' ') + g_commandPath);
    const qsizetype at = text.indexOf(started);
    if (!started.isEmpty() && at >= 0 && at < text.indexOf(QLatin1Char('\n')))
        text.replace(at, started.size(), usage);
    return text;
}

std::optional<double> numberOption(const QCommandLineParser &parser, const QCommandLineOption &option, double min,
                                   double max, double fallback)
{
    if (!parser.isSet(option))
        return fallback;
    bool ok = false;
    const QString text = parser.value(option);
    const double value = text.toDouble(&ok);
    // toDouble() accepts "nan" and "inf": neither is a usable setting.
    if (!ok || !std::isfinite(value) || value < min || value > max) {
        printError(QStringLiteral("--%1: '%2' is not a number from %3 to %4")
                       .arg(option.names().first(), text, plainNumber(min), plainNumber(max)));
        return std::nullopt;
    }
    return value;
}

std::optional<qint64> integerOption(const QCommandLineParser &parser, const QCommandLineOption &option, qint64 min,
                                    qint64 max, qint64 fallback)
{
    if (!parser.isSet(option))
        return fallback;
    bool ok = false;
    const QString text = parser.value(option);
    const qint64 value = text.trimmed().toLongLong(&ok);
    if (!ok || value < min || value > max) {
        printError(QStringLiteral("--%1: '%2' is not a whole number from %3 to %4")
                       .arg(option.names().first(), text)
                       .arg(min)
                       .arg(max));
        return std::nullopt;
    }
    return value;
}

bool refuseStoreOutputs(const QCommandLineParser &parser, std::initializer_list<const QCommandLineOption *> outputs,
                        const QString &storePath)
{
    for (const QCommandLineOption *option : outputs) {
        if (!parser.isSet(*option))
            continue;
        if (const QString problem = storeOutputProblem(parser.value(*option), storePath); !problem.isEmpty()) {
            printError(QStringLiteral("--%1: %2").arg(option->names().first(), problem));
            return false;
        }
    }
    return true;
}

bool writeOutputFile(const QString &path, const QByteArray &bytes)
{
    if (path == QLatin1String("-")) {
        printOut(QString::fromUtf8(bytes));
        return true;
    }
    if (const QString problem = storeOutputProblem(path, {}); !problem.isEmpty()) {
        printError(problem);
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        printError(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
        return false;
    }
    return true;
}

bool writeJsonFile(const QString &path, const nlohmann::json &json)
{
    return writeOutputFile(path, QByteArray::fromStdString(json.dump(2)) + '\n');
}

} // namespace cwb::cli
