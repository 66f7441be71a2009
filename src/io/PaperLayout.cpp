#include "PaperLayout.h"

#include <QCoreApplication>
#include <QFileDevice>
#include <QSet>

namespace rt::paperlayout {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rt::PaperLayout", text);
}

constexpr int kMaxSheetName = 31;

// Cuts text to at most n UTF-16 units without splitting a surrogate pair.
QString cut(const QString& text, int n)
{
    if (text.size() <= n)
        return text;
    if (n > 0 && text.at(n - 1).isHighSurrogate())
        --n;
    return text.left(n);
}

} // namespace

bool shows(const PaperColumn& column, Medium medium)
{
    switch (column.use) {
    case PaperColumn::Use::Everywhere:
        return true;
    case PaperColumn::Use::DocumentOnly:
        return medium == Medium::Document;
    case PaperColumn::Use::SpreadsheetOnly:
        return medium == Medium::Spreadsheet;
    }
    return true;
}

QVector<int> shownColumns(const PaperTable& table, Medium medium)
{
    QVector<int> out;
    for (int c = 0; c < table.columns.size(); ++c) {
        if (shows(table.columns.at(c), medium))
            out.append(c);
    }
    return out;
}

QVector<double> widthShares(const PaperTable& table, const QVector<int>& columns)
{
    QVector<double> shares;
    double sum = 0;
    for (int c : columns) {
        const double w = std::max(0.0, table.columns.at(c).width);
        shares.append(w);
        sum += w;
    }
    for (double& s : shares)
        s = sum > 0 ? s / sum : 1.0 / shares.size();
    return shares;
}

namespace {

void collectWords(const QString& text, QSet<QString>* words)
{
    int start = -1;
    for (int i = 0; i <= text.size(); ++i) {
        const bool space = i == text.size() || text.at(i).isSpace();
        if (space && start >= 0) {
            words->insert(text.mid(start, i - start));
            start = -1;
        } else if (!space && start < 0) {
            start = i;
        }
    }
}

double widest(const QSet<QString>& words, bool bold,
              const std::function<double(const QString&, bool)>& wordWidth)
{
    double w = 0;
    for (const QString& word : words)
        w = std::max(w, wordWidth(word, bold));
    return w;
}

} // namespace

QVector<double> fittedShares(const PaperTable& table, const QVector<int>& columns, double tableWidth,
                             double cellExtra, const std::function<double(const QString&, bool)>& wordWidth)
{
    QVector<double> widths = widthShares(table, columns);
    if (columns.isEmpty() || tableWidth <= 0)
        return widths;
    for (double& w : widths)
        w *= tableWidth;
    const double cap = tableWidth / 4;
    QVector<double> needed;
    for (int c : columns) {
        // Each distinct word is measured once: plans repeat their words a lot.
        QSet<QString> plain;
        QSet<QString> bold;
        collectWords(table.columns.at(c).header, &bold);
        for (const PaperRow& row : table.rows) {
            if (c >= row.cells.size())
                continue;
            for (const PaperParagraph& p : documentParagraphs(row.cells.at(c))) {
                collectWords(p.shownLabel(), &bold);
                collectWords(p.text, &plain);
            }
        }
        needed.append(std::min(cap, std::max(widest(plain, false, wordWidth), widest(bold, true, wordWidth)) +
                                        cellExtra));
    }
    double deficit = 0;
    double slack = 0;
    for (int i = 0; i < widths.size(); ++i) {
        if (widths[i] < needed[i])
            deficit += needed[i] - widths[i];
        else
            slack += widths[i] - needed[i];
    }
    if (deficit <= 0 || slack <= 0)
        return widthShares(table, columns);
    // Take what the narrow columns need from the others' spare width, in proportion to it.
    const double take = std::min(1.0, deficit / slack);
    const double give = std::min(deficit, slack) / deficit;
    QVector<double> shares;
    for (int i = 0; i < widths.size(); ++i) {
        const double w = widths[i] < needed[i] ? widths[i] + (needed[i] - widths[i]) * give
                                               : widths[i] - (widths[i] - needed[i]) * take;
        shares.append(w / tableWidth);
    }
    return shares;
}

