#include "loadconfigform.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace cwb {

namespace {

// Lines of the problem summary: its height is fixed so that the layout never moves.
constexpr int kSummaryLines = 3;

QDoubleSpinBox *doubleSpin(QWidget *parent, double min, double max, int decimals, const QString &suffix)
{
    auto *spin = new QDoubleSpinBox(parent);
    spin->setRange(min, max);
    spin->setDecimals(decimals);
    spin->setSuffix(suffix);
    spin->setAccelerated(true);
    spin->setKeyboardTracking(false);
    return spin;
}

QSpinBox *intSpin(QWidget *parent, int min, int max, const QString &suffix)
{
    auto *spin = new QSpinBox(parent);
    spin->setRange(min, max);
    spin->setSuffix(suffix);
    spin->setAccelerated(true);
    spin->setGroupSeparatorShown(true);
    spin->setKeyboardTracking(false);
    return spin;
}

QFormLayout *formIn(QGroupBox *box)
{
    auto *form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    return form;
}

} // namespace

LoadConfigForm::LoadConfigForm(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("loadConfigForm"));
    const QString s = tr(" s");

    // --- Test
    auto *testBox = new QGroupBox(tr("Test"), this);
    auto *testForm = formIn(testBox);
    m_testName = new QLineEdit(this);
    testForm->addRow(tr("&Name:"), row(QStringLiteral("testName"), m_testName,
                                       tr("A short name for the run; baselines are kept per name and target")));
    m_description = new QLineEdit(this);
    m_description->setPlaceholderText(tr("Optional"));
    testForm->addRow(tr("Descr&iption:"),
                     row(QStringLiteral("description"), m_description, tr("What this test is for, saved with the results")));

    // --- Load
    auto *loadBox = new QGroupBox(tr("Load"), this);
    auto *loadForm = formIn(loadBox);
    m_duration = doubleSpin(this, 0, 86400, 1, s);
    loadForm->addRow(tr("&Duration:"), row(QStringLiteral("duration"), m_duration,
                                            tr("How long the measurement runs, in seconds (warm-up not included)")));
    m_warmup = doubleSpin(this, 0, 3600, 1, s);
    m_warmup->setSpecialValueText(tr("none"));
    loadForm->addRow(tr("&Warm-up:"), row(QStringLiteral("warmupSeconds"), m_warmup,
                                           tr("Load applied before the measurement starts; excluded from the results")));
    m_users = intSpin(this, 1, 10000, tr(" users"));
    loadForm->addRow(tr("&Virtual users:"), row(QStringLiteral("concurrentUsers"), m_users,
                                                 tr("Concurrent virtual users; each has its own connection")));
    m_rps = doubleSpin(this, 0, 10'000'000, 0, tr(" req/s"));
    m_rps->setSpecialValueText(tr("as fast as possible (closed loop)"));
    m_rps->setSingleStep(100);
    loadForm->addRow(tr("&Target rate:"),
                     row(QStringLiteral("requestsPerSecond"), m_rps,
                         tr("Total requests per second (open loop, latency includes queueing). "
                            "0 runs a closed loop: each user sends its next request when the previous answered")));
    m_pipeline = intSpin(this, 1, 1024, tr(" in flight"));
    loadForm->addRow(tr("&Pipeline:"), row(QStringLiteral("pipeline"), m_pipeline,
                                            tr("Requests each user keeps in flight (closed loop only)")));

    // --- Operation mix: sliders and spin boxes side by side, always summing to 100%.
    auto *mixBox = new QGroupBox(tr("Operation mix"), this);
    auto *mixGrid = new QGridLayout;
    const QString opLabels[kOpTypeCount] = {tr("&Read"), tr("Wr&ite"), tr("D&elete"), tr("In&validate")};
    const QString opTips[kOpTypeCount] = {
        tr("Share of reads (GET, HGETALL, ...): hits and misses are counted"),
        tr("Share of writes (SET with TTL, HSET, ...)"),
        tr("Share of deletes (UNLINK)"),
        tr("Share of tag invalidations (deleting every key of a tag)"),
    };
    for (int op = 0; op < kOpTypeCount; ++op) {
        auto *label = new QLabel(opLabels[op], this);
        auto *slider = new QSlider(Qt::Horizontal, this);
        slider->setRange(0, 100);
        slider->setToolTip(opTips[op]);
        auto *spin = intSpin(this, 0, 100, tr(" %"));
        spin->setToolTip(opTips[op]);
        label->setBuddy(spin);
        const QString name = QStringLiteral("operationMix.") + opTypeName(OpType(op));
        slider->setObjectName(name + QStringLiteral(".slider"));
        spin->setObjectName(name);
        m_fields.insert(name, spin);
        m_mixSliders[size_t(op)] = slider;
        m_mixSpins[size_t(op)] = spin;
        mixGrid->addWidget(label, op, 0);
        mixGrid->addWidget(slider, op, 1);
        mixGrid->addWidget(spin, op, 2);
        connect(slider, &QSlider::valueChanged, this, [this, op](int v) { setMixShare(op, v); });
        connect(spin, &QSpinBox::valueChanged, this, [this, op](int v) { setMixShare(op, v); });
    }
    m_mixSum = new QLabel(this);
    m_mixSum->setToolTip(tr("The shares always add up to 100%: changing one adjusts the others in proportion"));
    auto *mixLayout = new QVBoxLayout(mixBox);
    mixLayout->addLayout(mixGrid);
    mixLayout->addWidget(row(QStringLiteral("operationMix"), m_mixSum, m_mixSum->toolTip()));

    // --- Data
    auto *dataBox = new QGroupBox(tr("Keys and values"), this);
    auto *dataForm = formIn(dataBox);
    auto *typesWidget = new QWidget(this);
    auto *typesLayout = new QGridLayout(typesWidget);
    typesLayout->setContentsMargins(0, 0, 0, 0);
    const QString typeLabels[kCacheTypeCount] = {tr("String"), tr("Hash"), tr("Session"), tr("Geo"), tr("Counter")};
    const QString typeTips[kCacheTypeCount] = {
        tr("Plain values: GET / SET with TTL"), tr("Objects as hashes: HGETALL / HSET"),
        tr("Session records: hash plus sliding expiry"), tr("Geospatial sets: GEOSEARCH / GEOADD"),
        tr("Counters: GET / INCRBY")};
    for (int t = 0; t < kCacheTypeCount; ++t) {
        auto *box = new QCheckBox(typeLabels[t], this);
        box->setObjectName(QStringLiteral("cacheType.") + cacheTypeName(CacheType(t)));
        box->setToolTip(typeTips[t]);
        m_cacheTypes[size_t(t)] = box;
        typesLayout->addWidget(box, t / 3, t % 3);
        connect(box, &QCheckBox::toggled, this, &LoadConfigForm::revalidate);
    }
    dataForm->addRow(tr("Cache types:"), row(QStringLiteral("cacheTypes"), typesWidget,
                                             tr("Kinds of cached data the operations work on; at least one")));
    m_keySpace = intSpin(this, 0, 1'000'000'000, tr(" keys"));
    dataForm->addRow(tr("&Key space:"), row(QStringLiteral("keySpace"), m_keySpace,
                                             tr("Distinct keys per cache type; smaller means more hits")));
    m_distribution = new QComboBox(this);
    m_distribution->addItem(tr("Uniform"), int(KeyDistribution::Uniform));
    m_distribution->addItem(tr("Zipfian (hot keys)"), int(KeyDistribution::Zipfian));
    m_distribution->addItem(tr("Gaussian"), int(KeyDistribution::Gaussian));
    m_distribution->addItem(tr("Sequential"), int(KeyDistribution::Sequential));
    dataForm->addRow(tr("Key &distribution:"), row(QStringLiteral("keyDistribution.type"), m_distribution,
                                                    tr("How keys are picked from the key space")));
    m_zipf = doubleSpin(this, 0, 5, 2, QString());
    m_zipf->setSingleStep(0.05);
    dataForm->addRow(tr("Zipf &exponent:"), row(QStringLiteral("keyDistribution.exponent"), m_zipf,
                                                 tr("Skew of the Zipfian distribution (Zipfian only); 0.99 is typical")));
    m_sigma = doubleSpin(this, 0, 1, 3, QString());
    m_sigma->setSingleStep(0.01);
    dataForm->addRow(tr("Gaussian &sigma:"),
                     row(QStringLiteral("keyDistribution.sigma"), m_sigma,
                         tr("Standard deviation as a fraction of the key space (Gaussian only)")));
    m_valueMin = intSpin(this, 0, 16 * 1024 * 1024, tr(" B"));
    dataForm->addRow(tr("Value size mi&n:"), row(QStringLiteral("valueSize.min"), m_valueMin,
                                                  tr("Smallest value written, in bytes")));
    m_valueMax = intSpin(this, 0, 16 * 1024 * 1024, tr(" B"));
    dataForm->addRow(tr("Value size ma&x:"), row(QStringLiteral("valueSize.max"), m_valueMax,
                                                  tr("Largest value written, in bytes (at most 16 MiB)")));
    m_ttl = intSpin(this, 0, std::numeric_limits<int>::max(), s);
    m_ttl->setSpecialValueText(tr("no expiry"));
    dataForm->addRow(tr("&TTL:"), row(QStringLiteral("ttl"), m_ttl, tr("Expiry of written keys; 0 = no expiry")));
    m_tags = intSpin(this, 1, 1'000'000, tr(" tags"));
    dataForm->addRow(tr("Ta&gs:"), row(QStringLiteral("tagCount"), m_tags,
                                       tr("Invalidation tags the keys are spread over")));
    m_prefix = new QLineEdit(this);
    dataForm->addRow(tr("Key &prefix:"),
                     row(QStringLiteral("keyPrefix"), m_prefix,
                         tr("Every key the test writes starts with this; cleanup deletes only keys under it")));

    // --- Execution
    auto *execBox = new QGroupBox(tr("Execution"), this);
    auto *execForm = formIn(execBox);
    m_timeout = intSpin(this, 1, 600'000, tr(" ms"));
    execForm->addRow(tr("Request ti&meout:"), row(QStringLiteral("requestTimeoutMs"), m_timeout,
                                                  tr("A request without a reply after this counts as a timeout error")));
    m_threads = intSpin(this, 0, 256, tr(" threads"));
    m_threads->setSpecialValueText(tr("automatic"));
    execForm->addRow(tr("W&orker threads:"),
                     row(QStringLiteral("threads"), m_threads,
                         tr("Threads driving the virtual users; 0 = automatic: one per CPU core, one less for a "
                            "server on this machine, and for an open loop only as many as its rate needs")));
    m_seed = new QLineEdit(this);
    execForm->addRow(tr("See&d:"), row(QStringLiteral("seed"), m_seed,
                                       tr("Random seed of the key sequence: the same seed repeats the same keys")));
    m_cleanup = new QCheckBox(tr("Delete the test's keys after the run"), this);
    execForm->addRow(tr("&Cleanup:"), row(QStringLiteral("cleanup"), m_cleanup,
                                          tr("SCAN and UNLINK every key under the prefix when the run ends")));
    m_readFromReplicas = new QCheckBox(tr("Read from replic&as (Redis Cluster)"), this);
    execForm->addRow(tr("Replicas:"),
                     row(QStringLiteral("readFromReplicas"), m_readFromReplicas,
                         tr("Redis Cluster only: reads go to each slot's replicas (after READONLY), writes stay on "
                            "the masters. A run against a single server with this set is refused")));

    m_issueSummary = new QLabel;
    m_issueSummary->setObjectName(QStringLiteral("issueSummary"));
    m_issueSummary->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_issueSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_issueSummary->setFixedHeight(m_issueSummary->fontMetrics().lineSpacing() * kSummaryLines + 6);
    m_issueSummary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    // Owned by the form even while the page has not placed it.
    connect(this, &QObject::destroyed, m_issueSummary, [summary = QPointer<QLabel>(m_issueSummary)] {
        if (summary && !summary->parent())
            delete summary;
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QGroupBox *box : {testBox, loadBox, mixBox, dataBox, execBox})
        layout->addWidget(box);
    layout->addStretch(1);

    for (QLineEdit *edit : {m_testName, m_description, m_prefix, m_seed})
        connect(edit, &QLineEdit::textChanged, this, &LoadConfigForm::revalidate);
    for (QDoubleSpinBox *spin : {m_duration, m_warmup, m_rps, m_zipf, m_sigma})
        connect(spin, &QDoubleSpinBox::valueChanged, this, &LoadConfigForm::revalidate);
    for (QSpinBox *spin : {m_users, m_pipeline, m_keySpace, m_valueMin, m_valueMax, m_ttl, m_timeout, m_threads, m_tags})
        connect(spin, &QSpinBox::valueChanged, this, &LoadConfigForm::revalidate);
    connect(m_rps, &QDoubleSpinBox::valueChanged, this, &LoadConfigForm::updateLoopFields);
    connect(m_distribution, &QComboBox::currentIndexChanged, this, [this] {
        updateDistributionFields();
        revalidate();
    });
    for (QCheckBox *box : {m_cleanup, m_readFromReplicas})
        connect(box, &QCheckBox::toggled, this, &LoadConfigForm::revalidate);

    setConfig(LoadTestConfig{});
}

QWidget *LoadConfigForm::row(const QString &name, QWidget *field, const QString &tip)
{
    field->setObjectName(name);
    field->setToolTip(tip);
    field->setProperty("baseToolTip", tip);
    m_fields.insert(name, field);

    m_rows.insert(name, field);
    return field;
}

LoadTestConfig LoadConfigForm::config() const
{
    LoadTestConfig c;
    c.testName = m_testName->text();
    c.description = m_description->text();
    c.target = m_target;
    c.durationSec = m_duration->value();
    c.warmupSec = m_warmup->value();
    c.concurrentUsers = m_users->value();
    c.requestsPerSecond = m_rps->value();
    c.pipeline = m_pipeline->value();
    c.operationMix = m_mix;
    c.cacheTypes.clear();
    for (int t = 0; t < kCacheTypeCount; ++t)
        if (m_cacheTypes[size_t(t)]->isChecked())
            c.cacheTypes.push_back(CacheType(t));
    c.keySpace = m_keySpace->value();
    c.keyDistribution = KeyDistribution(m_distribution->currentData().toInt());
    c.zipfExponent = m_zipf->value();
    c.gaussianSigma = m_sigma->value();
    c.valueSizeMin = m_valueMin->value();
    c.valueSizeMax = m_valueMax->value();
    c.ttlSec = m_ttl->value();
    c.tagCount = m_tags->value();
    c.keyPrefix = m_prefix->text();
    c.requestTimeoutMs = m_timeout->value();
    c.threads = m_threads->value();
    c.cleanup = m_cleanup->isChecked();
    c.readFromReplicas = m_readFromReplicas->isChecked();
    bool ok = false;
    const qulonglong seed = m_seed->text().trimmed().toULongLong(&ok);
    c.seed = ok ? seed : 0;
    return c;
}

void LoadConfigForm::setConfig(const LoadTestConfig &c)
{
    ++m_updating;
    m_testName->setText(c.testName);
    m_description->setText(c.description);
    m_target = c.target;
    m_duration->setValue(c.durationSec);
    m_warmup->setValue(c.warmupSec);
    m_users->setValue(c.concurrentUsers);
    m_rps->setValue(c.requestsPerSecond);
    m_pipeline->setValue(c.pipeline);
    m_mix = c.operationMix;
    for (int op = 0; op < kOpTypeCount; ++op) {
        m_mixSliders[size_t(op)]->setValue(m_mix[size_t(op)]);
        m_mixSpins[size_t(op)]->setValue(m_mix[size_t(op)]);
    }
    for (int t = 0; t < kCacheTypeCount; ++t)
        m_cacheTypes[size_t(t)]->setChecked(std::find(c.cacheTypes.begin(), c.cacheTypes.end(), CacheType(t))
                                            != c.cacheTypes.end());
    m_keySpace->setValue(int(std::min<int64_t>(c.keySpace, m_keySpace->maximum())));
    m_distribution->setCurrentIndex(m_distribution->findData(int(c.keyDistribution)));
    m_zipf->setValue(c.zipfExponent);
    m_sigma->setValue(c.gaussianSigma);
    m_valueMin->setValue(c.valueSizeMin);
    m_valueMax->setValue(c.valueSizeMax);
    m_ttl->setValue(c.ttlSec);
    m_tags->setValue(c.tagCount);
    m_prefix->setText(c.keyPrefix);
    m_timeout->setValue(c.requestTimeoutMs);
    m_threads->setValue(c.threads);
    m_cleanup->setChecked(c.cleanup);
    m_readFromReplicas->setChecked(c.readFromReplicas);
    m_seed->setText(QString::number(c.seed));
    --m_updating;
    updateDistributionFields();
    updateLoopFields();
    revalidate();
}

std::array<int, kOpTypeCount> LoadConfigForm::rebalanceMix(std::array<int, kOpTypeCount> mix, int changed)
{
    mix[size_t(changed)] = std::clamp(mix[size_t(changed)], 0, 100);
    const int remaining = 100 - mix[size_t(changed)];
    int othersSum = 0;
    for (int op = 0; op < kOpTypeCount; ++op)
        if (op != changed)
            othersSum += std::max(0, mix[size_t(op)]);
    const int others = kOpTypeCount - 1;
    std::array<double, kOpTypeCount> exact{};
    for (int op = 0; op < kOpTypeCount; ++op) {
        if (op == changed)
            continue;
        // With all others at zero, the rest goes to them evenly.
        exact[size_t(op)] = othersSum > 0 ? double(remaining) * std::max(0, mix[size_t(op)]) / othersSum
                                          : double(remaining) / others;
        mix[size_t(op)] = int(std::floor(exact[size_t(op)]));
    }
    int sum = 0;
    for (int v : mix)
        sum += v;
    // Largest remainders get the leftover points, so the total is exactly 100.
    while (sum < 100) {
        int best = -1;
        double bestFraction = -1;
        for (int op = 0; op < kOpTypeCount; ++op) {
            if (op == changed)
                continue;
            const double fraction = exact[size_t(op)] - mix[size_t(op)];
            if (fraction > bestFraction) {
                bestFraction = fraction;
                best = op;
            }
        }
        ++mix[size_t(best)];
        exact[size_t(best)] = mix[size_t(best)]; // each op gets at most one extra point per round
        ++sum;
    }
    return mix;
}

void LoadConfigForm::setMixShare(int op, int value)
{
    if (m_updating || m_mix[size_t(op)] == value)
        return;
    m_mix[size_t(op)] = value;
    m_mix = rebalanceMix(m_mix, op);
    ++m_updating;
    for (int i = 0; i < kOpTypeCount; ++i) {
        m_mixSliders[size_t(i)]->setValue(m_mix[size_t(i)]);
        m_mixSpins[size_t(i)]->setValue(m_mix[size_t(i)]);
    }
    --m_updating;
    revalidate();
}

void LoadConfigForm::updateDistributionFields()
{
    const auto d = KeyDistribution(m_distribution->currentData().toInt());
    m_zipf->setEnabled(d == KeyDistribution::Zipfian);
    m_sigma->setEnabled(d == KeyDistribution::Gaussian);
}

void LoadConfigForm::updateLoopFields()
{
    // Open loop sends on a schedule; a pipeline depth only means something in a closed loop.
    m_pipeline->setEnabled(m_rps->value() <= 0);
}

QString LoadConfigForm::rowForField(const QString &field)
{
    if (field.startsWith(QLatin1String("operationMix")))
        return QStringLiteral("operationMix");
    if (field.startsWith(QLatin1String("cacheTypes")))
        return QStringLiteral("cacheTypes");
    if (field == QLatin1String("valueSize"))
        return QStringLiteral("valueSize.max");
    if (field == QLatin1String("keyDistribution"))
        return QStringLiteral("keyDistribution.type");
    return field;
}

QString LoadConfigForm::issueText(const QString &row) const
{
    return m_rowIssues.value(row).join(u'\n');
}

QString LoadConfigForm::rowTitle(const QString &row) const
{
    const QWidget *field = m_rows.value(row);
    const auto *form = field && field->parentWidget() ? qobject_cast<QFormLayout *>(field->parentWidget()->layout()) : nullptr;
    const auto *label = form ? qobject_cast<QLabel *>(form->labelForField(const_cast<QWidget *>(field))) : nullptr;
    if (!label)
        return row;
    QString title = label->text();
    return title.remove(u'&').remove(u':').trimmed();
}

void LoadConfigForm::revalidate()
{
    if (m_updating)
        return;
    const LoadTestConfig c = config();
    m_issues = validateLoadTestConfig(c);
    // The target comes from the target bar when the run starts; a loaded file's target is
    // informational here, so its problems are not the form's.
    std::erase_if(m_issues, [](const ConfigIssue &i) { return i.field == QLatin1String("target"); });
    bool seedOk = false;
    m_seed->text().trimmed().toULongLong(&seedOk);
    if (!seedOk)
        m_issues.push_back({QStringLiteral("seed"), tr("must be a non-negative integer")});

    m_rowIssues.clear();
    QStringList lines;
    for (const ConfigIssue &issue : m_issues) {
        const QString r = rowForField(issue.field);
        if (m_rows.contains(r)) {
            m_rowIssues[r].append(issue.message);
            lines << rowTitle(r) + QStringLiteral(": ") + issue.message;
        } else {
            lines << issue.toString();
        }
    }
    // Red that reads on both palettes: darker on light backgrounds, lighter on dark ones.
    QColor errorColour = QColor::fromRgb(0xC0, 0x1C, 0x28);
    if (palette().color(QPalette::Base).lightness() < 128)
        errorColour = errorColour.lighter(160);
    for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it) {
        QWidget *field = it.value();
        const QStringList messages = m_rowIssues.value(it.key());
        const auto *form = field->parentWidget() ? qobject_cast<QFormLayout *>(field->parentWidget()->layout()) : nullptr;
        if (QWidget *label = form ? form->labelForField(field) : nullptr) {
            // Colour only: a changed text could widen the label column and move the fields.
            QPalette pal = label->parentWidget()->palette();
            if (!messages.isEmpty())
                pal.setColor(QPalette::WindowText, errorColour);
            label->setPalette(pal);
        }
        const QString base = field->property("baseToolTip").toString();
        field->setToolTip(messages.isEmpty() ? base : base + u'\n' + tr("Problem: %1").arg(messages.join(QStringLiteral("; "))));
        field->setProperty("invalid", !messages.isEmpty());
        field->setAccessibleDescription(messages.join(QStringLiteral("; ")));
    }
    QStringList shown = lines;
    if (shown.size() > kSummaryLines) {
        shown = lines.mid(0, kSummaryLines - 1);
        shown << tr("… and %n more problem(s): see the tooltip", nullptr, int(lines.size()) - (kSummaryLines - 1));
    }
    QPalette summaryPalette = m_issueSummary->palette();
    summaryPalette.setColor(QPalette::WindowText, errorColour);
    m_issueSummary->setPalette(summaryPalette);
    m_issueSummary->setText(shown.join(u'\n'));
    m_issueSummary->setToolTip(lines.join(u'\n'));

    int sum = 0;
    for (int v : m_mix)
        sum += v;
    m_mixSum->setText(tr("Total: %1%").arg(sum));

    Q_EMIT configChanged();
    const bool valid = m_issues.empty();
    if (valid != m_valid) {
        m_valid = valid;
        Q_EMIT validityChanged(valid);
    }
}

} // namespace cwb
