#pragma once

// What the history tests share: rows written straight into the log, the
// sample database with actions to log against, and reading a model whole.

#include "TestSupport.h"
#include "db/HistoryQueries.h"
#include "models/HistoryTableModel.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QWidget>
#include <gtest/gtest.h>

namespace rt::test {

inline qint64 addRow(Database& db, const QString& at, const QString& who, const QString& entity, qint64 id,
                     qint64 reviewId, const QString& field, const QVariant& from, const QVariant& to,
                     const QString& parent = QString(), qint64 parentId = 0)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("INSERT INTO history(at, who, entity, entity_id, review_id, field, old_value, "
                             "new_value, parent_entity, parent_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(at);
    q.addBindValue(who);
    q.addBindValue(entity);
    q.addBindValue(id);
    q.addBindValue(reviewId > 0 ? QVariant(reviewId) : QVariant());
    q.addBindValue(field);
    q.addBindValue(from);
    q.addBindValue(to);
    q.addBindValue(parent.isEmpty() ? QVariant() : QVariant(parent));
    q.addBindValue(parentId > 0 ? QVariant(parentId) : QVariant());
    EXPECT_TRUE(q.exec()) << q.lastError().text().toStdString();
    return q.lastInsertId().toLongLong();
}

inline QString json(const QJsonObject& row)
{
    return QString::fromUtf8(QJsonDocument(row).toJson(QJsonDocument::Compact));
}

inline void readAllRows(HistoryTableModel& model)
{
    while (model.canFetchMore())
        model.fetchMore();
}

inline int rowOf(const HistoryTableModel& model, qint64 historyId)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.entryAt(row)->id == historyId)
            return row;
    }
    return -1;
}

inline QString cell(const HistoryTableModel& model, qint64 historyId, int column, int role = Qt::DisplayRole)
{
    const int row = rowOf(model, historyId);
    EXPECT_GE(row, 0) << "history row " << historyId << " is not shown";
    return row < 0 ? QString() : model.index(row, column).data(role).toString();
}

inline QString localWhen(const QString& utcIso)
{
    QDateTime at = QDateTime::fromString(utcIso, Qt::ISODate);
    at.setTimeSpec(Qt::UTC);
    return at.toLocalTime().toString(QStringLiteral("dd/MM/yyyy HH:mm"));
}

inline void saveShot(QWidget* widget, const QString& name)
{
    const QString folder = qEnvironmentVariable("RT_SCREENSHOT_DIR");
    if (!folder.isEmpty())
        widget->grab().save(folder + QLatin1Char('/') + name);
}

// The sample database with an action of it to log changes against.
struct Sample
{
    Sample()
    {
        db = test::sampleDatabase(dir.file(QStringLiteral("sample.rtdb")));
        QSqlQuery q(db->connection());
        EXPECT_TRUE(q.exec(QStringLiteral("SELECT id, review_id, number FROM actions ORDER BY id LIMIT 2")));
        q.next();
        actionId = q.value(0).toLongLong();
        reviewId = q.value(1).toLongLong();
        actionNumber = q.value(2).toString();
        q.next();
        otherActionId = q.value(0).toLongLong();
        ownerId = test::scalar(*db, QStringLiteral("SELECT min(id) FROM owners"));
        ownerName = test::text(*db, QStringLiteral("SELECT name FROM owners WHERE id = %1").arg(ownerId));
    }

    HistoryFilter recordFilter(qint64 id) const
    {
        HistoryFilter f;
        f.recordEntity = QStringLiteral("action");
        f.recordIds = {id};
        return f;
    }

    // The whole History of the sample's action, read at once.
    void readActionHistory(HistoryTableModel& model) const
    {
        model.setTimeBudget(0);
        model.setFilter(recordFilter(actionId));
        readAllRows(model);
    }

    test::TempDir dir;
    std::unique_ptr<Database> db;
    qint64 actionId = 0, reviewId = 0, otherActionId = 0, ownerId = 0;
    QString actionNumber, ownerName;
};

} // namespace rt::test
