#pragma once

#include "db/Section11Repository.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QHash>
#include <QSqlDatabase>
#include <QVector>

namespace rt {

// One Section 11 audit as a heat map: a row per agency in the report's order,
// a column per standard, and a last "Partnership" row with the partnership
// RAG of each standard. A cell shows the panel's own wording exactly as the
// report gives it, coloured by the rating on the ordered scale.
//
// In comparison mode each cell also says, in words and with an arrow, whether
// the rating is better, the same or worse than in the other audit, so the
// change reads without relying on colour.
class Section11GridModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role
    {
        RatingCodeRole = Qt::UserRole + 1, // "" for an empty cell; rag code on the Partnership row
        CommentsRole,                      // QStringList of bullets
        RankRole,                          // s11::rank: 1 best … 4 worst, 0 unable; invalid when empty
        WordingRole,                       // the panel's wording, also in comparison mode
        TrendRole,                         // int(S11Trend) in comparison mode, else invalid
        OtherRatingRole,                   // the other audit's wording in comparison mode
        AgencyIdRole,                      // agencies.id; 0 on the Partnership row
        StandardIdRole,                    // s11_standards.id
        PartnershipRole,                   // true on the Partnership row
        VersionRole                        // s11_ratings.version; 0 when empty
    };

    explicit Section11GridModel(QSqlDatabase db, QObject* parent = nullptr);

    void setReadOnly(bool readOnly) { m_readOnly = readOnly; }
    // Loads the audit (0: none). Turns comparison off when it was against this audit.
    void setAudit(qint64 auditId);
    qint64 auditId() const { return m_auditId; }
    // Compares every cell with the other audit (0: no comparison).
    void setComparison(qint64 otherAuditId);
    qint64 comparisonAuditId() const { return m_otherAuditId; }
    // Reads the audit again; rows keep their places so a selection survives.
    void reload();

    int partnershipRow() const { return m_agencies.size(); }
    bool isRatingCell(const QModelIndex& index) const;
    QModelIndex cellIndex(qint64 agencyId, int standardNumber) const;
    S11AgencyRow agencyAt(int row) const;
    S11StandardRow standardAt(int column) const;

    // The cell panel's edits. Each saves at once; a refusal emits editRefused.
    bool setWording(const QModelIndex& index, const QString& wording);
    bool setComments(const QModelIndex& index, const QStringList& bullets);
    bool clearCell(const QModelIndex& index);

    // The heat-map colours: an ordered, colour-blind-aware scale (teal greens
    // for the good end, amber and brick red for the poor end, so the two ends
    // differ in blue as well as in red/green and in lightness), all light
    // enough for dark text.
    static QColor ratingColour(const QString& code);
    static QString trendArrow(S11Trend trend);
    static QString trendWords(S11Trend trend);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    // EditRole on a rating cell takes a rating code; an empty code clears the cell.
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

signals:
    void editRefused(const QModelIndex& index, const QString& reason);
    void saved();

private:
    struct Rated
    {
        S11RatingRow rating;
        bool present = false;
        S11ComparisonCell comparison;
        bool compared = false;
    };

    void load();
    void afterSave();
    const Rated* cellAt(const QModelIndex& index) const;
    QString comparisonLine(const Rated& cell) const;

    QSqlDatabase m_db;
    qint64 m_auditId = 0;
    qint64 m_otherAuditId = 0;
    int m_otherYear = 0;
    bool m_readOnly = false;
    QVector<S11AgencyRow> m_agencies;
    QVector<S11StandardRow> m_standards;
    QVector<QVector<Rated>> m_cells; // [row][column]
};

} // namespace rt
