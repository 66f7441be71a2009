#include "OwnerReturnsWriter.h"

#include "core/PartialDate.h"
#include "core/Vocabulary.h"
#include "io/PaperLayout.h"
#include "io/SheetTable.h"
#include "io/XlsxPaperWriter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QVector>
#include <xlsxwriter.h>

namespace rt {

namespace {

QString tr(const char* text, int n = -1)
{
    return QCoreApplication::translate("rt::OwnerReturnsWriter", text, nullptr, n);
}

} // namespace

struct OwnerReturnsWriter::Row
{
    qint64 actionId = 0;
    qint64 reviewId = 0;
    QString review;
    QString recommendation;
    QString number;
    QString text;
    QString target;
    QString statusCode;
    QString ragCode;
    QString latestUpdate;
    qint64 lastUpdateId = 0;
};

namespace {

// Excel refuses a cell of more than 32,767 characters.
QString cellText(const QString& s)
{
    return XlsxPaperWriter::cellText(s); // Excel's limit, a NUL, "_x0041_": as the paper exports do
}

// About how many lines a wrapped cell of this width (in characters of the
// default font) needs for the text.
int wrappedLines(const QString& text, double width)
{
    const int perLine = qMax(1, int(width * 1.1));
    int lines = 0;
    for (const QString& paragraph : text.split(QLatin1Char('\n')))
        lines += qMax(1, int((paragraph.size() + perLine - 1) / perLine));
    return lines;
}

QString statusLabel(const QString& code)
{
    ActionStatus s;
    return status::fromCode(code, &s) ? status::label(s) : code;
}

QString ragLabel(const QString& code)
{
    Rag r;
    return code.isEmpty() || !rag::fromCode(code, &r) ? QString() : rag::label(r);
}

// libxlsxwriter keeps pointers to the strings it is given only until the
// call returns, except for data validation lists: those are held here.
class Workbook
{
public:
    explicit Workbook(lxw_workbook* wb) : m_wb(wb) {}
    ~Workbook()
    {
        if (m_wb)
            workbook_close(m_wb);
    }
    Workbook(const Workbook&) = delete;
    Workbook& operator=(const Workbook&) = delete;

    lxw_workbook* get() const { return m_wb; }
    // Writes the file; false with the reason.
    bool close(QString* error)
    {
        const lxw_error e = workbook_close(m_wb);
        m_wb = nullptr;
        if (e == LXW_NO_ERROR)
            return true;
        *error = tr("the workbook cannot be written: %1").arg(QString::fromUtf8(lxw_strerror(e)));
        return false;
    }

private:
    lxw_workbook* m_wb;
};

// Writes cells and remembers the first failure, so the writing code reads
// straight through and the result is checked once per stage.
class SheetWriter
{
public:
    SheetWriter(lxw_worksheet* ws, QString* error) : m_ws(ws), m_error(error) {}

