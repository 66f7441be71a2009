#pragma once

// Cells and columns shared by the papers of PaperQueries (PaperQueries.cpp,
// StatusPapers.cpp); not part of the library's interface.

#include "core/PartialDate.h"
#include "core/TargetDate.h"
#include "io/Paper.h"

#include <QCoreApplication>
#include <QDate>

namespace rt {

namespace papercells {

inline QString tr(const char* text)
{
    return QCoreApplication::translate("rt::PaperQueries", text);
}

inline QString ukDate(const QDate& d)
{
    return PartialDate::dayString(d);
}

// The cell of a target: as written, and a real date when the document gives a day.
inline PaperCell targetCell(const QString& written, const QString& precision, const QString& due)
{
    const TargetDate t = TargetDate::fromStorage(precision, due);
    const QString shown = written.trimmed().isEmpty() ? t.toDisplayString() : written.trimmed();
    if (t.precision() == TargetDate::Precision::Day)
        return PaperCell::day(t.due(), shown);
    return PaperCell::plain(shown);
}

// A partial ISO date as the plan writes it; a full day is also a real date.
inline PaperCell dateCell(const QString& iso)
{
    const QString shown = PartialDate::toDisplayString(iso);
    if (iso.size() == 10)
        return PaperCell::day(QDate::fromString(iso, Qt::ISODate), shown);
    return PaperCell::plain(shown);
}

inline QString statusShown(const QString& code, const QString& written)
{
    if (!written.trimmed().isEmpty())
        return written.trimmed();
    ActionStatus s = ActionStatus::NotStarted;
    status::fromCode(code, &s);
    return status::label(s);
}

inline PaperCell ragOf(const QString& code)
{
    Rag r = Rag::None;
    rag::fromCode(code, &r);
    // Unrated stays blank: "Not rated" on every row of an unrated plan is noise.
    return PaperCell::ragCell(r, r == Rag::None ? QString() : rag::label(r));
}

inline PaperColumn column(const QString& header, double width, int excelWidth,
                          PaperColumn::Use use = PaperColumn::Use::Everywhere, bool blankRepeats = false)
{
    PaperColumn c;
    c.header = header;
    c.width = width;
    c.excelWidth = excelWidth;
    c.use = use;
    c.blankRepeats = blankRepeats;
    return c;
}

constexpr auto kDoc = PaperColumn::Use::DocumentOnly;
constexpr auto kSheet = PaperColumn::Use::SpreadsheetOnly;

} // namespace papercells

} // namespace rt
