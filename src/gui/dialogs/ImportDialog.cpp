#include "ImportDialog.h"

#include "db/Database.h"
#include "io/TrackerParser.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QProgressDialog>
#include <QPushButton>
#include <QSet>
#include <QSpinBox>
#include <QSqlQuery>
#include <QTableWidget>
#include <QVBoxLayout>

namespace rt {

namespace {

// The preview shows the first rows under the header: enough to see the
// mapping is right; every problem is listed below it whatever its row.
constexpr int kPreviewRows = 200;
constexpr int kListedProblems = 500;

QString matchKey(const QString& text)
{
    return text.simplified().toCaseFolded();
}

// "1 review", "3 reviews".
QString counted(int n, const char* one, const char* many)
{
    return n == 1 ? QCoreApplication::translate("rt::ImportDialog", one)
                  : QCoreApplication::translate("rt::ImportDialog", many).arg(n);
}

QString countsText(int reviews, int recommendations, int actions, int updates)
{
    return QCoreApplication::translate("rt::ImportDialog", "%1, %2, %3 and %4")
        .arg(counted(reviews, QT_TRANSLATE_NOOP("rt::ImportDialog", "1 review"),
                     QT_TRANSLATE_NOOP("rt::ImportDialog", "%1 reviews")),
             counted(recommendations, QT_TRANSLATE_NOOP("rt::ImportDialog", "1 recommendation"),
                     QT_TRANSLATE_NOOP("rt::ImportDialog", "%1 recommendations")),
             counted(actions, QT_TRANSLATE_NOOP("rt::ImportDialog", "1 action"),
                     QT_TRANSLATE_NOOP("rt::ImportDialog", "%1 actions")),
             counted(updates, QT_TRANSLATE_NOOP("rt::ImportDialog", "1 progress update"),
                     QT_TRANSLATE_NOOP("rt::ImportDialog", "%1 progress updates")));
}

} // namespace

ImportDialog::ImportDialog(Database& db, const QString& file, QWidget* parent)
    : QDialog(parent), m_db(db), m_file(file), m_fileName(QFileInfo(file).fileName())
{
    setWindowTitle(tr("Import a tracker — %1").arg(m_fileName));

    auto* intro =
        new QLabel(tr("One row of the tracker is one action. Check which field each column holds; a "
                      "blank review, number or recommendation cell takes the one above it."));
    intro->setWordWrap(true);

    m_sheet = new QComboBox;
    m_headerRow = new QSpinBox;
    m_headerRow->setMinimum(1);
    m_headerRow->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("00000")) + 40);
    m_kind = new QComboBox;
    for (ReviewKind k : {ReviewKind::LCSPR, ReviewKind::SCR, ReviewKind::RapidReview, ReviewKind::Section11,
                         ReviewKind::Audit})
        m_kind->addItem(reviewkind::label(k), int(k));
    auto* options = new QHBoxLayout;
    auto* sheetLabel = new QLabel(tr("&Sheet:"));
    sheetLabel->setBuddy(m_sheet);
    auto* headerLabel = new QLabel(tr("&Headers on row:"));
    headerLabel->setBuddy(m_headerRow);
    auto* kindLabel = new QLabel(tr("&Kind of a review with no Type:"));
    kindLabel->setBuddy(m_kind);
    options->addWidget(sheetLabel);
    options->addWidget(m_sheet);
    options->addSpacing(16);
    options->addWidget(headerLabel);
    options->addWidget(m_headerRow);
    options->addSpacing(16);
    options->addWidget(kindLabel);
    options->addWidget(m_kind);
    options->addStretch();

    m_preview = new QTableWidget;
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setSelectionMode(QAbstractItemView::SingleSelection);
    m_preview->setWordWrap(false);
    m_preview->setTextElideMode(Qt::ElideRight);
    m_preview->verticalHeader()->setDefaultSectionSize(m_preview->fontMetrics().height() + 10);

    m_summary = new QLabel;
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_problemList = new QListWidget;
    m_problemList->setMaximumHeight(fontMetrics().height() * 7);
    m_problemList->setWordWrap(true);
    m_problemList->setToolTip(tr("Click a problem to see its cell"));
    // A problem clicked shows its cell, when the preview holds that row.
    connect(m_problemList, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        const int row = item->data(Qt::UserRole).toInt() - m_mapping.headerRow - 1;
        const int column = item->data(Qt::UserRole + 1).toInt();
        if (row >= 1 && row < m_preview->rowCount()) {
            const QModelIndex index =
                m_preview->model()->index(row, qBound(0, column, m_preview->columnCount() - 1));
            m_preview->scrollTo(index, QAbstractItemView::PositionAtCenter);
            m_preview->setCurrentIndex(index);
        }
    });
    m_merge =
        new QCheckBox(tr("&Merge: add to these reviews only the recommendations, actions and updates they "
                         "do not have yet"));
    m_mergeNote = new QLabel;
    m_mergeNote->setWordWrap(true);
    m_mergeNote->setStyleSheet(QStringLiteral("color: #8A5300;"));
    m_mergeNote->setTextFormat(Qt::PlainText);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    QPushButton* importButton = m_buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    importButton->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ImportDialog::runImport);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(options);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_problemList);
    layout->addWidget(m_mergeNote);
    layout->addWidget(m_merge);
    layout->addWidget(m_buttons);
    resize(1100, 680);

    // The reviews the database has, to say which would be merged.
    QSqlQuery q(m_db.connection());
    if (q.exec(QStringLiteral("SELECT title FROM reviews"))) {
        while (q.next())
            m_existingTitles.insert(matchKey(q.value(0).toString()));
    }

    QApplication::setOverrideCursor(Qt::WaitCursor);
    const bool read = SheetTable::readFile(file, &m_sheets, &m_loadError);
    QApplication::restoreOverrideCursor();
    if (!read) {
        m_sheets.clear();
        m_summary->setText(m_loadError);
        m_preview->hide();
        m_problemList->hide();
        m_merge->hide();
        importButton->setEnabled(false);
        return;
    }
    for (const SheetTable& s : std::as_const(m_sheets))
        m_sheet->addItem(s.name);
    m_sheet->setVisible(m_sheets.size() > 1);
    sheetLabel->setVisible(m_sheets.size() > 1);
    QString ignored;
    const int first = TrackerColumns::chooseSheet(m_sheets, QString(), &ignored);
    m_sheet->setCurrentIndex(qMax(0, first));
    loadSheet(qMax(0, first));

    connect(m_sheet, &QComboBox::currentIndexChanged, this, &ImportDialog::loadSheet);
    connect(m_headerRow, &QSpinBox::valueChanged, this, [this](int row) { setHeaderRow(row - 1); });
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ImportDialog::reparse);
    connect(m_merge, &QCheckBox::toggled, this, &ImportDialog::showProblems);
    m_preview->setFocus();
}

