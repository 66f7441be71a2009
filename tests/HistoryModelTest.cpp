// The change history as a table: each kind of logged row read as labels,
// whole rows summarised, rows of older programs, and a record's details.

#include "HistoryTestSupport.h"

#include <gtest/gtest.h>

using namespace rt;
using namespace rt::test;

TEST(HistoryModel, FieldChangesReadAsLabelsNewestFirst)
{
    Sample s;
    const qint64 status = addRow(*s.db, QStringLiteral("2031-05-04T09:30:00Z"), QStringLiteral("alice"),
                                 QStringLiteral("action"), s.actionId, s.reviewId, QStringLiteral("status"),
                                 QStringLiteral("in_progress"), QStringLiteral("complete"));
    const qint64 rag = addRow(*s.db, QStringLiteral("2031-05-04T09:31:00Z"), QStringLiteral("alice"),
                              QStringLiteral("action"), s.actionId, s.reviewId, QStringLiteral("rag"),
                              QStringLiteral("amber"), QStringLiteral("green"));
    const qint64 target =
        addRow(*s.db, QStringLiteral("2031-05-04T09:32:00Z"), QStringLiteral("bob"), QStringLiteral("action"),
               s.actionId, s.reviewId, QStringLiteral("target_text"), QStringLiteral("March 2024"),
               QStringLiteral("June 2024"));
    const qint64 due = addRow(*s.db, QStringLiteral("2031-05-04T09:32:00Z"), QStringLiteral("bob"),
                              QStringLiteral("action"), s.actionId, s.reviewId, QStringLiteral("target_due"),
                              QStringLiteral("2024-03-31"), QStringLiteral("2024-06-30"));
    const qint64 evidence =
        addRow(*s.db, QStringLiteral("2031-05-04T09:33:00Z"), QStringLiteral("bob"), QStringLiteral("action"),
               s.actionId, s.reviewId, QStringLiteral("evidence"), QStringLiteral(""),
               QStringLiteral("Audit report"));

    HistoryTableModel model(s.db->connection());
    s.readActionHistory(model);

    EXPECT_EQ(cell(model, status, HistoryTableModel::WhatColumn), QStringLiteral("Status"));
    EXPECT_EQ(cell(model, status, HistoryTableModel::FromColumn), QStringLiteral("In progress"));
    EXPECT_EQ(cell(model, status, HistoryTableModel::ToColumn), QStringLiteral("Complete"));
    EXPECT_EQ(cell(model, status, HistoryTableModel::WhoColumn), QStringLiteral("alice"));
    EXPECT_EQ(cell(model, status, HistoryTableModel::WhenColumn),
              localWhen(QStringLiteral("2031-05-04T09:30:00Z")));
    EXPECT_EQ(cell(model, rag, HistoryTableModel::WhatColumn), QStringLiteral("RAG rating"));
    EXPECT_EQ(cell(model, rag, HistoryTableModel::FromColumn), QStringLiteral("Amber"));
    EXPECT_EQ(cell(model, rag, HistoryTableModel::ToColumn), QStringLiteral("Green"));
    EXPECT_EQ(cell(model, target, HistoryTableModel::WhatColumn), QStringLiteral("Target date"));
    EXPECT_EQ(cell(model, target, HistoryTableModel::ToColumn), QStringLiteral("June 2024"));
    EXPECT_EQ(cell(model, evidence, HistoryTableModel::FromColumn), QStringLiteral("(blank)"));
    // The narrow panes' one column for both.
    EXPECT_EQ(cell(model, rag, HistoryTableModel::ChangeColumn), QStringLiteral("Amber → Green"));
    EXPECT_EQ(cell(model, evidence, HistoryTableModel::ChangeColumn),
              QStringLiteral("(blank) → Audit report"));
    // The due day and precision move with the target: not shown twice.
    EXPECT_EQ(rowOf(model, due), -1);
    // Newest first.
    EXPECT_EQ(rowOf(model, evidence), 0);
    EXPECT_LT(rowOf(model, target), rowOf(model, rag));
    EXPECT_LT(rowOf(model, rag), rowOf(model, status));
}

