#pragma once

#include "core/ActionFilter.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariantMap>
#include <QVector>

class QSqlQuery;

namespace rt {

// A WHERE condition over the actions table under an alias, and the values of
// its named placeholders (":f_asof" → "2024-06-30"). Empty when the filter
// lets every action through.
struct FilterCondition
{
    QString where;
    QVariantMap values;

    bool isEmpty() const { return where.isEmpty(); }
    // Binds every placeholder of the condition on a prepared query.
    void bindTo(QSqlQuery& query) const;
};

// What the filter bar offers to pick from, read once per database.
struct FilterChoices
{
    struct Named
    {
        qint64 id = 0;
        QString name;
    };
    QVector<Named> reviews;  // in the order of the reviews list; name "Title (year)"
    QVector<Named> agencies; // in the agencies' own order
    QStringList owners;      // sorted case-insensitively
    QStringList themes;
};

// Turns an ActionFilter into SQL with the status rules of StatusQueries, so a
// filtered list and the dashboard's figures always count the same actions.
class ActionFilterSql
{
public:
    // The condition over alias (the actions table). Text is matched through
    // the full-text index action_search; every value is bound, never spliced.
    static FilterCondition where(const ActionFilter& filter, const QString& alias = QStringLiteral("a"));

    // User text as an FTS5 query: each word a quoted prefix term, all words
    // required. Quotes, operators and punctuation in the text are never FTS
    // syntax, so no text can make the query fail. One-letter words wait for
    // their second letter: they match most of the table and say little.
    static QString ftsQuery(const QString& text);
    // The words a view highlights for that text, folded as the index folds
    // them (lower case, no diacritics), longest first.
    static QStringList highlightTerms(const QString& text);
    // Lower case without diacritics, as unicode61 remove_diacritics folds a
    // token; fills map (when given) with the index in text of each character
    // of the result, so matches found in the folded text map back.
    static QString fold(const QString& text, QVector<int>* map = nullptr);

    // The lists the filter bar offers; false with the reason in error.
    static bool choices(QSqlDatabase db, FilterChoices* out, QString* error = nullptr);
};

} // namespace rt
