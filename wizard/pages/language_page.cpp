#include "pages/language_page.h"

#include "translations.h"

#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace postwr::pages {

LanguagePage::LanguagePage(QWidget *parent)
    : QWizardPage(parent)
    , m_languages(new QComboBox)
    , m_intro(new QLabel)
    , m_label(new QLabel)
{
    // Each language in its own name, so that anyone finds theirs.
    for (const translations::Language &language : translations::languages())
        m_languages->addItem(language.name, language.code);
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
    // The language may have been chosen from the wizard's Language button.
    const QSignalBlocker quiet(m_languages);
    m_languages->setCurrentIndex(m_languages->findData(translations::currentLanguage()));
    setTitle(tr("Welcome"));
    m_intro->setText(tr("Postwr turns your server into your own mail server, step by step. Choose the language "
                        "to use; you can change it later."));
    m_label->setText(tr("&Language:"));
}

} // namespace postwr::pages
