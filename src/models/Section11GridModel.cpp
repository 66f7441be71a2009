#include "Section11GridModel.h"

#include "core/Vocabulary.h"

#include <QBrush>
#include <QFont>

namespace rt {

namespace {

// Dark text on every fill, whatever the desktop theme, so a light cell never
// gets light text.
const QColor kText(0x1A, 0x1A, 0x1A);

QString ratingLabel(const QString& code)
{
    S11Rating r;
    return s11::fromCode(code, &r) ? s11::label(r) : code;
}

} // namespace

Section11GridModel::Section11GridModel(QSqlDatabase db, QObject* parent)
    : QAbstractTableModel(parent), m_db(std::move(db))
{
}

QColor Section11GridModel::ratingColour(const QString& code)
{
    S11Rating r;
    if (!s11::fromCode(code, &r))
        return QColor();
    switch (r) {
    case S11Rating::Good:
        return QColor(0x5A, 0xB4, 0x97);
    case S11Rating::GoodWithAreasForImprovement:
        return QColor(0xBD, 0xE3, 0xD3);
    case S11Rating::RequiresImprovement:
        return QColor(0xF6, 0xC1, 0x5E);
    case S11Rating::Inadequate:
        return QColor(0xE0, 0x7A, 0x5F);
    case S11Rating::Unable:
        break;
    }
    return QColor(0xD9, 0xD9, 0xD9);
}

QString Section11GridModel::trendArrow(S11Trend trend)
{
    switch (trend) {
    case S11Trend::Better:
        return QStringLiteral("▲");
    case S11Trend::Worse:
        return QStringLiteral("▼");
    case S11Trend::Same:
        return QStringLiteral("=");
    case S11Trend::NotComparable:
        break;
    }
    return QStringLiteral("–");
}

QString Section11GridModel::trendWords(S11Trend trend)
{
    switch (trend) {
    case S11Trend::Better:
        return tr("Better");
    case S11Trend::Worse:
        return tr("Worse");
    case S11Trend::Same:
        return tr("Same");
    case S11Trend::NotComparable:
        break;
    }
    return tr("Not comparable");
}

void Section11GridModel::setAudit(qint64 auditId)
{
    beginResetModel();
    m_auditId = auditId;
    if (m_otherAuditId == auditId)
        m_otherAuditId = 0;
    load();
    endResetModel();
}

void Section11GridModel::setComparison(qint64 otherAuditId)
{
    if (otherAuditId == m_auditId)
        otherAuditId = 0; // an audit compared with itself says nothing
    if (otherAuditId == m_otherAuditId)
        return;
    m_otherAuditId = otherAuditId;
    reload();
}

void Section11GridModel::reload()
{
    const int rows = m_agencies.size();
    const int columns = m_standards.size();
    QVector<S11AgencyRow> agencies = m_agencies;
    QVector<S11StandardRow> standards = m_standards;
    load();
    bool sameShape = m_agencies.size() == rows && m_standards.size() == columns;
    for (int i = 0; sameShape && i < rows; ++i)
        sameShape = m_agencies.at(i).id == agencies.at(i).id;
    for (int i = 0; sameShape && i < columns; ++i)
        sameShape = m_standards.at(i).id == standards.at(i).id;
    if (sameShape) {
        if (rowCount() > 0 && columnCount() > 0) {
            emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
            emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
        }
        return;
    }
    // The loaded rows are already in place; a reset tells the views. The old
    // counts were reported until now, so put them back for the begin call.
    QVector<S11AgencyRow> newAgencies = std::move(m_agencies);
    QVector<S11StandardRow> newStandards = std::move(m_standards);
    QVector<QVector<Rated>> newCells = std::move(m_cells);
    m_agencies = agencies;
    m_standards = standards;
    m_cells.clear();
    beginResetModel();
    m_agencies = std::move(newAgencies);
    m_standards = std::move(newStandards);
    m_cells = std::move(newCells);
    endResetModel();
}

void Section11GridModel::load()
{
    m_agencies.clear();
    m_standards.clear();
    m_cells.clear();
    m_otherYear = 0;
    if (m_auditId <= 0)
        return;
    Section11Repository repo(m_db);
    m_agencies = repo.agencies(m_auditId);
    m_standards = repo.standards(m_auditId);
    m_cells = QVector<QVector<Rated>>(m_agencies.size(), QVector<Rated>(m_standards.size()));

    QHash<qint64, int> rowOf, columnOf;
    for (int i = 0; i < m_agencies.size(); ++i)
        rowOf.insert(m_agencies.at(i).id, i);
    for (int i = 0; i < m_standards.size(); ++i)
        columnOf.insert(m_standards.at(i).id, i);
    const QVector<S11RatingRow> ratings = repo.ratings(m_auditId);
    for (const S11RatingRow& r : ratings) {
        const int row = rowOf.value(r.agencyId, -1);
        const int column = columnOf.value(r.standardId, -1);
        if (row < 0 || column < 0)
            continue;
        m_cells[row][column].rating = r;
        m_cells[row][column].present = true;
    }
    if (m_otherAuditId > 0) {
        S11AuditRow other;
        if (repo.audit(m_otherAuditId, &other))
            m_otherYear = other.year;
        const QVector<S11ComparisonCell> cells = repo.compare(m_auditId, m_otherAuditId);
        for (const S11ComparisonCell& c : cells) {
            const int row = rowOf.value(c.agencyId, -1);
            const int column = columnOf.value(c.standardId, -1);
            if (row < 0 || column < 0)
                continue;
            m_cells[row][column].comparison = c;
            m_cells[row][column].compared = true;
        }
    }
}

int Section11GridModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() || m_standards.isEmpty())
        return 0;
    return m_agencies.size() + 1;
}