TEST(HistoryModel, WholeRowsAreSummarisedByNumberAndText)
{
    Sample s;
    const QJsonObject update{{QStringLiteral("id"), 90001},
                             {QStringLiteral("action_id"), s.actionId},
                             {QStringLiteral("date"), QStringLiteral("2024-02-15")},
                             {QStringLiteral("label"), QStringLiteral("Action Update")},
                             {QStringLiteral("author"), QStringLiteral("J. Bloggs")},
                             {QStringLiteral("text"), QStringLiteral("Met the head of service")},
                             {QStringLiteral("rag"), QStringLiteral("amber")},
                             {QStringLiteral("position"), 3}};
    const qint64 added = addRow(*s.db, QStringLiteral("2031-05-05T10:00:00Z"), QStringLiteral("alice"),
                                QStringLiteral("update"), 90001, s.reviewId, QStringLiteral("created"),
                                QVariant(), json(update), QStringLiteral("action"), s.actionId);
    const qint64 owner =
        addRow(*s.db, QStringLiteral("2031-05-05T10:01:00Z"), QStringLiteral("alice"),
               QStringLiteral("action_owner"), 777, s.reviewId, QStringLiteral("created"), QVariant(),
               json({{QStringLiteral("action_id"), s.actionId},
                     {QStringLiteral("owner_id"), s.ownerId},
                     {QStringLiteral("position"), 1}}),
               QStringLiteral("action"), s.actionId);
    const QString longText = QStringLiteral(
        "Ensure that every practitioner who works with families in the county has attended the "
        "multi-agency training on neglect, and that supervision records show the tool in use, "
        "with an audit of fifty cases reported to the partnership board by the autumn.");
    const qint64 gone = 987654;
    const qint64 deleted = addRow(*s.db, QStringLiteral("2031-05-05T10:02:00Z"), QStringLiteral("bob"),
                                  QStringLiteral("action"), gone, s.reviewId, QStringLiteral("deleted"),
                                  json({{QStringLiteral("id"), gone},
                                        {QStringLiteral("number"), QStringLiteral("9.9")},
                                        {QStringLiteral("text"), longText},
                                        {QStringLiteral("status"), QStringLiteral("partial")}}),
                                  QVariant());

    HistoryTableModel model(s.db->connection());
    s.readActionHistory(model);
    EXPECT_EQ(cell(model, added, HistoryTableModel::WhatColumn), QStringLiteral("Progress update added"));
    EXPECT_EQ(cell(model, added, HistoryTableModel::ToColumn),
              QStringLiteral("15/02/2024: Met the head of service (Amber)"));
    EXPECT_EQ(cell(model, added, HistoryTableModel::FromColumn), QString());
    EXPECT_EQ(cell(model, added, HistoryTableModel::ChangeColumn),
              QStringLiteral("15/02/2024: Met the head of service (Amber)"));
    EXPECT_TRUE(cell(model, added, HistoryTableModel::ToColumn, Qt::ToolTipRole)
                    .contains(QStringLiteral("J. Bloggs")));
    EXPECT_EQ(cell(model, owner, HistoryTableModel::WhatColumn), QStringLiteral("Owner added"));
    EXPECT_EQ(cell(model, owner, HistoryTableModel::ToColumn), s.ownerName);
    // A detail is shown against its action, which opens.
    EXPECT_EQ(cell(model, added, HistoryTableModel::RecordColumn),
              QStringLiteral("Action %1").arg(s.actionNumber).trimmed());
    EXPECT_EQ(
        cell(model, added, HistoryTableModel::WhenColumn, HistoryTableModel::OpenActionRole).toLongLong(),
        s.actionId);

    model.setFilter(s.recordFilter(gone));
    readAllRows(model);
    EXPECT_EQ(cell(model, deleted, HistoryTableModel::WhatColumn), QStringLiteral("Action deleted"));
    const QString from = cell(model, deleted, HistoryTableModel::FromColumn);
    EXPECT_TRUE(from.startsWith(QStringLiteral("9.9 — Ensure that every practitioner")))
        << from.toStdString();
    EXPECT_TRUE(from.endsWith(QStringLiteral(" …"))) << "a long text is shortened in the cell";
    EXPECT_LT(from.size(), longText.size());
    const QString tip = cell(model, deleted, HistoryTableModel::FromColumn, Qt::ToolTipRole);
    EXPECT_TRUE(tip.contains(QStringLiteral("by the autumn."))) << "the tooltip has the whole text";
    EXPECT_TRUE(tip.contains(QStringLiteral("Partially complete"))) << "codes in the tooltip read as labels";
    EXPECT_EQ(cell(model, deleted, HistoryTableModel::RecordColumn), QStringLiteral("Action 9.9"));
    EXPECT_FALSE(model.index(rowOf(model, deleted), 0).data(HistoryTableModel::RecordExistsRole).toBool());
    EXPECT_EQ(model.index(rowOf(model, deleted), 0).data(HistoryTableModel::OpenActionRole).toLongLong(), 0);
}

