#include "JsonBackup.h"

#include "JsonBackupParts.h"
#include "db/Database.h"
#include "db/Transaction.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVector>

namespace rt {

using namespace jsonbackup;

namespace {

// JSON text written by hand, because QJsonObject sorts keys alphabetically
// and a person reads a row best in the schema's column order.
void appendString(QByteArray& out, const QString& s)
{
    static const char hex[] = "0123456789abcdef";
    out += '"';
    const QByteArray utf8 = s.toUtf8();
    for (const char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\')
            out += QByteArray("\\") + ch;
        else if (c == '\n')
            out += "\\n";
        else if (c == '\t')
            out += "\\t";
        else if (c < 0x20) // \r and the other control characters
            out += QByteArray("\\u00") + hex[c >> 4] + hex[c & 0xF];
        else
            out += ch;
    }
    out += '"';
}

void appendValue(QByteArray& out, const QVariant& v)
{
    if (v.isNull()) {
        out += "null";
        return;
    }
    switch (v.metaType().id()) {
    case QMetaType::LongLong:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        out += QByteArray::number(v.toLongLong());
        break;
    case QMetaType::Double: {
        QByteArray n = QByteArray::number(v.toDouble(), 'g', QLocale::FloatingPointShortest);
        // A whole REAL stays a REAL: "3.0", not "3".
        if (!n.contains('.') && !n.contains('e') && !n.contains('n') && !n.contains('i'))
            n += ".0";
        out += n;
        break;
    }
    case QMetaType::QByteArray:
        out += "{\"base64\": \"";
        out += v.toByteArray().toBase64();
        out += "\"}";
        break;
    default:
        appendString(out, v.toString());
    }
}

} // namespace

JsonBackup::JsonBackup(QSqlDatabase db) : m_db(db) {}

bool JsonBackup::write(QIODevice* device)
{
    m_error.clear();
    if (!checkCoverage(m_db, &m_error))
        return false;
    // One read transaction: the file is one consistent moment of the database.
    const bool reading = m_db.transaction();
    struct EndRead
    {
        QSqlDatabase& db;
        bool active;
        ~EndRead()
        {
            if (active)
                db.rollback();
        }
    } endRead{m_db, reading};

    QByteArray out;
    out.reserve(1 << 20);
    const auto flush = [&](bool force) {
        if (!force && out.size() < (1 << 20))
            return true;
        if (device->write(out) != out.size()) {
            m_error = tr("cannot write the backup: %1").arg(device->errorString());
            return false;
        }
        out.clear();
        return true;
    };

    out += "{\n  \"format\": \"";
    out += kFormat;
    out += "\",\n  \"version\": " + QByteArray::number(kFormatVersion);
    out += ",\n  \"schema_version\": " + QByteArray::number(Database::kSchemaVersion);
    out += ",\n  \"program\": \"Review Tracker\",\n  \"tables\": [";
    bool firstTable = true;
    for (const char* name : kTables) {
        Table table;
        if (!readTable(m_db, QLatin1String(name), &table, &m_error))
            return false;
        out += firstTable ? "\n" : ",\n";
        firstTable = false;
        out += "    {\n      \"table\": ";
        appendString(out, table.name);
        out += ",\n      \"columns\": [";
        QStringList select;
        for (int i = 0; i < table.columns.size(); ++i) {
            out += i == 0 ? "" : ", ";
            appendString(out, table.columns.at(i).name);
            select << quoted(table.columns.at(i).name);
        }
        out += "],\n      \"rows\": [";
        QStringList order;
        for (const QString& k : table.primaryKey)
            order << (k == QLatin1String("rowid") ? k : quoted(k));
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT %1 FROM %2 ORDER BY %3")
                        .arg(select.join(QStringLiteral(", ")), quoted(table.name),
                             order.join(QStringLiteral(", "))))) {
            m_error = tr("cannot read %1: %2").arg(table.name, q.lastError().text());
            return false;
        }
        bool firstRow = true;
        while (q.next()) {
            out += firstRow ? "\n        {" : ",\n        {";
            firstRow = false;
            for (int i = 0; i < table.columns.size(); ++i) {
                out += i == 0 ? "\n          " : ",\n          ";
                appendString(out, table.columns.at(i).name);
                out += ": ";
                appendValue(out, q.value(i));
            }
            out += "\n        }";
            if (!flush(false))
                return false;
        }
        if (q.lastError().isValid()) {
            m_error = tr("cannot read %1: %2").arg(table.name, q.lastError().text());
            return false;
        }
        out += firstRow ? "]\n    }" : "\n      ]\n    }";
    }
    out += "\n  ]\n}\n";
    return flush(true);
}

} // namespace rt
