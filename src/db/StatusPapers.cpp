// The two status papers of PaperQueries: the QiiP highlight report and the
// Executive summary. Both count with StatusQueries' single definitions of
// open and overdue, so a paper never disagrees with the dashboard.

#include "PaperQueries.h"
#include "PaperQueriesParts.h"
#include "StatusQueries.h"

#include <QSqlError>
#include <QSqlQuery>

namespace rt {

using namespace papercells;

bool PaperQueries::highlightReport(const QDate& asOf, Paper* out)
{
    *out = Paper();
    out->title = tr("QiiP highlight report: overdue, Red and Amber actions");
    out->asOf = asOf;
    out->footer = tr("QiiP highlight report as of %1").arg(ukDate(asOf));

    PaperTable table;
    table.heading = tr("By agency and review");
    table.sheetName = tr("Highlight");
    table.columns = {
        column(tr("Agency"), 0, 26, PaperColumn::Use::SpreadsheetOnly),
        column(tr("Review"), 1.1, 22, PaperColumn::Use::Everywhere, true),
        column(tr("Rec"), 0.4, 6),
        column(tr("Action"), 2.6, 50),
        column(tr("Owner"), 1.1, 24),
        column(tr("Target Date"), 0.75, 12),
        column(tr("Days overdue"), 0.55, 9),
        column(tr("Status"), 0.7, 14),
        column(tr("RAG"), 0.5, 8),
        column(tr("Latest update"), 2.6, 50),
        column(tr("Update date"), 0, 12, PaperColumn::Use::SpreadsheetOnly),
    };

    // Agencies in their usual order, actions with no agency last; within an
    // agency, reviews in list order and actions in plan order.
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral(
            "SELECT coalesce(g.name, ''), r.title, c.number, a.number, a.text, a.owner_text, a.target_text, "
            "a.target_precision, coalesce(a.target_due, ''), a.status, a.status_text, a.rag, "
            "CASE WHEN %1 THEN 1 ELSE 0 END, "
            "(SELECT coalesce(u.date, '') || '%3' || u.text FROM updates u WHERE u.action_id = a.id "
            " ORDER BY u.date IS NULL, u.date DESC, u.position DESC, u.id DESC LIMIT 1) "
            "FROM actions a JOIN reviews r ON r.id = a.review_id "
            "JOIN recommendations c ON c.id = a.recommendation_id "
            "LEFT JOIN agencies g ON g.id = a.agency_id "
            "WHERE %2 AND (%1 OR a.rag IN ('red', 'amber')) "
            "ORDER BY g.id IS NULL, g.position, g.name, r.position, r.id, c.sort_key, a.position, a.id")
            .arg(StatusQueries::overdueCondition(QStringLiteral("a")),
                 StatusQueries::openCondition(QStringLiteral("a")),
                 // The unit separator (0x1F) between date and text, as a
                 // literal: SQLite's char(31) is not PostgreSQL's.
                 QString(QChar(0x1F))));
    q.bindValue(QStringLiteral(":asof"), asOf.toString(Qt::ISODate));
    if (!q.exec())
        return fail(q);

    int overdue = 0, red = 0, amber = 0;
    QSet<QString> agencies, reviews;
    QString lastAgency;
    bool first = true;
    while (q.next()) {
        const QString agency = q.value(0).toString();
        const QString shownAgency = agency.isEmpty() ? tr("No agency recorded") : agency;
        PaperRow row;
        if (first || agency != lastAgency)
            row.groupHeading = shownAgency;
        first = false;
        lastAgency = agency;
        agencies.insert(agency);
        reviews.insert(q.value(1).toString());

        const bool isOverdue = q.value(12).toInt() == 1;
        const QString ragCode = q.value(11).toString();
        overdue += isOverdue;
        red += ragCode == QLatin1String("red");
        amber += ragCode == QLatin1String("amber");

        PaperCell action;
        const QString number = q.value(3).toString();
        action.paragraphs.append(
            {number.isEmpty() ? QString() : tr("%1:").arg(number), q.value(4).toString().trimmed()});
        const TargetDate target = TargetDate::fromStorage(q.value(7).toString(), q.value(8).toString());
        PaperCell days;
        if (isOverdue) {
            const qint64 n = target.due().daysTo(asOf);
            days = PaperCell::count(static_cast<double>(n), QString::number(n));
        }
        const QStringList latest = q.value(13).toString().split(QChar(31));
        row.cells = {PaperCell::plain(shownAgency),
                     PaperCell::plain(q.value(1).toString()),
                     PaperCell::plain(q.value(2).toString()),
                     action,
                     PaperCell::plain(q.value(5).toString()),
                     targetCell(q.value(6).toString(), q.value(7).toString(), q.value(8).toString()),
                     days,
                     PaperCell::plain(statusShown(q.value(9).toString(), q.value(10).toString())),
                     ragOf(ragCode),
                     PaperCell(),
                     PaperCell()};
        if (latest.size() == 2) {
            PaperCell update;
            update.paragraphs.append(
                {latest[0].isEmpty() ? QString() : tr("%1:").arg(PartialDate::toDisplayString(latest[0])),
                 latest[1].trimmed()});
            row.cells[9] = update;
            row.cells[10] = dateCell(latest[0]);
        } else {
            row.cells[9] = PaperCell::plain(tr("No update recorded"));
        }
        table.rows.append(row);
    }
    if (table.rows.isEmpty())
        table.note = tr("No open action is overdue, Red or Amber on %1.").arg(ukDate(asOf));

