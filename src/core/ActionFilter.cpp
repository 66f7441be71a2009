#include "ActionFilter.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonValue>

namespace rt {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rt::ActionFilter", text);
}

// The keys of the JSON form. Saved filters outlive program versions, so they
// are spelt out once here and never renamed.
const QLatin1String kReviewIds("reviewIds");
const QLatin1String kKinds("kinds");
const QLatin1String kAgencyIds("agencyIds");
const QLatin1String kOwners("owners");
const QLatin1String kStatuses("statuses");
const QLatin1String kRags("rags");
const QLatin1String kThemes("themes");
const QLatin1String kDecisions("decisions");
const QLatin1String kTargetFrom("targetFrom");
const QLatin1String kTargetTo("targetTo");
const QLatin1String kOpenOnly("openOnly");
const QLatin1String kOverdue("overdue");
const QLatin1String kDueSoon("dueSoon");
const QLatin1String kStale("stale");
const QLatin1String kNoTarget("noTarget");
const QLatin1String kRevised("revised");
const QLatin1String kAsOf("asOf");
const QLatin1String kStaleDays("staleDays");
const QLatin1String kDueSoonDays("dueSoonDays");
const QLatin1String kText("text");

// Each value's form in JSON: false when the value has another type or shape.
bool readId(const QJsonValue& v, qint64* out)
{
    // Ids are whole numbers; JSON numbers are doubles, exact to 2^53.
    const double d = v.toDouble(-1);
    *out = static_cast<qint64>(d);
    return v.isDouble() && d >= 0 && d == static_cast<double>(*out);
}

bool readIds(const QJsonValue& v, QList<qint64>* out)
{
    if (!v.isArray())
        return false;
    for (const QJsonValue& item : v.toArray()) {
        qint64 id = 0;
        if (!readId(item, &id))
            return false;
        out->append(id);
    }
    return true;
}

bool readStrings(const QJsonValue& v, QStringList* out)
{
    if (!v.isArray())
        return false;
    for (const QJsonValue& item : v.toArray()) {
        if (!item.isString())
            return false;
        out->append(item.toString());
    }
    return true;
}

bool readDate(const QJsonValue& v, QDate* out)
{
    *out = QDate::fromString(v.toString(), Qt::ISODate);
    return v.isString() && out->isValid();
}

bool readFlag(const QJsonValue& v, bool* out)
{
    *out = v.toBool();
    return v.isBool();
}

bool readDays(const QJsonValue& v, int* out)
{
    const double d = v.toDouble(-1);
    *out = static_cast<int>(d);
    return v.isDouble() && d >= 0 && d <= 36500 && d == static_cast<double>(*out);
}

bool readText(const QJsonValue& v, QString* out)
{
    *out = v.toString();
    return v.isString();
}

// Reads the JSON form, remembering the first key whose value has the wrong
// type; a missing key keeps the default.
class Reader
{
public:
    explicit Reader(const QJsonObject& json) : m_json(json) {}

    QString badKey() const { return m_badKey; }

    template <typename T> void read(QLatin1String key, T* out, bool (*convert)(const QJsonValue&, T*))
    {
        const QJsonValue v = m_json.value(key);
        if (v.isUndefined())
            return;
        T value{};
        if (convert(v, &value))
            *out = value;
        else if (m_badKey.isEmpty())
            m_badKey = key;
    }

private:
    const QJsonObject& m_json;
    QString m_badKey;
};

QJsonArray toArray(const QStringList& list)
{
    return QJsonArray::fromStringList(list);
}

QJsonArray toArray(const QList<qint64>& ids)
{
    QJsonArray a;
    for (qint64 id : ids)
        a.append(static_cast<double>(id));
    return a;
}

} // namespace

bool ActionFilter::isEmpty() const
{
    return *this == ActionFilter();
}

