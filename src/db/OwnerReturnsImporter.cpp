#include "OwnerReturnsImporter.h"

#include "OwnerReturnsWriter.h"
#include "core/PartialDate.h"
#include "core/Vocabulary.h"
#include "db/Repository.h"
#include "db/Transaction.h"
#include "io/XlsxReader.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

namespace rt {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rt::OwnerReturnsImporter", text);
}

using W = OwnerReturnsWriter;

QString statusLabel(const QString& code)
{
    ActionStatus s;
    return status::fromCode(code, &s) ? status::label(s) : code;
}

QString ragLabel(const QString& code)
{
    Rag r;
    if (code.isEmpty())
        return tr("no RAG");
    return rag::fromCode(code, &r) ? rag::label(r) : code;
}

QString shortened(const QString& text)
{
    const QString s = text.simplified();
    return s.size() <= 60 ? s : s.left(59) + QChar(0x2026);
}

// The writes of one return, in the caller's transaction. The repositories
// (UpdateRepository::add, ActionRepository::setField) each commit on their
// own and Transaction does not nest, so a whole return could not be one
// transaction through them; this does the same writes that they do (the
// history triggers log them).
class ReturnRecorder : public Repository
{
public:
    explicit ReturnRecorder(QSqlDatabase& db) : Repository(db, tr("the database refused it (%1)")) {}

    bool setStatus(qint64 actionId, ActionStatus s, const QString& written)
    {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral(
            "UPDATE actions SET status = ?, status_text = ?, version = version + 1 WHERE id = ?"));
        q.addBindValue(status::code(s));
        q.addBindValue(sqlText(written.trimmed()));
        q.addBindValue(actionId);
        return run(q); // the history trigger logs the change
    }

    bool setRag(qint64 actionId, Rag r)
    {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("UPDATE actions SET rag = ?, version = version + 1 WHERE id = ?"));
        q.addBindValue(rag::code(r));
        q.addBindValue(actionId);
        return run(q); // the history trigger logs the change
    }

    // As UpdateRepository::add: the update carries the RAG given with it.
    bool addUpdate(qint64 actionId, const QString& iso, const QString& author, const QString& text, Rag r)
    {
        return insertUpdate(actionId, iso, author, text, r) != 0;
    }
};

} // namespace

struct OwnerReturnsImporter::Row
{
    int sheetRow = 0; // as the spreadsheet numbers it
    QString label;    // "action 1.2 of Child X", from the visible cells
    qint64 actionId = 0;
    qint64 reviewId = 0;
    QString number;
    QString writtenStatus;
    QString writtenRag;
    qint64 writtenLastUpdateId = 0;
    bool hasStatus = false;
    ActionStatus status = ActionStatus::NotStarted;
    QString statusWritten;
    bool hasRag = false;
    Rag rag = Rag::None;
    QString text;
    QString dateIso;
};

OwnerReturnsImporter::OwnerReturnsImporter(QSqlDatabase db) : m_db(db) {}

