#include "ExportDialog.h"

#include "db/JsonBackup.h"
#include "db/OwnerReturnsWriter.h"
#include "db/PlanQueries.h"
#include "io/PdfPaperWriter.h"
#include "io/SafeFileWrite.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPageLayout>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace rt {

namespace {

const char* const kFolderKey = "export/folder";

PaperQueries::Kind paperKind(ExportDialog::What what)
{
    switch (what) {
    case ExportDialog::What::Plan:
        return PaperQueries::Kind::Plan;
    case ExportDialog::What::AllPlans:
        return PaperQueries::Kind::AllPlans;
    case ExportDialog::What::Highlight:
        return PaperQueries::Kind::Highlight;
    default:
        return PaperQueries::Kind::Summary;
    }
}

bool isPaper(ExportDialog::What what)
{
    return what != ExportDialog::What::OwnerReturn && what != ExportDialog::What::Backup;
}

} // namespace

ExportDialog::ExportDialog(QSqlDatabase db, qint64 reviewId, QWidget* parent)
    : QDialog(parent), m_db(std::move(db))
{
    setWindowTitle(tr("Export"));

    m_what = new QComboBox;
    m_what->addItem(tr("A review's action plan"), int(What::Plan));
    m_what->addItem(tr("Every review's action plan"), int(What::AllPlans));
    m_what->addItem(tr("QiiP highlight report (overdue, Red and Amber)"), int(What::Highlight));
    m_what->addItem(tr("Executive summary (one row per review)"), int(What::Summary));
    m_what->addItem(tr("An owner's update return (Excel)"), int(What::OwnerReturn));
    m_what->addItem(tr("Whole database backup (JSON)"), int(What::Backup));

    PlanQueries queries(m_db);
    m_review = new QComboBox;
    const auto reviews = queries.reviewTitles();
    for (const auto& r : reviews)
        m_review->addItem(r.second, r.first);
    if (const int i = m_review->findData(reviewId); i >= 0)
        m_review->setCurrentIndex(i);
    m_review->setMinimumContentsLength(40);
    m_review->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);

    m_owner = new QComboBox;
    m_owner->setEditable(false);
    m_owner->addItems(queries.ownerNames());
    m_owner->setMinimumContentsLength(40);
    m_owner->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);

    m_format = new QComboBox;
    m_asOf = new QDateEdit(QDate::currentDate());
    m_asOf->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    m_asOf->setCalendarPopup(true);
    m_oneSheet = new QCheckBox(tr("Every review on one sheet (one sheet each when off)"));
    m_hint = new QLabel;
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);

    auto* form = new QFormLayout;
    form->addRow(tr("&Export:"), m_what);
    m_reviewLabel = new QLabel(tr("&Review:"));
    m_reviewLabel->setBuddy(m_review);
    form->addRow(m_reviewLabel, m_review);
    m_ownerLabel = new QLabel(tr("O&wner:"));
    m_ownerLabel->setBuddy(m_owner);
    form->addRow(m_ownerLabel, m_owner);
    form->addRow(tr("&Format:"), m_format);
    form->addRow(tr("&As of:"), m_asOf);
    form->addRow(QString(), m_oneSheet);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    m_preview = buttons->addButton(tr("Pre&view…"), QDialogButtonBox::ActionRole);
    m_print = buttons->addButton(tr("&Print…"), QDialogButtonBox::ActionRole);
    m_save = buttons->addButton(tr("&Save…"), QDialogButtonBox::AcceptRole);
    m_save->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &ExportDialog::save);
    connect(m_preview, &QPushButton::clicked, this, &ExportDialog::preview);
    connect(m_print, &QPushButton::clicked, this, &ExportDialog::print);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addStretch();
    layout->addWidget(buttons);

    connect(m_what, &QComboBox::currentIndexChanged, this, &ExportDialog::updateControls);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::updateControls);
    if (reviewId == 0 || m_review->findData(reviewId) < 0)
        m_what->setCurrentIndex(m_what->findData(int(What::Highlight)));
    updateControls();
}

ExportDialog::What ExportDialog::what() const
{
    return What(m_what->currentData().toInt());
}

void ExportDialog::setWhat(What what)
{
    m_what->setCurrentIndex(m_what->findData(int(what)));
}

void ExportDialog::setFormat(PaperFormat format)
{
    if (const int i = m_format->findData(int(format)); i >= 0)
        m_format->setCurrentIndex(i);
}

void ExportDialog::setAsOf(const QDate& date)
{
    m_asOf->setDate(date);
}

PaperFormat ExportDialog::format() const
{
    return PaperFormat(m_format->currentData().toInt());
}

