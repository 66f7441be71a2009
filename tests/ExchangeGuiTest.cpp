// File ▸ Export and the import entries of the main window. The dialogs'
// pictures for the user guide are saved when RT_SCREENSHOT_DIR is set.

#include "TestSupport.h"
#include "db/PlanQueries.h"
#include "gui/MainWindow.h"
#include "gui/dialogs/ExportDialog.h"
#include "gui/dialogs/ImportDialog.h"
#include "io/ZipArchive.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QMenuBar>
#include <QTest>
#include <gtest/gtest.h>

using namespace rt;

namespace {

QAction* fileAction(MainWindow& window, const QString& startsWith)
{
    const auto menus = window.menuBar()->actions();
    for (QAction* menu : menus) {
        if (!menu->menu())
            continue;
        const auto actions = menu->menu()->actions();
        for (QAction* a : actions)
            if (a->text().remove(QLatin1Char('&')).startsWith(startsWith))
                return a;
    }
    return nullptr;
}

void keepPicture(QWidget* widget, const QString& name)
{
    const QString folder = qEnvironmentVariable("RT_SCREENSHOT_DIR");
    if (!folder.isEmpty())
        widget->grab().save(folder + QLatin1Char('/') + name);
}

} // namespace

TEST(ExchangeGui, ImportIsOfferedOnlyWhenTheDatabaseCanBeWritten)
{
    test::TempDir dir;
    const QString path = dir.file(QStringLiteral("sample.rtdb"));
    test::sampleDatabase(path).reset();

    MainWindow window;
    ASSERT_NE(fileAction(window, QStringLiteral("Export")), nullptr);
    EXPECT_FALSE(fileAction(window, QStringLiteral("Export"))->isEnabled()) << "no database yet";

    auto writable = std::make_unique<Database>();
    ASSERT_TRUE(writable->open(path, Database::OpenMode::ReadWrite));
    window.setDatabase(std::move(writable));
    EXPECT_TRUE(fileAction(window, QStringLiteral("Export"))->isEnabled());
    EXPECT_TRUE(fileAction(window, QStringLiteral("Import spreadsheet tracker"))->isEnabled());
    EXPECT_TRUE(fileAction(window, QStringLiteral("Import owner return"))->isEnabled());

    auto readOnly = std::make_unique<Database>();
    ASSERT_TRUE(readOnly->open(path, Database::OpenMode::ReadOnly));
    window.setDatabase(std::move(readOnly));
    EXPECT_TRUE(fileAction(window, QStringLiteral("Export"))->isEnabled()) << "a reviewer may still export";
    EXPECT_FALSE(fileAction(window, QStringLiteral("Import spreadsheet tracker"))->isEnabled());
    EXPECT_FALSE(fileAction(window, QStringLiteral("Import owner return"))->isEnabled());
}

TEST(ExchangeGui, ExportDialogWritesTheChosenPaperReturnAndBackup)
{
    test::TempDir dir;
    auto db = test::sampleDatabase(dir.file(QStringLiteral("sample.rtdb")));
    ASSERT_TRUE(db);
    const qint64 childX = PlanQueries(db->connection()).findReview(QStringLiteral("Child X"));

    ExportDialog dialog(db->connection(), childX, nullptr);
    dialog.resize(640, 300);
    EXPECT_EQ(dialog.what(), ExportDialog::What::Plan) << "the review the user is in comes first";
    dialog.setAsOf(QDate(2024, 6, 30));
    dialog.setFormat(PaperFormat::Docx);
    EXPECT_EQ(dialog.suggestedFileName(), QStringLiteral("Child X action plan 30-06-2024.docx"));
    keepPicture(&dialog, QStringLiteral("export-dialog.png"));

    QString error;
    const QString docx = dir.file(QStringLiteral("plan.docx"));
    ASSERT_TRUE(dialog.exportTo(docx, &error)) << error.toStdString();
    ZipReader zip;
    QByteArray document;
    ASSERT_TRUE(zip.open(test::readAll(docx)));
    ASSERT_TRUE(zip.read(QStringLiteral("word/document.xml"), &document));
    EXPECT_TRUE(document.contains("Interim Assistant Director Commissioning"));

    // An owner's return is Excel only.
    dialog.setWhat(ExportDialog::What::OwnerReturn);
    auto* format = dialog.findChildren<QComboBox*>().value(3);
    ASSERT_NE(format, nullptr);
    EXPECT_EQ(format->count(), 1);
    const QString xlsx = dir.file(QStringLiteral("return.xlsx"));
    ASSERT_TRUE(dialog.exportTo(xlsx, &error)) << error.toStdString();
    EXPECT_TRUE(test::readAll(xlsx).startsWith("PK"));

    dialog.setWhat(ExportDialog::What::Backup);
    const QString json = dir.file(QStringLiteral("backup.json"));
    ASSERT_TRUE(dialog.exportTo(json, &error)) << error.toStdString();
    EXPECT_TRUE(test::readAll(json).contains("\"review-tracker-backup\""));
}

TEST(ExchangeGui, ImportDialogPreviewsAndImportsATracker)
{
    test::TempDir dir;
    const QString csv = dir.file(QStringLiteral("tracker.csv"));
    {
        QFile f(csv);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("Partnership tracker, printed 01/03/2024\r\n"
                "Review,Rec No,Recommendation,Agreed / Partly Agreed / Not Agreed,Action,Who will lead?,"
                "By when,Status,RAG,Latest update,Update date\r\n"
                "Child Y,1,Strengthen supervision,Agreed,Audit supervision records,Head of Service,"
                "March 2024,Underway,A,Audit booked,12/02/2024\r\n"
                ",,,,Train team managers,Principal Social Worker,31/3/24,Not started,R,,\r\n"
                ",2,\"Improve escalation, across agencies\",Partly Agreed,Refresh the escalation policy,"
                "GSCP Business Manager,Mar-24,Complete,G,Published,2024-01-10\r\n");
    }
    auto db = test::emptyDatabase(dir.file(QStringLiteral("new.rtdb")));
    ASSERT_TRUE(db);
    ImportDialog dialog(*db, csv, nullptr);
    ASSERT_TRUE(dialog.isLoaded()) << dialog.loadError().toStdString();
    dialog.resize(1100, 620);
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    keepPicture(&dialog, QStringLiteral("import-dialog.png"));

    // The header under the title row was found, and "Who will lead?" is the owner.
    EXPECT_TRUE(dialog.problemLines().isEmpty())
        << dialog.problemLines().join(QLatin1Char('\n')).toStdString();
    ASSERT_TRUE(dialog.canImport());
    // One review, two recommendations, three actions (the second row is a
    // second action of recommendation 1: its cells are merged), two updates.
    ASSERT_TRUE(dialog.runImport());
    EXPECT_EQ(dialog.added().reviews, 1);
    EXPECT_EQ(dialog.added().recommendations, 2);
    EXPECT_EQ(dialog.added().actions, 3);
    EXPECT_EQ(dialog.added().updates, 2);
    EXPECT_EQ(test::scalar(
                  *db, QStringLiteral("SELECT count(*) FROM actions WHERE owner_text = 'Head of Service'")),
              1);
}
