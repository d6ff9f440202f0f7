// Why a record is needed, in the UI's language (the server's list has it
// in English only), and its value in the forms DNS panels ask for.
#pragma once

#include "dnscheck/expected_records.h"

#include <QCoreApplication>

namespace postwr::dnscheck {

class RecordPurpose {
    Q_DECLARE_TR_FUNCTIONS(postwr::dnscheck::RecordPurpose)

public:
    // Translated; the server's own English text for a record Postwr does not know.
    static QString of(const ExpectedRecord &record, const QString &domain, const QString &hostname);
};

// The value as one string per line of the panel: TXT pieces of at most 255
// bytes each in quotes ("v=DKIM1; …" "…"), for panels that want them so.
QString quotedPieces(const ExpectedRecord &record);

} // namespace postwr::dnscheck