double estimatedWordWidth(const QString& word, bool bold)
{
    // Sized on DejaVu Sans, the widest sans serif a reader is likely to get
    // (Arial and Liberation Sans are narrower), so the estimate errs wide.
    double em = 0;
    for (QChar c : word)
        em +=
            c.isUpper() || c.isDigit() ? 0.72 : (c == QLatin1Char('i') || c == QLatin1Char('l') ? 0.3 : 0.62);
    return em * 9 * (bold ? 1.1 : 1.0);
}

QVector<QVector<bool>> blankedCells(const PaperTable& table, Medium medium)
{
    const int columns = table.columns.size();
    QVector<QVector<bool>> blanked(table.rows.size(), QVector<bool>(columns, false));
    if (medium == Medium::Spreadsheet)
        return blanked;
    QVector<int> repeating;
    for (int c : shownColumns(table, medium)) {
        if (table.columns.at(c).blankRepeats)
            repeating.append(c);
    }
    if (repeating.isEmpty())
        return blanked;
    for (int r = 1; r < table.rows.size(); ++r) {
        const PaperRow& row = table.rows.at(r);
        const PaperRow& above = table.rows.at(r - 1);
        // A group heading starts afresh: its first row says everything.
        if (!row.groupHeading.isEmpty())
            continue;
        // Like merged cells: once a column to the left differs, nothing to its right merges.
        for (int c : repeating) {
            if (c >= row.cells.size() || c >= above.cells.size() ||
                row.cells.at(c).plainText() != above.cells.at(c).plainText())
                break;
            blanked[r][c] = true;
        }
    }
    return blanked;
}

QVector<PaperParagraph> documentParagraphs(const PaperCell& cell)
{
    QVector<PaperParagraph> out = cell.paragraphs;
    if (cell.fill != Rag::None) {
        const QString word = rag::label(cell.fill);
        if (!cell.plainText().contains(word, Qt::CaseInsensitive))
            out.append({QString(), word});
    }
    return out;
}

QColor ragFill(Rag r)
{
    const QColor c = rag::colour(r);
    if (!c.isValid())
        return c;
    // Half way to white: still plainly red/amber/green/blue, and black text on it reads.
    return QColor((c.red() + 255) / 2, (c.green() + 255) / 2, (c.blue() + 255) / 2);
}

QColor headerFill()
{
    return QColor(0xD9, 0xE2, 0xF3);
}

QColor groupFill()
{
    return QColor(0xEC, 0xEC, 0xEC);
}

QVector<QPair<QString, QString>> titleFacts(const Paper& paper)
{
    QVector<QPair<QString, QString>> facts = paper.facts;
    if (paper.asOf.isValid())
        facts.append({tr("Figures as of"), paper.asOf.toString(QStringLiteral("dd/MM/yyyy"))});
    return facts;
}

QString tableName(const PaperTable& table, int index)
{
    if (!table.heading.trimmed().isEmpty())
        return tr("“%1”").arg(table.heading.simplified());
    return tr("table %1").arg(index + 1);
}

QString checkTables(const Paper& paper)
{
    for (int t = 0; t < paper.tables.size(); ++t) {
        const PaperTable& table = paper.tables.at(t);
        if (table.columns.isEmpty())
            return tr("Table %1 has no columns.").arg(tableName(table, t));
        for (int r = 0; r < table.rows.size(); ++r) {
            const int cells = table.rows.at(r).cells.size();
            if (cells != table.columns.size()) {
                return tr("Table %1, row %2: %3 cells for %4 columns.")
                    .arg(tableName(table, t))
                    .arg(r + 1)
                    .arg(cells)
                    .arg(table.columns.size());
            }
        }
    }
    return QString();
}