void ImportDialog::loadSheet(int index)
{
    m_sheetIndex = qBound(0, index, int(m_sheets.size()) - 1);
    m_mapping = TrackerColumns::detect(sheet());
    const QSignalBlocker block(m_headerRow);
    m_headerRow->setMaximum(qMax(1, int(sheet().rows.size())));
    m_headerRow->setValue(m_mapping.headerRow + 1);
    if (m_mapping.headerRow < 0)
        setHeaderRow(0); // nothing recognised: start from the first row, mapped by hand
    else
        buildPreview();
}

void ImportDialog::setHeaderRow(int row)
{
    TrackerMapping mapping;
    mapping.headerRow = row;
    int width = 0;
    for (const QVector<SheetCell>& r : sheet().rows)
        width = qMax(width, int(r.size()));
    for (int c = 0; c < width; ++c)
        mapping.headers << sheet().text(row, c).simplified();
    mapping.fields = TrackerColumns::mapHeaders(mapping.headers);
    m_mapping = mapping;
    buildPreview();
}

void ImportDialog::buildPreview()
{
    const int columns = int(m_mapping.fields.size());
    const int first = m_mapping.headerRow + 1;
    const int rows = qMax(0, qMin(kPreviewRows, int(sheet().rows.size()) - first));
    m_preview->clear();
    m_preview->setColumnCount(columns);
    m_preview->setRowCount(rows + 1); // the first row holds the field lists
    m_fieldBoxes.clear();

    QStringList headerLabels;
    for (int c = 0; c < columns; ++c) {
        const QString header = m_mapping.headers.value(c);
        headerLabels << (header.isEmpty()
                             ? SheetTable::columnLetter(c)
                             : QStringLiteral("%1 · %2").arg(SheetTable::columnLetter(c), header));
    }
    m_preview->setHorizontalHeaderLabels(headerLabels);
    QStringList rowLabels{tr("Field")};
    for (int r = 0; r < rows; ++r)
        rowLabels << QString::number(first + r + 1);
    m_preview->setVerticalHeaderLabels(rowLabels);

    const QList<TrackerField> fields = TrackerColumns::fields();
    const int fieldRowHeight = QComboBox().sizeHint().height() + 4;
    m_preview->setRowHeight(0, fieldRowHeight);
    for (int c = 0; c < columns; ++c) {
        auto* box = new QComboBox;
        box->addItem(tr("(ignore)"), int(TrackerField::Ignore));
        for (TrackerField f : fields)
            box->addItem(TrackerColumns::label(f), int(f));
        box->setCurrentIndex(qMax(0, box->findData(int(m_mapping.fields.at(c)))));
        box->setAccessibleName(tr("Field of column %1").arg(SheetTable::columnLetter(c)));
        // As wide as the field chosen, so a dozen columns fit; the list
        // itself opens wide enough for every field.
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(6);
        box->view()->setMinimumWidth(box->view()->sizeHintForColumn(0) + 24);
        connect(box, &QComboBox::currentIndexChanged, this, [this, c, box] {
            const auto field = TrackerField(box->currentData().toInt());
            // One column per field: the column that held it before lets it go.
            if (field != TrackerField::Ignore) {
                for (int other = 0; other < m_mapping.fields.size(); ++other) {
                    if (other != c && m_mapping.fields.at(other) == field) {
                        m_mapping.fields[other] = TrackerField::Ignore;
                        const QSignalBlocker block(m_fieldBoxes.at(other));
                        m_fieldBoxes.at(other)->setCurrentIndex(0);
                    }
                }
            }
            m_mapping.fields[c] = field;
            fitColumn(c);
            reparse();
        });
        m_preview->setCellWidget(0, c, box);
        m_fieldBoxes << box;
    }
    for (int r = 0; r < rows; ++r) {
        const QVector<SheetCell>& cells = sheet().rows.at(first + r);
        for (int c = 0; c < columns && c < cells.size(); ++c) {
            const QString text = TrackerParser::displayText(cells.at(c));
            if (text.isEmpty())
                continue;
            auto* item = new QTableWidgetItem(text.simplified());
            item->setToolTip(text.size() > 60 ? text : QString());
            m_preview->setItem(r + 1, c, item);
        }
    }
    // Wide enough for the field lists and a glance at the text; long text
    // stays elided (its tooltip has it whole).
    for (int c = 0; c < columns; ++c)
        fitColumn(c);
    reparse();
}

