#include "tlsoptions.h"

#include "failwith.h"

namespace cwb {

namespace {

const QString kCa = QStringLiteral("tls-ca");
const QString kCert = QStringLiteral("tls-cert");
const QString kKey = QStringLiteral("tls-key");
const QString kSni = QStringLiteral("tls-sni");
const QString kMinVersion = QStringLiteral("tls-min-version");
const QString kCiphers = QStringLiteral("tls-ciphers");
const QString kCiphersuites = QStringLiteral("tls-ciphersuites");
const QString kInsecure = QStringLiteral("insecure");

// "1.2", "TLSv1.2" or "tls1.2" for 1.2; empty when the text names no version we accept.
QString normalisedVersion(const QString &text)
{
    QString v = text.trimmed().toLower();
    if (v.startsWith(QLatin1String("tlsv")))
        v = v.mid(4);
    else if (v.startsWith(QLatin1String("tls")))
        v = v.mid(3);
    return v == QLatin1String("1.2") || v == QLatin1String("1.3") ? v : QString();
}

} // namespace

QList<QPair<QString, QString>> tlsQueryItems(const TlsOptions &o)
{
    QList<QPair<QString, QString>> items;
    auto add = [&items](const QString &name, const QString &value) {
        if (!value.isEmpty())
            items.append({name, value});
    };
    add(kCa, o.caPath);
    add(kCert, o.certFile);
    add(kKey, o.keyFile);
    add(kSni, o.serverName);
    add(kMinVersion, o.minVersion);
    add(kCiphers, o.ciphers);
    add(kCiphersuites, o.ciphersuites);
    if (o.insecure)
        items.append({kInsecure, QStringLiteral("yes")});
    return items;
}

bool isTlsQueryItem(QStringView name)
{
    for (const QString &known : {kCa, kCert, kKey, kSni, kMinVersion, kCiphers, kCiphersuites, kInsecure}) {
        if (name == known)
            return true;
    }
    return false;
}

bool applyTlsQueryItem(TlsOptions &o, QStringView name, const QString &value, QString *error)
{
    if (name == kInsecure) {
        const QString v = value.trimmed().toLower();
        if (v.isEmpty() || v == QLatin1String("yes") || v == QLatin1String("true") || v == QLatin1String("1"))
            o.insecure = true;
        else if (v == QLatin1String("no") || v == QLatin1String("false") || v == QLatin1String("0"))
            o.insecure = false;
        else
            return failWith(error, QStringLiteral("insecure='%1' must be yes or no").arg(value));
        return true;
    }
    if (value.isEmpty())
        return failWith(error, QStringLiteral("%1 is empty").arg(name));
    if (name == kMinVersion) {
        o.minVersion = normalisedVersion(value);
        if (o.minVersion.isEmpty())
            return failWith(error, QStringLiteral("%1 '%2' must be 1.2 or 1.3").arg(name, value));
        return true;
    }
    QString *field = name == kCa ? &o.caPath
        : name == kCert          ? &o.certFile
        : name == kKey           ? &o.keyFile
        : name == kSni           ? &o.serverName
        : name == kCiphers       ? &o.ciphers
        : name == kCiphersuites  ? &o.ciphersuites
                                 : nullptr;
    if (!field)
        return failWith(error, QStringLiteral("unknown TLS setting '%1'").arg(name));
    *field = value;
    return true;
}

QString tlsOptionsProblem(const TlsOptions &o)
{
    const bool anySetting = !o.caPath.isEmpty() || !o.certFile.isEmpty() || !o.keyFile.isEmpty()
        || !o.serverName.isEmpty() || !o.minVersion.isEmpty() || !o.ciphers.isEmpty() || !o.ciphersuites.isEmpty()
        || o.insecure;
    if (!o.enabled && anySetting)
        return QStringLiteral("TLS settings need a rediss:// URI (or --tls)");
    if (o.certFile.isEmpty() != o.keyFile.isEmpty())
        return o.certFile.isEmpty() ? QStringLiteral("tls-key needs tls-cert (the client certificate it belongs to)")
                                    : QStringLiteral("tls-cert needs tls-key (the certificate's private key)");
    if (o.insecure && !o.caPath.isEmpty())
        return QStringLiteral("insecure skips verification, so tls-ca would be ignored: give one or the other");
    return {};
}

bool applyTlsPassphraseFromEnvironment(TlsOptions &o)
{
    if (!o.keyPassphrase.isEmpty() || o.keyFile.isEmpty())
        return false;
    const QString value = qEnvironmentVariable("CWB_TLS_KEY_PASS");
    if (value.isEmpty())
        return false;
    o.keyPassphrase = value;
    return true;
}

} // namespace cwb