QVector<int> mainTables(const Paper& paper)
{
    QVector<int> out;
    for (int t = 0; t < paper.tables.size(); ++t) {
        if (paper.tables.at(t).role == PaperTable::Role::Main)
            out.append(t);
    }
    return out;
}

QString checkMainColumnsAgree(const Paper& paper, Medium medium)
{
    const QVector<int> mains = mainTables(paper);
    if (mains.isEmpty())
        return tr("The paper has no main table.");
    const PaperTable& first = paper.tables.at(mains.first());
    QStringList headers;
    for (int c : shownColumns(first, medium))
        headers.append(first.columns.at(c).header);
    for (int t : mains) {
        const PaperTable& table = paper.tables.at(t);
        QStringList these;
        for (int c : shownColumns(table, medium))
            these.append(table.columns.at(c).header);
        if (these != headers) {
            return tr("Table %1 has the columns “%2”, not those of table %3 (“%4”); the tables "
                      "cannot share one header.")
                .arg(tableName(table, t), these.join(QStringLiteral(", ")), tableName(first, mains.first()),
                     headers.join(QStringLiteral(", ")));
        }
    }
    return QString();
}

QString uniqueSheetName(const QString& wanted, const QString& fallback, QStringList* taken)
{
    QString name = wanted.simplified();
    for (QChar bad : {u'[', u']', u':', u'*', u'?', u'/', u'\\'})
        name.replace(bad, QLatin1Char('-'));
    // Excel refuses a name that starts or ends with an apostrophe.
    auto trim = [](QString* n) {
        while (!n->isEmpty() && (n->front() == QLatin1Char('\'') || n->front().isSpace()))
            n->remove(0, 1);
        while (!n->isEmpty() && (n->back() == QLatin1Char('\'') || n->back().isSpace()))
            n->chop(1);
    };
    trim(&name);
    name = cut(name, kMaxSheetName);
    trim(&name);
    if (name.isEmpty())
        name = cut(fallback, kMaxSheetName);
    auto isTaken = [taken](const QString& n) {
        // Excel keeps "History" for its change tracking and refuses a sheet of that name.
        return n.compare(QLatin1String("History"), Qt::CaseInsensitive) == 0 ||
               taken->contains(n, Qt::CaseInsensitive);
    };
    QString unique = name;
    for (int n = 2; isTaken(unique); ++n) {
        const QString suffix = QStringLiteral(" (%1)").arg(n);
        unique = cut(name, kMaxSheetName - suffix.size()) + suffix;
    }
    taken->append(unique);
    return unique;
}

QString xmlSafe(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const char16_t u = c.unicode();
        if (u < 0x20 && u != u'\t' && u != u'\n' && u != u'\r')
            continue;
        if (u == 0xFFFE || u == 0xFFFF)
            continue;
        if (c.isHighSurrogate()) {
            if (i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
                out.append(c);
                out.append(text.at(++i));
            }
            continue;
        }
        if (c.isLowSurrogate())
            continue;
        out.append(c);
    }
    return out;
}

QString deviceProblem(QIODevice* device, const QString& formatLabel)
{
    if (!device)
        return tr("Cannot write the %1: there is no output.").arg(formatLabel);
    if (!device->isOpen() || !device->isWritable())
        return tr("Cannot write the %1: the output is not open for writing.").arg(formatLabel);
    return QString();
}

QString writeAll(QIODevice* device, const QByteArray& bytes, const QString& formatLabel)
{
    qint64 done = 0;
    while (done < bytes.size()) {
        const qint64 n = device->write(bytes.constData() + done, bytes.size() - done);
        if (n <= 0)
            return tr("Cannot write the %1: %2").arg(formatLabel, device->errorString());
        done += n;
    }
    // A file buffers what it is given: only the flush tells whether the disk took it.
    if (auto* file = qobject_cast<QFileDevice*>(device)) {
        if (!file->flush() || file->error() != QFileDevice::NoError)
            return tr("Cannot write the %1: %2").arg(formatLabel, file->errorString());
    }
    return QString();
}

} // namespace rt::paperlayout