void ExportDialog::updateControls()
{
    const What w = what();
    // The formats each choice can be written in; the current one kept when it still fits.
    QVector<PaperFormat> formats;
    if (isPaper(w))
        formats = {PaperFormat::Pdf, PaperFormat::Docx, PaperFormat::Xlsx, PaperFormat::Csv,
                   PaperFormat::Html};
    else if (w == What::OwnerReturn)
        formats = {PaperFormat::Xlsx};
    const QVariant current = m_format->currentData();
    {
        const QSignalBlocker block(m_format);
        m_format->clear();
        for (PaperFormat f : formats)
            m_format->addItem(paperformat::label(f), int(f));
        if (w == What::Backup)
            m_format->addItem(tr("JSON (readable by a person; restores with import)"), -1);
        if (const int i = m_format->findData(current); i >= 0)
            m_format->setCurrentIndex(i);
    }
    m_review->setVisible(w == What::Plan);
    m_reviewLabel->setVisible(w == What::Plan);
    m_owner->setVisible(w == What::OwnerReturn);
    m_ownerLabel->setVisible(w == What::OwnerReturn);
    m_oneSheet->setVisible(w == What::AllPlans && format() == PaperFormat::Xlsx);
    m_asOf->setEnabled(w != What::Backup);
    const bool pdf = isPaper(w) && format() == PaperFormat::Pdf;
    m_preview->setEnabled(pdf);
    m_print->setEnabled(isPaper(w));

    switch (w) {
    case What::Plan:
        m_hint->setText(
            tr("The plan in the published layout, with every progress update and the version "
               "history. Excel and CSV give one row per action with the columns an import reads."));
        break;
    case What::AllPlans:
        m_hint->setText(tr("Every review that has recommendations, one after another."));
        break;
    case What::Highlight:
        m_hint->setText(tr("Open actions overdue against their original target, or rated Red or Amber, by "
                           "agency and review, each with its latest update."));
        break;
    case What::Summary:
        m_hint->setText(tr("One row per review: actions by status and RAG, overdue, and the share of "
                           "recommendations complete."));
        break;
    case What::OwnerReturn:
        m_hint->setText(tr("A workbook for an owner who does not use the program: their open actions, with "
                           "columns for a new status, RAG and update. Bring it back with File ▸ Import "
                           "owner return."));
        break;
    case What::Backup:
        m_hint->setText(tr("Everything in the database, history included, as one JSON file. It restores into "
                           "an empty database with review-tracker import."));
        break;
    }
    if (m_review->count() == 0 && w == What::Plan)
        m_save->setEnabled(false);
    else
        m_save->setEnabled(w != What::OwnerReturn || m_owner->count() > 0);
}

QString ExportDialog::suggestedFileName() const
{
    const What w = what();
    const QString day = m_asOf->date().toString(QStringLiteral("dd-MM-yyyy"));
    if (w == What::Backup)
        return tr("Review Tracker backup %1.json")
            .arg(QDate::currentDate().toString(QStringLiteral("dd-MM-yyyy")));
    if (w == What::OwnerReturn)
        return tr("Update return %1 %2.xlsx")
            .arg(m_owner->currentText(), day)
            .replace(QLatin1Char('/'), QLatin1Char('-'));
    PaperQueries queries(m_db);
    return queries.suggestedFileName(paperKind(w), m_review->currentData().toLongLong(), m_asOf->date()) +
           paperformat::suffix(format());
}

bool ExportDialog::buildPaper(Paper* out, QString* error)
{
    PaperQueries queries(m_db);
    if (!queries.build(paperKind(what()), m_review->currentData().toLongLong(), m_asOf->date(), out)) {
        *error = queries.errorString();
        return false;
    }
    out->oneSheet = m_oneSheet->isVisible() && m_oneSheet->isChecked();
    return true;
}

bool ExportDialog::exportTo(const QString& path, QString* error)
{
    QApplication::setOverrideCursor(Qt::WaitCursor);
    bool ok = false;
    const What w = what();
    if (w == What::Backup) {
        JsonBackup backup(m_db);
        ok = writeFileWith(path, backup, error);
    } else if (w == What::OwnerReturn) {
        OwnerReturnsWriter writer(m_db);
        ok = writeFileWith(path, writer, error, m_owner->currentText(), m_asOf->date());
    } else {
        Paper paper;
        ok = buildPaper(&paper, error) && writePaperFile(paper, format(), path, error);
    }
    QApplication::restoreOverrideCursor();
    return ok;
}

void ExportDialog::save()
{
    QSettings settings;
    const QString folder = settings
                               .value(QLatin1String(kFolderKey),
                                      QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                               .toString();
    const QString suggested = QDir(folder).filePath(suggestedFileName());
    const QString suffix = QFileInfo(suggested).suffix();
    const QString path = QFileDialog::getSaveFileName(this, tr("Export"), suggested,
                                                      tr("%1 files (*.%2)").arg(suffix.toUpper(), suffix));
    if (path.isEmpty())
        return;
    settings.setValue(QLatin1String(kFolderKey), QFileInfo(path).absolutePath());
    QString error;
    if (!exportTo(path, &error)) {
        QMessageBox::warning(this, tr("Export"), error);
        return;
    }
    accept();
}

void ExportDialog::renderTo(QPrinter* printer)
{
    PdfPaperWriter writer;
    if (!writer.render(m_previewPaper, printer))
        QMessageBox::warning(this, tr("Print"), writer.errorString());
}

bool ExportDialog::preparePrinter(QPrinter* printer, const QString& action)
{
    QString error;
    if (!buildPaper(&m_previewPaper, &error)) {
        QMessageBox::warning(this, action, error);
        return false;
    }
    printer->setPageSize(QPageSize(QPageSize::A4));
    printer->setPageOrientation(m_previewPaper.landscape ? QPageLayout::Landscape : QPageLayout::Portrait);
    printer->setDocName(m_previewPaper.title);
    return true;
}

void ExportDialog::preview()
{
    QPrinter printer(QPrinter::HighResolution);
    if (!preparePrinter(&printer, tr("Preview")))
        return;
    QPrintPreviewDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Preview: %1").arg(m_previewPaper.title));
    dialog.resize(1100, 800);
    connect(&dialog, &QPrintPreviewDialog::paintRequested, this, &ExportDialog::renderTo);
    dialog.exec();
}

void ExportDialog::print()
{
    QPrinter printer(QPrinter::HighResolution);
    if (!preparePrinter(&printer, tr("Print")))
        return;
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() == QDialog::Accepted)
        renderTo(&printer);
}

} // namespace rt