    out->organisation = mainOrganisation();
    out->facts = {{tr("Overdue"), QString::number(overdue)},
                  {tr("Red"), QString::number(red)},
                  {tr("Amber"), QString::number(amber)},
                  {tr("Actions listed"), QString::number(table.rows.size())},
                  {tr("Agencies"), QString::number(agencies.size())},
                  {tr("Reviews"), QString::number(reviews.size())}};
    out->introduction.append(
        tr("Open actions (not Complete or Superseded) whose original target date has passed, or that are "
           "rated Red or Amber. Days overdue count from the original target; a revised target never moves "
           "it."));
    out->tables.append(table);
    return true;
}

bool PaperQueries::executiveSummary(const QDate& asOf, Paper* out)
{
    *out = Paper();
    out->title = tr("Executive summary of review action plans");
    out->asOf = asOf;
    out->footer = tr("Executive summary as of %1").arg(ukDate(asOf));

    struct Row
    {
        qint64 id = 0;
        QString title, reference, kind, year, published;
        int recs = 0, recsWithActions = 0, recsComplete = 0, actions = 0, overdue = 0;
        QHash<QString, int> byStatus, byRag;
    };
    QVector<Row> rows;
    QHash<qint64, int> index;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(
            QStringLiteral("SELECT r.id, r.title, r.reference, r.kind, coalesce(CAST(r.year AS TEXT), ''), "
                           "coalesce(r.published, ''), r.publication_withheld, "
                           "(SELECT count(*) FROM recommendations c WHERE c.review_id = r.id) "
                           "FROM reviews r ORDER BY r.position, r.id")))
        return fail(q);
    while (q.next()) {
        Row r;
        r.id = q.value(0).toLongLong();
        r.title = q.value(1).toString();
        r.reference = q.value(2).toString();
        ReviewKind kind = ReviewKind::SCR;
        reviewkind::fromCode(q.value(3).toString(), &kind);
        r.kind = reviewkind::shortLabel(kind);
        r.year = q.value(4).toString();
        r.published =
            q.value(6).toInt() ? tr("Withheld") : PartialDate::toDisplayString(q.value(5).toString());
        r.recs = q.value(7).toInt();
        index.insert(r.id, rows.size());
        rows.append(r);
    }
    // The same completion rule as the dashboard: a recommendation is complete
    // when it has actions and all of them are closed.
    if (!q.exec(StatusQueries::completionByReviewSql()))
        return fail(q);
    while (q.next()) {
        Row& r = rows[index.value(q.value(0).toLongLong())];
        r.recsWithActions = q.value(1).toInt();
        r.recsComplete = q.value(2).toInt();
    }
    if (!q.exec(QStringLiteral(
            "SELECT review_id, status, rag, count(*) FROM actions GROUP BY review_id, status, rag")))
        return fail(q);
    while (q.next()) {
        Row& r = rows[index.value(q.value(0).toLongLong())];
        const int n = q.value(3).toInt();
        r.actions += n;
        r.byStatus[q.value(1).toString()] += n;
        r.byRag[q.value(2).toString()] += n;
    }
    QSqlQuery o(m_db);
    o.setForwardOnly(true);
    o.prepare(QStringLiteral("SELECT a.review_id, count(*) FROM actions a WHERE %1 GROUP BY a.review_id")
                  .arg(StatusQueries::overdueCondition(QStringLiteral("a"))));
    o.bindValue(QStringLiteral(":asof"), asOf.toString(Qt::ISODate));
    if (!o.exec())
        return fail(o);
    while (o.next())
        rows[index.value(o.value(0).toLongLong())].overdue = o.value(1).toInt();

    PaperTable table;
    table.heading = tr("Reviews");
    table.sheetName = tr("Summary");
    table.columns = {column(tr("Review"), 1.8, 28),
                     column(tr("Type"), 0.5, 8),
                     column(tr("Year"), 0.45, 7),
                     column(tr("Published"), 0.75, 12),
                     column(tr("Recommendations"), 0.85, 16),
                     column(tr("Complete"), 0.65, 10),
                     column(tr("% complete"), 0.65, 10)};
    const QVector<ActionStatus> statuses = {ActionStatus::NotStarted, ActionStatus::Planned,
                                            ActionStatus::InProgress, ActionStatus::PartiallyComplete,
                                            ActionStatus::Complete,   ActionStatus::Superseded};
    table.columns.append(column(tr("Actions"), 0.55, 9));
    for (ActionStatus s : statuses)
        table.columns.append(column(status::label(s), 0.7, 11));
    table.columns.append(column(tr("Overdue"), 0.6, 9));
    const QVector<Rag> rags = {Rag::Red, Rag::Amber, Rag::Green, Rag::Blue};
    for (Rag r : rags)
        table.columns.append(column(rag::label(r), 0.5, 8));

    auto countCell = [](int n) { return PaperCell::count(n, QString::number(n)); };
    int totalRecs = 0, totalComplete = 0, totalActions = 0, totalOverdue = 0;
    for (const Row& r : rows) {
        PaperRow row;
        row.cells = {PaperCell::plain(r.reference.isEmpty()
                                          ? r.title
                                          : QStringLiteral("%1 (%2)").arg(r.title, r.reference)),
                     PaperCell::plain(r.kind),
                     PaperCell::plain(r.year),
                     PaperCell::plain(r.published),
                     countCell(r.recsWithActions),
                     countCell(r.recsComplete)};
        if (r.recsWithActions == 0) {
            row.cells.append(PaperCell::plain(tr("No action plan")));
        } else {
            const double pct = 100.0 * r.recsComplete / r.recsWithActions;
            // Rounded as the dashboard rounds, so the two agree.
            row.cells.append(PaperCell::count(pct, QStringLiteral("%1 %").arg(qRound(pct))));
        }
        row.cells.append(countCell(r.actions));
        for (ActionStatus s : statuses)
            row.cells.append(countCell(r.byStatus.value(status::code(s))));
        PaperCell overdueCell = countCell(r.overdue);
        if (r.overdue > 0)
            overdueCell.fill = Rag::Red;
        row.cells.append(overdueCell);
        for (Rag g : rags) {
            PaperCell c = countCell(r.byRag.value(rag::code(g)));
            if (r.byRag.value(rag::code(g)) > 0)
                c.fill = g;
            row.cells.append(c);
        }
        table.rows.append(row);
        totalRecs += r.recsWithActions;
        totalComplete += r.recsComplete;
        totalActions += r.actions;
        totalOverdue += r.overdue;
    }
    if (table.rows.isEmpty())
        table.note = tr("There are no reviews in this database.");

    out->organisation = mainOrganisation();
    out->facts = {{tr("Reviews"), QString::number(rows.size())},
                  {tr("Recommendations with actions"), QString::number(totalRecs)},
                  {tr("Complete"),
                   totalRecs == 0
                       ? QStringLiteral("0")
                       : tr("%1 (%2 %)").arg(totalComplete).arg(qRound(100.0 * totalComplete / totalRecs))},
                  {tr("Actions"), QString::number(totalActions)},
                  {tr("Overdue"), QString::number(totalOverdue)}};
    out->introduction.append(tr(
        "A recommendation is complete when it has actions and every one of them is Complete or Superseded. "
        "Overdue counts open actions whose original target date has passed."));
    out->tables.append(table);
    return true;
}

QString PaperQueries::mainOrganisation()
{
    // Papers about every review are headed by the body most of them belong to.
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral(
            "SELECT body FROM reviews WHERE body <> '' GROUP BY body ORDER BY count(*) DESC, body "
            "LIMIT 1")) &&
        q.next())
        return organisation(q.value(0).toString());
    return QString();
}

} // namespace rt
