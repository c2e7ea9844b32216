#include "tlsdialog.h"

#include "filechooser.h"
#include "redis/tlscontext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cwb {

namespace {

// The error hue of the target bar and the message bar: readable on light and dark palettes.
void paintAsProblem(QLabel *label)
{
    QPalette pal = label->palette();
    pal.setColor(QPalette::WindowText, QColor(0xda, 0x44, 0x53));
    label->setPalette(pal);
    label->setWordWrap(true);
}

QLabel *problemLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    paintAsProblem(label);
    label->hide();
    return label;
}

} // namespace

TlsDialog::TlsDialog(const TlsOptions &options, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("tlsDialog"));
    setWindowTitle(tr("TLS Settings"));

    m_enabled = new QCheckBox(tr("&Use TLS (rediss://)"), this);
    m_enabled->setObjectName(QStringLiteral("tlsEnabledBox"));
    m_enabled->setToolTip(tr("Encrypt every connection to this server and check its certificate, as managed "
                             "services require"));

    m_settings = new QWidget(this);
    auto *form = new QFormLayout(m_settings);
    form->setContentsMargins(0, 0, 0, 0);
    m_ca = addFileField(form, tr("&CA certificate:"), QStringLiteral("tlsCaEdit"), tr("System trust store"),
                        tr("The certificate (PEM) of the authority that signed the server's certificate, or a "
                           "folder of hashed CA certificates. Empty: the system's trusted authorities."),
                        true);
    m_cert = addFileField(form, tr("Client ce&rtificate:"), QStringLiteral("tlsCertEdit"), tr("none"),
                          tr("For servers that want a client certificate (mutual TLS), PEM"), false);
    m_key = addFileField(form, tr("Client &key:"), QStringLiteral("tlsKeyEdit"), tr("none"),
                         tr("The client certificate's private key, PEM"), false);
    m_passphrase = addTextField(form, tr("Key &pass phrase:"), QStringLiteral("tlsPassphraseEdit"), tr("none"),
                                tr("Only for an encrypted key. Kept in memory only: never saved, logged or exported."));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_serverName =
        addTextField(form, tr("Server &name (SNI):"), QStringLiteral("tlsServerNameEdit"), tr("the host in the URI"),
                     tr("The name sent to the server and checked against its certificate, when it differs "
                        "from the host you connect to (a tunnel, an IP address)"));
    m_minVersion = new QComboBox(m_settings);
    m_minVersion->setObjectName(QStringLiteral("tlsMinVersionBox"));
    m_minVersion->addItem(tr("TLS 1.2 (default)"), QString());
    m_minVersion->addItem(tr("TLS 1.3"), QStringLiteral("1.3"));
    m_minVersion->setToolTip(tr("The oldest protocol version the workbench accepts"));
    form->addRow(tr("&Minimum version:"), m_minVersion);
    m_ciphers = addTextField(form, tr("C&iphers (TLS 1.2):"), QStringLiteral("tlsCiphersEdit"), tr("OpenSSL's default"),
                             tr("An OpenSSL cipher list, for example ECDHE+AESGCM"));
    m_ciphersuites = addTextField(form, tr("Cipher &suites (TLS 1.3):"), QStringLiteral("tlsCiphersuitesEdit"),
                                  tr("OpenSSL's default"),
                                  tr("TLS 1.3 suites separated by colons, for example TLS_AES_256_GCM_SHA384"));
    m_insecure = new QCheckBox(tr("Skip &verification (insecure)"), m_settings);
    m_insecure->setObjectName(QStringLiteral("tlsInsecureBox"));
    m_insecure->setToolTip(tr("Accept any certificate for any name. Only for a test server you control."));
    form->addRow(QString(), m_insecure);
    m_insecureWarning = problemLabel(m_settings, QStringLiteral("tlsInsecureWarning"));
    m_insecureWarning->setText(tr("The server's certificate and host name will NOT be checked: anyone on the path "
                                  "can read and change this traffic, passwords included."));
    form->addRow(QString(), m_insecureWarning);

    m_problem = problemLabel(this, QStringLiteral("tlsProblemLabel"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_enabled);
    layout->addWidget(m_settings);
    layout->addWidget(m_problem);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    m_enabled->setChecked(options.enabled);
    m_ca.edit->setText(options.caPath);
    m_cert.edit->setText(options.certFile);
    m_key.edit->setText(options.keyFile);
    m_passphrase->setText(options.keyPassphrase);
    m_serverName->setText(options.serverName);
    m_minVersion->setCurrentIndex(qMax(0, m_minVersion->findData(options.minVersion)));
    m_ciphers->setText(options.ciphers);
    m_ciphersuites->setText(options.ciphersuites);
    m_insecure->setChecked(options.insecure);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &TlsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &TlsDialog::reject);
    connect(m_enabled, &QCheckBox::toggled, this, &TlsDialog::revalidate);
    connect(m_insecure, &QCheckBox::toggled, this, &TlsDialog::revalidate);
    for (QLineEdit *edit : {m_ca.edit, m_cert.edit, m_key.edit})
        connect(edit, &QLineEdit::textChanged, this, &TlsDialog::revalidate);
    revalidate();
}