void ImportDialog::fitColumn(int column)
{
    // The field chosen and the header as written both readable (a long
    // header elided at 240 pixels), the text of the cells below elided.
    const QComboBox* box = m_fieldBoxes.value(column);
    const QString header =
        m_preview->horizontalHeaderItem(column) ? m_preview->horizontalHeaderItem(column)->text() : QString();
    const int forHeader =
        qMin(m_preview->horizontalHeader()->fontMetrics().horizontalAdvance(header) + 24, 240);
    const int forField = box ? box->fontMetrics().horizontalAdvance(box->currentText()) + 48 : 0;
    m_preview->setColumnWidth(column, qMax(qMax(forHeader, forField), 90));
}

void ImportDialog::reparse()
{
    QApplication::setOverrideCursor(Qt::WaitCursor);
    TrackerParser parser;
    parser.setDefaultKind(ReviewKind(m_kind->currentData().toInt()));
    parser.parse(sheet(), m_mapping, m_fileName);
    m_problems = parser.problems();
    m_problemAt.clear();
    for (const TrackerProblem& p : std::as_const(m_problems))
        m_problemAt.insert({p.row, p.column}, p.message);
    m_reviews = m_recommendations = m_actions = m_updates = 0;
    m_existingInFile.clear();
    for (const ReviewRecord& r : parser.reviews()) {
        ++m_reviews;
        if (m_existingTitles.contains(matchKey(r.title)))
            m_existingInFile << r.title;
        for (const RecommendationRecord& rec : r.recommendations) {
            ++m_recommendations;
            m_actions += int(rec.actions.size());
            for (const ActionRecord& a : rec.actions)
                m_updates += int(a.updates.size());
        }
    }
    QApplication::restoreOverrideCursor();

    // Ignored columns greyed, unreadable cells marked with their reason.
    const int first = m_mapping.headerRow + 1;
    const QColor ignoredText = palette().color(QPalette::Disabled, QPalette::Text);
    for (int r = 1; r < m_preview->rowCount(); ++r) {
        for (int c = 0; c < m_preview->columnCount(); ++c) {
            QTableWidgetItem* item = m_preview->item(r, c);
            const QString problem = m_problemAt.value({first + r, c});
            if (!item && !problem.isEmpty()) {
                item = new QTableWidgetItem;
                m_preview->setItem(r, c, item);
            }
            if (!item)
                continue;
            const bool ignored = m_mapping.fields.value(c) == TrackerField::Ignore;
            item->setForeground(ignored ? QBrush(ignoredText) : QBrush());
            item->setBackground(problem.isEmpty() ? QBrush() : QBrush(QColor(0xF8, 0xD7, 0xD7)));
            if (!problem.isEmpty())
                item->setToolTip(problem);
        }
    }
    showProblems();
}

