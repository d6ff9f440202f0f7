// First page: the language of the app, English, Chinese or Welsh; switched
// at once (every page retranslates on LanguageChange).
#pragma once

#include <QWizardPage>

class QComboBox;
class QLabel;

namespace postwr::pages {

class LanguagePage : public QWizardPage {
    Q_OBJECT

public:
    explicit LanguagePage(QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void choose(int index);

    QComboBox *m_languages;
    QLabel *m_intro;
    QLabel *m_label;
};

} // namespace postwr::pages
