#include "ActionFilterSql.h"

#include "StatusQueries.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>

namespace rt {

namespace {

// Builds the condition part by part, naming each placeholder after its part
// so one query can carry the filter next to its own placeholders.
class Builder
{
public:
    explicit Builder(QString alias) : m_a(std::move(alias)) {}

    QString col(const char* column) const { return QStringLiteral("%1.%2").arg(m_a, QLatin1String(column)); }

    QString bind(const QString& name, const QVariant& value)
    {
        const QString key = QStringLiteral(":f_") + name;
        m_c.values.insert(key, value);
        return key;
    }

    // "(:f_rag0, :f_rag1)" with each value bound.
    template <typename List> QString list(const QString& name, const List& values)
    {
        QStringList keys;
        for (int i = 0; i < values.size(); ++i)
            keys << bind(name + QString::number(i), value(values.at(i)));
        return QLatin1Char('(') + keys.join(QStringLiteral(", ")) + QLatin1Char(')');
    }

    void add(const QString& condition) { m_parts << condition; }

private:
    // Qt binds a null QString as NULL, which matches nothing; "" is the code
    // for "not rated" and "no decision".
    static QVariant value(const QString& s)
    {
        return s.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(s);
    }
    static QVariant value(qint64 id) { return QVariant(id); }

public:
    FilterCondition result()
    {
        if (!m_parts.isEmpty())
            m_c.where = m_parts.join(QStringLiteral(" AND "));
        return m_c;
    }

private:
    QString m_a;
    QStringList m_parts;
    FilterCondition m_c;
};

QStringList words(const QString& text)
{
    // Letters, digits and marks are what the unicode61 tokenizer keeps in a
    // token; everything else (quotes, hyphens, "*", "_", brackets) separates
    // words there too. Composing first keeps "Zoë" typed as e + U+0308 one
    // word.
    static const QRegularExpression nonWord(QStringLiteral("[^\\p{L}\\p{N}\\p{M}]+"),
                                            QRegularExpression::UseUnicodePropertiesOption);
    QStringList out;
    const QStringList all = text.normalized(QString::NormalizationForm_C).split(nonWord, Qt::SkipEmptyParts);
    for (const QString& w : all) {
        // Marks alone are no word; a one-letter word waits for its second.
        int letters = 0;
        for (const QChar c : w)
            letters += c.isLetterOrNumber() || c.isHighSurrogate();
        if (letters >= 2)
            out << w;
    }
    return out;
}

} // namespace

void FilterCondition::bindTo(QSqlQuery& query) const
{
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        query.bindValue(it.key(), it.value());
}

FilterCondition ActionFilterSql::where(const ActionFilter& f, const QString& alias)
{
    Builder b(alias);
    const QString open = StatusQueries::openCondition(alias);
    const QDate asOf = f.effectiveAsOf();

    if (!f.reviewIds.isEmpty())
        b.add(QStringLiteral("%1 IN %2")
                  .arg(b.col("review_id"), b.list(QStringLiteral("review"), f.reviewIds)));
    if (!f.kinds.isEmpty())
        b.add(QStringLiteral("%1 IN (SELECT id FROM reviews WHERE kind IN %2)")
                  .arg(b.col("review_id"), b.list(QStringLiteral("kind"), f.kinds)));
    if (!f.agencyIds.isEmpty()) {
        // 0 stands for "no agency", which SQL cannot match with IN.
        QList<qint64> ids = f.agencyIds;
        const bool none = ids.removeAll(0) > 0;
        QStringList either;
        if (!ids.isEmpty())
            either
                << QStringLiteral("%1 IN %2").arg(b.col("agency_id"), b.list(QStringLiteral("agency"), ids));
        if (none)
            either << QStringLiteral("%1 IS NULL").arg(b.col("agency_id"));
        b.add(QLatin1Char('(') + either.join(QStringLiteral(" OR ")) + QLatin1Char(')'));
    }
    if (!f.owners.isEmpty())
        b.add(QStringLiteral("%1 IN (SELECT ao.action_id FROM action_owners ao JOIN owners o ON o.id = "
                             "ao.owner_id WHERE o.name IN %2)")
                  .arg(b.col("id"), b.list(QStringLiteral("owner"), f.owners)));
    if (!f.statuses.isEmpty())
        b.add(QStringLiteral("%1 IN %2").arg(b.col("status"), b.list(QStringLiteral("status"), f.statuses)));
    if (!f.rags.isEmpty())
        b.add(QStringLiteral("%1 IN %2").arg(b.col("rag"), b.list(QStringLiteral("rag"), f.rags)));
    if (!f.themes.isEmpty())
        b.add(QStringLiteral("%1 IN (SELECT rt.recommendation_id FROM recommendation_themes rt JOIN themes t "
                             "ON t.id = rt.theme_id WHERE t.name IN %2)")
                  .arg(b.col("recommendation_id"), b.list(QStringLiteral("theme"), f.themes)));
    if (!f.decisions.isEmpty())
        b.add(QStringLiteral("%1 IN (SELECT id FROM recommendations WHERE decision IN %2)")
                  .arg(b.col("recommendation_id"), b.list(QStringLiteral("decision"), f.decisions)));
    if (f.targetFrom.isValid())
        b.add(QStringLiteral("%1 >= %2")
                  .arg(b.col("target_due"),
                       b.bind(QStringLiteral("from"), f.targetFrom.toString(Qt::ISODate))));
    if (f.targetTo.isValid())
        b.add(QStringLiteral("%1 <= %2")
                  .arg(b.col("target_due"), b.bind(QStringLiteral("to"), f.targetTo.toString(Qt::ISODate))));
    if (f.openOnly)
        b.add(open);
    if (f.overdue) {
        // The rule itself comes from StatusQueries; only its placeholder is
        // renamed to this condition's own.
        QString overdue = StatusQueries::overdueCondition(alias);
        overdue.replace(QLatin1String(":asof"), b.bind(QStringLiteral("asof"), asOf.toString(Qt::ISODate)));
        b.add(overdue);
    }
    if (f.dueSoon)
        b.add(QStringLiteral("(%1 AND %2 >= %3 AND %2 <= %4)")
                  .arg(open, b.col("target_due"),
                       b.bind(QStringLiteral("soonfrom"), asOf.toString(Qt::ISODate)),
                       b.bind(QStringLiteral("soonto"), asOf.addDays(f.dueSoonDays).toString(Qt::ISODate))));
    if (f.stale) {
        // Schema 4 stores last_update as a full day (the end of a month for
        // an update dated "Feb 2024"), but a file written before may hold the
        // month itself ("2024-02"): that counts as the end of its period too,
        // so it is compared with the cut-off cut to the same length. The
        // plain comparison comes first so the open-actions index still serves.
        const QString last = b.col("last_update");
        const QString cut = asOf.addDays(-f.staleDays).toString(Qt::ISODate);
        b.add(QStringLiteral("(%1 AND (%2 IS NULL OR (%2 < %3 AND (length(%2) >= 10 OR %2 < substr(%4, 1, "
                             "length(%2))))))")
                  .arg(open, last, b.bind(QStringLiteral("stale"), cut),
                       b.bind(QStringLiteral("stalecut"), cut)));
    }
    if (f.noTarget)
        b.add(QStringLiteral("(%1 AND %2 IN ('none', 'ongoing'))").arg(open, b.col("target_precision")));
    if (f.revised)
        b.add(QStringLiteral("%1 <> 'none'").arg(b.col("revised_target_precision")));
    const QString fts = ftsQuery(f.text);
    if (!fts.isEmpty())
        b.add(QStringLiteral("%1 IN (SELECT rowid FROM action_search WHERE action_search MATCH %2)")
                  .arg(b.col("id"), b.bind(QStringLiteral("fts"), fts)));
    return b.result();
}

QString ActionFilterSql::ftsQuery(const QString& text)
{
    QStringList terms;
    // Inside double quotes FTS5 reads everything as text; the words hold no
    // quote (they are letters, digits and marks only), so nothing escapes.
    for (const QString& w : words(text))
        terms << QStringLiteral("\"%1\"*").arg(w);
    return terms.join(QLatin1Char(' '));
}

QStringList ActionFilterSql::highlightTerms(const QString& text)
{
    QStringList terms;
    for (const QString& w : words(text)) {
        const QString folded = fold(w);
        if (!folded.isEmpty() && !terms.contains(folded))
            terms << folded;
    }
    // Longest first, so "supervision" is marked whole where "super" also matches.
    std::stable_sort(terms.begin(), terms.end(),
                     [](const QString& x, const QString& y) { return x.size() > y.size(); });
    return terms;
}

QString ActionFilterSql::fold(const QString& text, QVector<int>* map)
{
    QString out;
    out.reserve(text.size());
    if (map) {
        map->clear();
        map->reserve(text.size());
    }
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.category() == QChar::Mark_NonSpacing)
            continue; // a combining accent: the index drops it too
        QChar base = c;
        // Canonical decomposition to the base letter: é → e, ŵ → w, ü → u.
        while (base.decompositionTag() == QChar::Canonical) {
            const QString d = base.decomposition();
            if (d.isEmpty() || d.at(0) == base)
                break;
            base = d.at(0);
        }
        out += base.toCaseFolded();
        if (map)
            map->append(i);
    }
    return out;
}

