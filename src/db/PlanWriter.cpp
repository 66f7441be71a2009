#include "PlanWriter.h"

#include "Repository.h"
#include "SqlDialect.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QVariant>

namespace rt {

namespace {

QVariant nullIfEmpty(const QString& s)
{
    return s.isEmpty() ? QVariant() : QVariant(s);
}

QVariant dueOrNull(const TargetDate& t)
{
    return t.isDated() ? QVariant(t.due().toString(Qt::ISODate)) : QVariant();
}

} // namespace

PlanWriter::PlanWriter(QSqlDatabase& db) : m_db(db) {}

QString PlanWriter::sortKey(const QString& number)
{
    static const QRegularExpression digits(QStringLiteral("\\d+"));
    QString key;
    qsizetype last = 0;
    auto it = digits.globalMatch(number);
    while (it.hasNext()) {
        const auto m = it.next();
        key += number.mid(last, m.capturedStart() - last).toLower();
        key += m.captured().rightJustified(6, QLatin1Char('0'));
        last = m.capturedEnd();
    }
    key += number.mid(last).toLower();
    return key;
}

QSqlQuery& PlanWriter::prepared(const QString& sql)
{
    std::unique_ptr<QSqlQuery>& q = m_queries[sql];
    if (!q) {
        q = std::make_unique<QSqlQuery>(m_db);
        q->prepare(sql);
    }
    return *q;
}

bool PlanWriter::run(QSqlQuery& q, const char* what)
{
    if (q.exec())
        return true;
    m_error = QStringLiteral("%1: %2").arg(QLatin1String(what), q.lastError().text());
    return false;
}

qint64 PlanWriter::knownAgencyId(const QString& name)
{
    const QString n = name.simplified().toLower();
    if (n.isEmpty())
        return 0;
    if (auto it = m_agencies.constFind(n); it != m_agencies.constEnd())
        return *it;
    // Most owner names are not agencies: remember that too, or a 50,000-row
    // import asks the database once per owner cell.
    if (m_notAgencies.contains(n))
        return 0;
    QSqlQuery& find =
        prepared(QStringLiteral("SELECT id FROM agencies WHERE lower(name) = ? "
                                "UNION ALL SELECT agency_id FROM agency_aliases WHERE alias = ?"));
    find.addBindValue(n);
    find.addBindValue(n);
    if (!run(find, "agency"))
        return 0;
    if (!find.next()) {
        m_notAgencies.insert(n);
        return 0;
    }
    const qint64 id = find.value(0).toLongLong();
    find.finish();
    m_agencies.insert(n, id);
    return id;
}

qint64 PlanWriter::agencyId(const QString& name, const QString& shortName)
{
    const QString n = name.trimmed();
    if (n.isEmpty())
        return 0;
    if (const qint64 id = knownAgencyId(n))
        return id;
    QSqlQuery& ins =
        prepared(QStringLiteral("INSERT INTO agencies(name, short_name, position) VALUES (?, ?, "
                                "(SELECT coalesce(max(position), 0) + 1 FROM agencies)) RETURNING id"));
    ins.addBindValue(n);
    ins.addBindValue(sqlText(shortName.trimmed()));
    if (!run(ins, "agency"))
        return 0;
    const qint64 id = SqlDialect::insertedId(ins);
    m_agencies.insert(n.toLower(), id);
    m_notAgencies.clear(); // a new agency may carry a name remembered as none
    return id;
}

bool PlanWriter::addAgency(const AgencyRecord& agency)
{
    const qint64 id = agencyId(agency.name, agency.shortName);
    if (id == 0)
        return false;
    QStringList aliases = agency.aliases;
    if (!agency.shortName.isEmpty())
        aliases << agency.shortName;
    for (const QString& alias : aliases) {
        const QString a = alias.simplified().toLower();
        if (a.isEmpty() || a == agency.name.simplified().toLower())
            continue;
        QSqlQuery& q = prepared(QStringLiteral("INSERT INTO agency_aliases(alias, agency_id) VALUES (?, ?)"));
        q.addBindValue(a);
        q.addBindValue(id);
        if (!q.exec()) {
            m_error = QStringLiteral("agency “%1”: the alias “%2” is already used by another agency")
                          .arg(agency.name, alias);
            return false;
        }
        m_agencies.insert(a, id);
        m_notAgencies.clear();
    }
    return true;
}

qint64 PlanWriter::ownerId(const QString& name, qint64 agencyId)
{
    const QString n = name.simplified();
    if (n.isEmpty())
        return 0;
    if (auto it = m_owners.constFind(n.toLower()); it != m_owners.constEnd())
        return *it;
    QSqlQuery& find = prepared(QStringLiteral("SELECT id FROM owners WHERE lower(name) = lower(?)"));
    find.addBindValue(n);
    if (run(find, "owner") && find.next()) {
        const qint64 id = find.value(0).toLongLong();
        find.finish();
        m_owners.insert(n.toLower(), id);
        return id;
    }
    QSqlQuery& ins =
        prepared(QStringLiteral("INSERT INTO owners(name, agency_id) VALUES (?, ?) RETURNING id"));
    ins.addBindValue(n);
    ins.addBindValue(agencyId > 0 ? QVariant(agencyId) : QVariant());
    if (!run(ins, "owner"))
        return 0;
    const qint64 id = SqlDialect::insertedId(ins);
    m_owners.insert(n.toLower(), id);
    return id;
}

qint64 PlanWriter::themeId(const QString& name)
{
    const QString n = name.simplified().toLower();
    if (n.isEmpty())
        return 0;
    if (auto it = m_themes.constFind(n); it != m_themes.constEnd())
        return *it;
    QSqlQuery& find = prepared(QStringLiteral("SELECT id FROM themes WHERE name = ?"));
    find.addBindValue(n);
    if (run(find, "theme") && find.next()) {
        const qint64 id = find.value(0).toLongLong();
        find.finish();
        m_themes.insert(n, id);
        return id;
    }
    QSqlQuery& ins = prepared(QStringLiteral("INSERT INTO themes(name) VALUES (?) RETURNING id"));
    ins.addBindValue(n);
    if (!run(ins, "theme"))
        return 0;
    const qint64 id = SqlDialect::insertedId(ins);
    m_themes.insert(n, id);
    return id;
}

bool PlanWriter::writeReview(ReviewRecord& r, int position)
{
    QSqlQuery& q = prepared(QStringLiteral(
        "INSERT INTO reviews(kind, reference, title, body, year, initiated, completed, published, "
        "publication_withheld, withheld_reason, summary, source, position) VALUES "
        "(?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id"));
    q.addBindValue(sqlText(reviewkind::code(r.kind)));
    q.addBindValue(sqlText(r.reference));
    q.addBindValue(sqlText(r.title));
    q.addBindValue(sqlText(r.body));
    q.addBindValue(r.year ? QVariant(*r.year) : QVariant());
    q.addBindValue(nullIfEmpty(r.initiated));
    q.addBindValue(nullIfEmpty(r.completed));
    q.addBindValue(nullIfEmpty(r.published));
    q.addBindValue(r.publicationWithheld ? 1 : 0);
    q.addBindValue(sqlText(r.withheldReason));
    q.addBindValue(sqlText(r.summary));
    q.addBindValue(sqlText(r.source));
    q.addBindValue(position);
    if (!run(q, "review"))
        return false;
    r.id = SqlDialect::insertedId(q);

    int pos = 0;
    for (const PlanVersionRecord& v : r.planVersions) {
        QSqlQuery& pv = prepared(QStringLiteral(
            "INSERT INTO plan_versions(review_id, version, date, comment, position) VALUES (?,?,?,?,?)"));
        pv.addBindValue(r.id);
        pv.addBindValue(sqlText(v.version));
        pv.addBindValue(nullIfEmpty(v.date));
        pv.addBindValue(sqlText(v.comment));
        pv.addBindValue(++pos);
        if (!run(pv, "plan version"))
            return false;
    }

    QHash<QString, qint64> sections;
    pos = 0;
    for (const SectionRecord& s : r.sections) {
        QSqlQuery& sq = prepared(QStringLiteral(
            "INSERT INTO sections(review_id, number, title, description, success_measure, response_decision, "
            "position) VALUES (?,?,?,?,?,?,?) RETURNING id"));
        sq.addBindValue(r.id);
        sq.addBindValue(sqlText(s.number));
        sq.addBindValue(sqlText(s.title));
        sq.addBindValue(sqlText(s.description));
        sq.addBindValue(sqlText(s.successMeasure));
        sq.addBindValue(sqlText(responsedecision::code(s.responseDecision)));
        sq.addBindValue(++pos);
        if (!run(sq, "section"))
            return false;
        sections.insert(s.number, SqlDialect::insertedId(sq));
    }

    QHash<QString, qint64> recByNumber;
    QVector<QPair<qint64, ActionRecord*>> actions;
    pos = 0;
    for (RecommendationRecord& rec : r.recommendations) {
        if (!writeRecommendation(r.id, 0, rec, ++pos, sections, recByNumber, actions))
            return false;
    }

    pos = 0;
    for (const ResponseRecord& resp : r.responses) {
        QSqlQuery& rq = prepared(QStringLiteral("INSERT INTO responses(review_id, number, title, text, "
                                                "position) VALUES (?,?,?,?,?) RETURNING id"));
        rq.addBindValue(r.id);
        rq.addBindValue(sqlText(resp.number));
        rq.addBindValue(sqlText(resp.title));
        rq.addBindValue(sqlText(resp.text));
        rq.addBindValue(++pos);
        if (!run(rq, "response"))
            return false;
        const qint64 responseId = SqlDialect::insertedId(rq);
        for (const QString& number : resp.recommendationNumbers) {
            const qint64 recId = recByNumber.value(number);
            if (recId == 0) {
                m_error =
                    QStringLiteral("response “%1” answers recommendation %2, which this review does not have")
                        .arg(resp.title.isEmpty() ? resp.number : resp.title, number);
                return false;
            }
            QSqlQuery& link = prepared(QStringLiteral(
                "INSERT INTO response_recommendations(response_id, recommendation_id) VALUES (?,?)"));
            link.addBindValue(responseId);
            link.addBindValue(recId);
            if (!run(link, "response link"))
                return false;
        }
    }

    // Action links name another action by number ("As action 1.2"): the
    // number is the action's own, or else its recommendation's.
    QHash<QString, qint64> actionByNumber;
    for (const auto& [recId, action] : actions) {
        if (!action->number.isEmpty() && !actionByNumber.contains(action->number))
            actionByNumber.insert(action->number, action->id);
    }
    QHash<qint64, qint64> firstActionOfRec;
    for (const auto& [recId, action] : actions) {
        if (!firstActionOfRec.contains(recId))
            firstActionOfRec.insert(recId, action->id);
    }
    for (auto it = recByNumber.constBegin(); it != recByNumber.constEnd(); ++it) {
        if (!actionByNumber.contains(it.key()) && firstActionOfRec.contains(it.value()))
            actionByNumber.insert(it.key(), firstActionOfRec.value(it.value()));
    }
    for (const auto& [recId, action] : actions) {
        for (const ActionLink& l : action->links) {
            const qint64 target = actionByNumber.value(l.targetNumber);
            if (target == 0 || target == action->id)
                continue; // linked to a recommendation with no action: the note stays on the action
            QSqlQuery& lq = prepared(QStringLiteral("INSERT INTO action_links(action_id, linked_action_id, "
                                                    "note) VALUES (?,?,?) ON CONFLICT DO NOTHING"));
            lq.addBindValue(action->id);
            lq.addBindValue(target);
            lq.addBindValue(sqlText(l.note));
            if (!run(lq, "action link"))
                return false;
        }
    }

    if (r.s11 && !writeS11(r.id, *r.s11))
        return false;
    return true;
}

bool PlanWriter::writeRecommendation(qint64 reviewId, qint64 parentId, RecommendationRecord& rec,
                                     int position, const QHash<QString, qint64>& sections,
                                     QHash<QString, qint64>& byNumber,
                                     QVector<QPair<qint64, ActionRecord*>>& actions)
{
    QSqlQuery& q =
        prepared(QStringLiteral("INSERT INTO recommendations(review_id, parent_id, section_id, "
                                "kind, number, sort_key, position, title, "
                                "text, addressed_to, decision, decision_reason, "
                                "decision_explanation, success_measure, response_decision, "
                                "answered_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id"));
    q.addBindValue(reviewId);
    q.addBindValue(parentId > 0 ? QVariant(parentId) : QVariant());
    const qint64 sectionId = sections.value(rec.section);
    q.addBindValue(sectionId > 0 ? QVariant(sectionId) : QVariant());
    q.addBindValue(sqlText(recommendationkind::code(rec.kind)));
    q.addBindValue(sqlText(rec.number));
    q.addBindValue(sortKey(rec.number));
    q.addBindValue(position);
    q.addBindValue(sqlText(rec.title));
    q.addBindValue(sqlText(rec.text));
    q.addBindValue(sqlText(rec.addressedTo.join(QLatin1Char('\n'))));
    q.addBindValue(sqlText(decision::code(rec.decision)));
    q.addBindValue(sqlText(decision::reasonCode(rec.decisionReason)));
    q.addBindValue(sqlText(rec.decisionExplanation));
    q.addBindValue(sqlText(rec.successMeasure));
    q.addBindValue(sqlText(responsedecision::code(rec.responseDecision)));
    q.addBindValue(sqlText(rec.answeredBy));
    if (!run(q, "recommendation"))
        return false;
    rec.id = SqlDialect::insertedId(q);
    if (!rec.number.isEmpty())
        byNumber.insert(rec.number, rec.id);

    for (const QString& theme : rec.themes) {
        const qint64 themeId = this->themeId(theme);
        QSqlQuery& tq = prepared(QStringLiteral("INSERT INTO recommendation_themes(recommendation_id, "
                                                "theme_id) VALUES (?,?) ON CONFLICT DO NOTHING"));
        tq.addBindValue(rec.id);
        tq.addBindValue(themeId);
        if (themeId == 0 || !run(tq, "theme"))
            return false;
    }

    int pos = 0;
    for (ActionRecord& a : rec.actions) {
        if (!writeAction(reviewId, rec.id, a, ++pos))
            return false;
        actions.append({rec.id, &a});
    }
    pos = 0;
    for (RecommendationRecord& child : rec.children) {
        if (!writeRecommendation(reviewId, rec.id, child, ++pos, sections, byNumber, actions))
            return false;
    }
    return true;
}

bool PlanWriter::writeAction(qint64 reviewId, qint64 recommendationId, ActionRecord& a, int position)
{
    if (!insertAction(reviewId, recommendationId, a, position))
        return false;
    int pos = 0;
    for (const ProgressUpdate& u : a.updates) {
        if (!insertUpdate(a.id, u, ++pos))
            return false;
    }
    return true;
}

bool PlanWriter::insertAction(qint64 reviewId, qint64 recommendationId, ActionRecord& a, int position)
{
    // An owner named after an agency ("GCC", "GSCB Business Unit") belongs to
    // it; an action whose agency the document leaves blank takes its owners'
    // agency when they all share one.
    QVector<qint64> ownerAgencies;
    // Not from an owner's recorded agency: a role such as "Head of Service"
    // exists in many agencies.
    for (const QString& owner : a.owners)
        ownerAgencies << knownAgencyId(owner);
    const qint64 givenAgency = agencyId(a.agency);
    qint64 agency = givenAgency;
    if (agency == 0) {
        for (qint64 id : ownerAgencies) {
            if (id != 0 && agency != 0 && id != agency) {
                agency = 0;
                break;
            }
            if (id != 0)
                agency = id;
        }
    }
    QSqlQuery& q = prepared(QStringLiteral(
        "INSERT INTO actions(review_id, recommendation_id, number, position, text, owner_text, agency_id, "
        "target_text, target_precision, target_due, revised_target_text, revised_target_precision, "
        "revised_target_due, status, status_text, rag, success_measure, evidence) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id"));
    q.addBindValue(reviewId);
    q.addBindValue(recommendationId);
    q.addBindValue(sqlText(a.number));
    q.addBindValue(position);
    q.addBindValue(sqlText(a.text));
    q.addBindValue(sqlText(a.ownerText));
    q.addBindValue(agency > 0 ? QVariant(agency) : QVariant());
    q.addBindValue(sqlText(a.targetText));
    q.addBindValue(a.target.precisionCode());
    q.addBindValue(dueOrNull(a.target));
    q.addBindValue(sqlText(a.revisedTargetText));
    q.addBindValue(a.revisedTarget.precisionCode());
    q.addBindValue(dueOrNull(a.revisedTarget));
    q.addBindValue(sqlText(status::code(a.status)));
    q.addBindValue(sqlText(a.statusText));
    q.addBindValue(sqlText(rag::code(a.rag)));
    q.addBindValue(sqlText(a.successMeasure));
    q.addBindValue(sqlText(a.evidence));
    if (!run(q, "action"))
        return false;
    a.id = SqlDialect::insertedId(q);

    int pos = 0;
    for (int i = 0; i < a.owners.size(); ++i) {
        const QString& owner = a.owners.at(i);
        const qint64 ownerId =
            this->ownerId(owner, ownerAgencies.at(i) != 0 ? ownerAgencies.at(i) : givenAgency);
        if (ownerId == 0)
            continue;
        QSqlQuery& oq = prepared(QStringLiteral("INSERT INTO action_owners(action_id, owner_id, position) "
                                                "VALUES (?,?,?) ON CONFLICT DO NOTHING"));
        oq.addBindValue(a.id);
        oq.addBindValue(ownerId);
        oq.addBindValue(++pos);
        if (!run(oq, "action owner"))
            return false;
    }
    return true;
}

bool PlanWriter::insertUpdate(qint64 actionId, const ProgressUpdate& u, int position)
{
    QSqlQuery& uq = prepared(QStringLiteral("INSERT INTO updates(action_id, date, label, author, text, "
                                            "rag, position) VALUES (?,?,?,?,?,?,?)"));
    uq.addBindValue(actionId);
    uq.addBindValue(nullIfEmpty(u.date));
    uq.addBindValue(sqlText(u.label));
    uq.addBindValue(sqlText(u.author));
    uq.addBindValue(sqlText(u.text));
    uq.addBindValue(sqlText(rag::code(u.rag)));
    uq.addBindValue(position);
    return run(uq, "update");
}

bool PlanWriter::writeS11(qint64 reviewId, const S11AuditRecord& audit)
{
    QSqlQuery& q = prepared(
        QStringLiteral("INSERT INTO s11_audits(review_id, year, panel) VALUES (?,?,?) RETURNING id"));
    q.addBindValue(reviewId);
    q.addBindValue(audit.year);
    q.addBindValue(sqlText(audit.panel.join(QLatin1Char('\n'))));
    if (!run(q, "Section 11 audit"))
        return false;
    const qint64 auditId = SqlDialect::insertedId(q);

    QHash<int, qint64> standards;
    for (const S11StandardRecord& s : audit.standards) {
        QSqlQuery& sq = prepared(QStringLiteral("INSERT INTO s11_standards(audit_id, number, title, "
                                                "partnership_rag, comment) VALUES (?,?,?,?,?) RETURNING id"));
        sq.addBindValue(auditId);
        sq.addBindValue(s.number);
        sq.addBindValue(sqlText(s.title));
        sq.addBindValue(sqlText(rag::code(s.partnershipRag)));
        sq.addBindValue(sqlText(s.comment));
        if (!run(sq, "Section 11 standard"))
            return false;
        standards.insert(s.number, SqlDialect::insertedId(sq));
    }
    int pos = 0;
    for (const S11ThemeRecord& t : audit.themes) {
        QSqlQuery& tq = prepared(QStringLiteral(
            "INSERT INTO s11_themes(audit_id, title, rag, comment, position) VALUES (?,?,?,?,?)"));
        tq.addBindValue(auditId);
        tq.addBindValue(sqlText(t.title));
        tq.addBindValue(sqlText(rag::code(t.rag)));
        tq.addBindValue(sqlText(t.comment));
        tq.addBindValue(++pos);
        if (!run(tq, "Section 11 theme"))
            return false;
    }
    QHash<QString, qint64> agencies;
    pos = 0;
    for (const S11AgencyRecord& a : audit.agencies) {
        const qint64 id = agencyId(a.name, a.shortName);
        if (id == 0)
            return false;
        agencies.insert(a.name, id);
        QSqlQuery& aq = prepared(
            QStringLiteral("INSERT INTO s11_agencies(audit_id, agency_id, note, position) VALUES (?,?,?,?)"));
        aq.addBindValue(auditId);
        aq.addBindValue(id);
        aq.addBindValue(sqlText(a.note));
        aq.addBindValue(++pos);
        if (!run(aq, "Section 11 agency"))
            return false;
    }
    for (const S11RatingRecord& r : audit.ratings) {
        const qint64 agencyId = agencies.value(r.agency);
        const qint64 standardId = standards.value(r.standard);
        if (agencyId == 0 || standardId == 0) {
            m_error = QStringLiteral(
                          "Section 11 rating for “%1”, standard %2: no such agency or standard in the audit")
                          .arg(r.agency)
                          .arg(r.standard);
            return false;
        }
        QSqlQuery& rq = prepared(QStringLiteral(
            "INSERT INTO s11_ratings(audit_id, agency_id, standard_id, rating, rating_text, comments) "
            "VALUES (?,?,?,?,?,?)"));
        rq.addBindValue(auditId);
        rq.addBindValue(agencyId);
        rq.addBindValue(standardId);
        rq.addBindValue(sqlText(s11::code(r.rating)));
        rq.addBindValue(sqlText(r.ratingText));
        rq.addBindValue(sqlText(r.comments.join(QLatin1Char('\n'))));
        if (!run(rq, "Section 11 rating"))
            return false;
    }
    return true;
}

bool PlanWriter::resolveReviewLinks(const QVector<ReviewRecord>& reviews)
{
    QHash<QString, qint64> byKey;
    for (const ReviewRecord& r : reviews) {
        if (!r.key.isEmpty())
            byKey.insert(r.key, r.id);
    }
    for (const ReviewRecord& r : reviews) {
        for (const ReviewLinkRecord& l : r.links) {
            qint64 linked = 0;
            if (!l.reviewKey.isEmpty()) {
                linked = byKey.value(l.reviewKey);
                if (linked == 0) {
                    m_error = QStringLiteral("review “%1” links to “%2”, which is not loaded")
                                  .arg(r.title, l.reviewKey);
                    return false;
                }
            }
            QSqlQuery& q = prepared(QStringLiteral("INSERT INTO review_links(review_id, linked_review_id, "
                                                   "linked_reference, linked_title, linked_year, "
                                                   "note) VALUES (?,?,?,?,?,?)"));
            q.addBindValue(r.id);
            q.addBindValue(linked > 0 ? QVariant(linked) : QVariant());
            q.addBindValue(sqlText(l.reference));
            q.addBindValue(sqlText(l.title));
            q.addBindValue(l.year ? QVariant(*l.year) : QVariant());
            q.addBindValue(sqlText(l.note));
            if (!run(q, "review link"))
                return false;
        }
    }
    return true;
}

} // namespace rt
