#include "TrackerColumns.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

namespace rt {

namespace {

struct FieldEntry
{
    TrackerField field;
    const char* label;
    std::initializer_list<const char*> headers;
};

// The headers seen in partnerships' trackers and plans (see the issue and the
// seed documents: "What are we going to do?", "Who will lead?").
const FieldEntry kFields[] = {
    {TrackerField::Review,
     QT_TRANSLATE_NOOP("rt::TrackerColumns", "Review"),
     {"Review", "Review title", "Case review", "Review name"}},
    {TrackerField::ReviewKind,
     QT_TRANSLATE_NOOP("rt::TrackerColumns", "Review kind"),
     {"Type", "Review type", "Kind", "Review kind"}},
    {TrackerField::RecommendationNumber,
     QT_TRANSLATE_NOOP("rt::TrackerColumns", "Recommendation number"),
     {"Rec", "Rec No", "Rec Number", "Recommendation No", "Recommendation number", "#", "Ref", "No"}},
    {TrackerField::Recommendation,
     QT_TRANSLATE_NOOP("rt::TrackerColumns", "Recommendation"),
     {"Recommendation", "Recommendation text", "Recommendations"}},
    {TrackerField::Decision,
     QT_TRANSLATE_NOOP("rt::TrackerColumns", "Decision"),
     {"Agreed", "Decision", "Agreed / Partly Agreed / Not Agreed", "Agreed Partly Agreed Not Agreed"}},
    {TrackerField::Response, QT_TRANSLATE_NOOP("rt::TrackerColumns", "Response"), {"Response"}},
    {TrackerField::Theme, QT_TRANSLATE_NOOP("rt::TrackerColumns", "Theme"), {"Theme", "Themes"}},
    {TrackerField::ActionNumber,
     QT_TRANSLATE_NOOP("rt::TrackerColumns", "Action number"),
     {"Action No", "Action number", "Action ref"}},
    {TrackerField::Action,
     QT_TRANSLATE_NOOP("rt::TrackerColumns", "Action"),
     {"Action", "Actions", "Action planned", "What are we going to do?"}},
    {TrackerField::Owner,
     QT_TRANSLATE_NOOP("rt::TrackerColumns", "Owner"),
     {"Owner", "Responsible Owner", "Lead", "Who will lead?", "Action owner"}},
    {TrackerField::Agency,
     QT_TRANSLATE_NOOP("rt::TrackerColumns", "Agency"),
     {"Agency", "Lead agency", "Organisation"}},
    {TrackerField::Target,
     QT_TRANSLATE_NOOP("rt::TrackerColumns", "Target date"),
     {"Target Date", "Target", "By when", "By when?", "Due", "Due date", "Deadline", "Timescale"}},
    {TrackerField::RevisedTarget,
     QT_TRANSLATE_NOOP("rt::TrackerColumns", "Revised target"),
     {"Revised target", "Revised target date", "Revised date"}},
    {TrackerField::Status, QT_TRANSLATE_NOOP("rt::TrackerColumns", "Status"), {"Status", "Action status"}},
    {TrackerField::Rag, QT_TRANSLATE_NOOP("rt::TrackerColumns", "RAG"), {"RAG", "RAG rating", "RAG status"}},
    {TrackerField::Update,
     QT_TRANSLATE_NOOP("rt::TrackerColumns", "Update"),
     {"Update", "Latest update", "Progress", "Action Update", "Progress update"}},
    {TrackerField::UpdateDate,
     QT_TRANSLATE_NOOP("rt::TrackerColumns", "Update date"),
     {"Update date", "Date of update", "Date updated"}},
    {TrackerField::SuccessMeasure,
     QT_TRANSLATE_NOOP("rt::TrackerColumns", "Success measure"),
     {"Success measure", "How will we know we are making a difference?", "Measure of success"}},
    {TrackerField::Evidence,
     QT_TRANSLATE_NOOP("rt::TrackerColumns", "Evidence"),
     {"Evidence", "Evidence of impact"}},
};

const QHash<QString, TrackerField>& headerTable()
{
    static const QHash<QString, TrackerField> table = [] {
        QHash<QString, TrackerField> t;
        for (const FieldEntry& e : kFields) {
            for (const char* h : e.headers)
                t.insert(TrackerColumns::headerKey(QString::fromUtf8(h)), e.field);
        }
        return t;
    }();
    return table;
}

} // namespace

int TrackerMapping::column(TrackerField field) const
{
    return int(fields.indexOf(field));
}

QStringList TrackerMapping::missingFields() const
{
    QStringList missing;
    if (column(TrackerField::Review) < 0)
        missing << TrackerColumns::label(TrackerField::Review);
    if (column(TrackerField::RecommendationNumber) < 0 && column(TrackerField::Recommendation) < 0)
        missing << QCoreApplication::translate("rt::TrackerColumns",
                                               "Recommendation number or Recommendation");
    return missing;
}

QList<TrackerField> TrackerColumns::fields()
{
    QList<TrackerField> list;
    for (const FieldEntry& e : kFields)
        list << e.field;
    return list;
}

QString TrackerColumns::label(TrackerField field)
{
    for (const FieldEntry& e : kFields) {
        if (e.field == field)
            return QCoreApplication::translate("rt::TrackerColumns", e.label);
    }
    return QCoreApplication::translate("rt::TrackerColumns", "(ignore)");
}

QString TrackerColumns::headerKey(const QString& header)
{
    QString key;
    key.reserve(header.size());
    bool space = false;
    for (const QChar c : header) {
        if (c.isLetterOrNumber()) {
            if (space && !key.isEmpty())
                key += u' ';
            key += c.toLower();
            space = false;
        } else {
            space = true;
        }
    }
    return key.isEmpty() ? header.simplified() : key;
}

TrackerField TrackerColumns::fieldForHeader(const QString& header)
{
    if (header.trimmed().isEmpty())
        return TrackerField::Ignore;
    return headerTable().value(headerKey(header), TrackerField::Ignore);
}

QVector<TrackerField> TrackerColumns::mapHeaders(const QStringList& headers)
{
    QVector<TrackerField> fields;
    QSet<TrackerField> taken;
    for (const QString& h : headers) {
        TrackerField f = fieldForHeader(h);
        if (f != TrackerField::Ignore && taken.contains(f))
            f = TrackerField::Ignore;
        taken.insert(f);
        fields << f;
    }
    return fields;
}

TrackerMapping TrackerColumns::detect(const SheetTable& sheet)
{
    TrackerMapping mapping;
    const int rows = qMin(int(sheet.rows.size()), kHeaderSearchRows);
    for (int r = 0; r < rows; ++r) {
        QStringList headers;
        for (const SheetCell& cell : sheet.rows.at(r))
            headers << cell.text.simplified();
        const QVector<TrackerField> fields = mapHeaders(headers);
        const qsizetype named = fields.size() - fields.count(TrackerField::Ignore);
        if (named >= kMinimumHeaders) {
            mapping.headerRow = r;
            mapping.headers = headers;
            mapping.fields = fields;
            break;
        }
    }
    // Every column of the sheet gets a place, also those right of the last header.
    if (mapping.headerRow >= 0) {
        int width = 0;
        for (const QVector<SheetCell>& row : sheet.rows)
            width = qMax(width, int(row.size()));
        while (mapping.fields.size() < width) {
            mapping.fields << TrackerField::Ignore;
            mapping.headers << QString();
        }
    }
    return mapping;
}

int TrackerColumns::chooseSheet(const QVector<SheetTable>& sheets, const QString& name, QString* error)
{
    QStringList names;
    for (int i = 0; i < sheets.size(); ++i) {
        names << QStringLiteral("“%1”").arg(sheets.at(i).name);
        if (name.isEmpty() ? detect(sheets.at(i)).headerRow >= 0
                           : sheets.at(i).name.compare(name.trimmed(), Qt::CaseInsensitive) == 0)
            return i;
    }
    if (!name.isEmpty())
        *error =
            QCoreApplication::translate("rt::TrackerColumns", "there is no sheet “%1” (the sheets are %2)")
                .arg(name, names.join(QStringLiteral(", ")));
    else
        *error =
            QCoreApplication::translate(
                "rt::TrackerColumns",
                "no sheet has a header row: none of the first %1 rows names three of the columns a tracker "
                "has (Review, Rec No, Recommendation, Action, Owner, Target Date, Status …)")
                .arg(kHeaderSearchRows);
    return -1;
}

} // namespace rt
