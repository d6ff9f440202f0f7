// The icon of a checklist line: a tick, a warning sign or a stop sign from
// the platform's own style, so that it looks native at any scale.
#pragma once

#include "steps/step.h"

#include <QIcon>
#include <QStyle>

namespace postwr::pages {

inline QIcon markIcon(const QStyle *style, steps::Mark mark)
{
    switch (mark) {
    case steps::Mark::Good:
        return style->standardIcon(QStyle::SP_DialogApplyButton);
    case steps::Mark::Warning:
        return style->standardIcon(QStyle::SP_MessageBoxWarning);
    case steps::Mark::Problem:
        break;
    }
    return style->standardIcon(QStyle::SP_MessageBoxCritical);
}

} // namespace postwr::pages