bool OwnerReturnsImporter::readRows(QIODevice* device, const QString& sourceName, QVector<Row>* rows,
                                    Result* result)
{
    const auto refuse = [&](const QString& why) {
        m_error = tr("%1: %2; nothing was recorded").arg(sourceName, why);
        return false;
    };
    XlsxReader reader;
    if (!reader.read(device, sourceName)) {
        m_error = tr("%1; nothing was recorded").arg(reader.errorString());
        return false;
    }
    const SheetTable* details = nullptr;
    const SheetTable* sheet = nullptr;
    for (const SheetTable& t : reader.sheets()) {
        if (t.name == W::detailsSheetName())
            details = &t;
    }
    QHash<QString, QString> facts;
    for (int r = 0; details && r < details->rows.size(); ++r)
        facts.insert(details->text(r, 0).trimmed(), details->text(r, 1).trimmed());
    if (facts.value(QStringLiteral("format")) != W::formatName())
        return refuse(tr("not an update return written by Review Tracker (it has no “%1” sheet saying so)")
                          .arg(W::detailsSheetName()));
    bool ok = false;
    const int version = facts.value(QStringLiteral("version")).toInt(&ok);
    if (!ok || version < 1)
        return refuse(tr("the return's details do not say which version it is"));
    if (version > W::kFormatVersion)
        return refuse(
            tr("written by a newer Review Tracker (return version %1); record it with the newer program")
                .arg(version));
    m_owner = facts.value(QStringLiteral("owner"));
    m_historyMark = facts.value(QStringLiteral("history_id")).toLongLong(&ok);
    if (m_owner.isEmpty() || !ok)
        return refuse(tr("the return's details were changed: the owner or the change-log mark is missing"));
    const QString sheetName = facts.value(QStringLiteral("sheet"), W::returnSheetName());
    for (const SheetTable& t : reader.sheets()) {
        if (t.name == sheetName)
            sheet = &t;
    }
    if (!sheet)
        return refuse(tr("the sheet “%1” is missing").arg(sheetName));
    for (int c = W::ActionIdColumn; c < W::ColumnCount; ++c) {
        if (sheet->text(W::kHeaderRow, c) != W::hiddenKey(W::Column(c)))
            return refuse(
                tr("sheet “%1”, cell %2%3: the hidden columns were changed, so rows cannot be matched")
                    .arg(sheetName, SheetTable::columnLetter(c))
                    .arg(W::kHeaderRow + 1));
    }

    QHash<qint64, int> seen; // action id → sheet row
    for (int r = W::kHeaderRow + 1; r < sheet->rows.size(); ++r) {
        Row row;
        row.sheetRow = r + 1;
        const QString statusText = sheet->text(r, W::NewStatusColumn).trimmed();
        const QString ragText = sheet->text(r, W::NewRagColumn).trimmed();
        row.text = sheet->text(r, W::UpdateColumn).trimmed();
        const SheetCell dateCell = W::UpdateDateColumn < sheet->rows.at(r).size()
                                       ? sheet->rows.at(r).at(W::UpdateDateColumn)
                                       : SheetCell();
        const QString idText = sheet->text(r, W::ActionIdColumn).trimmed();
        const bool anything = !statusText.isEmpty() || !ragText.isEmpty() || !row.text.isEmpty();
        if (!anything && dateCell.text.trimmed().isEmpty()) {
            if (!idText.isEmpty())
                ++result->rowsBlank;
            continue;
        }
        row.label =
            tr("action %1 of %2")
                .arg(sheet->text(r, W::NumberColumn).trimmed(), sheet->text(r, W::ReviewColumn).trimmed());
        const QString where = tr("Row %1 (%2)").arg(QString::number(row.sheetRow), row.label);
        if (idText.isEmpty()) {
            m_unmatched.insert(
                row.sheetRow,
                tr("Row %1: typed outside the return's actions, so it belongs to none").arg(row.sheetRow));
            continue;
        }
        row.actionId = idText.toLongLong(&ok);
        const bool idOk = ok && row.actionId > 0;
        row.reviewId = sheet->text(r, W::ReviewIdColumn).trimmed().toLongLong(&ok);
        row.writtenLastUpdateId = sheet->text(r, W::WrittenLastUpdateIdColumn).trimmed().toLongLong(&ok);
        if (!idOk || !ok) {
            m_unmatched.insert(
                row.sheetRow,
                tr("%1: the hidden cells were changed, so the row cannot be matched").arg(where));
            continue;
        }
        row.number = sheet->text(r, W::WrittenNumberColumn);
        row.writtenStatus = sheet->text(r, W::WrittenStatusColumn).trimmed();
        row.writtenRag = sheet->text(r, W::WrittenRagColumn).trimmed();
        if (seen.contains(row.actionId)) {
            m_unmatched.insert(row.sheetRow,
                               tr("%1: the action is given again (first on row %2); only that row counts")
                                   .arg(where, QString::number(seen.value(row.actionId))));
            continue;
        }
        seen.insert(row.actionId, row.sheetRow);
        if (!anything) {
            m_unmatched.insert(
                row.sheetRow,
                tr("%1: an update date but no update, status or RAG, so nothing to record").arg(where));
            continue;
        }
        if (!statusText.isEmpty()) {
            if (!status::fromCode(statusText, &row.status) && !status::fromWritten(statusText, &row.status)) {
                m_unmatched.insert(row.sheetRow,
                                   tr("%1: “%2” is not a status: choose Not started, Planned, In progress, "
                                      "Partially complete, Complete or Superseded")
                                       .arg(where, statusText));
                continue;
            }
            row.hasStatus = true;
            row.statusWritten = statusText;
        }
        if (!ragText.isEmpty()) {
            if ((!rag::fromCode(ragText, &row.rag) && !rag::fromWritten(ragText, &row.rag)) ||
                row.rag == Rag::None) {
                m_unmatched.insert(
                    row.sheetRow,
                    tr("%1: “%2” is not a RAG rating: choose Red, Amber, Green or Blue").arg(where, ragText));
                continue;
            }
            row.hasRag = true;
        }
        if (!row.text.isEmpty()) {
            QString error;
            if (dateCell.isDate && dateCell.date().isValid()) {
                row.dateIso = dateCell.date().toString(Qt::ISODate);
            } else if (!PartialDate::parse(dateCell.text, &row.dateIso, &error)) {
                m_unmatched.insert(row.sheetRow, tr("%1: the update date: %2").arg(where, error));
                continue;
            }
            if (row.dateIso.isEmpty())
                row.dateIso = m_today.toString(Qt::ISODate);
            if (PartialDate::earliest(row.dateIso) > m_today) {
                m_unmatched.insert(row.sheetRow, tr("%1: the update is dated %2, after today")
                                                     .arg(where, PartialDate::toDisplayString(row.dateIso)));
                continue;
            }
        }
        rows->append(row);
    }
    return true;
}