TEST(HistoryModel, RowsLoggedBeforeSchemaFiveReadSensibly)
{
    Sample s;
    const QString action = QStringLiteral("action");
    auto legacy = [&](const char* at, const char* field, const QVariant& from, const QVariant& to) {
        return addRow(*s.db, QLatin1String(at), QStringLiteral("carol"), action, s.actionId, s.reviewId,
                      QLatin1String(field), from, to);
    };
    const qint64 created =
        legacy("2031-06-01T08:00:00Z", "created", QVariant(), QStringLiteral("Review the policy"));
    const qint64 target =
        legacy("2031-06-01T08:01:00Z", "target", QStringLiteral("March 2024"), QStringLiteral("Ongoing"));
    const qint64 revised =
        legacy("2031-06-01T08:02:00Z", "revised_target", QVariant(QString()), QStringLiteral("Dec 2024"));
    const qint64 update =
        legacy("2031-06-01T08:03:00Z", "update", QVariant(), QStringLiteral("Spoke to the team"));
    const qint64 status =
        legacy("2031-06-01T08:04:00Z", "status", QStringLiteral("not_started"), QStringLiteral("planned"));
    const qint64 deleted =
        legacy("2031-06-01T08:05:00Z", "deleted", QStringLiteral("Review the policy"), QVariant());

    HistoryTableModel model(s.db->connection());
    s.readActionHistory(model);
    EXPECT_EQ(cell(model, created, HistoryTableModel::WhatColumn), QStringLiteral("Action created"));
    EXPECT_EQ(cell(model, created, HistoryTableModel::ToColumn), QStringLiteral("Review the policy"));
    EXPECT_EQ(cell(model, target, HistoryTableModel::WhatColumn), QStringLiteral("Target date"));
    EXPECT_EQ(cell(model, target, HistoryTableModel::FromColumn), QStringLiteral("March 2024"));
    EXPECT_EQ(cell(model, target, HistoryTableModel::ToColumn), QStringLiteral("Ongoing"));
    EXPECT_EQ(cell(model, revised, HistoryTableModel::WhatColumn), QStringLiteral("Revised target date"));
    EXPECT_EQ(cell(model, revised, HistoryTableModel::FromColumn), QStringLiteral("(blank)"));
    EXPECT_EQ(cell(model, update, HistoryTableModel::WhatColumn), QStringLiteral("Progress update added"));
    EXPECT_EQ(cell(model, update, HistoryTableModel::ToColumn), QStringLiteral("Spoke to the team"));
    EXPECT_EQ(cell(model, status, HistoryTableModel::FromColumn), QStringLiteral("Not started"));
    EXPECT_EQ(cell(model, status, HistoryTableModel::ToColumn), QStringLiteral("Planned"));
    EXPECT_EQ(cell(model, deleted, HistoryTableModel::WhatColumn), QStringLiteral("Action deleted"));
    EXPECT_EQ(cell(model, deleted, HistoryTableModel::FromColumn), QStringLiteral("Review the policy"));
}

TEST(HistoryModel, ARecordsHistoryHoldsItsDetailsAndNothingElse)
{
    Sample s;
    const QString at = QStringLiteral("2031-07-01T12:00:00Z");
    const qint64 own = addRow(*s.db, at, QStringLiteral("dan"), QStringLiteral("action"), s.actionId,
                              s.reviewId, QStringLiteral("rag"), QStringLiteral(""), QStringLiteral("red"));
    const qint64 link = addRow(*s.db, at, QStringLiteral("dan"), QStringLiteral("action_link"), 4242,
                               s.reviewId, QStringLiteral("deleted"),
                               json({{QStringLiteral("action_id"), s.actionId},
                                     {QStringLiteral("linked_action_id"), s.otherActionId},
                                     {QStringLiteral("note"), QStringLiteral("As action")}}),
                               QVariant(), QStringLiteral("action"), s.actionId);
    const qint64 other =
        addRow(*s.db, at, QStringLiteral("dan"), QStringLiteral("action"), s.otherActionId, s.reviewId,
               QStringLiteral("rag"), QStringLiteral(""), QStringLiteral("amber"));
    const qint64 otherDetail = addRow(*s.db, at, QStringLiteral("dan"), QStringLiteral("update"), 90002,
                                      s.reviewId, QStringLiteral("created"), QVariant(),
                                      json({{QStringLiteral("text"), QStringLiteral("Not this one")}}),
                                      QStringLiteral("action"), s.otherActionId);

    HistoryTableModel model(s.db->connection());
    s.readActionHistory(model);
    EXPECT_GE(rowOf(model, own), 0);
    EXPECT_GE(rowOf(model, link), 0);
    EXPECT_EQ(cell(model, link, HistoryTableModel::WhatColumn), QStringLiteral("Linked action removed"));
    EXPECT_EQ(rowOf(model, other), -1);
    EXPECT_EQ(rowOf(model, otherDetail), -1);
    for (int row = 0; row < model.rowCount(); ++row) {
        const HistoryEntry* e = model.entryAt(row);
        const bool mine = (e->entity == QLatin1String("action") && e->entityId == s.actionId) ||
                          (e->parentEntity == QLatin1String("action") && e->parentId == s.actionId);
        EXPECT_TRUE(mine) << "row " << e->id << " is not of the action";
    }
}
