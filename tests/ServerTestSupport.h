#pragma once

// A fresh PostgreSQL database per test on the server named by
// RT_TEST_POSTGRES (postgresql://postgres@127.0.0.1:55432/postgres, password
// in PGPASSWORD), as scripts/test.sh starts one. Without the variable a test
// is skipped — unless RT_REQUIRE_POSTGRES is set (CI), where it fails, so a
// server that did not start can never pass for a green run.

#include "db/Database.h"
#include "db/ServerAddress.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <gtest/gtest.h>
#include <memory>

namespace rt::test {

class ServerDatabaseTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        const QString admin = qEnvironmentVariable("RT_TEST_POSTGRES");
        if (admin.isEmpty()) {
            if (qEnvironmentVariableIsSet("RT_REQUIRE_POSTGRES"))
                FAIL() << "RT_REQUIRE_POSTGRES is set but RT_TEST_POSTGRES names no server";
            GTEST_SKIP() << "no PostgreSQL server: set RT_TEST_POSTGRES (scripts/pg-server.sh start)";
        }
        QString error;
        m_admin = ServerAddress::parse(admin, &error);
        ASSERT_TRUE(m_admin.isValid()) << error.toStdString();
        m_name = QStringLiteral("rt_test_%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(12));
        ASSERT_TRUE(maintenance(QStringLiteral("CREATE DATABASE %1").arg(m_name)));
        m_created = true;
    }

    void TearDown() override
    {
        if (!m_created)
            return;
        maintenance(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_name));
        for (const QString& login : std::as_const(m_logins))
            maintenance(QStringLiteral("DROP ROLE IF EXISTS %1").arg(login));
    }

    // The test's database, as the owner (the server's superuser) reaches it.
    QString url() const { return m_admin.withDatabase(m_name).toString(); }
    // The same database through another login.
    QString urlAs(const QString& login) const
    {
        QString text = url();
        return text.replace(QStringLiteral("postgres@"), login + QLatin1Char('@'));
    }
    QString name() const { return m_name; }
    QString host() const { return m_admin.host(); }
    int port() const { return m_admin.port(); }

    // A login for this test only (dropped afterwards), with a password.
    QString createLogin(const QString& stem, const QString& password)
    {
        const QString login = QStringLiteral("%1_%2").arg(stem, m_name.mid(8));
        EXPECT_TRUE(maintenance(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2'").arg(login, password)));
        m_logins << login;
        return login;
    }

    std::unique_ptr<Database> open(const QString& url, Database::OpenMode mode)
    {
        auto db = std::make_unique<Database>();
        EXPECT_TRUE(db->open(url, mode)) << db->errorString().toStdString();
        return db;
    }

private:
    // A statement on the server's maintenance database (postgres).
    bool maintenance(const QString& sql)
    {
        bool ok = false;
        {
            QSqlDatabase c =
                QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("rt-maintenance"));
            c.setHostName(m_admin.host());
            c.setPort(m_admin.port());
            c.setUserName(m_admin.user());
            c.setDatabaseName(m_admin.database());
            if (!c.open()) {
                ADD_FAILURE() << c.lastError().text().toStdString();
            } else {
                QSqlQuery q(c);
                ok = q.exec(sql);
                if (!ok)
                    ADD_FAILURE() << sql.toStdString() << ": " << q.lastError().text().toStdString();
            }
            c.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("rt-maintenance"));
        return ok;
    }

    ServerAddress m_admin;
    QString m_name;
    QStringList m_logins;
    bool m_created = false;
};

} // namespace rt::test
