#include "TrackerParser.h"

#include "core/PartialDate.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

namespace rt {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rt::TrackerParser", text);
}

// Rows of one action, recommendation or review are matched ignoring case
// and spacing: "Child X" and "child  x" are one review.
QString matchKey(const QString& text)
{
    return text.simplified().toCaseFolded();
}

QString quoted(const QString& text)
{
    return QStringLiteral("“%1”").arg(text);
}

// Line breaks as \n, surrounding space trimmed; the text itself as written.
QString longText(const QString& text)
{
    QString t = text;
    t.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    t.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    return t.trimmed();
}

struct FormatParts
{
    bool day = false, month = false, year = false;
};

// Which of day, month and year a number format shows ("mmm-yy": month and
// year), reading past "quoted" literals and [colour] sections.
FormatParts formatParts(const QString& format)
{
    FormatParts p;
    bool quotedText = false;
    int bracket = 0;
    for (const QChar c : format) {
        if (quotedText) {
            quotedText = c != u'"';
            continue;
        }
        if (c == u'"')
            quotedText = true;
        else if (c == u'[')
            ++bracket;
        else if (c == u']')
            bracket = qMax(0, bracket - 1);
        else if (bracket == 0) {
            const QChar l = c.toLower();
            p.day |= l == u'd';
            p.month |= l == u'm';
            p.year |= l == u'y';
        }
    }
    return p;
}

} // namespace

QString TrackerProblem::toString() const
{
    if (row <= 0)
        return message;
    if (column < 0)
        return tr("Row %1: %2").arg(row).arg(message);
    return tr("Row %1, column %2 (%3): %4").arg(row).arg(SheetTable::columnLetter(column), header, message);
}

QString TrackerParser::displayText(const SheetCell& cell)
{
    const QDate d = cell.date();
    if (!d.isValid())
        return cell.text;
    const FormatParts p = formatParts(cell.format);
    if (!p.day && p.month && p.year)
        return TargetDate::month(d.year(), d.month()).toDisplayString();
    if (!p.day && !p.month && p.year)
        return QString::number(d.year());
    return PartialDate::dayString(d);
}

QStringList TrackerParser::splitOwners(const QString& written)
{
    static const QRegularExpression separators(QStringLiteral("\\s*[/;,\\n]\\s*"));
    QStringList owners;
    QSet<QString> seen;
    for (const QString& part : written.split(separators)) {
        const QString name = part.simplified();
        if (name.isEmpty() || seen.contains(name.toCaseFolded()))
            continue;
        seen.insert(name.toCaseFolded());
        owners << name;
    }
    return owners;
}

// What the rows read so far have built, for matching later rows to it.
struct TrackerParser::RowState
{
    struct ActionBuild
    {
        QHash<TrackerField, int> firstRow; // row (from 1) that gave each field
        QSet<QString> updates;             // date + text of the updates it has
    };
    struct RecBuild
    {
        QHash<QString, int> actions; // match key → index in the record's actions
        QVector<ActionBuild> actionBuilds;
        QHash<TrackerField, int> firstRow;
        QString response;
    };
    struct ReviewBuild
    {
        QHash<QString, int> recs; // "n:1.1" or "t:text" → index in recommendations
        QVector<RecBuild> recBuilds;
        int kindRow = 0;
    };
    QHash<QString, int> reviews; // match key → index in m_reviews
    QVector<ReviewBuild> builds;

    // The row above, for blank (merged) cells.
    int review = -1;
    QString number;
    QString recText;
    int rec = -1;
    QString action;
};

void TrackerParser::problem(int row, int column, const QString& message)
{
    TrackerProblem p;
    p.row = row;
    p.column = column;
    if (column >= 0) {
        p.header =
            column < m_mapping->headers.size() ? m_mapping->headers.at(column).simplified() : QString();
        if (p.header.isEmpty())
            p.header = TrackerColumns::label(m_mapping->fields.value(column));
    }
    p.message = message;
    m_problems.append(p);
}

