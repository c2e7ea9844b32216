#include "terminal.h"

#include <unistd.h>

#include <cstdio>

namespace cwb::cli {

void printOut(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void printError(const QString &message)
{
    endProgress();
    std::fprintf(stderr, "cache-workbench-cli: %s\n", message.toUtf8().constData());
    std::fflush(stderr);
}

bool stderrIsTerminal()
{
    static const bool terminal = isatty(STDERR_FILENO) == 1;
    return terminal;
}

namespace {
bool progressShown = false;
}

void printProgress(const QString &line)
{
    if (!stderrIsTerminal())
        return;
    std::fprintf(stderr, "\r\033[2K%s", line.toUtf8().constData());
    std::fflush(stderr);
    progressShown = true;
}

void endProgress()
{
    if (progressShown) {
        std::fprintf(stderr, "\r\033[2K");
        std::fflush(stderr);
        progressShown = false;
    }
}

} // namespace cwb::cli
