#include "PartialDate.h"

#include "TargetDate.h"

#include <QRegularExpression>

namespace rt {

bool PartialDate::isValidIso(const QString& iso)
{
    return earliest(iso).isValid();
}

QDate PartialDate::earliest(const QString& iso)
{
    static const QRegularExpression re(QStringLiteral("^(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?$"));
    const auto m = re.match(iso);
    if (!m.hasMatch())
        return QDate();
    const int y = m.captured(1).toInt();
    const int mo = m.captured(2).isEmpty() ? 1 : m.captured(2).toInt();
    const int d = m.captured(3).isEmpty() ? 1 : m.captured(3).toInt();
    return QDate(y, mo, d);
}

QString PartialDate::toDisplayString(const QString& iso)
{
    const QDate d = earliest(iso);
    if (!d.isValid())
        return iso;
    switch (iso.size()) {
    case 4:
        return TargetDate::year(d.year()).toDisplayString();
    case 7:
        return TargetDate::month(d.year(), d.month()).toDisplayString();
    default:
        return TargetDate::day(d).toDisplayString();
    }
}

} // namespace rt
