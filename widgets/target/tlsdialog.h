#pragma once

#include "redis/tlsoptions.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QWidget;

namespace cwb {

// The target bar's "TLS…" settings: whether to speak TLS (rediss://), the trust store, the client
// certificate and key for mutual TLS (and the key's pass phrase, held in memory only), the name
// to send and verify, the lowest protocol version, the ciphers, and an explicit "skip
// verification". Each file is checked as it is typed or chosen and a bad one is named at its
// field; OK also loads the files the way every connection will (TlsContext), so a key that does
// not fit its certificate or needs a pass phrase is refused here, not at the first connect.
class TlsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit TlsDialog(const TlsOptions &options, QWidget *parent = nullptr);

    // What was entered; all defaults (TLS off) while "Use TLS" is unticked.
    TlsOptions options() const;

    // Why a file or folder given as `path` cannot be used, in one sentence; empty when it can (or
    // when `path` is empty). `folderAllowed`: a hashed CA folder is as good as a file.
    static QString fileProblem(const QString &path, bool folderAllowed);

    void accept() override;

private:
    struct FileField
    {
        QLineEdit *edit = nullptr;
        QLabel *error = nullptr;
        bool folderAllowed = false;
    };
    FileField addFileField(QFormLayout *form, const QString &label, const QString &objectName,
                           const QString &placeholder, const QString &toolTip, bool folderAllowed);
    QLineEdit *addTextField(QFormLayout *form, const QString &label, const QString &objectName,
                            const QString &placeholder, const QString &toolTip);
    void revalidate();

    QCheckBox *m_enabled = nullptr;
    QWidget *m_settings = nullptr;
    FileField m_ca;
    FileField m_cert;
    FileField m_key;
    QLineEdit *m_passphrase = nullptr;
    QLineEdit *m_serverName = nullptr;
    QComboBox *m_minVersion = nullptr;
    QLineEdit *m_ciphers = nullptr;
    QLineEdit *m_ciphersuites = nullptr;
    QCheckBox *m_insecure = nullptr;
    QLabel *m_insecureWarning = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace cwb