// Compared with what the return's hidden cells say the action was, and with
// the change log after the return was written (which also catches a change
// made and undone): the log says what, when and by whom.
QString OwnerReturnsImporter::changesSince(const Row& row)
{
    QStringList changes;
    QSqlQuery log(m_db);
    log.prepare(
        // An update added is logged on the update (schema 5, its row as
        // JSON, naming the action as parent) or, by older programs, on the
        // action as field 'update'.
        QStringLiteral(
            "SELECT field, old_value, CASE WHEN entity = 'update' THEN json_extract(new_value, "
            "'$.text') ELSE new_value END, at, who FROM history WHERE id > ? AND ((entity = 'action' "
            "AND entity_id = ? AND field IN ('status', 'rag', 'update')) OR (parent_entity = 'action' "
            "AND parent_id = ? AND entity = 'update' AND field = 'created')) ORDER BY id"));
    log.addBindValue(m_historyMark);
    log.addBindValue(row.actionId);
    log.addBindValue(row.actionId);
    if (log.exec()) {
        while (log.next()) {
            const QString field = log.value(0).toString();
            const QString when = PartialDate::momentString(log.value(3).toString());
            const QString who = log.value(4).toString().isEmpty() ? tr("someone") : log.value(4).toString();
            if (field == QLatin1String("status"))
                changes << tr("status changed from %1 to %2 on %3 by %4")
                               .arg(statusLabel(log.value(1).toString()),
                                    statusLabel(log.value(2).toString()), when, who);
            else if (field == QLatin1String("rag"))
                changes << tr("RAG changed from %1 to %2 on %3 by %4")
                               .arg(ragLabel(log.value(1).toString()), ragLabel(log.value(2).toString()),
                                    when, who);
            else
                changes << tr("an update was added on %1 by %2: “%3”")
                               .arg(when, who, shortened(log.value(2).toString()));
        }
    }
    if (!changes.isEmpty())
        return changes.join(QStringLiteral("; "));

    // Changed without a log entry (an import or an older program).
    QSqlQuery now(m_db);
    now.prepare(
        QStringLiteral("SELECT status, rag, (SELECT coalesce(max(id), 0) FROM updates WHERE action_id = ?) "
                       "FROM actions WHERE id = ?"));
    now.addBindValue(row.actionId);
    now.addBindValue(row.actionId);
    if (!now.exec() || !now.next())
        return QString();
    if (now.value(0).toString() != row.writtenStatus)
        changes << tr("the status is now %1 (%2 when the return was written)")
                       .arg(statusLabel(now.value(0).toString()), statusLabel(row.writtenStatus));
    if (now.value(1).toString() != row.writtenRag)
        changes << tr("the RAG is now %1 (%2 when the return was written)")
                       .arg(ragLabel(now.value(1).toString()), ragLabel(row.writtenRag));
    if (now.value(2).toLongLong() != row.writtenLastUpdateId)
        changes << tr("a progress update was added after the return was written");
    return changes.join(QStringLiteral("; "));
}

