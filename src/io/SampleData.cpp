#include "SampleData.h"

#include "PlanJsonReader.h"
#include "db/Database.h"
#include "db/PlanWriter.h"
#include "db/Transaction.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSqlError>

namespace rt {

bool SampleData::load(QSqlDatabase& db, QString* error, const QString& dir)
{
    const QStringList files = QDir(dir).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    if (files.isEmpty()) {
        *error = QCoreApplication::translate("rt::SampleData", "%1: no sample files found").arg(dir);
        return false;
    }
    QVector<ReviewRecord> reviews;
    QVector<AgencyRecord> agencies;
    for (const QString& name : files) {
        QFile f(dir + QLatin1Char('/') + name);
        PlanJsonReader reader;
        if (!reader.read(&f, name)) {
            *error = reader.errorString();
            return false;
        }
        reviews += reader.takeReviews();
        agencies += reader.takeAgencies();
    }
    Transaction tx(db);
    PlanWriter writer(db);
    for (const AgencyRecord& a : agencies) {
        if (!writer.addAgency(a)) {
            *error = writer.errorString();
            return false;
        }
    }
    int position = 0;
    for (ReviewRecord& r : reviews) {
        if (!writer.writeReview(r, ++position)) {
            *error = QStringLiteral("%1: %2").arg(r.source, writer.errorString());
            return false;
        }
    }
    if (!writer.resolveReviewLinks(reviews)) {
        *error = writer.errorString();
        return false;
    }
    if (!tx.commit()) {
        *error = db.lastError().text();
        return false;
    }
    return true;
}

bool SampleData::createDatabase(const QString& path, QString* error)
{
    Database db;
    if (!db.open(path, Database::OpenMode::CreateNew)) {
        *error = db.errorString(); // the file existed or could not be made: nothing to remove
        return false;
    }
    QString loadError;
    if (load(db.connection(), &loadError))
        return true;
    db.close();
    for (const char* suffix : {"", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
    *error =
        QCoreApplication::translate("rt::SampleData", "%1: sample data not loaded: %2").arg(path, loadError);
    return false;
}

} // namespace rt