bool TrackerParser::parse(const SheetTable& sheet, const TrackerMapping& mapping, const QString& sourceName)
{
    m_reviews.clear();
    m_problems.clear();
    m_rowsRead = 0;
    m_mapping = &mapping;
    if (!mapping.isComplete()) {
        problem(mapping.headerRow + 1, -1,
                mapping.headerRow < 0
                    ? tr("no header row: none of the first %1 rows names three of the columns a tracker has "
                         "(Review, Rec No, Recommendation, Action, Owner, Target Date, Status …)")
                          .arg(TrackerColumns::kHeaderSearchRows)
                    : tr("no column holds the %1").arg(mapping.missingFields().join(tr(" or the "))));
        return false;
    }

    // Each field's column, looked up once rather than for every cell.
    m_columns.clear();
    for (TrackerField f : TrackerColumns::fields())
        m_columns.insert(int(f), mapping.column(f));

    RowState state;
    for (int r = mapping.headerRow + 1; r < sheet.rows.size(); ++r)
        readRow(r, sheet.rows.at(r), state);

    // Responses: one per distinct text within a review, answering every
    // recommendation that gave it ("Response to Recommendations 5 to 9").
    for (int i = 0; i < m_reviews.size(); ++i) {
        ReviewRecord& review = m_reviews[i];
        const RowState::ReviewBuild& build = state.builds.at(i);
        if (build.kindRow == 0)
            review.kind = m_defaultKind;
        QHash<QString, int> byText;
        for (int k = 0; k < review.recommendations.size(); ++k) {
            const QString& response = build.recBuilds.at(k).response;
            if (response.isEmpty())
                continue;
            const QString key = matchKey(response);
            if (!byText.contains(key)) {
                byText.insert(key, int(review.responses.size()));
                ResponseRecord rr;
                rr.text = response;
                review.responses.append(rr);
            }
            review.responses[byText.value(key)].recommendationNumbers << review.recommendations.at(k).number;
        }
        review.source = sourceName;
        // A tracker may give only the number ("Rec 3" of the published
        // report); a recommendation must have some text, so it says so, as
        // the sample data says "(No action planned recorded)".
        for (RecommendationRecord& rec : review.recommendations) {
            if (rec.text.isEmpty())
                rec.text = tr("(No recommendation text in the tracker)");
        }
    }

    std::sort(m_problems.begin(), m_problems.end(), [](const TrackerProblem& a, const TrackerProblem& b) {
        return a.row != b.row ? a.row < b.row : a.column < b.column;
    });
    if (!m_problems.isEmpty()) {
        m_reviews.clear();
        return false;
    }
    return true;
}

bool TrackerParser::readTarget(int r, int column, const SheetCell& cell, QString* text, TargetDate* out)
{
    const QDate d = cell.date();
    if (d.isValid()) {
        const FormatParts p = formatParts(cell.format);
        if (!p.day && p.month && p.year)
            *out = TargetDate::month(d.year(), d.month());
        else if (!p.day && !p.month && p.year)
            *out = TargetDate::year(d.year());
        else
            *out = TargetDate::day(d);
        *text = out->toDisplayString();
        return true;
    }
    *text = cell.text.simplified();
    if (TargetDate::parse(*text, out))
        return true;
    problem(
        r + 1, column,
        tr("%1 is not a date this program reads (write 31/03/2024, March 2024, Mar-24, 2024, Ongoing or TBC)")
            .arg(quoted(*text)));
    return false;
}