    bool check(lxw_error e, const QString& what)
    {
        if (e != LXW_NO_ERROR && m_error->isEmpty())
            *m_error = tr("%1 cannot be written: %2").arg(what, QString::fromUtf8(lxw_strerror(e)));
        return e == LXW_NO_ERROR;
    }
    bool text(int row, int column, const QString& s, lxw_format* format)
    {
        const QByteArray utf8 = cellText(s).toUtf8();
        const lxw_error e = s.isEmpty() ? worksheet_write_blank(m_ws, row, column, format)
                                        : worksheet_write_string(m_ws, row, column, utf8.constData(), format);
        return check(e, tr("cell %1%2").arg(SheetTable::columnLetter(column)).arg(row + 1));
    }
    bool ok() const { return m_error->isEmpty(); }
    lxw_worksheet* get() const { return m_ws; }

private:
    lxw_worksheet* m_ws;
    QString* m_error;
};

} // namespace

QString OwnerReturnsWriter::hiddenKey(Column column)
{
    switch (column) {
    case ActionIdColumn:
        return QStringLiteral("rt:action_id");
    case ReviewIdColumn:
        return QStringLiteral("rt:review_id");
    case WrittenNumberColumn:
        return QStringLiteral("rt:number");
    case WrittenStatusColumn:
        return QStringLiteral("rt:status");
    case WrittenRagColumn:
        return QStringLiteral("rt:rag");
    case WrittenLastUpdateIdColumn:
        return QStringLiteral("rt:last_update_id");
    default:
        return QString();
    }
}

OwnerReturnsWriter::OwnerReturnsWriter(QSqlDatabase db) : m_db(db) {}

bool OwnerReturnsWriter::write(const QString& owner, const QDate& asOf, QIODevice* device)
{
    m_error.clear();
    m_actions = 0;

    // One read transaction: the rows and the change-log mark are one moment.
    const bool reading = m_db.transaction();
    struct EndRead
    {
        QSqlDatabase& db;
        bool active;
        ~EndRead()
        {
            if (active)
                db.rollback();
        }
    } endRead{m_db, reading};

    // Matched in Qt, not SQL: SQLite's lower() knows only ASCII capitals.
    QSqlQuery owners(m_db);
    if (!owners.exec(QStringLiteral("SELECT id, name FROM owners ORDER BY name"))) {
        m_error = tr("cannot read the owners: %1").arg(owners.lastError().text());
        return false;
    }
    qint64 ownerId = 0;
    QString ownerName;
    QStringList similar;
    const QString wanted = owner.simplified();
    while (owners.next()) {
        const QString name = owners.value(1).toString();
        if (name.simplified().compare(wanted, Qt::CaseInsensitive) == 0) {
            ownerId = owners.value(0).toLongLong();
            ownerName = name;
        } else if (!wanted.isEmpty() && name.contains(wanted, Qt::CaseInsensitive) && similar.size() < 5) {
            similar << QStringLiteral("“%1”").arg(name);
        }
    }
    if (ownerId == 0) {
        m_error = similar.isEmpty() ? tr("no owner called “%1” in this database").arg(wanted)
                                    : tr("no owner called “%1” in this database (did you mean %2?)")
                                          .arg(wanted, similar.join(tr(" or ")));
        return false;
    }

    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT a.id, a.review_id, r.reference, r.title, c.number, a.number, a.text, a.target_text, "
        "a.revised_target_text, a.status, a.rag, "
        "(SELECT max(u.id) FROM updates u WHERE u.action_id = a.id), "
        "(SELECT u.date FROM updates u WHERE u.action_id = a.id "
        " ORDER BY u.date IS NULL, u.date DESC, u.position DESC, u.id DESC LIMIT 1), "
        "(SELECT u.text FROM updates u WHERE u.action_id = a.id "
        " ORDER BY u.date IS NULL, u.date DESC, u.position DESC, u.id DESC LIMIT 1) "
        "FROM action_owners ao JOIN actions a ON a.id = ao.action_id "
        "JOIN recommendations c ON c.id = a.recommendation_id JOIN reviews r ON r.id = a.review_id "
        "WHERE ao.owner_id = ? AND a.status NOT IN ('complete', 'superseded') "
        "ORDER BY r.position, r.id, c.sort_key, c.id, a.position, a.id"));
    q.addBindValue(ownerId);
    if (!q.exec()) {
        m_error = tr("cannot read the actions of %1: %2").arg(ownerName, q.lastError().text());
        return false;
    }
    QVector<Row> rows;
    while (q.next()) {
        Row r;
        r.actionId = q.value(0).toLongLong();
        r.reviewId = q.value(1).toLongLong();
        const QString reference = q.value(2).toString().trimmed();
        r.review = reference.isEmpty() ? q.value(3).toString()
                                       : QStringLiteral("%1 (%2)").arg(q.value(3).toString(), reference);
        r.recommendation = q.value(4).toString();
        r.number = q.value(5).toString();
        r.text = q.value(6).toString();
        r.target = q.value(7).toString();
        if (!q.value(8).toString().trimmed().isEmpty())
            r.target =
                tr("%1 (revised: %2)").arg(r.target.isEmpty() ? tr("none") : r.target, q.value(8).toString());
        r.statusCode = q.value(9).toString();
        r.ragCode = q.value(10).toString();
        r.lastUpdateId = q.value(11).toLongLong();
        if (!q.value(13).isNull()) {
            const QString date = PartialDate::toDisplayString(q.value(12).toString());
            r.latestUpdate = date.isEmpty() ? q.value(13).toString()
                                            : QStringLiteral("%1: %2").arg(date, q.value(13).toString());
        }
        rows << r;
    }
    QSqlQuery mark(m_db);
    if (!mark.exec(QStringLiteral("SELECT coalesce(max(id), 0) FROM history")) || !mark.next()) {
        m_error = tr("cannot read the change history: %1").arg(mark.lastError().text());
        return false;
    }
    const qint64 historyMark = mark.value(0).toLongLong();

    QTemporaryDir dir;
    if (!dir.isValid()) {
        m_error = tr("no temporary folder to build the workbook in: %1").arg(dir.errorString());
        return false;
    }
    const QString path = dir.filePath(QStringLiteral("return.xlsx"));
    QByteArray tmpdir = QDir::toNativeSeparators(dir.path()).toLocal8Bit();
    lxw_workbook_options options = {};
    options.tmpdir = tmpdir.data();
    Workbook book(workbook_new_opt(QFile::encodeName(path).constData(), &options));
    if (!book.get()) {
        m_error = tr("cannot start the workbook");
        return false;
    }
    if (!writeSheets(book.get(), ownerName, ownerId, asOf, historyMark, rows))
        return false;
    if (!book.close(&m_error))
        return false;

    QFile built(path);
    if (!built.open(QIODevice::ReadOnly)) {
        m_error = tr("cannot read the workbook back: %1").arg(built.errorString());
        return false;
    }
    const QByteArray bytes = built.readAll();
    if (device->write(bytes) != bytes.size()) {
        m_error = tr("cannot write the return: %1").arg(device->errorString());
        return false;
    }
    m_actions = rows.size();
    return true;
}

