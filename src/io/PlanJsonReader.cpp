#include "PlanJsonReader.h"

#include "core/PartialDate.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace rt {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("rt::PlanJsonReader", text);
}

QString text(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString();
}

QStringList strings(const QJsonObject& o, const char* key)
{
    QStringList list;
    const QJsonArray array = o.value(QLatin1String(key)).toArray();
    for (const QJsonValue& v : array)
        list << v.toString();
    return list;
}

std::optional<int> optionalInt(const QJsonObject& o, const char* key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isDouble())
        return v.toInt();
    return std::nullopt;
}

} // namespace

bool PlanJsonReader::fail(const QString& path, const QString& cause)
{
    m_error = QStringLiteral("%1: %2: %3").arg(m_source, path, cause);
    return false;
}

bool PlanJsonReader::read(QIODevice* device, const QString& sourceName)
{
    m_source = sourceName;
    m_reviews.clear();
    if (!device->isOpen() && !device->open(QIODevice::ReadOnly)) {
        m_error = QStringLiteral("%1: %2").arg(sourceName, device->errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(device->readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(tr("byte %1").arg(parseError.offset),
                    tr("not valid JSON (%1)").arg(parseError.errorString()));
    if (!doc.isObject())
        return fail(tr("top level"), tr("expected an object with a \"reviews\" array"));
    m_agencies.clear();
    const QJsonArray agencies = doc.object().value(QLatin1String("agencies")).toArray();
    for (int i = 0; i < agencies.size(); ++i) {
        const QJsonObject a = agencies.at(i).toObject();
        AgencyRecord rec{text(a, "name").simplified(), text(a, "short"), strings(a, "aliases")};
        if (rec.name.isEmpty())
            return fail(QStringLiteral("agencies[%1].name").arg(i), tr("an agency needs its name"));
        m_agencies.append(rec);
    }
    const QJsonArray reviews = doc.object().value(QLatin1String("reviews")).toArray();
    if (reviews.isEmpty() && m_agencies.isEmpty())
        return fail(QStringLiteral("reviews"), tr("no reviews and no agencies in the file"));
    for (int i = 0; i < reviews.size(); ++i) {
        ReviewRecord r;
        r.source = sourceName;
        if (!readReview(reviews.at(i).toObject(), QStringLiteral("reviews[%1]").arg(i), &r))
            return false;
        m_reviews.append(std::move(r));
    }
    return true;
}

bool PlanJsonReader::readReview(const QJsonObject& o, const QString& path, ReviewRecord* r)
{
    r->key = text(o, "key");
    if (!reviewkind::fromWritten(text(o, "kind"), &r->kind))
        return fail(path + QStringLiteral(".kind"),
                    tr("“%1” is not a review kind (SCR, LCSPR, RR, S11, Audit)").arg(text(o, "kind")));
    r->reference = text(o, "reference");
    r->title = text(o, "title").trimmed();
    if (r->title.isEmpty())
        return fail(path + QStringLiteral(".title"), tr("a review needs a title"));
    r->body = text(o, "body");
    r->year = optionalInt(o, "year");
    for (const char* key : {"initiated", "completed", "published"}) {
        const QString d = text(o, key);
        if (!d.isEmpty() && !PartialDate::isValidIso(d))
            return fail(path + QLatin1Char('.') + QLatin1String(key),
                        tr("“%1” is not a date (write 2020-06-18, 2020-06 or 2020)").arg(d));
    }
    r->initiated = text(o, "initiated");
    r->completed = text(o, "completed");
    r->published = text(o, "published");
    r->publicationWithheld = o.value(QLatin1String("publication_withheld")).toBool();
    r->withheldReason = text(o, "withheld_reason");
    r->summary = text(o, "summary");

    const QJsonArray links = o.value(QLatin1String("links")).toArray();
    for (const QJsonValue& v : links) {
        const QJsonObject l = v.toObject();
        r->links.append({text(l, "review_key"), text(l, "reference"), text(l, "title"),
                         optionalInt(l, "year"), text(l, "note")});
    }
    const QJsonArray versions = o.value(QLatin1String("plan_versions")).toArray();
    for (int i = 0; i < versions.size(); ++i) {
        const QJsonObject v = versions.at(i).toObject();
        const QString d = text(v, "date");
        if (!d.isEmpty() && !PartialDate::isValidIso(d))
            return fail(path + QStringLiteral(".plan_versions[%1].date").arg(i),
                        tr("“%1” is not a date").arg(d));
        r->planVersions.append({text(v, "version"), d, text(v, "comment")});
    }
    const QJsonArray sections = o.value(QLatin1String("sections")).toArray();
    for (int i = 0; i < sections.size(); ++i) {
        const QJsonObject s = sections.at(i).toObject();
        SectionRecord section{text(s, "number"), text(s, "title"), text(s, "description"),
                              text(s, "success_measure"), ResponseDecision::None};
        const QString rd = text(s, "response_decision");
        if (!rd.isEmpty() && !responsedecision::fromWritten(rd, &section.responseDecision))
            return fail(path + QStringLiteral(".sections[%1].response_decision").arg(i),
                        tr("“%1” is not do_nothing, do_thinking or do_something").arg(rd));
        r->sections.append(section);
    }
    const QJsonArray recs = o.value(QLatin1String("recommendations")).toArray();
    for (int i = 0; i < recs.size(); ++i) {
        RecommendationRecord rec;
        if (!readRecommendation(recs.at(i).toObject(), path + QStringLiteral(".recommendations[%1]").arg(i),
                                &rec))
            return false;
        r->recommendations.append(std::move(rec));
    }
    const QJsonArray responses = o.value(QLatin1String("responses")).toArray();
    for (const QJsonValue& v : responses) {
        const QJsonObject s = v.toObject();
        r->responses.append(
            {text(s, "number"), text(s, "title"), text(s, "text"), strings(s, "recommendations")});
    }
    if (o.contains(QLatin1String("s11"))) {
        S11AuditRecord audit;
        if (!readS11(o.value(QLatin1String("s11")).toObject(), path + QStringLiteral(".s11"), &audit))
            return false;
        r->s11 = std::move(audit);
    }
    return true;
}

bool PlanJsonReader::readRecommendation(const QJsonObject& o, const QString& path, RecommendationRecord* rec)
{
    rec->number = text(o, "number");
    const QString kind = text(o, "kind");
    if (!kind.isEmpty() && !recommendationkind::fromWritten(kind, &rec->kind))
        return fail(path + QStringLiteral(".kind"), tr("“%1” is not recommendation or finding").arg(kind));
    rec->title = text(o, "title");
    rec->section = text(o, "section");
    rec->text = text(o, "text");
    if (rec->text.trimmed().isEmpty() && rec->title.trimmed().isEmpty())
        return fail(path + QStringLiteral(".text"), tr("a recommendation needs its text or a title"));
    rec->addressedTo = strings(o, "addressed_to");
    const QJsonValue decision = o.value(QLatin1String("decision"));
    if (!decision.isNull() && !decision.isUndefined() &&
        !decision::fromWritten(decision.toString(), &rec->decision))
        return fail(path + QStringLiteral(".decision"),
                    tr("“%1” is not Agreed, Partly Agreed or Not Agreed").arg(decision.toString()));
    const QJsonValue reason = o.value(QLatin1String("decision_reason"));
    if (!reason.isNull() && !reason.isUndefined() &&
        !decision::reasonFromWritten(reason.toString(), &rec->decisionReason))
        return fail(
            path + QStringLiteral(".decision_reason"),
            tr("“%1” is not commissioning, policy, operational or affordability").arg(reason.toString()));
    rec->decisionExplanation = text(o, "decision_explanation");
    rec->successMeasure = text(o, "success_measure");
    const QJsonValue rd = o.value(QLatin1String("response_decision"));
    if (!rd.isNull() && !rd.isUndefined() &&
        !responsedecision::fromWritten(rd.toString(), &rec->responseDecision))
        return fail(path + QStringLiteral(".response_decision"),
                    tr("“%1” is not do_nothing, do_thinking or do_something").arg(rd.toString()));
    rec->answeredBy = text(o, "answered_by");
    rec->themes = strings(o, "themes");

    const QJsonArray children = o.value(QLatin1String("children")).toArray();
    for (int i = 0; i < children.size(); ++i) {
        RecommendationRecord child;
        if (!readRecommendation(children.at(i).toObject(), path + QStringLiteral(".children[%1]").arg(i),
                                &child))
            return false;
        rec->children.append(std::move(child));
    }
    const QJsonArray actions = o.value(QLatin1String("actions")).toArray();
    for (int i = 0; i < actions.size(); ++i) {
        ActionRecord a;
        if (!readAction(actions.at(i).toObject(), path + QStringLiteral(".actions[%1]").arg(i), &a))
            return false;
        rec->actions.append(std::move(a));
    }
    return true;
}

bool PlanJsonReader::readAction(const QJsonObject& o, const QString& path, ActionRecord* a)
{
    a->number = text(o, "number");
    a->text = text(o, "text");
    if (a->text.trimmed().isEmpty())
        return fail(path + QStringLiteral(".text"), tr("an action needs its text"));
    a->ownerText = text(o, "owner");
    a->owners = strings(o, "owners");
    if (a->owners.isEmpty() && !a->ownerText.trimmed().isEmpty())
        a->owners << a->ownerText.trimmed();
    a->agency = text(o, "agency");
    QString error;
    a->targetText = text(o, "target");
    if (!TargetDate::parse(a->targetText, &a->target, &error))
        return fail(path + QStringLiteral(".target"), error);
    a->revisedTargetText = text(o, "revised_target");
    if (!TargetDate::parse(a->revisedTargetText, &a->revisedTarget, &error))
        return fail(path + QStringLiteral(".revised_target"), error);
    a->statusText = text(o, "status");
    if (!status::fromWritten(a->statusText, &a->status))
        return fail(path + QStringLiteral(".status"),
                    tr("“%1” is not a status Review Tracker knows").arg(a->statusText));
    const QJsonValue rag = o.value(QLatin1String("rag"));
    if (!rag.isNull() && !rag.isUndefined() && !rag::fromWritten(rag.toString(), &a->rag))
        return fail(path + QStringLiteral(".rag"),
                    tr("“%1” is not Red, Amber, Green or Blue").arg(rag.toString()));
    a->successMeasure = text(o, "success_measure");
    a->evidence = text(o, "evidence");
    const QJsonArray links = o.value(QLatin1String("links")).toArray();
    for (const QJsonValue& v : links) {
        const QJsonObject l = v.toObject();
        a->links.append({text(l, "action"), text(l, "note")});
    }
    const QJsonArray updates = o.value(QLatin1String("updates")).toArray();
    for (int i = 0; i < updates.size(); ++i) {
        const QJsonObject u = updates.at(i).toObject();
        const QString upath = path + QStringLiteral(".updates[%1]").arg(i);
        ProgressUpdate p;
        p.date = text(u, "date");
        if (!p.date.isEmpty() && !PartialDate::isValidIso(p.date))
            return fail(upath + QStringLiteral(".date"), tr("“%1” is not a date").arg(p.date));
        p.label = text(u, "label");
        p.author = text(u, "author");
        p.text = text(u, "text");
        if (p.text.trimmed().isEmpty())
            return fail(upath + QStringLiteral(".text"), tr("an update needs its text"));
        const QJsonValue urag = u.value(QLatin1String("rag"));
        if (!urag.isNull() && !urag.isUndefined() && !rag::fromWritten(urag.toString(), &p.rag))
            return fail(upath + QStringLiteral(".rag"),
                        tr("“%1” is not Red, Amber, Green or Blue").arg(urag.toString()));
        a->updates.append(p);
    }
    return true;
}

bool PlanJsonReader::readS11(const QJsonObject& o, const QString& path, S11AuditRecord* audit)
{
    audit->year = o.value(QLatin1String("year")).toInt();
    if (audit->year < 1990 || audit->year > 2200)
        return fail(path + QStringLiteral(".year"), tr("an audit needs its year"));
    audit->panel = strings(o, "panel");
    const QJsonArray standards = o.value(QLatin1String("standards")).toArray();
    for (int i = 0; i < standards.size(); ++i) {
        const QJsonObject s = standards.at(i).toObject();
        S11StandardRecord rec;
        rec.number = s.value(QLatin1String("number")).toInt();
        rec.title = text(s, "title");
        if (!rag::fromWritten(text(s, "partnership_rag"), &rec.partnershipRag))
            return fail(path + QStringLiteral(".standards[%1].partnership_rag").arg(i),
                        tr("“%1” is not a RAG rating").arg(text(s, "partnership_rag")));
        rec.comment = text(s, "comment");
        audit->standards.append(rec);
    }
    const QJsonArray themes = o.value(QLatin1String("themes")).toArray();
    for (int i = 0; i < themes.size(); ++i) {
        const QJsonObject t = themes.at(i).toObject();
        S11ThemeRecord rec;
        rec.title = text(t, "title");
        if (!rag::fromWritten(text(t, "rag"), &rec.rag))
            return fail(path + QStringLiteral(".themes[%1].rag").arg(i),
                        tr("“%1” is not a RAG rating").arg(text(t, "rag")));
        rec.comment = text(t, "comment");
        audit->themes.append(rec);
    }
    const QJsonArray agencies = o.value(QLatin1String("agencies")).toArray();
    for (const QJsonValue& v : agencies) {
        const QJsonObject a = v.toObject();
        audit->agencies.append({text(a, "name"), text(a, "short"), text(a, "note")});
    }
    const QJsonArray ratings = o.value(QLatin1String("ratings")).toArray();
    for (int i = 0; i < ratings.size(); ++i) {
        const QJsonObject r = ratings.at(i).toObject();
        S11RatingRecord rec;
        rec.agency = text(r, "agency");
        rec.standard = r.value(QLatin1String("standard")).toInt();
        if (!s11::fromCode(text(r, "rating"), &rec.rating))
            return fail(path + QStringLiteral(".ratings[%1].rating").arg(i),
                        tr("“%1” is not good, good_aif, requires_improvement, inadequate or unable")
                            .arg(text(r, "rating")));
        rec.ratingText = text(r, "rating_text");
        rec.comments = strings(r, "comments");
        audit->ratings.append(rec);
    }
    return true;
}

} // namespace rt