void TrackerParser::readRow(int r, const QVector<SheetCell>& cells, RowState& state)
{
    static const SheetCell blank;
    const TrackerMapping& map = *m_mapping;
    const int row = r + 1;
    auto col = [&](TrackerField f) { return m_columns.value(int(f), -1); };
    auto cell = [&](TrackerField f) -> const SheetCell& {
        const int c = col(f);
        return c >= 0 && c < cells.size() ? cells.at(c) : blank;
    };
    auto line = [&](TrackerField f) { return cell(f).text.simplified(); };

    // Blank rows, and a repeat of the header row (a printed tracker repeats it).
    bool any = false;
    bool header = true;
    for (int c = 0; c < map.fields.size(); ++c) {
        if (map.fields.at(c) == TrackerField::Ignore)
            continue;
        const QString& t = c < cells.size() ? cells.at(c).text : blank.text;
        any |= !t.trimmed().isEmpty();
        if (header)
            header = TrackerColumns::headerKey(t) == TrackerColumns::headerKey(map.headers.value(c));
    }
    if (!any || header)
        return;
    ++m_rowsRead;
    const int problemsBefore = int(m_problems.size());

    // Review: blank takes the one above.
    const QString reviewTitle = line(TrackerField::Review);
    if (!reviewTitle.isEmpty()) {
        const QString key = matchKey(reviewTitle);
        int index = state.reviews.value(key, -1);
        if (index < 0) {
            index = int(m_reviews.size());
            ReviewRecord review;
            review.title = reviewTitle;
            m_reviews.append(review);
            state.builds.append(RowState::ReviewBuild());
            state.reviews.insert(key, index);
        }
        if (index != state.review) {
            state.review = index;
            state.number.clear();
            state.recText.clear();
            state.rec = -1;
            state.action.clear();
        }
    } else if (state.review < 0) {
        const QString number = line(TrackerField::RecommendationNumber);
        problem(row, col(TrackerField::Review),
                number.isEmpty()
                    ? tr("the row has no review: the cell is blank and no row above names one")
                    : tr("recommendation %1 has no review: the cell is blank and no row above names one")
                          .arg(quoted(number)));
        return;
    }
    ReviewRecord& review = m_reviews[state.review];
    RowState::ReviewBuild& reviewBuild = state.builds[state.review];

    const QString kindText = line(TrackerField::ReviewKind);
    if (!kindText.isEmpty()) {
        ReviewKind kind;
        if (!reviewkind::fromWritten(kindText, &kind)) {
            problem(row, col(TrackerField::ReviewKind),
                    tr("%1 is not a kind of review this program reads (SCR, LCSPR, Rapid Review, Section 11, "
                       "Audit)")
                        .arg(quoted(kindText)));
        } else if (reviewBuild.kindRow == 0) {
            review.kind = kind;
            reviewBuild.kindRow = row;
        } else if (kind != review.kind) {
            problem(row, col(TrackerField::ReviewKind),
                    tr("%1 differs from the kind given for %2 in row %3")
                        .arg(quoted(kindText), quoted(review.title))
                        .arg(reviewBuild.kindRow));
        }
    }

    // Recommendation: a blank number takes the one above within the review, a
    // blank text the one above within the recommendation.
    const QString givenNumber = line(TrackerField::RecommendationNumber);
    const QString number = givenNumber.isEmpty() ? state.number : givenNumber;
    QString recText = longText(cell(TrackerField::Recommendation).text);
    if (recText.isEmpty() && state.rec >= 0 && matchKey(number) == matchKey(state.number))
        recText = state.recText;

    const QString actionText = longText(cell(TrackerField::Action).text);
    const TrackerField actionFields[] = {TrackerField::ActionNumber,  TrackerField::Owner,
                                         TrackerField::Agency,        TrackerField::Target,
                                         TrackerField::RevisedTarget, TrackerField::Status,
                                         TrackerField::Rag,           TrackerField::Update,
                                         TrackerField::UpdateDate,    TrackerField::SuccessMeasure,
                                         TrackerField::Evidence};
    bool actionLevel = !actionText.isEmpty();
    for (TrackerField f : actionFields)
        actionLevel |= !cell(f).text.trimmed().isEmpty();

    if (number.isEmpty() && recText.isEmpty()) {
        if (actionLevel || !cell(TrackerField::Decision).text.trimmed().isEmpty() ||
            !cell(TrackerField::Response).text.trimmed().isEmpty())
            problem(row,
                    col(TrackerField::RecommendationNumber) >= 0 ? col(TrackerField::RecommendationNumber)
                                                                 : col(TrackerField::Recommendation),
                    tr("the row has no recommendation: the cell is blank and no row above in %1 gives one")
                        .arg(quoted(review.title)));
        return; // a row naming only a review (a heading row) starts that review
    }

    const QString recKey =
        number.isEmpty() ? QStringLiteral("t:") + matchKey(recText) : QStringLiteral("n:") + matchKey(number);
    int recIndex = reviewBuild.recs.value(recKey, -1);
    if (recIndex < 0) {
        recIndex = int(review.recommendations.size());
        RecommendationRecord rec;
        rec.number = number;
        review.recommendations.append(rec);
        reviewBuild.recs.insert(recKey, recIndex);
        reviewBuild.recBuilds.append(RowState::RecBuild());
    }
    if (recIndex != state.rec)
        state.action.clear();
    state.number = number;
    state.rec = recIndex;
    RecommendationRecord& rec = review.recommendations[recIndex];
    RowState::RecBuild& recBuild = reviewBuild.recBuilds[recIndex];
    const QString recName =
        number.isEmpty() ? tr("this recommendation") : tr("recommendation %1").arg(number);

    // A value given once for a record: the first row's stays, a different one
    // later is a problem rather than a silent loss.
    auto setOnce = [&](QHash<TrackerField, int>& firstRow, TrackerField f, QString* stored,
                       const QString& value, const QString& what) {
        if (value.isEmpty())
            return;
        if (!firstRow.contains(f) || stored->isEmpty()) {
            *stored = value;
            firstRow.insert(f, row);
        } else if (matchKey(*stored) != matchKey(value)) {
            problem(row, col(f),
                    tr("%1 differs from %2 given for %3 in row %4")
                        .arg(quoted(value.left(80)), quoted(stored->left(80)), what)
                        .arg(firstRow.value(f)));
        }
    };
    setOnce(recBuild.firstRow, TrackerField::Recommendation, &rec.text, recText, recName);
    state.recText = rec.text;

    const QString decisionText = line(TrackerField::Decision);
    if (!decisionText.isEmpty()) {
        Decision d;
        if (!decision::fromWritten(decisionText, &d)) {
            problem(row, col(TrackerField::Decision),
                    tr("%1 is not a decision this program reads (Agreed, Partly Agreed, Not Agreed)")
                        .arg(quoted(decisionText)));
        } else {
            QString stored = rec.decision == Decision::None ? QString() : decision::label(rec.decision);
            setOnce(recBuild.firstRow, TrackerField::Decision, &stored, decision::label(d), recName);
            decision::fromWritten(stored, &rec.decision);
        }
    }
    const QString response = longText(cell(TrackerField::Response).text);
    if (!response.isEmpty() && number.isEmpty())
        problem(row, col(TrackerField::Response),
                tr("a response needs its recommendation's number, so it can be linked to it"));
    setOnce(recBuild.firstRow, TrackerField::Response, &recBuild.response, response, recName);
    static const QRegularExpression themeSeparators(QStringLiteral("\\s*[;,\\n]\\s*"));
    for (const QString& theme : cell(TrackerField::Theme).text.split(themeSeparators)) {
        const QString t = theme.simplified();
        if (!t.isEmpty() && !rec.themes.contains(t, Qt::CaseInsensitive))
            rec.themes << t;
    }

    // Action: blank takes the one above within the recommendation.
    if (!actionLevel)
        return; // a recommendation with no action (yet), or not agreed
    QString text = actionText.isEmpty() ? state.action : actionText;
    if (text.isEmpty()) {
        problem(row, col(TrackerField::Action) >= 0 ? col(TrackerField::Action) : -1,
                col(TrackerField::Action) >= 0
                    ? tr("the action is blank, but the row gives its owner, target, status or update")
                    : tr("the row gives an owner, target, status or update, but no column holds the action"));
        return;
    }
    state.action = text;
    const QString actionKey = matchKey(text);
    int actionIndex = recBuild.actions.value(actionKey, -1);
    if (actionIndex < 0) {
        actionIndex = int(rec.actions.size());
        ActionRecord a;
        a.text = text;
        rec.actions.append(a);
        recBuild.actions.insert(actionKey, actionIndex);
        recBuild.actionBuilds.append(RowState::ActionBuild());
    }
    ActionRecord& action = rec.actions[actionIndex];
    RowState::ActionBuild& actionBuild = recBuild.actionBuilds[actionIndex];
    const QString actionName = tr("this action");

    setOnce(actionBuild.firstRow, TrackerField::ActionNumber, &action.number,
            line(TrackerField::ActionNumber), actionName);
    const QString ownerText = line(TrackerField::Owner);
    setOnce(actionBuild.firstRow, TrackerField::Owner, &action.ownerText, ownerText, actionName);
    if (!ownerText.isEmpty() || action.owners.isEmpty())
        action.owners = splitOwners(action.ownerText);
    setOnce(actionBuild.firstRow, TrackerField::Agency, &action.agency, line(TrackerField::Agency),
            actionName);
    setOnce(actionBuild.firstRow, TrackerField::SuccessMeasure, &action.successMeasure,
            longText(cell(TrackerField::SuccessMeasure).text), actionName);
    setOnce(actionBuild.firstRow, TrackerField::Evidence, &action.evidence,
            longText(cell(TrackerField::Evidence).text), actionName);

    for (TrackerField f : {TrackerField::Target, TrackerField::RevisedTarget}) {
        const SheetCell& c = cell(f);
        if (c.text.trimmed().isEmpty())
            continue;
        QString written;
        TargetDate target;
        if (!readTarget(r, col(f), c, &written, &target))
            continue;
        QString& storedText = f == TrackerField::Target ? action.targetText : action.revisedTargetText;
        TargetDate& stored = f == TrackerField::Target ? action.target : action.revisedTarget;
        if (!actionBuild.firstRow.contains(f)) {
            storedText = written;
            stored = target;
            actionBuild.firstRow.insert(f, row);
        } else if (!(stored == target) || matchKey(storedText) != matchKey(written)) {
            if (!(stored == target))
                problem(row, col(f),
                        tr("%1 differs from %2 given for this action in row %3")
                            .arg(quoted(written), quoted(storedText))
                            .arg(actionBuild.firstRow.value(f)));
        }
    }

    const QString statusText = line(TrackerField::Status);
    if (!statusText.isEmpty()) {
        ActionStatus s;
        if (!status::fromWritten(statusText, &s)) {
            problem(row, col(TrackerField::Status),
                    tr("%1 is not a status this program reads (Not started, Planned, Underway, In progress, "
                       "Partially complete, Complete, Closed, Superseded)")
                        .arg(quoted(statusText)));
        } else {
            action.status = s; // a later row is a newer status
            action.statusText = statusText;
        }
    }
    const QString ragText = line(TrackerField::Rag);
    Rag rowRag = Rag::None;
    if (!ragText.isEmpty()) {
        if (!rag::fromWritten(ragText, &rowRag))
            problem(row, col(TrackerField::Rag),
                    tr("%1 is not a RAG rating this program reads (Red, Amber, Green, Blue or R, A, G, B)")
                        .arg(quoted(ragText)));
        else
            action.rag = rowRag;
    }

    const QString updateText = longText(cell(TrackerField::Update).text);
    const SheetCell& dateCell = cell(TrackerField::UpdateDate);
    QString updateDate;
    if (!dateCell.text.trimmed().isEmpty()) {
        const QDate d = dateCell.date();
        if (d.isValid()) {
            const FormatParts p = formatParts(dateCell.format);
            updateDate =
                !p.day && p.month && p.year ? d.toString(QStringLiteral("yyyy-MM")) : d.toString(Qt::ISODate);
        } else if (!PartialDate::parse(dateCell.text.simplified(), &updateDate)) {
            problem(row, col(TrackerField::UpdateDate),
                    tr("%1 is not a date this program reads (write 31/03/2024, March 2024 or 2024)")
                        .arg(quoted(dateCell.text.simplified())));
        }
        if (updateText.isEmpty())
            problem(row, col(TrackerField::UpdateDate), tr("an update date, but no update"));
    }
    if (!updateText.isEmpty() && m_problems.size() == problemsBefore) {
        const QString key = updateDate + QLatin1Char('\n') + matchKey(updateText);
        if (!actionBuild.updates.contains(key)) {
            actionBuild.updates.insert(key);
            ProgressUpdate u;
            u.date = updateDate;
            u.label = map.headers.value(col(TrackerField::Update)).simplified();
            u.text = updateText;
            u.rag = rowRag;
            action.updates.append(u);
        }
    }
}

} // namespace rt
