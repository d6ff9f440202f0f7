// The labels of a QFormLayout's rows, set (and retranslated) by field: each
// row was added with an empty QLabel, which becomes the field's buddy so
// that its &-mnemonic focuses the field.
#pragma once

#include <QFormLayout>
#include <QLabel>
#include <QList>
#include <QPair>

namespace postwr::pages {

inline void setFormLabels(QFormLayout *form, const QList<QPair<QWidget *, QString>> &labels)
{
    for (const auto &[field, text] : labels) {
        if (auto *label = qobject_cast<QLabel *>(form->labelForField(field))) {
            label->setText(text);
            label->setBuddy(field);
        }
    }
}

} // namespace postwr::pages
