#include "DeleteImpact.h"

#include <QCoreApplication>
#include <QStringList>

namespace rt {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rt::DeleteImpact", text);
}

// Explicit singular and plural strings rather than %n forms, so the English is
// right without a loaded translation.
QString count(int n, const char* one, const char* many)
{
    return n == 1 ? tr(one) : tr(many).arg(n);
}

} // namespace

bool DeleteImpact::isEmpty() const
{
    return recommendations == 0 && responses == 0 && actions == 0 && updates == 0 && planVersions == 0 &&
           reviewLinks == 0;
}

QString DeleteImpact::describe() const
{
    QStringList parts;
    if (recommendations > 0) {
        parts << (m_recommendationsAreTopLevel
                      ? count(recommendations, QT_TRANSLATE_NOOP("rt::DeleteImpact", "1 recommendation"),
                              QT_TRANSLATE_NOOP("rt::DeleteImpact", "%1 recommendations"))
                      : count(recommendations, QT_TRANSLATE_NOOP("rt::DeleteImpact", "1 sub-recommendation"),
                              QT_TRANSLATE_NOOP("rt::DeleteImpact", "%1 sub-recommendations")));
    }
    if (responses > 0)
        parts << count(responses, QT_TRANSLATE_NOOP("rt::DeleteImpact", "1 response"),
                       QT_TRANSLATE_NOOP("rt::DeleteImpact", "%1 responses"));
    if (actions > 0)
        parts << count(actions, QT_TRANSLATE_NOOP("rt::DeleteImpact", "1 action"),
                       QT_TRANSLATE_NOOP("rt::DeleteImpact", "%1 actions"));
    if (updates > 0)
        parts << count(updates, QT_TRANSLATE_NOOP("rt::DeleteImpact", "1 progress update"),
                       QT_TRANSLATE_NOOP("rt::DeleteImpact", "%1 progress updates"));
    if (planVersions > 0)
        parts << count(planVersions, QT_TRANSLATE_NOOP("rt::DeleteImpact", "1 plan version"),
                       QT_TRANSLATE_NOOP("rt::DeleteImpact", "%1 plan versions"));
    if (reviewLinks > 0)
        parts << count(reviewLinks, QT_TRANSLATE_NOOP("rt::DeleteImpact", "1 review link"),
                       QT_TRANSLATE_NOOP("rt::DeleteImpact", "%1 review links"));

    if (parts.size() <= 1)
        return parts.value(0);
    const QString last = parts.takeLast();
    return tr("%1 and %2").arg(parts.join(tr(", ")), last);
}

} // namespace rt