bool ActionFilter::operator==(const ActionFilter& o) const
{
    return reviewIds == o.reviewIds && kinds == o.kinds && agencyIds == o.agencyIds && owners == o.owners &&
           statuses == o.statuses && rags == o.rags && themes == o.themes && decisions == o.decisions &&
           targetFrom == o.targetFrom && targetTo == o.targetTo && openOnly == o.openOnly &&
           overdue == o.overdue && dueSoon == o.dueSoon && stale == o.stale && noTarget == o.noTarget &&
           revised == o.revised && asOf == o.asOf && staleDays == o.staleDays &&
           dueSoonDays == o.dueSoonDays && text == o.text;
}

QJsonObject ActionFilter::toJson() const
{
    // Only what differs from the default is written: a saved filter then
    // reads as what it asks for, and later defaults reach old filters.
    const ActionFilter d;
    QJsonObject json;
    if (!reviewIds.isEmpty())
        json.insert(kReviewIds, toArray(reviewIds));
    if (!kinds.isEmpty())
        json.insert(kKinds, toArray(kinds));
    if (!agencyIds.isEmpty())
        json.insert(kAgencyIds, toArray(agencyIds));
    if (!owners.isEmpty())
        json.insert(kOwners, toArray(owners));
    if (!statuses.isEmpty())
        json.insert(kStatuses, toArray(statuses));
    if (!rags.isEmpty())
        json.insert(kRags, toArray(rags));
    if (!themes.isEmpty())
        json.insert(kThemes, toArray(themes));
    if (!decisions.isEmpty())
        json.insert(kDecisions, toArray(decisions));
    if (targetFrom.isValid())
        json.insert(kTargetFrom, targetFrom.toString(Qt::ISODate));
    if (targetTo.isValid())
        json.insert(kTargetTo, targetTo.toString(Qt::ISODate));
    const QPair<QLatin1String, bool> flags[] = {{kOpenOnly, openOnly}, {kOverdue, overdue},
                                                {kDueSoon, dueSoon},   {kStale, stale},
                                                {kNoTarget, noTarget}, {kRevised, revised}};
    for (const auto& [key, on] : flags) {
        if (on)
            json.insert(key, true);
    }
    if (asOf.isValid())
        json.insert(kAsOf, asOf.toString(Qt::ISODate));
    if (staleDays != d.staleDays)
        json.insert(kStaleDays, staleDays);
    if (dueSoonDays != d.dueSoonDays)
        json.insert(kDueSoonDays, dueSoonDays);
    if (!text.isEmpty())
        json.insert(kText, text);
    return json;
}

ActionFilter ActionFilter::fromJson(const QJsonObject& json, QString* error)
{
    ActionFilter f;
    Reader r(json);
    r.read(kReviewIds, &f.reviewIds, readIds);
    r.read(kKinds, &f.kinds, readStrings);
    r.read(kAgencyIds, &f.agencyIds, readIds);
    r.read(kOwners, &f.owners, readStrings);
    r.read(kStatuses, &f.statuses, readStrings);
    r.read(kRags, &f.rags, readStrings);
    r.read(kThemes, &f.themes, readStrings);
    r.read(kDecisions, &f.decisions, readStrings);
    r.read(kTargetFrom, &f.targetFrom, readDate);
    r.read(kTargetTo, &f.targetTo, readDate);
    r.read(kOpenOnly, &f.openOnly, readFlag);
    r.read(kOverdue, &f.overdue, readFlag);
    r.read(kDueSoon, &f.dueSoon, readFlag);
    r.read(kStale, &f.stale, readFlag);
    r.read(kNoTarget, &f.noTarget, readFlag);
    r.read(kRevised, &f.revised, readFlag);
    r.read(kAsOf, &f.asOf, readDate);
    r.read(kStaleDays, &f.staleDays, readDays);
    r.read(kDueSoonDays, &f.dueSoonDays, readDays);
    r.read(kText, &f.text, readText);
    if (!r.badKey().isEmpty()) {
        if (error)
            *error = tr("The filter’s “%1” has a value of the wrong type.").arg(r.badKey());
        return ActionFilter();
    }
    if (error)
        error->clear();
    return f;
}

} // namespace rt
