#include "commandline.h"

#include "terminal.h"

#include <QSaveFile>

#include <nlohmann/json.hpp>

namespace cwb::cli {

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

bool writeOutputFile(const QString &path, const QByteArray &bytes)
{
    if (path == QLatin1String("-")) {
        printOut(QString::fromUtf8(bytes));
        return true;
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