int Section11GridModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_standards.size();
}

bool Section11GridModel::isRatingCell(const QModelIndex& index) const
{
    return index.isValid() && index.model() == this && index.row() < m_agencies.size() &&
           index.column() < m_standards.size();
}

QModelIndex Section11GridModel::cellIndex(qint64 agencyId, int standardNumber) const
{
    for (int row = 0; row < m_agencies.size(); ++row) {
        if (m_agencies.at(row).id != agencyId)
            continue;
        for (int column = 0; column < m_standards.size(); ++column) {
            if (m_standards.at(column).number == standardNumber)
                return index(row, column);
        }
    }
    return QModelIndex();
}

S11AgencyRow Section11GridModel::agencyAt(int row) const
{
    return row >= 0 && row < m_agencies.size() ? m_agencies.at(row) : S11AgencyRow();
}

S11StandardRow Section11GridModel::standardAt(int column) const
{
    return column >= 0 && column < m_standards.size() ? m_standards.at(column) : S11StandardRow();
}

const Section11GridModel::Rated* Section11GridModel::cellAt(const QModelIndex& index) const
{
    if (!isRatingCell(index))
        return nullptr;
    return &m_cells.at(index.row()).at(index.column());
}

QString Section11GridModel::comparisonLine(const Rated& cell) const
{
    const S11ComparisonCell& c = cell.comparison;
    const QString year = QString::number(m_otherYear);
    const QString arrow = trendArrow(c.trend);
    switch (c.trend) {
    case S11Trend::Better:
        return tr("%1 Better than %2 (%3)").arg(arrow, year, c.otherRatingText);
    case S11Trend::Worse:
        return tr("%1 Worse than %2 (%3)").arg(arrow, year, c.otherRatingText);
    case S11Trend::Same:
        return tr("%1 Same as %2").arg(arrow, year);
    case S11Trend::NotComparable:
        break;
    }
    if (c.otherStandardId == 0)
        return tr("%1 Not comparable: standard not audited in %2").arg(arrow, year);
    if (c.otherRating.isEmpty())
        return tr("%1 Not comparable: not rated in %2").arg(arrow, year);
    return tr("%1 Not comparable (%2: %3)").arg(arrow, year, c.otherRatingText);
}