bool ActionFilterSql::choices(QSqlDatabase db, FilterChoices* out, QString* error)
{
    *out = FilterChoices();
    QSqlQuery q(db);
    q.setForwardOnly(true);
    auto fail = [&] {
        if (error)
            *error = q.lastError().text();
        return false;
    };
    if (!q.exec(QStringLiteral("SELECT id, title, year FROM reviews ORDER BY position, id")))
        return fail();
    while (q.next()) {
        const QString year =
            q.value(2).isNull() ? QString() : QStringLiteral(" (%1)").arg(q.value(2).toInt());
        out->reviews.append({q.value(0).toLongLong(), q.value(1).toString() + year});
    }
    if (!q.exec(QStringLiteral("SELECT id, name FROM agencies ORDER BY position, name")))
        return fail();
    while (q.next())
        out->agencies.append({q.value(0).toLongLong(), q.value(1).toString()});
    if (!q.exec(QStringLiteral("SELECT name FROM owners ORDER BY lower(name)")))
        return fail();
    while (q.next())
        out->owners << q.value(0).toString();
    if (!q.exec(QStringLiteral("SELECT name FROM themes ORDER BY lower(name)")))
        return fail();
    while (q.next())
        out->themes << q.value(0).toString();
    return true;
}

} // namespace rt
