#include "Paper.h"

#include <QCoreApplication>

namespace rt {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rt::Paper", text);
}

PaperCell withText(const QString& text)
{
    PaperCell cell;
    if (!text.isEmpty())
        cell.paragraphs.append({QString(), text});
    return cell;
}

} // namespace

QString PaperParagraph::shownLabel() const
{
    const QString l = label.trimmed();
    if (l.isEmpty())
        return QString();
    const QChar last = l.back();
    // "How will we know?" already reads as a label; "Action Planned" needs its colon.
    if (last == QLatin1Char(':') || last == QLatin1Char('?') || last == QLatin1Char('.') ||
        last == QLatin1Char('!'))
        return l;
    return l + QLatin1Char(':');
}

PaperCell PaperCell::plain(const QString& text)
{
    return withText(text);
}

PaperCell PaperCell::day(const QDate& date, const QString& shown)
{
    PaperCell cell =
        withText(shown.isEmpty() && date.isValid() ? date.toString(QStringLiteral("dd/MM/yyyy")) : shown);
    cell.date = date;
    return cell;
}

PaperCell PaperCell::count(double value, const QString& shown)
{
    PaperCell cell = withText(shown.isEmpty() ? QString::number(value, 'g', 15) : shown);
    cell.number = value;
    return cell;
}

PaperCell PaperCell::ragCell(Rag r, const QString& shown)
{
    // A colour alone does not survive a grey-scale printer: the cell says the word.
    PaperCell cell = withText(shown.isEmpty() && r != Rag::None ? rag::label(r) : shown);
    cell.fill = r;
    return cell;
}

QString PaperCell::plainText() const
{
    QStringList lines;
    lines.reserve(paragraphs.size());
    for (const PaperParagraph& p : paragraphs) {
        const QString label = p.shownLabel();
        if (label.isEmpty())
            lines.append(p.text);
        else if (p.text.isEmpty())
            lines.append(label);
        else
            lines.append(label + QLatin1Char(' ') + p.text);
    }
    return lines.join(QLatin1Char('\n'));
}

namespace paperformat {

QString code(PaperFormat f)
{
    switch (f) {
    case PaperFormat::Pdf:
        return QStringLiteral("pdf");
    case PaperFormat::Docx:
        return QStringLiteral("docx");
    case PaperFormat::Xlsx:
        return QStringLiteral("xlsx");
    case PaperFormat::Csv:
        return QStringLiteral("csv");
    case PaperFormat::Html:
        return QStringLiteral("html");
    }
    return QString();
}

QString suffix(PaperFormat f)
{
    return QLatin1Char('.') + code(f);
}

QString label(PaperFormat f)
{
    switch (f) {
    case PaperFormat::Pdf:
        return tr("PDF document");
    case PaperFormat::Docx:
        return tr("Word document");
    case PaperFormat::Xlsx:
        return tr("Excel workbook");
    case PaperFormat::Csv:
        return tr("CSV file");
    case PaperFormat::Html:
        return tr("Web page");
    }
    return QString();
}

bool fromCode(const QString& code, PaperFormat* out)
{
    const QString c = code.trimmed().toLower();
    for (PaperFormat f :
         {PaperFormat::Pdf, PaperFormat::Docx, PaperFormat::Xlsx, PaperFormat::Csv, PaperFormat::Html}) {
        if (c == paperformat::code(f)) {
            *out = f;
            return true;
        }
    }
    return false;
}

} // namespace paperformat

} // namespace rt