QVariant Section11GridModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return QVariant();

    if (index.row() == partnershipRow()) {
        const S11StandardRow& s = m_standards.at(index.column());
        Rag r = Rag::None;
        rag::fromCode(s.partnershipRag, &r);
        switch (role) {
        case Qt::DisplayRole:
            return r == Rag::None ? tr("Not rated") : rag::label(r);
        case Qt::BackgroundRole:
            return r == Rag::None ? QVariant() : QVariant(QBrush(rag::colour(r)));
        case Qt::ForegroundRole:
            return r == Rag::None ? QVariant() : QVariant(QBrush(kText));
        case Qt::FontRole: {
            QFont f;
            f.setBold(true);
            return f;
        }
        case Qt::ToolTipRole:
            return s.comment.isEmpty() ? QVariant()
                                       : QVariant(tr("Partnership, standard %1 (%2): %3\n%4")
                                                      .arg(s.number)
                                                      .arg(s.title, rag::label(r), s.comment));
        case Qt::TextAlignmentRole:
            return QVariant(int(Qt::AlignCenter));
        case RatingCodeRole:
            return s.partnershipRag;
        case StandardIdRole:
            return s.id;
        case AgencyIdRole:
            return qint64(0);
        case PartnershipRole:
            return true;
        }
        return QVariant();
    }

    const Rated& cell = m_cells.at(index.row()).at(index.column());
    const S11RatingRow& r = cell.rating;
    const bool compare = m_otherAuditId > 0 && cell.compared;
    switch (role) {
    case Qt::DisplayRole: {
        QString text = cell.present ? r.ratingText : QString();
        if (cell.present && text.trimmed().isEmpty())
            text = ratingLabel(r.rating); // imported without wording: the scale's own words
        if (compare)
            text = (text.isEmpty() ? tr("Not rated") : text) + QLatin1Char('\n') + comparisonLine(cell);
        return text;
    }
    case Qt::EditRole:
    case RatingCodeRole:
        return cell.present ? r.rating : QString();
    case WordingRole:
        return cell.present ? r.ratingText : QString();
    case CommentsRole:
        return cell.present ? r.comments : QStringList();
    case RankRole: {
        if (!cell.present)
            return QVariant();
        S11Rating rating;
        return s11::fromCode(r.rating, &rating) ? s11::rank(rating) : 0;
    }
    case VersionRole:
        return cell.present ? r.version : 0;
    case TrendRole:
        return compare ? QVariant(int(cell.comparison.trend)) : QVariant();
    case OtherRatingRole:
        return compare ? QVariant(cell.comparison.otherRatingText) : QVariant();
    case AgencyIdRole:
        return m_agencies.at(index.row()).id;
    case StandardIdRole:
        return m_standards.at(index.column()).id;
    case PartnershipRole:
        return false;
    case Qt::BackgroundRole: {
        const QColor c = cell.present ? ratingColour(r.rating) : QColor();
        return c.isValid() ? QVariant(QBrush(c)) : QVariant();
    }
    case Qt::ForegroundRole:
        return cell.present ? QVariant(QBrush(kText)) : QVariant(QBrush(QColor(0x70, 0x70, 0x70)));
    case Qt::FontRole: {
        // "Unable to rate" is a statement about the evidence, not a grade.
        if (cell.present && r.rating != QLatin1String("unable"))
            return QVariant();
        QFont f;
        f.setItalic(true);
        return f;
    }
    case Qt::TextAlignmentRole:
        return QVariant(int(Qt::AlignLeft | Qt::AlignVCenter));
    case Qt::ToolTipRole: {
        const S11AgencyRow& a = m_agencies.at(index.row());
        const S11StandardRow& s = m_standards.at(index.column());
        QStringList lines;
        lines << tr("%1 — standard %2: %3").arg(a.shortName).arg(s.number).arg(s.title);
        if (!cell.present) {
            lines << tr("Not rated");
        } else {
            lines << tr("Rating: %1").arg(ratingLabel(r.rating));
            if (r.comments.isEmpty())
                lines << tr("No comments");
            for (const QString& b : r.comments)
                lines << QStringLiteral("• ") + b;
        }
        if (compare)
            lines << comparisonLine(cell);
        return lines.join(QLatin1Char('\n'));
    }
    }
    return QVariant();
}

