// Fuzzes the two date readers people type into: TargetDate (an action's
// target: "31/03/2024", "March 2024", "2024", "Ongoing") and PartialDate
// (review, plan and update dates). What one reads it must write back in a
// form it reads again as the same value, and store and load unchanged.

#include "FuzzSupport.h"
#include "core/PartialDate.h"
#include "core/TargetDate.h"

#include <cstddef>
#include <cstdint>

namespace {

void checkTargetDate(const QString& text)
{
    using rt::TargetDate;
    TargetDate target;
    QString error;
    const bool ok = TargetDate::parse(text, &target, &error);
    RT_FUZZ_CHECK(ok == error.isEmpty(), error);
    if (!ok)
        return;
    RT_FUZZ_CHECK(!target.describe().isEmpty(), text);
    if (!target.isSet())
        return;
    // Shown back as written, it reads again as the same target.
    const QString shown = target.toDisplayString();
    TargetDate again;
    QString againError;
    RT_FUZZ_CHECK(TargetDate::parse(shown, &again, &againError), text + QStringLiteral(" → ") + shown);
    RT_FUZZ_CHECK(again == target, text + QStringLiteral(" → ") + shown);
    // Stored as precision and a day of the period, it loads as the same target.
    const QString day = target.isDated() ? target.due().toString(Qt::ISODate) : QString();
    RT_FUZZ_CHECK(TargetDate::fromStorage(target.precisionCode(), day) == target, text);
    if (target.isDated()) {
        RT_FUZZ_CHECK(target.due().isValid(), text);
        RT_FUZZ_CHECK(!target.isOverdue(target.due()), text);
        RT_FUZZ_CHECK(!target.due().addDays(1).isValid() || target.isOverdue(target.due().addDays(1)), text);
    } else {
        RT_FUZZ_CHECK(!target.isOverdue(QDate(9999, 12, 31)), text);
    }
}

void checkPartialDate(const QString& text)
{
    using rt::PartialDate;
    QString iso;
    QString error;
    const bool ok = PartialDate::parse(text, &iso, &error);
    RT_FUZZ_CHECK(ok == error.isEmpty(), error);
    if (!ok)
        return;
    RT_FUZZ_CHECK(iso.isEmpty() == text.simplified().isEmpty(), text + QStringLiteral(" → ") + iso);
    if (iso.isEmpty())
        return;
    RT_FUZZ_CHECK(PartialDate::isValidIso(iso), text + QStringLiteral(" → ") + iso);
    RT_FUZZ_CHECK(iso.size() == 4 || iso.size() == 7 || iso.size() == 10, iso);
    // The UK form it shows reads again as the same date at the same precision.
    const QString shown = PartialDate::toDisplayString(iso);
    QString again;
    RT_FUZZ_CHECK(PartialDate::parse(shown, &again), iso + QStringLiteral(" → ") + shown);
    RT_FUZZ_CHECK(again == iso, iso + QStringLiteral(" → ") + shown + QStringLiteral(" → ") + again);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    // Cells arrive as UTF-8 (CSV, XLSX) or as typed text; invalid bytes become
    // U+FFFD, as QString::fromUtf8 gives them to the program.
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    checkTargetDate(text);
    checkPartialDate(text);
    RT_FUZZ_CHECK(rt::TargetDate::monthFromName(text) >= 0 && rt::TargetDate::monthFromName(text) <= 12,
                  text);
    return 0;
}