TlsDialog::FileField TlsDialog::addFileField(QFormLayout *form, const QString &label, const QString &objectName,
                                             const QString &placeholder, const QString &toolTip, bool folderAllowed)
{
    FileField field;
    field.folderAllowed = folderAllowed;
    field.edit = new QLineEdit(m_settings);
    field.edit->setObjectName(objectName);
    field.edit->setPlaceholderText(placeholder);
    field.edit->setToolTip(toolTip);
    field.edit->setClearButtonEnabled(true);
    field.edit->setMinimumWidth(320);
    auto *browse = new QPushButton(tr("Browse…"), m_settings);
    browse->setObjectName(objectName + QStringLiteral("Browse"));
    QLineEdit *edit = field.edit;
    connect(browse, &QPushButton::clicked, this, [this, edit, label] {
        const QString start = edit->text().isEmpty() ? QDir::homePath() : edit->text();
        const QString path = chooseOpenFile(this, QString(label).remove(u'&').remove(u':'), start,
                                            tr("Certificates and keys (*.pem *.crt *.cer *.key);;All files (*)"));
        if (!path.isEmpty())
            edit->setText(QDir::toNativeSeparators(path));
    });
    auto *row = new QHBoxLayout;
    row->addWidget(field.edit, 1);
    row->addWidget(browse);
    form->addRow(label, row);
    if (auto *buddy = qobject_cast<QLabel *>(form->labelForField(row)))
        buddy->setBuddy(field.edit);
    field.error = problemLabel(m_settings, objectName + QStringLiteral("Error"));
    form->addRow(QString(), field.error);
    return field;
}

QLineEdit *TlsDialog::addTextField(QFormLayout *form, const QString &label, const QString &objectName,
                                   const QString &placeholder, const QString &toolTip)
{
    auto *edit = new QLineEdit(m_settings);
    edit->setObjectName(objectName);
    edit->setPlaceholderText(placeholder);
    edit->setToolTip(toolTip);
    form->addRow(label, edit);
    return edit;
}

QString TlsDialog::fileProblem(const QString &path, bool folderAllowed)
{
    if (path.isEmpty())
        return {};
    const QFileInfo info(path);
    if (!info.exists())
        return tr("%1 does not exist.").arg(path);
    if (info.isDir() && !folderAllowed)
        return tr("%1 is a folder: choose a file.").arg(path);
    // A folder is read by listing it and opening the certificates in it.
    if (!info.isReadable() || (info.isDir() && !info.isExecutable()))
        return tr("%1 cannot be read (permissions).").arg(path);
    if (info.isFile() && info.size() == 0)
        return tr("%1 is empty.").arg(path);
    return {};
}

TlsOptions TlsDialog::options() const
{
    TlsOptions o;
    if (!m_enabled->isChecked())
        return o;
    o.enabled = true;
    o.caPath = m_ca.edit->text().trimmed();
    o.certFile = m_cert.edit->text().trimmed();
    o.keyFile = m_key.edit->text().trimmed();
    o.keyPassphrase = m_key.edit->text().trimmed().isEmpty() ? QString() : m_passphrase->text();
    o.serverName = m_serverName->text().trimmed();
    o.minVersion = m_minVersion->currentData().toString();
    o.ciphers = m_ciphers->text().trimmed();
    o.ciphersuites = m_ciphersuites->text().trimmed();
    o.insecure = m_insecure->isChecked();
    return o;
}

void TlsDialog::revalidate()
{
    const bool on = m_enabled->isChecked();
    m_settings->setEnabled(on);
    m_insecureWarning->setVisible(on && m_insecure->isChecked());
    bool ok = true;
    for (const FileField *field : {&m_ca, &m_cert, &m_key}) {
        const QString problem = on ? fileProblem(field->edit->text().trimmed(), field->folderAllowed) : QString();
        field->error->setText(problem);
        field->error->setVisible(!problem.isEmpty());
        ok = ok && problem.isEmpty();
    }
    const QString problem = on ? tlsOptionsProblem(options()) : QString();
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok && problem.isEmpty());
}

void TlsDialog::accept()
{
    revalidate();
    if (!m_buttons->button(QDialogButtonBox::Ok)->isEnabled())
        return;
    const TlsOptions o = options();
    if (o.enabled) {
        // Local files only, read the way every connection will read them: a key that does not fit
        // its certificate, or is encrypted without its pass phrase, is said here.
        TlsOptions loaded = o;
        applyTlsPassphraseFromEnvironment(loaded); // as every connection does
        QString error;
        if (!TlsContext::obtain(loaded, &error)) {
            // The engine's sentence points CLI users at CWB_TLS_KEY_PASS; here the field is the way.
            if (loaded.keyPassphrase.isEmpty() && error.contains(QLatin1String("encrypted")))
                error = tr("The key %1 is encrypted: enter its pass phrase.").arg(o.keyFile);
            m_problem->setText(error);
            m_problem->show();
            return;
        }
    }
    QDialog::accept();
}

} // namespace cwb