bool OwnerReturnsImporter::record(const Row& row, Result* result)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT review_id, number, status, rag FROM actions WHERE id = ?"));
    q.addBindValue(row.actionId);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    const QString where = tr("Row %1 (%2)").arg(QString::number(row.sheetRow), row.label);
    if (!q.next()) {
        QSqlQuery gone(m_db);
        gone.prepare(
            QStringLiteral("SELECT at, who FROM history WHERE entity = 'action' AND entity_id = ? AND "
                           "field = 'deleted' ORDER BY id DESC LIMIT 1"));
        gone.addBindValue(row.actionId);
        if (gone.exec() && gone.next())
            m_unmatched.insert(row.sheetRow,
                               tr("%1: the action was deleted on %2 by %3")
                                   .arg(where, PartialDate::momentString(gone.value(0).toString()),
                                        gone.value(1).toString()));
        else
            m_unmatched.insert(
                row.sheetRow,
                tr("%1: there is no action %2 in this database").arg(where, QString::number(row.actionId)));
        return true;
    }
    const qint64 reviewId = q.value(0).toLongLong();
    const QString number = q.value(1).toString();
    const QString oldStatus = q.value(2).toString();
    const QString oldRag = q.value(3).toString();
    q.finish();
    // Ids alone could match a return from another database, or an action
    // renumbered since; either way the row is not this action as the owner saw it.
    if (reviewId != row.reviewId || number != row.number) {
        m_unmatched.insert(row.sheetRow,
                           tr("%1: action %2 in this database is numbered “%3” in another place, so the "
                              "row is not recorded; is the return from another database?")
                               .arg(where, QString::number(row.actionId), number));
        return true;
    }
    const QString changes = changesSince(row);
    if (!changes.isEmpty()) {
        result->conflicts << tr("%1: changed since the return was written (%2), so the row is not recorded")
                                 .arg(where, changes);
        return true;
    }

    ReturnRecorder recorder(m_db);
    const bool statusChanges = row.hasStatus && status::code(row.status) != oldStatus;
    if (statusChanges && !recorder.setStatus(row.actionId, row.status, row.statusWritten)) {
        m_error = recorder.errorString();
        return false;
    }
    if (!row.text.isEmpty()) {
        if (!recorder.addUpdate(row.actionId, row.dateIso, m_owner, row.text,
                                row.hasRag ? row.rag : Rag::None)) {
            m_error = recorder.errorString();
            return false;
        }
        ++result->updates;
    }
    const bool ragChanges = row.hasRag && rag::code(row.rag) != oldRag;
    if (ragChanges && !recorder.setRag(row.actionId, row.rag)) {
        m_error = recorder.errorString();
        return false;
    }
    result->statusChanges += statusChanges ? 1 : 0;
    result->ragChanges += ragChanges ? 1 : 0;
    ++result->rowsApplied;
    return true;
}

bool OwnerReturnsImporter::apply(QIODevice* device, const QString& sourceName, Result* result)
{
    m_error.clear();
    m_unmatched.clear();
    *result = Result();
    QVector<Row> rows;
    if (!readRows(device, sourceName, &rows, result)) {
        *result = Result();
        return false;
    }
    // Checked and written in one transaction, so nothing can change between
    // the check for changes made meanwhile and the write.
    Transaction tx(m_db);
    if (!tx.isActive()) {
        m_error = tr("%1: the database cannot be written: %2; nothing was recorded")
                      .arg(sourceName, m_db.lastError().text());
        *result = Result();
        return false;
    }
    for (const Row& row : std::as_const(rows)) {
        if (!record(row, result)) {
            m_error = tr("%1, row %2: %3; nothing was recorded")
                          .arg(sourceName, QString::number(row.sheetRow), m_error);
            *result = Result();
            return false;
        }
    }
    if (!tx.commit()) {
        m_error = tr("%1: the database refused the changes: %2; nothing was recorded")
                      .arg(sourceName, m_db.lastError().text());
        *result = Result();
        return false;
    }
    result->unmatched = m_unmatched.values(); // in row order
    return true;
}

} // namespace rt