QVariant Section11GridModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal) {
        if (section < 0 || section >= m_standards.size())
            return QVariant();
        const S11StandardRow& s = m_standards.at(section);
        if (role == Qt::DisplayRole)
            return tr("%1. %2").arg(s.number).arg(s.title);
        if (role == Qt::ToolTipRole) {
            Rag r = Rag::None;
            rag::fromCode(s.partnershipRag, &r);
            return tr("Standard %1: %2\nPartnership: %3").arg(s.number).arg(s.title, rag::label(r));
        }
        if (role == Qt::TextAlignmentRole)
            return QVariant(int(Qt::AlignCenter) | int(Qt::TextWordWrap));
        return QVariant();
    }
    if (section < 0 || section >= rowCount())
        return QVariant();
    if (section == partnershipRow()) {
        if (role == Qt::DisplayRole)
            return tr("Partnership");
        if (role == Qt::ToolTipRole)
            return tr("The partnership's judgement of each standard (RAG)");
        if (role == Qt::FontRole) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return QVariant();
    }
    const S11AgencyRow& a = m_agencies.at(section);
    if (role == Qt::DisplayRole)
        return a.shortName;
    if (role == Qt::ToolTipRole)
        return a.note.isEmpty() ? a.name : a.name + QLatin1Char('\n') + a.note;
    return QVariant();
}

Qt::ItemFlags Section11GridModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (isRatingCell(index) && !m_readOnly)
        f |= Qt::ItemIsEditable;
    return f;
}

bool Section11GridModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !isRatingCell(index) || m_readOnly)
        return false;
    const Rated* cell = cellAt(index);
    const QString code = value.toString().trimmed();
    if (cell->present && code == cell->rating.rating)
        return true; // nothing changed: no write, no new version
    if (code.isEmpty())
        return clearCell(index);
    Section11Repository repo(m_db);
    const qint64 agency = m_agencies.at(index.row()).id;
    const qint64 standard = m_standards.at(index.column()).id;
    const bool ok = cell->present ? repo.setRating(m_auditId, agency, standard, code)
                                  : repo.createRating(m_auditId, agency, standard, code) > 0;
    if (!ok) {
        emit editRefused(index, repo.errorString());
        return false;
    }
    afterSave();
    return true;
}

bool Section11GridModel::setWording(const QModelIndex& index, const QString& wording)
{
    if (!isRatingCell(index) || m_readOnly)
        return false;
    Section11Repository repo(m_db);
    if (!repo.setWording(m_auditId, m_agencies.at(index.row()).id, m_standards.at(index.column()).id,
                         wording)) {
        emit editRefused(index, repo.errorString());
        return false;
    }
    afterSave();
    return true;
}

bool Section11GridModel::setComments(const QModelIndex& index, const QStringList& bullets)
{
    if (!isRatingCell(index) || m_readOnly)
        return false;
    Section11Repository repo(m_db);
    if (!repo.setComments(m_auditId, m_agencies.at(index.row()).id, m_standards.at(index.column()).id,
                          bullets)) {
        emit editRefused(index, repo.errorString());
        return false;
    }
    afterSave();
    return true;
}

bool Section11GridModel::clearCell(const QModelIndex& index)
{
    if (!isRatingCell(index) || m_readOnly)
        return false;
    Section11Repository repo(m_db);
    if (!repo.clearRating(m_auditId, m_agencies.at(index.row()).id, m_standards.at(index.column()).id)) {
        emit editRefused(index, repo.errorString());
        return false;
    }
    afterSave();
    return true;
}

void Section11GridModel::afterSave()
{
    reload();
    emit saved();
}

} // namespace rt