void ImportDialog::showProblems()
{
    m_problemList->clear();
    for (int i = 0; i < m_problems.size() && i < kListedProblems; ++i) {
        auto* item = new QListWidgetItem(m_problems.at(i).toString(), m_problemList);
        item->setData(Qt::UserRole, m_problems.at(i).row);
        item->setData(Qt::UserRole + 1, m_problems.at(i).column);
    }
    if (m_problems.size() > kListedProblems)
        m_problemList->addItem(tr("… and %1 more").arg(m_problems.size() - kListedProblems));
    m_problemList->setVisible(!m_problems.isEmpty());
    m_summary->setText(summary());
    m_summary->setStyleSheet(m_problems.isEmpty() ? QString() : QStringLiteral("color: #B01E1E;"));

    QStringList names;
    for (const QString& t : std::as_const(m_existingInFile))
        names << QStringLiteral("“%1”").arg(t);
    m_mergeNote->setText(names.isEmpty()
                             ? QString()
                             : tr("The database already has %1. Without merging, nothing is imported.")
                                   .arg(names.join(QStringLiteral(", "))));
    m_mergeNote->setVisible(!names.isEmpty());
    m_merge->setVisible(!names.isEmpty());
    for (QAbstractButton* b : m_buttons->buttons()) {
        if (m_buttons->buttonRole(b) == QDialogButtonBox::AcceptRole)
            b->setEnabled(canImport());
    }
}

QString ImportDialog::summary() const
{
    if (!isLoaded())
        return m_loadError;
    if (m_db.isReadOnly())
        return tr("This database is open read-only: nothing can be imported into it.");
    if (!m_problems.isEmpty()) {
        QSet<int> rows;
        for (const TrackerProblem& p : m_problems)
            rows.insert(p.row);
        if (m_problems.size() == 1 && m_problems.first().column < 0)
            return m_problems.first().toString();
        return rows.size() == 1
                   ? tr("1 row cannot be read; nothing will be imported until it is put right (or its "
                        "column set to “(ignore)”):")
                   : tr("%1 rows cannot be read; nothing will be imported until they are put right (or "
                        "their columns set to “(ignore)”):")
                         .arg(rows.size());
    }
    const QString counts = countsText(m_reviews, m_recommendations, m_actions, m_updates);
    // Merging adds only what the reviews do not have: then these are the most it adds.
    return m_existingInFile.isEmpty() ? tr("Ready to import %1.").arg(counts)
                                      : tr("The tracker has %1.").arg(counts);
}

QStringList ImportDialog::problemLines() const
{
    QStringList lines;
    for (const TrackerProblem& p : m_problems)
        lines << p.toString();
    return lines;
}

bool ImportDialog::canImport() const
{
    return isLoaded() && !m_db.isReadOnly() && m_problems.isEmpty() && m_reviews > 0 &&
           (m_existingInFile.isEmpty() || m_merge->isChecked());
}

bool ImportDialog::runImport()
{
    if (!canImport())
        return false;
    QProgressDialog progress(tr("Importing %1…").arg(m_fileName), tr("Cancel"), 0, 100, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    progress.setAutoClose(false);
    progress.setAutoReset(false);

    TrackerImporter importer(m_db.connection());
    importer.setMerge(m_merge->isChecked());
    importer.setDefaultKind(ReviewKind(m_kind->currentData().toInt()));
    importer.setProgress([&progress](int done, int total) {
        progress.setMaximum(qMax(1, total));
        progress.setValue(qMin(done, total));
        QApplication::processEvents();
        return !progress.wasCanceled();
    });
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const bool ok = importer.importSheet(sheet(), m_mapping, m_fileName);
    QApplication::restoreOverrideCursor();
    progress.close();
    if (!ok) {
        m_summary->setText(importer.wasCancelled() ? tr("Cancelled: nothing was imported.")
                                                   : importer.errorString());
        m_summary->setStyleSheet(QStringLiteral("color: #B01E1E;"));
        return false;
    }
    m_added = importer.added();
    m_resultText =
        tr("Imported %1 from %2.")
            .arg(countsText(m_added.reviews, m_added.recommendations, m_added.actions, m_added.updates),
                 m_fileName);
    accept();
    return true;
}

} // namespace rt
