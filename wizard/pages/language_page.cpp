#include "pages/language_page.h"

#include "translations.h"

#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace postwr::pages {

LanguagePage::LanguagePage(QWidget *parent)
    : QWizardPage(parent)
    , m_languages(new QComboBox)
    , m_intro(new QLabel)
    , m_label(new QLabel)
{
    // Each language in its own name, so that anyone finds theirs.
    m_languages->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_languages->addItem(QStringLiteral("中文（简体）"), QStringLiteral("zh_CN"));
    m_languages->addItem(QStringLiteral("Cymraeg"), QStringLiteral("cy"));
    const QString system = QLocale().name();
    const int index = m_languages->findData(system.startsWith(QLatin1String("zh")) ? QStringLiteral("zh_CN")
            : system.startsWith(QLatin1String("cy"))                               ? QStringLiteral("cy")
                                                                                   : QStringLiteral("en"));
    m_languages->setCurrentIndex(index);
    m_intro->setWordWrap(true);
    m_label->setBuddy(m_languages);

    auto *form = new QFormLayout;
    form->addRow(m_label, m_languages);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addStretch();
    connect(m_languages, &QComboBox::currentIndexChanged, this, &LanguagePage::choose);
    retranslate();
}

void LanguagePage::choose(int index)
{
    translations::install(*QApplication::instance(), QLocale(m_languages->itemData(index).toString()));
}

void LanguagePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizardPage::changeEvent(event);
}

void LanguagePage::retranslate()
{
    setTitle(tr("Welcome"));
    m_intro->setText(tr("Postwr turns your server into your own mail server, step by step. Choose the language "
                        "to use; you can change it later."));
    m_label->setText(tr("&Language:"));
}

} // namespace postwr::pages