bool OwnerReturnsWriter::writeSheets(lxw_workbook* wb, const QString& ownerName, qint64 ownerId,
                                     const QDate& asOf, qint64 historyMark, const QVector<Row>& rows)
{
    // The title goes into docProps/core.xml as it is: no control character may reach it.
    const QByteArray titleText = paperlayout::xmlSafe(tr("Update return: %1").arg(ownerName)).toUtf8();
    lxw_doc_properties properties = {};
    properties.title = const_cast<char*>(titleText.constData());
    properties.author = const_cast<char*>("Review Tracker");
    workbook_set_properties(wb, &properties);

    lxw_format* title = workbook_add_format(wb);
    format_set_bold(title);
    format_set_font_size(title, 14);
    lxw_format* intro = workbook_add_format(wb);
    format_set_text_wrap(intro);
    format_set_align(intro, LXW_ALIGN_VERTICAL_TOP);
    lxw_format* header = workbook_add_format(wb);
    format_set_bold(header);
    format_set_text_wrap(header);
    format_set_align(header, LXW_ALIGN_VERTICAL_TOP);
    format_set_bg_color(header, 0xD9D9D9);
    format_set_border(header, LXW_BORDER_THIN);
    lxw_format* inputHeader = workbook_add_format(wb);
    format_set_bold(inputHeader);
    format_set_text_wrap(inputHeader);
    format_set_align(inputHeader, LXW_ALIGN_VERTICAL_TOP);
    format_set_bg_color(inputHeader, 0xFFD966);
    format_set_border(inputHeader, LXW_BORDER_THIN);
    lxw_format* cell = workbook_add_format(wb);
    format_set_text_wrap(cell);
    format_set_align(cell, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(cell, LXW_BORDER_THIN);
    format_set_border_color(cell, 0xBFBFBF);
    // The only cells a person can change once the sheet is protected.
    lxw_format* input = workbook_add_format(wb);
    format_set_unlocked(input);
    format_set_text_wrap(input);
    format_set_align(input, LXW_ALIGN_VERTICAL_TOP);
    format_set_bg_color(input, 0xFFF2CC);
    format_set_border(input, LXW_BORDER_THIN);
    format_set_border_color(input, 0xBFBFBF);
    lxw_format* inputDate = workbook_add_format(wb);
    format_set_unlocked(inputDate);
    format_set_num_format(inputDate, "dd/mm/yyyy");
    format_set_align(inputDate, LXW_ALIGN_VERTICAL_TOP);
    format_set_bg_color(inputDate, 0xFFF2CC);
    format_set_border(inputDate, LXW_BORDER_THIN);
    format_set_border_color(inputDate, 0xBFBFBF);

    const QByteArray sheetName = returnSheetName().toUtf8();
    SheetWriter sheet(workbook_add_worksheet(wb, sheetName.constData()), &m_error);
    if (!sheet.get()) {
        m_error = tr("cannot add the sheet");
        return false;
    }
    lxw_worksheet* ws = sheet.get();
    const int last = UpdateDateColumn;
    const QString count = rows.size() == 1 ? tr("1 open action") : tr("%1 open actions").arg(rows.size());
    sheet.text(0, 0,
               tr("Update return for %1: %2 as of %3").arg(ownerName, count, PartialDate::dayString(asOf)),
               title);
    const QByteArray introText =
        tr("For each action, please fill in the yellow columns: choose a New status and a New RAG from the "
           "drop-down lists if they have changed, and write an Update saying what has been done since the "
           "last update and what happens next. Give an Update date only if the update is not for the day the "
           "return is recorded. Leave a row blank when there is nothing new. The grey columns show the "
           "action "
           "as recorded and cannot be changed here. Please keep the file's name and rows as they are and "
           "send "
           "it back to the Business Unit.")
            .toUtf8();
    sheet.check(worksheet_merge_range(ws, 1, 0, 1, last, introText.constData(), intro),
                tr("the instructions"));
    sheet.check(worksheet_set_row(ws, 1, 62, nullptr), tr("the instructions"));

    const QStringList headers = {tr("Review"),      tr("Rec."),          tr("Action no."),
                                 tr("Action"),      tr("Target date"),   tr("Current status"),
                                 tr("Current RAG"), tr("Latest update"), tr("New status"),
                                 tr("New RAG"),     tr("Update"),        tr("Update date (dd/mm/yyyy)")};
    for (int c = 0; c < headers.size(); ++c)
        sheet.text(kHeaderRow, c, headers.at(c), c >= NewStatusColumn ? inputHeader : header);
    for (int c = ActionIdColumn; c < ColumnCount; ++c)
        sheet.text(kHeaderRow, c, hiddenKey(Column(c)), nullptr);

    const double widths[] = {24, 7, 8, 50, 14, 14, 9, 45, 18, 10, 50, 13};
    sheet.check(worksheet_set_row(ws, kHeaderRow, 30, nullptr), tr("the header"));
    int row = kHeaderRow + 1;
    for (const Row& r : rows) {
        // Spreadsheets do not all fit a row's height to wrapped text when
        // they open a file, so the height is set from the longest text, with
        // room for three lines of update.
        int lines = 3;
        for (const auto& [text, column] :
             {std::pair(r.text, ActionColumn), std::pair(r.latestUpdate, LatestUpdateColumn),
              std::pair(r.review, ReviewColumn), std::pair(r.target, TargetColumn)})
            lines = qMax(lines, wrappedLines(text, widths[column]));
        sheet.check(worksheet_set_row(ws, row, qMin(409.0, 15.0 * lines), nullptr),
                    tr("row %1").arg(row + 1));
        sheet.text(row, ReviewColumn, r.review, cell);
        sheet.text(row, RecommendationColumn, r.recommendation, cell);
        sheet.text(row, NumberColumn, r.number, cell);
        sheet.text(row, ActionColumn, r.text, cell);
        sheet.text(row, TargetColumn, r.target, cell);
        sheet.text(row, StatusColumn, statusLabel(r.statusCode), cell);
        sheet.text(row, RagColumn, ragLabel(r.ragCode), cell);
        sheet.text(row, LatestUpdateColumn, r.latestUpdate, cell);
        sheet.text(row, NewStatusColumn, QString(), input);
        sheet.text(row, NewRagColumn, QString(), input);
        sheet.text(row, UpdateColumn, QString(), input);
        sheet.text(row, UpdateDateColumn, QString(), inputDate);
        // Text, not numbers: nothing a spreadsheet does to numbers can change them.
        sheet.text(row, ActionIdColumn, QString::number(r.actionId), nullptr);
        sheet.text(row, ReviewIdColumn, QString::number(r.reviewId), nullptr);
        sheet.text(row, WrittenNumberColumn, r.number, nullptr);
        sheet.text(row, WrittenStatusColumn, r.statusCode, nullptr);
        sheet.text(row, WrittenRagColumn, r.ragCode, nullptr);
        sheet.text(row, WrittenLastUpdateIdColumn, QString::number(r.lastUpdateId), nullptr);
        ++row;
    }
    if (rows.isEmpty())
        sheet.text(row, 0, tr("%1 has no open actions.").arg(ownerName), nullptr);
    else if (!addValidation(ws, kHeaderRow + 1, row - 1))
        return false;

    for (int c = 0; c <= last; ++c)
        sheet.check(worksheet_set_column(ws, c, c, widths[c], nullptr), tr("the column widths"));
    lxw_row_col_options hidden = {};
    hidden.hidden = 1;
    sheet.check(worksheet_set_column_opt(ws, ActionIdColumn, ColumnCount - 1, 12, nullptr, &hidden),
                tr("the hidden columns"));
    worksheet_freeze_panes(ws, kHeaderRow + 1, 0);
    sheet.check(worksheet_repeat_rows(ws, kHeaderRow, kHeaderRow), tr("the printed header"));
    // No password: the protection is against overwriting the reference cells
    // by accident, not a lock (a password kept in a program is no secret).
    lxw_protection protection = {};
    protection.format_columns = 1;
    protection.format_rows = 1;
    worksheet_protect(ws, nullptr, &protection);
    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    if (!sheet.ok())
        return false;

    const QByteArray detailsName = detailsSheetName().toUtf8();
    SheetWriter details(workbook_add_worksheet(wb, detailsName.constData()), &m_error);
    if (!details.get()) {
        m_error = tr("cannot add the sheet of return details");
        return false;
    }
    const QVector<QPair<QString, QString>> facts = {
        {QStringLiteral("format"), formatName()},
        {QStringLiteral("version"), QString::number(kFormatVersion)},
        {QStringLiteral("owner"), ownerName},
        {QStringLiteral("owner_id"), QString::number(ownerId)},
        {QStringLiteral("as_of"), asOf.toString(Qt::ISODate)},
        {QStringLiteral("written_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
        {QStringLiteral("history_id"), QString::number(historyMark)},
        {QStringLiteral("sheet"), returnSheetName()},
        // For a person reading the details; a read-only open names a URI.
        {QStringLiteral("database"),
         QFileInfo(m_db.databaseName().section(QLatin1Char('?'), 0, 0)).fileName()},
        {QStringLiteral("actions"), QString::number(rows.size())}};
    for (int i = 0; i < facts.size(); ++i) {
        details.text(i, 0, facts.at(i).first, nullptr);
        details.text(i, 1, facts.at(i).second, nullptr);
    }
    details.check(worksheet_set_column(details.get(), 0, 1, 30, nullptr), tr("the return details"));
    worksheet_protect(details.get(), nullptr, nullptr);
    worksheet_hide(details.get());
    return details.ok();
}

// Drop-down lists for the new status and RAG, and a date check on the date.
bool OwnerReturnsWriter::addValidation(lxw_worksheet* ws, int firstRow, int lastRow)
{
    QList<QByteArray> statusWords;
    for (const ActionStatus s :
         {ActionStatus::NotStarted, ActionStatus::Planned, ActionStatus::InProgress,
          ActionStatus::PartiallyComplete, ActionStatus::Complete, ActionStatus::Superseded})
        statusWords << status::label(s).toUtf8();
    QList<QByteArray> ragWords;
    for (const Rag r : {Rag::Red, Rag::Amber, Rag::Green, Rag::Blue})
        ragWords << rag::label(r).toUtf8();
    const auto pointers = [](QList<QByteArray>& words) {
        std::vector<char*> list;
        for (QByteArray& w : words)
            list.push_back(w.data());
        list.push_back(nullptr);
        return list;
    };
    std::vector<char*> statusList = pointers(statusWords);
    std::vector<char*> ragList = pointers(ragWords);

    const QByteArray statusTitle = tr("New status").toUtf8();
    const QByteArray statusHelp =
        tr("Choose from the list, or leave blank if the status has not changed.").toUtf8();
    const QByteArray ragTitle = tr("New RAG").toUtf8();
    const QByteArray ragHelp =
        tr("Choose Red, Amber, Green or Blue, or leave blank if it has not changed.").toUtf8();
    const QByteArray dateTitle = tr("Update date").toUtf8();
    const QByteArray dateHelp =
        tr("The day of the update, such as 21/11/2026. Leave blank for the day the return is recorded.")
            .toUtf8();
    const QByteArray wrongTitle = tr("Not one of the choices").toUtf8();
    const QByteArray wrongDate = tr("Not a date").toUtf8();

    lxw_data_validation statusRule = {};
    statusRule.validate = LXW_VALIDATION_TYPE_LIST;
    statusRule.value_list = statusList.data();
    statusRule.input_title = const_cast<char*>(statusTitle.constData());
    statusRule.input_message = const_cast<char*>(statusHelp.constData());
    statusRule.error_title = const_cast<char*>(wrongTitle.constData());
    statusRule.error_message = const_cast<char*>(statusHelp.constData());
    statusRule.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
    lxw_data_validation ragRule = statusRule;
    ragRule.value_list = ragList.data();
    ragRule.input_title = const_cast<char*>(ragTitle.constData());
    ragRule.input_message = const_cast<char*>(ragHelp.constData());
    ragRule.error_message = const_cast<char*>(ragHelp.constData());
    lxw_data_validation dateRule = {};
    dateRule.validate = LXW_VALIDATION_TYPE_DATE;
    dateRule.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
    dateRule.minimum_datetime = {2000, 1, 1, 0, 0, 0};
    dateRule.maximum_datetime = {2099, 12, 31, 0, 0, 0};
    dateRule.input_title = const_cast<char*>(dateTitle.constData());
    dateRule.input_message = const_cast<char*>(dateHelp.constData());
    dateRule.error_title = const_cast<char*>(wrongDate.constData());
    dateRule.error_message = const_cast<char*>(dateHelp.constData());
    dateRule.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;

    const struct
    {
        int column;
        lxw_data_validation* rule;
    } rules[] = {{NewStatusColumn, &statusRule}, {NewRagColumn, &ragRule}, {UpdateDateColumn, &dateRule}};
    for (const auto& r : rules) {
        const lxw_error e =
            worksheet_data_validation_range(ws, firstRow, r.column, lastRow, r.column, r.rule);
        if (e != LXW_NO_ERROR) {
            m_error = tr("the drop-down lists cannot be written: %1").arg(QString::fromUtf8(lxw_strerror(e)));
            return false;
        }
    }
    return true;
}

} // namespace rt
