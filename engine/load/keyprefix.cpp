#include "keyprefix.h"

#include <QUuid>

namespace cwb {

namespace {

bool isGlobCharacter(QChar c)
{
    return c == u'*' || c == u'?' || c == u'[' || c == u']' || c == u'\\';
}

bool isHexDigit(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

// A shell word the user can paste as it is.
QString shellQuoted(const QString &text)
{
    const bool plain = std::all_of(text.begin(), text.end(), [](QChar c) {
        return c.isLetterOrNumber() || QStringView(u":/@._-=+,%").contains(c);
    });
    if (plain && !text.isEmpty())
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

} // namespace

QString keyPrefixProblem(const QString &prefix)
{
    if (prefix.isEmpty())
        return QStringLiteral("must not be empty: every key the workbench writes lives under it");
    if (prefix.size() > kMaxKeyPrefixLength)
        return QStringLiteral("is %1 characters long; at most %2 are allowed")
            .arg(prefix.size())
            .arg(kMaxKeyPrefixLength);
    for (const QChar c : prefix) {
        // Cleanup SCANs for prefix*: a glob character would match (and delete) other keys.
        if (isGlobCharacter(c))
            return QStringLiteral("must not contain the glob character '%1' (none of * ? [ ] \\)").arg(c);
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return QStringLiteral("must not contain spaces, other whitespace or control characters");
    }
    return {};
}

QString runTag(const QString &runId)
{
    QString tag;
    for (const QChar c : runId) {
        if (tag.size() == kRunTagLength)
            break;
        if (c == u'-')
            continue;
        if (!isHexDigit(c))
            return {};
        tag += c.toLower();
    }
    return tag.size() == kRunTagLength ? tag : QString();
}

QString newRunTag()
{
    return runTag(QUuid::createUuid().toString(QUuid::WithoutBraces));
}

QString runNamespace(const QString &prefix, const QString &runIdOrTag)
{
    return prefix + runTag(runIdOrTag) + QLatin1Char(':');
}

QString cleanupCommandLine(const QString &targetUri, const QString &keyNamespace)
{
    // "<prefix><tag>:"
    const QString prefix = keyNamespace.left(keyNamespace.size() - kRunTagLength - 1);
    const QString tag = keyNamespace.mid(prefix.size(), kRunTagLength);
    QString line = QStringLiteral("cache-workbench-cli cleanup --target %1").arg(shellQuoted(targetUri));
    if (prefix != QLatin1String("cwb:"))
        line += QStringLiteral(" --prefix %1").arg(shellQuoted(prefix));
    return line + QStringLiteral(" --run %1").arg(tag);
}

QString keysLeftMessage(qint64 left, const QString &keyNamespace, const QString &why, const QString &targetUri)
{
    const QString count =
        left < 0 ? QStringLiteral("an unknown number of keys") : QStringLiteral("%1 key(s)").arg(left);
    return QStringLiteral("%1 under '%2' were left on the target (%3); remove them with: %4")
        .arg(count, keyNamespace, why, cleanupCommandLine(targetUri, keyNamespace));
}

} // namespace cwb
